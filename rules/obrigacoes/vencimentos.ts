/**
 * Due dates of the periodic obligations of seed 003, counted on the
 * business-day calendar of the place where the obligation is delivered (the
 * COOIE's seat: whose calendar, DOMAIN rule 10):
 *
 * - Relatório Anual (Portaria E/COIE.E nº 02/2001): "deve ser entregue até o
 *   último dia útil do mês de maio do ano em curso", with the final results of
 *   the previous ano letivo.
 * - RGA — Registro Geral de Alunos (Deliberação CEE nº 345/2014, alterada pela
 *   Deliberação CEE nº 368/2018, art. 66): "deve ser entregue à equipe de
 *   inspeção escolar até o 10º dia útil de cada mês".
 *
 * The 10th business day of a month is counted from the month's own first day:
 * the first business day on or after the 1st is day 1. It is NOT "10 dias
 * úteis" counted from the previous month's last day: when that day is a
 * weekend or holiday, a prazo counted from it would start one business day
 * later (ciência deemed on the next business day, count from the day after).
 *
 * Pure and deterministic: only imports the calendar (rules/calendario).
 */
import {
  criarCalendario,
  diaDaSemana,
  diaDoCivil,
  formatarData,
  formatarDataBR,
  formatarInstanteBrasilia,
  lerData,
  limiteDoDia,
  type Calendario,
  type NaoUtil,
  type DataCivil,
  type DiaDecretado,
  type Local,
  type OpcoesCalendario,
} from '../calendario';

export const FONTE_RELATORIO_ANUAL = 'Portaria E/COIE.E nº 02/2001';
export const FONTE_RGA = 'Deliberação CEE nº 345/2014, alterada pela Deliberação CEE nº 368/2018, art. 66';
/** "até o 10º dia útil de cada mês". */
export const DIA_UTIL_DO_RGA = 10;
/** "até o último dia útil do mês de maio". */
export const MES_DO_RELATORIO_ANUAL = 5;

export const NOMES_MESES = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'] as const;

/** Where the due date is counted: the place (UF, município, unit) and the decreed days and municipal holidays in force there. */
export interface CalendarioDaEntrega {
  readonly local: Local;
  readonly diasDecretados?: readonly DiaDecretado[];
  readonly opcoes?: OpcoesCalendario;
}

export interface Vencimento {
  /** Last day for delivery (inclusive). */
  readonly data: DataCivil;
  /** 23:59:59 Brasília time of that day (DOMAIN rule 4), ISO with offset. */
  readonly limite: string;
  /** The same instant in epoch milliseconds. */
  readonly limiteMs: number;
  readonly fonte: string;
  /** pt-BR: how the date was found, naming every weekday skipped and why. */
  readonly explicacao: string;
}

function lerMes(ano: number, mes: number): void {
  if (!Number.isInteger(ano)) throw new RangeError('ano: informe um ano inteiro');
  if (!Number.isInteger(mes) || mes < 1 || mes > 12) throw new RangeError('mes: informe um mês de 1 a 12');
}

const ultimoDiaDoMes = (ano: number, mes: number) => diaDoCivil(mes === 12 ? ano + 1 : ano, mes === 12 ? 1 : mes + 1, 1) - 1;

const ART_66_1 = 'Lei 9.784/1999, art. 66, § 1º';
const INDISPONIBILIDADE = 'Instrução Normativa SEI-MEC (DOU de 16/10/2025), art. 18, VI; Lei 11.419/2006, art. 10, § 2º';

/**
 * A due date is the last day of a prazo: on a day without expediente, with
 * reduced expediente or with rito unavailable, none ends; it is prolonged to
 * the next day on which one may (DOMAIN rules 3 and 10). Returns that day and,
 * if it moved, why, in pt-BR.
 */
function prorrogar(cal: Calendario, dia: number): { dia: number; porque?: string } {
  if (cal.podeVencer(dia)) return { dia };
  let d = dia;
  while (!cal.podeVencer(d)) d++;
  const sem = cal.motivoNaoUtil(dia);
  const r = cal.restricao(dia);
  const porque = sem
    ? `${formatarDataBR(dia)} ficou sem expediente: ${sem}; prorrogado para ${formatarDataBR(d)} (${ART_66_1}).`
    : r?.tipo === 'expediente-parcial'
      ? `${formatarDataBR(dia)} tem expediente reduzido: ${r.motivo}; nenhum prazo vence em dia assim: prorrogado para ${formatarDataBR(d)} (${ART_66_1}).`
      : `${formatarDataBR(dia)} teve indisponibilidade do sistema: ${r?.motivo ?? ''}; prorrogado para ${formatarDataBR(d)} (${INDISPONIBILIDADE}).`;
  return { dia: d, porque };
}

