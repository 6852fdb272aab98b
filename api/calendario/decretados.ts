/**
 * Decreed days without expediente (DOMAIN prazos rule 9): data that supervisors
 * and administradores maintain. Adding or removing one must re-time every
 * running prazo it touches, so after each change every process whose OPEN
 * prazo the day touches is sent `calendarioAlteradoSignal`; its workflow
 * re-reads the decreed days and re-times the prazo (workflows/prazos/prazo.ts),
 * recording the change in its timeline and in the read model.
 *
 * Which prazos a day touches (read model `prazo_processo`, situacao 'aberto';
 * and the open tasks of the units, table `tarefa`, from their opening day):
 * - dates: ciência ≤ day ≤ vencimento. After the ciência, a day can move the
 *   count; on the ciência itself too (a ciência on a day without expediente
 *   counts on the next business day, rule 7). After the current last day it
 *   cannot. Removals fall under the same test: a day that had pushed the
 *   vencimento lies on or before the vencimento it pushed.
 * - place: nacional touches every prazo; uf, municipio and unidade only
 *   prazos of that UF, município or unidade (as the engine applies them).
 * A signal is harmless where nothing changes (the workflow recomputes and
 * keeps its limit), so erring on the side of notifying is safe.
 *
 * Signals go out after the change commits, so that the workflow's re-read sees
 * it. A process whose workflow has already completed is skipped and reported,
 * never a failure. Repeating a POST (the same day and scope) or a DELETE sends
 * the signals again: that is how a caller retries processes not notified.
 */
import { aplicaAoLocal } from '../../db/dias-decretados';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { FastifyBaseLogger } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import { inicioDoDiaBrasilia, lerData, type Local, validarLocal } from '../../rules/calendario';
import { type AlteracaoCalendario, calendarioAlteradoSignal } from '../../workflows/prazos/definitions';
import type { Ator } from '../auth/ator';
import type { NovoDecretado } from './schemas';
import { instante, instanteOuNulo } from '../instantes';

type Linha = {
  id: string;
  data: string;
  escopo: 'nacional' | 'uf' | 'municipio' | 'unidade';
  uf: string | null;
  municipio: string | null;
  unidade: string | null;
  motivo: string;
  ato_legal: string;
  tipo: 'sem-expediente' | 'expediente-parcial';
  criado_por: string;
  criado_em: Date;
  removido_por: string | null;
  removido_em: Date | null;
};

export function toView(l: Linha) {
  return {
    id: String(l.id),
    data: l.data,
    escopo: l.escopo,
    uf: l.uf,
    municipio: l.municipio,
    unidade: l.unidade,
    motivo: l.motivo,
    atoLegal: l.ato_legal,
    tipo: l.tipo,
    criadoPor: l.criado_por,
    criadoEm: instante(l.criado_em),
    removidoPor: l.removido_por,
    removidoEm: instanteOuNulo(l.removido_em),
  };
}

export interface ResultadoNotificacao {
  processosNotificados: number;
  processos: string[];
  naoNotificados: { processoId: string; motivo: string }[];
}

export type Auditar = (trx: Kysely<Database>, dia: Linha, mudou: boolean) => Promise<void>;

/**
 * Who may change a decreed day ("Supervisor … changes nothing but the calendar
 * of non-business days where authorised"): an administrador, or a supervisor
 * of the central level (no unidade) anywhere; a supervisor of a unidade only
 * that unidade's own days (escopo "unidade"). A regional supervisor cannot
 * decree a day for the whole State.
 */
export function motivoSemAutorizacao(ator: Ator, dia: { escopo: string; unidade: string | null }): string | null {
  if (ator.papeis.includes('administrador')) return null;
  if (!ator.papeis.includes('supervisor')) return 'Seu perfil não permite alterar o calendário.';
  if (!ator.unidade) return null;
  if (dia.escopo === 'unidade' && dia.unidade === ator.unidade) return null;
  return `Como supervisor(a) da unidade ${ator.unidade}, você só altera os dias decretados de escopo "unidade" da sua unidade.`;
}

/** Simultaneous signals at most (a national day can touch every open prazo). */
const SINAIS_EM_PARALELO = 16;

