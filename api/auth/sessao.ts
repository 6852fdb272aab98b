/**
 * Server-side sessions in PostgreSQL behind a cookie.
 *
 * The cookie holds 256 random bits; the table keeps only their SHA-256, so a
 * copy of the database opens no session. It is HttpOnly (no script reads it),
 * SameSite=Strict (not sent on cross-site requests) and Secure (only over HTTPS).
 * Secure is set unconditionally, also in development: browsers treat
 * http://localhost and http://127.0.0.1 as secure contexts and keep Secure
 * cookies there, so `rito dev` works in a browser; the test harness's fetch
 * client reads Set-Cookie and sends the Cookie header itself. Behind a proxy
 * that terminates TLS nothing changes. Unsafe methods also need the session's
 * CSRF token in X-CSRF-Token (see plugins/autenticacao.ts).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect';
import { compiladaPorForma, executarPreparada } from '../../db/preparadas';
import type { Ator, Autenticacao } from './ator';
import { type CacheDeSessoes, cacheDeSessoes } from './cache-sessoes';
import { atorDaLinha, colunasDoEscopo } from './contas';
import { segredoAleatorio, sha256 } from './segredos';

export const COOKIE_SESSAO = 'rito_sessao';
/** Absolute lifetime of a session. */
export const SESSAO_DURACAO_MS = 12 * 60 * 60 * 1000;
/** A session unused for this long ends. */
export const SESSAO_OCIOSA_MS = 2 * 60 * 60 * 1000;
/** ultimo_uso_em is refreshed at most this often (not on every request). */
const TOQUE_MS = 60 * 1000;

export const cookieOpcoes = (expira: Date) =>
  ({ path: '/', httpOnly: true, secure: true, sameSite: 'strict', expires: expira }) as const;

export interface NovaSessao {
  token: string;
  id: string;
  csrfToken: string;
  expiraEm: Date;
}

export async function criarSessao(db: Db, usuarioId: string, origem: { ip: string | null; userAgent: string | null }): Promise<NovaSessao> {
  const token = segredoAleatorio();
  const csrfToken = segredoAleatorio();
  const expiraEm = new Date(Date.now() + SESSAO_DURACAO_MS);
  const id = sha256(token);
  await db
    .insertInto('sessao')
    .values({ id, usuario_id: usuarioId, csrf_token: csrfToken, expira_em: expiraEm, ip: origem.ip, user_agent: origem.userAgent?.slice(0, 500) ?? null })
    .execute();
  return { token, id, csrfToken, expiraEm };
}

export function definirCookieSessao(reply: FastifyReply, s: NovaSessao): void {
  reply.setCookie(COOKIE_SESSAO, s.token, cookieOpcoes(s.expiraEm));
}

export function apagarCookieSessao(reply: FastifyReply): void {
  reply.clearCookie(COOKIE_SESSAO, { path: '/', httpOnly: true, secure: true, sameSite: 'strict' });
}

export const tokenDoCookie = (request: FastifyRequest): string | undefined => request.cookies?.[COOKIE_SESSAO] || undefined;

/** The session, its account and the account's scope in one statement (issue 16). */
const consultaDaSessao = (db: Db, id: string, agora: Date, escopoEm: Date, ociosaDesde: Date) =>
  db
    .selectFrom('sessao')
    .innerJoin('usuario', 'usuario.id', 'sessao.usuario_id')
    .select(['sessao.id', 'sessao.csrf_token', 'sessao.expira_em', 'sessao.ultimo_uso_em'])
    .select(['usuario.id as usuario_id', 'usuario.nome', 'usuario.papeis', 'usuario.unidade'])
    .select((eb) => colunasDoEscopo(eb, escopoEm))
    .where('sessao.id', '=', id)
    .where('sessao.encerrada_em', 'is', null)
    .where('sessao.expira_em', '>', agora)
    .where('sessao.ultimo_uso_em', '>', ociosaDesde)
    .where('usuario.ativo', '=', true);

/**
 * The statement is built and compiled once per database (db/preparadas.ts, compiladaPorForma), and each request
 * puts its values in their places: building it (three subqueries) cost as much CPU as the case list's whole query.
 */
