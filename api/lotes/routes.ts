/**
 * The batch API in MEC Gestão Presente's style (seed 001), one plugin per URL
 * prefix: /v1/estudantes, /v1/matriculas, /v1/frequencias.
 *
 * - POST (PATCH) …/lote: a lote as JSON (an array of records) or CSV
 *   (Content-Type: text/csv), sent with an API key issued to a network
 *   (rules/lotes/rede.ts). Answered 202 with the lote's id once its records are
 *   kept in PostgreSQL; the worker validates and writes them (workflows/lotes).
 *   The same lote sent again with the same key is the same lote (202, the same
 *   id, `repetido: true`).
 * - GET …/lote, …/lote/{id}, …/lote/{id}/erros: the caller's lotes, one lote's
 *   status and counts, each bad record's position, field, code and message.
 * - GET /v1/estudantes/{cpfNis}, /v1/estudantes/inep/{inep}: the reads of
 *   personal data, audited, in the caller's scope (api/lotes/rede.ts), CPF and
 *   NIS masked in the listing. Outside the scope, 404, as for what does not exist.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { errosDoLote, type Lote, listarLotes, obterLote, receberLote } from '../../db/lotes';
import { mascararCpf, mascararNis, removerPontuacao, validarCpf, validarNis } from '../../rules/identificadores';
import { codigoInepSchema } from '../../rules/identificadores/schemas';
import { CAMPOS, TIPOS_LOTE, type TipoLote } from '../../rules/lotes/registros';
import { idWorkflowLote } from '../../workflows/lotes/workflow';
import type { ApiDeps } from '../deps';
import { erroSchema, invalido, naoEncontrado } from '../errors';
import { instante, instanteOuNulo } from '../instantes';
import { requireAtor } from '../plugins/autenticacao';
import { hojeEmBrasilia, LIMITE_BYTES, LIMITE_REGISTROS, lerEntrada } from './entrada';
import { escolaNoEscopo, escopoDeLeitura, redeDaChave } from './rede';

type Deps = Pick<ApiDeps, 'db' | 'temporal' | 'taskQueue'>;

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 413: erroSchema };
/** Lotes are sent and followed by the network's system, with its key. */
const ENVIO = ['sistema'] as const;
/** Reads of students: the network's key and the Presença profiles of a school or a município (api/lotes/rede.ts). */
const LEITURA = ['sistema', 'operador-escolar', 'coordenador-municipal', 'auxiliar-municipal'] as const;

const STATUS = ['recebido', 'validando', 'processando', 'concluido', 'concluido-com-erros', 'falhou'] as const;

const loteSchema = z
  .object({
    id: z.string(),
    tipo: z.string(),
    ambiente: z.enum(['homologacao', 'producao']),
    status: z.enum(STATUS).describe('recebido → validando → processando → concluido | concluido-com-erros; falhou: nada do lote foi gravado'),
    formato: z.enum(['json', 'csv']),
    total: z.number().int().describe('Registros do lote'),
    comErro: z.number().int().describe('Registros recusados (ver …/erros)'),
    aplicados: z.number().int().describe('Registros gravados (em homologação: os que seriam gravados; nada é gravado)'),
    recebidoEm: z.string(),
    iniciadoEm: z.string().nullable(),
    concluidoEm: z.string().nullable(),
    falha: z.string().nullable(),
  })
  .meta({ id: 'Lote' });

const loteRecebidoSchema = z
  .object({
    id: z.string(),
    status: z.enum(STATUS),
    repetido: z.boolean().describe('true: o mesmo lote já fora enviado com esta chave; vale o primeiro'),
  })
  .meta({ id: 'LoteRecebido' });

const paginacao = z.object({
  pagina: z.coerce.number().int().min(1).max(100_000).default(1),
  tamanho: z.coerce.number().int().min(1).max(1000).default(100),
});

const idLote = z.object({ id: z.uuid({ error: 'id do lote inválido' }) });

