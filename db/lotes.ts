/**
 * The lotes of the batch API (seed 001) in PostgreSQL: receipt (the records
 * that passed their own checks, typed, loaded by UNNEST into a staging table in
 * the same transaction as the lote's row, so a 202 means they are kept), then,
 * from the lote's workflow, validation against the database and the upsert of
 * the good records, each set-wise in SQL, never record by record.
 *
 * - A bad record never stops the good ones: every check writes the record's
 *   error (lote_erro) and the upsert takes the records without one.
 * - Nothing half-written: the upsert of a lote is one transaction; a record is
 *   written whole (one row) or not at all.
 * - Homologação (seed 001: "chave para realização de testes"): the same
 *   receipt and validation, against the production tables (read only), and no
 *   upsert: the lote reports what would have been written. Nothing of it
 *   reaches estudante, matricula, frequencia_mensal or apuracao_pendente.
 * - After a frequências lote is written, the (codigo_inep, mes) pairs whose
 *   figures changed are queued in apuracao_pendente, in the same transaction:
 *   the apuração (rules/frequencia, workflows/frequencia) takes them from there.
 *   That table is the one extension point between the lotes and the apuração.
 * - Personal data stays here: the workflow gets the lote id only; the staging
 *   rows are deleted once the lote is processed; error messages never repeat a
 *   CPF, NIS or name.
 */
import { type RawBuilder, sql } from 'kysely';
import { CAMPOS, type ErroRegistro, SITUACAO_APOS, TIPO_PG, type TipoLote, type Valor } from '../rules/lotes/registros';
import { descreverRede, lerRede, type Rede } from '../rules/lotes/rede';
import type { Db } from './connect';

export type StatusLote = 'recebido' | 'validando' | 'processando' | 'concluido' | 'concluido-com-erros' | 'falhou';

/** The staging table of each kind (db/migrations/2026_11_29_presenca_lotes.ts). */
export const TABELA_STAGING: Record<TipoLote, string> = {
  estudantes: 'lote_estudante',
  'estudantes-atualizacao': 'lote_estudante',
  matriculas: 'lote_matricula',
  movimentacoes: 'lote_movimentacao',
  frequencias: 'lote_frequencia',
};

/**
 * work_mem of the validation and of the upsert: their sorts and hashes of a million records stay in memory
 * instead of spilling to disk (PostgreSQL's default is 4 MB); set per transaction only.
 */
const MEMORIA_DE_TRABALHO = '256MB';

/**
 * The validation and the upsert join a whole lote at once: no nested loop. With few or no errors the planner
 * otherwise ran the anti-join with lote_erro as a scan per record (7 s of a million-record lote, bench/lotes.ts).
 */
async function ajustarParaConjuntos(trx: Db): Promise<void> {
  await sql`set local work_mem = '${sql.raw(MEMORIA_DE_TRABALHO)}'`.execute(trx);
  await sql`set local enable_nestloop = off`.execute(trx);
}

/** Rows per UNNEST: large enough that the round trips do not count, small enough for pg's array text. */
const POR_INSERCAO = 25_000;

export interface ErroNaPosicao extends ErroRegistro {
  posicao: number;
}

export interface LoteRecebido {
  id: string;
  tipo: TipoLote;
  ambiente: 'homologacao' | 'producao';
  rede: string;
  atorId: string;
  atorNome: string;
  formato: 'json' | 'csv';
  total: number;
}

/** The records of a lote, read part by part (api/lotes/entrada.ts); the hash once all are read. */
export interface RegistrosDoLote {
  proximaParte(max: number): { colunas: Valor[][]; posicoes: number[]; erros: ErroNaPosicao[] } | null;
  hash(): string;
}

class LoteRepetido extends Error {
  constructor(readonly hash: string) {
    super('lote repetido');
  }
}

