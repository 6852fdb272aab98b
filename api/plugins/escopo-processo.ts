/**
 * Object-level authorisation for every route under /v1/processos/:id, present
 * and future: before the body is even validated, the process named by :id is
 * read and checked against the caller's scope (api/auth/escopo.ts). Outside
 * scope, or not existing, the answer is the same 404, so ids of other
 * institutions' processes leak nothing.
 *
 * The row it read is the request's `processo`: handlers take it from there
 * (`processoDaRota`), so a process is read once per request.
 */
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/connect';
import type { Processo } from '../../db/schema';
import { podeVer } from '../auth/escopo';
import { naoEncontrado } from '../errors';
import { obterProcesso } from '../../db/processos';

export const PREFIXO_PROCESSO = '/v1/processos/:id';

declare module 'fastify' {
  interface FastifyRequest {
    /** The process of a route under /v1/processos/:id, as this plugin read it for the caller; null elsewhere. */
    processo: Processo | null;
  }
}

/** The process of the route (under /v1/processos/:id), already in the caller's scope. */
export function processoDaRota(request: FastifyRequest): Processo {
  if (!request.processo) throw naoEncontrado('Processo');
  return request.processo;
}

export default fp<{ db: Db }>(
  async (app, { db }) => {
    app.decorateRequest('processo', null);
    // Callback style: every other route passes at once, without a promise (issue 16).
    app.addHook('onRequest', (request, _reply, done) => {
      const url = request.routeOptions.url;
      if (!url || !(url === PREFIXO_PROCESSO || url.startsWith(`${PREFIXO_PROCESSO}/`))) return done();
      // Anonymous callers of protected routes were already refused (401); public routes carry no process scope.
      const ator = request.ator;
      if (!ator) return done();
      const id = (request.params as { id?: unknown }).id;
      if (typeof id !== 'string' || id.length > 200) return done(naoEncontrado('Processo'));
      obterProcesso(db, id).then((processo) => {
        if (!processo || !podeVer(ator, processo)) return done(naoEncontrado('Processo'));
        request.processo = processo;
        done();
      }, done);
    });
  },
  { name: 'rito-escopo-processo', dependencies: ['rito-autenticacao'] },
);
