/**
 * Activities that keep the PostgreSQL read model in step with the workflows,
 * through the repository of processes (db/processos.ts).
 */
import type { Db } from '../db/connect';
import { type EventoProcesso, registrarEvento, upsertProcesso } from '../db/processos';
import type { AberturaProcesso, EstadoProcesso } from '../workflows/processo/definitions';

export type { EventoProcesso } from '../db/processos';

export function createReadModelActivities(db: Db) {
  return {
    async registrarProcesso(snapshot: { abertura: AberturaProcesso; estado: EstadoProcesso }): Promise<void> {
      await upsertProcesso(db, snapshot);
    },
    async registrarEvento(evento: EventoProcesso): Promise<void> {
      await registrarEvento(db, evento);
    },
  };
}

export type ReadModelActivities = ReturnType<typeof createReadModelActivities>;
