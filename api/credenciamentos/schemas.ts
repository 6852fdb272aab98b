/** Bodies and answers of /v1/credenciamentos (routes.ts). */
import { z } from 'zod';
import { dataCivil, texto } from '../../rules/campos';
import { ANO_MAXIMO } from '../../rules/calendario';
import { TIPOS_REPRESENTACAO } from '../../rules/habilitacao/credenciamento';
import { cnpjSchema, cpfSchema, numeroSeiSchema } from '../../rules/identificadores/schemas';
import { documentoEnviadoSchema } from '../habilitacoes/schemas';

const procuracao = {
  validaAte: dataCivil
    .refine((v) => Number(v.slice(0, 4)) <= ANO_MAXIMO, `data fora do calendário do rito: use até ${ANO_MAXIMO}`)
    .optional()
    .describe('Último dia de validade da procuração (ou do mandato no ato constitutivo), AAAA-MM-DD; sem ela, a representação não tem data de término'),
  processos: z
    .array(numeroSeiSchema)
    .min(1, 'informe ao menos um processo, ou omita o campo para todos os processos da instituição')
    .max(50, 'no máximo 50 processos')
    .optional()
    .describe('Processos (números SEI) a que a procuração se limita; omitido: todos os processos da instituição'),
};

export const preCadastroCredenciamentoSchema = z
  .strictObject({
    nome: texto(150),
    cpf: cpfSchema,
    email: z.email({ error: 'e-mail inválido' }).max(200),
    telefone: texto(40).optional(),
    instituicao: z.strictObject({ cnpj: cnpjSchema, nome: texto(200) }),
    tipo: z.enum(TIPOS_REPRESENTACAO, { error: `tipo inválido: use ${TIPOS_REPRESENTACAO.join(' ou ')}` }),
    ...procuracao,
    aceitaTermo: z.boolean({ error: 'informe aceitaTermo: true (aceitação do termo de uso, IN SEI-MEC art. 17)' }),
    documentos: z.array(documentoEnviadoSchema).min(1, 'envie os documentos que comprovam a representação').max(10, 'envie no máximo 10 documentos'),
  })
  .meta({ id: 'PreCadastroCredenciamento' });

export const reenvioCredenciamentoSchema = z.strictObject({
  documentos: z.array(documentoEnviadoSchema).min(1, 'envie ao menos um documento').max(10, 'envie no máximo 10 documentos'),
  ...procuracao,
});

/** The analysing unit's acts: the route's name, the workflow's action, the body. */
export const ACOES_CREDENCIAMENTO = {
  aprovar: { acao: 'habilitar', rotulo: 'Aprovar o credenciamento', corpo: z.strictObject({}) },
  'apontar-pendencia': {
    acao: 'apontar-pendencia',
    rotulo: 'Apontar pendências ao requerente',
    corpo: z.strictObject({ pendencias: z.array(texto(1000)).min(1, 'informe ao menos uma pendência').max(20) }),
  },
  recusar: { acao: 'recusar', rotulo: 'Recusar o credenciamento', corpo: z.strictObject({ motivo: texto(2000) }) },
  desativar: { acao: 'desativar', rotulo: 'Desativar o cadastro por indício de irregularidade (art. 19)', corpo: z.strictObject({ motivo: texto(2000) }) },
} as const;
export type AcaoCredenciamento = keyof typeof ACOES_CREDENCIAMENTO;

const representacaoSchema = z.object({
  cnpj: z.string(),
  instituicaoNome: z.string(),
  tipo: z.enum(TIPOS_REPRESENTACAO),
  ate: z.string().nullable(),
  processos: z.array(z.string()).nullable(),
});

export const credenciamentoResumoSchema = z
  .object({
    id: z.string(),
    nome: z.string(),
    cpf: z.string().describe('Mascarado nas listagens'),
    representacao: representacaoSchema.nullable(),
    situacao: z.string(),
    fase: z.string(),
    protocoladoEm: z.string(),
    prazoAnalise: z.string().nullable().describe('Fim da análise (23:59:59 do 5º dia útil após o protocolo ou o último reenvio)'),
    atrasado: z.boolean(),
    aprovadoPor: z.string().nullable(),
    aprovadoEm: z.string().nullable(),
    encerradoEm: z.string().nullable(),
    motivoEncerramento: z.string().nullable(),
  })
  .meta({ id: 'CredenciamentoResumo' });

export const credenciamentoSchema = credenciamentoResumoSchema
  .extend({
    email: z.string(),
    telefone: z.string().nullable(),
    documentos: z.array(z.object({ tipo: z.string(), arquivoId: z.string(), sha256: z.string(), nomeOriginal: z.string(), enviadoEm: z.string() })),
    termo: z.object({ aceitoEm: z.string(), sha256: z.string() }).nullable(),
    representacoes: z.array(z.object({ id: z.string(), inicio: z.string(), fim: z.string().nullable(), vigente: z.boolean(), processos: z.array(z.string()).nullable(), motivoFim: z.string().nullable() })),
    eventos: z.array(z.object({ tipo: z.string(), descricao: z.string(), ator: z.string(), em: z.string(), dados: z.record(z.string(), z.unknown()) })),
  })
  .meta({ id: 'Credenciamento' });

export const listaCredenciamentosQuery = z.object({
  situacao: z.enum(['pedido', 'ativo', 'recusado', 'desativado', 'vencido'], { error: 'situação inválida' }).optional(),
  atrasados: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  limite: z.coerce.number().int().min(1).max(200).default(50),
  pagina: z.coerce.number().int().min(1).default(1),
});
