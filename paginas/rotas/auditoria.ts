/**
 * The audit trail for supervisors (/auditoria), as GET /v1/auditoria reads it
 * (lerTrilha, its filters and its roles): newest first, filtered by who, what
 * (an action or a prefix ending in "."), which process and when (days in
 * Brasília time), a page at a time, and as CSV. Reading it is itself recorded
 * (pagina.auditoria.ler), as the API's reading is.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { lerTrilha, querySchema } from '../../api/auditoria/routes';
import { HttpError } from '../../api/errors';
import { paraCsv } from '../csv';
import { errosDoZod } from '../formularios';
import type { PaginasDeps } from '../plugin';
import { exigirAtor } from '../sessao';
import { instanteBR, renderizar } from '../visao';

const DATA = /^\d{4}-\d{2}-\d{2}$/;

export default async function auditoriaPaginas(app: FastifyInstance, deps: PaginasDeps) {
  /** The page's filters (days as the form sends them) as the API's query, validated by the API's schema. */
  function consulta(request: FastifyRequest, limite: number) {
    exigirAtor(request, ['supervisor']);
    const f = request.query as Record<string, string | undefined>;
    const limpo = (v?: string) => (v?.trim() ? v.trim() : undefined);
    const r = querySchema.safeParse({
      ator: limpo(f.ator),
      acao: limpo(f.acao),
      processo: limpo(f.processo),
      // A day in Brasília: from its first to its last second.
      de: f.de && DATA.test(f.de) ? `${f.de}T00:00:00-03:00` : limpo(f.de),
      ate: f.ate && DATA.test(f.ate) ? `${f.ate}T23:59:59-03:00` : limpo(f.ate),
      cursor: limpo(f.cursor),
      limite,
    });
    if (!r.success) throw new HttpError(400, 'validacao', `Filtro inválido: ${errosDoZod(r.error.issues).map((e) => `${e.campo}: ${e.mensagem}`).join('; ')}`);
    return { filtro: f, q: r.data };
  }

  const cfg = { config: { auditoria: { acao: 'pagina.auditoria.ler', recurso: 'auditoria', dadosPessoais: true } }, schema: { hide: true } };

  app.get('/auditoria', cfg, async (request, reply) => {
    const { filtro, q } = consulta(request, 50);
    const r = await lerTrilha(deps.db, q);
    const params = new URLSearchParams(Object.entries(filtro).filter(([k, v]) => k !== 'cursor' && v) as [string, string][]);
    const mais = r.proximoCursor ? `/auditoria?${new URLSearchParams([...params, ['cursor', String(r.proximoCursor)]])}` : null;
    return renderizar(request, reply, 'auditoria', {
      titulo: 'Trilha de auditoria',
      migalhas: [{ rotulo: 'Trilha de auditoria' }],
      busca: true,
      filtro,
      itens: r.itens,
      mais,
      csv: `/auditoria.csv?${params}`,
    });
  });

  app.get('/auditoria.csv', cfg, async (request, reply) => {
    const { q } = consulta(request, 500);
    const r = await lerTrilha(deps.db, q);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="trilha-de-auditoria.csv"')
      .header('cache-control', 'no-store')
      .send(
        paraCsv(
          ['Nº', 'Quando', 'Quem', 'Papéis', 'Ação', 'Resumo', 'Processo', 'IP', 'Requisição', 'Hash'],
          r.itens.map((e) => [e.seq, instanteBR(e.ocorridoEm), e.ator?.nome ?? 'anônimo', e.ator?.papeis.join(', ') ?? '', e.acao, e.resumo, e.processoId, e.origem.ip, e.origem.requestId, e.hash]),
        ),
      );
  });
}
