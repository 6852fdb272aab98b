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
import { type FontesDocumento, createFontesDocumento } from './documentos-fontes';

export type MontadorDocumento = (
  processo: Processo,
  pedido: PedidoDocumentoRito,
  /** The units, signer, addressee and documents of the process (activities/documentos-fontes.ts), read on demand. */
  fontes: () => Promise<FontesDocumento>,
) => { unidade: string; dados: Record<string, unknown> } | Promise<{ unidade: string; dados: Record<string, unknown> }>;

const montadores = new Map<string, MontadorDocumento>();

/** The builder of a document type of the catalogue, for the rites that issue it. */
export function registrarMontador(tipo: string, montador: MontadorDocumento): void {
  montadores.set(tipo, montador);
}

/** Issues a rite's document whose data a builder has assembled, numbered in the series of `unidade`. */
export async function emitirMontado(
  emissao: ReturnType<typeof createEmissaoDocumentosActivities>,
  pedido: PedidoDocumentoRito,
  { unidade, dados }: { unidade: string; dados: Record<string, unknown> },
): Promise<DocumentoEmitido> {
  const doc = await emissao.emitirDocumento({
    chave: pedido.chave,
    processoId: pedido.processoId,
    tipo: pedido.tipo,
    unidade,
    dados,
    emitidoPor: pedido.emitidoPor,
    emitidoEm: pedido.emitidoEm,
  });
  return { id: doc.id, tipo: pedido.tipo, identificacao: doc.identificacao };
}

export function createDocumentoRitoActivities(db: Db) {
  const emissao = createEmissaoDocumentosActivities(db);
  const fontesDocumento = createFontesDocumento(db);
  return {
    async emitirDocumentoRito(pedido: PedidoDocumentoRito): Promise<DocumentoEmitido> {
      const montar = montadores.get(pedido.tipo);
      if (!montar) throw ApplicationFailure.nonRetryable(`Nenhum rito sabe montar o documento ${pedido.tipo}.`, 'TipoDocumentoDesconhecido');
      const processo = await db.selectFrom('processo').selectAll().where('id', '=', pedido.processoId).executeTakeFirstOrThrow();
      return emitirMontado(emissao, pedido, await montar(processo, pedido, () => fontesDocumento(processo, pedido.emitidoPor)));
    },
  };
}
