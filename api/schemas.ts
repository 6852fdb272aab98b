/**
 * zod schemas of values more than one area of the API carries, with one
 * OpenAPI component each (a `meta` id may be given once): the calendar's own
 * values, shared by the prazo calculations (api/prazos) and the calendar
 * (api/calendario), which do not import each other.
 */
import { z } from 'zod';
import { ESCOPOS_DECRETADO } from '../rules/calendario';

/** A non-business day and why (rules/calendario NaoUtil). */
/**
 * An e-mail address as SMTP carries it: zod's syntax check, at most 254
 * characters in all and 64 before the @ (RFC 5321 § 4.5.3.1.1 and 4.5.3.1.3),
 * as the OpenAPI document's `format: email` promises (contract fuzzing found
 * a 95-character local part accepted: test/api/contrato.test.ts).
 */
export const enderecoEmailSchema = (mensagem: string) =>
  z
    .email(mensagem)
    .max(254, 'e-mail deve ter no máximo 254 caracteres')
    .refine((v) => v.slice(0, v.lastIndexOf('@')).length <= 64, 'e-mail deve ter no máximo 64 caracteres antes do @');

export const naoUtilSchema = z.object({ data: z.string(), motivo: z.string() }).meta({ id: 'NaoUtil' });

/** Where a decreed day applies. */
export const escopoDecretadoSchema = z.enum(ESCOPOS_DECRETADO, { error: 'escopo deve ser nacional, uf, municipio ou unidade' });

/** The Idempotency-Key every act carries: the same key never acts twice (api/ritos, api/habilitacoes, api/credenciamentos, api/acompanhamento). */
export const idempotencia = z.object({
  'idempotency-key': z
    .string({ error: 'envie o cabeçalho Idempotency-Key (um identificador único por ação, repetido ao reenviar a mesma ação)' })
    .min(8, 'Idempotency-Key deve ter ao menos 8 caracteres')
    .max(200)
    .regex(/^[\w.:-]+$/, 'Idempotency-Key aceita letras, algarismos, ".", ":", "_" e "-"'),
});
