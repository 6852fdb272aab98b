/**
 * Shared pieces of the identifier rules.
 *
 * Everything under rules/identificadores is pure and deterministic so that workflow code
 * (Temporal sandbox) can import it: no I/O, no Node built-ins, no clock, no randomness,
 * no Intl/locale data.
 */

/** Why a value was refused. Stable codes for programs; `mensagem` is for people (pt-BR). */
export type MotivoInvalidez =
  | 'vazio' // nothing left after removing punctuation
  | 'caracteres' // characters outside the identifier's alphabet
  | 'tamanho' // wrong number of digits/characters
  | 'repetido' // all digits equal (passes the check digits but is never issued)
  | 'digito' // check digit(s) do not match
  | 'uf' // the UF part is not one of the 27 IBGE UF codes
  | 'ano' // implausible year in a process number
  | 'formato'; // does not follow the required layout

export type ResultadoValidacao =
  | { readonly valido: true; readonly valor: string }
  | { readonly valido: false; readonly motivo: MotivoInvalidez; readonly mensagem: string };

/** Thrown by the `formatar*` functions when the value is not a valid identifier. */
export class IdentificadorInvalidoError extends Error {
  readonly tipo: string;
  readonly motivo: MotivoInvalidez;
  constructor(tipo: string, motivo: MotivoInvalidez, mensagem: string) {
    super(mensagem);
    this.name = 'IdentificadorInvalidoError';
    this.tipo = tipo;
    this.motivo = motivo;
  }
}

export function ok(valor: string): ResultadoValidacao {
  return { valido: true, valor };
}

export function falha(motivo: MotivoInvalidez, mensagem: string): ResultadoValidacao {
  return { valido: false, motivo, mensagem };
}

/**
 * Removes the punctuation people type around identifiers (dots, hyphens and dashes,
 * slashes, any whitespace) and uppercases the rest. It does not validate: letters and
 * other symbols stay, so the validators can say precisely what is wrong.
 */
export function removerPontuacao(valor: string): string {
  return valor.replace(/[\s.\-/\u2010-\u2015\u2212]/g, '').toUpperCase();
}

/** The value of a validation, or an IdentificadorInvalidoError carrying its pt-BR message. */
export function exigirValido(tipo: string, resultado: ResultadoValidacao): string {
  if (resultado.valido) return resultado.valor;
  throw new IdentificadorInvalidoError(tipo, resultado.motivo, resultado.mensagem);
}

export function todosIguais(valor: string): boolean {
  return valor.length > 0 && valor.split('').every((c) => c === valor[0]);
}

/**
 * Mod 11 check digit shared by CPF, CNPJ and NIS: weighted sum, remainder r,
 * digit = 11 − r, and 0 when that would be 10 or 11 (r < 2).
 */
export function digitoModulo11(valores: readonly number[], pesos: readonly number[]): number {
  let soma = 0;
  for (let i = 0; i < valores.length; i++) soma += valores[i]! * pesos[i]!;
  return digitoDaSomaModulo11(soma);
}

/** The check digit of a weighted sum already made (digitoModulo11's last step). */
export function digitoDaSomaModulo11(soma: number): number {
  const resto = soma % 11;
  return resto < 2 ? 0 : 11 - resto;
}

export function digitos(valor: string): number[] {
  return valor.split('').map((c) => c.charCodeAt(0) - 48);
}

/**
 * The checks every numeric identifier with check digits goes through, in this
 * order, with the same pt-BR messages: present, digits only, length, not one
 * repeated digit, check digits. `v` is already normalised.
 */
export function validarNumericoComDv(nome: string, v: string, tamanho: number, base: number, calcularDv: (base: string) => string): ResultadoValidacao {
  if (v === '') return falha('vazio', `${nome} não informado`);
  if (!/^\d+$/.test(v)) return falha('caracteres', `${nome} deve conter apenas dígitos`);
  if (v.length !== tamanho) return falha('tamanho', `${nome} deve ter ${tamanho} dígitos`);
  if (todosIguais(v)) return falha('repetido', `${nome} inválido: todos os dígitos são iguais`);
  if (calcularDv(v.slice(0, base)) !== v.slice(base)) return falha('digito', `${nome} inválido: dígito verificador não confere`);
  return ok(v);
}