const view = (l: Lote) => ({
  id: l.id,
  tipo: l.tipo,
  ambiente: l.ambiente,
  status: l.status,
  formato: l.formato,
  total: l.total,
  comErro: l.com_erro,
  aplicados: l.aplicados,
  recebidoEm: instante(l.recebido_em),
  iniciadoEm: instanteOuNulo(l.iniciado_em),
  concluidoEm: instanteOuNulo(l.concluido_em),
  falha: l.falha,
});

/** The body is read by lerEntrada (JSON or CSV); its schema is there for the OpenAPI document. */
const corpoSemValidar: FastifySchemaCompiler<z.ZodType> = (rota) => (rota.httpPart === 'body' ? (data: unknown) => ({ value: data }) : validatorCompiler(rota));

/**
 * The records' shape, as the OpenAPI document shows it and as a JSON body must be: a list of objects whose fields
 * hold a text, a number, a boolean or null (other fields are reported per record). What a field's value means is
 * checked per record (rules/lotes/registros.ts): a wrong value is that record's error, never the lote's.
 */
function registroSchema(tipo: TipoLote) {
  return z
    .array(
      z.looseObject(
        Object.fromEntries(
          CAMPOS[tipo].map((c) => [c.nome, z.union([z.string(), z.number(), z.boolean()]).nullish().describe(`${c.obrigatorio ? '(obrigatório) ' : ''}${c.descricao}`)]),
        ),
      ),
    )
    .min(1, 'o lote não tem registros')
    .max(LIMITE_REGISTROS, `um lote tem no máximo ${LIMITE_REGISTROS} registros`)
    .describe(`Registros (JSON), ou o mesmo como CSV (Content-Type: text/csv; cabeçalho: ${CAMPOS[tipo].map((c) => c.nome).join(',')}; separador , ou ;)`);
}
const ESQUEMAS = Object.fromEntries(TIPOS_LOTE.map((t) => [t, registroSchema(t)])) as Record<TipoLote, ReturnType<typeof registroSchema>>;

