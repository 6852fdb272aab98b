/**
 * Workflow tests on the Java time-skipping test server: rito's real workflows
 * and real activities (against a fresh PostgreSQL database), with time moved
 * forward on purpose to reach a prazo's last second.
 */
import './temporal-log';
import type { DataConverter } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createActivities } from '../../activities';
import type { Correio } from '../../api/contas/correio';
import { gerarChave, lerChaves } from '../../config/chaves-temporal';
import { workflowBundle } from '../../runtime/bundle';
import { CodecCriptografia, conversorDeDados } from '../../runtime/codec';
import { cacheDir } from '../../tooling/cache';
import { freshDatabase } from './database';

export interface WorkflowTestEnv {
  env: TestWorkflowEnvironment;
  db: Awaited<ReturnType<typeof freshDatabase>>['db'];
  taskQueue: string;
  /** The worker's and env.client's: payloads are encrypted as in production (replaying a fetched history needs it). */
  dataConverter: DataConverter;
  /** Server time, ISO 8601 in UTC. */
  agora(): Promise<string>;
  /** Moves server time forward to `instante` (no-op if already past it). */
  saltarAte(instante: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * `workflowsPath`: another bundle entry (a test's own rite registered beside rito's); default: rito's cached bundle.
 * `correio`: where the activities' e-mails go (a test's recorder); default: the development mailbox.
 */
export async function startWorkflowEnv(opts: { workflowsPath?: string; correio?: Correio } = {}): Promise<WorkflowTestEnv> {
  const database = await freshDatabase();
  const dataConverter = conversorDeDados(new CodecCriptografia(lerChaves(gerarChave(`teste-${randomBytes(3).toString('hex')}`))));
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('testServerPath') } },
    client: { dataConverter },
  });
  const taskQueue = `rito-wf-${randomBytes(4).toString('hex')}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: opts.workflowsPath
      ? await bundleWorkflowCode({ workflowsPath: opts.workflowsPath, logger: new DefaultLogger('ERROR') })
      : await workflowBundle(cacheDir(), () => {}),
    activities: createActivities({ db: database.db, correio: opts.correio, urlPublica: 'http://rito.teste' }),
    dataConverter,
  });
  const running = worker.run();
  return {
    env,
    db: database.db,
    taskQueue,
    dataConverter,
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
