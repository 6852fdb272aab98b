/**
 * A process's database activities (read-model writes, calendar reads, issuing a rite's documents) run as local activities: in
 * the worker that runs the workflow, inside the same workflow task, instead of each one being an activity
 * task of the server plus one more workflow task to resume after it. Those round trips were most of the
 * worker's CPU per process (issue 16, bench/worker.ts). The functions are the same and idempotent (by versao,
 * seq and a document's chave), so one retried after a worker's crash writes nothing twice.
 *
 * Histories recorded before this scheduled them as activities: patched() keeps those replaying, and a process
 * that reaches new code mid-rite switches at that point (test/replay, generation 'atividades-locais').
 */
import { type ActivityOptions, type LocalActivityOptions, patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';

export const PATCH_ATIVIDADES_LOCAIS = 'atividades-locais';

/** The activities of A, local where the history allows it, as activities otherwise. Call it at each use. */
export function atividadesDoProcesso<A extends object>(opcoes: ActivityOptions & LocalActivityOptions) {
  const remotas = proxyActivities<A>(opcoes);
  const locais = proxyLocalActivities<A>(opcoes);
  return () => (patched(PATCH_ATIVIDADES_LOCAIS) ? locais : remotas);
}
