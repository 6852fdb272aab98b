/**
 * How the pages tell a person how long he still has: "faltam 3 dias úteis",
 * "vence hoje". Display only: the prazo itself (its last day and its limit,
 * 23:59:59 of that day) is the prazo engine's, as the workflow recorded it in
 * prazo_processo; this counts the days from today to that last day on the same
 * calendar (the process's place with its decreed days).
 *
 * The count: the days after today up to the last day inclusive, business days
 * for a prazo in dias úteis, calendar days for one in dias corridos. On the
 * last day itself: "vence hoje, às 23:59:59". Choice where the seed is silent:
 * today is not counted, since the person may be reading at 23:00 (a careful
 * servidor would not promise him a day that is ending).
 */
import type { Db } from '../db/connect';
import type { Processo } from '../db/schema';
import { lerDiasDecretados } from '../db/dias-decretados';
import { criarCalendario, diaCivilBrasilia, formatarData, lerData, type Local } from '../rules/calendario';

/** The place whose calendar a process's prazos follow, as its workflow builds it (workflows/processo/workflow.ts). */
export function localDoProcesso(p: Pick<Processo, 'unidade' | 'instituicao_municipio'>): Local {
  return { uf: 'RJ', unidade: p.unidade, ...(p.instituicao_municipio ? { municipio: p.instituicao_municipio } : {}) };
}

export interface Restante {
  texto: string;
  /** At most 2 days left, or over: shown in red. */
  urgente: boolean;
  vencido: boolean;
}

export async function restante(db: Db, local: Local, vencimento: string, uteis: boolean, agoraMs: number): Promise<Restante> {
  const hoje = diaCivilBrasilia(agoraMs);
  const ultimo = lerData(vencimento, 'vencimento');
  if (ultimo < hoje) return { texto: 'prazo encerrado', urgente: true, vencido: true };
  if (ultimo === hoje) return { texto: 'vence hoje, às 23:59:59', urgente: true, vencido: false };
  let n = ultimo - hoje;
  if (uteis) {
    const calendario = criarCalendario(local, await lerDiasDecretados(db, local, formatarData(hoje)));
    n = 0;
    for (let d = hoje + 1; d <= ultimo; d++) if (calendario.ehDiaUtil(d)) n++;
  }
  const unidade = uteis ? (n === 1 ? 'dia útil' : 'dias úteis') : n === 1 ? 'dia' : 'dias';
  return { texto: `${n === 1 ? 'falta' : 'faltam'} ${n} ${unidade}`, urgente: n <= 2, vencido: false };
}
