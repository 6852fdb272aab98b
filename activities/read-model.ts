/**
 * Activities that keep the PostgreSQL read model in step with the workflows,
 * through the repository of processes (db/processos.ts).
 */
import type { Db } from '../db/connect';
import { type EventoProcesso, type PassoProcesso, partesDoPasso, registrarEvento, registrarPasso, type SnapshotProcesso, upsertProcesso } from '../db/processos';
import { type CalendarioDaUnidade, calendarioDaUnidade, type PedidoCalendario } from '../db/calendario-da-unidade';
import { falhaDefinitiva } from './falhas';

export type { EventoProcesso } from '../db/processos';

export function createReadModelActivities(db: Db) {
  return {
    async registrarProcesso(snapshot: SnapshotProcesso): Promise<void> {
      await upsertProcesso(db, snapshot);
    },
    async registrarEvento(evento: EventoProcesso): Promise<void> {
      await registrarEvento(db, evento);
    },
    /**
     * One step of a process (snapshot, prazos, events) in one transaction: the
     * workflow's one write per step since 'atividades-locais'. A part PostgreSQL
     * refuses for good must not take the others with it (the timeline keeps
     * what it can, as when each was an activity of its own): the step is then
     * written part by part, and the first refusal is raised for the alert.
     *
     * A process's first step also asks for the calendar its prazos count on
     * (`calendario`, since 'inicio-em-um-passo'): read once the step is written
     * and returned, so that the start is one local activity instead of a write
     * and then a read, each an activation of the workflow (issue 16). A step
     * refused for good raises before the read; the workflow then reads the
     * calendar on its own (workflows/processo/workflow.ts).
     */
    async registrarPasso(passo: PassoProcesso, calendario?: PedidoCalendario): Promise<CalendarioDaUnidade | undefined> {
      await escreverPasso(passo);
      return calendario && calendarioDaUnidade(db, calendario.unidade, calendario.desde);
    },
  };

  /** The step in one transaction; refused for good, part by part (above). */
  async function escreverPasso(passo: PassoProcesso): Promise<void> {
    try {
      await registrarPasso(db, passo);
    } catch (err) {
      if (!falhaDefinitiva(err)) throw err;
      let recusa: unknown;
      for (const parte of partesDoPasso(passo)) {
        try {
          await parte(db);
        } catch (e) {
          if (!falhaDefinitiva(e)) throw e;
          recusa ??= e;
        }
      }
      if (recusa) throw recusa;
    }
  }
}

export type ReadModelActivities = ReturnType<typeof createReadModelActivities>;
