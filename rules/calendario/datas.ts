/**
 * Civil dates and instants, with no Date.now(), no Intl and no host time zone.
 *
 * - A civil date is a 'YYYY-MM-DD' string in America/Sao_Paulo. Internally it is
 *   a day number: days since 1970-01-01 (so weekday and arithmetic are integer
 *   operations, the same on every machine and in a Temporal workflow replay).
 * - An instant is an ISO 8601 string with an explicit offset ('Z' or ±hh:mm) or
 *   epoch milliseconds (UTC).
 *
 * Offset of Brasília time — decision: UTC−03:00, except during the official
 * summer-time periods up to February 2019 (UTC−02:00), derived through the one
 * function `offsetBrasiliaMinutos` below from a fixed table (HORARIO_DE_VERAO).
 *   Brazil has had no daylight saving time since Decreto 9.772/2019 (which revoked
 *   Decreto 6.558/2008), so America/Sao_Paulo has been UTC−3 all year since
 *   2019-02-17; before that, an instant converts with the offset then in force
 *   (an act received at 2018-11-21T02:30Z was made at 00:30 of 21/11, Brasília
 *   summer time). We do not ask Intl: its answer depends on the ICU/tzdata
 *   shipped with the Node that runs the worker, and a workflow replayed on a
 *   worker with a different tzdata could take a different branch
 *   (non-determinism). If DST is ever reinstated, add its periods to the table;
 *   a test compares this function with Intl for 2008–2040 so that a tzdata
 *   change is noticed.
 */
import { ErroEntrada } from './erros';

export type DataCivil = string;
/** ISO 8601 string with offset, epoch milliseconds (UTC) or a Date. */
export type Instante = string | number | Date;

const MS_POR_DIA = 86_400_000;

/** Day number (days since 1970-01-01) of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function diaDoCivil(ano: number, mes: number, dia: number): number {
  const y = ano - (mes <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (mes + (mes > 2 ? -3 : 9)) + 2) / 5) + dia - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** [ano, mês 1–12, dia 1–31] of a day number. */
