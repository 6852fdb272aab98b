/**
 * Appending to the audit trail. Entries form a hash chain: each one stores the
 * SHA-256 of the previous entry (`hash_anterior`) and its own `hash` over
 * `hash_anterior` and its canonical content, so that altering or removing any
 * entry breaks the chain at that entry (see verificar.ts). Appends are
 * serialised by a transaction-scoped advisory lock (taken inside the database
 * functions of db/migrations/2026_11_30_auditoria_*.ts, or by the group
 * commit's one statement); PostgreSQL refuses any insert that does not
 * continue the chain and any update or delete.
 *
 * Nothing written here carries a full CPF or NIS: every text is masked on the
 * way in (rules/identificadores), and fields named like secrets are dropped.
 * Text PostgreSQL cannot hold (a NUL, a lone surrogate: rules/texto) is replaced
 * by U+FFFD, so that recording a refused request can never fail for its content.
 *
 * An idempotent replay (the same action sent again, answered with the result
 * it already had) is recorded as `<acao>.repeticao` pointing at the original's
 * entry, never as the action performed once more: see `chaveIdempotencia` and
 * `repeticao` in EntradaAuditoria.
 */
import { createHash } from 'node:crypto';
import { type Insertable, type Kysely, sql } from 'kysely';
import type { Auditoria, Database } from '../../db/schema';
import { mascararCpf, mascararCpfNisEmTexto, mascararNis } from '../../rules/identificadores';
import { jsonCanonico, jsonCanonicoEmVolta } from '../../rules/json-canonico';
import { textoExibivel } from '../../rules/texto';
import { instante } from '../instantes';

export const HASH_INICIAL = '0'.repeat(64);

export interface AtorAuditado {
  id: string;
  nome: string;
  papeis: readonly string[];
}

export interface EntradaAuditoria {
  /** null: anonymous (e.g. a failed login). */
  ator: AtorAuditado | null;
  /** requestId: rito's own id of the request; correlacao: the id the client sent (X-Request-Id), if any. */
  origem?: { ip?: string | null; userAgent?: string | null; requestId?: string | null; correlacao?: string | null };
  /** Stable verb, "recurso.verbo": processo.abrir, sessao.criar, usuario.alterar, aluno.ler… */
  acao: string;
  recurso?: string | null;
  recursoId?: string | null;
  processoId?: string | null;
  /** One line for people, in Portuguese. */
  resumo: string;
  /** What changed (before/after, fields), masked before it is stored. */
  dados?: Record<string, unknown>;
  /**
   * The caller's idempotency key (already scoped to the caller, e.g.
   * "<ator>:<Idempotency-Key>"), for actions whose replays the route cannot
   * tell from first runs (a Temporal update with the same updateId answers the
   * same). The first entry of this acao with this key is the original; any
   * later one is recorded as `<acao>.repeticao` referring to it.
   */
  chaveIdempotencia?: string;
  /**
   * The route knows this request repeated an action already performed (e.g. an
   * abertura answered with the process already open): recorded as
   * `<acao>.repeticao`, referring to the first entry of this acao for the same
   * processo (or recurso).
   */
  repeticao?: boolean;
}

/** What an append wrote; `repeticaoDe` is the original's seq when the entry recorded a replay (null if that entry was not found). */
export interface EntradaRegistrada {
  seq: number;
  hash: string;
  acao: string;
  repeticao: boolean;
  repeticaoDe: number | null;
}

export const SUFIXO_REPETICAO = '.repeticao';

/** The content a hash covers, in a fixed shape. */
export interface ConteudoAuditoria {
  seq: number;
  ocorrido_em: string;
  ator_id: string | null;
  ator_nome: string | null;
  ator_papeis: string[];
  origem_ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  /** Only present when set: entries from before the column existed keep their hashes. */
  correlacao_id?: string;
  acao: string;
  recurso: string | null;
  recurso_id: string | null;
  processo_id: string | null;
  resumo: string;
  dados: unknown;
}

const SEGREDO = /senha|token|segredo|secret|password|cookie|authorization/i;
const CHAVE_NIS = /(^|_)(nis|pis|NIS|PIS)$|[a-z](Nis|Pis)$/;

