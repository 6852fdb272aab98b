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

/** More shapes than this per database and the rest are compiled each time (a builder whose shape depends on values). */
const MAXIMO_FORMAS = 256;
const formas = new WeakMap<object, Map<string, { compilada: CompiledQuery; lugares: Map<unknown, [string, number]> }>>();

/**
 * A query compiled once per shape instead of built and compiled on every request (issue 16: building the case
 * list's query with Kysely cost as much CPU as the rest of the request's own code). `valores` are the query's
 * values by name, a value or an array of values (an `in` list); `construir` builds the query from values of that
 * shape and may look only at which values are present (not undefined) and how long each array is, never at the
 * values themselves: the first call for a shape builds it with a placeholder in each value's place, and every call
 * then puts its own values in those places. `forma` names what else decides the shape (the caller's scope kind…).
 */
export function compiladaPorForma<V extends Record<string, unknown>, R>(
  db: object,
  forma: string,
  valores: V,
  construir: (v: V) => { compile(): CompiledQuery<R> },
): CompiledQuery<R> {
  let chave = forma;
  for (const k in valores) {
    const v = valores[k];
    chave += v === undefined ? ',-' : Array.isArray(v) ? `,${v.length}` : ',1';
  }
  let porForma = formas.get(db);
  if (!porForma) formas.set(db, (porForma = new Map()));
  let modelo = porForma.get(chave);
  if (!modelo) {
    const lugares = new Map<unknown, [string, number]>();
    const marcados = {} as Record<string, unknown>;
    for (const k in valores) {
      const v = valores[k];
      if (v === undefined) marcados[k] = undefined;
      else if (Array.isArray(v)) marcados[k] = v.map((_, i) => { const m = { lugar: k, i }; lugares.set(m, [k, i]); return m; });
      else { const m = { lugar: k }; lugares.set(m, [k, -1]); marcados[k] = m; }
    }
    const compilada = construir(marcados as V).compile();
    // Every value must have become a parameter, or a request would run with a placeholder in its SQL.
    for (const m of lugares.keys()) if (!compilada.parameters.includes(m)) throw new Error(`consulta ${forma}: um valor não virou parâmetro`);
    modelo = { compilada, lugares };
    if (porForma.size < MAXIMO_FORMAS) porForma.set(chave, modelo);
  }
  const { lugares } = modelo;
  const parameters = modelo.compilada.parameters.map((p) => {
    const l = lugares.get(p);
    if (!l) return p;
    const v = valores[l[0]];
    return l[1] < 0 ? v : (v as unknown[])[l[1]];
  });
  return { ...(modelo.compilada as CompiledQuery<R>), parameters };
}
