/**
 * The raw baseline of bench/worker.ts: what the SDK alone costs for the same shape as a rito process driven
 * to its pending prazo — a start with the same abertura, two updates with the same payloads, a timer
 * left pending — with no rules, no schemas and no activities.
 */
import { condition, defineUpdate, setHandler, sleep } from '@temporalio/workflow';

export const acaoCruUpdate = defineUpdate<{ acao: string; n: number }, [{ acao: string }]>('acao-cru');

export async function cruWorkflow(_abertura: unknown): Promise<void> {
  let n = 0;
  setHandler(acaoCruUpdate, async (p) => ({ acao: p.acao, n: ++n }));
  await condition(() => n >= 2);
  await sleep('15 days');
}
