import { IllegalStateError, type PayloadCodec } from '@temporalio/common';
import { DefaultLogger, NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import { createActivities } from '../activities';
import type { Correio } from '../api/contas/correio';
import type { Db } from '../db/connect';
import { workflowBundle } from './bundle';
import { conversorDeDados } from './codec';

let runtimeInstalled = false;

/**
 * Worker and native-core logs below WARN are noise next to the API's request
 * logs. A Runtime the embedding process installed first (the tests send the
 * SDK's logs to a file: test/support/temporal-log.ts) is kept as it is.
 */
function installRuntime(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } } });
  } catch (err) {
    if (!(err instanceof IllegalStateError)) throw err;
  }
}

export async function createWorker(opts: {
  address: string;
  namespace: string;
  taskQueue: string;
  db: Db;
  cacheDir: string;
  log: (m: string) => void;
  /** Workflows kept in memory (the rest replay from history when they act); SDK default when absent. */
  maxCachedWorkflows?: number;
  /** Encrypts every payload sent to Temporal (runtime/codec.ts); the API's client must use the same keys. */
  codec: PayloadCodec;
  /** Where the pedidos de habilitação send their e-mails, and the address their links carry (the API's). */
  correio?: Correio;
  urlPublica?: string;
}): Promise<{ worker: Worker; connection: NativeConnection }> {
  installRuntime();
  const connection = await NativeConnection.connect({ address: opts.address });
  const worker = await Worker.create({
    connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    workflowBundle: await workflowBundle(opts.cacheDir, opts.log),
    activities: createActivities({ db: opts.db, correio: opts.correio, urlPublica: opts.urlPublica }),
    dataConverter: conversorDeDados(opts.codec),
    ...(opts.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: opts.maxCachedWorkflows } : {}),
  });
  return { worker, connection };
}
