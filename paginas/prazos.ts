/**
 * How the pages tell a person how long he still has: "faltam 3 dias úteis",
 * "vence hoje". Display only: the prazo itself (its last day and its limit,
 * 23:59:59 of that day) is the prazo engine's, as the workflow recorded it in
 * prazo_processo; this counts the days from today to that last day on the same
 * calendar: the unit's seat with its decreed days (DOMAIN prazos rule 10,
 * db/unidades.ts localDaUnidade, as the workflow reads it).
 *
 * The count: the days after today up to the last day inclusive, business days
 * for a prazo in dias úteis, calendar days for one in dias corridos. On the
 * last day itself: "vence hoje, às 23:59:59". Choice where the seed is silent:
 * today is not counted, since the person may be reading at 23:00 (a careful
 * servidor would not promise him a day that is ending).
 */
import type { Db } from '../db/connect';
import { lerDiasDecretados } from '../db/dias-decretados';
import { localDaUnidade } from '../db/unidades';
import { criarCalendario, diaCivilBrasilia, formatarData, lerData } from '../rules/calendario';

export interface Restante {
  texto: string;
  /** At most 2 days left, or over: shown in red. */
  urgente: boolean;
  vencido: boolean;
}

/** What is left of a prazo of a process of `unidade` whose last day is `vencimento`. */
export async function restante(db: Db, unidade: string, vencimento: string, uteis: boolean, agoraMs: number): Promise<Restante> {
  const hoje = diaCivilBrasilia(agoraMs);
  const ultimo = lerData(vencimento, 'vencimento');
  if (ultimo < hoje) return { texto: 'prazo encerrado', urgente: true, vencido: true };
  if (ultimo === hoje) return { texto: 'vence hoje, às 23:59:59', urgente: true, vencido: false };
  let n = ultimo - hoje;
  if (uteis) {
    const local = await localDaUnidade(db, unidade);
    const calendario = criarCalendario(local, await lerDiasDecretados(db, local, formatarData(hoje)));
    n = 0;
    for (let d = hoje + 1; d <= ultimo; d++) if (calendario.ehDiaUtil(d)) n++;
  }
  const medida = uteis ? (n === 1 ? 'dia útil' : 'dias úteis') : n === 1 ? 'dia' : 'dias';
  return { texto: `${n === 1 ? 'falta' : 'faltam'} ${n} ${medida}`, urgente: n <= 2, vencido: false };
}
