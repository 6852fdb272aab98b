/**
 * State (and DF) holidays of the 27 UFs, as data: each row with its act, its
 * validity and where it was found. Source of every row:
 * shared/reference/feriados-estaduais.md (collected from public sources on
 * 2026-11-29), whose marks are kept in `conferencia`:
 *   - 'texto-visto' [V]: the text was seen in the cited source;
 *   - 'conjunto-de-dados' [code]: only in public holiday datasets (holidata
 *     BR.py, feriados.js), some of them out of date;
 *   - 'divergente' [?]: the sources disagree (on the act, or on the day).
 * A UF with any row short of 'texto-visto' is reported in the calculations'
 * avisos (`avisoEstadual`), so that a servidor checks it against the law; it
 * can be corrected meanwhile with decreed days of escopo "uf".
 *
 * `desde`: where the act's date is not in the source, the first of January of
 * the act's year (the calendar starts in 2010, so only acts of 2010 onwards
 * need it); said in `fonte`. Days a state only declares ponto facultativo (CE
 * 19/03, PR 19/12) are not holidays and are not here.
 */
import type { DataCivil } from './datas';
import type { UF } from './tipos';

/** How a row was checked (see the header). */
export type Conferencia = 'texto-visto' | 'conjunto-de-dados' | 'divergente';

export interface RegraFeriado {
  /**
   * Fixed date 'MM-DD' (optionally moved by weekday: `mover[w]` days when the
   * date falls on weekday w, 0 = Sunday), or `pascoa`: days from Easter Sunday
   * (−47 Carnival Tuesday, −2 Good Friday, +8 the Monday after Low Sunday).
   */
  quando: { dia: string; mover?: Readonly<Partial<Record<number, number>>> } | { pascoa: number };
  nome: string;
  atoLegal: string;
  /** The rule applies to holidays falling on or after / on or before these dates. */
  desde?: DataCivil;
  ate?: DataCivil;
  /** Where the row comes from, and anything uncertain about it. */
  fonte?: string;
  conferencia?: Conferencia;
}

const REF = 'shared/reference/feriados-estaduais.md';
const V = { conferencia: 'texto-visto' as const, fonte: `${REF} [V]` };
const CODE = { conferencia: 'conjunto-de-dados' as const, fonte: `${REF} [code]: só em conjuntos de dados públicos (holidata BR.py, feriados.js)` };
const anoDoAto = (ano: number) => ({ desde: `${ano}-01-01` });
const ANO_DO_ATO = 'início: 1º de janeiro do ano do ato (data de publicação não conferida)';

/** Dia do Evangélico in Alagoas: on a Tuesday it moves to the Monday, on a Thursday to the Friday (Lei Estadual 7.530/2013). */
const SEGUNDA_SE_TERCA_SEXTA_SE_QUINTA = { 2: -1, 4: +1 };
/** Santa Catarina's Data Magna is kept on the following Sunday (a Sunday stays). */
const DOMINGO_SEGUINTE = { 1: 6, 2: 5, 3: 4, 4: 3, 5: 2, 6: 1 };

