/**
 * What every activity does when it fails, so that no process fails in silence.
 *
 * - A failure a retry cannot fix (PostgreSQL refusing the data: SQLSTATE class
 *   22 "data exception" or an integrity violation other than a unique race; a
 *   validation error) becomes a non-retryable ApplicationFailure at once, and
 *   an alert for the administrator (alerta_operacao): the workflow decides
 *   what to do, instead of the same write being retried forever.
 * - A failure that may pass (PostgreSQL or the network down) keeps being
 *   retried, since the process must go on once the cause is gone; from attempt
 *   TENTATIVAS_ATE_ALERTAR on, each failure updates an alert (attempts, last
 *   error), and the alert is marked resolved when the activity finally succeeds.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { DatabaseError } from 'pg';
import { ZodError } from 'zod';
import type { Db } from '../db/connect';
import { registrarAlerta, resolverAlerta } from '../db/alertas';
import { mascararCpfNisEmTexto } from '../rules/identificadores';
import { textoExibivel } from '../rules/texto';

/**
 * Attempts before the administrator is alerted. With the workflows' backoff
 * (1 s doubling to 1 min) the tenth attempt comes about five minutes after the
 * first: longer than a database restart, short enough to matter.
 */
export const TENTATIVAS_ATE_ALERTAR = 10;

/** Unique races (23505) and serialisation failures (class 40) pass on retry; other integrity violations do not. */
export function falhaDefinitiva(err: unknown): boolean {
  if (err instanceof ZodError) return true;
  if (err instanceof DatabaseError && typeof err.code === 'string') {
    return err.code.startsWith('22') || (err.code.startsWith('23') && err.code !== '23505');
  }
  return false;
}

const mensagemDe = (err: unknown) => textoExibivel(mascararCpfNisEmTexto(err instanceof Error ? err.message : String(err)));

// Any activity signature.
type Atividades = Record<string, (...args: any[]) => Promise<any>>;

/** The same activities, each failing as described above. */
export function comAlertas<T extends Atividades>(db: Db, atividades: T): T {
  const envolvidas = Object.entries(atividades).map(([nome, fn]) => [
    nome,
    async (...args: unknown[]) => {
      const ctx = Context.current();
      const { workflowExecution, activityId, attempt } = ctx.info;
      const processoId = workflowExecution?.workflowId ?? null;
      const chave = `${processoId}/${workflowExecution?.runId}/${activityId}`;
      const alerta = (definitivo: boolean, erro: string) =>
        registrarAlerta(db, { chave, processoId, atividade: nome, definitivo, tentativas: attempt, erro }).catch((e) =>
          ctx.log.error('não foi possível registrar o alerta', { atividade: nome, erro: mensagemDe(e) }),
        );
      try {
        const resultado = await fn(...args);
        if (attempt >= TENTATIVAS_ATE_ALERTAR) await resolverAlerta(db, chave).catch(() => undefined);
        return resultado;
      } catch (err) {
        if (err instanceof ApplicationFailure) throw err;
        const erro = mensagemDe(err);
        if (falhaDefinitiva(err)) {
          ctx.log.error('atividade falhou sem remédio por nova tentativa', { atividade: nome, erro });
          await alerta(true, erro);
          throw ApplicationFailure.create({ type: 'DadosRecusados', message: erro, nonRetryable: true });
        }
        if (attempt >= TENTATIVAS_ATE_ALERTAR) {
          ctx.log.error('atividade ainda falhando', { atividade: nome, tentativas: attempt, erro });
          await alerta(false, erro);
        }
        throw err;
      }
    },
  ]);
  return Object.fromEntries(envolvidas) as T;
}
