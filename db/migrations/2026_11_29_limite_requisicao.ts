import type { Kysely } from 'kysely';

/**
 * Request counts of the rate limit (api/plugins/limites.ts), one row per key
 * (an actor, an IP, a public route and IP) and fixed window. Kept in
 * PostgreSQL so that every API instance counts against the same limit; rows
 * whose window ended are deleted by the API from time to time.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('limite_requisicao')
    .addColumn('chave', 'text', (c) => c.primaryKey())
    .addColumn('contagem', 'integer', (c) => c.notNull())
    .addColumn('expira_em', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('limite_requisicao_expira_idx').on('limite_requisicao').column('expira_em').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('limite_requisicao').execute();
}
