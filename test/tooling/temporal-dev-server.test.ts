import '../support/temporal-log';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { expect, inject, test } from 'vitest';
import { greet } from '../fixtures/timer-workflow';

test('o Temporal dev server provido executa um workflow com um worker', async () => {
  const address = inject('temporalAddress');
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  try {
    const client = new Client({ connection });
    const taskQueue = `dev-server-${Date.now()}`;
    const worker = await Worker.create({
      connection: nativeConnection,
      taskQueue,
      workflowsPath: require.resolve('../fixtures/timer-workflow.ts'),
    });
    const result = await worker.runUntil(
      client.workflow.execute(greet, { taskQueue, workflowId: `greet-${Date.now()}`, args: ['rito'] }),
    );
    expect(result).toBe('olá, rito');
  } finally {
    await nativeConnection.close();
    await connection.close();
  }
});
