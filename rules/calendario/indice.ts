/**
 * The index of one year's business days at one place: a flag per day, the
 * reason of each non-business day, the running count of business days and the
 * sorted list of non-business days. With it "is this a business day", "the
 * next business day", "the Nth business day after" and "the non-business days
 * between two dates" are lookups (an array read or a binary search over one
 * year), not walks day by day.
 *
 * The index by law (weekends, national, state and municipal holidays) depends
 * only on the static tables or on the municipal holidays passed in, so it is
 * built once per (year, UF, municipal holidays) and memoised here; decreed days
 * are laid over it per calendar (sobrepor). Pure: no clock, no I/O; the memo
 * only ever holds what the same inputs would rebuild, so workflow code may
 * share it.
 */
import { diaDaSemana, diaDoCivil, formatarData } from './datas';
import type { NaoUtil } from './tipos';

/** Holidays of a year: day number → reasons. */
export type Indice = ReadonlyMap<number, readonly string[]>;

export interface AnoIndexado {
  readonly ano: number;
  /** Day numbers of 1 January and 31 December. */
  readonly inicio: number;
  readonly fim: number;
  /** 1 for a business day, by position (day − inicio). */
  readonly util: Uint8Array;
  /** Business days in [inicio, inicio + i]. */
  readonly acum: Int32Array;
  /** Why each non-business day is not one ("Sábado; Feriado nacional — …"); undefined for business days. */
  readonly motivos: readonly (string | undefined)[];
  /** The non-business days, in order, as the engine reports them (frozen: shared by every result). */
  readonly naoUteis: readonly NaoUtil[];
  /** Their day numbers, for binary search. */
  readonly diasNaoUteis: Int32Array;
  /** Holidays by law of the year (any weekday), for feriadosDoAno. */
  readonly feriados: Indice;
}

function montar(ano: number, inicio: number, fim: number, motivos: (string | undefined)[], feriados: Indice, reaproveitar?: AnoIndexado): AnoIndexado {
  const n = fim - inicio + 1;
  const util = new Uint8Array(n);
  const acum = new Int32Array(n);
  const naoUteis: NaoUtil[] = [];
  const dias: number[] = [];
  let conta = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const motivo = motivos[i];
    if (motivo === undefined) {
      util[i] = 1;
      conta++;
    } else {
      // A day whose reason did not change keeps its record (same object as the index by law).
      while (reaproveitar && j < reaproveitar.diasNaoUteis.length && reaproveitar.diasNaoUteis[j] < inicio + i) j++;
      const antigo = reaproveitar && reaproveitar.diasNaoUteis[j] === inicio + i ? reaproveitar.naoUteis[j] : undefined;
      naoUteis.push(antigo && antigo.motivo === motivo ? antigo : Object.freeze({ data: formatarData(inicio + i), motivo }));
      dias.push(inicio + i);
    }
    acum[i] = conta;
  }
  return { ano, inicio, fim, util, acum, motivos, naoUteis, diasNaoUteis: Int32Array.from(dias), feriados };
}

const memo = new Map<string, AnoIndexado>();
/** Years × places × municipal tables kept; past it the memo starts over (a bound, not a policy: any entry rebuilds the same). */
const MEMO_MAXIMO = 2000;

/**
 * The index by law of `ano` for the holidays `feriados` (built by `construir`
 * on first use). `chave` names what the holidays depend on (UF and municipal
 * table).
 */
export function anoPorLei(ano: number, chave: string, construir: () => Indice): AnoIndexado {
  const k = `${ano}|${chave}`;
  const pronto = memo.get(k);
  if (pronto) return pronto;
  const feriados = construir();
  const inicio = diaDoCivil(ano, 1, 1);
  const fim = diaDoCivil(ano, 12, 31);
  const motivos: (string | undefined)[] = new Array(fim - inicio + 1);
  for (let dia = inicio; dia <= fim; dia++) {
    const w = diaDaSemana(dia);
    const f = feriados.get(dia);
    const fds = w === 6 ? 'Sábado' : w === 0 ? 'Domingo' : undefined;
    motivos[dia - inicio] = f ? (fds ? `${fds}; ${f.join('; ')}` : f.join('; ')) : fds;
  }
  const indexado = montar(ano, inicio, fim, motivos, feriados);
  if (memo.size >= MEMO_MAXIMO) memo.clear();
  memo.set(k, indexado);
  return indexado;
}

/** The index with decreed days without expediente laid over it (their reasons after the law's); the same object when none falls in the year. */
export function sobrepor(base: AnoIndexado, decretados: ReadonlyMap<number, readonly string[]>): AnoIndexado {
  let motivos: (string | undefined)[] | undefined;
  for (const [dia, razoes] of decretados) {
    if (dia < base.inicio || dia > base.fim) continue;
    motivos ??= [...base.motivos];
    const i = dia - base.inicio;
    const d = razoes.join('; ');
    motivos[i] = motivos[i] === undefined ? d : `${motivos[i]}; ${d}`;
  }
  return motivos ? montar(base.ano, base.inicio, base.fim, motivos, base.feriados, base) : base;
}

/** First position i ≥ de with acum[i] ≥ alvo (acum is non-decreasing); acum.length when none. */
export function primeiraPosicao(acum: Int32Array, alvo: number, de = 0): number {
  let lo = de;
  let hi = acum.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (acum[m] < alvo) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/** First position i with dias[i] ≥ dia. */
export function posicaoDoDia(dias: Int32Array, dia: number): number {
  let lo = 0;
  let hi = dias.length;
  while (lo < hi) {
    const m = (lo + hi) >>> 1;
    if (dias[m] < dia) lo = m + 1;
    else hi = m;
  }
  return lo;
}
