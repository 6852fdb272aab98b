/** Bodies and answers of /v1/acompanhamento (the attendance follow-up). */
import { z } from 'zod';
import { destinatarioInstitucional, paragrafos } from '../../documentos/campos';
import { dataCivil, endereco, hora, texto } from '../../rules/campos';
import { OCORRENCIAS } from '../../rules/frequencia/caso';
import { codigoInepSchema } from '../../rules/identificadores/schemas';
import type { AcaoCaso } from '../../workflows/frequencia/definitions';

export const mesSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'mês inválido: use AAAA-MM');

export { idempotencia } from '../schemas';

const responsavel = z.strictObject({
  nome: texto(150),
  /** How the ofício addresses the person (Padrão Ofício). */
  tratamento: z.enum(['senhor', 'senhora', 'desconhecido'], { error: 'tratamento: senhor, senhora ou desconhecido' }).default('desconhecido'),
  endereco,
  telefone: texto(40).optional(),
});

const signatario = z.strictObject({ nome: texto(150), cargo: texto(200) }).describe('Quem assina, quando não a conta que age (a direção da escola, art. 2º § 2º)');

export const CORPOS_ACAO = {
  'notificar-familia': z.strictObject({
    responsavel,
    comparecimento: z.strictObject({ data: dataCivil, hora, local: texto(200) }).optional(),
    vocativo: texto(150).optional(),
    signatario: signatario.optional(),
  }),
  'registrar-averiguacao': z.strictObject({
    motivoCodigo: z.string().trim().min(1, 'informe o código do motivo').max(10),
    relato: texto(5000),
    vulnerabilidade: z.boolean({ error: 'informe se há vulnerabilidade ou risco social (true/false)' }),
  }),
  'encaminhar-assistencia-social': z.strictObject({
    destinatario: destinatarioInstitucional,
    situacao: paragrafos(),
    providenciasEscola: z.array(texto(1000)).max(30).optional(),
    responsavel: responsavel.optional(),
    vocativo: texto(150).optional(),
    signatario: signatario.optional(),
  }),
  'comunicar-conselho-tutelar': z.strictObject({
    destinatario: destinatarioInstitucional,
    hipoteses: z
      .array(z.enum(['maus-tratos', 'faltas-evasao', 'repetencia'], { error: 'use "maus-tratos", "faltas-evasao" ou "repetencia" (ECA, art. 56, I a III)' }))
      .min(1, 'indique ao menos uma hipótese do art. 56 do ECA'),
    fatos: paragrafos(),
    providenciasEscola: z.array(texto(1000)).max(30).default([]),
    responsavel: responsavel.optional(),
    vocativo: texto(150).optional(),
    signatario: signatario.optional(),
  }),
  'justificar-nao-comunicacao': z.strictObject({ justificativa: texto(2000) }),
  'registrar-ocorrencia': z.strictObject({
    tipo: z.enum(OCORRENCIAS, { error: `ocorrência: ${OCORRENCIAS.join(', ')}` }),
    data: dataCivil,
    destinoInep: codigoInepSchema.optional(),
    endereco: endereco.optional(),
    observacao: texto(1000).optional(),
  }),
} satisfies Record<AcaoCaso, z.ZodType>;

export const ROTULO_ACAO_CASO: Record<AcaoCaso, string> = {
  'notificar-familia': 'Notificar a família (art. 2º, § 2º)',
  'registrar-averiguacao': 'Registrar a averiguação dos motivos (art. 8º, IX)',
  'encaminhar-assistencia-social': 'Encaminhar à assistência social (art. 8º, IX)',
  'comunicar-conselho-tutelar': 'Comunicar ao Conselho Tutelar (art. 8º, X; ECA, art. 56)',
  'justificar-nao-comunicacao': 'Justificar a não comunicação ao Conselho Tutelar',
  'registrar-ocorrencia': 'Registrar ocorrência (art. 8º, III a V)',
};

export const apuracaoSchema = z.strictObject({ codigoInep: codigoInepSchema, mes: mesSchema });

export const registroMotivoSchema = z.strictObject({
  estudanteId: z.uuid({ error: 'estudante inválido' }),
  codigoInep: codigoInepSchema,
  ano: z.int().min(2000).max(2099),
  periodo: z.int().min(1).max(5),
  motivoCodigo: z.string().trim().min(1).max(10),
});
