/**
 * The data each action of the vistoria rite carries, as zod schemas shared by
 * the API (request bodies, OpenAPI) and the workflow (update validators), so a
 * rule is checked the same way on both sides. Pure: safe in workflow code.
 */
import { z } from 'zod';
import { dataCivil, endereco, hora, LIMITES_EXIGENCIA } from '../campos';
import { numeroSeiSchema } from '../identificadores/schemas';
import { validarExigencia } from './analise-forma';
import { validarComissao } from './comissao';
import type { AcaoVistoria } from './fases';

const texto = (campo: string, min = 1, max = 10_000) =>
  z
    .string({ error: `${campo} é obrigatório` })
    .trim()
    .min(min, min > 1 ? `${campo} deve ter ao menos ${min} caracteres` : `${campo} é obrigatório`)
    .max(max, `${campo} deve ter no máximo ${max} caracteres`);

const fundamentacao = texto('fundamentação', 20).describe('Fundamentação da decisão (motivação e base legal)');
const arquivos = z.array(z.string().min(1).max(100)).max(50).default([]).describe('ids de arquivos já enviados em POST /v1/arquivos');

export const exigenciaSchema = z
  .object({
    codigo: z.string().max(60),
    // Blank ones are reported by validarExigencia, with the seed's reason (an exigência without motivação or base legal is irregular).
    descricao: z.string().max(LIMITES_EXIGENCIA.descricao),
    motivacao: z.string().max(LIMITES_EXIGENCIA.motivacao),
    baseLegal: z.string().max(LIMITES_EXIGENCIA.baseLegal),
    natureza: z.enum(['documental', 'fisica']).default('documental'),
  })
  .superRefine((e, ctx) => {
    // An exigência without motivação or base legal is irregular (seed 003, Fluxo 8 d).
    for (const [campo, mensagem] of Object.entries(validarExigencia(e).erros)) ctx.addIssue({ code: 'custom', path: [campo], message: mensagem });
  });
export type ExigenciaVistoria = z.output<typeof exigenciaSchema>;

const exigencias = z
  .array(exigenciaSchema)
  .min(1, 'informe ao menos uma exigência')
  .max(100)
  .superRefine((lista, ctx) => {
    const vistos = new Set<string>();
    lista.forEach((e, i) => {
      if (vistos.has(e.codigo)) ctx.addIssue({ code: 'custom', path: [i, 'codigo'], message: `código "${e.codigo}" repetido` });
      vistos.add(e.codigo);
    });
  });

export const membroComissaoSchema = z.object({
  nome: texto('nome do servidor', 3, 200),
  matricula: texto('matrícula', 1, 40),
  usuarioId: z.string({ error: 'informe a conta do servidor no rito (usuarioId)' }).min(1).max(200).describe('conta do servidor no rito: só os membros designados atuam como Comissão neste processo'),
});
export type MembroComissaoVistoria = z.output<typeof membroComissaoSchema>;

const comissao = z.array(membroComissaoSchema).superRefine((membros, ctx) => {
  for (const erro of validarComissao(membros).erros) {
    const path = erro.campo.replace(/^membros/, '').match(/\d+|[a-z]+/gi) ?? [];
    ctx.addIssue({ code: 'custom', path: path.map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: erro.mensagem });
  }
});

/** The COOGIE's Comissão (seed 003, COOGIE, Observação: "poderá nomear Comissão"): the seed sets no size. */
const comissaoCentral = z
  .array(membroComissaoSchema)
  .min(1, 'informe ao menos um servidor')
  .max(10)
  .superRefine((membros, ctx) => {
    const vistos = new Set<string>();
    membros.forEach((m, i) => {
      if (vistos.has(m.usuarioId)) ctx.addIssue({ code: 'custom', path: [i, 'usuarioId'], message: 'servidor repetido na Comissão' });
      vistos.add(m.usuarioId);
    });
  });

const publicacaoDoerj = z.object({
  data: dataCivil.describe('Data da publicação no DOERJ'),
  pagina: z.coerce.number().int().min(1, 'página deve ser positiva').max(10_000),
});

/**
 * The análise de forma applied item by item (issue 10 item 9). Optional in the schema only because
 * runs recorded before it carry none (the schema also parses replayed updates); the workflow's
 * validator requires it whole on every new act (rules/vistoria/checklist-aplicado.ts).
 */
const checklistForma = z
  .array(
    z.object({
      codigo: z.string({ error: 'informe o código do item do checklist' }).trim().min(1, 'informe o código do item do checklist').max(80),
      situacao: z.enum(['conforme', 'nao-conforme', 'nao-se-aplica'], { error: 'use "conforme", "nao-conforme" ou "nao-se-aplica"' }),
      observacao: z.string().trim().min(1).max(1000).optional(),
    }),
  )
  .max(100)
  .describe('cada item do checklist de análise de forma do tipo de processo (GET /v1/vistorias/checklists), com sua situação');

