/**
 * pt-BR calendar dates written out in full, as in official acts: '21 de novembro de 2026',
 * '1º de dezembro de 2026' (ordinal for the first day of the month, Manual de Redação da
 * Presidência da República), weekday names in lowercase ('sábado', 'segunda-feira').
 *
 * Pure and deterministic, safe in Temporal workflow code: the names are written here,
 * not taken from Intl/toLocaleDateString (whose output depends on the ICU data of the
 * machine), and the weekday comes from integer arithmetic on the proleptic Gregorian
 * calendar, not from Date or a time zone.
 *
 * Input is a civil date — 'YYYY-MM-DD' or { ano, mes, dia } — never an instant: turn an
 * instant into the America/Sao_Paulo date first, so no hidden time zone decides the day.
 */

export const MESES = [
  'janeiro',
  'fevereiro',
  'março',
  'abril',
  'maio',
  'junho',
  'julho',
  'agosto',
  'setembro',
  'outubro',
  'novembro',
  'dezembro',
] as const;

/** Index 0 = domingo … 6 = sábado (the same numbering as Date#getUTCDay). */
export const DIAS_DA_SEMANA = [
  'domingo',
  'segunda-feira',
  'terça-feira',
  'quarta-feira',
  'quinta-feira',
  'sexta-feira',
  'sábado',
] as const;

export type NomeMes = (typeof MESES)[number];
export type NomeDiaDaSemana = (typeof DIAS_DA_SEMANA)[number];

/** A calendar date without time or time zone. `mes` is 1–12. */
export interface DataCivil {
  readonly ano: number;
  readonly mes: number;
  readonly dia: number;
}

export interface OpcoesDataPorExtenso {
  /** Prefix the weekday: 'sábado, 21 de novembro de 2026'. */
  readonly diaDaSemana?: boolean;
}

export function isAnoBissexto(ano: number): boolean {
  return (ano % 4 === 0 && ano % 100 !== 0) || ano % 400 === 0;
}

export function diasNoMes(ano: number, mes: number): number {
  if (!Number.isInteger(mes) || mes < 1 || mes > 12) throw new RangeError(`Mês inválido: ${mes}`);
  if (mes === 2) return isAnoBissexto(ano) ? 29 : 28;
  return mes === 4 || mes === 6 || mes === 9 || mes === 11 ? 30 : 31;
}

function validarDataCivil(data: DataCivil): DataCivil {
  const { ano, mes, dia } = data;
  if (!Number.isInteger(ano) || ano < 1 || ano > 9999) throw new RangeError(`Ano inválido: ${ano}`);
  if (!Number.isInteger(mes) || mes < 1 || mes > 12) throw new RangeError(`Mês inválido: ${mes}`);
  if (!Number.isInteger(dia) || dia < 1 || dia > diasNoMes(ano, mes)) {
    throw new RangeError(`Data inexistente: dia ${dia} em ${MESES[mes - 1]} de ${ano}`);
  }
  return { ano, mes, dia };
}

/** Reads a strict 'YYYY-MM-DD' date that exists in the calendar; throws RangeError (pt-BR) otherwise. */
export function lerDataIso(data: string): DataCivil {
  // Read digit by digit rather than by a regular expression: an ofício reads several dates, and the match arrays
  // stood out in the profile of building its context (issue 16, bench/documentos.ts).
  const ano = typeof data === 'string' && data.length === 10 && data[4] === '-' && data[7] === '-' ? numeroDe(data, 0, 4) : -1;
  const mes = ano < 0 ? -1 : numeroDe(data, 5, 7);
  const dia = mes < 0 ? -1 : numeroDe(data, 8, 10);
  if (dia < 0) throw new RangeError(`Data deve estar no formato AAAA-MM-DD: ${JSON.stringify(data)}`);
  return validarDataCivil({ ano, mes, dia });
}

/** The number written by the ASCII digits data[inicio, fim), or -1 when any of them is not one. */
function numeroDe(data: string, inicio: number, fim: number): number {
  let n = 0;
  for (let i = inicio; i < fim; i++) {
    const c = data.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function isDataIsoValida(data: string): boolean {
  try {
    lerDataIso(data);
    return true;
  } catch {
    return false;
  }
}

function comoDataCivil(data: string | DataCivil): DataCivil {
  return typeof data === 'string' ? lerDataIso(data) : validarDataCivil(data);
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil, proleptic Gregorian). */
function diasDesdeEpoca({ ano, mes, dia }: DataCivil): number {
  const a = mes <= 2 ? ano - 1 : ano;
  const era = Math.floor(a / 400);
  const anoDaEra = a - era * 400;
  const diaDoAno = Math.floor((153 * (mes + (mes > 2 ? -3 : 9)) + 2) / 5) + dia - 1;
  const diaDaEra = anoDaEra * 365 + Math.floor(anoDaEra / 4) - Math.floor(anoDaEra / 100) + diaDoAno;
  return era * 146097 + diaDaEra - 719468;
}

/** 0 = domingo … 6 = sábado. */
export function indiceDiaDaSemana(data: string | DataCivil): number {
  const dias = diasDesdeEpoca(comoDataCivil(data));
  return (((dias + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** diaDaSemana('2026-11-21') → 'sábado'. */
export function diaDaSemana(data: string | DataCivil): NomeDiaDaSemana {
  return DIAS_DA_SEMANA[indiceDiaDaSemana(data)]!;
}

/** nomeDoMes(11) → 'novembro'. */
export function nomeDoMes(mes: number): NomeMes {
  if (!Number.isInteger(mes) || mes < 1 || mes > 12) throw new RangeError(`Mês inválido: ${mes}`);
  return MESES[mes - 1]!;
}

/**
 * dataPorExtenso('2026-11-21') → '21 de novembro de 2026';
 * dataPorExtenso('2026-12-01') → '1º de dezembro de 2026';
 * dataPorExtenso('2026-11-21', { diaDaSemana: true }) → 'sábado, 21 de novembro de 2026'.
 * Days are not zero-padded and the year has no thousands separator.
 */
export function dataPorExtenso(data: string | DataCivil, opcoes: OpcoesDataPorExtenso = {}): string {
  const d = comoDataCivil(data);
  const dia = d.dia === 1 ? '1º' : String(d.dia);
  const texto = `${dia} de ${MESES[d.mes - 1]} de ${d.ano}`;
  return opcoes.diaDaSemana ? `${diaDaSemana(d)}, ${texto}` : texto;
}

/** dataNumerica('2026-11-01') → '01/11/2026' (DD/MM/AAAA). */
export function dataNumerica(data: string | DataCivil): string {
  const d = comoDataCivil(data);
  return `${doisDigitos(d.dia)}/${doisDigitos(d.mes)}/${String(d.ano).padStart(4, '0')}`;
}

const doisDigitos = (n: number): string => (n < 10 ? `0${n}` : String(n));
