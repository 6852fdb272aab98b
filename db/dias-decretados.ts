/**
 * Repository of the decreed days without expediente (table dia_decretado): the
 * one source of the decreed days a calendar needs, read by the workflows'
 * activity (activities/prazos.ts), the prazo calculations and the calendar over
 * HTTP and on the command line. The rule of which days count at a place is
 * rules/calendario's; this is its query.
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { DataCivil, DiaDecretado, FonteDiasDecretados, Local, UF } from '../rules/calendario';
import { lerFeriadosMunicipais } from './feriados-municipais';
import { diasDeIndisponibilidade } from './indisponibilidades';
import type { Database, DiaDecretadoTable } from './schema';

/** The decreed days that count at a place: national ones, and those of its UF, município and unit. */
export function aplicaAoLocal(local: Local) {
  return (eb: ExpressionBuilder<Database, 'dia_decretado'>) =>
    eb.or([
      eb('escopo', '=', 'nacional'),
      eb.and([eb('escopo', '=', 'uf'), eb('uf', '=', local.uf)]),
      ...(local.municipio ? [eb.and([eb('escopo', '=', 'municipio'), eb('municipio', '=', local.municipio)])] : []),
      ...(local.unidade ? [eb.and([eb('escopo', '=', 'unidade'), eb('unidade', '=', local.unidade)])] : []),
    ]);
}

/**
 * The decreed days in force at `local` from `desde` (and up to `ate`, both
 * inclusive), in date order, with the days rito was unavailable (db/indisponibilidades.ts).
 */
export async function lerDiasDecretados(db: Kysely<Database>, local: Local, desde: DataCivil, ate?: DataCivil): Promise<DiaDecretado[]> {
  const [linhas, indisponiveis] = await Promise.all([consultaDiasDecretados(db, local, desde, ate).execute(), diasDeIndisponibilidade(db, desde, ate)]);
  return comIndisponibilidades(linhas, indisponiveis);
}

/** The rows of the decreed days in force at `local` in [desde, ate], in date order. */
export function consultaDiasDecretados(db: Kysely<Database>, local: Local, desde: DataCivil, ate?: DataCivil) {
  let q = db
    .selectFrom('dia_decretado')
    .selectAll()
    .where('removido_em', 'is', null)
    .where('data', '>=', desde)
    .where(aplicaAoLocal(local));
  if (ate !== undefined) q = q.where('data', '<=', ate);
  return q.orderBy('data');
}

/** The decreed days of the rows, with the days rito was unavailable, in date order. */
export function comIndisponibilidades(
  linhas: Pick<Selectable<DiaDecretadoTable>, 'data' | 'escopo' | 'tipo' | 'uf' | 'municipio' | 'unidade' | 'motivo' | 'ato_legal'>[],
  indisponiveis: DiaDecretado[],
): DiaDecretado[] {
  const decretados = linhas.map((r) => ({
    data: r.data,
    escopo: r.escopo,
    ...(r.tipo !== 'sem-expediente' ? { tipo: r.tipo } : {}),
    ...(r.uf ? { uf: r.uf as UF } : {}),
    ...(r.municipio ? { municipio: r.municipio } : {}),
    ...(r.unidade ? { unidade: r.unidade } : {}),
    motivo: r.motivo,
    atoLegal: r.ato_legal,
  }));
  // The days rito was unavailable count everywhere, like a national decreed day (of their own kind).
  return [...decretados, ...indisponiveis].sort((a, b) => (a.data < b.data ? -1 : a.data > b.data ? 1 : 0));
}

/**
 * The calendar data in PostgreSQL as a calendar's source (the same queries the
 * workflows' activity runs): the decreed days in force at the place, and the
 * municipal holidays administrators keep for its município (which replace
 * the ones rito ships).
 */
export function fonteDiasDecretados(db: Kysely<Database>): FonteDiasDecretados {
  return async ({ local, de, ate }) => ({
    diasDecretados: await lerDiasDecretados(db, local, de, ate),
    feriadosMunicipais: local.municipio ? await lerFeriadosMunicipais(db, local.municipio) : [],
  });
}
