/**
 * One lote of the batch API (seed 001), from receipt to its final status:
 * validação (status validando), the upsert of the good records (processando),
 * then concluído or concluído com erros; falhou when the database refuses the
 * lote for good (nothing of it is written: the upsert is one transaction).
 * Then its staging rows are deleted.
 *
 * Its only argument is the lote's id; the workflow id is `lote-<id>`. The
 * records stay in PostgreSQL (LGPD: no personal data in Temporal).
 *
 * The apuração's hook: a frequências lote queues the (codigo_inep, mes) pairs it
 * changed in apuracao_pendente inside the upsert's transaction (db/lotes.ts);
 * this workflow signals nothing.
 */
import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { LoteActivities } from '../../activities/lotes';

const { validarLote, aplicarLote, limparLote } = proxyActivities<LoteActivities>({
  // A lote of a million records is validated and written in tens of seconds; a busy machine gets ample room.
  startToCloseTimeout: '30 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
const { falharLote } = proxyActivities<LoteActivities>({ startToCloseTimeout: '1 minute', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } });

export const idWorkflowLote = (id: string) => `lote-${id}`;

export async function loteWorkflow(loteId: string): Promise<void> {
  try {
    await validarLote(loteId);
    await aplicarLote(loteId);
  } catch (err) {
    // Only a failure retries cannot cure arrives here (activities/falhas.ts): the database refused the data.
    const motivo = err instanceof Error && err.cause instanceof ApplicationFailure ? err.cause.message : 'erro no processamento';
    await falharLote(loteId, `O lote não pôde ser processado e nada dele foi gravado: ${motivo}`);
  }
  await limparLote(loteId);
}
