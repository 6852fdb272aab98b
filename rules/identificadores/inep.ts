/**
 * Código INEP of a school (CO_ENTIDADE in the Censo Escolar): 8 digits. INEP publishes no
 * check-digit rule for it, so only the shape is checked; whether the code exists is a
 * question for INEP's catalogue, not for a pure function.
 */
import { type ResultadoValidacao, exigirValido, falha, ok, removerPontuacao } from './comum';

/** Strips punctuation/whitespace; does not validate. */
export function normalizarCodigoInep(valor: string): string {
  return removerPontuacao(valor);
}

export function validarCodigoInep(valor: string): ResultadoValidacao {
  const v = normalizarCodigoInep(valor);
  if (v === '') return falha('vazio', 'Código INEP não informado');
  if (!/^\d+$/.test(v)) return falha('caracteres', 'Código INEP deve conter apenas dígitos');
  if (v.length !== 8) return falha('tamanho', 'Código INEP deve ter 8 dígitos');
  if (v === '00000000') return falha('repetido', 'Código INEP inválido: não pode ser 00000000');
  return ok(v);
}

export function isCodigoInepValido(valor: string): boolean {
  return validarCodigoInep(valor).valido;
}

/** The 8 bare digits; throws IdentificadorInvalidoError when invalid. */
export function formatarCodigoInep(valor: string): string {
  return exigirValido('Código INEP', validarCodigoInep(valor));
}