export function civilDoDia(n: number): [number, number, number] {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

export function diasNoMes(ano: number, mes: number): number {
  if (mes === 2) return (ano % 4 === 0 && ano % 100 !== 0) || ano % 400 === 0 ? 29 : 28;
  return mes === 4 || mes === 6 || mes === 9 || mes === 11 ? 30 : 31;
}

const RE_DATA = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The digit at position i of s, or -1. */
function digito(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Parses a 'YYYY-MM-DD' civil date into a day number; `campo` names the input in the error. */
export function lerData(valor: unknown, campo: string): number {
  if (typeof valor !== 'string') throw new ErroEntrada(campo, `informe uma data no formato AAAA-MM-DD.`);
  // By hand rather than RE_DATA: every prazo reads dates, and this is the engine's hot path.
  let ano = -1;
  let mes = -1;
  let dia = -1;
  if (valor.length === 10 && valor.charCodeAt(4) === 45 && valor.charCodeAt(7) === 45) {
    const a0 = digito(valor, 0), a1 = digito(valor, 1), a2 = digito(valor, 2), a3 = digito(valor, 3);
    const m0 = digito(valor, 5), m1 = digito(valor, 6), d0 = digito(valor, 8), d1 = digito(valor, 9);
    if ((a0 | a1 | a2 | a3 | m0 | m1 | d0 | d1) >= 0) {
      ano = a0 * 1000 + a1 * 100 + a2 * 10 + a3;
      mes = m0 * 10 + m1;
      dia = d0 * 10 + d1;
    }
  }
  if (ano < 0) throw new ErroEntrada(campo, `"${valor}" não é uma data no formato AAAA-MM-DD.`);
  if (mes < 1 || mes > 12 || dia < 1 || dia > diasNoMes(ano, mes)) {
    throw new ErroEntrada(campo, `${valor} não existe no calendário.`);
  }
  return diaDoCivil(ano, mes, dia);
}

const d2 = (n: number) => (n < 10 ? '0' : '') + n;
const d4 = (n: number) => String(n).padStart(4, '0');

/**
 * Formatted dates of 2000–2109 are kept once made: every result of the engine
 * names its dates, and the same few thousand days recur (a pure memo).
 */
const CACHE_INICIO = diaDoCivil(2000, 1, 1);
const CACHE_DIAS = diaDoCivil(2110, 1, 1) - CACHE_INICIO;
const cacheIso: (DataCivil | undefined)[] = [];
const cacheBr: (string | undefined)[] = [];
const noCache = (n: number) => n >= CACHE_INICIO && n < CACHE_INICIO + CACHE_DIAS;

/** Day number → 'YYYY-MM-DD'. */
export function formatarData(n: number): DataCivil {
  if (!noCache(n)) return formatarDataSemCache(n);
  return (cacheIso[n - CACHE_INICIO] ??= formatarDataSemCache(n));
}

function formatarDataSemCache(n: number): DataCivil {
  const [a, m, d] = civilDoDia(n);
  return `${d4(a)}-${d2(m)}-${d2(d)}`;
}

/** 0 = domingo … 6 = sábado (1970-01-01 was a Thursday). */
export function diaDaSemana(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function anoDoDia(n: number): number {
  return civilDoDia(n)[0];
}

export const NOMES_DIAS_SEMANA = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];
const ABREV_DIAS_SEMANA = ['dom', 'seg', 'ter', 'qua', 'qui', 'sex', 'sáb'];

/** 'qua 02/09/2026' — for pt-BR explanations. */
export function formatarDataBR(n: number): string {
  if (!noCache(n)) return formatarDataBRSemCache(n);
  return (cacheBr[n - CACHE_INICIO] ??= formatarDataBRSemCache(n));
}

function formatarDataBRSemCache(n: number): string {
  const [a, m, d] = civilDoDia(n);
  return `${ABREV_DIAS_SEMANA[diaDaSemana(n)]} ${d2(d)}/${d2(m)}/${d4(a)}`;
}

// ---------------------------------------------------------------- offset

/**
 * The official summer-time periods of Brasília time (horário de verão) the
 * calendar's years reach: from 00:00 (UTC−3, clocks moved to 01:00) of the
 * first day to 00:00 (UTC−2, clocks moved back to 23:00 of the day before) of
 * the last. Decreto 6.558/2008: third Sunday of October to third Sunday of
 * February, the latter moved a week when it is Carnival Sunday (2012, 2015);
 * Decreto 9.242/2017: from the first Sunday of November (2018); Decreto
 * 9.772/2019 ended it.
 */
export const HORARIO_DE_VERAO: readonly { inicio: string; fim: string; atoLegal: string }[] = [
  { inicio: '2008-10-19', fim: '2009-02-15', atoLegal: 'Decreto 6.558/2008' },
  { inicio: '2009-10-18', fim: '2010-02-21', atoLegal: 'Decreto 6.558/2008' },
  { inicio: '2010-10-17', fim: '2011-02-20', atoLegal: 'Decreto 6.558/2008' },
  { inicio: '2011-10-16', fim: '2012-02-26', atoLegal: 'Decreto 6.558/2008 (fim adiado pelo Carnaval)' },
  { inicio: '2012-10-21', fim: '2013-02-17', atoLegal: 'Decreto 6.558/2008' },
  { inicio: '2013-10-20', fim: '2014-02-16', atoLegal: 'Decreto 6.558/2008' },
  { inicio: '2014-10-19', fim: '2015-02-22', atoLegal: 'Decreto 6.558/2008 (fim adiado pelo Carnaval)' },
  { inicio: '2015-10-18', fim: '2016-02-21', atoLegal: 'Decreto 6.558/2008' },
  { inicio: '2016-10-16', fim: '2017-02-19', atoLegal: 'Decreto 6.558/2008' },
  { inicio: '2017-10-15', fim: '2018-02-18', atoLegal: 'Decreto 6.558/2008' },
  { inicio: '2018-11-04', fim: '2019-02-17', atoLegal: 'Decreto 6.558/2008, red. Decreto 9.242/2017' },
];

const HORA_MS = 3_600_000;
/** [start, end) of each period in epoch ms (UTC): 03:00Z of the first day, 02:00Z of the last. */
const PERIODOS_VERAO_MS: readonly (readonly [number, number])[] = HORARIO_DE_VERAO.map(({ inicio, fim }) => {
  const [a1, m1, d1] = inicio.split('-').map(Number);
  const [a2, m2, d2] = fim.split('-').map(Number);
  return [diaDoCivil(a1, m1, d1) * MS_POR_DIA + 3 * HORA_MS, diaDoCivil(a2, m2, d2) * MS_POR_DIA + 2 * HORA_MS] as const;
});
const FIM_DO_ULTIMO_VERAO_MS = PERIODOS_VERAO_MS[PERIODOS_VERAO_MS.length - 1][1];

/**
 * Offset of Brasília time (America/Sao_Paulo) from UTC, in minutes, in force at
 * an instant. The ONE place that knows it: −120 within a summer-time period of
 * HORARIO_DE_VERAO, −180 otherwise (always since Decreto 9.772/2019).
 */
export function offsetBrasiliaMinutos(epochMsUtc: number): number {
  if (epochMsUtc >= FIM_DO_ULTIMO_VERAO_MS) return -180;
  for (const [inicio, fim] of PERIODOS_VERAO_MS) if (epochMsUtc >= inicio && epochMsUtc < fim) return -120;
  return -180;
}

function formatarOffset(min: number): string {
  const s = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${s}${d2(Math.floor(a / 60))}:${d2(a % 60)}`;
}

/** Epoch ms (UTC) of 00:00:00 Brasília time of a civil day. */
export function inicioDoDiaBrasilia(n: number): number {
  const local = n * MS_POR_DIA;
  // Guess with the offset in force 3 h after local midnight, then settle: on the day summer time
  // starts, 00:00 does not exist and the day begins at 01:00 (UTC−2), i.e. 03:00Z.
  const primeiro = local - offsetBrasiliaMinutos(local + 3 * HORA_MS) * 60_000;
  const off = offsetBrasiliaMinutos(primeiro);
  return local - off * 60_000 === primeiro ? primeiro : Math.max(primeiro, local - off * 60_000);
}

/** Epoch ms of 23:59:59 Brasília time of a civil day: the `limite` of a prazo ending that day. */
export function limiteDoDia(n: number): number {
  return inicioDoDiaBrasilia(n + 1) - 1000;
}

/** Civil day (in Brasília) of an instant. */
export function diaCivilBrasilia(epochMs: number): number {
  return Math.floor((epochMs + offsetBrasiliaMinutos(epochMs) * 60_000) / MS_POR_DIA);
}

/** Epoch ms → '2026-09-08T23:59:59-03:00' (Brasília time, whole seconds; milliseconds shown only when present). */
export function formatarInstanteBrasilia(epochMs: number): string {
  const off = offsetBrasiliaMinutos(epochMs);
  const local = epochMs + off * 60_000;
  const dia = Math.floor(local / MS_POR_DIA);
  let resto = local - dia * MS_POR_DIA;
  const h = Math.floor(resto / 3_600_000);
  resto -= h * 3_600_000;
  const mi = Math.floor(resto / 60_000);
  resto -= mi * 60_000;
  const s = Math.floor(resto / 1000);
  const ms = resto - s * 1000;
  const frac = ms ? '.' + String(ms).padStart(3, '0') : '';
  return `${formatarData(dia)}T${d2(h)}:${d2(mi)}:${d2(s)}${frac}${formatarOffset(off)}`;
}

const RE_INSTANTE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * Parses an instant: ISO 8601 with an explicit offset ('2026-09-09T02:59:59Z',
 * '2026-09-08T23:59:59-03:00'), epoch milliseconds or a Date. A string without
 * offset is refused: the same wall-clock time means different instants in
 * different zones, and seed 002 art. 18 VII makes the sender's zone irrelevant.
 */
export function lerInstante(valor: unknown, campo: string): number {
  if (valor instanceof Date) valor = valor.getTime();
  if (typeof valor === 'number') {
    if (!Number.isFinite(valor)) throw new ErroEntrada(campo, `instante inválido.`);
    return Math.floor(valor);
  }
  if (typeof valor !== 'string') {
    throw new ErroEntrada(campo, `informe um instante ISO 8601 com fuso (ex.: 2026-09-08T23:59:59-03:00) ou milissegundos desde 1970 (UTC).`);
  }
  const m = RE_INSTANTE.exec(valor.trim());
  if (!m) {
    const semFuso = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?$/.test(valor.trim());
    throw new ErroEntrada(
      campo,
      semFuso
        ? `"${valor}" não tem fuso horário; acrescente "-03:00" (horário de Brasília) ou "Z" (UTC).`
        : `"${valor}" não é um instante ISO 8601 (ex.: 2026-09-08T23:59:59-03:00).`,
    );
  }
  const [, a, me, di, h, mi, s, frac, z, sinal, oh, om] = m;
  const dia = lerData(`${a}-${me}-${di}`, campo);
  const hh = Number(h);
  const mm = Number(mi);
  const ss = s ? Number(s) : 0;
  if (hh > 23 || mm > 59 || ss > 59) throw new ErroEntrada(campo, `hora inválida em "${valor}".`);
  let offMin = 0;
  if (!z) {
    const ohn = Number(oh);
    const omn = Number(om);
    if (ohn > 14 || omn > 59) throw new ErroEntrada(campo, `fuso inválido em "${valor}".`);
    offMin = (sinal === '-' ? -1 : 1) * (ohn * 60 + omn);
  }
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  return dia * MS_POR_DIA + hh * 3_600_000 + mm * 60_000 + ss * 1000 + ms - offMin * 60_000;
}

/** Accepts a civil date 'YYYY-MM-DD' or an instant; returns its civil day in Brasília. */
export function lerDataOuInstante(valor: unknown, campo: string): number {
  if (typeof valor === 'string' && RE_DATA.test(valor)) return lerData(valor, campo);
  return diaCivilBrasilia(lerInstante(valor, campo));
}
