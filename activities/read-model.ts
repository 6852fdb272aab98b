/**
 * Activities that keep the PostgreSQL read model in step with the workflows,
 * through the repository of processes (db/processos.ts).
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/connect';
import { type EventoProcesso, type PassoProcesso, partesDoPasso, registrarEvento, registrarPasso, type SnapshotProcesso, upsertProcesso } from '../db/processos';
import { type CalendarioDaUnidade, calendarioDaUnidade, type PedidoCalendario } from '../db/calendario-da-unidade';
import { completarPasso, type DocumentosDoPasso } from '../workflows/ritos/documentos-no-passo';
import type { DocumentoEmitido, PedidoDocumentoRito } from '../workflows/ritos/interpretador';
import { falhaDefinitiva } from './falhas';

export type { EventoProcesso } from '../db/processos';

/** The activities that issue the rites' documents, by name (HooksRito.atividadeDocumentos). */
export type EmissoresDeDocumentos = Record<string, (pedido: PedidoDocumentoRito) => Promise<DocumentoEmitido>>;

export function createReadModelActivities(db: Db, emissores: EmissoresDeDocumentos = {}) {
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
    /**
     * An action's step with the documents it issues (since 'documentos-no-passo'): the documents first, each
     * by its rite's activity and idempotent by its key, then the step that names them. One local activity
     * instead of one per document plus the step's, each an activation of the workflow (issue 16).
     */
    async registrarPassoComDocumentos(passo: PassoProcesso, documentos: DocumentosDoPasso): Promise<DocumentoEmitido[]> {
      const emitir = emissores[documentos.atividade];
      if (!emitir) throw ApplicationFailure.nonRetryable(`Nenhuma atividade emite os documentos de ${documentos.atividade}.`, 'AtividadeDesconhecida');
      const docs: DocumentoEmitido[] = [];
      for (const pedido of documentos.pedidos) docs.push(await emitir(pedido));
      await escreverPasso(completarPasso(passo, documentos, docs));
      return docs;
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
