/**
 * Which months' RGA an institution owes, from the record of its offer of EAD
 * over time (Deliberação CEE nº 345/2014, alterada pela Deliberação CEE nº
 * 368/2018, art. 66: "toda instituição de educação à distância").
 *
 * CHOICE (the seed and art. 66 say only "de cada mês"): the RGA of a month is
 * owed when the institution offers EAD on that month's first day. An offer that
 * begins during a month is first reported in the next month's RGA (otherwise
 * the month's due date, its 10th business day, could fall before the offer
 * existed); one that ends during a month still owes that month's, which began
 * with pupils enrolled.
 *
 * Pure and deterministic.
 */
import { diaDoCivil, formatarData, lerData, type DataCivil } from '../calendario';

/** One record of the offer: from `desde` the institution offers EAD (or stops). Later records of the same day prevail. */
export interface RegistroEad {
  readonly ead: boolean;
  readonly desde: DataCivil;
}

/** Whether EAD was offered on `dia` (records in the order they were made). */
export function ofereciaEad(registros: readonly RegistroEad[], dia: DataCivil): boolean {
  const d = lerData(dia, 'dia');
  let vigente: RegistroEad | undefined;
  for (const r of registros) {
    const desde = lerData(r.desde, 'desde');
    if (desde > d) continue;
    if (!vigente || desde >= lerData(vigente.desde, 'desde')) vigente = r;
  }
  return vigente?.ead ?? false;
}

/** Whether the RGA of `mes`/`ano` is owed (see the choice above). */
export function deveRgaNoMes(registros: readonly RegistroEad[], ano: number, mes: number): boolean {
  return ofereciaEad(registros, formatarData(diaDoCivil(ano, mes, 1)));
}
