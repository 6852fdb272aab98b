/**
 * An audit entry appended in one round trip (issue 16): the chain's lock, its
 * head, the entry's seq and hash, the INSERT. An append in a caller's
 * transaction holds the chain's lock until that transaction commits, and every
 * other audited write of every instance waits on it; this leaves the lock held
 * for this call and the caller's remaining statements only.
 *
 * The hash is the one api/auditoria/registro.ts computes and verificar.ts
 * recomputes: SHA-256 (hex) of the previous hash, a newline and the entry's
 * canonical JSON. rito sends that JSON split around the seq
 * (rules/json-canonico.ts, jsonCanonicoEmVolta), since only the database knows
 * the seq under the lock. PL/pgSQL runs each statement of a volatile function
 * with a fresh snapshot: the head read after the lock includes the entry the
 * previous holder committed.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function auditoria_anexar(conteudo_antes text, conteudo_depois text, linha json)
    returns table (entrada_seq bigint, entrada_hash text) language plpgsql volatile as $$
    declare
      nova auditoria;
      cabeca_seq bigint;
      cabeca_hash text;
    begin
      perform pg_advisory_xact_lock(hashtext('rito.auditoria'));
      select a.seq, a.hash into cabeca_seq, cabeca_hash from auditoria a order by a.seq desc limit 1;
      nova := json_populate_record(null::auditoria, linha);
      nova.seq := coalesce(cabeca_seq, 0) + 1;
      nova.hash_anterior := coalesce(cabeca_hash, repeat('0', 64));
      nova.hash := encode(sha256(convert_to(nova.hash_anterior || E'\\n' || conteudo_antes || nova.seq::text || conteudo_depois, 'UTF8')), 'hex');
      insert into auditoria select (nova).*;
      return query select nova.seq, nova.hash;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists auditoria_anexar(text, text, json)`.execute(db);
}
