/**
 * Statements PostgreSQL parses and plans once per connection (named prepared
 * statements) instead of on every execution. Kysely sends every query unnamed,
 * so PostgreSQL plans it anew each time; for the session's statement (the
 * session, its account and the account's scope: three correlated subqueries)
 * planning cost 1.5 ms of PostgreSQL's CPU and execution 0.3 ms, on every
 * authenticated request (issue 16).
 *
 * Only statements registered here are named: fixed texts on the request path
 * (the parameters vary, the SQL does not), so each connection keeps a handful
 * of plans. connectDb's pool (db/connect.ts) sends a registered text by its
 * name; pg prepares it on first use on each connection. The results are the
 * same as unnamed: PostgreSQL re-plans a prepared statement when a table it
 * uses changes.
 */
import type { CompiledQuery, Kysely, QueryExecutorProvider } from 'kysely';

/** More distinct texts than this would mean a statement built with variable SQL was registered: the rest run unnamed. */
const MAXIMO = 64;
const nomes = new Map<string, string>();

/** The name pg sends `sql` under, if it was registered. */
export function nomePreparado(sql: string): string | undefined {
  return nomes.get(sql);
}

/** Runs a query whose SQL text is fixed (a builder, or already compiled) as a named prepared statement; returns its rows. */
export async function executarPreparada<D, R>(
  db: Kysely<D>,
  query: CompiledQuery<R> | { compile(executor: QueryExecutorProvider): CompiledQuery<R> },
): Promise<R[]> {
  const compilada = 'compile' in query ? query.compile(db) : query;
  if (!nomes.has(compilada.sql) && nomes.size < MAXIMO) nomes.set(compilada.sql, `rito_${nomes.size + 1}`);
  return (await db.executeQuery(compilada)).rows;
}