function vencimento(dia: number, fonte: string, explicacao: string): Vencimento {
  const limiteMs = limiteDoDia(dia);
  return { data: formatarData(dia), limite: formatarInstanteBrasilia(limiteMs), limiteMs, fonte, explicacao };
}

/** "sex 03/04/2026, Feriado nacional — …" for the Monday–Friday days a count skipped; weekends go without saying. */
function pulados(cal: Calendario, de: number, ate: number): string[] {
  const out: string[] = [];
  const naoUteis: NaoUtil[] = [];
  if (de <= ate) cal.naoUteisEntre(de, ate, naoUteis);
  for (const { data, motivo } of naoUteis) {
    const d = lerData(data, 'data');
    const w = diaDaSemana(d);
    if (w !== 0 && w !== 6) out.push(`${formatarDataBR(d)}, ${motivo}`);
  }
  return out;
}

/**
 * Due date of the RGA of month `mes` of `ano` (the month named in the file,
 * RGA<ano>.<MÊS>): the 10th business day of that month at the place of
 * delivery. Decreed days without expediente are not counted; a day of reduced
 * expediente counts, but if the 10th falls on one (or on an outage of rito)
 * the date is prolonged to the next day on which a prazo may end (DOMAIN
 * rule 10).
 */
export function vencimentoRga(ano: number, mes: number, onde: CalendarioDaEntrega): Vencimento {
  lerMes(ano, mes);
  const cal = criarCalendario(onde.local, onde.diasDecretados, onde.opcoes);
  const primeiro = diaDoCivil(ano, mes, 1);
  // A lookup in the month's running count of business days (rules/calendario/indice.ts).
  const dia = cal.enesimoDiaUtilApos(cal.proximoDiaUtil(primeiro), DIA_UTIL_DO_RGA - 1);
  const sem = pulados(cal, primeiro, dia);
  const prorrogado = prorrogar(cal, dia);
  const explicacao =
    `RGA de ${NOMES_MESES[mes - 1]}/${ano}: entrega até o ${DIA_UTIL_DO_RGA}º dia útil do mês (${FONTE_RGA}), ` +
    `contado a partir de 01/${String(mes).padStart(2, '0')}/${ano}: ${formatarDataBR(dia)}` +
    (sem.length ? `; dias não úteis no mês até lá, além dos fins de semana: ${sem.join('; ')}.` : '; sem feriado nem dia sem expediente no caminho, só fins de semana.') +
    (prorrogado.porque ? ` ${prorrogado.porque}` : '');
  return vencimento(prorrogado.dia, FONTE_RGA, explicacao);
}

/**
 * Due date of the Relatório Anual delivered in `anoDeEntrega` (results of the
 * ano letivo `anoDeEntrega - 1`): the last business day of May.
 *
 * CHOICE — the last business day of May is found on the calendar of holidays
 * by law (national, state, municipal); a day decreed without (full)
 * expediente on it, or an outage of rito, does not shorten the time: the date
 * is then prolonged to the next day on which a prazo may end (Lei 9.784/1999,
 * art. 66, § 1º; DOMAIN rules 3 and 10), as for any prazo, rather than moved
 * back to an earlier day of May.
 */
