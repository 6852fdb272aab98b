/**
 * The bimonthly consolidation (Portaria Interministerial MEC/MC nº 3/2022, art. 3º):
 * the monthly apurações are "consolidado[s] bimestralmente … conforme calendário
 * unificado entre o Ministério da Educação e Ministério da Cidadania", in five
 * periods a year (fev–mar, abr–mai, jun–jul, ago–set, out–nov); every student
 * below the minimum needs a motivo de baixa frequência registered (art. 3º § 2º)
 * before the period's window closes (art. 8º § 2º).
 *
 * The Ministries publish each year's calendar (art. 4º VII, art. 5º VII). The
 * seeds give none, so each year's windows are data, with their source: rows of
 * table janela_registro_frequencia an administrador records from the published
 * act (PUT /v1/acompanhamento/janelas/{ano}/{periodo}), passed in here. A period
 * without a row gets rito's DEFAULT window, marked as such (`padrao: true`): from
 * the 1st to the last day of the month that follows the period (choice: the
 * apuração of a month can only close after it; one month is the span the Sistema
 * Presença's collection has kept).
 *
 * Pure: safe to import from Temporal workflow code.
 */

export const PERIODOS = [
  { numero: 1, meses: [2, 3], rotulo: 'fevereiro–março' },
  { numero: 2, meses: [4, 5], rotulo: 'abril–maio' },
  { numero: 3, meses: [6, 7], rotulo: 'junho–julho' },
  { numero: 4, meses: [8, 9], rotulo: 'agosto–setembro' },
  { numero: 5, meses: [10, 11], rotulo: 'outubro–novembro' },
] as const;

export type NumeroPeriodo = (typeof PERIODOS)[number]['numero'];

export interface Janela {
  ano: number;
  periodo: NumeroPeriodo;
  /** 'YYYY-MM-DD', first and last day of the registration (inclusive). */
  inicio: string;
  fim: string;
  fonte: string;
  /** true: rito's default (no published calendar recorded for the year). */
  padrao: boolean;
}

export const FONTE_JANELA_PADRAO =
  'Padrão do rito (a semente não traz o calendário anual do MEC/MDS): do 1º ao último dia do mês seguinte ao período; substitua pelo calendário publicado (Portaria Interministerial MEC/MC nº 3/2022, arts. 3º e 5º, VII).';

const dois = (n: number) => String(n).padStart(2, '0');
const ultimoDia = (ano: number, mes: number) => new Date(Date.UTC(ano, mes, 0)).getUTCDate();

/** The period a 'YYYY-MM' month belongs to; null for January and December (no period). */
export function periodoDoMes(mes: string): { ano: number; periodo: NumeroPeriodo } | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(mes);
  if (!m) throw new RangeError('mês inválido: use AAAA-MM');
  const p = PERIODOS.find((x) => (x.meses as readonly number[]).includes(Number(m[2])));
  return p ? { ano: Number(m[1]), periodo: p.numero } : null;
}

/** The months of a period, 'YYYY-MM'. */
export function mesesDoPeriodo(ano: number, periodo: NumeroPeriodo): string[] {
  const p = PERIODOS.find((x) => x.numero === periodo);
  if (!p) throw new RangeError('período: de 1 a 5');
  return p.meses.map((m) => `${ano}-${dois(m)}`);
}

/** The window of a period: the published one among `publicadas` (table janela_registro_frequencia), else rito's default. */
export function janelaDoPeriodo(ano: number, periodo: NumeroPeriodo, publicadas: readonly Janela[] = []): Janela {
  const publicada = publicadas.find((j) => j.ano === ano && j.periodo === periodo);
  if (publicada) return publicada;
  const p = PERIODOS.find((x) => x.numero === periodo);
  if (!p) throw new RangeError('período: de 1 a 5');
  const mes = p.meses[1] + 1;
  return { ano, periodo, inicio: `${ano}-${dois(mes)}-01`, fim: `${ano}-${dois(mes)}-${dois(ultimoDia(ano, mes))}`, fonte: FONTE_JANELA_PADRAO, padrao: true };
}

/**
 * Calendar days the window still has on `hoje` ('YYYY-MM-DD'), counting today:
 * the last day still counts 1; after the end, 0. Before the window opens, its full length.
 */
export function diasRestantes(janela: Pick<Janela, 'inicio' | 'fim'>, hoje: string): number {
  const dia = (s: string) => Date.parse(`${s}T00:00:00Z`) / 86_400_000;
  const desde = Math.max(dia(hoje), dia(janela.inicio));
  return Math.max(0, dia(janela.fim) - desde + 1);
}
