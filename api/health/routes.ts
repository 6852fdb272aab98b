/** /health says the process is alive; /ready says it can serve (database and Temporal reachable). */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiDeps } from '../deps';

const dependencia = z.object({ ok: z.boolean(), detalhe: z.string().optional() });
const prontidao = z.object({ pronto: z.boolean(), banco: dependencia, temporal: dependencia });

async function check(fn: () => Promise<unknown>): Promise<z.infer<typeof dependencia>> {
  try {
    await fn();
    return { ok: true };
  } catch (err) {
    return { ok: false, detalhe: err instanceof Error ? err.message : String(err) };
  }
}

const healthRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, { db, temporal }) => {
  app.get(
    '/health',
    { config: { auditoria: { dadosPessoais: false } }, schema: { tags: ['sistema'], summary: 'O processo da API está vivo', response: { 200: z.object({ ok: z.literal(true) }) } } },
    async () => ({ ok: true as const }),
  );

  app.get(
    '/ready',
    {
      config: { auditoria: { dadosPessoais: false } },
      schema: {
        tags: ['sistema'],
        summary: 'Banco de dados e Temporal acessíveis',
        response: { 200: prontidao, 503: prontidao },
      },
    },
    async (_request, reply) => {
      const [banco, temporalStatus] = await Promise.all([
        check(() => sql`select 1`.execute(db)),
        check(() => temporal.workflowService.getSystemInfo({})),
      ]);
      const pronto = banco.ok && temporalStatus.ok;
      return reply.code(pronto ? 200 : 503).send({ pronto, banco, temporal: temporalStatus });
    },
  );
};

export default healthRoutes;
