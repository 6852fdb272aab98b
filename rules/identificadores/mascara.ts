/**
 * LGPD masking for logs and texts that leave the system. The per-identifier maskers are
 * mascararCpf (cpf.ts) and mascararNis (nis.ts); this file masks numbers inside free text.
 */
import { isCpfValido } from './cpf';
import { isNisValido } from './nis';

export interface OpcoesMascaramentoTexto {
  /**
   * false (default): mask every CPF/NIS-looking run of 11 digits, valid or not — a
   * mistyped CPF is still personal data, and a phone number caught by mistake is too.
   * true: mask only runs that are a valid CPF or a valid NIS.
   */
  readonly somenteValidos?: boolean;
}

/**
 * 11 digits not glued to other digits, bare or in the CPF layout (123.456.789-09, also
 * with spaces) or the NIS layout (120.56412.54-5). CNPJs (14 digits) and NUPs do not match.
 */
const RE_ONZE_DIGITOS =
  /(?<!\d)(?:\d{3}\.\d{5}\.\d{2}-\d|\d{3}[.\s]?\d{3}[.\s]?\d{3}[-.\s]?\d{2})(?!\d)/;

/**
 * A UUID, the id rito gives its own records. Its last group can hold 11 digits in a row
 * ('…-16433291140a'); masking them would corrupt the id an audit entry points to, and a
 * UUID is generated, never anyone's CPF or NIS. Matched first so it is skipped whole.
 */
const RE_UUID = /(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/i;

const RE_TRECHO = new RegExp(`${RE_UUID.source}|${RE_ONZE_DIGITOS.source}`, 'gi');

/** Hides the first three and the last two digits, keeping the separators as written. */
function mascararTrecho(trecho: string): string {
  let indice = 0;
  let resultado = '';
  for (const c of trecho) {
    if (c >= '0' && c <= '9') {
      resultado += indice < 3 || indice >= 9 ? '*' : c;
      indice++;
    } else {
      resultado += c;
    }
  }
  return resultado;
}

/**
 * Masks every CPF/NIS-looking 11-digit run in a free text, in the gov.br style (first
 * three and last two digits hidden):
 * 'CPF 123.456.789-09, NIS 12056412545' → 'CPF ***.456.789-**, NIS ***564125**'.
 */
export function mascararCpfNisEmTexto(texto: string, opcoes: OpcoesMascaramentoTexto = {}): string {
  return texto.replace(RE_TRECHO, (trecho) => {
    if (RE_UUID.test(trecho)) return trecho;
    if (opcoes.somenteValidos) {
      const d = trecho.replace(/\D/g, '');
      if (!isCpfValido(d) && !isNisValido(d)) return trecho;
    }
    return mascararTrecho(trecho);
  });
}