export class DecretadosService {
  constructor(
    private readonly db: Db,
    private readonly temporal: Client,
    private readonly log: FastifyBaseLogger,
  ) {}

  async obter(id: string): Promise<Linha | undefined> {
    return this.db.selectFrom('dia_decretado').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async listar(f: { de?: string; ate?: string; local?: Local; escopo?: Linha['escopo']; incluirRemovidos?: boolean }): Promise<Linha[]> {
    let q = this.db.selectFrom('dia_decretado').selectAll().orderBy('data').orderBy('id');
    if (!f.incluirRemovidos) q = q.where('removido_em', 'is', null);
    if (f.de) q = q.where('data', '>=', f.de);
    if (f.ate) q = q.where('data', '<=', f.ate);
    if (f.escopo) q = q.where('escopo', '=', f.escopo);
    const local = f.local;
    if (local) q = q.where(aplicaAoLocal(local));
    return q.execute();
  }

  /**
   * Records a decreed day, or returns the one in force with the same day and
   * scope (criado false). Safe under concurrency: the partial unique index
   * dia_decretado_vigente_unique decides, ON CONFLICT DO NOTHING yields.
   */
  async incluir(d: NovoDecretado, ator: Ator, auditar: Auditar): Promise<{ dia: Linha; criado: boolean }> {
    for (let tentativa = 0; ; tentativa++) {
      const r = await this.db.transaction().execute(async (trx) => {
        const criado = await trx
          .insertInto('dia_decretado')
          .values({ data: d.data, escopo: d.escopo, uf: d.uf, municipio: d.municipio, unidade: d.unidade, motivo: d.motivo, ato_legal: d.atoLegal, tipo: d.tipo, criado_por: ator.id })
          .onConflict((oc) =>
            oc
              .expression(sql`data, escopo, coalesce(uf, ''), coalesce(municipio, ''), coalesce(unidade, '')`)
              .where('removido_em', 'is', null)
              .doNothing(),
          )
          .returningAll()
          .executeTakeFirst();
        const dia =
          criado ??
          (await trx
            .selectFrom('dia_decretado')
            .selectAll()
            .where('removido_em', 'is', null)
            .where('data', '=', d.data)
            .where('escopo', '=', d.escopo)
            .where(sql<boolean>`coalesce(uf, '') = ${d.uf ?? ''} and coalesce(municipio, '') = ${d.municipio ?? ''} and coalesce(unidade, '') = ${d.unidade ?? ''}`)
            .executeTakeFirst());
        if (!dia) return null; // removed between the conflict and the read: try again
        await auditar(trx, dia, !!criado);
        return { dia, criado: !!criado };
      });
      if (r) return r;
      if (tentativa >= 3) throw new Error('não foi possível incluir o dia decretado (alterações concorrentes)');
    }
  }

  /** Soft delete: sets removido_em/removido_por. null when there is no such day. */
  async remover(id: string, ator: Ator, auditar: Auditar): Promise<{ dia: Linha; removido: boolean } | null> {
    return this.db.transaction().execute(async (trx) => {
      const removido = await trx
        .updateTable('dia_decretado')
        .set({ removido_em: new Date(), removido_por: ator.id })
        .where('id', '=', id)
        .where('removido_em', 'is', null)
        .returningAll()
        .executeTakeFirst();
      const dia = removido ?? (await trx.selectFrom('dia_decretado').selectAll().where('id', '=', id).executeTakeFirst());
      if (!dia) return null;
      await auditar(trx, dia, !!removido);
      return { dia, removido: !!removido };
    });
  }

  /** The processes with an open prazo or an open task that `dia` touches (see the header). */
  async processosAfetados(dia: Pick<Linha, 'data' | 'escopo' | 'uf' | 'municipio' | 'unidade'>): Promise<string[]> {
    let q = this.db
      .selectFrom('prazo_processo')
      .select('processo_id')
      .distinct()
      .where('situacao', '=', 'aberto')
      .where('ciencia', '<=', dia.data)
      .where('vencimento', '>=', dia.data);
    if (dia.escopo === 'uf') q = q.where('uf', '=', dia.uf!);
    if (dia.escopo === 'municipio') q = q.where('municipio', '=', dia.municipio!);
    if (dia.escopo === 'unidade') q = q.where('unidade', '=', dia.unidade!);
    // A unit's task counts like a prazo from the day it opened to its last day
    // (Brasília). Its place is its process's unit's seat (or, for runs recorded
    // before units were data, the school's município: both are notified); a
    // UF's day notifies every task: a signal where nothing changes is harmless.
    const inicio = inicioDoDiaBrasilia(lerData(dia.data, 'data'));
    let t = this.db
      .selectFrom('tarefa')
      .innerJoin('processo', 'processo.id', 'tarefa.processo_id')
      .select('tarefa.processo_id')
      .where('tarefa.situacao', '=', 'aberta')
      .where('tarefa.aberta_em', '<', new Date(inicio + 86_400_000))
      .where('tarefa.limite', '>=', new Date(inicio));
    if (dia.escopo === 'municipio') {
      const m = dia.municipio!;
      t = t.where((eb) =>
        eb.or([
          eb('processo.instituicao_municipio', '=', m),
          eb('processo.unidade', 'in', eb.selectFrom('unidade').select('unidade.chave').where('unidade.sede_municipio', '=', m)),
        ]),
      );
    }
    if (dia.escopo === 'unidade') t = t.where('processo.unidade', '=', dia.unidade!);
    const [prazos, tarefas] = await Promise.all([q.execute(), t.execute()]);
    return [...new Set([...prazos, ...tarefas].map((r) => r.processo_id))].sort();
  }

  /** Sends calendarioAlteradoSignal to every process `dia` touches; never fails for a finished workflow. */
  async notificar(dia: Linha, operacao: AlteracaoCalendario['operacao']): Promise<ResultadoNotificacao> {
    const alvos = await this.processosAfetados(dia);
    const motivo = `${dia.motivo} (${dia.ato_legal})`;
    // A reduced expediente is not a day without expediente: the timeline says which it is.
    const descricao =
      dia.tipo === 'expediente-parcial'
        ? `${dia.data} ${operacao === 'incluido' ? 'incluído' : 'removido'} como dia de expediente reduzido, em que nenhum prazo começa nem vence (${motivo})`
        : undefined;
    return avisarProcessos(this.temporal, this.log, alvos, { data: dia.data, operacao, motivo, ...(descricao ? { descricao } : {}) });
  }
}

/**
 * Sends `alteracao` to each process (calendarioAlteradoSignal): its workflow
 * re-reads the calendar and re-times its open prazo and task. A process whose
 * workflow has ended is reported, never a failure.
 */
export async function avisarProcessos(temporal: Client, log: FastifyBaseLogger, alvos: readonly string[], alteracao: AlteracaoCalendario): Promise<ResultadoNotificacao> {
  const processos: string[] = [];
  const naoNotificados: ResultadoNotificacao['naoNotificados'] = [];
  let proximo = 0;
  const trabalhador = async () => {
    while (proximo < alvos.length) {
      const processoId = alvos[proximo++];
      try {
        await temporal.workflow.getHandle(processoId).signal(calendarioAlteradoSignal, alteracao);
        processos.push(processoId);
      } catch (err) {
        if (err instanceof WorkflowNotFoundError) {
          naoNotificados.push({ processoId, motivo: 'o workflow do processo já terminou (ou não existe): não há prazo em curso a recalcular' });
        } else {
          log.error({ err, processoId, alteracao: alteracao.data }, 'falha ao avisar processo da alteração do calendário');
          naoNotificados.push({ processoId, motivo: `falha ao avisar o processo: ${err instanceof Error ? err.message : String(err)}` });
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(SINAIS_EM_PARALELO, alvos.length) }, trabalhador));
  processos.sort();
  naoNotificados.sort((a, b) => a.processoId.localeCompare(b.processoId));
  return { processosNotificados: processos.length, processos, naoNotificados };
}

/** A listing's place from query parameters (uf defaults to RJ when only município or unidade is given). */
export function localDaConsulta(q: { uf?: string; municipio?: string; unidade?: string }): Local | undefined {
  if (q.uf === undefined && q.municipio === undefined && q.unidade === undefined) return undefined;
  return validarLocal({ uf: q.uf ?? 'RJ', municipio: q.municipio, unidade: q.unidade });
}
