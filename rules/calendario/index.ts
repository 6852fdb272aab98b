/**
 * Business-day calendar of Brazilian public administration (national, state and
 * municipal holidays by law; decreed days without expediente passed in as data).
 * Pure and deterministic: safe to import from Temporal workflow code.
 * See feriados.ts for the holiday table and the date-holidays decision, and
 * datas.ts for the Brasília offset decision.
 */
export * from './tipos';
export * from './erros';
export {
  type DataCivil,
  type Instante,
  diaDoCivil,
  civilDoDia,
  lerData,
  lerInstante,
  lerDataOuInstante,
  formatarData,
  formatarDataBR,
  formatarInstanteBrasilia,
  diaDaSemana,
  anoDoDia,
  offsetBrasiliaMinutos,
  HORARIO_DE_VERAO,
  inicioDoDiaBrasilia,
  limiteDoDia,
  diaCivilBrasilia,
  NOMES_DIAS_SEMANA,
} from './datas';
export { diaDaPascoa } from './pascoa';
export {
  FERIADOS_NACIONAIS,
  FERIADOS_ESTADUAIS,
  FERIADOS_MUNICIPAIS,
  EXCECOES_DO_ANO,
  avisoEstadual,
  DIVERGENCIAS_DATE_HOLIDAYS,
  type RegraFeriado,
  type FeriadoMunicipal,
  type Conferencia,
  type ExcecaoDoAno,
  type Municipio,
  type Divergencia,
} from './feriados';
export {
  ANO_MINIMO,
  diaNoCalendario,
  ANO_MAXIMO,
  Calendario,
  criarCalendario,
  calendarioDoLocal,
  validarLocal,
  naoUteisDoAno,
  feriadosDoAno,
  ehDiaUtil,
  proximoDiaUtil,
  motivoNaoUtil,
  type OpcoesCalendario,
} from './calendario';
