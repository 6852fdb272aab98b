/**
 * Recording in the audit trail. Entries form a hash chain: each one stores the
 * SHA-256 of the previous entry (`hash_anterior`) and its own `hash` over
 * `hash_anterior` and its canonical content, so that altering or removing any
 * entry breaks the chain at that entry (see verificar.ts). An entry is written
 * here, whole and final, to the outbox `auditoria_pendente` — in the caller's
 * transaction when it records a change, with no lock on the chain — and the
 * chainer (encadeador.ts; db/migrations/2026_11_30_auditoria_pendente.ts)
 * gives it its seq and hash and moves it into `auditoria`, one chainer at a
 * time. PostgreSQL refuses any chained insert that does not continue the
 * chain, any update or delete of the chain, and any update or delete of a
 * pending entry other than the chainer's move.
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
import { ESPERA_ENCADEAMENTO_MS, encadeador } from './encadeador';
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

/**
 * What was recorded: `id`, the entry's handle from its insert into the outbox (kept by the chained row);
 * `seq` and `hash` once it is chained, null while pending; `repeticaoDe`, the original's seq when the entry
 * recorded a replay (null if that entry was not found).
 */
export interface EntradaRegistrada {
  id: string;
  seq: number | null;
  hash: string | null;
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
 * Records one entry. In a caller's transaction (`db.isTransaction`) it is
 * written to the outbox with the change it records (both commit or neither)
 * and comes back pending (`seq` and `hash` null): the chainer gives them once
 * the transaction has committed (aguardarEncadeamento; a request's entries
 * are awaited before its answer leaves, plugins/auditoria.ts). Otherwise it is
 * written by `db`'s queue (below) and the promise resolves once it is chained,
 * or — if the chainer cannot within ESPERA_ENCADEAMENTO_MS, or the caller
 * does not wait for it (OpcoesDoRegistro) — once it is committed to the
 * outbox, with `seq` null.
 */
export async function registrarAuditoria(db: Kysely<Database>, e: EntradaAuditoria, opcoes: OpcoesDoRegistro = {}): Promise<EntradaRegistrada> {
  if (db.isTransaction) return gravarPendente(db, e);
  return enfileirar(db, e, opcoes.aguardarCadeia ?? true);
}

export interface OpcoesDoRegistro {
  /**
   * Outside a transaction: resolve once the entry is chained (true, the default) or as soon as it is committed
   * to the outbox (false; `seq` null). A read of personal data takes false (issue 16): the
   * read is recorded before it is answered either way — the outbox is as append-only as the chain, and the entry
   * is chained by the chainer's next periodic run (Encadeador.avisar) — and its answer no longer waits for the
   * chain's one-at-a-time step.
   */
  aguardarCadeia?: boolean;
}

/** The entry's seq and hash once chained (waiting at most `limiteMs`); the entry as given if it already has them. */
export async function aguardarEncadeamento(db: Kysely<Database>, entrada: EntradaRegistrada, limiteMs = ESPERA_ENCADEAMENTO_MS): Promise<EntradaRegistrada> {
  if (entrada.seq !== null) return entrada;
  const [r] = await encadeador(db).aguardar([entrada.id], limiteMs);
  return r ? { ...entrada, ...r } : entrada;
}

type LinhaPendente = Insertable<Database['auditoria_pendente']>;

/**
 * One entry into the outbox, in the caller's transaction. No lock on the chain and no read of its head: only an
 * entry that must find its original (an idempotency key, a known repetition) looks the trail up, under a lock of
 * its own key (two concurrent first runs with one key: the second waits for the first's commit, then sees it).
 */
async function gravarPendente(trx: Kysely<Database>, e: EntradaAuditoria): Promise<EntradaRegistrada> {
  if (e.chaveIdempotencia !== undefined) {
    await sql`select pg_advisory_xact_lock(hashtext('rito.auditoria.chave'), hashtext(${`${e.acao}\n${e.chaveIdempotencia}`}))`.execute(trx);
  }
  const original = precisaDoOriginal(e) ? await entradaOriginal(trx, e) : undefined;
  const { linha, registrada } = montarEntrada(e, original);
  const { id } = await trx.insertInto('auditoria_pendente').values(linha).returning('id').executeTakeFirstOrThrow();
  return { ...registrada, id: String(id) };
}

/**
 * Entries that are not part of a caller's transaction (reads of personal
 * data, logins, generic writes) queue here: one writer per pool inserts what
 * has gathered into the outbox in one statement (each entry that must find
 * its original in a short transaction of its own, in queue order, so that it
 * sees those before it), then waits for the chainer. Each request waits for
 * its own entry: nothing is answered before it is recorded.
 */
interface Pendente {
  e: EntradaAuditoria;
  aguardarCadeia: boolean;
  resolver: (r: EntradaRegistrada) => void;
  rejeitar: (err: unknown) => void;
}
interface Fila {
  itens: Pendente[];
  escrevendo: boolean;
}
const filas = new WeakMap<Kysely<Database>, Fila>();
const LOTE_MAXIMO = 500;

function enfileirar(db: Kysely<Database>, e: EntradaAuditoria, aguardarCadeia: boolean): Promise<EntradaRegistrada> {
  let fila = filas.get(db);
  if (!fila) filas.set(db, (fila = { itens: [], escrevendo: false }));
  const f = fila;
  return new Promise<EntradaRegistrada>((resolver, rejeitar) => {
    f.itens.push({ e, aguardarCadeia, resolver, rejeitar });
    if (!f.escrevendo) void drenar(db, f);
  });
}

async function drenar(db: Kysely<Database>, fila: Fila): Promise<void> {
  fila.escrevendo = true;
  try {
    while (fila.itens.length) {
      const lote = fila.itens.splice(0, LOTE_MAXIMO);
      const gravadas: { p: Pendente; r: EntradaRegistrada }[] = [];
      // Runs of entries that look nothing up go in one INSERT; the others one by one, in order.
      for (let i = 0; i < lote.length; ) {
        if (precisaDoOriginal(lote[i].e)) {
          const p = lote[i++];
          try {
            gravadas.push({ p, r: await db.transaction().execute((trx) => gravarPendente(trx, p.e)) });
          } catch (err) {
            p.rejeitar(err);
          }
          continue;
        }
        let j = i;
        while (j < lote.length && !precisaDoOriginal(lote[j].e)) j++;
        const grupo = lote.slice(i, j);
        i = j;
        try {
          const montadas = grupo.map((p) => montarEntrada(p.e, undefined));
          const ids = await db.insertInto('auditoria_pendente').values(montadas.map((m) => m.linha)).returning('id').execute();
          montadas.forEach((m, k) => gravadas.push({ p: grupo[k], r: { ...m.registrada, id: String(ids[k].id) } }));
        } catch {
          // One bad entry must not fail the others: each is tried alone.
          for (const p of grupo) {
            try {
              const m = montarEntrada(p.e, undefined);
              const { id } = await db.insertInto('auditoria_pendente').values(m.linha).returning('id').executeTakeFirstOrThrow();
              gravadas.push({ p, r: { ...m.registrada, id: String(id) } });
            } catch (e) {
              p.rejeitar(e);
            }
          }
        }
      }
      if (!gravadas.length) continue;
      const ja = gravadas.filter((g) => !g.p.aguardarCadeia);
      for (const g of ja) g.p.resolver(g.r);
      if (ja.length) encadeador(db).avisar();
      const depois = gravadas.filter((g) => g.p.aguardarCadeia);
      if (!depois.length) continue;
      const encadeadas = await encadeador(db).aguardar(
        depois.map((g) => g.r.id),
        ESPERA_ENCADEAMENTO_MS,
      );
      depois.forEach((g, k) => g.p.resolver(encadeadas[k] ? { ...g.r, ...encadeadas[k] } : g.r));
    }
  } finally {
    fila.escrevendo = false;
  }
}

/** The outbox row of an entry (its content final, its canonical JSON split around the seq the chainer will give). */
function montarEntrada(e: EntradaAuditoria, original: { seq: string } | undefined): { linha: LinhaPendente; registrada: EntradaRegistrada } {
  const { conteudo, registrada } = escreverEntrada(e, original);
  const { seq: _seq, ...semSeq } = conteudo;
  const { antes, depois } = jsonCanonicoEmVolta(semSeq as Record<string, unknown>, 'seq');
  return {
    linha: {
      ...semSeq,
      correlacao_id: semSeq.correlacao_id ?? null,
      dados: JSON.stringify(semSeq.dados),
      conteudo_antes: antes,
      conteudo_depois: depois,
    },
    registrada,
  };
}

function escreverEntrada(e: EntradaAuditoria, original: { seq: string } | undefined): { conteudo: ConteudoAuditoria; registrada: EntradaRegistrada } {
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
  const correlacao = corta(e.origem?.correlacao, 100);
  const conteudo: ConteudoAuditoria = {
    seq: 0, // given by the chainer
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
  return { conteudo, registrada: { id: '', seq: null, hash: null, acao, repeticao, repeticaoDe } };
}


/** Whether entradaOriginal will query for this entry (then earlier rows of the batch must be written first). */
function precisaDoOriginal(e: EntradaAuditoria): boolean {
  return e.chaveIdempotencia !== undefined || (!!e.repeticao && (e.processoId != null || e.recursoId != null));
}

/** Which entries an entry repeats (the first of them is its original), or undefined if it says no way to find them. */
function filtroDoOriginal(e: EntradaAuditoria) {
  if (e.chaveIdempotencia !== undefined) {
    const chave = mascararDados(e.chaveIdempotencia, 'chaveIdempotencia') as string;
    // One key names one action of one process (a Temporal updateId is per workflow).
    const doProcesso = e.processoId != null ? sql` and processo_id = ${e.processoId}` : sql``;
    return sql<boolean>`acao = ${e.acao} and dados ? 'chaveIdempotencia' and dados->>'chaveIdempotencia' = ${chave}${doProcesso}`;
  }
  if (!e.repeticao) return undefined;
  if (e.processoId != null) return sql<boolean>`acao = ${e.acao} and processo_id = ${e.processoId}`;
  if (e.recursoId != null) return sql<boolean>`acao = ${e.acao} and recurso_id = ${texto(e.recursoId)}`;
  return undefined;
}

/**
 * The first entry of the same acao that this one repeats, with its seq. If it is still in the outbox (a replay
 * sent before its original was answered), the chainer runs first, in this transaction — which then holds the
 * chain's lock until it ends: only a replay racing its original pays that.
 */
async function entradaOriginal(trx: Kysely<Database>, e: EntradaAuditoria): Promise<{ seq: string } | undefined> {
  const filtro = filtroDoOriginal(e);
  if (!filtro) return undefined;
  const encadeada = async () => (await sql<{ seq: string }>`select seq from auditoria where ${filtro} order by seq limit 1`.execute(trx)).rows[0];
  const achada = await encadeada();
  if (achada) return achada;
  if (!(await sql`select 1 from auditoria_pendente where ${filtro} limit 1`.execute(trx)).rows.length) return undefined;
  await sql`select auditoria_encadear()`.execute(trx);
  return encadeada();
}

/**
 * Whether the trail holds an entry of `acao` for this processo, chained or still pending (e.g. the abertura of
 * a process, when its creation is retried).
 */
export async function existeEntrada(db: Kysely<Database>, acao: string, processoId: string): Promise<boolean> {
  const { rows } = await sql`
    select 1 from auditoria where acao = ${acao} and processo_id = ${processoId}
    union all
    select 1 from auditoria_pendente where acao = ${acao} and processo_id = ${processoId}
    limit 1`.execute(db);
  return rows.length > 0;
}
