/**
 * The phases each process went through, with when it entered and left each
 * one, read from the read model's timeline (processo_evento): a process enters
 * its rite's initial phase at its `abertura` event, and every event of an act
 * that moved it (the rite interpreter writes `dados.de` and `dados.para` on
 * each action's event) ends one phase and starts the next, at the event's
 * instant. Acts that kept the phase (de = para) change nothing here.
 *
 * Only processes whose kind has a rite (the phase codes are the rite's).
 */
import { type ExpressionBuilder, type ExpressionWrapper, type SqlBool, sql } from 'kysely';
import { ritoDoTipo } from '../rules/ritos/registro';
import type { Db } from './connect';
import type { Database } from './schema';

export interface PassagemDeFase {
  processoId: string;
  tipo: string;
  unidade: string;
  fase: string;
  inicio: Date;
  /** null: the process is in this phase now. */
  fim: Date | null;
  /** Who ended the phase (the act's actor id), or null while it runs. */
  concluidaPor: string | null;
}

export interface FiltroPassagens {
  /** The caller's scope over processo (api/auth/escopo.ts noEscopo). */
  escopo: (eb: ExpressionBuilder<Database, 'processo'>) => ExpressionWrapper<Database, 'processo', SqlBool>;
  tipo?: string;
  unidade?: string;
  /** Passages that started on or after this instant. */
  desde?: Date;
}

/** At most this many processes are read at once (the newest first); the dashboard says when it is reached. */
export const LIMITE_PROCESSOS = 5000;

export async function passagensDeFase(db: Db, f: FiltroPassagens): Promise<{ passagens: PassagemDeFase[]; processos: number; limitado: boolean }> {
  let q = db.selectFrom('processo').select(['id', 'tipo', 'unidade']).where(f.escopo as never).orderBy('criado_em', 'desc').limit(LIMITE_PROCESSOS + 1);
  if (f.tipo) q = q.where('tipo', '=', f.tipo);
  if (f.unidade) q = q.where('unidade', '=', f.unidade);
  const processos = (await q.execute()).filter((p) => ritoDoTipo(p.tipo));
  const limitado = processos.length > LIMITE_PROCESSOS;
  const lidos = processos.slice(0, LIMITE_PROCESSOS);
  if (!lidos.length) return { passagens: [], processos: 0, limitado };
  const eventos = await db
    .selectFrom('processo_evento')
    .select(['processo_id', 'seq', 'tipo', 'ator', 'ocorrido_em', sql<string | null>`dados->>'de'`.as('de'), sql<string | null>`dados->>'para'`.as('para')])
    .where('processo_id', 'in', lidos.map((p) => p.id))
    .where((eb) => eb.or([eb('tipo', '=', 'abertura'), eb(sql`dados->>'para'`, 'is not', null)]))
    .orderBy('processo_id')
    .orderBy('seq')
    .execute();
  const porProcesso = new Map<string, typeof eventos>();
  for (const e of eventos) {
    const l = porProcesso.get(e.processo_id) ?? [];
    l.push(e);
    porProcesso.set(e.processo_id, l);
  }
  const passagens: PassagemDeFase[] = [];
  for (const p of lidos) {
    const def = ritoDoTipo(p.tipo)!;
    let atual: PassagemDeFase | null = null;
    for (const e of porProcesso.get(p.id) ?? []) {
      const em = new Date(e.ocorrido_em);
      if (e.tipo === 'abertura') {
        if (!atual) atual = { processoId: p.id, tipo: p.tipo, unidade: p.unidade, fase: def.faseInicial, inicio: em, fim: null, concluidaPor: null };
        continue;
      }
      if (!atual || !e.para || e.para === e.de) continue;
      atual.fim = em;
      atual.concluidaPor = e.ator;
      passagens.push(atual);
      atual = { processoId: p.id, tipo: p.tipo, unidade: p.unidade, fase: e.para, inicio: em, fim: null, concluidaPor: null };
    }
    if (atual) passagens.push(atual);
  }
  const desde = f.desde;
  return { passagens: desde ? passagens.filter((x) => x.inicio >= desde) : passagens, processos: lidos.length, limitado };
}
