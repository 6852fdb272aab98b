import { type Kysely, sql } from 'kysely';

/**
 * Operational alerts: a workflow's side effect that keeps failing (PostgreSQL
 * down for long, a row PostgreSQL refuses). The process keeps running; the
 * administrator sees here what is stuck and why, instead of an activity
 * retrying in silence.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alerta_operacao')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    // One alert per failing activity execution (workflow run + activity id): retries update it.
    .addColumn('chave', 'text', (c) => c.notNull().unique())
    .addColumn('processo_id', 'text')
    .addColumn('atividade', 'text', (c) => c.notNull())
    .addColumn('definitivo', 'boolean', (c) => c.notNull())
    .addColumn('tentativas', 'integer', (c) => c.notNull())
    .addColumn('erro', 'text', (c) => c.notNull())
    .addColumn('primeira_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('ultima_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolvido_em', 'timestamptz')
    .execute();
  await sql`create index alerta_operacao_aberto_idx on alerta_operacao (ultima_em desc) where resolvido_em is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alerta_operacao').execute();
}
