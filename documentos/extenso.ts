/**
 * Cardinal numbers written out in pt-BR, masculine ("dias"), as official acts
 * write prazos: "10 (dez) dias", "20 (vinte) dias", "1.250 (mil duzentos e cinquenta)".
 * Pure; dates by extenso live in rules/datas/extenso.ts.
 */

const UNIDADES = [
  'zero', 'um', 'dois', 'três', 'quatro', 'cinco', 'seis', 'sete', 'oito', 'nove',
  'dez', 'onze', 'doze', 'treze', 'catorze', 'quinze', 'dezesseis', 'dezessete', 'dezoito', 'dezenove',
] as const;
const DEZENAS = ['', '', 'vinte', 'trinta', 'quarenta', 'cinquenta', 'sessenta', 'setenta', 'oitenta', 'noventa'] as const;
const CENTENAS = [
  '', 'cento', 'duzentos', 'trezentos', 'quatrocentos', 'quinhentos', 'seiscentos', 'setecentos', 'oitocentos', 'novecentos',
] as const;

function ate999(n: number): string {
  if (n < 20) return UNIDADES[n]!;
  if (n < 100) {
    const d = Math.floor(n / 10);
    const u = n % 10;
    return u === 0 ? DEZENAS[d]! : `${DEZENAS[d]} e ${UNIDADES[u]}`;
  }
  if (n === 100) return 'cem';
  const c = Math.floor(n / 100);
  const resto = n % 100;
  return resto === 0 ? CENTENAS[c]! : `${CENTENAS[c]} e ${ate999(resto)}`;
}

/** numeroPorExtenso(21) → 'vinte e um'; 0 to 999.999. Throws RangeError (pt-BR) otherwise. */
export function numeroPorExtenso(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) {
    throw new RangeError(`Número fora do intervalo por extenso (0 a 999.999): ${n}`);
  }
  if (n < 1000) return ate999(n);
  const milhares = Math.floor(n / 1000);
  const resto = n % 1000;
  const mil = milhares === 1 ? 'mil' : `${ate999(milhares)} mil`;
  if (resto === 0) return mil;
  // "mil e duzentos", "mil e quinze", but "mil duzentos e cinquenta".
  const conectivo = resto < 100 || resto % 100 === 0 ? ' e ' : ' ';
  return `${mil}${conectivo}${ate999(resto)}`;
}

/** Integer with the pt-BR thousands separator: 1250 → '1.250'. */
export function numeroFormatado(n: number): string {
  const sinal = n < 0 ? '-' : '';
  const digitos = String(Math.abs(Math.trunc(n)));
  // Most numbers in a document (days, items) have no thousands to separate: no regex for them.
  return sinal + (digitos.length > 3 ? digitos.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : digitos);
}

/** '10 (dez)'. */
export function numeroComExtenso(n: number): string {
  return `${numeroFormatado(n)} (${numeroPorExtenso(n)})`;
}

/** Percentage with a decimal comma and at most one decimal place: 58.333 → '58,3%'. */
export function percentual(n: number): string {
  const arredondado = Math.round(n * 10) / 10;
  return `${String(arredondado).replace('.', ',')}%`;
}
