/**
 * Activities that keep the PostgreSQL read model in step with the workflows,
 * through the repository of processes (db/processos.ts).
 */
import type { Db } from '../db/connect';
import { type EventoProcesso, registrarEvento, type SnapshotProcesso, upsertProcesso } from '../db/processos';

export type { EventoProcesso } from '../db/processos';

export function createReadModelActivities(db: Db) {
  return {
    async registrarProcesso(snapshot: SnapshotProcesso): Promise<void> {
      await upsertProcesso(db, snapshot);
    },
    async registrarEvento(evento: EventoProcesso): Promise<void> {
      await registrarEvento(db, evento);
    },
  };
}

export type ReadModelActivities = ReturnType<typeof createReadModelActivities>;
