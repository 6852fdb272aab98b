/**
 * Prazos and the business-day calendar over HTTP, as one plugin for buildApp:
 * the calculations (/v1/prazos/*) and the calendar with its decreed days
 * (/v1/calendario/*).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import calendarioRoutes, { type OpcoesCalendario } from '../calendario/routes';
import prazosRoutes from './routes';

const prazosECalendario: FastifyPluginAsyncZod<OpcoesCalendario> = async (app, deps) => {
  await app.register(prazosRoutes, deps);
  await app.register(calendarioRoutes, deps);
};

export default prazosECalendario;