/** Masks CPFs/NIS anywhere in a value and drops secrets; returns plain JSON. */
export function mascararDados(valor: unknown, chave = ''): unknown {
  if (valor === null || valor === undefined) return null;
  if (SEGREDO.test(chave)) return '[omitido]';
  if (typeof valor === 'string') {
    if (/cpf/i.test(chave)) return textoExibivel(mascararCpf(valor));
    if (CHAVE_NIS.test(chave)) return textoExibivel(mascararNis(valor));
    return textoExibivel(mascararCpfNisEmTexto(valor));
  }
  if (typeof valor === 'number' || typeof valor === 'boolean') {
    return typeof valor === 'number' && /cpf|nis|pis/i.test(chave) ? mascararCpfNisEmTexto(String(valor)) : valor;
  }
  if (valor instanceof Date) return instante(valor);
  if (Array.isArray(valor)) return valor.map((v) => mascararDados(v, chave));
  if (typeof valor === 'object') {
    return Object.fromEntries(Object.entries(valor as Record<string, unknown>).map(([k, v]) => [textoExibivel(k), mascararDados(v, k)]));
  }
  return String(valor);
}

export function hashEntrada(hashAnterior: string, conteudo: ConteudoAuditoria): string {
  return createHash('sha256').update(hashAnterior).update('\n').update(jsonCanonico(conteudo)).digest('hex');
}

/** The hashed content of a stored row (what verificar.ts recomputes). */
export function conteudoDaLinha(row: Omit<Auditoria, 'hash' | 'hash_anterior'>): ConteudoAuditoria {
  return {
    seq: Number(row.seq),
    ocorrido_em: new Date(row.ocorrido_em).toISOString(),
    ator_id: row.ator_id,
    ator_nome: row.ator_nome,
    ator_papeis: [...row.ator_papeis],
    origem_ip: row.origem_ip,
    user_agent: row.user_agent,
    request_id: row.request_id,
    ...(row.correlacao_id != null ? { correlacao_id: row.correlacao_id } : {}),
    acao: row.acao,
    recurso: row.recurso,
    recurso_id: row.recurso_id,
    processo_id: row.processo_id,
    resumo: row.resumo,
    dados: row.dados ?? {},
  };
}

const corta = (s: string | null | undefined, max: number) => (s == null ? null : textoExibivel(s.slice(0, max)));
const texto = (s: string) => textoExibivel(mascararCpfNisEmTexto(s));

/**
 * Appends one entry. Pass a transaction to make the entry part of the change it
 * records (both or neither); otherwise it is appended by the writer of `db`'s
 * queue (below), and the promise resolves once it is committed.
 */
export async function registrarAuditoria(db: Kysely<Database>, e: EntradaAuditoria): Promise<EntradaRegistrada> {
  if (db.isTransaction) return (await escreverLote(db, [e]))[0];
  return enfileirar(db, e);
}

/**
 * Appends entries in order, in the caller's transaction, under the chain's
 * lock (between API instances too): the head is read once, then each entry is
 * chained to the one before it and inserted, so a later entry of the same
 * batch sees an earlier one (a repetition finds its original).
 */
async function escreverLote(trx: Kysely<Database>, entradas: readonly EntradaAuditoria[]): Promise<EntradaRegistrada[]> {
  if (entradas.length === 1 && !precisaDoOriginal(entradas[0])) return [await anexarNoBanco(trx, entradas[0])];
  // The lock, then the head as committed by whoever held it before: one round trip (db/migrations/2026_11_30_auditoria_cabeca_travada.ts).
  const [ultima] = (await sql<{ seq: string; hash: string }>`select seq, hash from auditoria_cabeca_travada()`.execute(trx)).rows;
  const cabeca = { seq: ultima ? Number(ultima.seq) : 0, hash: ultima?.hash ?? HASH_INICIAL };
  const out: EntradaRegistrada[] = [];
  // Rows are inserted together, in one statement; a look-up for an original first writes those before it, so it sees them.
  const linhas: LinhaAuditoria[] = [];
  const gravar = async () => {
    if (linhas.length) await trx.insertInto('auditoria').values(linhas.splice(0)).execute();
  };
  for (const e of entradas) out.push(await escreverEntrada(trx, e, cabeca, linhas, gravar));
  await gravar();
  return out;
}

type LinhaAuditoria = Insertable<Database['auditoria']>;

/**
 * One entry that looks up no original, in one round trip: the database takes the lock, reads the head, gives
 * the seq and computes the hash over the canonical JSON built here (db/migrations/2026_11_30_auditoria_anexar.ts),
 * so the lock a caller's transaction holds until its commit is taken as late as it can be.
 */
async function anexarNoBanco(trx: Kysely<Database>, e: EntradaAuditoria): Promise<EntradaRegistrada> {
  const linhas: LinhaAuditoria[] = [];
  const registrada = await escreverEntrada(trx, e, { seq: 0, hash: HASH_INICIAL }, linhas, async () => {});
  const { hash_anterior: _anterior, hash: _hash, ...resto } = linhas[0]!;
  const conteudo = { ...resto, dados: JSON.parse(resto.dados as string) as unknown };
  const { antes, depois } = jsonCanonicoEmVolta(conteudo, 'seq');
  const { rows } = await sql<{ entrada_seq: string; entrada_hash: string }>`
    select entrada_seq, entrada_hash from auditoria_anexar(${antes}, ${depois}, ${JSON.stringify(conteudo)}::json)`.execute(trx);
  return { ...registrada, seq: Number(rows[0]!.entrada_seq), hash: rows[0]!.entrada_hash };
}

