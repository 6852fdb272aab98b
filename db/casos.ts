/**
 * The attendance follow-up's repository (Portaria Interministerial MEC/MC nº 3/2022):
 * the apuração's results, the versions of the motivos list and the motivos
 * registered per period, the cases' read model and events, a município's deadlines.
 * Functions take `db` first and serve the API, the activities and the tests alike.
 */
import { sql } from 'kysely';
import { PRAZOS_PADRAO, type PrazosCaso, prazosCasoSchema } from '../rules/frequencia/caso';
import type { ResultadoApuracao } from '../rules/frequencia/minimo';
import type { Janela, NumeroPeriodo } from '../rules/frequencia/periodos';
import type { Db } from './connect';

export interface LinhaApuracao extends ResultadoApuracao {
  estudanteId: string;
  codigoInep: string;
  mes: string;
  diasLetivos: number;
  presencas: number;
}

/** The month's figures of one school with what the rule needs of each student. */
export function frequenciasDaEscola(db: Db, codigoInep: string, mes: string) {
  return db
    .selectFrom('frequencia_mensal as f')
    .innerJoin('estudante as e', 'e.id', 'f.estudante_id')
    .select(['f.estudante_id', 'f.dias_letivos', 'f.presencas', 'e.data_nascimento', 'e.educacao_basica_concluida'])
    .where('f.codigo_inep', '=', codigoInep)
    .where('f.mes', '=', mes)
    .execute();
}

