/**
 * How the API tells a caller what became of an act it sent to a workflow by
 * update (a process's rite, a pedido de habilitação, a student's case): the
 * workflow's refusal is a 409 with its pt-BR reason (a key reused for another
 * act, 422), a workflow that did not answer in time a 503 to resend with the
 * same Idempotency-Key, a finished workflow a 409. One translation for every
 * kind of workflow; each names itself in its messages (`o processo`, `o pedido`, `o caso`).
 */
import { isGrpcServiceError, ServiceError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { HttpError } from '../errors';

/** gRPC's status code 9 (the status enum is @grpc/grpc-js's, not a dependency of rito's own). */
const GRPC_FAILED_PRECONDITION = 9;

export interface ObjetoDaAtualizacao {
  /** 'O processo', 'O pedido', 'O caso'. */
  nome: string;
  /** The code of the 409 for a finished workflow: 'processo-encerrado'. */
  codigoEncerrado: string;
}

export async function executarAtualizacao<R>(objeto: ObjetoDaAtualizacao, atualizar: () => Promise<R>): Promise<R> {
  try {
    return await atualizar();
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      // The reason is at the bottom of the chain (e.g. an activity's failure inside the update).
      let causa: Error | undefined = err.cause;
      while (causa && (causa as { cause?: Error }).cause) causa = (causa as { cause?: Error }).cause;
      if ((causa as { type?: string } | undefined)?.type === 'ChaveReutilizada') throw new HttpError(422, 'chave-reutilizada', causa!.message);
      throw new HttpError(409, 'acao-recusada', causa?.message ?? err.message);
    }
    if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      throw new HttpError(503, 'indisponivel', `${objeto.nome} não respondeu a tempo; reenvie a ação com a mesma Idempotency-Key.`);
    }
    // "Workflow Task in failed state": the workflow's last task failed (an overloaded worker timed it out) and
    // Temporal admits no update until a retry of that task succeeds. Nothing was applied; the same act sent again
    // shortly is (found by bench/escala.ts at load 27, where it answered 500).
    if (err instanceof ServiceError && isGrpcServiceError(err.cause) && err.cause.code === GRPC_FAILED_PRECONDITION) {
      throw new HttpError(503, 'indisponivel', `${objeto.nome} não pôde receber a ação agora; reenvie-a em instantes com a mesma Idempotency-Key.`);
    }
    if (err instanceof WorkflowNotFoundError || (err instanceof Error && /workflow.*(not found|completed|already)/i.test(err.message))) {
      throw new HttpError(409, objeto.codigoEncerrado, `${objeto.nome} está encerrado; nenhuma ação é admitida.`);
    }
    throw err;
  }
}
