/**
 * The data each action of the ETAP rite carries (seed 003, cadastramento da
 * ETAP), as zod schemas shared by the API and the workflow.
 *
 * Pure: safe in workflow code.
 */
import { z } from 'zod';
import { dataCivil, hora } from '../campos';
import { cpfSchema, numeroSeiSchema } from '../identificadores/schemas';
import { exigenciaSchema } from '../vistoria/acoes';

const texto = (campo: string, min = 1, max = 2000) =>
  z
    .string({ error: `${campo} é obrigatório` })
    .trim()
    .min(min, min > 1 ? `${campo} deve ter ao menos ${min} caracteres` : `${campo} é obrigatório`)
    .max(max, `${campo} deve ter no máximo ${max} caracteres`);

/** The functions of a private school's ETAP (Del. CEE nº 388/2020, art. 14; seed 003). */
export const FUNCOES_ETAP = {
  diretor: 'Diretor(a)',
  'diretor-substituto': 'Diretor(a) Substituto(a)',
  'secretario-escolar': 'Secretário(a) Escolar',
  'coordenador-pedagogico': 'Coordenador(a), Supervisor(a) ou Orientador(a) Pedagógico(a)',
  'coordenador-tecnico': 'Coordenador(a) Técnico(a) de Educação Profissional',
} as const;
export type FuncaoEtap = keyof typeof FUNCOES_ETAP;
const funcoes = Object.keys(FUNCOES_ETAP) as [FuncaoEtap, ...FuncaoEtap[]];

export const DIAS_SEMANA = ['segunda', 'terca', 'quarta', 'quinta', 'sexta', 'sabado', 'domingo'] as const;

/** A stretch of a weekday (Quadro da ETAP, anexo XIV; the institution's opening hours). */
export const periodoSchema = z
  .object({
    dia: z.enum(DIAS_SEMANA, { error: `dia inválido: use ${DIAS_SEMANA.join(', ')}` }),
    inicio: hora,
    fim: hora,
  })
  .refine((p) => p.fim > p.inicio, { message: 'o fim deve ser posterior ao início', path: ['fim'] });

/** A course or degree a member declares, with what the qualification rules read of it. */
export const formacaoSchema = z.object({
  nivel: z.enum(
    ['curso-tecnico', 'qualificacao-profissional', 'normal-medio', 'licenciatura', 'bacharelado', 'pos-lato-sensu', 'pos-stricto-sensu', 'formacao-em-servico', 'formacao-pedagogica'],
    { error: 'nível da formação inválido' },
  ),
  curso: texto('curso', 3, 300),
  area: texto('área', 2, 300).optional(),
  cargaHoraria: z.number().int().positive().max(20_000).optional(),
  inicio: dataCivil.optional(),
  conclusao: dataCivil.optional(),
  instituicao: texto('instituição', 2, 300),
});

export const membroEtapSchema = z.object({
  nome: texto('nome', 3, 200),
  cpf: cpfSchema,
  funcao: z.enum(funcoes, { error: `função inválida: use ${funcoes.join(', ')}` }),
  desde: dataCivil.describe('a partir de quando assume a função'),
  substitui: texto('quem substitui', 3, 200).optional(),
  formacoes: z.array(formacaoSchema).max(20).default([]),
  /** Years of professional experience in an area (Coordenador Técnico, art. 14 IV c). */
  experiencias: z.array(z.object({ area: texto('área', 2, 300), anos: z.number().min(0).max(60) })).max(20).default([]),
  horario: z.array(periodoSchema).min(1, 'informe o horário do membro no Quadro da ETAP').max(40),
  crt: z.object({ numero: texto('número do CRT', 1, 60), validade: dataCivil, titular: texto('titular do CRT', 3, 200) }).optional(),
});
export type MembroEtap = z.output<typeof membroEtapSchema>;

const arquivos = z.array(z.string().min(1).max(100)).max(50).default([]).describe('ids de arquivos já enviados em POST /v1/arquivos');

/** The checklist applied item by item (rules/etap/checklist.ts). */
const checklist = z
  .array(
    z.object({
      codigo: z.string().trim().min(1).max(80),
      situacao: z.enum(['conforme', 'nao-conforme', 'nao-se-aplica'], { error: 'use "conforme", "nao-conforme" ou "nao-se-aplica"' }),
      observacao: z.string().trim().min(1).max(1000).optional(),
    }),
  )
  .max(50);

const requerimento = z.object({
  membros: z.array(membroEtapSchema).min(1, 'indique ao menos um membro').max(12),
  horarioFuncionamento: z.array(periodoSchema).min(1, 'informe o horário de funcionamento da instituição').max(40),
  matriculasAtivas: z.number().int().min(0).max(100_000),
  ofertaEducacaoProfissional: z.boolean().default(false),
  atoAnterior: texto('ato de cadastramento anterior', 3, 500).describe('Ofício do Órgão Central, publicação no DOERJ (após 2019) ou número do processo anterior'),
  arquivos,
});

export const DADOS_ACAO_ETAP = {
  'apresentar-requerimento': requerimento,
  autuar: z.object({ numeroSei: numeroSeiSchema }),
  'consultar-coogie': z.object({ observacao: texto('observação', 1, 2000).optional() }),
  'responder-consulta': z.object({
    apenados: z.array(z.string().trim().min(3).max(200)).max(12).default([]).describe('nomes dos membros apenados nos termos da Lei Estadual nº 6.533/2013'),
    resposta: texto('resposta', 10, 5000),
  }),
  'registrar-exigencias': z.object({ checklist, exigencias: z.array(exigenciaSchema).max(100).default([]) }),
  'cumprir-exigencias': z.object({ resposta: texto('resposta', 1, 20_000), arquivos, requerimento: requerimento.optional().describe('o requerimento corrigido, quando as exigências o alteram') }),
  'aprovar-cadastramento': z.object({ checklist }),
  indeferir: z.object({ fundamentacao: texto('fundamentação', 20, 20_000) }),
  'publicar-edital': z.object({ publicacao: z.object({ data: dataCivil, pagina: z.coerce.number().int().min(1).max(10_000) }) }),
  'expirar-prazo': z.object({}).strict(),
} as const;
export type AcaoEtap = keyof typeof DADOS_ACAO_ETAP;
export type RequerimentoEtap = z.output<typeof requerimento>;