/**
 * Stores a lote and its records in one transaction, or finds the same lote
 * already sent by the same caller (same hash: then nothing of this sending
 * stays). The database stores each part while the next is read. `auditar` runs
 * inside the transaction of a new lote.
 */
export async function receberLote(
  db: Db,
  l: LoteRecebido,
  registros: RegistrosDoLote,
  auditar: (trx: Db, hash: string) => Promise<void>,
): Promise<{ id: string; status: StatusLote; repetido: boolean; hash: string }> {
  try {
    return await db.transaction().execute(async (trx) => {
      let emCurso: Promise<unknown> = Promise.resolve();
      let comErro = 0;
      // Written after the lote's row, which they reference.
      const erros: ErroNaPosicao[] = [];
      for (let parte = registros.proximaParte(POR_INSERCAO); parte; parte = registros.proximaParte(POR_INSERCAO)) {
        // A record's errors are all in its part.
        comErro += new Set(parte.erros.map((e) => e.posicao)).size;
        for (const e of parte.erros) erros.push(e);
        await emCurso;
        emCurso = carregarStaging(trx, l, parte.colunas, parte.posicoes);
        // Awaited at the next part or below; a failure meanwhile must not be an unhandled rejection.
        emCurso.catch(() => {});
      }
      await emCurso;
      const hash = registros.hash();
      // ON CONFLICT waits for a concurrent insert of the same lote to commit or roll back: one of them wins.
      const r = await trx
        .insertInto('lote')
        .values({
          id: l.id,
          tipo: l.tipo,
          ambiente: l.ambiente,
          rede: l.rede,
          ator_id: l.atorId,
          ator_nome: l.atorNome,
          formato: l.formato,
          hash,
          status: 'recebido',
          total: l.total,
          com_erro: comErro,
        })
        .onConflict((oc) => oc.columns(['ator_id', 'tipo', 'hash']).doNothing())
        .returning('id')
        .executeTakeFirst();
      // The records just staged go with the rollback.
      if (!r) throw new LoteRepetido(hash);
      for (let i = 0; i < erros.length; i += POR_INSERCAO) await inserirErros(trx, l.id, erros.slice(i, i + POR_INSERCAO));
      await auditar(trx, hash);
      return { id: l.id, status: 'recebido' as StatusLote, repetido: false, hash };
    });
  } catch (err) {
    if (!(err instanceof LoteRepetido)) throw err;
    const existente = await db.selectFrom('lote').select(['id', 'status']).where('ator_id', '=', l.atorId).where('tipo', '=', l.tipo).where('hash', '=', err.hash).executeTakeFirstOrThrow();
    return { id: existente.id, status: existente.status, repetido: true, hash: err.hash };
  }
}

async function inserirErros(db: Db, id: string, erros: ErroNaPosicao[]): Promise<void> {
  if (!erros.length) return;
  await sql`insert into lote_erro (lote_id, posicao, campo, codigo, mensagem, etapa)
    select ${id}::uuid, p, c, k, m, 'recebimento'
    from unnest(${erros.map((e) => e.posicao)}::int4[], ${erros.map((e) => e.campo)}::text[], ${erros.map((e) => e.codigo)}::text[], ${erros.map((e) => e.mensagem)}::text[]) as t(p, c, k, m)`.execute(db);
}

/**
 * A PostgreSQL array literal of the values ('{"a",NULL,3}'), every text quoted and its " and \ escaped (the
 * array input syntax). Built here in one pass rather than by pg's generic serialiser: a million-record lote is
 * six million values, and the generic path was a good part of the receipt's time.
 */
export function literalDeArray(vs: readonly (Valor | number)[]): string {
  const partes: string[] = new Array(vs.length);
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    if (v === null) partes[i] = 'NULL';
    else if (typeof v !== 'string') partes[i] = String(v);
    else partes[i] = `"${v.includes('"') || v.includes('\\') ? v.replace(/["\\]/g, '\\$&') : v}"`;
  }
  return `{${partes.join(',')}}`;
}

