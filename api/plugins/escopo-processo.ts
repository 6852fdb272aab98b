/**
 * Object-level authorisation for every route under /v1/processos/:id, present
 * and future: before the body is even validated, the process named by :id is
 * checked against the caller's scope (api/auth/escopo.ts). Outside scope, or
 * not existing, the answer is the same 404, so ids of other institutions'
 * processes leak nothing. Handlers may still re-check; they need not.
 */
import fp from 'fastify-plugin';
import type { Db } from '../../db/connect';
import { podeVer } from '../auth/escopo';
import { naoEncontrado } from '../errors';

export const PREFIXO_PROCESSO = '/v1/processos/:id';

export default fp<{ db: Db }>(
  async (app, { db }) => {
    app.addHook('onRequest', async (request) => {
      const url = request.routeOptions.url;
      if (!url || !(url === PREFIXO_PROCESSO || url.startsWith(`${PREFIXO_PROCESSO}/`))) return;
      // Anonymous callers of protected routes were already refused (401); public routes carry no process scope.
      if (!request.ator) return;
      const id = (request.params as { id?: unknown }).id;
      if (typeof id !== 'string' || id.length > 200) throw naoEncontrado('Processo');
      const processo = await db.selectFrom('processo').select(['id', 'unidade', 'instituicao_cnpj']).where('id', '=', id).executeTakeFirst();
      if (!processo || !podeVer(request.ator, processo)) throw naoEncontrado('Processo');
    });
  },
  { name: 'rito-escopo-processo', dependencies: ['rito-autenticacao'] },
);
