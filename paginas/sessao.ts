/**
 * The pages' side of the API's sessions: the same cookie, the same
 * Autenticador, the same CSRF token, the same roles.
 *
 * GET pages see the caller the authentication plugin resolved. A form cannot
 * send the X-CSRF-Token header, so for a page's POST that plugin sees an
 * anonymous caller (api/plugins/autenticacao.ts); once the body is read, the
 * pages authenticate the session again and accept it only if the form carries
 * the session's token (`_csrf`, compared in constant time). The session cookie
 * is SameSite=Strict besides.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ator, Autenticador, Papel } from '../api/auth/ator';
import { iguaisEmTempoConstante } from '../api/auth/segredos';
import { HttpError } from '../api/errors';

/** A page that needs a logged-in caller: anonymous callers are sent to the login page, and come back after it. */
export class EntradaNecessaria extends Error {
  constructor(readonly volta: string) {
    super('entrada necessária');
  }
}

/** Where to come back to after the login: only paths of this site (no open redirect). */
export function voltaSegura(valor: unknown, padrao = '/'): string {
  return typeof valor === 'string' && /^\/(?![/\\])[\w\-./?=&%~+:,@]*$/.test(valor) && !valor.startsWith('/entrar') ? valor : padrao;
}

/** The caller of a GET page, who must hold one of `papeis` (403 otherwise, as the API). */
export function exigirAtor(request: FastifyRequest, papeis?: readonly Papel[]): Ator {
  const ator = request.ator;
  if (!ator || request.autenticacao?.meio !== 'sessao') throw new EntradaNecessaria(request.url);
  if (papeis && !ator.papeis.some((p) => papeis.includes(p))) throw new HttpError(403, 'sem-permissao', 'Seu perfil não permite acessar esta página.');
  return ator;
}

/** The caller of a page's POST: the session again, with the form's CSRF token. */
export async function atorDoFormulario(request: FastifyRequest, autenticador: Autenticador, csrf: unknown, papeis?: readonly Papel[]): Promise<Ator> {
  const a = await autenticador.autenticar(request);
  if (!a || a.meio !== 'sessao') throw new EntradaNecessaria(String(request.headers.referer ?? '/').replace(/^https?:\/\/[^/]+/, ''));
  if (typeof csrf !== 'string' || !a.csrfToken || !iguaisEmTempoConstante(csrf, a.csrfToken)) {
    throw new HttpError(403, 'csrf', 'O formulário expirou ou não veio desta sessão. Recarregue a página e envie de novo.');
  }
  request.autenticacao = a;
  request.ator = a.ator;
  if (papeis && !a.ator.papeis.some((p) => papeis.includes(p))) throw new HttpError(403, 'sem-permissao', 'Seu perfil não permite esta ação.');
  return a.ator;
}

export function redirecionar(reply: FastifyReply, para: string): FastifyReply {
  return reply.code(303).header('location', para).send();
}
