import '../support/temporal-log';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { sleepFor } from '../fixtures/timer-workflow';

const DAY_MS = 24 * 60 * 60 * 1000;
let env: TestWorkflowEnvironment;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
  });
});

afterAll(async () => {
  await env?.teardown();
});

test('um workflow que dorme 20 dias termina em segundos no servidor com salto de tempo', async () => {
  const taskQueue = `time-skipping-${Date.now()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../fixtures/timer-workflow.ts'),
  });

  const wallStart = Date.now();
  const result = await worker.runUntil(
    env.client.workflow.execute(sleepFor, { taskQueue, workflowId: `sleep-20-days-${Date.now()}`, args: ['20 days'] }),
  );
  const wallMs = Date.now() - wallStart;

  expect(result.finishedAt - result.startedAt).toBeGreaterThanOrEqual(20 * DAY_MS);
  expect(wallMs).toBeLessThan(15_000);
});
