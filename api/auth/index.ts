import type { Db } from '../../db/connect';
import type { Autenticador } from './ator';
import { autenticarChave, chaveApresentada } from './chaves';
import { autenticarSessao, tokenDoCookie } from './sessao';

/**
 * The production Autenticador. In order: an API key (`Authorization: Bearer
 * rito_…` or `X-API-Key`), then the session cookie. A presented API key that is
 * invalid, revoked or expired makes the caller anonymous; it never falls back to
 * a cookie. A gov.br (OpenID Connect) login ends in the same session cookie, so
 * it needs no branch here (see README.md beside this file).
 */
export function createAutenticador(db: Db): Autenticador {
  return {
    async autenticar(request) {
      const chave = chaveApresentada(request);
      if (chave !== undefined) return autenticarChave(db, chave, request.ip);
      const token = tokenDoCookie(request);
      if (token) return autenticarSessao(db, token);
      return null;
    },
  };
}
