/**
 * Auditing for every route.
 *
 * - `request.auditar({ resumo, processoId, dados, … }, trx?)` appends an entry
 *   with who (request.ator), when, from where (IP, user agent, rito's request
 *   id, and the client's X-Request-Id as a separate correlation id) and what
 *   (the route's `config.auditoria.acao` unless given). Pass the transaction
 *   that makes the change to record both atomically: the entry then goes to
 *   the trail's outbox with the change, and the answer leaves once the
 *   chainer has put it in the chain (bounded by ESPERA_ENCADEAMENTO_MS; past
 *   it the entry is safe in the outbox and is chained by the next run).
 * - Idempotent replays are recorded as replays (`<acao>.repeticao`, pointing at
 *   the original's entry), never as the action performed again: pass
 *   `chaveIdempotencia` when only the trail can tell (the first entry with that
 *   key is the original), or `repeticao: true` when the route knows. Afterwards
 *   `request.entradaAuditoria` says which it was.
 * - Every /v1 route with an unsafe method (POST, PUT, PATCH, DELETE) is audited.
 *   It should declare `config.auditoria: { acao, recurso }`; one that does not
 *   gets `acao: "<MÉTODO> <url>"` (and recurso processo under /v1/processos/:id).
 *   If its handler answers 2xx without calling request.auditar, a generic entry
 *   is written before the response leaves (so no state change goes unrecorded).
 * - Every GET under /v1 says whether it returns a person's data:
 *   `config.auditoria: { acao: 'processo.ler', recurso: 'processo', dadosPessoais: true }`
 *   (each successful read is recorded: one entry per request, with who, what
 *   and when; LGPD, ASVS 16.3.2) or `config.auditoria: { dadosPessoais: false }`.
 *   A read's answer leaves once its entry is committed to the outbox; it does
 *   not wait for the chaining: the chainer's next periodic run does it.
 *   A GET that declares neither stops the API at start-up, so a new route
 *   cannot forget; the OpenAPI document shows the choice in `x-dados-pessoais`.
 */
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import { ESPERA_ENCADEAMENTO_MS, encadeador } from '../auditoria/encadeador';
import { aguardarEncadeamento, type EntradaAuditoria, type EntradaRegistrada, registrarAuditoria } from '../auditoria/registro';
import { METODOS_SEGUROS } from './autenticacao';

export interface ConfigAuditoria {
  /** "recurso.verbo", e.g. processo.abrir. Required for unsafe methods (filled in when absent) and for reads of personal data. */
  acao?: string;
  /** What kind of object the route acts on (processo, usuario…); the :id param is its id. */
  recurso?: string;
  /** A GET returns a person's data (true: every successful read is recorded) or not (false). Required on every GET under /v1. */
  dadosPessoais?: boolean;
  /**
   * For a GET of personal data whose handler does not audit itself: its entry is appended while the handler runs,
   * instead of after it, and the answer still leaves only once the entry is committed (the two waits overlap
   * instead of adding up; issue 16). If the answer is then not 2xx, a second entry, `<acao>.falha`, records
   * that the read did not complete, pointing at the first: the trail never shows a read that failed as done.
   */
  antecipada?: boolean;
}

/** How often each API instance's chainer looks for entries nobody woke it for. */
const INTERVALO_ENCADEADOR_MS = 1000;

export type AcaoAuditada = Partial<
  Pick<EntradaAuditoria, 'acao' | 'recurso' | 'recursoId' | 'processoId' | 'dados' | 'ator' | 'chaveIdempotencia' | 'repeticao'>
> & {
  resumo: string;
};

declare module 'fastify' {
  interface FastifyRequest {
    auditar(acao: AcaoAuditada, trx?: Kysely<Database>): Promise<void>;
    auditado: boolean;
    /** The last entry this request appended (its seq, acao, whether it recorded a replay), or null. */
    entradaAuditoria: EntradaRegistrada | null;
    /** The entry of a read audited ahead of its handler (config.auditoria.antecipada), while it is being appended. */
    leituraAntecipada: Promise<void> | null;
    /** Ids of the entries this request wrote in its transactions, awaited (chained) before the answer leaves. */
    auditoriaPendente: string[] | null;
  }
  interface FastifyContextConfig {
    auditoria?: ConfigAuditoria;
  }
}

