/**
 * Resolves the caller of every request through the configured Autenticador and
 * enforces each route's declared roles (`config.papeis`): anonymous callers get
 * 401, callers without any of those roles 403.
 *
 * Every /v1 route must declare who may call it: `config.papeis` (non-empty) or
 * `config.publica: true`. A route that declares neither stops the API at start-up.
 *
 * CSRF: a request authenticated by the session cookie with an unsafe method
 * (POST, PUT, PATCH, DELETE) must carry the session's token in X-CSRF-Token
 * (given by POST /v1/sessoes and GET /v1/eu). Without it, a protected route
 * answers 403 and a public route sees the caller as anonymous. API keys are not
 * sent by browsers on their own, so they need no CSRF token.
 */
import cookie from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors';
import type { Ator, Autenticacao, Autenticador, Papel } from '../auth/ator';
import { iguaisEmTempoConstante } from '../auth/segredos';

declare module 'fastify' {
  interface FastifyRequest {
    ator: Ator | null;
    autenticacao: Autenticacao | null;
  }
  interface FastifyContextConfig {
    /** Roles that may call the route (any one suffices). */
    papeis?: readonly Papel[];
    /** The route is open to anonymous callers (login, password reset, health). */
    publica?: boolean;
    /**
     * For a caller that cannot send X-CSRF-Token (the Temporal UI calling the codec): a custom header whose
     * presence stands for it. Browsers send a custom header cross-origin only after a CORS preflight the route
     * allows for one origin, so a forged cross-site request cannot carry it (OWASP: custom request headers).
     */
    csrfCabecalho?: string;
  }
}

export const METODOS_SEGUROS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CABECALHO_CSRF = 'x-csrf-token';

export function requireAtor(request: FastifyRequest): Ator {
  if (!request.ator) throw new HttpError(401, 'nao-autenticado', 'Autenticação necessária.');
  return request.ator;
}

function csrfValido(request: FastifyRequest, a: Autenticacao): boolean {
  const alternativo = request.routeOptions.config?.csrfCabecalho;
  if (alternativo) {
    const valor = request.headers[alternativo.toLowerCase()];
    if (typeof valor === 'string' && valor.length > 0) return true;
  }
  const enviado = request.headers[CABECALHO_CSRF];
  return typeof enviado === 'string' && !!a.csrfToken && iguaisEmTempoConstante(enviado, a.csrfToken);
}

export default fp<{ autenticador: Autenticador }>(
  async (app, { autenticador }) => {
    await app.register(cookie);
    app.decorateRequest('ator', null);
    app.decorateRequest('autenticacao', null);

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/v1/') && route.url !== '/v1') return;
      const { papeis, publica } = route.config ?? {};
      if (publica && papeis?.length) throw new Error(`rota ${route.method} ${route.url}: declare config.papeis ou config.publica, não ambos`);
      if (!publica && !papeis?.length) throw new Error(`rota ${route.method} ${route.url} não declara quem pode chamá-la (config.papeis ou config.publica)`);
      // The authorisation matrix (test/auth/rotas.test.ts) and the contract fuzzing take their routes from the OpenAPI
      // document: a protected route hidden from it would escape both.
      if (papeis?.length && (route.schema as { hide?: boolean } | undefined)?.hide) {
        throw new Error(`rota ${route.method} ${route.url} exige perfil e está fora do documento OpenAPI (schema.hide): a matriz de autorização não a veria`);
      }
    });

    app.addHook('onRequest', async (request) => {
      const papeis = request.routeOptions.config?.papeis;
      let autenticacao = await autenticador.autenticar(request);
      if (autenticacao?.meio === 'sessao' && !METODOS_SEGUROS.has(request.method) && !csrfValido(request, autenticacao)) {
        if (papeis) {
          throw new HttpError(403, 'csrf', 'Token CSRF ausente ou inválido: envie no cabeçalho X-CSRF-Token o token recebido ao entrar.');
        }
        autenticacao = null;
      }
      request.autenticacao = autenticacao;
      request.ator = autenticacao?.ator ?? null;
      if (!papeis) return;
      const ator = requireAtor(request);
      if (!ator.papeis.some((p) => papeis.includes(p))) {
        throw new HttpError(403, 'sem-permissao', 'Seu perfil não permite esta ação.');
      }
    });
  },
  { name: 'rito-autenticacao' },
);
