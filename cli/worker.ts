import { correioDaConfiguracao } from '../api/contas/correio';
import { urlPublicaDaConfiguracao } from '../config/settings';
import { cacheDir } from '../tooling/cache';
import { loadConfig, requireSetting } from '../config/settings';
import { connectDb } from '../db/connect';
import { progress } from '../runtime/log';
import { untilSignal } from '../runtime/signals';
import { codecDaConfiguracao } from '../runtime/codec';
import { createWorker } from '../runtime/worker';

export async function run(): Promise<number> {
  const config = loadConfig();
  const codec = codecDaConfiguracao(config, { comando: 'rito worker' }); // before connecting: a missing key stops at once
  const db = connectDb(requireSetting(config, 'DATABASE_URL', 'para `rito worker` (use `rito dev` para o banco embutido)'));
  const { worker, connection } = await createWorker({
    address: requireSetting(config, 'TEMPORAL_ADDRESS', 'para `rito worker`'),
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    db,
    cacheDir: cacheDir(),
    log: progress,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    codec,
    correio: correioDaConfiguracao(config, progress),
    urlPublica: urlPublicaDaConfiguracao(config),
  });
  progress(`worker na fila "${config.TEMPORAL_TASK_QUEUE}"`);
  const running = worker.run();
  // The Temporal runtime shuts the worker down on SIGINT/SIGTERM itself; shutting down twice would throw.
  const parar = () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  await Promise.race([untilSignal().then(parar), running]);
  await running;
  await connection.close();
  await db.destroy();
  return 0;
}
