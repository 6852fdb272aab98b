/**
 * Process numbers of the SEI (Sistema Eletrônico de Informações).
 *
 * - SEI-RJ (state of Rio de Janeiro, where SEEDUC/COOIE open the vistoria processes):
 *   'SEI-OOOOOO/SSSSSS/AAAA' — 6-digit unit code, 6-digit sequence, 4-digit year, no check
 *   digit; e.g. SEI-030001/016815/2024 (a SEEDUC process cited in Resolução SEEDUC
 *   6.252/2024). Also typed 'SEI 030001/016815/2024' or without the prefix.
 * - NUP (Número Único de Protocolo, federal — SEI-MEC and every federal body, seed 002):
 *   'NNNNN.NNNNNN/AAAA-DD' — 5-digit protocol unit, 6-digit sequence, 4-digit year and two
 *   check digits, Portaria Interministerial nº 11/2019. The check digits are mod 11:
 *   DV1 weights 2..16 from the right over the 15 digits, DV2 weights 2..17 over those
 *   15 + DV1; digit = 11 − (sum mod 11), keeping only the units (10 → 0, 11 → 1).
 *   Verified against real NUPs, e.g. 23000.028758/2021-41 and 23001.000272/2023-08 (MEC),
 *   60041.001093/2020-97 (Ministério da Defesa).
 *   Not mod 97: ISO 7064 mod 97-10 belonged to the 21-digit NUP of Portaria
 *   Interministerial 2.321/2014 (annex as amended by PI 705/2015), which PI 11/2019 revoked;
 *   mod 97 rejects all the real NUPs above.
 */
import { type ResultadoValidacao, exigirValido, falha, ok } from './comum';

export interface NumeroSeiRj {
  readonly tipo: 'sei-rj';
  /** Canonical form, 'SEI-030001/016815/2024'. */
  readonly valor: string;
  readonly orgao: string;
  readonly sequencial: string;
  readonly ano: number;
}

export interface Nup {
  readonly tipo: 'nup';
  /** Canonical form, '23000.028758/2021-41'. */
  readonly valor: string;
  readonly unidade: string;
  readonly sequencial: string;
  readonly ano: number;
  readonly digitos: string;
}

export type NumeroProcessoSei = NumeroSeiRj | Nup;

/** Years accepted in process numbers (catches typos such as 0224 or 2204). */
export const ANO_MINIMO_PROCESSO = 1900;
export const ANO_MAXIMO_PROCESSO = 2099;

// Optional 'SEI' prefix as people write it: 'SEI-', 'SEI ', 'SEI nº ', 'SEI: '.
const PREFIXO = String.raw`(?:SEI\s*[-:\u2010-\u2015]?\s*(?:N\s*[º°O]\.?\s*)?)?`;
const RE_SEI_RJ = new RegExp(String.raw`^${PREFIXO}(\d{6})\s*/\s*(\d{6})\s*/\s*(\d{4})$`);
const RE_NUP = new RegExp(String.raw`^${PREFIXO}(\d{5})\s*\.?\s*(\d{6})\s*/?\s*(\d{4})\s*-?\s*(\d{2})$`);

const MENSAGEM_FORMATO_RJ = 'Número SEI-RJ deve seguir o formato SEI-XXXXXX/XXXXXX/AAAA';
const MENSAGEM_FORMATO_NUP = 'NUP deve seguir o formato NNNNN.NNNNNN/AAAA-DD';
const MENSAGEM_FORMATO =
  'Número de processo SEI inválido: use SEI-XXXXXX/XXXXXX/AAAA (SEI-RJ) ou NNNNN.NNNNNN/AAAA-DD (NUP federal)';

function preparar(valor: string): string {
  return valor.trim().toUpperCase();
}

function anoInvalido(ano: string): ResultadoValidacao | undefined {
  const n = Number(ano);
  if (n < ANO_MINIMO_PROCESSO || n > ANO_MAXIMO_PROCESSO) {
    return falha('ano', `Ano do processo inválido: ${ano}`);
  }
  return undefined;
}

// ---------------------------------------------------------------- SEI-RJ

export function validarNumeroSeiRj(valor: string): ResultadoValidacao {
  const v = preparar(valor);
  if (v === '') return falha('vazio', 'Número SEI não informado');
  const m = RE_SEI_RJ.exec(v);
  if (!m) return falha('formato', MENSAGEM_FORMATO_RJ);
  const [, orgao, sequencial, ano] = m as unknown as [string, string, string, string];
  return anoInvalido(ano) ?? ok(`SEI-${orgao}/${sequencial}/${ano}`);
}

