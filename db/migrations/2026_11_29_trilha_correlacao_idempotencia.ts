import { type Kysely, sql } from 'kysely';

/**
 * The audit trail keeps the request id rito generates (request_id) apart from
 * the one a client sends in X-Request-Id (correlacao_id): a client could name
 * its request after another's and blur the trail. The hash covers
 * correlacao_id only when it is set, so entries written before this migration
 * keep their hashes.
 *
 * Idempotent replays are found by the action and the caller's key
 * (dados.chaveIdempotencia): the partial index keeps that lookup cheap however
 * long the trail grows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('auditoria').addColumn('correlacao_id', 'text').execute();
  await sql`create index auditoria_idempotencia_idx on auditoria (acao, (dados->>'chaveIdempotencia'), seq)
    where dados ? 'chaveIdempotencia'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists auditoria_idempotencia_idx`.execute(db);
  await db.schema.alterTable('auditoria').dropColumn('correlacao_id').execute();
}