/**
 * Group commit (issue 16). Entries that are not part of a caller's
 * transaction (reads of personal data, logins, generic writes) used to take
 * the chain's lock one transaction each — about five round trips each, every
 * request of every instance queued behind the others. Now they queue here and
 * one writer per database appends what has gathered in one transaction, while
 * the next batch gathers. Each request still waits for its own entry's
 * commit: nothing is answered before it is recorded, and the chain, its
 * hashes and its anchors are exactly as before.
 */
interface Pendente {
  e: EntradaAuditoria;
  resolver: (r: EntradaRegistrada) => void;
  rejeitar: (err: unknown) => void;
}
interface Fila {
  itens: Pendente[];
  escrevendo: boolean;
  /** The chain's head as this writer last wrote or read it; null: unknown (read it under the lock). */
  cabeca: { seq: number; hash: string } | null;
}
const filas = new WeakMap<Kysely<Database>, Fila>();
/** Entries per transaction at most: a long batch would hold the lock the other instances wait on. */
const LOTE_MAXIMO = 100;

function enfileirar(db: Kysely<Database>, e: EntradaAuditoria): Promise<EntradaRegistrada> {
  let fila = filas.get(db);
  if (!fila) filas.set(db, (fila = { itens: [], escrevendo: false, cabeca: null }));
  const f = fila;
  return new Promise<EntradaRegistrada>((resolver, rejeitar) => {
    f.itens.push({ e, resolver, rejeitar });
    if (!f.escrevendo) void drenar(db, f);
  });
}

async function drenar(db: Kysely<Database>, fila: Fila): Promise<void> {
  fila.escrevendo = true;
  try {
    while (fila.itens.length) {
      const lote = fila.itens.splice(0, LOTE_MAXIMO);
      try {
        const r = await anexarLote(db, fila, lote.map((p) => p.e));
        lote.forEach((p, i) => p.resolver(r[i]));
      } catch (err) {
        if (lote.length === 1) {
          lote[0].rejeitar(err);
          continue;
        }
        // One bad entry must not fail the others: each is tried alone, as before batching.
        fila.cabeca = null;
        for (const p of lote) {
          try {
            p.resolver((await db.transaction().execute((trx) => escreverLote(trx, [p.e])))[0]);
          } catch (e) {
            p.rejeitar(e);
          }
        }
      }
    }
  } finally {
    fila.escrevendo = false;
  }
}

/**
 * One batch of the queue. When the writer knows the head (it wrote the last entry it saw) and no entry must look
 * up an original, the batch is one statement: it takes the chain's lock, then inserts the rows chained to that
 * head, and commits on its own — one round trip instead of five (BEGIN, lock, read the head, INSERT, COMMIT).
 * If another writer (another instance, or a transaction that audits its own change) appended meanwhile, the
 * first row's seq is taken: PostgreSQL refuses the statement whole (primary key; the chain's trigger checks the
 * rest) and the batch is written again the long way, under the lock, after the head is read. The rows, their
 * hashes and the chain are the same either way.
 */
async function anexarLote(db: Kysely<Database>, fila: Fila, entradas: readonly EntradaAuditoria[]): Promise<EntradaRegistrada[]> {
  if (fila.cabeca && !entradas.some(precisaDoOriginal)) {
    const cabeca = { ...fila.cabeca };
    const linhas: LinhaAuditoria[] = [];
    const out: EntradaRegistrada[] = [];
    for (const e of entradas) out.push(await escreverEntrada(db, e, cabeca, linhas, async () => {}));
    try {
      const recordset = JSON.stringify(linhas.map((l) => ({ ...l, dados: JSON.parse(l.dados as string) })));
      await sql`
        with trava as (select pg_advisory_xact_lock(hashtext('rito.auditoria')))
        insert into auditoria select r.* from trava, json_populate_recordset(null::auditoria, ${recordset}::json) r`.execute(db);
      fila.cabeca = cabeca;
      return out;
    } catch (err) {
      if (!ocupadoPorOutro(err)) throw err;
    }
  }
  fila.cabeca = null;
  const r = await db.transaction().execute((trx) => escreverLote(trx, entradas));
  const ultima = r[r.length - 1];
  fila.cabeca = ultima ? { seq: ultima.seq, hash: ultima.hash } : null;
  return r;
}