/**
 * The id a client gave its request (X-Request-Id), to correlate with its own
 * logs. Never rito's request id: a client could reuse another request's id.
 * Only printable ASCII without spaces, at most 100 characters; anything else is dropped.
 */
export function correlacaoDoCliente(request: FastifyRequest): string | null {
  const v = request.headers['x-request-id'];
  return typeof v === 'string' && /^[\x21-\x7e]{1,100}$/.test(v) ? v : null;
}

const idDoParametro = (request: FastifyRequest): string | null => {
  const params = request.params as Record<string, unknown> | undefined;
  const id = params?.id;
  return typeof id === 'string' ? id : null;
};

export default fp<{ db: Db }>(
  async (app, { db }) => {
    app.decorateRequest('auditado', false);
    app.decorateRequest('entradaAuditoria', null);
    app.decorateRequest('leituraAntecipada', null);
    app.decorateRequest('auditoriaPendente', null);
    // Chains what any instance left pending (one that died between its commit and the chaining, a worker's activity).
    let pararEncadeador: (() => Promise<void>) | null = null;
    app.addHook('onReady', async () => {
      pararEncadeador = encadeador(db).iniciar(INTERVALO_ENCADEADOR_MS);
    });
    app.addHook('onClose', async () => {
      await pararEncadeador?.();
    });
    app.decorateRequest('auditar', async function (this: FastifyRequest, a: AcaoAuditada, trx?: Kysely<Database>) {
      const cfg = this.routeOptions.config?.auditoria;
      const acao = a.acao ?? cfg?.acao;
      if (!acao) throw new Error(`rota ${this.method} ${this.routeOptions.url} audita sem config.auditoria.acao`);
      const ator = a.ator !== undefined ? a.ator : this.ator;
      // The route's own read of personal data lets the answer leave once its entry is committed to the outbox, not
      // once chained (OpcoesDoRegistro). Any other entry a GET writes records a change (the ciência by opening a
      // notice, api/ritos/ciencia.ts) and waits for its place in the chain like every write.
      const leitura = !trx && METODOS_SEGUROS.has(this.method) && cfg?.dadosPessoais === true && acao === cfg.acao;
      const registrada = await registrarAuditoria(
        trx ?? db,
        {
          ator: ator ? { id: ator.id, nome: ator.nome, papeis: ator.papeis } : null,
          origem: { ip: this.ip, userAgent: this.headers['user-agent'] ?? null, requestId: String(this.id), correlacao: correlacaoDoCliente(this) },
          acao,
          recurso: a.recurso ?? cfg?.recurso ?? null,
          recursoId: a.recursoId !== undefined ? a.recursoId : idDoParametro(this),
          processoId: a.processoId ?? null,
          resumo: a.resumo,
          dados: a.dados,
          chaveIdempotencia: a.chaveIdempotencia,
          repeticao: a.repeticao,
        },
        { aguardarCadeia: !leitura },
      );
      this.auditado = true;
      this.entradaAuditoria = registrada;
      if (registrada.seq === null && !leitura) (this.auditoriaPendente ??= []).push(registrada.id);
    });

    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/v1/')) return;
      const metodos = Array.isArray(route.method) ? route.method : [route.method];
      if (metodos.includes('GET')) {
        const cfg = route.config?.auditoria;
        if (typeof cfg?.dadosPessoais !== 'boolean') {
          throw new Error(
            `rota GET ${route.url} não declara se devolve dados pessoais (config.auditoria.dadosPessoais: true, com acao, ou false)`,
          );
        }
        if (cfg.dadosPessoais && !cfg.acao) throw new Error(`rota GET ${route.url} devolve dados pessoais e não declara config.auditoria.acao`);
      }
      if (metodos.some((m) => !METODOS_SEGUROS.has(m)) && !route.config?.auditoria?.acao) {
        const recurso = route.url.startsWith('/v1/processos/:id') ? 'processo' : undefined;
        route.config = { ...(route.config ?? {}), auditoria: { acao: `${metodos.join(',')} ${route.url}`, recurso } };
      }
    });

    const resumoDaLeitura = (request: FastifyRequest, id: string | null) => `Leitura de dados pessoais: ${request.routeOptions.url}${id ? ` (${id})` : ''}`;

    // Reads audited ahead: the entry is queued as the handler starts (authentication, scope and validation passed).
    app.addHook('preHandler', (request, _reply, done) => {
      const cfg = request.routeOptions.config?.auditoria;
      if (cfg?.antecipada && cfg.dadosPessoais && request.method === 'GET') {
        const id = idDoParametro(request);
        const entrada = request.auditar({ resumo: resumoDaLeitura(request, id), processoId: cfg.recurso === 'processo' ? id : null });
        entrada.catch(() => {}); // awaited in onSend; a failure answers there
        request.leituraAntecipada = entrada;
      }
      done();
    });

    // Callback style: most answers need no entry, and then the hook returns at once, without a promise (issue 16).
    app.addHook('onSend', (request, reply, payload, doneHook) => {
      // Entries the request wrote in its own transactions (committed by now, or rolled back): answered once chained.
      const done = (err?: Error | null, p?: unknown) => {
        if (err || !request.auditoriaPendente?.length) return err ? doneHook(err) : doneHook(null, p);
        const ids = request.auditoriaPendente.splice(0);
        encadeador(db)
          .aguardar(ids, ESPERA_ENCADEAMENTO_MS)
          .then((r) => {
            const i = ids.indexOf(request.entradaAuditoria?.id ?? '');
            if (i >= 0 && r[i]) request.entradaAuditoria = { ...request.entradaAuditoria!, ...r[i] };
            doneHook(null, p);
          }, doneHook);
      };
      if (request.leituraAntecipada) {
        const entrada = request.leituraAntecipada;
        request.leituraAntecipada = null;
        const ok = reply.statusCode >= 200 && reply.statusCode < 300;
        entrada
          .then(async () => {
            if (ok) return;
            // The failure points at the read's place in the chain: that one entry is awaited there.
            if (request.entradaAuditoria) request.entradaAuditoria = await aguardarEncadeamento(db, request.entradaAuditoria);
            await request.auditar({
              acao: `${request.routeOptions.config!.auditoria!.acao}.falha`,
              resumo: `Leitura não concluída (HTTP ${reply.statusCode}) [entrada ${request.entradaAuditoria?.seq}]`,
              processoId: request.routeOptions.config!.auditoria!.recurso === 'processo' ? idDoParametro(request) : null,
              dados: { status: reply.statusCode, entradaDaLeitura: request.entradaAuditoria?.seq ?? null },
            });
          })
          .then(
            () => done(null, payload),
            (err: Error) => done(err),
          );
        return;
      }
      const cfg = request.routeOptions.config?.auditoria;
      if (!cfg || request.auditado || reply.statusCode < 200 || reply.statusCode >= 300) return done(null, payload);
      const inseguro = !METODOS_SEGUROS.has(request.method);
      if (!inseguro && !(cfg.dadosPessoais && request.method === 'GET')) return done(null, payload);
      const id = idDoParametro(request);
      request
        .auditar({
          resumo: inseguro
            ? `${request.method} ${request.routeOptions.url}${id ? ` (${id})` : ''}`
            : resumoDaLeitura(request, id),
          processoId: cfg.recurso === 'processo' ? id : null,
        })
        .then(
          () => done(null, payload),
          (err: Error) => done(err),
        );
    });
  },
  { name: 'rito-auditoria', dependencies: ['rito-autenticacao'] },
);
