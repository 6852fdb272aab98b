/**
 * Builds the Fastify application from encapsulated plugins. Nothing here
 * listens or connects: callers (the CLI, tests) pass the dependencies in.
 */
import habilitacoesRoutes from './habilitacoes/routes';
import unidadesEnsinoRoutes from './unidades-de-ensino/routes';
import acompanhamentoRoutes from './acompanhamento/routes';
import { estudantesRoutes, frequenciasRoutes, matriculasRoutes } from './lotes/routes';
import agendaRoutes from './agenda/routes';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { readSetting } from '../config/settings'; // also: pt-BR validation messages
import alertasRoutes from './alertas/routes';
import auditoriaRoutes from './auditoria/routes';
import adminRoutes from './contas/admin-routes';
import { correioNaPasta } from './contas/correio';
import contasRoutes from './contas/routes';
import credenciamentosRoutes from './credenciamentos/routes';
import documentosRoutes from './documentos/routes';
import { errosDoRoteador, registerErrorHandler } from './errors';
import healthRoutes from './health/routes';
import auditoria from './plugins/auditoria';
import cabecalhos from './plugins/cabecalhos';
import autenticacao from './plugins/autenticacao';
import escopoProcesso from './plugins/escopo-processo';
import limitesRequisicao, { type LimitesRequisicao } from './plugins/limites';
import openapi from './plugins/openapi';
import textoValido from './plugins/texto-valido';
import calendarioRoutes from './calendario/routes';
import prazosRoutes from './prazos/routes';
import prazosVencendoRoutes from './prazos/vencendo';
import linhaDoTempoRoutes from './processos/linha-do-tempo';
import processosRoutes from './processos/routes';
import { cienciaPelaAbertura } from './ritos/ciencia';
import ritosRoutes from './ritos/routes';
import tarefasRoutes from './tarefas/routes';
import unidadesRoutes from './unidades/routes';
import checklistsRoutes from './checklists/routes';
import instituicoesRoutes from './instituicoes/routes';
import obrigacoesRoutes from './obrigacoes/routes';
import codecTemporalRoutes from './temporal/codec';
import type { ApiDeps } from './deps';
import paginas from '../paginas/plugin';

export async function buildApp(
  deps: ApiDeps,
  opts: {
    logger?: FastifyServerOptions['logger'];
    /** TRUST_PROXY: the proxies that may name the client in X-Forwarded-For. */
    trustProxy?: number | string[];
    /** The rate limit; default: RITO_LIMITE_REQUISICOES, RITO_LIMITE_ANONIMAS and RITO_LIMITE_JANELA_S of the environment. */
    limites?: LimitesRequisicao;
  } = {},
) {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Fastify takes a hop count too (lib/request.js), though its types omit it.
    trustProxy: (opts.trustProxy ?? false) as FastifyServerOptions['trustProxy'],
    // rito names every request itself: a client's X-Request-Id is kept only as a correlation id (plugins/auditoria.ts).
    requestIdHeader: false,
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
    frameworkErrors: errosDoRoteador,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });

  await app.register(cabecalhos); // first: refusals carry the security headers too
  await app.register(openapi);
  await app.register(textoValido);
  await app.register(autenticacao, { autenticador: deps.autenticador });
  await app.register(limitesRequisicao, { db: deps.db, limites: opts.limites ?? limitesDoAmbiente() });
  await app.register(escopoProcesso, { db: deps.db });
  await app.register(auditoria, { db: deps.db });
  await app.register(healthRoutes, deps);
  const contas = {
    db: deps.db,
    correio: deps.correio ?? correioNaPasta(path.join(readSetting('RITO_DATA_DIR'), 'correio'), (m) => app.log.warn(m)),
    urlPublica: deps.urlPublica ?? 'http://127.0.0.1:3000',
  };
  await app.register(contasRoutes, contas);
  await app.register(adminRoutes, contas);
  await app.register(agendaRoutes, { db: deps.db, urlPublica: contas.urlPublica });
  // Each area's folder is its URL prefix; its routes use paths relative to it.
  await app.register(auditoriaRoutes, { db: deps.db, prefix: '/v1/auditoria' });
  await app.register(alertasRoutes, { db: deps.db, prefix: '/v1/alertas' });
  await app.register(processosRoutes, { ...deps, prefix: '/v1/processos' });
  await app.register(prazosRoutes, { db: deps.db, prefix: '/v1/prazos' });
  await app.register(calendarioRoutes, { db: deps.db, temporal: deps.temporal, prefix: '/v1/calendario' });
  // The rites' routes are actions on a process: /v1/processos/{id}/{rito}/{acao}.
  await app.register(ritosRoutes, { ...deps, prefix: '/v1/processos' });
  // Two prefixes, one plugin each: /v1/documentos and /v1/arquivos.
  await app.register(documentosRoutes, { db: deps.db, arquivos: deps.arquivos, aoAbrirDocumento: cienciaPelaAbertura(deps) });
  await app.register(linhaDoTempoRoutes, { ...deps, prefix: '/v1/processos' });
  await app.register(prazosVencendoRoutes, { db: deps.db, prefix: '/v1/prazos' });
  await app.register(tarefasRoutes, { db: deps.db, prefix: '/v1/tarefas' });
  await app.register(unidadesRoutes, { db: deps.db, temporal: deps.temporal, prefix: '/v1/unidades' });
  await app.register(checklistsRoutes, { prefix: '/v1/checklists' });
  await app.register(instituicoesRoutes, { db: deps.db, prefix: '/v1/instituicoes' });
  await app.register(habilitacoesRoutes, { ...deps, prefix: '/v1/habilitacoes' });
  // The credenciamento of external users runs on the same pedido engine (seed 002 arts. 16–19).
  await app.register(credenciamentosRoutes, { ...deps, prefix: '/v1/credenciamentos' });
  await app.register(unidadesEnsinoRoutes, { db: deps.db, prefix: '/v1/unidades-de-ensino' });
  // The apuração, the motivos and each student's follow-up case (seed 004; api/acompanhamento).
  await app.register(acompanhamentoRoutes, { ...deps, prefix: '/v1/acompanhamento' });
  // The batch API of the attendance follow-up (seed 001): lotes and the reads of students (api/lotes).
  await app.register(estudantesRoutes, { ...deps, prefix: '/v1/estudantes' });
  await app.register(matriculasRoutes, { ...deps, prefix: '/v1/matriculas' });
  await app.register(frequenciasRoutes, { ...deps, prefix: '/v1/frequencias' });
  await app.register(obrigacoesRoutes, { db: deps.db, arquivos: deps.arquivos, relogio: deps.relogio, prefix: '/v1/obrigacoes' });
  // The codec the Temporal UI calls to show the (encrypted) payloads of a history to authorised staff.
  if (deps.codecTemporal) await app.register(codecTemporalRoutes, { ...deps.codecTemporal, prefix: '/v1/temporal/codec' });
  // The pages people use (paginas/): same sessions, scope and actions as the routes above, server-rendered.
  await app.register(paginas, { ...deps, correio: contas.correio, urlPublica: contas.urlPublica });
  return app;
}

/** The rate limit as the environment sets it (config/settings.ts). */
export function limitesDoAmbiente(env: NodeJS.ProcessEnv = process.env): LimitesRequisicao {
  return {
    requisicoes: readSetting('RITO_LIMITE_REQUISICOES', env),
    anonimas: readSetting('RITO_LIMITE_ANONIMAS', env),
    janelaS: readSetting('RITO_LIMITE_JANELA_S', env),
  };
}

export type App = Awaited<ReturnType<typeof buildApp>>;
