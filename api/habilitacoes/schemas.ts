/** Bodies and answers of /v1/habilitacoes (routes.ts): the pages' forms read the same schemas. */
import { z } from 'zod';
import { texto } from '../../rules/campos';
import { PERFIS_PRESENCA } from '../../rules/habilitacao/perfis';
import { codigoIbgeSchema, codigoInepSchema, cpfSchema, ufSchema } from '../../rules/identificadores/schemas';

/** A document sent inside a JSON body (PDF, PNG or JPEG; the content is checked, not the name). */
export const documentoEnviadoSchema = z.strictObject({
  tipo: texto(60).describe('Código do documento na tabela de perfis (GET /v1/habilitacoes/perfis), ou "outro"'),
  nomeOriginal: texto(200),
  conteudoBase64: z.base64({ error: 'conteúdo inválido: envie o arquivo em base64' }),
});

export const preCadastroSchema = z
  .strictObject({
    perfil: z.enum(PERFIS_PRESENCA, { error: `perfil inválido: use ${PERFIS_PRESENCA.join(', ')}` }),
    nome: texto(150),
    cpf: cpfSchema,
    email: z.email({ error: 'e-mail inválido' }).max(200),
    telefone: texto(40).optional(),
    cargo: texto(200).optional(),
    uf: ufSchema,
    municipio: codigoIbgeSchema.optional().describe('Código IBGE do município (perfis municipais e operador escolar)'),
    codigoInep: codigoInepSchema.optional().describe('Código INEP da escola (operador escolar)'),
    aceitaTermo: z.boolean().optional().describe('Assinatura do Termo de Responsabilidade (coordenador municipal)'),
    documentos: z.array(documentoEnviadoSchema).max(10, 'envie no máximo 10 documentos').default([]),
  })
  .meta({ id: 'PreCadastroPresenca' });

export const reenvioSchema = z.strictObject({
  documentos: z.array(documentoEnviadoSchema).min(1, 'envie ao menos um documento').max(10, 'envie no máximo 10 documentos'),
});

export const acaoBodies = {
  habilitar: z.strictObject({}),
  'apontar-pendencia': z.strictObject({ pendencias: z.array(texto(1000)).min(1, 'informe ao menos uma pendência').max(20) }),
  recusar: z.strictObject({ motivo: texto(2000) }),
  excluir: z.strictObject({ motivo: texto(2000) }),
} as const;
export type AcaoDecisao = keyof typeof acaoBodies;

export const ROTULO_ACAO: Record<AcaoDecisao, string> = {
  habilitar: 'Habilitar o perfil',
  'apontar-pendencia': 'Apontar pendências ao requerente',
  recusar: 'Recusar o pedido',
  excluir: 'Excluir o perfil',
};

const documentoSchema = z.object({ tipo: z.string(), arquivoId: z.string(), sha256: z.string(), nomeOriginal: z.string(), enviadoEm: z.string() });

export const habilitacaoResumoSchema = z
  .object({
    id: z.string(),
    perfil: z.string(),
    perfilRotulo: z.string(),
    nome: z.string(),
    cpf: z.string().describe('Mascarado, salvo para quem decide o pedido'),
    uf: z.string(),
    municipio: z.string().nullable(),
    codigoInep: z.string().nullable(),
    situacao: z.string(),
    fase: z.string(),
    habilitador: z.string(),
    protocoladoEm: z.string(),
    prazoAnalise: z.string().nullable(),
    atrasado: z.boolean(),
    habilitadoPor: z.string().nullable(),
    habilitadoEm: z.string().nullable(),
    encerradoEm: z.string().nullable(),
    motivoEncerramento: z.string().nullable(),
  })
  .meta({ id: 'HabilitacaoResumo' });

export const habilitacaoSchema = habilitacaoResumoSchema
  .extend({
    email: z.string(),
    telefone: z.string().nullable(),
    cargo: z.string().nullable(),
    documentos: z.array(documentoSchema),
    termo: z.object({ aceitoEm: z.string(), sha256: z.string() }).nullable(),
    substituidoPor: z.string().nullable(),
    eventos: z.array(z.object({ tipo: z.string(), descricao: z.string(), ator: z.string(), em: z.string(), dados: z.record(z.string(), z.unknown()) })),
    acoes: z.array(z.object({ acao: z.string(), rotulo: z.string(), url: z.string() })).describe('O que quem consulta pode fazer agora'),
  })
  .meta({ id: 'Habilitacao' });

export const listaQuery = z.object({
  situacao: z.enum(['pedido', 'ativo', 'substituido', 'excluido', 'recusado']).optional(),
  perfil: z.enum(PERFIS_PRESENCA).optional(),
  uf: ufSchema.optional(),
  municipio: codigoIbgeSchema.optional(),
  atrasados: z.enum(['true', 'false']).optional().transform((v) => v === 'true'),
  limite: z.coerce.number().int().min(1).max(200).default(50),
  pagina: z.coerce.number().int().min(1).default(1),
});
