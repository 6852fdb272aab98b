/**
 * What rito knows of an institution across its processes (/v1/instituicoes):
 * its registered ETAP (db/etap.ts), written when the edital of a cadastramento
 * is published, and the draft of its Relatório Anual's ofício de encaminhamento
 * from what rito knows (seed 003 lists its fields). Servidores see any institution; a representante only those he
 * represents (404 otherwise, as for processes). The names of the team are
 * personal data: each read is audited.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { etapDaInstituicao } from '../../db/etap';
import { mantenedorasDaInstituicao } from '../../db/mantenedoras';
import { ofertasEad, registrarOfertaEad } from '../../db/rga';
import { dataCivil } from '../../rules/campos';
import { ANO_MAXIMO, ANO_MINIMO, formatarDataBR, lerData } from '../../rules/calendario';
import { noEscopo } from '../auth/escopo';
import { FUNCOES_ETAP, type FuncaoEtap } from '../../rules/etap/qualificacao';
import { codigoInepSchema } from '../../rules/identificadores';
import { PAPEIS_DE_PESSOA } from '../auth/ator';
import { HttpError, erroSchema, invalido } from '../errors';
import { requireAtor } from '../plugins/autenticacao';

const etapSchema = z.object({
  codigoInep: z.string(),
  membros: z.array(
    z.object({
      funcao: z.string(),
      funcaoRotulo: z.string(),
      nome: z.string(),
      desde: z.string(),
      ate: z.string().nullable().describe('dia em que o sucessor assumiu; null: em exercício'),
      ato: z.string().describe('edital e publicação no DOERJ que o cadastraram'),
      processoId: z.string(),
    }),
  ),
});

const ofertaEadSchema = z.object({
  codigoInep: z.string(),
  ead: z.boolean(),
  desde: z.string(),
  ato: z.string(),
  historico: z.array(z.object({ ead: z.boolean(), desde: z.string(), ato: z.string(), registradoEm: z.string() })).describe('todos os registros, na ordem em que foram feitos'),
});

const instituicoesRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // Whether the institution offers EAD (it then owes the RGA every month: Del. CEE 345/2014 art. 66), from when, under which act.
  app.put(
    '/:codigoInep/ead',
    {
      config: { papeis: ['inspetor', 'administrador'], auditoria: { acao: 'instituicao.ead.registrar', recurso: 'instituicao' } },
      schema: {
        tags: ['processos'],
        summary: 'Registra se a instituição oferece educação a distância (e por isso deve o RGA mensal), desde quando e por qual ato',
        description:
          'A COOIE da instituição (ou um administrador) registra a oferta de EAD ou o seu fim; cada mudança fica no histórico e na trilha de auditoria. O RGA de um mês é devido quando a oferta está em vigor no primeiro dia do mês. Repetir o mesmo registro não altera nada.',
        params: z.object({ codigoInep: codigoInepSchema }),
        body: z.object({
          ead: z.boolean({ error: 'informe ead: true (oferece educação a distância) ou false (deixou de oferecer)' }),
          desde: dataCivil.describe('a partir de quando (AAAA-MM-DD)'),
          ato: z
            .string({ error: 'informe o ato que fundamenta o registro' })
            .trim()
            .min(3, 'informe o ato que fundamenta o registro (ex.: Parecer CEE nº 12/2026, credenciamento para EAD)')
            .max(500, 'o ato deve ter no máximo 500 caracteres'),
        }),
        response: { 200: ofertaEadSchema, 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const { codigoInep } = request.params;
      const { ead, desde, ato } = request.body;
      // The years the calendar counts (rules/calendario): outside them no RGA's due date can be found.
      const anoDesde = Number(desde.slice(0, 4));
      if (anoDesde < ANO_MINIMO || anoDesde > ANO_MAXIMO) throw invalido([{ campo: 'desde', mensagem: `data fora do calendário do rito: use de ${ANO_MINIMO} a ${ANO_MAXIMO}` }]);
      // An institution the caller's scope knows (a COOIE: those of its unit's processes); any other answers as unknown.
      const conhecida = await db.selectFrom('processo').select('id').where('instituicao_codigo_inep', '=', codigoInep).where(noEscopo(ator)).executeTakeFirst();
      if (!conhecida) throw new HttpError(404, 'nao-encontrado', 'Instituição não encontrada.');
      await registrarOfertaEad(db, { codigoInep, ead, desde, ato, registradoPor: ator.id }, (trx, novo) =>
        request.auditar(
          {
            recursoId: codigoInep,
            resumo: `${ead ? 'Oferta de educação a distância' : 'Fim da oferta de educação a distância'} da instituição ${codigoInep} a partir de ${formatarDataBR(lerData(desde, 'desde'))} (${ato})${novo ? '' : ': já registrado, nada foi alterado'}`,
            dados: { ead, desde, ato },
            ...(novo ? {} : { repeticao: true }),
          },
          trx,
        ),
      );
      const historico = (await ofertasEad(db, [codigoInep])).get(codigoInep) ?? [];
      return {
        codigoInep,
        ead,
        desde,
        ato,
        historico: historico.map((h) => ({ ead: h.ead, desde: h.desde, ato: h.ato, registradoEm: h.registradoEm.toISOString() })),
      };
    },
  );

  app.get(
    '/:codigoInep/etap',
    {
      config: { papeis: [...PAPEIS_DE_PESSOA], auditoria: { acao: 'instituicao.etap.ler', recurso: 'instituicao', dadosPessoais: true } },
      schema: {
        tags: ['processos'],
        summary: 'A ETAP cadastrada da instituição: quem exerce cada função, desde quando, por qual ato (com ?historico=true, também os substituídos)',
        params: z.object({ codigoInep: codigoInepSchema }),
        querystring: z.object({ historico: z.enum(['true', 'false'], { error: 'historico deve ser true ou false' }).optional() }),
        response: { 200: etapSchema, 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const linhas = await etapDaInstituicao(db, request.params.codigoInep, { historico: request.query.historico === 'true' });
      // A representante sees only the institutions he represents; any other answers as if unknown.
      const soRepresentante = ator.papeis.every((p) => p === 'representante');
      if (soRepresentante) {
        const cnpjs = new Set(
          (await db.selectFrom('etap_membro').select('instituicao_cnpj').where('codigo_inep', '=', request.params.codigoInep).execute()).map((l) => l.instituicao_cnpj),
        );
        if (![...cnpjs].some((c) => ator.instituicoes.includes(c))) throw new HttpError(404, 'nao-encontrado', 'Instituição não encontrada.');
      } else if (linhas.length === 0) {
        throw new HttpError(404, 'nao-encontrado', 'Nenhuma ETAP cadastrada para esta instituição.');
      }
      return {
        codigoInep: request.params.codigoInep,
        membros: linhas.map((l) => ({
          funcao: l.funcao,
          funcaoRotulo: FUNCOES_ETAP[l.funcao as FuncaoEtap] ?? l.funcao,
          nome: l.nome,
          desde: l.desde,
          ate: l.ate,
          ato: l.ato,
          processoId: l.processo_id,
        })),
      };
    },
  );

  app.get(
    '/:codigoInep/relatorio-anual/rascunho',
    {
      config: { papeis: [...PAPEIS_DE_PESSOA], auditoria: { acao: 'instituicao.relatorio-anual.rascunho', recurso: 'instituicao', dadosPessoais: true } },
      schema: {
        tags: ['processos'],
        summary: 'O que o rito já sabe para o ofício de encaminhamento do Relatório Anual: identificação, mantenedora e a equipe com seus atos de cadastramento',
        description:
          'Os campos do ofício que o Guia lista (seed 003) e que o rito conhece: nome, endereço, razão social e CNPJ da mantenedora, Diretor, Diretor substituto, Secretário e Coordenadores com o ato que os cadastrou. Cursos, turnos, total de alunos e atos autorizativos ficam com a instituição.',
        params: z.object({ codigoInep: codigoInepSchema }),
        response: {
          200: z.object({
            instituicao: z.object({ nome: z.string(), codigoInep: z.string(), endereco: z.unknown().nullable() }),
            mantenedora: z.object({ razaoSocial: z.string(), cnpj: z.string() }),
            equipe: z.array(z.object({ funcao: z.string(), nome: z.string(), ato: z.string() })),
          }),
          400: erroSchema,
          401: erroSchema,
          403: erroSchema,
          404: erroSchema,
        },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const p = await db
        .selectFrom('processo')
        .select(['instituicao_nome', 'instituicao_codigo_inep', 'instituicao_endereco', 'instituicao_cnpj', 'mantenedora_nome'])
        .where('instituicao_codigo_inep', '=', request.params.codigoInep)
        .where(noEscopo(ator))
        .orderBy('criado_em', 'desc')
        .executeTakeFirst();
      // Outside the caller's scope, or unknown: the same answer.
      if (!p) throw new HttpError(404, 'nao-encontrado', 'Instituição não encontrada.');
      const [mantenedora] = await mantenedorasDaInstituicao(db, p.instituicao_codigo_inep);
      const equipe = await etapDaInstituicao(db, p.instituicao_codigo_inep);
      return {
        instituicao: { nome: p.instituicao_nome, codigoInep: p.instituicao_codigo_inep, endereco: p.instituicao_endereco ?? null },
        mantenedora: mantenedora && mantenedora.ate === null ? { razaoSocial: mantenedora.nome, cnpj: mantenedora.cnpj } : { razaoSocial: p.mantenedora_nome ?? p.instituicao_nome, cnpj: p.instituicao_cnpj },
        equipe: equipe.map((m) => ({ funcao: FUNCOES_ETAP[m.funcao as FuncaoEtap] ?? m.funcao, nome: m.nome, ato: m.ato })),
      };
    },
  );
};

export default instituicoesRoutes;