/** POST/PATCH …, GET …, GET …/{id}, GET …/{id}/erros for one lote path. */
function rotasDeLote(app: FastifyInstance, deps: Deps, caminho: string, envios: { metodo: 'POST' | 'PATCH'; tipo: TipoLote; resumo: string }[]) {
  const tipos = envios.map((e) => e.tipo);
  const z_ = app.withTypeProvider<import('fastify-type-provider-zod').ZodTypeProvider>();

  for (const envio of envios) {
    z_.route({
      method: envio.metodo,
      url: caminho,
      bodyLimit: LIMITE_BYTES,
      validatorCompiler: corpoSemValidar as never,
      config: { papeis: ENVIO, auditoria: { acao: 'lote.receber', recurso: 'lote' } },
      schema: {
        tags: ['lotes'],
        summary: envio.resumo,
        description:
          'Responde 202 com o id do lote assim que os registros estão guardados; o worker os valida e grava. Acompanhe em GET ' +
          `${caminho}/{id} e veja cada registro recusado em ${caminho}/{id}/erros. Um registro com erro não impede os outros. ` +
          'Chave de homologação: o lote é validado e relatado, e nada é gravado.',
        consumes: ['application/json', 'text/csv'],
        body: ESQUEMAS[envio.tipo],
        response: { 202: loteRecebidoSchema, ...erros },
      },
      handler: async (request, reply) => {
        const ator = requireAtor(request);
        const { texto: rede, ambiente } = redeDaChave(request);
        // A JSON body is checked against its shape (the route's schema is there for the document only, so that a CSV passes).
        if (typeof request.body !== 'string') {
          const forma = ESQUEMAS[envio.tipo].safeParse(request.body);
          if (!forma.success) throw invalido(forma.error.issues.slice(0, 20).map((i) => ({ campo: ['corpo', ...i.path.map(String)].join('.'), mensagem: i.message })));
        }
        const entrada = lerEntrada(envio.tipo, request.body, ator.id, hojeEmBrasilia());
        const id = randomUUID();
        const r = await receberLote(
          deps.db,
          { id, tipo: envio.tipo, ambiente, rede, atorId: ator.id, atorNome: ator.nome, formato: entrada.formato, total: entrada.total },
          entrada,
          (trx, hash) =>
            request.auditar(
              {
                resumo: `Lote ${id} de ${envio.tipo} recebido (${entrada.total} registros, ${entrada.formato}, ${ambiente}, ${rede})`,
                recursoId: id,
                dados: { tipo: envio.tipo, total: entrada.total, formato: entrada.formato, ambiente, rede, hash },
              },
              trx,
            ),
        );
        if (r.repetido) {
          await request.auditar({ resumo: `Lote ${r.id} enviado de novo: é o mesmo lote`, recursoId: r.id, repeticao: true });
        }
        // A lote whose workflow did not start (the API stopped right after storing it) starts at its next sending.
        if (r.status === 'recebido') {
          try {
            await deps.temporal.workflow.start('loteWorkflow', {
              taskQueue: deps.taskQueue,
              workflowId: idWorkflowLote(r.id),
              args: [r.id],
              workflowIdConflictPolicy: 'USE_EXISTING',
            });
          } catch (err) {
            if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          }
        }
        reply.header('location', `${request.routeOptions.url?.replace(/^.*\/v1/, '/v1') ?? caminho}/${r.id}`);
        return reply.code(202).send({ id: r.id, status: r.status, repetido: r.repetido });
      },
    });
  }

  z_.get(
    caminho,
    {
      config: { papeis: ENVIO, auditoria: { dadosPessoais: false } },
      schema: {
        tags: ['lotes'],
        summary: `Lista os lotes enviados com a sua chave (${tipos.join(', ')})`,
        querystring: paginacao,
        response: { 200: z.object({ itens: z.array(loteSchema), pagina: z.number(), tamanho: z.number(), total: z.number() }), ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const { pagina, tamanho } = request.query;
      const { itens, total } = await listarLotes(deps.db, ator.id, tipos, pagina, tamanho);
      return { itens: itens.map(view), pagina, tamanho, total };
    },
  );

  const doChamador = async (atorId: string, id: string) => {
    const l = await obterLote(deps.db, id);
    // Another caller's lote does not exist for this one.
    if (!l || l.ator_id !== atorId || !tipos.includes(l.tipo as TipoLote)) throw naoEncontrado('Lote');
    return l;
  };

  z_.get(
    `${caminho}/:id`,
    {
      config: { papeis: ENVIO, auditoria: { dadosPessoais: false } },
      schema: { tags: ['lotes'], summary: 'Situação e contagens de um lote', params: idLote, response: { 200: loteSchema, ...erros } },
    },
    async (request) => view(await doChamador(requireAtor(request).id, request.params.id)),
  );

  z_.get(
    `${caminho}/:id/erros`,
    {
      // Positions, fields, codes and messages: no message repeats a CPF, NIS or name (rules/lotes/registros.ts, db/lotes.ts).
      config: { papeis: ENVIO, auditoria: { dadosPessoais: false } },
      schema: {
        tags: ['lotes'],
        summary: 'Os registros recusados de um lote: posição, campo, código e mensagem',
        description: 'posicao: o número do registro no lote, a partir de 1 (no CSV, a linha depois do cabeçalho).',
        params: idLote,
        querystring: paginacao,
        response: {
          200: z.object({
            itens: z.array(z.object({ posicao: z.number(), campo: z.string(), codigo: z.string(), mensagem: z.string() })),
            pagina: z.number(),
            tamanho: z.number(),
            total: z.number(),
          }),
          ...erros,
        },
      },
    },
    async (request) => {
      const l = await doChamador(requireAtor(request).id, request.params.id);
      const { pagina, tamanho } = request.query;
      const { itens, total } = await errosDoLote(deps.db, l.id, pagina, tamanho);
      return { itens, pagina, tamanho, total };
    },
  );
}

/** CSV bodies arrive as text (UTF-8), which plugins/texto-valido checks as one string; lerEntrada parses it. */
function aceitarCsv(app: FastifyInstance) {
  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: LIMITE_BYTES }, (_req, corpo, feito) => feito(null, corpo));
}

