/**
 * Builds the Fastify application from encapsulated plugins. Nothing here
 * listens or connects: callers (the CLI, tests) pass the dependencies in.
 */
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import '../config/settings'; // pt-BR validation messages
import { registerErrorHandler } from './errors';
import healthRoutes from './health/routes';
import autenticacao from './plugins/autenticacao';
import openapi from './plugins/openapi';
import processosRoutes from './processos/routes';
import type { ApiDeps } from './deps';

export async function buildApp(deps: ApiDeps, opts: { logger?: FastifyServerOptions['logger'] } = {}) {
  const app = Fastify({
    logger: opts.logger ?? false,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(openapi);
  await app.register(autenticacao, { autenticador: deps.autenticador });
  await app.register(healthRoutes, deps);
  await app.register(processosRoutes, deps);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
