/**
 * Holiday table (feriados) — national, state (per UF) and municipal (per IBGE code).
 *
 * DECISION: the table is written here, by rule, with the legal reference of each
 * entry; the `date-holidays` library is NOT used at run time. It is a
 * devDependency only, and test/prazos/calendario.test.ts checks this table
 * against it for 2020–2040 (weekdays, type "public"): every difference must be
 * listed in DIVERGENCIAS_DATE_HOLIDAYS at the bottom of this file, with the law
 * that settles it — the one visible place where the library is corrected.
 * Why not use it at run time:
 *   - this code runs inside Temporal workflows; date-holidays pulls in
 *     moment-timezone, astronomia, lodash and a ~1 MB YAML/JSON of every country,
 *     builds Date objects in host/zone time and defaults to "now" in places —
 *     heavy for the workflow bundle and harder to prove deterministic;
 *   - its Brazilian data is wrong where it matters to us: from 2024 it drops the
 *     national 20/11 in RJ (and SP, AM, MT), because the state entry "to
 *     2023-12-21" overrides the national one; and its state data for other UFs
 *     is not reliable (e.g. AC: Dia do Evangélico is 23/01 by Lei Estadual
 *     1.538/2004, the library says 12/01; AC's Dia do Católico and its rule of
 *     moving holidays to Friday, Lei Estadual 2.126/2009, are missing).
 *
 * What is a holiday here: only days made holidays BY LAW. Pontos facultativos
 * (Carnival Monday, Ash Wednesday, Corpus Christi, Dia do Servidor, Christmas
 * and New Year's eves, "emendas") are decreed year by year and, for the federal
 * government, listed as pontos facultativos in the annual portaria of the
 * Ministério da Gestão; in the State and City of Rio de Janeiro they are also
 * decreed each year (e.g. Corpus Christi 2025 and Carnival Monday 2026 were
 * pontos facultativos by decree, not holidays). They come in as DiaDecretado data.
 *
 * RJ decisions:
 *   - Carnival TUESDAY is a state holiday in RJ (Lei Estadual 5.243/2008);
 *     Carnival Monday and Ash Wednesday are not (pontos facultativos by decree).
 *   - Corpus Christi is not a holiday in the State or in the City of Rio
 *     (ponto facultativo by decree).
 *   - 20/11: state holiday by Lei Estadual 4.007/2002 up to 2023; national from
 *     2024 (Lei 14.759/2023, in force on publication, DOU 22/12/2023). The state
 *     law was not revoked; the day is shown once, with the national reason.
 *   - Sexta-feira da Paixão: Lei 9.093/1995, art. 2º lets municípios declare it;
 *     it is kept everywhere and listed as "feriado nacional" in the federal
 *     annual portarias, so it is treated as national.
 *
 * Coverage: national holidays for any year; the state holidays of all 27 UFs
 * and the year's exceptions (a holiday moved or created by law for one year,
 * e.g. RJ's 2021 pandemic anticipations) as data, each row with its act and
 * source: feriados-estaduais.ts; municipal holidays of Rio de Janeiro
 * (3304557) below. A UF whose rows are not all seen in their source, or a
 * município without a table, yields an aviso in the results; its holidays can
 * be supplied meanwhile as DiaDecretado data.
 */
import { diaDaSemana, lerData, type DataCivil } from './datas';
import type { RegraFeriado } from './feriados-estaduais';
import type { UF } from './tipos';

export type { RegraFeriado } from './feriados-estaduais';
export { FERIADOS_ESTADUAIS, EXCECOES_DO_ANO, avisoEstadual, type Conferencia, type ExcecaoDoAno } from './feriados-estaduais';

const LEI_662 = 'Lei 662/1949, red. Lei 10.607/2002';

export const FERIADOS_NACIONAIS: readonly RegraFeriado[] = [
  { quando: { dia: '01-01' }, nome: 'Confraternização Universal', atoLegal: LEI_662 },
  { quando: { pascoa: -2 }, nome: 'Sexta-feira da Paixão', atoLegal: 'Lei 9.093/1995, art. 2º' },
  { quando: { dia: '04-21' }, nome: 'Tiradentes', atoLegal: LEI_662 },
  { quando: { dia: '05-01' }, nome: 'Dia do Trabalho', atoLegal: LEI_662 },
  { quando: { dia: '09-07' }, nome: 'Independência do Brasil', atoLegal: LEI_662 },
  { quando: { dia: '10-12' }, nome: 'Nossa Senhora Aparecida', atoLegal: 'Lei 6.802/1980' },
  { quando: { dia: '11-02' }, nome: 'Finados', atoLegal: LEI_662 },
  { quando: { dia: '11-15' }, nome: 'Proclamação da República', atoLegal: LEI_662 },
  {
    quando: { dia: '11-20' },
    nome: 'Dia Nacional de Zumbi e da Consciência Negra',
    atoLegal: 'Lei 14.759/2023',
    desde: '2023-12-22',
  },
  { quando: { dia: '12-25' }, nome: 'Natal', atoLegal: LEI_662 },
];