export const FERIADOS_ESTADUAIS: Readonly<Record<UF, readonly RegraFeriado[]>> = {
  AC: [
    { quando: { dia: '01-23' }, nome: 'Dia do Evangélico', atoLegal: 'Lei Estadual 1.538/2004', ...CODE },
    { quando: { dia: '03-08' }, nome: 'Dia Internacional da Mulher', atoLegal: 'Lei Estadual 1.411/2001', ...CODE },
    { quando: { dia: '06-15' }, nome: 'Aniversário do Estado', atoLegal: 'Lei Estadual 14/1964', ...CODE },
    { quando: { dia: '09-05' }, nome: 'Dia da Amazônia', atoLegal: 'Lei Estadual 1.526/2004 (ou 243/1968)', conferencia: 'divergente', fonte: `${REF} [?]: o ato diverge entre as fontes (1.526/2004 ou 243/1968)` },
    { quando: { dia: '11-17' }, nome: 'Assinatura do Tratado de Petrópolis', atoLegal: 'Lei Estadual 57/1965', ...CODE },
  ],
  AL: [
    { quando: { dia: '06-24' }, nome: 'São João', atoLegal: 'Lei Estadual 5.508/1993', ...V },
    { quando: { dia: '06-29' }, nome: 'São Pedro', atoLegal: 'Lei Estadual 5.509/1993', ...V },
    { quando: { dia: '09-16' }, nome: 'Emancipação Política de Alagoas', atoLegal: 'Lei Estadual 5.247/1991', conferencia: 'divergente', fonte: `${REF} [V], mas o ato diverge entre as fontes [?]` },
    {
      quando: { dia: '11-30', mover: SEGUNDA_SE_TERCA_SEXTA_SE_QUINTA },
      nome: 'Dia do Evangélico',
      atoLegal: 'Lei Estadual 7.530/2013',
      ...anoDoAto(2013),
      conferencia: 'texto-visto',
      fonte: `${REF} [V]; transferido para segunda-feira se cair na terça e para sexta-feira se cair na quinta; ${ANO_DO_ATO}`,
    },
  ],
  AM: [{ quando: { dia: '09-05' }, nome: 'Elevação do Amazonas à categoria de Província', atoLegal: 'Lei Estadual 25/1977', ...CODE }],
  AP: [
    { quando: { dia: '03-19' }, nome: 'Dia de São José', atoLegal: 'Lei Estadual 667/2002', ...CODE },
    { quando: { dia: '09-13' }, nome: 'Criação do Território Federal do Amapá', atoLegal: 'Constituição do Estado do Amapá', conferencia: 'divergente', fonte: `${REF} [code] [?]: o ato não foi conferido` },
  ],
  BA: [{ quando: { dia: '07-02' }, nome: 'Independência da Bahia', atoLegal: 'Constituição do Estado da Bahia', ...V }],
  CE: [
    {
      quando: { dia: '03-25' },
      nome: 'Data Magna do Ceará',
      atoLegal: 'Emenda à Constituição do Estado do Ceará (2011)',
      ...anoDoAto(2011),
      conferencia: 'texto-visto',
      fonte: `${REF} [V]; ${ANO_DO_ATO}. 19/03 (São José) é só ponto facultativo`,
    },
  ],
  DF: [
    // Also Tiradentes (national): the day is shown with both reasons.
    { quando: { dia: '04-21' }, nome: 'Fundação de Brasília', atoLegal: 'Lei Orgânica do Distrito Federal', ...CODE },
    { quando: { dia: '11-30' }, nome: 'Dia do Evangélico', atoLegal: 'Lei Distrital 963/1995', ...CODE },
  ],
  ES: [
    {
      quando: { pascoa: 8 },
      nome: 'Nossa Senhora da Penha',
      atoLegal: 'Lei Estadual 11.010/2019',
      ...anoDoAto(2019),
      conferencia: 'texto-visto',
      fonte: `${REF} [V]: segunda-feira oito dias depois da Páscoa; ${ANO_DO_ATO}`,
    },
  ],
  GO: [
    {
      quando: { dia: '07-26' },
      nome: 'Fundação da Cidade de Goiás',
      atoLegal: 'Lei Estadual 20.756/2020, art. 269',
      ...anoDoAto(2020),
      conferencia: 'texto-visto',
      fonte: `${REF} [V]; ${ANO_DO_ATO}. 24/10 como feriado estadual é incerto [?] e não foi incluído`,
    },
  ],
  MA: [{ quando: { dia: '07-28' }, nome: 'Adesão do Maranhão à Independência do Brasil', atoLegal: 'Lei Estadual 2.457/1964', ...CODE }],
  // Also Tiradentes (national).
  MG: [{ quando: { dia: '04-21' }, nome: 'Data Magna de Minas Gerais', atoLegal: 'Constituição do Estado de Minas Gerais, art. 256', ...CODE }],
  MS: [{ quando: { dia: '10-11' }, nome: 'Criação do Estado de Mato Grosso do Sul', atoLegal: 'Lei Estadual 10/1979', ...CODE }],
  // None since 20/11 became national (reference [code]); the state 20/11 before 2024 is not recorded.
  MT: [],
  PA: [{ quando: { dia: '08-15' }, nome: 'Adesão do Grão-Pará à Independência do Brasil', atoLegal: 'Lei Estadual 5.999/1996', ...CODE }],
  PB: [
    {
      quando: { dia: '08-05' },
      nome: 'Fundação do Estado da Paraíba',
      atoLegal: 'Lei Estadual 10.601/2015',
      ...anoDoAto(2015),
      conferencia: 'texto-visto',
      fonte: `${REF} [V]; a mesma lei revogou o feriado de 26/07 (não registrado antes dela); ${ANO_DO_ATO}`,
    },
  ],
  PE: [
    {
      quando: { dia: '03-06' },
      nome: 'Data Magna de Pernambuco (Revolução Pernambucana)',
      atoLegal: 'Lei Estadual 16.059/2017',
      ...anoDoAto(2017),
      conferencia: 'texto-visto',
      fonte: `${REF} [V]; ${ANO_DO_ATO}`,
    },
  ],
  PI: [{ quando: { dia: '10-19' }, nome: 'Dia do Piauí', atoLegal: 'Lei Estadual 176/1937', ...CODE }],
  // None: 19/12 is ponto facultativo since Lei Estadual 18.384/2014 (reference [V]).
  PR: [],
  RJ: [
    { quando: { pascoa: -47 }, nome: 'Terça-feira de Carnaval', atoLegal: 'Lei Estadual 5.243/2008', desde: '2008-05-14', ...V },
    { quando: { dia: '04-23' }, nome: 'Dia de São Jorge', atoLegal: 'Lei Estadual 5.198/2008', desde: '2008-03-05', ...V, fonte: `${REF} [V]; mantida pelo STF na ADI 4.092` },
    {
      quando: { dia: '11-20' },
      nome: 'Dia de Zumbi dos Palmares e da Consciência Negra',
      atoLegal: 'Lei Estadual 4.007/2002',
      desde: '2002-11-11',
      // From 2024 the day is a national holiday (Lei 14.759/2023); shown with the national reason only.
      ate: '2023-12-21',
      conferencia: 'texto-visto',
      fonte: 'Lei Estadual 4.007/2002; nacional desde a Lei 14.759/2023',
    },
  ],
  RN: [{ quando: { dia: '10-03' }, nome: 'Mártires de Cunhaú e Uruaçu', atoLegal: 'Lei Estadual 8.913/2006', ...V }],
  // 18/06 was struck down by the STF (ADI 3.940).
  RO: [{ quando: { dia: '01-04' }, nome: 'Criação do Estado de Rondônia (Data Magna)', atoLegal: 'Lei Estadual 2.291/2010', ...anoDoAto(2010), conferencia: 'texto-visto', fonte: `${REF} [V]; ${ANO_DO_ATO}` }],
  RR: [{ quando: { dia: '10-05' }, nome: 'Criação do Estado de Roraima', atoLegal: 'Constituição do Estado de Roraima', ...CODE }],
  RS: [{ quando: { dia: '09-20' }, nome: 'Revolução Farroupilha', atoLegal: 'Constituição do Estado do Rio Grande do Sul; Decreto Estadual 36.180/1995', ...V }],
  SC: [
    {
      quando: { dia: '08-11', mover: DOMINGO_SEGUINTE },
      nome: 'Data Magna de Santa Catarina',
      atoLegal: 'Lei Estadual 12.906/2004 (ou 16.719/2015)',
      conferencia: 'divergente',
      fonte: `${REF} [V] para a transferência ao domingo seguinte; o ato diverge entre as fontes [?]`,
    },
  ],
  SE: [{ quando: { dia: '07-08' }, nome: 'Emancipação Política de Sergipe', atoLegal: 'Constituição do Estado de Sergipe', ...CODE }],
  SP: [{ quando: { dia: '07-09' }, nome: 'Revolução Constitucionalista de 1932 (Data Magna)', atoLegal: 'Lei Estadual 9.497/1997', ...V }],
  TO: [
    { quando: { dia: '03-18' }, nome: 'Autonomia do Estado do Tocantins', atoLegal: 'Lei Estadual 960/1998', ...CODE },
    { quando: { dia: '09-08' }, nome: 'Nossa Senhora da Natividade', atoLegal: 'Lei Estadual 627/1993', ...CODE },
    { quando: { dia: '10-05' }, nome: 'Criação do Estado do Tocantins', atoLegal: 'Lei Estadual 98/1989', ...CODE },
  ],
};

