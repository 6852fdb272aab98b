/**
 * What a workflow update's failure becomes for the API's caller
 * (api/temporal/atualizacao.ts), for the failures Temporal's client raises.
 */
import { ServiceError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../api/errors';
import { executarAtualizacao } from '../../api/temporal/atualizacao';

const PROCESSO = { nome: 'O processo', codigoEncerrado: 'processo-encerrado' };

/** The gRPC error the client wraps, as @grpc/grpc-js raises it (code, details, metadata). */
function erroGrpc(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

async function statusDe(falha: Error): Promise<{ status: number; codigo: string; mensagem: string }> {
  const err = await executarAtualizacao(PROCESSO, async () => {
    throw falha;
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HttpError);
  const h = err as HttpError;
  return { status: h.statusCode, codigo: h.codigo, mensagem: h.message };
}

describe('falhas de uma atualização de workflow', () => {
  it('answers 503, to resend with the same key, when the workflow task is in a failed state', async () => {
    // The server's refusal while a workflow task is failing (seen at load 27 in bench/escala.ts): nothing was applied.
    const r = await statusDe(new ServiceError('Workflow Update failed', { cause: erroGrpc(9, 'Unable to perform workflow execution update due to Workflow Task in failed state.') }));
    expect(r).toMatchObject({ status: 503, codigo: 'indisponivel' });
    expect(r.mensagem).toContain('mesma Idempotency-Key');
  });

  it('does not take any other server error for a retryable one', async () => {
    const err = await executarAtualizacao(PROCESSO, async () => {
      throw new ServiceError('Workflow Update failed', { cause: erroGrpc(3, 'invalid argument') });
    }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(HttpError);
  });
});
