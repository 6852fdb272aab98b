/**
 * Activities of the document catalogue (documentos/): issuing a numbered ofício
 * or act from its template. Errors in the caller's data are non-retryable
 * ApplicationFailures (a retry cannot fix them) whose message is in pt-BR and
 * whose details carry the offending fields; database or rendering faults are
 * ordinary errors and are retried by Temporal — safely, since emission is
 * idempotent under `chave`.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../../db/connect';
import { ChaveIdempotenciaConflitante, emitirDocumento as emitir, type DocumentoEmitido, type OpcoesEmissao, type PedidoEmissao } from '../../documentos/emissao';
import { DadosDocumentoInvalidos, TipoDocumentoDesconhecido } from '../../documentos/render';

export interface EntradaEmitirDocumento {
  /** Idempotency key, e.g. `${workflowId}:doc:${sequence}`: a retry returns the same document and number. */
  chave: string;
  processoId: string | null;
  /** A key of documentos/catalogo.ts CATALOGO, e.g. 'notificacao-exigencias'. */
  tipo: string;
  /** Issuing unit: 'COOIE-METROPOLITANA I'. */
  unidade: string;
  dados: unknown;
  emitidoPor: string;
  /** ISO 8601 instant; defaults to the activity's clock. */
  emitidoEm?: string;
}

export type ResultadoEmitirDocumento = Pick<DocumentoEmitido, 'id' | 'numero' | 'ano' | 'identificacao' | 'sha256' | 'emitidoEm'>;

export function createEmissaoDocumentosActivities(db: Db) {
  return {
    /** `opcoes` only for callers inside the worker (a rite's document): the activity is called with `entrada` alone. */
    async emitirDocumento(entrada: EntradaEmitirDocumento, opcoes?: OpcoesEmissao): Promise<ResultadoEmitirDocumento> {
      try {
        const pedido: PedidoEmissao = { ...entrada };
        const d = await emitir(db, pedido, opcoes);
        return { id: d.id, numero: d.numero, ano: d.ano, identificacao: d.identificacao, sha256: d.sha256, emitidoEm: d.emitidoEm };
      } catch (err) {
        if (err instanceof DadosDocumentoInvalidos) {
          throw ApplicationFailure.create({ type: err.name, message: err.message, nonRetryable: true, details: [err.campos] });
        }
        if (err instanceof TipoDocumentoDesconhecido || err instanceof ChaveIdempotenciaConflitante) {
          throw ApplicationFailure.create({ type: err.name, message: err.message, nonRetryable: true });
        }
        throw err;
      }
    },
  };
}

export type EmissaoDocumentosActivities = ReturnType<typeof createEmissaoDocumentosActivities>;
