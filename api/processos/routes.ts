import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { existeEntrada } from '../auditoria/registro';
import { erroSchema, HttpError, naoEncontrado } from '../errors';
import { escopoDe, noEscopoSql, podeVer } from '../auth/escopo';
import { compiladaPorForma, executarPreparada } from '../../db/preparadas';
import { requireAtor } from '../plugins/autenticacao';
import { processoDaRota } from '../plugins/escopo-processo';
import type { ApiDeps } from '../deps';
import { type AberturaBody, aberturaSchema, listagemQuerySchema, listagemSchema, processoSchema } from './schemas';
import { ProcessosService, toView } from './service';

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema };

/**
 * Opens a process for the request's actor (in his scope; administrators
 * anywhere), auditing the abertura or its repetition in the transaction that
 * records it: POST /v1/processos and the requerimento page (paginas/) alike.
 */
export async function abrirProcesso(service: ProcessosService, request: FastifyRequest, body: AberturaBody) {
  const ator = requireAtor(request);
  const escopo = { unidade: body.unidade, instituicao_cnpj: body.instituicao.cnpj };
  if (!podeVer(ator, escopo) && !ator.papeis.includes('administrador')) {
    throw new HttpError(403, 'fora-do-escopo', 'Você não pode abrir processos para esta instituição ou unidade.');
  }
  return service.abrir(body, ator, async (trx, processo, criado) => {
    // A retry finding the process with no abertura in the trail (its first request's commit failed after the
    // workflow had started, and the workflow wrote the row) records the abertura, not a repetition of nothing.
    const registrada = criado || !(await existeEntrada(trx, 'processo.abrir', processo.id));
    await request.auditar(
      {
        acao: 'processo.abrir',
        recurso: 'processo',
        resumo: registrada
          ? `Processo aberto: ${processo.tipo} de ${processo.instituicao_nome} (${processo.instituicao_cnpj}), unidade ${processo.unidade}`
          : `Abertura repetida: devolvido o processo já aberto ${processo.id}`,
        // A repeated abertura opened nothing: processo.abrir.repeticao, pointing at the abertura's entry.
        repeticao: !registrada,
        processoId: processo.id,
        recursoId: processo.id,
        dados: registrada
          ? {
              criado: true,
              ...(criado ? {} : { registradaNaRepeticao: true }),
              tipo: body.tipo,
              instituicao: body.instituicao,
              unidade: body.unidade,
              numeroSei: body.numeroSei ?? null,
              requerente: body.requerente,
            }
          : { criado: false },
      },
      trx,
    );
  });
}

const processosRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  const service = new ProcessosService(deps.db, deps.temporal, deps.taskQueue);

  app.post(
    '/',
    {
      prefixTrailingSlash: 'no-slash', // the prefix itself, not also the prefix with a trailing slash
      config: { papeis: ['representante', 'inspetor', 'administrador'], auditoria: { acao: 'processo.abrir', recurso: 'processo' } },
      schema: {
        tags: ['processos'],
        summary: 'Abre um processo e inicia seu workflow',
        description:
          'Idempotente: repetir a abertura com o mesmo tipo, CNPJ e Código INEP devolve o processo já aberto (200) ' +
          'em vez de abrir outro (art. 22, I, da IN SEI-MEC).',
        body: aberturaSchema,
        response: { 200: processoSchema, 201: processoSchema, ...erros },
      },
    },
    async (request, reply) => {
      const ator = requireAtor(request);
      const { processo, criado } = await abrirProcesso(service, request, request.body);
      return reply
        .code(criado ? 201 : 200)
        .header('location', `/v1/processos/${processo.id}`)
        // A process just opened is in its initial phase; asking its workflow would wait for the worker's first task.
        .send(toView(processo, criado ? null : await service.estado(processo), ator));
    },
  );

  app.get(
    '/:id',
    {
      config: {
        papeis: ['representante', 'inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'],
        // the requerente's name and e-mail
        auditoria: { acao: 'processo.ler', recurso: 'processo', dadosPessoais: true, antecipada: true },
      },
      schema: {
        tags: ['processos'],
        summary: 'Um processo, com a fase que seu workflow registrou e as ações que você pode praticar agora',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: processoSchema, ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const processo = processoDaRota(request);
      return toView(processo, await service.estado(processo), ator);
    },
  );

  app.get(
    '/',
    {
      prefixTrailingSlash: 'no-slash', // the prefix itself, not also the prefix with a trailing slash
      config: {
        papeis: ['representante', 'inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'],
        // each requerente's name and e-mail: one entry per page read
        auditoria: { acao: 'processo.listar', recurso: 'processo', dadosPessoais: true, antecipada: true },
      },
      schema: {
        tags: ['processos'],
        summary: 'Lista processos do seu escopo, com filtros',
        querystring: listagemQuerySchema,
        response: { 200: listagemSchema, ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const q = request.query;
      const e = escopoDe(ator);
      // Built and compiled once per shape (which filters, how many units/CNPJs/processes in scope), then each request
      // puts its values in place; a prepared statement too (db/preparadas.ts).
      const valores = {
        limite: q.limite + 1,
        tipo: q.tipo || undefined,
        fase: q.fase || undefined,
        unidade: q.unidade || undefined,
        cnpj: q.cnpj || undefined,
        encerrado: q.encerrado,
        prazoAte: q.prazoAte ? new Date(q.prazoAte) : undefined,
        cursor: q.cursor || undefined,
        unidades: e.tudo ? undefined : e.unidades,
        cnpjs: e.tudo ? undefined : e.cnpjs,
        processos: e.tudo ? undefined : e.processos,
      };
      const consulta = compiladaPorForma(deps.db, e.tudo ? 'processos:tudo' : 'processos', valores, (v) => {
        let query = deps.db.selectFrom('processo').selectAll().orderBy('id').limit(v.limite);
        if (v.tipo !== undefined) query = query.where('tipo', '=', v.tipo);
        if (v.fase !== undefined) query = query.where('fase', '=', v.fase);
        if (v.unidade !== undefined) query = query.where('unidade', '=', v.unidade);
        if (v.cnpj !== undefined) query = query.where('instituicao_cnpj', '=', v.cnpj);
        if (v.encerrado !== undefined) query = query.where('encerrado', '=', v.encerrado);
        if (v.prazoAte !== undefined) query = query.where('prazo_limite', '<=', v.prazoAte);
        if (v.cursor !== undefined) query = query.where('id', '>', v.cursor);
        return query.where(noEscopoSql(e.tudo ? e : { tudo: false, unidades: v.unidades!, cnpjs: v.cnpjs!, processos: v.processos! }));
      });
      const rows = await executarPreparada(deps.db, consulta);
      const pagina = rows.slice(0, q.limite);
      return {
        itens: pagina.map((p) => toView(p, null)),
        proximoCursor: rows.length > q.limite ? pagina[pagina.length - 1].id : null,
      };
    },
  );
};

export default processosRoutes;
