import { Kysely, PostgresDialect } from 'kysely';
import { Pool, types } from 'pg';
import type { Database } from './schema';

// bigint columns (bigserial ids, counts) arrive as strings: safer than silently losing precision.
types.setTypeParser(types.builtins.INT8, (v) => v);
// A civil date (a prazo's last day) is not an instant: keep 'YYYY-MM-DD' instead of a local-midnight Date.
types.setTypeParser(types.builtins.DATE, (v) => v);

export type Db = Kysely<Database>;

export function connectDb(url: string, opts: { max?: number } = {}): Db {
  const pool = new Pool({ connectionString: url, max: opts.max ?? 10 });
  // An idle connection dropped by the server (restart, failover, a dropped test
  // database) must not crash the process: the pool replaces it on next use.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') process.emitWarning(`conexão ociosa com o PostgreSQL encerrada: ${err.message}`);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
