import type { DataCivil } from './datas';

/** The 27 federative units (26 states and the Distrito Federal). */
export const UFS = [
  'AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA',
  'PB', 'PE', 'PI', 'PR', 'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO',
] as const;
export type UF = (typeof UFS)[number];

/** IBGE code prefix (first two digits of a município code) of each UF. */
export const CODIGO_IBGE_UF: Record<UF, string> = {
  RO: '11', AC: '12', AM: '13', RR: '14', PA: '15', AP: '16', TO: '17',
  MA: '21', PI: '22', CE: '23', RN: '24', PB: '25', PE: '26', AL: '27', SE: '28', BA: '29',
  MG: '31', ES: '32', RJ: '33', SP: '35',
  PR: '41', SC: '42', RS: '43',
  MS: '50', MT: '51', GO: '52', DF: '53',
};

/** Where an act happens: the UF, optionally the município (7-digit IBGE code) and the unit (e.g. a COOIE). */
export interface Local {
  uf: UF;
  municipio?: string;
  unidade?: string;
}

/** Where a decreed day applies: everywhere, a UF, a município or a unit. */
export const ESCOPOS_DECRETADO = ['nacional', 'uf', 'municipio', 'unidade'] as const;
export type EscopoDecretado = (typeof ESCOPOS_DECRETADO)[number];

/**
 * What a decreed day does to the count:
 * - 'sem-expediente' (the default): no expediente at all; not a business day.
 * - 'expediente-parcial': expediente reduced ("ponto facultativo até as 14h",
 *   "a partir das 12h": Ash Wednesday, 24/12, 31/12). A business day that
 *   counts in the middle of a prazo, but on which a prazo neither starts nor
 *   ends (Lei 9.784/1999, art. 66, § 1º; CPC, art. 224, § 1º, applied
 *   subsidiarily by its art. 15).
 * - 'indisponibilidade': rito itself was unavailable during part of the day
 *   (recorded by an administrator). It counts in the middle; a prazo ending on
 *   it moves to the next business day (seed 002, art. 18, VI; Lei 11.419/2006,
 *   art. 10, § 2º).
 */
export const TIPOS_DECRETADO = ['sem-expediente', 'expediente-parcial', 'indisponibilidade'] as const;
export type TipoDecretado = (typeof TIPOS_DECRETADO)[number];

/**
 * A day without (full) expediente decreed by an authority: ponto facultativo,
 * suspension of expediente, reduced expediente, system unavailability. Data
 * maintained by authorised users (the database supplies it); it is passed IN
 * to every function, never looked up here.
 *
 * Scope: 'nacional' applies everywhere; 'uf' needs `uf`; 'municipio' needs
 * `municipio` (IBGE); 'unidade' needs `unidade` (matched against Local.unidade).
 */
export interface DiaDecretado {
  /** Absent: 'sem-expediente'. */
  tipo?: TipoDecretado;
  data: DataCivil;
  escopo: EscopoDecretado;
  uf?: UF;
  municipio?: string;
  unidade?: string;
  /** e.g. "Ponto facultativo — Carnaval", "Indisponibilidade do SEI". */
  motivo: string;
  /** e.g. "Decreto Estadual 49.999/2026". */
  atoLegal: string;
}

/**
 * Where the decreed days come from: those that may apply at `local` between two
 * dates (inclusive). PostgreSQL in the system (db/dias-decretados.ts); tests,
 * the benchmark and the command line pass their own.
 */
export type FonteDiasDecretados = (consulta: { local: Local; de: DataCivil; ate: DataCivil }) => Promise<readonly DiaDecretado[] | DadosDaFonte>;

/**
 * What a source with a database answers: the decreed days and the maintained
 * municipal holidays of the place (which then replace the ones rito ships).
 */
export interface DadosDaFonte {
  diasDecretados: readonly DiaDecretado[];
  feriadosMunicipais?: readonly import('./feriados').FeriadoMunicipal[];
}

/** The decreed days and maintained municipal holidays of a source's answer. */
export function dadosDaFonte(r: readonly DiaDecretado[] | DadosDaFonte): DadosDaFonte {
  return Array.isArray(r) ? { diasDecretados: r as readonly DiaDecretado[] } : (r as DadosDaFonte);
}

/** A non-business day and why. */
export interface NaoUtil {
  data: DataCivil;
  motivo: string;
}
