/**
 * Repository of the periods in which rito itself was unavailable (table
 * indisponibilidade), recorded by an administrator. A prazo ending in such a
 * period moves to the next business day (seed 002, art. 18, VI; Lei
 * 11.419/2006, art. 10, § 2º): the calendar receives each civil day
 * (Brasília) a period touches as a decreed day of kind 'indisponibilidade',
 * which counts in the middle of a prazo and cannot be its last day.
 */
import type { Kysely, Selectable } from 'kysely';
import { type DataCivil, type DiaDecretado, diaCivilBrasilia, formatarData, formatarInstanteBrasilia } from '../rules/calendario';
import type { Database, IndisponibilidadeTable } from './schema';

export type LinhaIndisponibilidade = Selectable<IndisponibilidadeTable>;

const ms = (v: Date | string) => new Date(v).getTime();

/** The civil days (Brasília) a period touches: from the day of its start to the day of its last instant. */
export function diasDoPeriodo(inicio: Date | string, fim: Date | string): DataCivil[] {
  const de = diaCivilBrasilia(ms(inicio));
  const ate = diaCivilBrasilia(ms(fim) - 1);
  return Array.from({ length: ate - de + 1 }, (_, i) => formatarData(de + i));
}

/** How the period reads in explanations and timelines. */
export function rotuloIndisponibilidade(l: Pick<LinhaIndisponibilidade, 'inicio' | 'fim' | 'motivo'>): string {
  return `indisponibilidade do rito de ${formatarInstanteBrasilia(ms(l.inicio))} a ${formatarInstanteBrasilia(ms(l.fim))} (${l.motivo})`;
}

/** The days of the periods in force touching [desde, ate], as decreed days of kind 'indisponibilidade' (national). */
export async function diasDeIndisponibilidade(db: Kysely<Database>, desde: DataCivil, ate?: DataCivil): Promise<DiaDecretado[]> {
  return diasDasIndisponibilidades(await consultaIndisponibilidades(db, desde, ate).execute(), desde, ate);
}

/** The periods in force that may touch [desde, ate] (diasDasIndisponibilidades keeps the days inside). */
export function consultaIndisponibilidades(db: Kysely<Database>, desde: DataCivil, ate?: DataCivil) {
  // A period touching `desde` may have started the day before in UTC terms: read a day of margin, filter by civil day.
  let q = db
    .selectFrom('indisponibilidade')
    .selectAll()
    .where('removido_em', 'is', null)
    .where('fim', '>', new Date(new Date(`${desde}T00:00:00-03:00`).getTime() - 86_400_000));
  if (ate !== undefined) q = q.where('inicio', '<', new Date(new Date(`${ate}T00:00:00-03:00`).getTime() + 2 * 86_400_000));
  return q.orderBy('inicio');
}

/** The civil days in [desde, ate] the periods touch, as decreed days; `inicio`/`fim` as Date or as ISO text (a row read as JSON). */
export function diasDasIndisponibilidades(
  linhas: (Pick<LinhaIndisponibilidade, 'id' | 'motivo'> & { inicio: Date | string; fim: Date | string })[],
  desde: DataCivil,
  ate?: DataCivil,
): DiaDecretado[] {
  const out: DiaDecretado[] = [];
  for (const l of linhas) {
    for (const data of diasDoPeriodo(l.inicio, l.fim)) {
      if (data < desde || (ate !== undefined && data > ate)) continue;
      out.push({
        data,
        escopo: 'nacional',
        tipo: 'indisponibilidade',
        motivo: `Indisponibilidade do rito de ${formatarInstanteBrasilia(ms(l.inicio))} a ${formatarInstanteBrasilia(ms(l.fim))}: ${l.motivo}`,
        atoLegal: `registro de indisponibilidade nº ${l.id}`,
      });
    }
  }
  return out;
}

export async function listarIndisponibilidades(db: Kysely<Database>, f: { incluirRemovidas?: boolean } = {}) {
  let q = db.selectFrom('indisponibilidade').selectAll().orderBy('inicio').orderBy('id');
  if (!f.incluirRemovidas) q = q.where('removido_em', 'is', null);
  return q.execute();
}

/** Records a period, or returns the one in force with the same start and end (criado false). */
export async function registrarIndisponibilidade(db: Kysely<Database>, p: { inicio: Date; fim: Date; motivo: string }, ator: string) {
  const criada = await db
    .insertInto('indisponibilidade')
    .values({ inicio: p.inicio, fim: p.fim, motivo: p.motivo, registrado_por: ator })
    .onConflict((oc) => oc.columns(['inicio', 'fim']).where('removido_em', 'is', null).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (criada) return { linha: criada, criada: true };
  const linha = await db
    .selectFrom('indisponibilidade')
    .selectAll()
    .where('removido_em', 'is', null)
    .where('inicio', '=', p.inicio)
    .where('fim', '=', p.fim)
    .executeTakeFirstOrThrow();
  return { linha, criada: false };
}

/** Soft delete; null when there is no such row. */
export async function removerIndisponibilidade(db: Kysely<Database>, id: string, ator: string) {
  const removida = await db
    .updateTable('indisponibilidade')
    .set({ removido_em: new Date(), removido_por: ator })
    .where('id', '=', id)
    .where('removido_em', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (removida) return { linha: removida, removida: true };
  const linha = await db.selectFrom('indisponibilidade').selectAll().where('id', '=', id).executeTakeFirst();
  return linha ? { linha, removida: false } : null;
}

/** The processes with an open prazo whose last day is one of `dias` (or later: a move may cascade), counted from before it. */
export async function processosComPrazoNosDias(db: Kysely<Database>, dias: readonly DataCivil[]): Promise<string[]> {
  if (!dias.length) return [];
  const primeiro = dias[0];
  const ultimo = dias[dias.length - 1];
  const [prazos, tarefas] = await Promise.all([
    db.selectFrom('prazo_processo').select('processo_id').distinct().where('situacao', '=', 'aberto').where('vencimento', '>=', primeiro).where('ciencia', '<=', ultimo).execute(),
    db
      .selectFrom('tarefa')
      .select('processo_id')
      .where('situacao', '=', 'aberta')
      .where('limite', '>=', new Date(`${primeiro}T00:00:00-03:00`))
      .where('aberta_em', '<', new Date(new Date(`${ultimo}T00:00:00-03:00`).getTime() + 86_400_000))
      .execute(),
  ]);
  return [...new Set([...prazos, ...tarefas].map((r) => r.processo_id))].sort();
}
