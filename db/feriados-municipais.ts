/**
 * Repository of the municipal holidays administrators maintain (table
 * feriado_municipal): the rows the calendar of a município counts
 * (rules/calendario takes them as `feriadosMunicipais`), read by the workflows'
 * activity, the prazo calculations and the calendar over HTTP and on the
 * command line; and which unit seats have no table yet.
 */
import { type Kysely, sql } from 'kysely';
import type { FeriadoMunicipal, UF } from '../rules/calendario';
import type { Selectable } from 'kysely';
import type { Database, FeriadoMunicipalTable } from './schema';

export type LinhaFeriadoMunicipal = Selectable<FeriadoMunicipalTable>;

/** The row as the calendar engine takes it. */
export function regraDaLinha(
  l: Pick<LinhaFeriadoMunicipal, 'municipio' | 'municipio_nome' | 'uf' | 'dia' | 'pascoa' | 'nome' | 'ato_legal' | 'desde' | 'ate' | 'fonte'>,
): FeriadoMunicipal {
  return {
    municipio: l.municipio,
    municipioNome: l.municipio_nome,
    uf: l.uf as UF,
    quando: l.dia !== null ? { dia: l.dia } : { pascoa: l.pascoa! },
    nome: l.nome,
    atoLegal: l.ato_legal,
    ...(l.desde ? { desde: l.desde } : {}),
    ...(l.ate ? { ate: l.ate } : {}),
    fonte: l.fonte,
  };
}

