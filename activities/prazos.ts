/**
 * I/O for prazos: the decreed days a workflow's calendar needs, and the prazo
 * read model. The computation itself is pure (rules/prazos) and runs in the workflow.
 */
import type { DiaDecretado, Local } from '../rules/calendario';
import type { Db } from '../db/connect';
import { lerDiasDecretados } from '../db/dias-decretados';
import { type CalendarioDaUnidade, calendarioDaUnidade, type PedidoCalendario } from '../db/calendario-da-unidade';
import { registrarPrazo } from '../db/prazos';
import type { PrazoAberto } from '../workflows/prazos/definitions';

export function createPrazoActivities(db: Db) {
  return {
    async diasDecretados({ local, desde }: { local: Local; desde: string }): Promise<DiaDecretado[]> {
      return lerDiasDecretados(db, local, desde);
    },

    /**
     * The calendar a process's prazos count on (DOMAIN prazos rule 10): the
     * seat of its unit (UF and município, db/unidades.ts), the decreed days
     * in force there from `desde` on and the município's holidays administrators keep. Read through an activity so that the
     * workflow replays on what it read.
     */
    async calendarioDaUnidade({ unidade, desde }: PedidoCalendario): Promise<CalendarioDaUnidade> {
      return calendarioDaUnidade(db, unidade, desde);
    },

    /** Records the prazo and the change that made it what it is (db/prazos.ts). */
    async registrarPrazo(p: { processoId: string; prazo: PrazoAberto; motivo?: string }): Promise<void> {
      await registrarPrazo(db, p);
    },
  };
}

export type { CalendarioDaUnidade, PedidoCalendario } from '../db/calendario-da-unidade';

export type PrazoActivities = ReturnType<typeof createPrazoActivities>;
