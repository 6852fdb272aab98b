/**
 * CNPJ — Cadastro Nacional da Pessoa Jurídica, numeric and alphanumeric.
 *
 * IN RFB nº 2.229/2024: from July 2026 new CNPJs may carry letters. The 14 characters are
 * 8 (raiz) + 4 (ordem) alphanumeric [0-9A-Z], then 2 numeric check digits. Each character
 * is worth its ASCII code − 48 ('0'..'9' → 0..9, 'A' → 17 … 'Z' → 42); the weights are
 * 2..9 cycling from the right; remainder < 2 gives 0, otherwise 11 − remainder. For an
 * all-digit CNPJ this is exactly the classic rule, so one routine serves both forms and
 * every CNPJ already issued stays valid.
 */
import {
  type ResultadoValidacao,
  digitoDaSomaModulo11,
  exigirValido,
  falha,
  ok,
  removerPontuacao,
  todosIguais,
} from './comum';

/** Weights 2..9 cycling from the right, for `tamanho` characters (left to right). */
function pesosCnpj(tamanho: number): number[] {
  return Array.from({ length: tamanho }, (_, i) => 2 + ((tamanho - 1 - i) % 8));
}

const PESOS_DV1 = pesosCnpj(12); // 5,4,3,2,9,8,7,6,5,4,3,2
const PESOS_DV2 = pesosCnpj(13); // 6,5,4,3,2,9,8,7,6,5,4,3,2

/** Value of one CNPJ character: ASCII code − 48. */
export function valorCaractereCnpj(caractere: string): number {
  return caractere.charCodeAt(0) - 48;
}

/** Strips punctuation/whitespace and uppercases; does not validate. '12.abc.345/01de-35' → '12ABC34501DE35'. */
export function normalizarCnpj(valor: string): string {
  return removerPontuacao(valor);
}

/** The two check digits for the 12-character base: calcularDigitosCnpj('12ABC34501DE') → '35'. */
export function calcularDigitosCnpj(base: string): string {
  if (!/^[0-9A-Z]{12}$/.test(base)) {
    throw new RangeError('A base do CNPJ deve ter 12 caracteres entre 0-9 e A-Z');
  }
  // Both weighted sums in one pass over the characters, with no arrays: formatting a CNPJ validates it, and
  // every ofício formats one (issue 16, bench/documentos.ts).
  let soma1 = 0;
  let soma2 = 0;
  for (let i = 0; i < 12; i++) {
    const v = valorCaractereCnpj(base[i]!);
    soma1 += v * PESOS_DV1[i]!;
    soma2 += v * PESOS_DV2[i]!;
  }
  const dv1 = digitoDaSomaModulo11(soma1);
  const dv2 = digitoDaSomaModulo11(soma2 + dv1 * PESOS_DV2[12]!);
  return `${dv1}${dv2}`;
}

/**
 * Validates a CNPJ (numeric or alphanumeric) typed with or without punctuation, in any
 * letter case; `valor` is the 14 characters, uppercased.
 */
export function validarCnpj(valor: string): ResultadoValidacao {
  const v = normalizarCnpj(valor);
  if (v === '') return falha('vazio', 'CNPJ não informado');
  if (!/^[0-9A-Z]+$/.test(v)) {
    return falha('caracteres', 'CNPJ deve conter apenas dígitos e letras de A a Z');
  }
  if (v.length !== 14) return falha('tamanho', 'CNPJ deve ter 14 caracteres');
  if (!/^\d{2}$/.test(v.slice(12))) {
    return falha('caracteres', 'CNPJ inválido: os dois dígitos verificadores devem ser numéricos');
  }
  if (todosIguais(v)) return falha('repetido', 'CNPJ inválido: todos os dígitos são iguais');
  if (calcularDigitosCnpj(v.slice(0, 12)) !== v.slice(12)) {
    return falha('digito', 'CNPJ inválido: dígito verificador não confere');
  }
  return ok(v);
}

export function isCnpjValido(valor: string): boolean {
  return validarCnpj(valor).valido;
}

/** True for a valid CNPJ that uses letters (the form issued from July 2026). */
export function isCnpjAlfanumerico(valor: string): boolean {
  const r = validarCnpj(valor);
  return r.valido && /[A-Z]/.test(r.valor);
}

/** '12ABC34501DE35' → '12.ABC.345/01DE-35'. Throws IdentificadorInvalidoError when invalid. */
export function formatarCnpj(valor: string): string {
  return pontuar(exigirValido('CNPJ', validarCnpj(valor)));
}

/** The normalised form cnpjSchema outputs: 12 characters 0-9/A-Z and two digits. */
const NORMALIZADO = /^[0-9A-Z]{12}\d{2}$/;

/**
 * formatarCnpj for a CNPJ that cnpjSchema already validated and normalised (a document's data): the check
 * digits are not computed again, once per ofício (issue 16, bench/documentos.ts). Anything not in the
 * normalised form goes through formatarCnpj, which validates it, so no unchecked text is ever punctuated.
 */
export function formatarCnpjValidado(v: string): string {
  return NORMALIZADO.test(v) ? pontuar(v) : formatarCnpj(v);
}

function pontuar(v: string): string {
  return `${v.slice(0, 2)}.${v.slice(2, 5)}.${v.slice(5, 8)}/${v.slice(8, 12)}-${v.slice(12)}`;
}

/** The 8-character raiz (identifies the company; shared by all its establishments). */
export function raizCnpj(valor: string): string {
  return exigirValido('CNPJ', validarCnpj(valor)).slice(0, 8);
}
