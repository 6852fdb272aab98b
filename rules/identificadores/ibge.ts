/**
 * Código IBGE of a município: 7 digits = 2 (UF) + 4 (município) + 1 check digit.
 *
 * Check digit (the rule used by the NF-e layout, NT 2008.004): weights 1,2,1,2,1,2 over
 * the first six digits, products of two digits summed digit by digit, then
 * (10 − sum mod 10) mod 10. Verified against IBGE's full table of 5,570 municípios:
 * every code follows it except nine codes created with an irregular digit, which are
 * real and therefore accepted (CODIGOS_IBGE_DV_IRREGULAR). E.g. 3304557 Rio de Janeiro,
 * 3550308 São Paulo, 5300108 Brasília.
 */
import { type ResultadoValidacao, exigirValido, falha, ok, removerPontuacao } from './comum';
import { type SiglaUf, ufPorCodigoIbge } from './uf';

/** Real município codes whose last digit does not follow the rule (IBGE table; NT 2008.004). */
export const CODIGOS_IBGE_DV_IRREGULAR: readonly string[] = [
  '2201919', // Bom Princípio do Piauí (PI)
  '2201988', // Brejo do Piauí (PI)
  '2202251', // Canavieira (PI)
  '2611533', // Quixaba (PE)
  '3117836', // Cônego Marinho (MG)
  '3152131', // Ponto Chique (MG)
  '4305871', // Coronel Barros (RS)
  '5203939', // Buriti de Goiás (GO)
  '5203962', // Buritinópolis (GO)
];

/** Strips punctuation/whitespace; does not validate. */
export function normalizarCodigoIbge(valor: string): string {
  return removerPontuacao(valor);
}

/** The check digit for the first six digits: calcularDigitoIbge('330455') → '7'. */
export function calcularDigitoIbge(base: string): string {
  if (!/^\d{6}$/.test(base)) throw new RangeError('A base do código IBGE deve ter 6 dígitos');
  let soma = 0;
  for (let i = 0; i < 6; i++) {
    const produto = (base.charCodeAt(i) - 48) * (i % 2 === 0 ? 1 : 2);
    soma += Math.floor(produto / 10) + (produto % 10);
  }
  return String((10 - (soma % 10)) % 10);
}

/** Validates a 7-digit município code: shape, UF prefix and check digit. */
export function validarCodigoIbge(valor: string): ResultadoValidacao {
  const v = normalizarCodigoIbge(valor);
  if (v === '') return falha('vazio', 'Código IBGE do município não informado');
  if (!/^\d+$/.test(v)) return falha('caracteres', 'Código IBGE do município deve conter apenas dígitos');
  if (v.length !== 7) return falha('tamanho', 'Código IBGE do município deve ter 7 dígitos');
  if (ufPorCodigoIbge(v.slice(0, 2)) === undefined) {
    return falha('uf', `Código IBGE inválido: ${v.slice(0, 2)} não é o código IBGE de uma UF`);
  }
  if (calcularDigitoIbge(v.slice(0, 6)) !== v.slice(6) && !CODIGOS_IBGE_DV_IRREGULAR.includes(v)) {
    return falha('digito', 'Código IBGE inválido: dígito verificador não confere');
  }
  return ok(v);
}

export function isCodigoIbgeValido(valor: string): boolean {
  return validarCodigoIbge(valor).valido;
}

/** The 7 bare digits; throws IdentificadorInvalidoError when invalid. */
export function formatarCodigoIbge(valor: string): string {
  return exigirValido('Código IBGE', validarCodigoIbge(valor));
}

/** UF of a valid município code: '3304557' → 'RJ'. Throws IdentificadorInvalidoError when invalid. */
export function ufDoCodigoIbge(valor: string): SiglaUf {
  return ufPorCodigoIbge(formatarCodigoIbge(valor).slice(0, 2))!;
}
