/**
 * Prazo engine (DOMAIN.md "Deadlines (prazos) — exact rules"): pure,
 * deterministic functions, safe to import from Temporal workflow code.
 */
export * from './tipos';
export {
  calcularPrazo,
  prorrogarPrazo,
  cienciaTacita,
  dataMinimaVisita,
  tempestivo,
  DIAS_CIENCIA_TACITA,
  ANTECEDENCIA_VISITA_DIAS,
  DIAS_MAXIMO,
} from './prazos';
export {
  naoUteisDoAno,
  feriadosDoAno,
  ehDiaUtil,
  proximoDiaUtil,
  ErroEntrada,
  type DataCivil,
  type Instante,
  type Local,
  type UF,
  type DiaDecretado,
  type NaoUtil,
} from '../calendario';
