/**
 * Rate limit of every route (@fastify/rate-limit), counted in PostgreSQL
 * (db/limites.ts) so that all API instances share one count.
 *
 * - Public routes that act (POST /v1/sessoes, POST /v1/senhas/redefinicao and
 *   /{token}: `config.publica` with an unsafe method) have the stricter
 *   `anonimas` limit, per client IP and per route: password guessing and
 *   floods of reset e-mails (each writing an audit entry) stop there.
 * - Every other route: `requisicoes` per window, per authenticated actor
 *   (user or API key; the same person from several addresses is one count),
 *   else per client IP (request.ip: the client named by the proxies of
 *   TRUST_PROXY). /health and /ready are not limited (load balancers' probes).
 *
 * The check runs as each route's onRequest hook, after authentication (which
 * is a global onRequest hook) so that the actor is known. A refused request
 * never reaches its handler: nothing is done and nothing is audited. The
 * answer is 429 in the API's error shape with Retry-After (seconds).
 */
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/connect';
import { apagarContagensVencidas, contarRequisicao } from '../../db/limites';
import { HttpError } from '../errors';
import { METODOS_SEGUROS } from './autenticacao';

export interface LimitesRequisicao {
  /** Requests per window per actor (or IP when anonymous). */
  requisicoes: number;
  /** Requests per window per IP on each public route that acts (login, password reset). */
  anonimas: number;
  /** The window, in seconds. */
  janelaS: number;
}

type Retorno = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** The store @fastify/rate-limit calls: one count per key in PostgreSQL, for every instance. */
function lojaPostgres(db: Db) {
  return class LojaPostgres {
    incr(chave: string, retorno: Retorno, janelaMs: number) {
      contarRequisicao(db, chave, janelaMs).then(
        (c) => retorno(null, { current: c.contagem, ttl: c.restanteMs }),
        (err: Error) => retorno(err),
      );
    }
    child() {
      return this;
    }
  };
}

/** The public routes that act: the anonymous limit applies to them. */
export function rotaAnonimaLimitada(request: FastifyRequest): boolean {
  return request.routeOptions.config?.publica === true && !METODOS_SEGUROS.has(request.method);
}

const SEM_LIMITE = new Set(['/health', '/ready']);

export default fp<{ db: Db; limites: LimitesRequisicao }>(
  async (app, { db, limites }) => {
    const janelaMs = limites.janelaS * 1000;
    await app.register(rateLimit, {
      global: true,
      hook: 'onRequest',
      timeWindow: janelaMs,
      store: lojaPostgres(db),
      allowList: (request) => SEM_LIMITE.has(request.routeOptions.url ?? ''),
      keyGenerator: (request) => {
        const ip = normalizeIP(request.ip); // an IPv6 client counts by its /64
        if (rotaAnonimaLimitada(request)) return `anonima:${request.method} ${request.routeOptions.url}:${ip}`;
        return request.ator ? `ator:${request.ator.id}` : `ip:${ip}`;
      },
      max: (_request, chave) => (chave.startsWith('anonima:') ? limites.anonimas : limites.requisicoes),
      // Headers on every answer would tell each caller its count; only the refusal says when to come back.
      addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
      addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
      errorResponseBuilder: (request, contexto) => {
        const s = Math.max(1, Math.ceil(contexto.ttl / 1000));
        return new HttpError(
          429,
          'limite-de-requisicoes',
          rotaAnonimaLimitada(request)
            ? `Muitas requisições deste endereço em pouco tempo. Aguarde ${s} segundo${s === 1 ? '' : 's'} e tente de novo.`
            : `Limite de requisições atingido. Aguarde ${s} segundo${s === 1 ? '' : 's'} e tente de novo.`,
        );
      },
    });
    // Ended windows are deleted now and then (a key that comes back opens a new one anyway).
    const limpeza = setInterval(() => {
      apagarContagensVencidas(db).catch((err) => app.log.warn({ err }, 'falha ao apagar contagens vencidas do limite de requisições'));
    }, Math.max(janelaMs, 60_000));
    limpeza.unref();
    app.addHook('onClose', async () => clearInterval(limpeza));
  },
  { name: 'rito-limites', dependencies: ['rito-autenticacao'] },
);
