/**
 * Outages of rito itself (/v1/calendario/indisponibilidades), recorded by an
 * administrator: a prazo ending in such a period moves to the next business
 * day (seed 002, art. 18, VI; Lei 11.419/2006, art. 10, § 2º, which SEI
 * follows for its own outages). Each record is audited and signals every
 * process with an open prazo that may end in the period; its timeline says
 * why its limit moved. Removal is recorded, never deleted.
 */
import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lacunasDeBatimento } from '../../db/batimentos';
import type { Db } from '../../db/connect';
import {
  diasDoPeriodo,
  type LinhaIndisponibilidade,
  listarIndisponibilidades,
  processosComPrazoNosDias,
  registrarIndisponibilidade,
  removerIndisponibilidade,
  rotuloIndisponibilidade,
} from '../../db/indisponibilidades';
import { lerInstante } from '../../rules/calendario';
import { PAPEIS } from '../auth/ator';
import { erroSchema, invalido, naoEncontrado } from '../errors';
import { instante, instanteOuNulo } from '../instantes';
import { requireAtor } from '../plugins/autenticacao';
import { avisarProcessos } from './decretados';
import { notificacaoSchema } from './feriados-municipais-schemas';

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema };
const BASE_LEGAL = 'Instrução Normativa SEI-MEC (DOU de 16/10/2025), art. 18, VI; Lei 11.419/2006, art. 10, § 2º';

const indisponibilidadeSchema = z
  .object({
    id: z.string(),
    inicio: z.string(),
    fim: z.string(),
    motivo: z.string(),
    dias: z.array(z.string()).describe('Os dias (horário de Brasília) que o período toca: nenhum prazo vence neles'),
    registradoPor: z.string(),
    registradoEm: z.string(),
    removidoPor: z.string().nullable(),
    removidoEm: z.string().nullable(),
  })
  .meta({ id: 'Indisponibilidade' });

function view(l: LinhaIndisponibilidade) {
  return {
    id: String(l.id),
    inicio: instante(l.inicio),
    fim: instante(l.fim),
    motivo: l.motivo,
    dias: diasDoPeriodo(l.inicio, l.fim),
    registradoPor: l.registrado_por,
    registradoEm: instante(l.registrado_em),
    removidoPor: l.removido_por,
    removidoEm: instanteOuNulo(l.removido_em),
  };
}

const instanteSchema = (campo: string) =>
  z.string({ error: `${campo} é obrigatório` }).transform((v, ctx) => {
    try {
      return lerInstante(v, campo);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: e instanceof Error ? e.message.replace(`${campo}: `, '') : 'instante inválido' });
      return z.NEVER;
    }
  });

const novaSchema = z
  .object({
    inicio: instanteSchema('inicio').describe('Início da indisponibilidade, ISO 8601 com fuso (ex.: 2026-09-08T14:00:00-03:00)'),
    fim: instanteSchema('fim').describe('Fim (volta do sistema), ISO 8601 com fuso'),
    motivo: z.string({ error: 'motivo é obrigatório' }).trim().min(3, 'motivo deve ter ao menos 3 caracteres').max(500, 'motivo deve ter no máximo 500 caracteres'),
  })
  .superRefine((p, ctx) => {
    if (typeof p.inicio === 'number' && typeof p.fim === 'number' && p.fim <= p.inicio) ctx.addIssue({ code: 'custom', path: ['fim'], message: 'fim deve ser posterior ao início' });
  })
  .meta({ id: 'NovaIndisponibilidade', example: { inicio: '2026-09-08T14:00:00-03:00', fim: '2026-09-08T18:30:00-03:00', motivo: 'Falha do banco de dados' } });

