/**
 * zod building blocks shared by the data of the rites' actions (rules/<rito>/acoes.ts)
 * and of the documents (documentos/campos.ts): one definition, one limit, one
 * pt-BR message per kind of field. Pure: workflow code imports them too.
 */
import { z } from 'zod';
import { ufSchema } from './identificadores/schemas';

/** Trimmed text that must not be blank, with a maximum length. */
export const texto = (max = 500) => z.string().trim().min(1, 'não pode ficar em branco').max(max, `deve ter no máximo ${max} caracteres`);

export const dataCivil = z.iso.date({ error: 'data inválida: use AAAA-MM-DD com uma data que exista' });

export const hora = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'hora inválida: use HH:MM (24 horas)');

export const cep = z
  .string()
  .trim()
  .regex(/^\d{5}-?\d{3}$/, 'CEP inválido: use 00000-000')
  .overwrite((v) => `${v.replace('-', '').slice(0, 5)}-${v.replace('-', '').slice(5)}`);

/** An address in Brazil as the ofícios print it. Strict: a misspelt field is reported, not ignored. */
export const endereco = z.strictObject({
  /** 'Rua São Clemente, 100'. */
  logradouro: texto(200),
  complemento: texto(120).optional(),
  bairro: texto(120),
  cep,
  municipio: texto(120),
  uf: ufSchema,
});
export type Endereco = z.output<typeof endereco>;

/** How long each part of an exigência may be, in an action and in the documents that print it. */
export const LIMITES_EXIGENCIA = { descricao: 2000, motivacao: 2000, baseLegal: 500 } as const;