export function isNumeroSeiRjValido(valor: string): boolean {
  return validarNumeroSeiRj(valor).valido;
}

/** 'sei 030001/016815/2024' → 'SEI-030001/016815/2024'. Throws IdentificadorInvalidoError when invalid. */
export function formatarNumeroSeiRj(valor: string): string {
  return exigirValido('Número SEI-RJ', validarNumeroSeiRj(valor));
}

// ---------------------------------------------------------------- NUP

/** The two check digits for the 15 base digits (unit + sequence + year). */
export function calcularDigitosNup(base: string): string {
  if (!/^\d{15}$/.test(base)) throw new RangeError('A base do NUP deve ter 15 dígitos');
  const digito = (numero: string): number => {
    let soma = 0;
    for (let i = 0; i < numero.length; i++) {
      // weight 2 for the rightmost digit, growing to the left
      soma += (numero.charCodeAt(numero.length - 1 - i) - 48) * (i + 2);
    }
    return (11 - (soma % 11)) % 10;
  };
  const dv1 = digito(base);
  const dv2 = digito(base + dv1);
  return `${dv1}${dv2}`;
}

/** Bare 17 digits of a NUP written in any accepted way; does not validate. */
export function normalizarNup(valor: string): string {
  return preparar(valor).replace(/^SEI\s*[-:]?\s*(?:N\s*[º°O]\.?\s*)?/, '').replace(/[\s./\-]/g, '');
}

/** Validates a NUP; `valor` is the canonical 'NNNNN.NNNNNN/AAAA-DD'. */
export function validarNup(valor: string): ResultadoValidacao {
  const v = preparar(valor);
  if (v === '') return falha('vazio', 'NUP não informado');
  const m = RE_NUP.exec(v);
  if (!m) return falha('formato', MENSAGEM_FORMATO_NUP);
  const [, unidade, sequencial, ano, dv] = m as unknown as [string, string, string, string, string];
  const erroAno = anoInvalido(ano);
  if (erroAno) return erroAno;
  if (calcularDigitosNup(unidade + sequencial + ano) !== dv) {
    return falha('digito', 'NUP inválido: dígito verificador não confere');
  }
  return ok(`${unidade}.${sequencial}/${ano}-${dv}`);
}

export function isNupValido(valor: string): boolean {
  return validarNup(valor).valido;
}

/** '23000028758202141' → '23000.028758/2021-41'. Throws IdentificadorInvalidoError when invalid. */
export function formatarNup(valor: string): string {
  return exigirValido('NUP', validarNup(valor));
}

// ---------------------------------------------------------------- either kind

/**
 * Validates a SEI process number of either kind; `valor` is its canonical form
 * ('SEI-XXXXXX/XXXXXX/AAAA' or 'NNNNN.NNNNNN/AAAA-DD'). The two never collide:
 * SEI-RJ has 16 digits in 6/6/4 groups, the NUP 17.
 */
export function validarNumeroSei(valor: string): ResultadoValidacao {
  const v = preparar(valor);
  if (v === '') return falha('vazio', 'Número do processo SEI não informado');
  if (RE_SEI_RJ.test(v)) return validarNumeroSeiRj(v);
  if (RE_NUP.test(v)) return validarNup(v);
  return falha('formato', MENSAGEM_FORMATO);
}

export function isNumeroSeiValido(valor: string): boolean {
  return validarNumeroSei(valor).valido;
}

/** Canonical form of either kind. Throws IdentificadorInvalidoError when invalid. */
export function formatarNumeroSei(valor: string): string {
  return exigirValido('Número SEI', validarNumeroSei(valor));
}

/** Splits a valid process number into its parts; undefined when invalid. */
export function analisarNumeroSei(valor: string): NumeroProcessoSei | undefined {
  const r = validarNumeroSei(valor);
  if (!r.valido) return undefined;
  const rj = /^SEI-(\d{6})\/(\d{6})\/(\d{4})$/.exec(r.valor);
  if (rj) return { tipo: 'sei-rj', valor: r.valor, orgao: rj[1]!, sequencial: rj[2]!, ano: Number(rj[3]) };
  const nup = /^(\d{5})\.(\d{6})\/(\d{4})-(\d{2})$/.exec(r.valor)!;
  return {
    tipo: 'nup',
    valor: r.valor,
    unidade: nup[1]!,
    sequencial: nup[2]!,
    ano: Number(nup[3]),
    digitos: nup[4]!,
  };
}