type LinhaSessao = Awaited<ReturnType<ReturnType<typeof consultaDaSessao>['executeTakeFirstOrThrow']>>;
const sessaoCompilada = (db: Db, id: string, agora: Date, escopoEm: Date, ociosaDesde: Date) =>
  compiladaPorForma(db, 'sessao', { id, agora, escopoEm, ociosaDesde }, (v) => consultaDaSessao(db, v.id, v.agora, v.escopoEm, v.ociosaDesde));

/** What the cache of sessions (api/auth/cache-sessoes.ts) keeps of one: its row and the Ator built from it. */
interface SessaoLida {
  linha: LinhaSessao;
  ator: Ator;
  expiraEm: number;
  /** ultimo_uso_em as this instance last knew it (its own touches included). */
  ultimoUso: number;
}

/** The session the cookie names, if it is open, not expired and not idle too long, and its account is active. */
export async function autenticarSessao(db: Db, token: string, escopoEm?: Date): Promise<Autenticacao | null> {
  if (token.length > 200) return null;
  const id = sha256(token);
  const agora = new Date();
  // A scope read at another clock's instant (a time-skipping test's) is not what the cache holds.
  const cache = escopoEm ? undefined : (cacheDeSessoes(db) as CacheDeSessoes<SessaoLida> | undefined);
  let lida = cache?.obter(id, agora.getTime());
  // The cached row's own expiry, absolute and idle, on every request; if idle by what this instance knows, another
  // instance may have used it since: PostgreSQL decides.
  if (lida && (lida.expiraEm <= agora.getTime() || lida.ultimoUso <= agora.getTime() - SESSAO_OCIOSA_MS)) lida = undefined;
  if (!lida) {
    const geracao = cache?.geracao ?? 0;
    // Planned once per connection too (db/preparadas.ts).
    const [sessao] = await executarPreparada(db, sessaoCompilada(db, id, agora, escopoEm ?? agora, new Date(agora.getTime() - SESSAO_OCIOSA_MS)));
    if (!sessao) return null;
    lida = { linha: sessao, ator: atorDaLinha(sessao), expiraEm: new Date(sessao.expira_em).getTime(), ultimoUso: new Date(sessao.ultimo_uso_em).getTime() };
    cache?.guardar(id, sessao.usuario_id, lida, geracao, agora.getTime());
  }
  // At most once a minute per session: the idle clock needs no finer grain, and a write per request would cost more than the read.
  if (agora.getTime() - lida.ultimoUso > TOQUE_MS) {
    lida.ultimoUso = agora.getTime();
    await db.updateTable('sessao').set({ ultimo_uso_em: agora }).where('id', '=', id).execute();
  }
  return { ator: lida.ator, meio: 'sessao', credencialId: lida.linha.id, csrfToken: lida.linha.csrf_token, expiraEm: new Date(lida.expiraEm) };
}

export async function encerrarSessao(db: Db, id: string): Promise<void> {
  await db.updateTable('sessao').set({ encerrada_em: new Date() }).where('id', '=', id).where('encerrada_em', 'is', null).execute();
  // This instance forgets it now; the others (and this one again) by the trigger's notification.
  cacheDeSessoes(db)?.esquecer(id);
}

/**
 * Ends every open session of an account (password changed, account deactivated). Given a transaction, the caller
 * calls esquecerContaNoCache with its database once it committed (the notification comes at commit too).
 */
export async function encerrarSessoesDoUsuario(db: Db, usuarioId: string): Promise<number> {
  const r = await db
    .updateTable('sessao')
    .set({ encerrada_em: new Date() })
    .where('usuario_id', '=', usuarioId)
    .where('encerrada_em', 'is', null)
    .executeTakeFirst();
  cacheDeSessoes(db)?.esquecerUsuario(usuarioId);
  return Number(r.numUpdatedRows);
}

/** This instance forgets at once the sessions it cached of an account that changed (the others, by notification). */
export function esquecerContaNoCache(db: Db, usuarioId: string): void {
  cacheDeSessoes(db)?.esquecerUsuario(usuarioId);
}