export function vencimentoRelatorioAnual(anoDeEntrega: number, onde: CalendarioDaEntrega): Vencimento & { readonly anoLetivo: number } {
  lerMes(anoDeEntrega, MES_DO_RELATORIO_ANUAL);
  const porLei = criarCalendario(onde.local, [], onde.opcoes);
  const cal = criarCalendario(onde.local, onde.diasDecretados, onde.opcoes);
  const fim = ultimoDiaDoMes(anoDeEntrega, MES_DO_RELATORIO_ANUAL);
  let ultimo = fim;
  while (!porLei.ehDiaUtil(ultimo)) ultimo--;
  const { dia, porque } = prorrogar(cal, ultimo);
  const sem = pulados(porLei, ultimo + 1, fim);
  let explicacao =
    `Relatório Anual do ano letivo de ${anoDeEntrega - 1}: entrega até o último dia útil de maio de ${anoDeEntrega} (${FONTE_RELATORIO_ANUAL}): ${formatarDataBR(ultimo)}` +
    (sem.length ? `; depois dele, em maio: ${sem.join('; ')}` : ultimo < fim ? ' (os dias seguintes de maio caem no fim de semana)' : '') +
    '.';
  if (porque) explicacao += ` ${porque}`;
  return { ...vencimento(dia, FONTE_RELATORIO_ANUAL, explicacao), anoLetivo: anoDeEntrega - 1 };
}

// ------------------------------------------------------------------ who owes what, per period

/** What an institution offers, as the Portaria and art. 66 distinguish it. */
export const OFERTAS = {
  'educacao-infantil': 'Educação Infantil',
  'ensino-fundamental': 'Ensino Fundamental',
  'ensino-medio': 'Ensino Médio',
  'educacao-profissional': 'Educação Profissional',
  eja: 'Educação de Jovens e Adultos',
} as const;
export type Oferta = keyof typeof OFERTAS;

/**
 * "que ministrem o Ensino Fundamental, Ensino Médio, Educação Profissional ou
 * Educação de Jovens e Adultos, presencial ou a distância" (Portaria E/COIE.E
 * nº 02/2001): a school of Educação Infantil only does not owe it.
 */
export const OFERTAS_DO_RELATORIO_ANUAL: readonly Oferta[] = ['ensino-fundamental', 'ensino-medio', 'educacao-profissional', 'eja'];

export interface InstituicaoObrigada {
  readonly ofertas: readonly Oferta[];
  /** Offers courses in the modalidade a distância (art. 66: "toda instituição de educação à distância"). */
  readonly ead: boolean;
}

export function deveRelatorioAnual(i: InstituicaoObrigada): boolean {
  return i.ofertas.some((o) => OFERTAS_DO_RELATORIO_ANUAL.includes(o));
}

export function deveRga(i: InstituicaoObrigada): boolean {
  return i.ead;
}

export type TipoObrigacao = 'relatorio-anual' | 'rga';

export interface ObrigacaoPeriodica {
  readonly tipo: TipoObrigacao;
  /** Relatório Anual: the ano letivo reported ('2025'); RGA: the month ('2026-03'). */
  readonly referencia: string;
  /** pt-BR: 'Relatório Anual do ano letivo de 2025', 'RGA de março/2026'. */
  readonly titulo: string;
  readonly vencimento: Vencimento;
}

/** The obligations an institution owes in a calendar year, with their due dates, in date order. */
export function obrigacoesDoAno(ano: number, instituicao: InstituicaoObrigada, onde: CalendarioDaEntrega): ObrigacaoPeriodica[] {
  const out: ObrigacaoPeriodica[] = [];
  if (deveRelatorioAnual(instituicao)) {
    out.push({ tipo: 'relatorio-anual', referencia: String(ano - 1), titulo: `Relatório Anual do ano letivo de ${ano - 1}`, vencimento: vencimentoRelatorioAnual(ano, onde) });
  }
  if (deveRga(instituicao)) {
    for (let mes = 1; mes <= 12; mes++) {
      out.push({ tipo: 'rga', referencia: `${ano}-${String(mes).padStart(2, '0')}`, titulo: `RGA de ${NOMES_MESES[mes - 1]}/${ano}`, vencimento: vencimentoRga(ano, mes, onde) });
    }
  }
  return out.sort((a, b) => a.vencimento.limiteMs - b.vencimento.limiteMs || (a.tipo < b.tipo ? -1 : a.tipo > b.tipo ? 1 : 0));
}

/** Not delivered and `agoraMs` is past 23:59:59 Brasília of the due date (DOMAIN rule 4): overdue. */
export function emAtraso(v: Vencimento, agoraMs: number): boolean {
  return agoraMs > v.limiteMs;
}

/** Delivered at `entregueEmMs`: in time up to 23:59:59 Brasília of the due date, whatever the sender's time zone. */
export function entregueNoPrazo(v: Vencimento, entregueEmMs: number): boolean {
  return entregueEmMs <= v.limiteMs;
}