/** What the Comissão records in the Termo de Visita (seed 003, Fluxo 8): signed in two copies by the RL and the Comissão. */
const termoVisita = z
  .object({
    realizadaEm: dataCivil,
    horaInicio: hora,
    horaFim: hora,
    representante: z.object({
      nome: texto('nome de quem acompanhou a visita', 3, 150),
      qualidade: z.enum(['representante-legal', 'procurador'], { error: 'use "representante-legal" ou "procurador"' }),
    }),
    verificacoes: z
      .array(
        z.object({
          /** The item of the kind's visit list (checklists.ts); absent for any other point the Comissão records. */
          codigo: z.string().trim().min(1).max(80).optional(),
          item: texto('item verificado', 3, 500),
          situacao: z.enum(['atende', 'nao-atende', 'nao-se-aplica'], { error: 'use "atende", "nao-atende" ou "nao-se-aplica"' }),
          observacao: z.string().trim().min(1).max(1000).optional(),
        }),
      )
      .min(1, 'registre ao menos um item verificado na visita'),
    observacoes: z.string().trim().max(20_000).optional(),
  })
  .refine((t) => t.horaFim > t.horaInicio, { message: 'o término da visita deve ser posterior ao início', path: ['horaFim'] });

/** What the edital de cadastramento grants, by kind of request (seed 003). */
export const objetoEditalSchema = z.discriminatedUnion(
  'tipoVistoria',
  [
    z.object({
      tipoVistoria: z.literal('aumento-capacidade'),
      capacidadeAnterior: z.number().int().positive(),
      capacidadeNova: z.number().int().positive(),
      turnos: texto('turnos', 3, 120),
    }),
    z.object({ tipoVistoria: z.literal('apostilamento-endereco'), enderecoApostilado: endereco }),
    z.object({ tipoVistoria: z.literal('entrada-suplementar'), enderecoEntrada: endereco }),
  ],
  { error: 'informe objeto.tipoVistoria: "aumento-capacidade", "apostilamento-endereco" ou "entrada-suplementar"' },
);

/** An indeferimento must name each exigência not met, with motivação and base legal. */
const exigenciasNaoAtendidas = z.array(exigenciaSchema).min(1, 'o indeferimento deve indicar cada exigência não atendida');

const vazio = z.object({}).strict();

export const DADOS_ACAO_VISTORIA = {
  autuar: z.object({ numeroSei: numeroSeiSchema }),
  // Exigências come from the items found não conforme; `exigencias` adds others (or rewords an item's).
  'registrar-exigencias-forma': z.object({ checklist: checklistForma.optional(), exigencias: exigencias.optional() }),
  'aprovar-forma': z.object({ checklist: checklistForma.optional(), observacoes: z.string().max(5000).default('') }),
  'cumprir-exigencias': z.object({ resposta: texto('resposta', 1, 20_000), arquivos }),
  'concluir-cumprimento': z.object({ observacoes: z.string().max(5000).default('') }),
  'expirar-prazo': vazio,
  'prorrogar-prazo': z.object({ justificativa: z.string().max(5000).default('') }),
  arquivar: z.object({ fundamentacao }),
  'publicar-ordem-servico': z.object({ comissao, publicacao: publicacaoDoerj.optional().describe('Publicação da Ordem de Serviço no DOERJ, se já ocorrida') }),
  'emitir-ordem-servico': z.object({ comissao }),
  'registrar-publicacao-ordem-servico': z.object({ publicacao: publicacaoDoerj }),
  'agendar-visita': z.object({
    data: dataCivil.describe('Data da visita in loco: dia útil, com ao menos 5 dias de antecedência'),
    hora: hora.default('09:00'),
  }),
  'reagendar-visita': z.object({
    data: dataCivil,
    hora: hora.default('09:00'),
    motivo: texto('motivo do reagendamento', 5, 2000),
  }),
  'registrar-exigencias-documentais': z.object({ exigencias }),
  // Exigências come from the Termo's items that do not meet; `exigencias` adds others (or rewords an item's).
  'registrar-exigencias-merito': z.object({ termoVisita, exigencias: exigencias.optional() }),
  'concluir-visita-sem-exigencias': z.object({ termoVisita }),
  'registrar-termo-visita': z.object({ termoVisita }),
  deferir: z.object({ fundamentacao }),
  indeferir: z.object({ fundamentacao, exigenciasNaoAtendidas }),
  'publicar-edital': z.object({ publicacao: publicacaoDoerj, objeto: objetoEditalSchema }),
  'pedir-reconsideracao': z.object({ fundamentacao, arquivos }),
  'pedir-reconsideracao-extemporanea': z.object({ fundamentacao, recebidoEm: z.iso.datetime({ offset: true }) }),
  reconsiderar: z.object({ fundamentacao }),
  'ratificar-indeferimento': z.object({ fundamentacao, exigenciasNaoAtendidas }),
  'emitir-estudo-tecnico': z.object({ exigencias, analise: texto('análise do Estudo Técnico', 20, 50_000) }),
  'responder-estudo-tecnico': z.object({ resposta: texto('resposta', 1, 20_000), arquivos }),
  'designar-comissao-verificacao': z.object({ comissao: comissaoCentral }),
  'deferir-reconsideracao': z.object({ fundamentacao }),
  'indeferir-reconsideracao': z.object({ fundamentacao, exigenciasNaoAtendidas }),
  'manter-indeferimento': z.object({ fundamentacao, exigenciasNaoAtendidas }),
  'interpor-recurso-cee': z.object({ fundamentacao, arquivos }),
} satisfies Record<AcaoVistoria, z.ZodType>;

/** Not a transition of the rite: the representante acknowledges a notice (explicit ciência). */
export const tomarCienciaSchema = vazio;

export type DadosAcaoVistoria<A extends AcaoVistoria> = z.output<(typeof DADOS_ACAO_VISTORIA)[A]>;
