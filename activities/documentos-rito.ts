/**
 * The documents of the rites built on the rite engine: one activity issues any
 * of them. Each document type has a builder (MontadorDocumento), registered
 * next to its rite, that turns the process (read model) and what the workflow
 * sends into the data of its catalogue template and the unit that numbers it.
 * The vistoria, older than the engine, keeps its own activity
 * (emitirDocumentoVistoria), whose name its running histories carry.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/connect';
import type { Processo } from '../db/schema';
import type { DocumentoEmitido, PedidoDocumentoRito } from '../workflows/ritos/interpretador';
import { createEmissaoDocumentosActivities } from './documentos';
import { type FontesDocumento, type FontesLidas, createFontesDocumento } from './documentos-fontes';

export type MontadorDocumento = (
  processo: Processo,
  pedido: PedidoDocumentoRito,
  /** The units, signer, addressee and documents of the process (activities/documentos-fontes.ts), read with it. */
  fontes: () => Promise<FontesDocumento>,
) => { unidade: string; dados: Record<string, unknown> } | Promise<{ unidade: string; dados: Record<string, unknown> }>;

const montadores = new Map<string, MontadorDocumento>();

/** The builder of a document type of the catalogue, for the rites that issue it. */
export function registrarMontador(tipo: string, montador: MontadorDocumento): void {
  montadores.set(tipo, montador);
}

/**
 * Issues a rite's document whose data a builder has assembled, numbered in the series of `unidade`. Its key
 * was looked up with its sources (FontesLidas.daChave), so the emission does not look it up again.
 */
export async function emitirMontado(
  emissao: ReturnType<typeof createEmissaoDocumentosActivities>,
  pedido: PedidoDocumentoRito,
  { unidade, dados }: { unidade: string; dados: Record<string, unknown> },
): Promise<DocumentoEmitido> {
  const entrada = { chave: pedido.chave, processoId: pedido.processoId, tipo: pedido.tipo, unidade, dados, emitidoPor: pedido.emitidoPor, emitidoEm: pedido.emitidoEm };
  const doc = await emissao.emitirDocumento(entrada, { chaveConsultada: true });
  return { id: doc.id, tipo: pedido.tipo, identificacao: doc.identificacao };
}

/**
 * The document a rite's request's key already issued: a retry (of the activity, or of the step that issues it)
 * gives it back as it was, without building it from the process as it is now. The key is the process's, the
 * action's and the document's place in it: another act cannot reuse it (the interpreter refuses a reused key).
 */
export const jaEmitido = (pedido: PedidoDocumentoRito, lidas: FontesLidas): DocumentoEmitido | undefined =>
  lidas.daChave ? { id: lidas.daChave.id, tipo: pedido.tipo, identificacao: lidas.daChave.identificacao } : undefined;

export function createDocumentoRitoActivities(db: Db) {
  const emissao = createEmissaoDocumentosActivities(db);
  const lerFontes = createFontesDocumento(db);
  return {
    async emitirDocumentoRito(pedido: PedidoDocumentoRito): Promise<DocumentoEmitido> {
      const montar = montadores.get(pedido.tipo);
      if (!montar) throw ApplicationFailure.nonRetryable(`Nenhum rito sabe montar o documento ${pedido.tipo}.`, 'TipoDocumentoDesconhecido');
      const lidas = await lerFontes(pedido);
      const anterior = jaEmitido(pedido, lidas);
      if (anterior) return anterior;
      return emitirMontado(emissao, pedido, await montar(lidas.processo, pedido, async () => lidas.fontes()));
    },
  };
}