export async function obterFeriadoMunicipal(db: Kysely<Database>, id: string) {
  return db.selectFrom('feriado_municipal').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The holidays in force (not removed) of a município, as the calendar takes them. */
export async function lerFeriadosMunicipais(db: Kysely<Database>, municipio: string): Promise<FeriadoMunicipal[]> {
  return (await consultaFeriadosMunicipais(db, municipio).execute()).map((l) => regraDaLinha(l));
}

/** The rows of the holidays in force of a município, in a stable order. */
export function consultaFeriadosMunicipais(db: Kysely<Database>, municipio: string) {
  return db.selectFrom('feriado_municipal').selectAll().where('municipio', '=', municipio).where('removido_em', 'is', null).orderBy('dia').orderBy('pascoa').orderBy('id');
}

export async function listarFeriadosMunicipais(db: Kysely<Database>, f: { municipio?: string; incluirRemovidos?: boolean } = {}) {
  let q = db.selectFrom('feriado_municipal').selectAll().orderBy('municipio').orderBy('dia').orderBy('pascoa').orderBy('id');
  if (f.municipio) q = q.where('municipio', '=', f.municipio);
  if (!f.incluirRemovidos) q = q.where('removido_em', 'is', null);
  return q.execute();
}

/** The key of the partial unique index feriado_municipal_vigente_unique. */
const sqlChave = sql`municipio, coalesce(dia, ''), coalesce(pascoa, 0), coalesce(desde, '1900-01-01'::date)`;

export interface NovoFeriadoMunicipal {
  municipio: string;
  municipioNome: string;
  uf: UF;
  dia: string | null;
  pascoa: number | null;
  nome: string;
  atoLegal: string;
  desde: string | null;
  ate: string | null;
  fonte: string;
}

/**
 * Records a holiday, or returns the one in force with the same município, day
 * and start (criado false): the partial unique index decides under concurrency.
 */
export async function incluirFeriadoMunicipal(db: Kysely<Database>, f: NovoFeriadoMunicipal, ator: string) {
  const criado = await db
    .insertInto('feriado_municipal')
    .values({
      municipio: f.municipio,
      municipio_nome: f.municipioNome,
      uf: f.uf,
      dia: f.dia,
      pascoa: f.pascoa,
      nome: f.nome,
      ato_legal: f.atoLegal,
      desde: f.desde,
      ate: f.ate,
      fonte: f.fonte,
      criado_por: ator,
      atualizado_por: ator,
    })
    .onConflict((oc) => oc.expression(sqlChave).where('removido_em', 'is', null).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (criado) return { linha: criado, criado: true };
  let q = db.selectFrom('feriado_municipal').selectAll().where('removido_em', 'is', null).where('municipio', '=', f.municipio);
  q = f.dia !== null ? q.where('dia', '=', f.dia) : q.where('pascoa', '=', f.pascoa!);
  q = f.desde !== null ? q.where('desde', '=', f.desde) : q.where('desde', 'is', null);
  const existente = await q.executeTakeFirstOrThrow();
  return { linha: existente, criado: false };
}

/** Changes what may change of a holiday (name, act, validity, source). null when there is no such row in force. */
export async function alterarFeriadoMunicipal(
  db: Kysely<Database>,
  id: string,
  m: Partial<{ nome: string; atoLegal: string; desde: string | null; ate: string | null; fonte: string }>,
  ator: string,
) {
  const antes = await db.selectFrom('feriado_municipal').selectAll().where('id', '=', id).where('removido_em', 'is', null).forUpdate().executeTakeFirst();
  if (!antes) return null;
  const depois = await db
    .updateTable('feriado_municipal')
    .set({
      ...(m.nome !== undefined ? { nome: m.nome } : {}),
      ...(m.atoLegal !== undefined ? { ato_legal: m.atoLegal } : {}),
      ...(m.desde !== undefined ? { desde: m.desde } : {}),
      ...(m.ate !== undefined ? { ate: m.ate } : {}),
      ...(m.fonte !== undefined ? { fonte: m.fonte } : {}),
      atualizado_por: ator,
      atualizado_em: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { antes, depois };
}

/** Soft delete. null when there is no such row; removido false when it was already removed. */
export async function removerFeriadoMunicipal(db: Kysely<Database>, id: string, ator: string) {
  const removido = await db
    .updateTable('feriado_municipal')
    .set({ removido_em: new Date(), removido_por: ator })
    .where('id', '=', id)
    .where('removido_em', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (removido) return { linha: removido, removido: true };
  const linha = await obterFeriadoMunicipal(db, id);
  return linha ? { linha, removido: false } : null;
}

/**
 * The units whose seat has no municipal holiday in force (the calendar then
 * warns and counts none), and those whose seat is not recorded at all.
 */
export async function sedesSemFeriadosMunicipais(db: Kysely<Database>) {
  const unidades = await db
    .selectFrom('unidade')
    .select(['chave', 'nome', 'sigla', 'uf', 'sede_municipio', 'sede_municipio_nome'])
    .where((eb) =>
      eb.or([
        eb('sede_municipio', 'is', null),
        eb.not(eb.exists(eb.selectFrom('feriado_municipal').select('id').whereRef('feriado_municipal.municipio', '=', 'unidade.sede_municipio').where('removido_em', 'is', null))),
      ]),
    )
    .orderBy('tipo')
    .orderBy('chave')
    .execute();
  return unidades;
}

/**
 * The processes a change of a município's holidays may touch: an open prazo
 * counted there, or an open task of a process whose unit sits there (or, for
 * runs recorded before units were data, whose school is there). A holiday
 * recurs every year, so no date filter: a signal where nothing changes is harmless.
 */
export async function processosNoMunicipio(db: Kysely<Database>, municipio: string): Promise<string[]> {
  const [prazos, tarefas] = await Promise.all([
    db.selectFrom('prazo_processo').select('processo_id').distinct().where('situacao', '=', 'aberto').where('municipio', '=', municipio).execute(),
    db
      .selectFrom('tarefa')
      .innerJoin('processo', 'processo.id', 'tarefa.processo_id')
      .select('tarefa.processo_id')
      .where('tarefa.situacao', '=', 'aberta')
      .where((eb) =>
        eb.or([
          eb('processo.instituicao_municipio', '=', municipio),
          eb('processo.unidade', 'in', eb.selectFrom('unidade').select('unidade.chave').where('unidade.sede_municipio', '=', municipio)),
        ]),
      )
      .execute(),
  ]);
  return [...new Set([...prazos, ...tarefas].map((r) => r.processo_id))].sort();
}
