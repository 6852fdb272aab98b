import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Runs `f` in a transaction: the caller's, when `db` already is one (Kysely cannot nest transactions, and a
 * second connection would wait on the first one, for ever under PGlite), or a new one.
 */
export function emTransacao<T>(db: Kysely<Database>, f: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? f(db) : db.transaction().execute(f);
}
