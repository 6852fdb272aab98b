/**
 * Where reads find a rite's state: in the read model (`processo.estado_rito`),
 * which the workflow writes with every change and before it answers an action,
 * so the common path never asks, nor replays, a workflow (issue 16). Only a row
 * not projected yet (a process opened an instant ago, or last changed before
 * the column existed) is read from the workflow, with a bounded wait.
 */
import type { Client } from '@temporalio/client';
import type { Processo } from '../../db/schema';
import type { DefinicaoRito } from '../../rules/ritos/definicao';
import { type EstadoRito, type EstadoRitoProjetado, estadoRitoQuery, projecaoDoRito } from '../../workflows/ritos/definitions';

/** How long a read waits for a workflow's answer before going on without it. */
export const PRAZO_CONSULTA_MS = 5_000;

/** The rite's state of a process; null when the row was not projected yet and the workflow did not answer in time. */
export async function estadoDoRito<E extends EstadoRito = EstadoRito>(
  temporal: Client,
  p: Pick<Processo, 'id' | 'estado_rito'>,
  def: DefinicaoRito,
): Promise<EstadoRitoProjetado<E> | null> {
  if (p.estado_rito) return p.estado_rito as unknown as EstadoRitoProjetado<E>;
  try {
    const estado = await temporal.connection.withDeadline(Date.now() + PRAZO_CONSULTA_MS, () => temporal.workflow.getHandle(p.id).query(estadoRitoQuery<E>(def)));
    return projecaoDoRito(estado);
  } catch {
    return null;
  }
}