/** UNNEST of good records into the kind's staging table. */
async function carregarStaging(db: Db, l: LoteRecebido, colunas: Valor[][], posicoes: number[]): Promise<void> {
  if (!posicoes.length) return;
  const campos = CAMPOS[l.tipo];
  const arrays = campos.map((c, k) => sql`${literalDeArray(colunas[k])}::${sql.raw(TIPO_PG[c.tipo])}[]`);
  await sql`insert into ${sql.table(TABELA_STAGING[l.tipo])} (lote_id, posicao, ${sql.join(campos.map((c) => sql.ref(c.coluna)))})
    select ${l.id}::uuid, * from unnest(${literalDeArray(posicoes)}::int4[], ${sql.join(arrays)})`.execute(db);
}

export function obterLote(db: Db, id: string) {
  return db.selectFrom('lote').selectAll().where('id', '=', id).executeTakeFirst();
}
export type Lote = NonNullable<Awaited<ReturnType<typeof obterLote>>>;

/** The caller's lotes of the given kinds, newest first. */
export async function listarLotes(db: Db, atorId: string, tipos: readonly TipoLote[], pagina: number, tamanho: number) {
  const base = db.selectFrom('lote').where('ator_id', '=', atorId).where('tipo', 'in', tipos);
  const [itens, { n }] = await Promise.all([
    base.selectAll().orderBy('recebido_em', 'desc').orderBy('id').limit(tamanho).offset((pagina - 1) * tamanho).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { itens, total: Number(n) };
}

export async function errosDoLote(db: Db, id: string, pagina: number, tamanho: number) {
  const base = db.selectFrom('lote_erro').where('lote_id', '=', id);
  const [itens, { n }] = await Promise.all([
    base.select(['posicao', 'campo', 'codigo', 'mensagem']).orderBy('posicao').orderBy('campo').limit(tamanho).offset((pagina - 1) * tamanho).execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { itens, total: Number(n) };
}

/** Whether the school `u` (an alias of unidade_ensino) is in the network (rules/lotes/rede.ts). */
export function escolaNaRede(r: Rede, u = 'u'): RawBuilder<boolean> {
  if (r.tipo === 'estadual') return sql<boolean>`(${sql.ref(`${u}.uf`)} = ${r.uf} and ${sql.ref(`${u}.dependencia`)} = 'estadual')`;
  if (r.tipo === 'municipal') return sql<boolean>`(${sql.ref(`${u}.municipio`)} = ${r.municipio} and ${sql.ref(`${u}.dependencia`)} = 'municipal')`;
  return sql<boolean>`(${sql.ref(`${u}.codigo_inep`)} = ${r.codigoInep})`;
}

// ---- validation against the database ---------------------------------------------------------------

/** One error as a CASE branch: [campo, codigo, mensagem]. */
const e = (campo: string, codigo: string, mensagem: string) => sql`array[${campo}, ${codigo}, ${mensagem}]::text[]`;
/** The identifier the record gave: where "not found" points. */
const CAMPO_ID = sql`case when s.cpf is not null then 'cpf' else 'nis' end`;

const IDENTIFICACAO = {
  divergentes: sql`when ec.id is not null and en.id is not null and ec.id <> en.id then ${e('nis', 'identificadores-divergentes', 'o CPF e o NIS informados pertencem a estudantes diferentes')}`,
  naoEncontrado: sql`when coalesce(ec.id, en.id) is null then array[${CAMPO_ID}, 'estudante-nao-encontrado', 'estudante não cadastrado: envie-o antes em POST /v1/estudantes/lote']::text[]`,
  nisDivergente: sql`when ec.id is not null and s.nis is not null and ec.nis is not null and ec.nis <> s.nis then ${e('nis', 'nis-divergente', 'o NIS informado difere do cadastrado para o estudante deste CPF')}`,
  cpfDivergente: sql`when ec.id is null and en.id is not null and s.cpf is not null and en.cpf is not null and en.cpf <> s.cpf then ${e('cpf', 'cpf-divergente', 'o CPF informado difere do cadastrado para o estudante deste NIS')}`,
};

/** The student of a staging row `s`, by CPF (ec) and by NIS (en): both hash joins. */
const JOIN_ESTUDANTE = sql`left join estudante ec on ec.cpf = s.cpf left join estudante en on en.nis = s.nis`;
const SID = sql`coalesce(ec.id, en.id)`;
/**
 * One student however identified, for "the same record twice in the lote". A record whose student is not found
 * has its error before this check is reached, so the found student's id is key enough (a uuid sorts fast).
 */
const CHAVE_ESTUDANTE = SID;

function condicoesDaEscola(rede: Rede) {
  return [
    sql`when u.codigo_inep is null then ${e('inep', 'inep-desconhecido', 'escola (Código INEP) não cadastrada no rito: peça à coordenação que a cadastre em /v1/unidades-de-ensino')}`,
    sql`when not ${escolaNaRede(rede)} then ${e('inep', 'fora-da-rede', `a escola não pertence à ${descreverRede(rede)}, a rede da chave`)}`,
  ];
}

/** The FROM and the CASE of the checks of each kind, first failing check wins. */
function validacao(tipo: TipoLote, rede: Rede): { de: RawBuilder<unknown>; casos: RawBuilder<unknown>[] } {
  const dup = (particao: RawBuilder<unknown>, campo = 'cpf') =>
    sql`when row_number() over (partition by ${particao} order by s.posicao) > 1 then ${e(campo, 'duplicado-no-lote', 'registro repetido neste lote: vale o primeiro')}`;
  switch (tipo) {
    case 'estudantes':
      return {
        de: sql`lote_estudante s ${JOIN_ESTUDANTE}`,
        casos: [
          IDENTIFICACAO.divergentes,
          IDENTIFICACAO.nisDivergente,
          IDENTIFICACAO.cpfDivergente,
          sql`when coalesce(ec.id, en.id) is not null and (coalesce(ec.nome, en.nome) <> s.nome or coalesce(ec.data_nascimento, en.data_nascimento) <> s.data_nascimento)
            then array[${CAMPO_ID}, 'ja-cadastrado', 'estudante já cadastrado com outro nome ou data de nascimento: para corrigir, use PATCH /v1/estudantes/lote']::text[]`,
          sql`when s.cpf is not null and row_number() over (partition by s.cpf order by s.posicao) > 1 then ${e('cpf', 'duplicado-no-lote', 'CPF repetido neste lote: vale o primeiro')}`,
          sql`when s.nis is not null and row_number() over (partition by s.nis order by s.posicao) > 1 then ${e('nis', 'duplicado-no-lote', 'NIS repetido neste lote: vale o primeiro')}`,
        ],
      };
    case 'estudantes-atualizacao':
      return {
        de: sql`lote_estudante s ${JOIN_ESTUDANTE}`,
        casos: [
          IDENTIFICACAO.divergentes,
          IDENTIFICACAO.naoEncontrado,
          IDENTIFICACAO.nisDivergente,
          IDENTIFICACAO.cpfDivergente,
          // A network corrects its own students (those enrolled in it) or those enrolled nowhere yet.
          sql`when exists (select 1 from matricula m where m.estudante_id = ${SID})
                and not exists (select 1 from matricula m join unidade_ensino u on u.codigo_inep = m.codigo_inep where m.estudante_id = ${SID} and ${escolaNaRede(rede)})
            then array[${CAMPO_ID}, 'fora-da-rede', ${`o estudante não tem matrícula na ${descreverRede(rede)}, a rede da chave`}]::text[]`,
          dup(CHAVE_ESTUDANTE),
          sql`when s.cpf is not null and row_number() over (partition by s.cpf order by s.posicao) > 1 then ${e('cpf', 'duplicado-no-lote', 'CPF repetido neste lote: vale o primeiro')}`,
          sql`when s.nis is not null and row_number() over (partition by s.nis order by s.posicao) > 1 then ${e('nis', 'duplicado-no-lote', 'NIS repetido neste lote: vale o primeiro')}`,
        ],
      };
    case 'matriculas':
      return {
        de: sql`lote_matricula s ${JOIN_ESTUDANTE} left join unidade_ensino u on u.codigo_inep = s.codigo_inep`,
        casos: [
          IDENTIFICACAO.divergentes,
          IDENTIFICACAO.naoEncontrado,
          IDENTIFICACAO.nisDivergente,
          IDENTIFICACAO.cpfDivergente,
          ...condicoesDaEscola(rede),
          dup(sql`${CHAVE_ESTUDANTE}, s.codigo_inep, s.ano`),
        ],
      };
    case 'movimentacoes':
      return {
        de: sql`lote_movimentacao s ${JOIN_ESTUDANTE} left join unidade_ensino u on u.codigo_inep = s.codigo_inep
          left join matricula m on m.estudante_id = coalesce(ec.id, en.id) and m.codigo_inep = s.codigo_inep and m.ano = s.ano
          left join unidade_ensino d on d.codigo_inep = s.destino_inep`,
        casos: [
          IDENTIFICACAO.divergentes,
          IDENTIFICACAO.naoEncontrado,
          IDENTIFICACAO.nisDivergente,
          IDENTIFICACAO.cpfDivergente,
          ...condicoesDaEscola(rede),
          sql`when m.id is null then ${e('inep', 'matricula-inexistente', 'o estudante não tem matrícula nesta escola neste ano')}`,
          sql`when s.tipo = 'reativacao' and m.situacao = 'ativa' then ${e('tipo', 'matricula-ja-ativa', 'a matrícula já está ativa')}`,
          sql`when s.tipo <> 'reativacao' and m.situacao <> 'ativa' then array['tipo', 'matricula-nao-ativa', 'a matrícula não está ativa (situação: ' || m.situacao || '); para desfazer um movimento, reative-a antes']::text[]`,
          sql`when s.data < m.inicio then ${e('data', 'data-anterior-ao-inicio', 'a data do movimento é anterior ao início da matrícula')}`,
          sql`when s.tipo = 'transferencia' and d.codigo_inep is null then ${e('inepDestino', 'inep-desconhecido', 'escola de destino (Código INEP) não cadastrada no rito')}`,
          dup(sql`${CHAVE_ESTUDANTE}, s.codigo_inep, s.ano`),
        ],
      };
    case 'frequencias':
      return {
        de: sql`lote_frequencia s ${JOIN_ESTUDANTE} left join unidade_ensino u on u.codigo_inep = s.codigo_inep
          left join matricula m on m.estudante_id = coalesce(ec.id, en.id) and m.codigo_inep = s.codigo_inep and m.ano = left(s.mes, 4)::int`,
        casos: [
          IDENTIFICACAO.divergentes,
          IDENTIFICACAO.naoEncontrado,
          IDENTIFICACAO.nisDivergente,
          IDENTIFICACAO.cpfDivergente,
          ...condicoesDaEscola(rede),
          sql`when m.id is null then ${e('inep', 'sem-matricula', 'o estudante não tem matrícula nesta escola no ano do mês informado')}`,
          dup(sql`${CHAVE_ESTUDANTE}, s.codigo_inep, s.mes`),
        ],
      };
  }
}

/** Whether the lote is still to be validated or written (a retried activity finds it done and does nothing). */
async function loteEm(db: Db, id: string, status: readonly StatusLote[]): Promise<Lote | null> {
  const l = await obterLote(db, id);
  return l && status.includes(l.status) ? l : null;
}

/** status validando, then every database check of every good record in one statement. */
export async function validarLote(db: Db, id: string): Promise<void> {
  await db.updateTable('lote').set({ status: 'validando', iniciado_em: new Date() }).where('id', '=', id).where('status', '=', 'recebido').execute();
  const l = await loteEm(db, id, ['validando']);
  if (!l) return;
  const rede = lerRede(l.rede);
  if (!rede) throw new Error(`lote ${id}: rede ilegível`);
  const v = validacao(l.tipo as TipoLote, rede);
  // The staging table was just filled: without fresh statistics the planner takes a lote of a million rows for a
  // few and probes the matrículas a million times by index instead of one hash join (bench/lotes.ts).
  await sql`analyze ${sql.table(TABELA_STAGING[l.tipo as TipoLote])}`.execute(db);
  await db.transaction().execute(async (trx) => {
    await ajustarParaConjuntos(trx);
    await trx.deleteFrom('lote_erro').where('lote_id', '=', id).where('etapa', '=', 'validacao').execute();
    await sql`insert into lote_erro (lote_id, posicao, campo, codigo, mensagem, etapa)
      select ${id}::uuid, posicao, erro[1], erro[2], erro[3], 'validacao'
      from (select s.posicao, case ${sql.join(v.casos, sql` `)} end as erro from ${v.de} where s.lote_id = ${id}) r
      where erro is not null`.execute(trx);
  });
}

/** The good records of the lote: its staging rows without an error. */
const SEM_ERRO = (id: string) => sql`s.lote_id = ${id} and not exists (select 1 from lote_erro x where x.lote_id = ${id} and x.posicao = s.posicao)`;

/** The upsert of each kind (production only). */
async function escrever(trx: Db, tipo: TipoLote, id: string): Promise<void> {
  switch (tipo) {
    case 'estudantes':
      // A student already known with the same name and birth date gains the identifier he lacked.
      await sql`update estudante t set cpf = coalesce(t.cpf, v.cpf), nis = coalesce(t.nis, v.nis), atualizado_em = now()
        from (select ${SID} as sid, s.cpf, s.nis from lote_estudante s ${JOIN_ESTUDANTE} where ${SEM_ERRO(id)}) v
        where t.id = v.sid and ((t.cpf is null and v.cpf is not null) or (t.nis is null and v.nis is not null))`.execute(trx);
      await sql`insert into estudante (cpf, nis, nome, data_nascimento, educacao_basica_concluida)
        select s.cpf, s.nis, s.nome, s.data_nascimento, coalesce(s.educacao_basica_concluida, false)
        from lote_estudante s ${JOIN_ESTUDANTE} where ${SEM_ERRO(id)} and ec.id is null and en.id is null
        -- another lote, validated at the same time, may have just created him: his record stands
        on conflict do nothing`.execute(trx);
      return;
    case 'estudantes-atualizacao':
      await sql`update estudante t set
          nome = coalesce(v.nome, t.nome),
          data_nascimento = coalesce(v.data_nascimento, t.data_nascimento),
          educacao_basica_concluida = coalesce(v.educacao_basica_concluida, t.educacao_basica_concluida),
          cpf = coalesce(t.cpf, v.cpf), nis = coalesce(t.nis, v.nis), atualizado_em = now()
        from (select ${SID} as sid, s.* from lote_estudante s ${JOIN_ESTUDANTE} where ${SEM_ERRO(id)}) v
        where t.id = v.sid`.execute(trx);
      return;
    case 'matriculas':
      await sql`insert into matricula as m (estudante_id, codigo_inep, ano, etapa, turma, inicio)
        select ${SID}, s.codigo_inep, s.ano, s.etapa, s.turma, s.inicio from lote_matricula s ${JOIN_ESTUDANTE} where ${SEM_ERRO(id)}
        on conflict (estudante_id, codigo_inep, ano) do update set
          etapa = coalesce(excluded.etapa, m.etapa), turma = coalesce(excluded.turma, m.turma), inicio = excluded.inicio, atualizado_em = now()`.execute(trx);
      return;
    case 'movimentacoes': {
      const situacao = sql`case v.tipo ${sql.join(
        Object.entries(SITUACAO_APOS).map(([mov, sit]) => sql`when ${mov} then ${sit}`),
        sql` `,
      )} end`;
      await sql`update matricula m set situacao = ${situacao},
          fim = case when v.tipo = 'reativacao' then null else v.data end,
          destino_inep = case when v.tipo = 'transferencia' then v.destino_inep else null end,
          atualizado_em = now()
        from (select ${SID} as sid, s.* from lote_movimentacao s ${JOIN_ESTUDANTE} where ${SEM_ERRO(id)}) v
        where m.estudante_id = v.sid and m.codigo_inep = v.codigo_inep and m.ano = v.ano`.execute(trx);
      return;
    }
    case 'frequencias':
      // Only figures that changed count as changed: the apuração of a school-month is redone only then.
      await sql`with escritas as (
          insert into frequencia_mensal as f (estudante_id, codigo_inep, mes, dias_letivos, presencas, lote_id)
          select ${SID}, s.codigo_inep, s.mes, s.dias_letivos, s.presencas, s.lote_id from lote_frequencia s ${JOIN_ESTUDANTE} where ${SEM_ERRO(id)}
          on conflict (estudante_id, codigo_inep, mes) do update set
            dias_letivos = excluded.dias_letivos, presencas = excluded.presencas, lote_id = excluded.lote_id, atualizado_em = now()
            where (f.dias_letivos, f.presencas) is distinct from (excluded.dias_letivos, excluded.presencas)
          returning f.codigo_inep, f.mes)
        insert into apuracao_pendente (codigo_inep, mes, lote_id)
        select distinct codigo_inep, mes, ${id}::uuid from escritas
        on conflict do nothing`.execute(trx);
      return;
  }
}

/**
 * status processando, then in one transaction: the upsert of the good records
 * (production keys only), the counts and the final status.
 */
export async function aplicarLote(db: Db, id: string): Promise<void> {
  await db.updateTable('lote').set({ status: 'processando' }).where('id', '=', id).where('status', '=', 'validando').execute();
  if (!(await loteEm(db, id, ['processando']))) return;
  await db.transaction().execute(async (trx) => {
    const l = await trx.selectFrom('lote').selectAll().where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (l.status !== 'processando') return;
    await ajustarParaConjuntos(trx);
    if (l.ambiente === 'producao') await escrever(trx, l.tipo as TipoLote, id);
    const { n } = await sql<{ n: number }>`select count(distinct posicao)::int as n from lote_erro where lote_id = ${id}`.execute(trx).then((r) => r.rows[0]);
    await trx
      .updateTable('lote')
      .set({ com_erro: n, aplicados: l.total - n, status: n > 0 ? 'concluido-com-erros' : 'concluido', concluido_em: new Date() })
      .where('id', '=', id)
      .execute();
  });
}

/** The records of a processed lote leave the staging table (LGPD: kept no longer than needed). */
export async function limparLote(db: Db, id: string): Promise<void> {
  const l = await obterLote(db, id);
  if (!l) return;
  await sql`delete from ${sql.table(TABELA_STAGING[l.tipo as TipoLote])} where lote_id = ${id}`.execute(db);
}

/** A lote the worker could not process: nothing of it was written (aplicarLote is one transaction). */
export async function falharLote(db: Db, id: string, motivo: string): Promise<void> {
  await db
    .updateTable('lote')
    .set({ status: 'falhou', falha: motivo, concluido_em: new Date() })
    .where('id', '=', id)
    .where('status', 'not in', ['concluido', 'concluido-com-erros'])
    .execute();
}