export interface Municipio {
  nome: string;
  uf: UF;
  feriados: readonly RegraFeriado[];
}

/**
 * A municipal holiday as maintained data (table feriado_municipal, kept by
 * administrators through /v1/calendario/feriados-municipais): a rule of the
 * município with its act, validity and source.
 */
export interface FeriadoMunicipal extends RegraFeriado {
  /** IBGE code (7 digits). */
  municipio: string;
  municipioNome: string;
  uf: UF;
}

/**
 * The municipal holidays rito ships (the first rows of table feriado_municipal,
 * seeded by its migration), by IBGE code: what the engine counts when no
 * maintained rows are passed in (the command line without a database, tests).
 * With a database, the maintained rows are the only ones that count.
 */
export const FERIADOS_MUNICIPAIS: Readonly<Record<string, Municipio>> = {
  '3304557': {
    nome: 'Rio de Janeiro',
    uf: 'RJ',
    feriados: [
      // São Jorge (23/04) and 20/11 are also municipal in Rio (consolidated by Lei Municipal
      // 5.146/2010) but already state/national holidays: not repeated.
      { quando: { dia: '01-20' }, nome: 'Dia de São Sebastião', atoLegal: 'Lei Municipal 1.271/1988', desde: '1988-06-27' },
    ],
  },
};

/**
 * Where date-holidays 3.37.0 (types "public", weekdays, 2020–2040) disagrees with
 * the table above, and which law settles it. The cross-check test fails if a
 * difference appears that is not listed here (or a listed one disappears).
 */
export interface Divergencia {
  /** date-holidays location: 'BR', 'BR-RJ' or 'BR-RJ-RJ'. */
  local: string;
  /** Dates affected (YYYY-MM-DD). */
  datas: readonly DataCivil[];
  dateHolidays: 'omite' | 'inclui';
  correcao: string;
  baseLegal: string;
}

const anos = (de: number, ate: number, mmdd: string, soDiasUteis: (d: string) => boolean) =>
  Array.from({ length: ate - de + 1 }, (_, i) => `${de + i}-${mmdd}`).filter(soDiasUteis);

function diaUtilDaSemana(data: string): boolean {
  const w = diaDaSemana(lerData(data, 'data'));
  return w !== 0 && w !== 6;
}

const ANTECIPACOES_RJ_2021 = ['2021-03-26', '2021-03-29', '2021-03-30', '2021-03-31', '2021-04-01'];
const ANTECIPADOS_RJ_2021 = ['2021-04-21', '2021-04-23'];

export const DIVERGENCIAS_DATE_HOLIDAYS: readonly Divergencia[] = [
  ...(['BR-RJ', 'BR-RJ-RJ'] as const).flatMap((local): Divergencia[] => [
    {
      local,
      datas: ANTECIPACOES_RJ_2021,
      dateHolidays: 'omite',
      correcao: 'feriados antecipados ou instituídos no RJ em 2021 (pandemia), exceções daquele ano (EXCECOES_DO_ANO)',
      baseLegal: 'Lei Estadual RJ 9.224/2021',
    },
    {
      local,
      datas: ANTECIPADOS_RJ_2021,
      dateHolidays: 'inclui',
      correcao: 'Tiradentes e São Jorge de 2021 foram antecipados para 29–30/03/2021 no RJ',
      baseLegal: 'Lei Estadual RJ 9.224/2021',
    },
  ]),
  {
    local: 'BR-RJ',
    datas: anos(2024, 2040, '11-20', diaUtilDaSemana),
    dateHolidays: 'omite',
    correcao: '20/11 é feriado nacional desde 2024 e vale no RJ (a entrada estadual da biblioteca, "até 2023-12-21", apaga a nacional)',
    baseLegal: 'Lei 14.759/2023, art. 1º',
  },
  {
    local: 'BR-RJ-RJ',
    datas: anos(2024, 2040, '11-20', diaUtilDaSemana),
    dateHolidays: 'omite',
    correcao: 'idem no município do Rio de Janeiro',
    baseLegal: 'Lei 14.759/2023, art. 1º',
  },
];
