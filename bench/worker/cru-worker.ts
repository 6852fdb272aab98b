/**
 * The raw baseline's worker (bench/worker.ts starts it as a child process, as it starts `rito worker`): the
 * SDK's Worker with the options runtime/worker.ts gives rito's (payload codec, maxCachedWorkflows, logging),
 * running only bench/worker/cru-workflow.ts.
 */
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, makeTelemetryFilterString } from '@temporalio/worker';
import path from 'node:path';
import { lerChaves } from '../../config/chaves-temporal';
import { CodecCriptografia, conversorDeDados } from '../../runtime/codec';

async function main() {
  Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } } });
  const connection = await NativeConnection.connect({ address: process.env.TEMPORAL_ADDRESS! });
  const worker = await Worker.create({
    connection,
    namespace: 'default',
    taskQueue: process.env.TEMPORAL_TASK_QUEUE!,
    workflowBundle: await bundleWorkflowCode({ workflowsPath: path.join(__dirname, 'cru-workflow.ts'), logger: new DefaultLogger('WARN') }),
    dataConverter: conversorDeDados(new CodecCriptografia(lerChaves(process.env.TEMPORAL_CHAVES!))),
    maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS),
  });
  process.stderr.write(`worker na fila "${process.env.TEMPORAL_TASK_QUEUE}"\n`);
  await worker.run();
  await connection.close();
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
