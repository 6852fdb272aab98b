/**
 * Workflow tests on the Java time-skipping test server: rito's real workflows
 * and real activities (against a fresh PostgreSQL database), with time moved
 * forward on purpose to reach a prazo's last second.
 */
import './temporal-log';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createActivities } from '../../activities';
import { workflowBundle } from '../../runtime/bundle';
import { cacheDir } from '../../tooling/cache';
import { freshDatabase } from './database';

export interface WorkflowTestEnv {
  env: TestWorkflowEnvironment;
  db: Awaited<ReturnType<typeof freshDatabase>>['db'];
  taskQueue: string;
  /** Server time, ISO 8601 in UTC. */
  agora(): Promise<string>;
  /** Moves server time forward to `instante` (no-op if already past it). */
  saltarAte(instante: string): Promise<void>;
  stop(): Promise<void>;
}

/** `workflowsPath`: another bundle entry (a test's own rite registered beside rito's); default: rito's cached bundle. */
export async function startWorkflowEnv(opts: { workflowsPath?: string } = {}): Promise<WorkflowTestEnv> {
  const database = await freshDatabase();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
  });
  const taskQueue = `rito-wf-${randomBytes(4).toString('hex')}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: opts.workflowsPath
      ? await bundleWorkflowCode({ workflowsPath: opts.workflowsPath, logger: new DefaultLogger('ERROR') })
      : await workflowBundle(cacheDir(), () => {}),
    activities: createActivities({ db: database.db }),
  });
  const running = worker.run();
  return {
    env,
    db: database.db,
    taskQueue,
    async agora() {
      return new Date(await env.currentTimeMs()).toISOString();
    },
    async saltarAte(instante) {
      const delta = Date.parse(instante) - (await env.currentTimeMs());
      if (delta > 0) await env.sleep(delta);
    },
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await database.drop();
    },
  };
}