export function rotasIndisponibilidades(app: FastifyInstance, { db, temporal }: { db: Db; temporal: Client }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const avisar = (l: LinhaIndisponibilidade, operacao: 'incluido' | 'removido') => {
    const dias = diasDoPeriodo(l.inicio, l.fim);
    const descricao =
      operacao === 'incluido'
        ? `${rotuloIndisponibilidade(l)} registrada; o prazo que vencer nesse período prorroga-se para o primeiro dia útil seguinte (${BASE_LEGAL})`
        : `${rotuloIndisponibilidade(l)} removida do registro`;
    return processosComPrazoNosDias(db, dias).then((alvos) => avisarProcessos(temporal, app.log, alvos, { data: dias[0], operacao, motivo: descricao, descricao }));
  };

  r.get(
    '/indisponibilidades',
    {
      config: { papeis: [...PAPEIS], auditoria: { dadosPessoais: false } }, // outages of the system: no one's personal data
      schema: {
        tags: ['calendario'],
        summary: 'Períodos de indisponibilidade do rito registrados',
        querystring: z.object({ incluirRemovidas: z.stringbool({ error: 'incluirRemovidas deve ser true ou false' }).optional() }),
        response: { 200: z.object({ itens: z.array(indisponibilidadeSchema) }), ...erros },
      },
    },
    async (request) => ({ itens: (await listarIndisponibilidades(db, request.query)).map(view) }),
  );

  r.get(
    '/indisponibilidades/detectadas',
    {
      config: { papeis: ['administrador', 'supervisor'], auditoria: { dadosPessoais: false } }, // rito's health record: no one's personal data
      schema: {
        tags: ['calendario'],
        summary: 'Períodos em que o rito não registrou batimento: indisponibilidades a confirmar',
        description:
          'Cada API no ar registra o minuto em que está (uma vez por minuto). Um trecho de ao menos minimoMinutos sem registro, entre dois registros, ' +
          'é uma indisponibilidade provável; o administrador a confirma registrando-a em POST /v1/calendario/indisponibilidades (registrada: true quando ' +
          'já há registro que a cubra). Padrão: os últimos 30 dias, trechos de 15 minutos ou mais.',
        querystring: z.object({
          de: z.iso.datetime({ offset: true, error: 'de: use um instante ISO 8601 com fuso' }).optional(),
          ate: z.iso.datetime({ offset: true, error: 'ate: use um instante ISO 8601 com fuso' }).optional(),
          minimoMinutos: z.coerce.number({ error: 'minimoMinutos deve ser um número' }).int('minimoMinutos deve ser inteiro').min(2, 'minimoMinutos: ao menos 2').max(10_080, 'minimoMinutos: no máximo 10080 (7 dias)').default(15),
        }),
        response: {
          200: z.object({ itens: z.array(z.object({ inicio: z.string(), fim: z.string(), minutos: z.number(), registrada: z.boolean() })) }),
          ...erros,
        },
      },
    },
    async (request) => {
      const agora = Date.now();
      const ate = request.query.ate ? new Date(request.query.ate) : new Date(agora);
      const de = request.query.de ? new Date(request.query.de) : new Date(ate.getTime() - 30 * 86_400_000);
      if (de >= ate) throw invalido([{ campo: 'de', mensagem: 'de deve ser anterior a ate' }]);
      const lacunas = await lacunasDeBatimento(db, de, ate, request.query.minimoMinutos);
      return { itens: lacunas.map((l) => ({ inicio: instante(l.inicio), fim: instante(l.fim), minutos: l.minutos, registrada: l.registrada })) };
    },
  );

  r.post(
    '/indisponibilidades',
    {
      config: { papeis: ['administrador'], auditoria: { acao: 'calendario.registrar-indisponibilidade', recurso: 'indisponibilidade' } },
      schema: {
        tags: ['calendario'],
        summary: 'Registra um período em que o rito esteve indisponível; os prazos que venceriam nele passam ao dia útil seguinte',
        description:
          `Nenhum prazo vence num dia tocado pelo período (horário de Brasília); no meio do prazo, o dia conta (${BASE_LEGAL}). ` +
          'Idempotente: o mesmo início e fim devolve o já registrado (200). Cada processo com prazo aberto que possa vencer no período é avisado e recalcula.',
        body: novaSchema,
        response: { 200: z.object({ indisponibilidade: indisponibilidadeSchema, criada: z.boolean(), ...notificacaoSchema }), 201: z.object({ indisponibilidade: indisponibilidadeSchema, criada: z.boolean(), ...notificacaoSchema }), ...erros },
      },
    },
    async (request, reply) => {
      const ator = requireAtor(request);
      const { inicio, fim, motivo } = request.body;
      if (fim - inicio > 31 * 86_400_000) throw invalido([{ campo: 'fim', mensagem: 'um período de indisponibilidade não passa de 31 dias; registre-o em partes, se for o caso' }]);
      const { linha, criada } = await db.transaction().execute(async (trx) => {
        const x = await registrarIndisponibilidade(trx, { inicio: new Date(inicio), fim: new Date(fim), motivo }, ator.id);
        await request.auditar(
          {
            resumo: x.criada ? `Registrada a ${rotuloIndisponibilidade(x.linha)}` : `Registro repetido: devolvida a indisponibilidade ${x.linha.id}`,
            recursoId: String(x.linha.id),
            dados: x.criada ? { criada: true, indisponibilidade: view(x.linha) } : { criada: false },
          },
          trx,
        );
        return x;
      });
      const notificacao = await avisar(linha, 'incluido');
      return reply.code(criada ? 201 : 200).header('location', `/v1/calendario/indisponibilidades/${linha.id}`).send({ indisponibilidade: view(linha), criada, ...notificacao });
    },
  );

  r.delete(
    '/indisponibilidades/:id',
    {
      config: { papeis: ['administrador'], auditoria: { acao: 'calendario.remover-indisponibilidade', recurso: 'indisponibilidade' } },
      schema: {
        tags: ['calendario'],
        summary: 'Remove um registro de indisponibilidade feito por engano; os prazos afetados são recalculados',
        params: z.object({ id: z.string().regex(/^\d{1,18}$/, 'id deve ser um número') }),
        response: { 200: z.object({ indisponibilidade: indisponibilidadeSchema, removida: z.boolean(), ...notificacaoSchema }), ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const x = await db.transaction().execute(async (trx) => {
        const y = await removerIndisponibilidade(trx, request.params.id, ator.id);
        if (!y) throw naoEncontrado('Registro de indisponibilidade');
        await request.auditar(
          {
            resumo: y.removida ? `Removido o registro da ${rotuloIndisponibilidade(y.linha)}` : `Remoção repetida: a indisponibilidade ${y.linha.id} já estava removida`,
            dados: { removida: y.removida },
          },
          trx,
        );
        return y;
      });
      const notificacao = await avisar(x.linha, 'removido');
      return { indisponibilidade: view(x.linha), removida: x.removida, ...notificacao };
    },
  );
}
