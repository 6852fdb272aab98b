import { Kysely, PostgresDialect } from 'kysely';
import { Pool, types } from 'pg';
import { nomePreparado } from './preparadas';
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
  // Nor a connection dropped while checked out between two queries (a transaction awaiting Temporal, say): pg-pool
  // listens only on idle clients, and an 'error' event nobody listens to ends the process (the chaos drill,
  // bench/caos.ts, saw the API die so at a PostgreSQL restart). The next query on it fails, as a 503, and the pool
  // drops it on release.
  pool.on('connect', (client) => {
    client.on('error', () => {});
    // Kysely calls query(text, values): a text registered in db/preparadas.ts goes as a named prepared statement.
    const query = client.query;
    client.query = function (this: typeof client, texto: unknown, ...resto: unknown[]) {
      const nome = typeof texto === 'string' && Array.isArray(resto[0]) ? nomePreparado(texto) : undefined;
      if (nome) return (query as (...a: unknown[]) => unknown).call(this, { name: nome, text: texto, values: resto[0] }, ...resto.slice(1));
      return (query as (...a: unknown[]) => unknown).call(this, texto, ...resto);
    } as typeof client.query;
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