const estudanteSchema = z
  .object({
    id: z.string(),
    cpf: z.string().nullable(),
    nis: z.string().nullable(),
    nome: z.string(),
    dataNascimento: z.string(),
    educacaoBasicaConcluida: z.boolean(),
    matriculas: z.array(
      z.object({
        codigoInep: z.string(),
        escola: z.string(),
        ano: z.number(),
        etapa: z.string().nullable(),
        turma: z.string().nullable(),
        situacao: z.string(),
        inicio: z.string(),
        fim: z.string().nullable(),
        inepDestino: z.string().nullable(),
      }),
    ),
    frequencias: z.array(z.object({ codigoInep: z.string(), mes: z.string(), diasLetivos: z.number(), presencas: z.number() })),
  })
  .meta({ id: 'Estudante' });

export const estudantesRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  aceitarCsv(app);
  rotasDeLote(app, deps, '/lote', [
    { metodo: 'POST', tipo: 'estudantes', resumo: 'Cadastra estudantes em lote' },
    { metodo: 'PATCH', tipo: 'estudantes-atualizacao', resumo: 'Atualiza estudantes em lote (campos vazios não mudam)' },
  ]);

  app.get(
    '/inep/:inep',
    {
      config: { papeis: LEITURA, auditoria: { acao: 'estudante.listar', recurso: 'unidade-ensino', dadosPessoais: true } },
      schema: {
        tags: ['lotes'],
        summary: 'Os estudantes matriculados numa escola (CPF e NIS mascarados)',
        params: z.object({ inep: codigoInepSchema }),
        querystring: paginacao.extend({ ano: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: {
          200: z.object({
            itens: z.array(
              z.object({
                id: z.string(),
                cpf: z.string().nullable(),
                nis: z.string().nullable(),
                nome: z.string(),
                dataNascimento: z.string(),
                ano: z.number(),
                etapa: z.string().nullable(),
                turma: z.string().nullable(),
                situacao: z.string(),
              }),
            ),
            pagina: z.number(),
            tamanho: z.number(),
            total: z.number(),
          }),
          ...erros,
        },
      },
    },
    async (request) => {
      const escopo = await escopoDeLeitura(deps.db, request);
      const { inep } = request.params;
      const { pagina, tamanho, ano } = request.query;
      const escola = await sql<{ n: number }>`select 1 as n from unidade_ensino u where u.codigo_inep = ${inep} and ${escolaNoEscopo(escopo)}`.execute(deps.db);
      if (!escola.rows.length) throw naoEncontrado('Unidade de ensino');
      let q = deps.db.selectFrom('matricula as m').innerJoin('estudante as e', 'e.id', 'm.estudante_id').where('m.codigo_inep', '=', inep);
      if (ano !== undefined) q = q.where('m.ano', '=', ano);
      const [linhas, { n }] = await Promise.all([
        q
          .select(['e.id', 'e.cpf', 'e.nis', 'e.nome', 'e.data_nascimento', 'm.ano', 'm.etapa', 'm.turma', 'm.situacao'])
          .orderBy('m.ano', 'desc')
          .orderBy('e.nome')
          .orderBy('e.id')
          .limit(tamanho)
          .offset((pagina - 1) * tamanho)
          .execute(),
        q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      await request.auditar({ resumo: `Leitura dos estudantes da escola ${inep} (página ${pagina}, ${linhas.length} registros)`, recursoId: inep });
      return {
        itens: linhas.map((r) => ({
          id: r.id,
          cpf: r.cpf ? mascararCpf(r.cpf) : null,
          nis: r.nis ? mascararNis(r.nis) : null,
          nome: r.nome,
          dataNascimento: r.data_nascimento,
          ano: r.ano,
          etapa: r.etapa,
          turma: r.turma,
          situacao: r.situacao,
        })),
        pagina,
        tamanho,
        total: Number(n),
      };
    },
  );

  app.get(
    '/:cpfNis',
    {
      config: { papeis: LEITURA, auditoria: { acao: 'estudante.ler', recurso: 'estudante', dadosPessoais: true } },
      schema: {
        tags: ['lotes'],
        summary: 'Um estudante pelo CPF ou NIS, com as matrículas e frequências no seu escopo',
        params: z.object({ cpfNis: z.string().min(1).max(20).describe('CPF ou NIS (11 dígitos, com ou sem pontuação)') }),
        response: { 200: estudanteSchema, ...erros },
      },
    },
    async (request) => {
      const escopo = await escopoDeLeitura(deps.db, request);
      const numero = removerPontuacao(request.params.cpfNis);
      if (!validarCpf(numero).valido && !validarNis(numero).valido) {
        throw invalido([{ campo: 'cpfNis', mensagem: 'informe um CPF ou NIS válido (11 dígitos)' }]);
      }
      const estudante = await deps.db
        .selectFrom('estudante')
        .selectAll()
        .where((eb) => eb.or([eb('cpf', '=', numero), eb('nis', '=', numero)]))
        .executeTakeFirst();
      const matriculas = estudante
        ? await deps.db
            .selectFrom('matricula as m')
            .innerJoin('unidade_ensino as u', 'u.codigo_inep', 'm.codigo_inep')
            .select(['m.codigo_inep', 'u.nome', 'm.ano', 'm.etapa', 'm.turma', 'm.situacao', 'm.inicio', 'm.fim', 'm.destino_inep'])
            .where('m.estudante_id', '=', estudante.id)
            .where(escolaNoEscopo(escopo))
            .orderBy('m.ano', 'desc')
            .execute()
        : [];
      // A student with no matrícula in the caller's scope is not the caller's to read: 404, as one that does not exist.
      if (!estudante || !matriculas.length) throw naoEncontrado('Estudante');
      const frequencias = await deps.db
        .selectFrom('frequencia_mensal as f')
        .innerJoin('unidade_ensino as u', 'u.codigo_inep', 'f.codigo_inep')
        .select(['f.codigo_inep', 'f.mes', 'f.dias_letivos', 'f.presencas'])
        .where('f.estudante_id', '=', estudante.id)
        .where(escolaNoEscopo(escopo))
        .orderBy('f.mes')
        .execute();
      await request.auditar({ resumo: `Leitura do estudante ${estudante.id}`, recursoId: estudante.id });
      return {
        id: estudante.id,
        cpf: estudante.cpf,
        nis: estudante.nis,
        nome: estudante.nome,
        dataNascimento: estudante.data_nascimento,
        educacaoBasicaConcluida: estudante.educacao_basica_concluida,
        matriculas: matriculas.map((m) => ({
          codigoInep: m.codigo_inep,
          escola: m.nome,
          ano: m.ano,
          etapa: m.etapa,
          turma: m.turma,
          situacao: m.situacao,
          inicio: m.inicio,
          fim: m.fim,
          inepDestino: m.destino_inep,
        })),
        frequencias: frequencias.map((f) => ({ codigoInep: f.codigo_inep, mes: f.mes, diasLetivos: f.dias_letivos, presencas: f.presencas })),
      };
    },
  );
};

export const matriculasRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  aceitarCsv(app);
  rotasDeLote(app, deps, '/lote', [{ metodo: 'POST', tipo: 'matriculas', resumo: 'Cadastra matrículas em lote (a mesma matrícula de novo atualiza etapa, turma e início)' }]);
  rotasDeLote(app, deps, '/movimentar/lote', [
    { metodo: 'POST', tipo: 'movimentacoes', resumo: 'Movimenta matrículas em lote: transferência, conclusão, abandono, óbito, reativação' },
  ]);
};

export const frequenciasRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  aceitarCsv(app);
  rotasDeLote(app, deps, '/lote', [{ metodo: 'POST', tipo: 'frequencias', resumo: 'Registra as frequências mensais em lote (dias letivos e presenças por estudante e mês)' }]);
};
