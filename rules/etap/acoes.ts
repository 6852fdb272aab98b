/**
 * The data each action of the ETAP rite carries (seed 003, cadastramento da
 * ETAP), as zod schemas shared by the API and the workflow.
 *
 * Pure: safe in workflow code.
 */
import { z } from 'zod';
import { dataCivil } from '../campos';
import { cpfSchema, numeroSeiSchema } from '../identificadores/schemas';
import { exigenciaSchema } from '../vistoria/acoes';
import { arquivosEnviados, checklistDosItens, publicacaoDoerj, textoCampo } from '../cadastros/definicao';
import { CHECKLIST_ETAP } from './checklist';
import { horarioSchema } from './cobertura';
import { crtSchema } from './crt';
import { experienciaSchema, formacaoSchema } from './formacoes';
import { FUNCOES_ETAP, type FuncaoEtap } from './qualificacao';

const CODIGOS_FUNCAO = Object.keys(FUNCOES_ETAP) as [FuncaoEtap, ...FuncaoEtap[]];

const texto = textoCampo;

/** A member the request indicates: who, in which function, from when, replacing whom, what he proves, when present. */
export const membroRequerimentoSchema = z.object({
  nome: texto('nome', 3, 200),
  cpf: cpfSchema,
  funcao: z.enum(CODIGOS_FUNCAO, { error: `função inválida: use ${CODIGOS_FUNCAO.join(', ')}` }),
  desde: dataCivil.describe('a partir de quando assume a função'),
  substitui: texto('quem substitui', 3, 200).optional(),
  formacoes: z.array(formacaoSchema).max(30).default([]),
  experiencias: z.array(experienciaSchema).max(30).default([]),
  /** His hours in the Quadro da ETAP (anexo XIV). */
  horarios: z.array(horarioSchema).min(1, 'informe o horário do membro no Quadro da ETAP').max(50),
  /** Coordenador Técnico: the curso técnico he coordinates, as named in `cursosTecnicos`. */
  curso: texto('curso', 3, 200).optional(),
  /** Coordenador Técnico of Enfermagem: his CRT (COREN-RJ, Del. CEE nº 378/2020 art. 29). */
  crt: crtSchema.optional(),
});
export type MembroRequerimento = z.output<typeof membroRequerimentoSchema>;

/** A curso técnico the institution offers, with its hours (the Coordenador Técnico's must fall within them). */
export const cursoTecnicoSchema = z.object({
  nome: texto('nome do curso', 3, 200),
  horarios: z.array(horarioSchema).min(1, 'informe o horário de oferta do curso').max(50),
  /** Curso Técnico em Enfermagem or one of its especializações: the CRT is required. */
  enfermagem: z.boolean().default(false),
});

const arquivos = arquivosEnviados;

/** The checklist applied item by item (rules/etap/checklist.ts). */
const checklist = checklistDosItens(CHECKLIST_ETAP);

const requerimento = z.object({
  membros: z.array(membroRequerimentoSchema).min(1, 'indique ao menos um membro').max(20),
  horarioFuncionamento: z.array(horarioSchema).min(1, 'informe o horário de funcionamento da instituição').max(50),
  matriculasAtivas: z.number().int().min(0).max(100_000),
  cursosTecnicos: z.array(cursoTecnicoSchema).max(30).default([]),
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
  'publicar-edital': z.object({ publicacao: publicacaoDoerj }),
  'expirar-prazo': z.object({}).strict(),
} as const;
export type AcaoEtap = keyof typeof DADOS_ACAO_ETAP;
export type RequerimentoEtap = z.output<typeof requerimento>;
