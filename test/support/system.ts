/**
 * The real system for HTTP tests: the API listening on a loopback port, a worker
 * running rito's workflows on the Temporal dev server from the global setup,
 * and a fresh PostgreSQL database.
 */
import { Client, Connection } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { buildApp } from '../../api/app';
import type { Ator, Autenticador } from '../../api/auth/ator';
import { createWorker } from '../../runtime/worker';
import { cacheDir } from '../../tooling/cache';
import { freshDatabase } from './database';

export interface TestSystem {
  baseUrl: string;
  db: Awaited<ReturnType<typeof freshDatabase>>['db'];
  temporal: Client;
  taskQueue: string;
  /** fetch against the API as the given actor (anonymous when omitted). */
  request(method: string, path: string, opts?: { as?: Ator; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
  stop(): Promise<void>;
}

export async function startTestSystem(opts: { autenticador?: Autenticador } = {}): Promise<TestSystem> {
  const database = await freshDatabase();
  const address = inject('temporalAddress');
  const taskQueue = `rito-test-${randomBytes(4).toString('hex')}`;
  const { worker, connection: workerConnection } = await createWorker({
    address,
    namespace: 'default',
    taskQueue,
    db: database.db,
    cacheDir: cacheDir(),
    log: () => {},
  });
  const running = worker.run();
  const connection = await Connection.connect({ address });
  const temporal = new Client({ connection, namespace: 'default' });
  // Until real accounts exist in the test, actors travel as a bearer token holding their JSON.
  const autenticador: Autenticador = opts.autenticador ?? {
    async autenticar(request) {
      const auth = request.headers.authorization;
      if (!auth?.startsWith('Bearer ')) return null;
      return JSON.parse(Buffer.from(auth.slice(7), 'base64url').toString('utf8')) as Ator;
    },
  };
  const app = await buildApp({ db: database.db, temporal, taskQueue, autenticador });
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });

  return {
    baseUrl,
    db: database.db,
    temporal,
    taskQueue,
    async request(method, path, o = {}) {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      if (o.as) headers.authorization = `Bearer ${Buffer.from(JSON.stringify(o.as)).toString('base64url')}`;
      const res = await fetch(baseUrl + path, { method, headers, body: o.body === undefined ? undefined : JSON.stringify(o.body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    },
    async stop() {
      await app.close();
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
      await database.drop();
    },
  };
}
