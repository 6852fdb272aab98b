import { Client, Connection } from '@temporalio/client';
import { buildApp } from '../api/app';
import { createAutenticador } from '../api/auth';
import type { Config } from '../config/settings';
import type { Db } from '../db/connect';

export async function startApi(opts: { config: Config; db: Db; temporalAddress: string }) {
  const connection = await Connection.connect({ address: opts.temporalAddress });
  const temporal = new Client({ connection, namespace: opts.config.TEMPORAL_NAMESPACE });
  const app = await buildApp(
    { db: opts.db, temporal, taskQueue: opts.config.TEMPORAL_TASK_QUEUE, autenticador: createAutenticador(opts.db) },
    {
      logger: {
        level: opts.config.LOG_LEVEL,
        // CPFs and session secrets never reach the logs.
        redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
      },
    },
  );
  const address = await app.listen({ host: opts.config.HOST, port: opts.config.PORT });
  return {
    app,
    address,
    async stop() {
      await app.close();
      await connection.close();
    },
  };
}
