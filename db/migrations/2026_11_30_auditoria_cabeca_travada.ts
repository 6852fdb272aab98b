/**
 * The audit chain's lock and head in one round trip (issue 16). An append in a
 * caller's transaction took the chain's advisory lock, then read the head, in
 * two statements, while every other audited write of every instance waited on
 * that lock. This function does both: PL/pgSQL runs each statement of a
 * volatile function with a fresh snapshot, so the head it reads after the lock
 * includes the entry the previous holder committed while it waited.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function auditoria_cabeca_travada() returns table (seq bigint, hash text) language plpgsql volatile as $$
    begin
      perform pg_advisory_xact_lock(hashtext('rito.auditoria'));
      return query select a.seq, a.hash from auditoria a order by a.seq desc limit 1;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists auditoria_cabeca_travada()`.execute(db);
}
