/** GET /v1/auditoria: supervisors read and filter the audit trail (newest first). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import type { Auditoria } from '../../db/schema';
import { encadearPendentes } from './encadeador';
import { erroSchema } from '../errors';
import { instante } from '../instantes';

const entradaSchema = z
  .object({
    seq: z.number().int(),
    ocorridoEm: z.string(),
    ator: z.object({ id: z.string(), nome: z.string().nullable(), papeis: z.array(z.string()) }).nullable().describe('null: chamada anônima'),
    origem: z.object({
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
      requestId: z.string().nullable().describe('Identificador que o rito deu à requisição (cabeçalho X-Request-Id da resposta)'),
      correlacao: z.string().nullable().describe('X-Request-Id enviado pelo cliente, se houver: informado por ele, serve só para correlacionar com os registros do cliente'),
    }),
    acao: z.string(),
    recurso: z.string().nullable(),
    recursoId: z.string().nullable(),
    processoId: z.string().nullable(),
    resumo: z.string(),
    dados: z.record(z.string(), z.unknown()),
    hashAnterior: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'EntradaAuditoria' });

export const querySchema = z.object({
  ator: z.string().max(200).optional().describe('id do ator (usuário, ou chave:<id> para chaves de API)'),
  acao: z
    .string()
    .max(100)
    .optional()
    .describe('ação exata (processo.abrir) ou prefixo terminado em ponto (processo.); repetições idempotentes têm a ação seguida de .repeticao'),
  processo: z.string().max(200).optional(),
  recurso: z.string().max(100).optional(),
  recursoId: z.string().max(200).optional(),
  requestId: z.string().max(100).optional().describe('identificador da requisição dado pelo rito'),
  correlacao: z.string().max(100).optional().describe('X-Request-Id enviado pelo cliente'),
  de: z.iso.datetime({ offset: true, error: 'de deve ser data-hora ISO 8601' }).optional(),
  ate: z.iso.datetime({ offset: true, error: 'ate deve ser data-hora ISO 8601' }).optional(),
  limite: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.coerce.number().int().min(1).optional().describe('seq da última entrada da página anterior'),
});

export function entradaView(r: Auditoria) {
  return {
    seq: Number(r.seq),
    ocorridoEm: instante(r.ocorrido_em),
    ator: r.ator_id ? { id: r.ator_id, nome: r.ator_nome, papeis: r.ator_papeis } : null,
    origem: { ip: r.origem_ip, userAgent: r.user_agent, requestId: r.request_id, correlacao: r.correlacao_id ?? null },
    acao: r.acao,
    recurso: r.recurso,
    recursoId: r.recurso_id,
    processoId: r.processo_id,
    resumo: r.resumo,
    dados: r.dados ?? {},
    hashAnterior: r.hash_anterior,
    hash: r.hash,
  };
}

export type ConsultaTrilha = z.output<typeof querySchema>;

/** A page of the audit trail, newest first, with the filters of GET /v1/auditoria (and of the supervisors' page, paginas/). */
export async function lerTrilha(db: Db, q: ConsultaTrilha) {
  // Entries still in the outbox (a worker's, an instance's that died before chaining them) are chained first, bounded.
  await encadearPendentes(db);
  let query = db.selectFrom('auditoria').selectAll().orderBy('seq', 'desc').limit(q.limite + 1);
  if (q.ator) query = query.where('ator_id', '=', q.ator);
  if (q.acao) query = q.acao.endsWith('.') ? query.where('acao', 'like', `${q.acao.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : query.where('acao', '=', q.acao);
  if (q.processo) query = query.where('processo_id', '=', q.processo);
  if (q.recurso) query = query.where('recurso', '=', q.recurso);
  if (q.recursoId) query = query.where('recurso_id', '=', q.recursoId);
  if (q.requestId) query = query.where('request_id', '=', q.requestId);
  if (q.correlacao) query = query.where('correlacao_id', '=', q.correlacao);
  if (q.de) query = query.where('ocorrido_em', '>=', new Date(q.de));
  if (q.ate) query = query.where('ocorrido_em', '<=', new Date(q.ate));
  if (q.cursor) query = query.where('seq', '<', String(q.cursor));
  const rows = await query.execute();
  const pagina = rows.slice(0, q.limite);
  return { itens: pagina.map(entradaView), proximoCursor: rows.length > q.limite ? Number(pagina[pagina.length - 1].seq) : null };
}

const auditoriaRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      prefixTrailingSlash: 'no-slash', // the prefix itself, not also the prefix with a trailing slash
      // who acted, from which IP, with what (CPFs masked): reading the trail is recorded in it
      config: { papeis: ['supervisor'], auditoria: { acao: 'auditoria.ler', recurso: 'auditoria', dadosPessoais: true } },
      schema: {
        tags: ['auditoria'],
        summary: 'Trilha de auditoria, da mais recente para a mais antiga, com filtros',
        description: 'Cada entrada traz o hash da anterior; `rito auditoria verificar` confere a cadeia inteira. CPFs e NIS aparecem sempre mascarados.',
        querystring: querySchema,
        response: {
          200: z.object({ itens: z.array(entradaSchema), proximoCursor: z.number().nullable() }).meta({ id: 'ListaAuditoria' }),
          400: erroSchema,
          401: erroSchema,
          403: erroSchema,
        },
      },
    },
    async (request) => lerTrilha(db, request.query),
  );
};

export default auditoriaRoutes;
