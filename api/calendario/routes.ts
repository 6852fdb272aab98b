/**
 * The business-day calendar over HTTP, under /v1/calendario: a year's
 * non-business days with their reasons (what `rito calendario listar --json`
 * prints), and the decreed days that supervisors and administradores maintain
 * (see decretados.ts for what a change sets in motion).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { fonteDiasDecretados } from '../../db/dias-decretados';
import type { FonteDiasDecretados } from '../../rules/calendario';
import { PAPEIS } from '../auth/ator';
import type { ApiDeps } from '../deps';
import { erroSchema, HttpError, naoEncontrado, traduzindoErros } from '../errors';
import { requireAtor } from '../plugins/autenticacao';
import { calendarioDoAno } from './ano';
import { DecretadosService, localDaConsulta, motivoSemAutorizacao, toView } from './decretados';
import { rotasFeriadosMunicipais } from './feriados-municipais';
import { rotasIndisponibilidades } from './indisponibilidades';
import {
  calendarioAnoSchema,
  calendarioQuerySchema,
  consultaDecretadoQuerySchema,
  diaDecretadoSchema,
  idDecretadoSchema,
  inclusaoSchema,
  listagemDecretadosQuerySchema,
  listagemDecretadosSchema,
  novoDecretadoSchema,
  remocaoSchema,
} from './schemas';
import { instante } from '../instantes';

/** Every authenticated caller, people and systems alike. */
const TODOS_OS_PAPEIS = [...PAPEIS];
const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema };
const QUEM_ALTERA = ['supervisor', 'administrador'] as const;
const CAMPOS_DA_CONSULTA = { ano: 'params.ano', 'local.uf': 'query.uf', 'local.municipio': 'query.municipio', 'local.unidade': 'query.unidade' };

const rotuloEscopo = (d: { escopo: string; uf: string | null; municipio: string | null; unidade: string | null }) =>
  d.escopo === 'nacional' ? 'nacional' : `${d.escopo} ${d.uf ?? d.municipio ?? d.unidade}`;

export type OpcoesCalendario = Pick<ApiDeps, 'db' | 'temporal'> & { fonteDecretados?: FonteDiasDecretados };

