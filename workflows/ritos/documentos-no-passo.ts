/**
 * The documents an action issues together with its step (since PATCH_DOCUMENTOS_NO_PASSO): one local
 * activity issues them and writes the step that records them, instead of one to issue each and one more to
 * write, each a further activation of the workflow (issue 16). Pure, so that the workflow and the activity
 * (activities/read-model.ts) record the same documents the same way.
 */
import type { PassoProcesso } from '../../db/processos';
import type { DocumentoEmitido, Notificacao } from './definitions';
import type { PedidoDocumentoRito } from './interpretador';

export const PATCH_DOCUMENTOS_NO_PASSO = 'documentos-no-passo';

export interface DocumentosDoPasso {
  /** The rite's document activity (HooksRito.atividadeDocumentos). */
  atividade: string;
  /** In the order the action asked for them; each key gives back the same document when retried. */
  pedidos: PedidoDocumentoRito[];
  /** Which of them is the notice of the phase entered (its documentoId), if one is. */
  notificacao: number | null;
  /** The action's event, whose dados.documentos lists them. */
  eventoSeq: number;
}

/** What of a rite's state records its documents: the full state in the workflow, its projection in the snapshot. */
interface ComDocumentos {
  documentos: DocumentoEmitido[];
  notificacao: Notificacao | null;
}

/** Records documents issued with a step in the rite's state (or its projection). */
export function anotarDocumentos(estado: ComDocumentos, docs: DocumentoEmitido[], notificacao: number | null): void {
  estado.documentos.push(...docs);
  const aviso = notificacao === null ? undefined : docs[notificacao];
  if (aviso && estado.notificacao && !estado.notificacao.documentoId) estado.notificacao.documentoId = aviso.id;
}

/** The step as it is written once its documents are issued: the snapshot and the action's event name them. */
export function completarPasso(passo: PassoProcesso, documentos: DocumentosDoPasso, docs: DocumentoEmitido[]): PassoProcesso {
  const rito = passo.processo?.rito as ComDocumentos | null | undefined;
  if (rito) anotarDocumentos(rito, docs, documentos.notificacao);
  for (const e of passo.eventos) {
    if (e.seq !== documentos.eventoSeq) continue;
    const anteriores = Array.isArray(e.dados.documentos) ? (e.dados.documentos as string[]) : [];
    e.dados = { ...e.dados, documentos: [...anteriores, ...docs.map((d) => d.identificacao)] };
  }
  return passo;
}
