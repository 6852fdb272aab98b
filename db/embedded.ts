/**
 * The embedded default database: PGlite (Postgres compiled to WASM) persisted in
 * a folder and served over the PostgreSQL wire protocol, so the API and worker use
 * the same `pg` driver and Kysely dialect as against a real server.
 */
import fs from 'node:fs';
import { connectDb, type Db } from './connect';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; host?: string }): Promise<EmbeddedPostgres> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const db = await PGlite.create(opts.dataDir);
  const host = opts.host ?? '127.0.0.1';
  // PGlite runs one query at a time; the socket server multiplexes connections onto it.
  const server = new PGLiteSocketServer({ db, host, port: opts.port, maxConnections: 100 });
  await server.start();
  return {
    url: `postgres://postgres:postgres@${host}:${opts.port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * The pool for the embedded PGlite: one connection. PGlite is one session that
 * the socket server shares among its connections, interleaving their protocol
 * messages: a statement parsed on one connection can be bound with another's
 * parameters ("invalid input syntax for type boolean"), and while one holds a
 * transaction the others' half-sent statements wait and then run against the
 * wrong one (seen with concurrent aberturas: test/api/abertura-atomica.test.ts).
 * With one connection the pool serialises whole queries and transactions, as
 * PGlite would run them one at a time anyway.
 */
export function conectarEmbutido(url: string): Db {
  return connectDb(url, { max: 1 });
}
