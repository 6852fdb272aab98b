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
 *
 * `relogio`: the system's clock (ApiDeps.relogio), at which a session's scope
 * (the mandates and designations in force) is read; the session's own expiry
 * stays on the machine's clock. The same in production; a time-skipping test
 * passes its server's clock so that a representação created at a skipped
 * instant is in force then, and one past its end is not.
 */
export function createAutenticador(db: Db, relogio?: () => number | Promise<number>): Autenticador {
  return {
    async autenticar(request) {
      const chave = chaveApresentada(request);
      if (chave !== undefined) return autenticarChave(db, chave, request.ip);
      const token = tokenDoCookie(request);
      if (token) return autenticarSessao(db, token, relogio ? new Date(Number(await relogio())) : undefined);
      return null;
    },
  };
}
