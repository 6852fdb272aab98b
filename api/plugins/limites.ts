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

/** The biggest block of counts an instance reserves at once. */
const RESERVA_MAXIMA = 64;
/** A reservation takes at most this fraction of what remains of the limit (so other instances keep their share). */
const FRACAO_DA_RESERVA = 8;

/** Counts this instance reserved in PostgreSQL for a key, in the window they belong to. */
interface Reserva {
  /** When the window ends, on this machine's clock (PostgreSQL said how many ms were left). */
  fim: number;
  /** The next reserved count to hand out, and the last one within the limit. */
  proxima: number;
  ultima: number;
  /** The count PostgreSQL returned (every instance's requests, reserved ones included). */
  conhecida: number;
  /** Requests waiting for a reservation in flight. */
  espera: { max: number; retorno: Retorno }[];
  pedindo: boolean;
}

/**
 * The store @fastify/rate-limit calls: one count per key in PostgreSQL, for every instance.
 *
 * Counting each request with its own upsert cost a write (and a lock on the caller's one row, on which all his
 * concurrent requests queue) per request. Instead an instance reserves a block of counts in one upsert and hands
 * them out one by one as requests come (issue 16). A count is always reserved in PostgreSQL before the request it
 * admits, so every instance together never admits more than the limit in a window; what the blocks cost is the
 * other way: counts one instance reserved and did not use are unavailable to the others until the window ends.
 * A block is at most 1/8 of what remains of the limit (and at most 64), so near the limit every request counts
 * alone, as before: the suite's small limits behave exactly as a count per request.
 */
function lojaPostgres(db: Db) {
  const reservas = new Map<string, Reserva>();

  const reservar = (chave: string, r: Reserva, janelaMs: number) => {
    r.pedindo = true;
    const max = r.espera[0]!.max;
    const vivas = r.fim > Date.now();
    const restante = Math.max(0, max - (vivas ? r.conhecida : 0));
    const quantidade = Math.max(r.espera.length, Math.min(RESERVA_MAXIMA, Math.floor(restante / FRACAO_DA_RESERVA)), 1);
    contarRequisicao(db, chave, janelaMs, quantidade).then(
      (c) => {
        r.fim = Date.now() + c.restanteMs;
        r.conhecida = c.contagem;
        r.proxima = c.contagem - quantidade + 1;
        r.ultima = Math.min(c.contagem, max);
        r.pedindo = false;
        atender(chave, r, janelaMs);
      },
      (err: Error) => {
        r.pedindo = false;
        for (const { retorno } of r.espera.splice(0)) retorno(err);
      },
    );
  };

  /** Hands out reserved counts to the waiting requests; refuses them once the window's count passed the limit. */
  const atender = (chave: string, r: Reserva, janelaMs: number) => {
    const agora = Date.now();
    while (r.espera.length && r.fim > agora) {
      const { max, retorno } = r.espera[0]!;
      if (r.proxima <= r.ultima) retorno(null, { current: r.proxima++, ttl: r.fim - agora });
      else if (r.conhecida >= max) retorno(null, { current: Math.max(r.conhecida, max) + 1, ttl: r.fim - agora });
      else break;
      r.espera.shift();
    }
    if (r.espera.length && !r.pedindo) reservar(chave, r, janelaMs);
  };

  return class LojaPostgres {
    incr(chave: string, retorno: Retorno, janelaMs: number, max: number) {
      let r = reservas.get(chave);
      if (!r) reservas.set(chave, (r = { fim: 0, proxima: 1, ultima: 0, conhecida: 0, espera: [], pedindo: false }));
      r.espera.push({ max, retorno });
      if (!r.pedindo) atender(chave, r, janelaMs);
    }
    child() {
      return this;
    }
    /** Forgets the keys whose window ended (a key that comes back reserves anew). */
    static esquecerVencidas() {
      const agora = Date.now();
      for (const [chave, r] of reservas) if (r.fim <= agora && !r.pedindo && !r.espera.length) reservas.delete(chave);
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
    const loja = lojaPostgres(db);
    await app.register(rateLimit, {
      global: true,
      hook: 'onRequest',
      timeWindow: janelaMs,
      store: loja,
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
      loja.esquecerVencidas();
      apagarContagensVencidas(db).catch((err) => app.log.warn({ err }, 'falha ao apagar contagens vencidas do limite de requisições'));
    }, Math.max(janelaMs, 60_000));
    limpeza.unref();
    app.addHook('onClose', async () => clearInterval(limpeza));
  },
  { name: 'rito-limites', dependencies: ['rito-autenticacao'] },
);
