/**
 * Resolves the caller of every request through the configured Autenticador and
 * enforces each route's declared roles (`config.papeis`). A route that declares
 * no roles is public; one that declares roles refuses anonymous callers (401)
 * and callers without any of those roles (403).
 */
import fp from 'fastify-plugin';
import { HttpError } from '../errors';
import type { Ator, Autenticador, Papel } from '../auth/ator';

declare module 'fastify' {
  interface FastifyRequest {
    ator: Ator | null;
  }
  interface FastifyContextConfig {
    papeis?: readonly Papel[];
  }
}

export function requireAtor(request: import('fastify').FastifyRequest): Ator {
  if (!request.ator) throw new HttpError(401, 'nao-autenticado', 'Autenticação necessária.');
  return request.ator;
}

export default fp<{ autenticador: Autenticador }>(
  async (app, { autenticador }) => {
    app.decorateRequest('ator', null);
    app.addHook('onRequest', async (request) => {
      const papeis = request.routeOptions.config?.papeis;
      request.ator = await autenticador.autenticar(request);
      if (!papeis) return;
      const ator = requireAtor(request);
      if (!ator.papeis.some((p) => papeis.includes(p))) {
        throw new HttpError(403, 'sem-permissao', 'Seu perfil não permite esta ação.');
      }
    });
  },
  { name: 'rito-autenticacao' },
);