/** The seq was taken (23505) or the row does not continue the chain (23000, the trigger): someone else appended. */
const ocupadoPorOutro = (err: unknown) => ['23505', '23000'].includes(String((err as { code?: unknown })?.code));

async function escreverEntrada(
  trx: Kysely<Database>,
  e: EntradaAuditoria,
  cabeca: { seq: number; hash: string },
  linhas: LinhaAuditoria[],
  gravar: () => Promise<void>,
): Promise<EntradaRegistrada> {
  // Looked up under the chain's lock: of two concurrent first runs with one key, the second sees the first.
  if (precisaDoOriginal(e)) await gravar();
  const original = await entradaOriginal(trx, e);
  const repeticao = e.repeticao === true || original !== undefined;
  const repeticaoDe = original ? Number(original.seq) : null;
  const dados = mascararDados(
    repeticao
      ? { repeticaoDe, ...(e.chaveIdempotencia !== undefined ? { chaveIdempotencia: e.chaveIdempotencia } : {}), ...(e.repeticao ? (e.dados ?? {}) : {}) }
      : { ...(e.dados ?? {}), ...(e.chaveIdempotencia !== undefined ? { chaveIdempotencia: e.chaveIdempotencia } : {}) },
  ) as Record<string, unknown>;
  const acao = repeticao ? `${e.acao}${SUFIXO_REPETICAO}` : e.acao;
  const resumo = repeticao && !e.repeticao ? `Repetição (mesma chave de idempotência; nada foi refeito) de: ${e.resumo}` : e.resumo;
  const referencia = repeticao ? (repeticaoDe ? ` [original: entrada ${repeticaoDe}]` : ' [original não encontrado na trilha]') : '';
  const seq = cabeca.seq + 1;
  const hashAnterior = cabeca.hash;
  const correlacao = corta(e.origem?.correlacao, 100);
  const conteudo: ConteudoAuditoria = {
    seq,
    ocorrido_em: new Date().toISOString(),
    ator_id: e.ator?.id ?? null,
    ator_nome: e.ator ? texto(e.ator.nome) : null,
    ator_papeis: e.ator ? [...e.ator.papeis] : [],
    origem_ip: corta(e.origem?.ip, 100),
    user_agent: corta(e.origem?.userAgent, 300),
    request_id: corta(e.origem?.requestId, 100),
    ...(correlacao != null ? { correlacao_id: correlacao } : {}),
    acao,
    recurso: e.recurso ?? null,
    recurso_id: e.recursoId == null ? null : texto(e.recursoId),
    processo_id: e.processoId ?? null,
    resumo: textoExibivel(mascararCpfNisEmTexto(resumo).slice(0, 2000 - referencia.length)) + referencia,
    dados,
  };
  const hash = hashEntrada(hashAnterior, conteudo);
  linhas.push({ ...conteudo, dados: JSON.stringify(conteudo.dados), hash_anterior: hashAnterior, hash });
  cabeca.seq = seq;
  cabeca.hash = hash;
  return { seq, hash, acao, repeticao, repeticaoDe };
}


/** Whether entradaOriginal will query for this entry (then earlier rows of the batch must be written first). */
function precisaDoOriginal(e: EntradaAuditoria): boolean {
  return e.chaveIdempotencia !== undefined || (!!e.repeticao && (e.processoId != null || e.recursoId != null));
}

/** The first entry of the same acao that this one repeats, if the entry says how to find it. */
async function entradaOriginal(trx: Kysely<Database>, e: EntradaAuditoria) {
  if (e.chaveIdempotencia !== undefined) {
    let q = trx
      .selectFrom('auditoria')
      .select('seq')
      .where('acao', '=', e.acao)
      .where(sql<boolean>`dados ? 'chaveIdempotencia'`)
      .where(sql<string>`dados->>'chaveIdempotencia'`, '=', mascararDados(e.chaveIdempotencia, 'chaveIdempotencia') as string);
    // One key names one action of one process (a Temporal updateId is per workflow).
    if (e.processoId != null) q = q.where('processo_id', '=', e.processoId);
    return q.orderBy('seq').limit(1).executeTakeFirst();
  }
  if (!e.repeticao) return undefined;
  const processoId = e.processoId ?? null;
  const recursoId = e.recursoId ?? null;
  if (processoId === null && recursoId === null) return undefined;
  let q = trx.selectFrom('auditoria').select('seq').where('acao', '=', e.acao);
  q = processoId !== null ? q.where('processo_id', '=', processoId) : q.where('recurso_id', '=', texto(recursoId!));
  return q.orderBy('seq').limit(1).executeTakeFirst();
}
