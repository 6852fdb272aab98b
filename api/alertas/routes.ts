/** GET /v1/alertas: what a workflow could not do by itself (activities/falhas.ts), for the administrator. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { listarAlertas } from '../../db/alertas';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import { erroSchema } from '../errors';

const alertaSchema = z
  .object({
    id: z.string(),
    processoId: z.string().nullable(),
    atividade: z.string().describe('A atividade do workflow que falhou'),
    definitivo: z.boolean().describe('true: o banco recusou os dados e nova tentativa não resolve; false: ainda em novas tentativas'),
    tentativas: z.number().int(),
    erro: z.string(),
    primeiraEm: z.string(),
    ultimaEm: z.string(),
    resolvidoEm: z.string().nullable(),
  })
  .meta({ id: 'AlertaOperacao' });

const alertasRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      prefixTrailingSlash: 'no-slash', // the prefix itself, not also the prefix with a trailing slash
      // an alert's error may quote the data the database refused (names, e-mails)
      config: { papeis: ['administrador', 'supervisor'], auditoria: { acao: 'alerta.ler', recurso: 'alerta', dadosPessoais: true } },
      schema: {
        tags: ['alertas'],
        summary: 'Falhas de operação dos processos, das mais recentes às mais antigas',
        description:
          'Uma escrita que o banco recusa aparece aqui na hora (definitivo); uma que continua falhando (banco fora do ar) aparece ' +
          'depois de algumas tentativas e é marcada como resolvida quando finalmente dá certo.',
        querystring: z.object({
          abertos: z
            .enum(['true', 'false'])
            .default('true')
            .transform((v) => v === 'true')
            .describe('false inclui os já resolvidos'),
          limite: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.object({ itens: z.array(alertaSchema) }), 400: erroSchema, 401: erroSchema, 403: erroSchema },
      },
    },
    async (request) => {
      const rows = await listarAlertas(db, request.query);
      return {
        itens: rows.map((a) => ({
          id: String(a.id),
          processoId: a.processo_id,
          atividade: a.atividade,
          definitivo: a.definitivo,
          tentativas: a.tentativas,
          erro: a.erro,
          primeiraEm: formatarInstanteBrasilia(new Date(a.primeira_em).getTime()),
          ultimaEm: formatarInstanteBrasilia(new Date(a.ultima_em).getTime()),
          resolvidoEm: a.resolvido_em ? formatarInstanteBrasilia(new Date(a.resolvido_em).getTime()) : null,
        })),
      };
    },
  );
};

export default alertasRoutes;