/** Stores the apuração of many students at once (one statement per thousand rows); a re-apuração overwrites. */
export async function gravarApuracoes(db: Db, linhas: LinhaApuracao[]): Promise<void> {
  for (let i = 0; i < linhas.length; i += 1000) {
    const lote = linhas.slice(i, i + 1000);
    await db
      .insertInto('apuracao_frequencia')
      .values(
        lote.map((l) => ({
          estudante_id: l.estudanteId,
          codigo_inep: l.codigoInep,
          mes: l.mes,
          dias_letivos: l.diasLetivos,
          presencas: l.presencas,
          percentual: l.percentual,
          minimo: l.minimo,
          abaixo: l.abaixo,
          faixa: l.faixa,
          explicacao: l.explicacao,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['estudante_id', 'codigo_inep', 'mes']).doUpdateSet((eb) => ({
          dias_letivos: eb.ref('excluded.dias_letivos'),
          presencas: eb.ref('excluded.presencas'),
          percentual: eb.ref('excluded.percentual'),
          minimo: eb.ref('excluded.minimo'),
          abaixo: eb.ref('excluded.abaixo'),
          faixa: eb.ref('excluded.faixa'),
          explicacao: eb.ref('excluded.explicacao'),
          apurado_em: sql<Date>`now()`,
        })),
      )
      .execute();
  }
}

// --- motivos ---------------------------------------------------------------

/** The list of motivos in force: the newest version whose vigência has begun on `hoje`. */
export async function motivosVigentes(db: Db, hoje: string) {
  return db
    .selectFrom('motivo_frequencia_versao')
    .selectAll()
    .where('vigente_desde', '<=', hoje)
    .orderBy('vigente_desde', 'desc')
    .orderBy('versao', 'desc')
    .executeTakeFirst();
}

export function versoesDeMotivos(db: Db) {
  return db.selectFrom('motivo_frequencia_versao').select(['versao', 'vigente_desde', 'fonte', 'importado_por', 'importado_em']).orderBy('versao').execute();
}

export async function importarMotivos(db: Db, v: { vigenteDesde: string; fonte: string; motivos: { codigo: string; descricao: string }[]; por: string }) {
  return db
    .insertInto('motivo_frequencia_versao')
    .values({ vigente_desde: v.vigenteDesde, fonte: v.fonte, motivos: JSON.stringify(v.motivos), importado_por: v.por })
    .returning(['versao', 'vigente_desde'])
    .executeTakeFirstOrThrow();
}

export async function registrarMotivo(
  db: Db,
  r: { estudanteId: string; codigoInep: string; ano: number; periodo: number; codigo: string; versao: number; por: string },
): Promise<void> {
  await db
    .insertInto('motivo_frequencia_registro')
    .values({ estudante_id: r.estudanteId, codigo_inep: r.codigoInep, ano: r.ano, periodo: r.periodo, motivo_codigo: r.codigo, motivo_versao: r.versao, registrado_por: r.por })
    .onConflict((oc) =>
      oc.columns(['estudante_id', 'codigo_inep', 'ano', 'periodo']).doUpdateSet({ motivo_codigo: r.codigo, motivo_versao: r.versao, registrado_por: r.por, registrado_em: sql<Date>`now()` }),
    )
    .execute();
}

/**
 * Students below the minimum in any month of the period, in the given schools, without a
 * motivo registered for it: what the school and the coordenação municipal must still do.
 */
export function semMotivoNoPeriodo(db: Db, f: { escopo: Escopo; codigoInep?: string; ano: number; periodo: number; meses: string[] }) {
  let q = db
    .selectFrom('apuracao_frequencia as a')
    .innerJoin('estudante as e', 'e.id', 'a.estudante_id')
    .innerJoin('unidade_ensino as u', 'u.codigo_inep', 'a.codigo_inep')
    .leftJoin('motivo_frequencia_registro as m', (j) =>
      j.onRef('m.estudante_id', '=', 'a.estudante_id').onRef('m.codigo_inep', '=', 'a.codigo_inep').on('m.ano', '=', f.ano).on('m.periodo', '=', f.periodo),
    )
    .select(['a.estudante_id', 'a.codigo_inep', 'u.nome as escola', 'u.municipio', 'e.nome', 'e.cpf', 'e.nis'])
    .select((eb) => [eb.fn.agg<string[]>('array_agg', ['a.mes']).as('meses'), eb.fn.min('a.percentual').as('menor_percentual')])
    .where('a.mes', 'in', f.meses)
    .where('a.abaixo', '=', true)
    .where('m.motivo_codigo', 'is', null)
    .groupBy(['a.estudante_id', 'a.codigo_inep', 'u.nome', 'u.municipio', 'e.nome', 'e.cpf', 'e.nis'])
    .orderBy('u.nome')
    .orderBy('e.nome');
  q = q.where((eb) => eb.or([eb('a.codigo_inep', 'in', [...f.escopo.escolas, '']), eb('u.municipio', 'in', [...f.escopo.municipios, ''])]));
  if (f.codigoInep) q = q.where('a.codigo_inep', '=', f.codigoInep);
  return q.limit(5000).execute();
}

/** The same, counted per school without names (the state coordination's view). */
export function contagemSemMotivo(db: Db, f: { ufs?: string[]; ano: number; periodo: number; meses: string[] }) {
  let q = db
    .selectFrom('apuracao_frequencia as a')
    .innerJoin('unidade_ensino as u', 'u.codigo_inep', 'a.codigo_inep')
    .leftJoin('motivo_frequencia_registro as m', (j) =>
      j.onRef('m.estudante_id', '=', 'a.estudante_id').onRef('m.codigo_inep', '=', 'a.codigo_inep').on('m.ano', '=', f.ano).on('m.periodo', '=', f.periodo),
    )
    .select(['u.uf', 'u.municipio', 'a.codigo_inep'])
    .select((eb) => [
      eb.fn.count<string>('a.estudante_id').distinct().as('abaixo'),
      eb.fn.count<string>(eb.case().when('m.motivo_codigo', 'is', null).then(eb.ref('a.estudante_id')).end()).distinct().as('sem_motivo'),
    ])
    .where('a.mes', 'in', f.meses)
    .where('a.abaixo', '=', true)
    .groupBy(['u.uf', 'u.municipio', 'a.codigo_inep'])
    .orderBy('u.uf')
    .orderBy('u.municipio')
    .orderBy('a.codigo_inep');
  if (f.ufs) q = q.where('u.uf', 'in', f.ufs.length ? f.ufs : ['']);
  return q.limit(20_000).execute();
}

// --- janelas de registro ----------------------------------------------------

/** The windows recorded for a year (rules/frequencia/periodos.ts janelaDoPeriodo takes them). */
export async function janelasPublicadas(db: Db, ano: number): Promise<Janela[]> {
  const rows = await db.selectFrom('janela_registro_frequencia').selectAll().where('ano', '=', ano).execute();
  return rows.map((r) => ({ ano: r.ano, periodo: r.periodo as NumeroPeriodo, inicio: r.inicio, fim: r.fim, fonte: r.fonte, padrao: false }));
}

export async function definirJanela(db: Db, j: { ano: number; periodo: number; inicio: string; fim: string; fonte: string; por: string }): Promise<void> {
  const valores = { inicio: j.inicio, fim: j.fim, fonte: j.fonte, definido_por: j.por, definido_em: sql<Date>`now()` };
  await db
    .insertInto('janela_registro_frequencia')
    .values({ ano: j.ano, periodo: j.periodo, ...valores })
    .onConflict((oc) => oc.columns(['ano', 'periodo']).doUpdateSet(valores))
    .execute();
}

// --- casos -----------------------------------------------------------------

export function obterCaso(db: Db, id: string) {
  return db
    .selectFrom('caso_frequencia as c')
    .innerJoin('estudante as e', 'e.id', 'c.estudante_id')
    .leftJoin('unidade_ensino as u', 'u.codigo_inep', 'c.codigo_inep')
    .selectAll('c')
    .select(['e.nome', 'e.cpf', 'e.nis', 'e.data_nascimento', 'u.nome as escola'])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
export type CasoComEstudante = NonNullable<Awaited<ReturnType<typeof obterCaso>>>;

export function casoAbertoDoEstudante(db: Db, estudanteId: string) {
  return db.selectFrom('caso_frequencia').selectAll().where('estudante_id', '=', estudanteId).where('situacao', '=', 'aberto').executeTakeFirst();
}

/** Opens the row of a new case; undefined when the student already has an open one (the unique index decides races). */
export async function inserirCaso(
  db: Db,
  c: { id: string; estudanteId: string; codigoInep: string; uf: string; municipio: string; mes: string; abertoEm: string },
): Promise<boolean> {
  const r = await db
    .insertInto('caso_frequencia')
    .values({ id: c.id, estudante_id: c.estudanteId, codigo_inep: c.codigoInep, uf: c.uf, municipio: c.municipio, mes_abertura: c.mes, aberto_em: c.abertoEm, etapa: 'notificacao-familia', meses_abaixo: [c.mes] })
    .onConflict((oc) => oc.column('estudante_id').where('situacao', '=', 'aberto').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r !== undefined;
}

export async function removerCaso(db: Db, id: string): Promise<void> {
  await db.deleteFrom('caso_frequencia_evento').where('caso_id', '=', id).execute();
  await db.deleteFrom('caso_frequencia').where('id', '=', id).execute();
}

/** Where the caller sees students by name (rules/frequencia/escopo.ts): his schools OR his municípios. */
export interface Escopo {
  escolas: string[];
  municipios: string[];
}

export interface FiltroCasos {
  escopo: Escopo;
  codigoInep?: string;
  situacao?: 'aberto' | 'encerrado';
  atrasados?: boolean;
  /** Only the cases escalated to the coordenação municipal. */
  escalados?: boolean;
}

export function listarCasos(db: Db, f: FiltroCasos, limite = 200, deslocamento = 0) {
  let q = db
    .selectFrom('caso_frequencia as c')
    .innerJoin('estudante as e', 'e.id', 'c.estudante_id')
    .leftJoin('unidade_ensino as u', 'u.codigo_inep', 'c.codigo_inep')
    .selectAll('c')
    .select(['e.nome', 'e.cpf', 'e.nis', 'u.nome as escola']);
  q = q.where((eb) => eb.or([eb('c.codigo_inep', 'in', [...f.escopo.escolas, '']), eb('c.municipio', 'in', [...f.escopo.municipios, ''])]));
  if (f.codigoInep) q = q.where('c.codigo_inep', '=', f.codigoInep);
  if (f.situacao) q = q.where('c.situacao', '=', f.situacao);
  if (f.atrasados) q = q.where('c.atrasado', '=', true);
  if (f.escalados) q = q.where('c.escalado', '=', true);
  return q.orderBy('c.escalado', 'desc').orderBy('c.atrasado', 'desc').orderBy('c.prazo_etapa').orderBy('c.aberto_em').limit(limite).offset(deslocamento).execute();
}

/** Counts without names, for the state coordination (LGPD: minimum access). */
export function contagemDeCasos(db: Db, f: { ufs?: string[] }) {
  let q = db
    .selectFrom('caso_frequencia')
    .select(['uf', 'municipio', 'situacao', 'etapa'])
    .select((eb) => [
      eb.fn.countAll<string>().as('casos'),
      eb.fn.count<string>(eb.case().when('atrasado', '=', true).then(1).end()).as('atrasados'),
      eb.fn.count<string>(eb.case().when('escalado', '=', true).then(1).end()).as('escalados'),
    ])
    .groupBy(['uf', 'municipio', 'situacao', 'etapa'])
    .orderBy('uf')
    .orderBy('municipio');
  if (f.ufs) q = q.where('uf', 'in', f.ufs.length ? f.ufs : ['']);
  return q.execute();
}

export function eventosDoCaso(db: Db, casoId: string) {
  return db.selectFrom('caso_frequencia_evento').selectAll().where('caso_id', '=', casoId).orderBy('seq').execute();
}

export async function sincronizarCaso(
  db: Db,
  s: {
    id: string;
    versao: number;
    situacao: 'aberto' | 'encerrado';
    etapa: string;
    prazoEtapa: string | null;
    atrasado: boolean;
    escalado: boolean;
    mesesAbaixo: string[];
    encerramento: string | null;
    encerradoEm: string | null;
    destinoInep: string | null;
  },
): Promise<void> {
  // A snapshot only overwrites an older one (a retried activity may arrive late).
  await db
    .updateTable('caso_frequencia')
    .set({
      versao: s.versao,
      situacao: s.situacao,
      etapa: s.etapa,
      prazo_etapa: s.prazoEtapa,
      atrasado: s.atrasado,
      escalado: s.escalado,
      meses_abaixo: s.mesesAbaixo,
      encerramento: s.encerramento,
      encerrado_em: s.encerradoEm,
      destino_inep: s.destinoInep,
      atualizado_em: sql<Date>`now()`,
    })
    .where('id', '=', s.id)
    .where('versao', '<', s.versao)
    .execute();
}

export async function registrarEventoCaso(
  db: Db,
  e: { casoId: string; seq: number; tipo: string; descricao: string; ator: string; atorNome: string; em: string; dados: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('caso_frequencia_evento')
    .values({ caso_id: e.casoId, seq: e.seq, tipo: e.tipo, descricao: e.descricao, ator: e.ator, ator_nome: e.atorNome, em: e.em, dados: JSON.stringify(e.dados) })
    .onConflict((oc) => oc.columns(['caso_id', 'seq']).doNothing())
    .execute();
}

// --- prazos por município ---------------------------------------------------

export async function prazosDoMunicipio(db: Db, municipio: string): Promise<PrazosCaso & { fonte: string }> {
  const r = await db.selectFrom('caso_frequencia_prazos').selectAll().where('municipio', '=', municipio).executeTakeFirst();
  if (!r) return PRAZOS_PADRAO;
  return { ...prazosCasoSchema.parse(r.prazos), fonte: r.fonte };
}

export async function definirPrazosDoMunicipio(db: Db, municipio: string, prazos: PrazosCaso, fonte: string, por: string): Promise<void> {
  await db
    .insertInto('caso_frequencia_prazos')
    .values({ municipio, prazos: JSON.stringify(prazos), fonte, definido_por: por })
    .onConflict((oc) => oc.column('municipio').doUpdateSet({ prazos: JSON.stringify(prazos), fonte, definido_por: por, definido_em: sql<Date>`now()` }))
    .execute();
}
