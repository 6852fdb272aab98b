/**
 * Security headers on every response (helmet's), registered before any
 * other plugin so that refusals (401, 403, 404) carry them too.
 *
 * - Content-Security-Policy for the pages rito serves itself: everything from
 *   our own origin (the gov.br Design System's CSS, fonts and scripts are served
 *   by rito, never from a CDN), images also as data: URIs, no inline script, no
 *   plugins, no framing (`frame-ancestors 'none'`, and X-Frame-Options DENY for
 *   old browsers). Swagger UI at /docs works under it (its page has no inline
 *   script; test/api/cabecalhos.test.ts opens it in Chromium). Routes that need
 *   a stricter policy set their own header (a document's HTML, the
 *   password page), which replaces this one.
 * - X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer,
 *   Cross-Origin-Opener/Resource-Policy: same-origin, and helmet's other defaults.
 * - Cache-Control: no-store on every /v1 response that does not set its own:
 *   API answers are per caller and many carry personal data (the routes that
 *   declare config.auditoria.dadosPessoais always get it).
 * - Strict-Transport-Security only when the request came over https
 *   (`request.protocol`: behind a TLS-terminating proxy, name it in TRUST_PROXY
 *   so that its X-Forwarded-Proto is believed). Over plain http (rito dev on
 *   127.0.0.1) the header would be meaningless, and upgrade-insecure-requests
 *   would break /docs, so neither is sent.
 */
import type { ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet from 'helmet';

export const CSP_PADRAO = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
};

export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * The headers helmet sets with these options, worked out once: they depend on nothing in the request.
 * (@fastify/helmet ran helmet's middleware anew on every request, in two promise-returning hooks: issue 16.)
 * Set through the reply, so a route's own header (a stricter CSP) replaces one of these as before.
 */
export function cabecalhosDeSeguranca(): [string, string][] {
  const cabecalhos: [string, string][] = [];
  const resposta = {
    setHeader: (nome: string, valor: string) => void cabecalhos.push([nome.toLowerCase(), String(valor)]),
    removeHeader: () => {}, // X-Powered-By, which Fastify never sends
  } as unknown as ServerResponse;
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CSP_PADRAO },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false, // below, only over https
  })({} as never, resposta, (err?: unknown) => {
    if (err) throw err;
  });
  return cabecalhos;
}

export default fp(
  async (app) => {
    const cabecalhos = cabecalhosDeSeguranca();
    // Callback-style hooks: nothing here waits, so no promise per request (issue 16).
    app.addHook('onRequest', (request, reply, done) => {
      for (const [nome, valor] of cabecalhos) reply.header(nome, valor);
      if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
      done();
    });
    app.addHook('onSend', (request, reply, payload, done) => {
      const url = request.routeOptions.url ?? request.url;
      const pessoais = request.routeOptions.config?.auditoria?.dadosPessoais === true;
      if (pessoais) {
        const atual = String(reply.getHeader('cache-control') ?? '');
        if (!/\bno-store\b/.test(atual)) reply.header('cache-control', atual ? `${atual}, no-store` : 'no-store');
      } else if (url.startsWith('/v1/') && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }
      done(null, payload);
    });
  },
  { name: 'rito-cabecalhos' },
);
