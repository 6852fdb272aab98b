/**
 * CPF — Cadastro de Pessoas Físicas: 9 base digits + 2 check digits (mod 11).
 * DV1 weights 10..2 over the 9 base digits, DV2 weights 11..2 over base + DV1;
 * remainder < 2 gives 0, otherwise 11 − remainder. Sequences of one repeated digit
 * satisfy the check digits but are never issued, so they are refused.
 */
import {
  validarNumericoComDv,
  type ResultadoValidacao,
  digitoModulo11,
  digitos,
  exigirValido,
  removerPontuacao,
} from './comum';

const PESOS_DV1 = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const PESOS_DV2 = [11, 10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Strips punctuation/whitespace; does not validate. '123.456.789-09' → '12345678909'. */
export function normalizarCpf(valor: string): string {
  return removerPontuacao(valor);
}

/** The two check digits for 9 base digits: calcularDigitosCpf('123456789') → '09'. */
export function calcularDigitosCpf(base: string): string {
  if (!/^\d{9}$/.test(base)) throw new RangeError('A base do CPF deve ter 9 dígitos');
  const d = digitos(base);
  const dv1 = digitoModulo11(d, PESOS_DV1);
  const dv2 = digitoModulo11([...d, dv1], PESOS_DV2);
  return `${dv1}${dv2}`;
}

/** Validates a CPF typed with or without punctuation; `valor` is the 11 bare digits. */
export function validarCpf(valor: string): ResultadoValidacao {
  return validarNumericoComDv('CPF', normalizarCpf(valor), 11, 9, calcularDigitosCpf);
}

export function isCpfValido(valor: string): boolean {
  return validarCpf(valor).valido;
}

/** '12345678909' → '123.456.789-09'. Throws IdentificadorInvalidoError when invalid. */
export function formatarCpf(valor: string): string {
  const v = exigirValido('CPF', validarCpf(valor));
  return `${v.slice(0, 3)}.${v.slice(3, 6)}.${v.slice(6, 9)}-${v.slice(9)}`;
}

/**
 * Masks a CPF for logs and public documents the way gov.br and the transparency portals
 * do (hide the first three and the last two digits): '12345678909' → '***.456.789-**'.
 * Never throws and never echoes anything else: input that is not 11 digits comes back
 * fully masked ('***.***.***-**'). The check digits are not verified, so a mistyped CPF
 * is masked all the same.
 */
export function mascararCpf(valor: string): string {
  const v = normalizarCpf(valor);
  if (!/^\d{11}$/.test(v)) return '***.***.***-**';
  return `***.${v.slice(3, 6)}.${v.slice(6, 9)}-**`;
}