const calendarioRoutes: FastifyPluginAsyncZod<OpcoesCalendario> = async (app, deps) => {
  const fonte = deps.fonteDecretados ?? fonteDiasDecretados(deps.db);
  const service = new DecretadosService(deps.db, deps.temporal, app.log);
  rotasFeriadosMunicipais(app, deps);
  rotasIndisponibilidades(app, deps);

  app.get(
    '/:ano',
    {
      config: { papeis: TODOS_OS_PAPEIS, auditoria: { dadosPessoais: false } }, // holidays and decreed days: no one's personal data
      schema: {
        tags: ['calendario'],
        summary: 'Dias não úteis de um ano, com o motivo',
        description:
          'Feriados nacionais, estaduais e municipais e os dias decretados cadastrados, de segunda a sexta (com finsDeSemana=true, ' +
          'também sábados e domingos). O mesmo que `rito calendario listar ANO --json`.',
        params: z.object({ ano: z.coerce.number({ error: 'ano deve ser um número' }).int('ano deve ser inteiro') }),
        querystring: calendarioQuerySchema,
        response: { 200: calendarioAnoSchema, ...erros },
      },
    },
    async (request) => {
      const { uf, municipio, unidade, finsDeSemana } = request.query;
      const local = { uf, ...(municipio ? { municipio } : {}), ...(unidade ? { unidade } : {}) };
      return traduzindoErros(
        () => calendarioDoAno(request.params.ano, local as never, { incluirFinsDeSemana: !!finsDeSemana }, fonte),
        CAMPOS_DA_CONSULTA,
      );
    },
  );

  app.get(
    '/decretados',
    {
      config: { papeis: TODOS_OS_PAPEIS, auditoria: { dadosPessoais: false } }, // holidays and decreed days: no one's personal data
      schema: {
        tags: ['calendario'],
        summary: 'Dias decretados sem expediente',
        description:
          'Em ordem de data. Com uf, municipio ou unidade, só os dias que valem nesse local (os nacionais, os da UF, os do município e os da unidade); ' +
          'sem eles, todos. Os removidos só com incluirRemovidos=true.',
        querystring: listagemDecretadosQuerySchema,
        response: { 200: listagemDecretadosSchema, ...erros },
      },
    },
    async (request) => {
      const q = request.query;
      const local = await traduzindoErros(async () => localDaConsulta(q), CAMPOS_DA_CONSULTA);
      const linhas = await service.listar({ de: q.de, ate: q.ate, local, escopo: q.escopo, incluirRemovidos: q.incluirRemovidos });
      return { itens: linhas.map(toView) };
    },
  );

  app.get(
    '/decretados/:id',
    {
      config: { papeis: TODOS_OS_PAPEIS, auditoria: { dadosPessoais: false } }, // holidays and decreed days: no one's personal data
      schema: {
        tags: ['calendario'],
        summary: 'Um dia decretado em vigor (um removido responde 410, salvo com incluirRemovidos=true)',
        description:
          'Um dia removido não vale mais: responde 410, dizendo quando foi removido. O registro histórico, com removidoEm e removidoPor, ' +
          'vem com incluirRemovidos=true, como na listagem.',
        params: idDecretadoSchema,
        querystring: consultaDecretadoQuerySchema,
        response: { 200: diaDecretadoSchema, ...erros, 410: erroSchema },
      },
    },
    async (request) => {
      const dia = await service.obter(request.params.id);
      if (!dia) throw naoEncontrado('Dia decretado');
      // A 200 for a removed day read as if the day still counted; callers that want the history ask for it.
      if (dia.removido_em && !request.query.incluirRemovidos) {
        throw new HttpError(
          410,
          'dia-removido',
          `O dia decretado ${dia.id} (${dia.data}) foi removido em ${instante(dia.removido_em)} e não vale mais. Para ver o registro histórico, use incluirRemovidos=true.`,
        );
      }
      return toView(dia);
    },
  );

  app.post(
    '/decretados',
    {
      config: { papeis: [...QUEM_ALTERA], auditoria: { acao: 'calendario.incluir-decretado', recurso: 'dia-decretado' } },
      schema: {
        tags: ['calendario'],
        summary: 'Cadastra um dia sem expediente e recalcula os prazos em curso que ele afeta',
        description:
          'Idempotente: o mesmo dia com o mesmo escopo (e a mesma UF, município ou unidade) devolve o já cadastrado (200) em vez de ' +
          'cadastrar outro (201). Depois da inclusão, cada processo com prazo aberto que o dia afeta (ciência ≤ dia ≤ vencimento, ' +
          'no local do escopo) é avisado e recalcula o prazo; a resposta diz quantos. Repetir a requisição avisa de novo os processos ' +
          '(sem efeito onde nada muda). Supervisor(a) de uma unidade só cadastra dias de escopo "unidade" da sua unidade.',
        body: novoDecretadoSchema,
        response: { 200: inclusaoSchema, 201: inclusaoSchema, ...erros },
      },
    },
    async (request, reply) => {
      const ator = requireAtor(request);
      const d = request.body;
      const recusa = motivoSemAutorizacao(ator, d);
      if (recusa) throw new HttpError(403, 'fora-do-escopo', recusa);
      const { dia, criado } = await service.incluir(d, ator, (trx, dia, mudou) =>
        request.auditar(
          {
            resumo: mudou
              ? `Dia sem expediente incluído: ${dia.data} (${rotuloEscopo(dia)}) — ${dia.motivo} (${dia.ato_legal})`
              : `Inclusão repetida: devolvido o dia decretado já vigente ${dia.id} (${dia.data}, ${rotuloEscopo(dia)})`,
            recursoId: String(dia.id),
            dados: mudou ? { criado: true, diaDecretado: toView(dia) } : { criado: false },
          },
          trx,
        ),
      );
      const notificacao = await service.notificar(dia, 'incluido');
      return reply
        .code(criado ? 201 : 200)
        .header('location', `/v1/calendario/decretados/${dia.id}`)
        .send({ diaDecretado: toView(dia), criado, ...notificacao });
    },
  );

  app.delete(
    '/decretados/:id',
    {
      config: { papeis: [...QUEM_ALTERA], auditoria: { acao: 'calendario.remover-decretado', recurso: 'dia-decretado' } },
      schema: {
        tags: ['calendario'],
        summary: 'Remove um dia sem expediente e recalcula os prazos em curso que ele afetava',
        description:
          'Remoção lógica: o dia deixa de valer, mas fica no histórico com quem o removeu e quando (removidoPor, removidoEm). ' +
          'Remover um dia já removido devolve 200 com removido false. Os processos com prazo aberto que o dia afetava são avisados ' +
          'e recalculam o prazo; a resposta diz quantos.',
        params: idDecretadoSchema,
        response: { 200: remocaoSchema, ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const atual = await service.obter(request.params.id);
      if (!atual) throw naoEncontrado('Dia decretado');
      const recusa = motivoSemAutorizacao(ator, atual);
      if (recusa) throw new HttpError(403, 'fora-do-escopo', recusa);
      const r = await service.remover(request.params.id, ator, (trx, dia, mudou) =>
        request.auditar(
          {
            resumo: mudou
              ? `Dia sem expediente removido: ${dia.data} (${rotuloEscopo(dia)}) — ${dia.motivo} (${dia.ato_legal})`
              : `Remoção repetida: o dia decretado ${dia.id} já estava removido`,
            dados: mudou ? { removido: true, diaDecretado: toView(dia) } : { removido: false },
          },
          trx,
        ),
      );
      if (!r) throw naoEncontrado('Dia decretado');
      const notificacao = await service.notificar(r.dia, 'removido');
      return { diaDecretado: toView(r.dia), removido: r.removido, ...notificacao };
    },
  );
};

export default calendarioRoutes;
