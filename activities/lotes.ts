/**
 * The side effects of a lote's workflow (workflows/lotes): each a set-wise
 * statement of db/lotes.ts over the records kept in PostgreSQL. The workflow
 * passes the lote's id only: no record, CPF or NIS crosses Temporal.
 */
import type { Db } from '../db/connect';
import { aplicarLote, falharLote, limparLote, validarLote } from '../db/lotes';

export function createLoteActivities(db: Db) {
  return {
    validarLote: (id: string) => validarLote(db, id),
    aplicarLote: (id: string) => aplicarLote(db, id),
    limparLote: (id: string) => limparLote(db, id),
    falharLote: (id: string, motivo: string) => falharLote(db, id, motivo),
  };
}

export type LoteActivities = ReturnType<typeof createLoteActivities>;
