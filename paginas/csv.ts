/**
 * Tables of the pages as CSV files for spreadsheets. Choices: ";" between
 * fields and a UTF-8 byte order mark, as the spreadsheets used in the
 * Brazilian public administration expect (the comma is the decimal separator
 * in pt-BR, and without the mark accents are misread); RFC 4180 quoting; a
 * cell that would start a formula (=, +, -, @, tab, CR) is prefixed with an
 * apostrophe, so that opening an export never runs what someone typed into a
 * process (OWASP, CSV injection).
 */
const FORMULA = /^[=+\-@\t\r]/;

function celula(valor: unknown): string {
  let t = valor === null || valor === undefined ? '' : String(valor);
  if (FORMULA.test(t)) t = `'${t}`;
  return /[";\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

export function paraCsv(cabecalho: readonly string[], linhas: readonly (readonly unknown[])[]): string {
  return `\uFEFF${[cabecalho, ...linhas].map((l) => l.map(celula).join(';')).join('\r\n')}\r\n`;
}
