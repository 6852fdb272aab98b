/**
 * The checklists of each kind of vistoria (/v1/checklists/{tipo}), as seed 003
 * words them: what the análise de forma and the Termo de Visita record item by
 * item (rules/vistoria/checklists.ts). The forms of the análise and of the Termo
 * are built from them; the representante sees what the COOIE will check.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHECKLISTS_VISTORIA, CONDICOES, type ItemChecklist } from '../../rules/vistoria/checklists';
import { TIPOS_VISTORIA, TIPOS_VISTORIA_INFO } from '../../rules/vistoria/tipos';
import { PAPEIS } from '../auth/ator';
import { erroSchema } from '../errors';

const itemSchema = z.object({
  codigo: z.string(),
  alinea: z.string(),
  descricao: z.string(),
  obrigatorio: z.boolean(),
  condicao: z.object({ codigo: z.string(), descricao: z.string(), texto: z.string() }).nullable(),
  baseLegal: z.string().nullable(),
  natureza: z.string(),
});

const checklistSchema = z.object({
  tipo: z.enum(TIPOS_VISTORIA),
  titulo: z.string(),
  documentos: z.array(itemSchema).describe('Instrução Processual: cada item é registrado na análise de forma como conforme, não conforme ou não se aplica'),
  verificacaoDocumental: z.array(itemSchema).describe('conferidos na análise de mérito'),
  visita: z.array(itemSchema).describe('cada item é registrado no Termo de Visita (verificacoes[].codigo) como atende, não atende ou não se aplica'),
});

const view = (i: ItemChecklist) => ({
  codigo: i.codigo,
  alinea: i.alinea,
  descricao: i.descricao,
  obrigatorio: i.obrigatorio,
  condicao: i.condicao ? { codigo: i.condicao.codigo, descricao: CONDICOES[i.condicao.codigo], texto: i.condicao.texto } : null,
  baseLegal: i.baseLegal ?? null,
  natureza: i.natureza,
});

const checklistsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/:tipo',
    {
      config: { papeis: [...PAPEIS], auditoria: { dadosPessoais: false } }, // the seed's lists: no one's data
      schema: {
        tags: ['processos'],
        summary: 'Checklist de um tipo de vistoria: itens da análise de forma, da verificação documental e da visita',
        params: z.object({ tipo: z.enum(TIPOS_VISTORIA, { error: `tipo de vistoria inválido: use ${TIPOS_VISTORIA.map((t) => `"${t}"`).join(', ')}` }) }),
        response: { 200: checklistSchema, 400: erroSchema, 401: erroSchema, 403: erroSchema },
      },
    },
    async (request) => {
      const c = CHECKLISTS_VISTORIA[request.params.tipo];
      return {
        tipo: c.tipo,
        titulo: TIPOS_VISTORIA_INFO[c.tipo].titulo,
        documentos: c.documentos.map(view),
        verificacaoDocumental: c.verificacaoDocumental.map(view),
        visita: c.visita.map(view),
      };
    },
  );
};

export default checklistsRoutes;