/** How the UFs without rows were checked (reference): PR seen in the law, MT only in datasets. */
const CONFERENCIA_SEM_FERIADOS: Partial<Record<UF, Conferencia>> = { PR: 'texto-visto', MT: 'conjunto-de-dados' };

/** The pt-BR warning for a UF whose state holidays are not all seen in their source, or undefined. */
export function avisoEstadual(uf: UF): string | undefined {
  const regras = FERIADOS_ESTADUAIS[uf];
  const incertas = regras.filter((r) => r.conferencia !== 'texto-visto');
  if (regras.length === 0 && CONFERENCIA_SEM_FERIADOS[uf] === 'texto-visto') return undefined;
  if (regras.length && incertas.length === 0) return undefined;
  const quais = regras.length ? incertas.map((r) => `${r.nome} (${r.atoLegal})`).join('; ') : 'a ausência de feriado estadual';
  return (
    `Feriados estaduais de ${uf} não conferidos com o texto da lei: ${quais}. ` +
    'Confira-os; um dia que falte pode ser informado como dia decretado de escopo "uf".'
  );
}

/**
 * A holiday moved, suppressed or created by law for one year only (a year's
 * exception), applied after the rules of the UF (and the national ones) for
 * that year. Data, with the act and its source.
 */
export interface ExcecaoDoAno {
  uf: UF;
  data: DataCivil;
  /** 'suprime': the day is no holiday that year (moved away); 'institui': it is one. */
  operacao: 'suprime' | 'institui';
  nome: string;
  atoLegal: string;
  fonte: string;
}

