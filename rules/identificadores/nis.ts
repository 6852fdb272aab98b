/**
 * NIS — Número de Identificação Social (same number space as PIS, PASEP and NIT):
 * 10 base digits + 1 check digit. Weights 3,2,9,8,7,6,5,4,3,2; digit = 11 − (sum mod 11),
 * and 0 when that is 10 or 11. Printed as 'XXX.XXXXX.XX-X'.
 */
import {
  validarNumericoComDv,
  type ResultadoValidacao,
  digitoModulo11,
  digitos,
  exigirValido,
  removerPontuacao,
} from './comum';

const PESOS = [3, 2, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Strips punctuation/whitespace; does not validate. '120.56412.54-5' → '12056412545'. */
export function normalizarNis(valor: string): string {
  return removerPontuacao(valor);
}

/** The check digit for 10 base digits: calcularDigitoNis('1205641254') → '5'. */
export function calcularDigitoNis(base: string): string {
  if (!/^\d{10}$/.test(base)) throw new RangeError('A base do NIS deve ter 10 dígitos');
  return String(digitoModulo11(digitos(base), PESOS));
}

/** Validates a NIS/PIS/PASEP typed with or without punctuation; `valor` is 11 bare digits. */
export function validarNis(valor: string): ResultadoValidacao {
  return validarNumericoComDv('NIS', normalizarNis(valor), 11, 10, calcularDigitoNis);
}

export function isNisValido(valor: string): boolean {
  return validarNis(valor).valido;
}

/** '12056412545' → '120.56412.54-5'. Throws IdentificadorInvalidoError when invalid. */
export function formatarNis(valor: string): string {
  const v = exigirValido('NIS', validarNis(valor));
  return `${v.slice(0, 3)}.${v.slice(3, 8)}.${v.slice(8, 10)}-${v.slice(10)}`;
}

/**
 * Masks a NIS like a CPF — first three and last two digits hidden, so both 11-digit
 * numbers expose the same six middle digits and a text holding either is masked the same
 * way: '12056412545' → '***.56412.5*-*'. Never throws; input that is not 11 digits comes
 * back fully masked ('***.*****.**-*').
 */
export function mascararNis(valor: string): string {
  const v = normalizarNis(valor);
  if (!/^\d{11}$/.test(v)) return '***.*****.**-*';
  return `***.${v.slice(3, 8)}.${v.slice(8, 9)}*-*`;
}
