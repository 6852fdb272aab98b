/**
 * zod 4 schemas for the identifiers. Each accepts the value with or without punctuation
 * (and in any letter case where letters are allowed), outputs the normalised form, and on
 * failure reports one issue with a precise pt-BR message; the issue's `params.motivo`
 * carries the stable reason code (MotivoInvalidez).
 *
 * They stay plain ZodString (normalisation via .overwrite, not .transform), so
 * z.toJSONSchema / fastify-type-provider-zod can describe them in OpenAPI.
 */
import { z } from 'zod';
import type { ResultadoValidacao } from './comum';
import { validarCnpj } from './cnpj';
import { validarCpf } from './cpf';
import { validarCodigoIbge } from './ibge';
import { validarCodigoInep } from './inep';
import { validarNis } from './nis';
import { validarNumeroSei, validarNumeroSeiRj, validarNup } from './sei';
import { SIGLAS_UF, validarUf } from './uf';

function schemaIdentificador(
  nome: string,
  validar: (valor: string) => ResultadoValidacao,
  descricao: string,
  exemplo: string,
) {
  return z
    .string({
      error: (issue) => (issue.input === undefined ? `${nome}: campo obrigatório` : `${nome} deve ser um texto`),
    })
    .overwrite((valor) => {
      const r = validar(valor);
      return r.valido ? r.valor : valor;
    })
    .check((ctx) => {
      const r = validar(ctx.value);
      if (!r.valido) {
        ctx.issues.push({ code: 'custom', message: r.mensagem, input: ctx.value, params: { motivo: r.motivo } });
      }
    })
    .meta({ description: descricao, examples: [exemplo] });
}

/** CPF → 11 bare digits. */
export const cpfSchema = schemaIdentificador(
  'CPF',
  validarCpf,
  'CPF, com ou sem pontuação; normalizado para 11 dígitos',
  '123.456.789-09',
);

/** CNPJ, numeric or alphanumeric (IN RFB 2.229/2024) → 14 characters, uppercase. */
export const cnpjSchema = schemaIdentificador(
  'CNPJ',
  validarCnpj,
  'CNPJ numérico ou alfanumérico, com ou sem pontuação; normalizado para 14 caracteres maiúsculos',
  '12.ABC.345/01DE-35',
);

/** NIS/PIS/PASEP → 11 bare digits. */
export const nisSchema = schemaIdentificador(
  'NIS',
  validarNis,
  'NIS/PIS/PASEP, com ou sem pontuação; normalizado para 11 dígitos',
  '120.56412.54-5',
);

/** Código INEP of a school → 8 digits. */
export const codigoInepSchema = schemaIdentificador(
  'Código INEP',
  validarCodigoInep,
  'Código INEP da escola (8 dígitos)',
  '12345678',
);

/** Código IBGE of a município → 7 digits (UF prefix and check digit verified). */
export const codigoIbgeSchema = schemaIdentificador(
  'Código IBGE',
  validarCodigoIbge,
  'Código IBGE do município (7 dígitos, com dígito verificador)',
  '3304557',
);

/** UF sigla, any case → 'RJ' etc., typed as SiglaUf. */
export const ufSchema = schemaIdentificador('UF', validarUf, 'Sigla da UF (27, incluindo DF)', 'RJ').pipe(
  z.enum(SIGLAS_UF),
);

/** SEI-RJ process number only → 'SEI-XXXXXX/XXXXXX/AAAA'. */
export const numeroSeiRjSchema = schemaIdentificador(
  'Número SEI-RJ',
  validarNumeroSeiRj,
  'Número de processo SEI-RJ (SEI-XXXXXX/XXXXXX/AAAA)',
  'SEI-030001/016815/2024',
);

/** Federal NUP only → 'NNNNN.NNNNNN/AAAA-DD' (check digits verified). */
export const nupSchema = schemaIdentificador(
  'NUP',
  validarNup,
  'Número Único de Protocolo federal (NNNNN.NNNNNN/AAAA-DD)',
  '23000.028758/2021-41',
);

/** Either kind of SEI process number → its canonical form. */
export const numeroSeiSchema = schemaIdentificador(
  'Número do processo SEI',
  validarNumeroSei,
  'Número de processo SEI: SEI-RJ (SEI-XXXXXX/XXXXXX/AAAA) ou NUP federal (NNNNN.NNNNNN/AAAA-DD)',
  'SEI-030001/016815/2024',
);