const LEI_RJ_9224 = 'Lei Estadual 9.224/2021';
const FONTE_9224 = `${REF}: a lei antecipou 21/04 e 23/04 de 2021 para 29–30/03/2021 e criou feriados em 26/03, 31/03 e 01/04/2021 (pandemia)`;

export const EXCECOES_DO_ANO: readonly ExcecaoDoAno[] = [
  { uf: 'RJ', data: '2021-04-21', operacao: 'suprime', nome: 'Tiradentes (antecipado para março)', atoLegal: LEI_RJ_9224, fonte: FONTE_9224 },
  { uf: 'RJ', data: '2021-04-23', operacao: 'suprime', nome: 'Dia de São Jorge (antecipado para março)', atoLegal: LEI_RJ_9224, fonte: FONTE_9224 },
  { uf: 'RJ', data: '2021-03-26', operacao: 'institui', nome: 'Feriado instituído (pandemia de Covid-19)', atoLegal: LEI_RJ_9224, fonte: FONTE_9224 },
  { uf: 'RJ', data: '2021-03-29', operacao: 'institui', nome: 'Tiradentes e Dia de São Jorge, antecipados', atoLegal: LEI_RJ_9224, fonte: FONTE_9224 },
  { uf: 'RJ', data: '2021-03-30', operacao: 'institui', nome: 'Tiradentes e Dia de São Jorge, antecipados', atoLegal: LEI_RJ_9224, fonte: FONTE_9224 },
  { uf: 'RJ', data: '2021-03-31', operacao: 'institui', nome: 'Feriado instituído (pandemia de Covid-19)', atoLegal: LEI_RJ_9224, fonte: FONTE_9224 },
  { uf: 'RJ', data: '2021-04-01', operacao: 'institui', nome: 'Feriado instituído (pandemia de Covid-19)', atoLegal: LEI_RJ_9224, fonte: FONTE_9224 },
];
