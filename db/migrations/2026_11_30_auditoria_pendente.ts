/**
 * The audit trail's outbox (issue 16): no global lock on the request path.
 *
 * A request's transaction only INSERTs its entry into `auditoria_pendente`
 * (no lock, no read of the chain's head), so the entry commits with the action
 * it records, or neither does. One chainer at a time — `auditoria_encadear()`,
 * called by every API instance's chainer (api/auditoria/encadeador.ts) under
 * the transaction-scoped advisory lock `rito.auditoria` that only chainers
 * take — moves pending entries, in id order, into `auditoria`: it gives each
 * its seq, the previous entry's hash and its own hash, inserts it (the chain's
 * trigger still refuses an insert that does not continue the chain) and
 * deletes the pending row, in one transaction per batch.
 *
 * The hash is the one api/auditoria/registro.ts defines and verificar.ts
 * recomputes: SHA-256 (hex) of the previous hash, a newline and the entry's
 * canonical JSON. rito stores that JSON split around the seq
 * (rules/json-canonico.ts, jsonCanonicoEmVolta) in the pending row, since only
 * the chainer knows the seq.
 *
 * Pending rows are protected as chained ones are: UPDATE and TRUNCATE are
 * refused; a DELETE is allowed only for a row the chain already holds —
 * a chained row with the same id and the very same content — which is what
 * the chainer's move does in its own transaction; deleting a pending entry
 * that is not (identically) chained is refused. `id` links the two (a stable
 * handle for a request waiting for its entry's seq); it is not part of the hashed
 * content, which keeps every earlier entry's hash valid.
 *
 * The functions of 2026_11_30_auditoria_anexar and _cabeca_travada appended
 * under the chain's lock from the request's transaction: dropped, nothing
 * calls them any more.
 */
import { type Kysely, sql } from 'kysely';
import * as anexar from './2026_11_30_auditoria_anexar';
import * as cabecaTravada from './2026_11_30_auditoria_cabeca_travada';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table auditoria add column id bigint`.execute(db);
  // Not unique: a row forged with a pending entry's id (whoever may INSERT into the chain could) must not stop the
  // chainer from chaining the genuine entry, nor let anyone delete it (the guard below wants identical content).
  await sql`create index auditoria_id_idx on auditoria (id) where id is not null`.execute(db);

  await sql`
    create table auditoria_pendente (
      id bigserial primary key,
      ocorrido_em timestamptz not null,
      ator_id text,
      ator_nome text,
      ator_papeis text[] not null default '{}'::text[],
      origem_ip text,
      user_agent text,
      request_id text,
      correlacao_id text,
      acao text not null,
      recurso text,
      recurso_id text,
      processo_id text,
      resumo text not null,
      dados jsonb not null default '{}'::jsonb,
      conteudo_antes text not null,
      conteudo_depois text not null
    )`.execute(db);
  // An original is looked up among pending entries too (a replay sent while its original waits for the chainer).
  await sql`create index auditoria_pendente_acao_idx on auditoria_pendente (acao, id)`.execute(db);

  await sql`
    create function auditoria_pendente_guarda() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' and exists (
        select 1 from auditoria a
        where a.id = old.id
          and (a.ocorrido_em, a.ator_id, a.ator_nome, a.ator_papeis, a.origem_ip, a.user_agent, a.request_id, a.correlacao_id,
               a.acao, a.recurso, a.recurso_id, a.processo_id, a.resumo, a.dados)
              is not distinct from
              (old.ocorrido_em, old.ator_id, old.ator_nome, old.ator_papeis, old.origem_ip, old.user_agent, old.request_id, old.correlacao_id,
               old.acao, old.recurso, old.recurso_id, old.processo_id, old.resumo, old.dados)
      ) then
        return old;
      end if;
      raise exception 'auditoria: entradas pendentes não podem ser alteradas nem apagadas antes de encadeadas (%)', tg_op
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger auditoria_pendente_sem_alteracao before update or delete on auditoria_pendente
    for each row execute function auditoria_pendente_guarda()`.execute(db);
  await sql`create trigger auditoria_pendente_sem_truncate before truncate on auditoria_pendente
    for each statement execute function auditoria_somente_insercao()`.execute(db);

  // PL/pgSQL runs each statement of a volatile function with a fresh snapshot: the head read after the lock
  // includes what the previous chainer committed, and the pending rows read are every one committed by then.
  await sql`
    create function auditoria_encadear(limite integer default 1000, esperar boolean default true) returns integer language plpgsql volatile as $$
    declare
      p auditoria_pendente;
      cabeca_seq bigint;
      cabeca_hash text;
      novo_hash text;
      n integer := 0;
    begin
      if not esperar then
        -- Another chainer is at work: -1, and the caller looks again in a moment (it is likely moving our entries).
        if not pg_try_advisory_xact_lock(hashtext('rito.auditoria')) then
          return -1;
        end if;
      else
        perform pg_advisory_xact_lock(hashtext('rito.auditoria'));
      end if;
      select a.seq, a.hash into cabeca_seq, cabeca_hash from auditoria a order by a.seq desc limit 1;
      cabeca_seq := coalesce(cabeca_seq, 0);
      cabeca_hash := coalesce(cabeca_hash, repeat('0', 64));
      for p in select * from auditoria_pendente order by id limit limite loop
        cabeca_seq := cabeca_seq + 1;
        novo_hash := encode(sha256(convert_to(cabeca_hash || E'\\n' || p.conteudo_antes || cabeca_seq::text || p.conteudo_depois, 'UTF8')), 'hex');
        insert into auditoria (seq, id, ocorrido_em, ator_id, ator_nome, ator_papeis, origem_ip, user_agent, request_id, correlacao_id,
                               acao, recurso, recurso_id, processo_id, resumo, dados, hash_anterior, hash)
        values (cabeca_seq, p.id, p.ocorrido_em, p.ator_id, p.ator_nome, p.ator_papeis, p.origem_ip, p.user_agent, p.request_id, p.correlacao_id,
                p.acao, p.recurso, p.recurso_id, p.processo_id, p.resumo, p.dados, cabeca_hash, novo_hash);
        cabeca_hash := novo_hash;
        delete from auditoria_pendente where id = p.id;
        n := n + 1;
      end loop;
      return n;
    end $$`.execute(db);

  // The chainer's one round trip: chain, then say where each awaited entry is — chained (its seq and hash), still
  // pending (committed after this run began), or neither (its transaction rolled back) — in one snapshot, taken
  // after the move. The row with a null id carries how many entries this run moved, or -1 when another chainer
  // held the lock (this one does not queue for it: it looks again in a moment, when the other has likely moved
  // its entries too). Unless `todas`, it chains only when one of `ids` is still pending: an instance whose
  // entries another instance's chainer has just moved learns their seqs without the chain's lock.
  await sql`
    create function auditoria_encadear_e_conferir(ids bigint[], todas boolean, limite integer default 1000)
    returns table (entrada_id bigint, entrada_seq bigint, entrada_hash text, movidas integer) language plpgsql volatile as $$
    declare n integer := 0;
    begin
      if todas or exists (select 1 from auditoria_pendente p where p.id = any(ids)) then
        n := auditoria_encadear(limite, false);
      end if;
      return query
        select null::bigint, null::bigint, null::text, n
        union all
        (select distinct on (a.id) a.id, a.seq, a.hash, null::integer from auditoria a where a.id = any(ids) order by a.id, a.seq desc)
        union all
        select p.id, null::bigint, null::text, null::integer from auditoria_pendente p where p.id = any(ids);
    end $$`.execute(db);

  await sql`drop function if exists auditoria_anexar(text, text, json)`.execute(db);
  await sql`drop function if exists auditoria_cabeca_travada()`.execute(db);

  // rito_app (2026_11_29_papel_aplicacao; absent under PGlite): append, read and the chainer's move, nothing else.
  await sql`
    do $$
    begin
      if exists (select 1 from pg_roles where rolname = 'rito_app') then
        revoke all on auditoria_pendente from rito_app;
        grant select, insert, delete on auditoria_pendente to rito_app;
        grant usage, select on sequence auditoria_pendente_id_seq to rito_app;
      end if;
    end $$`.execute(db);
  await sql`revoke update, truncate on auditoria_pendente from public`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Nothing recorded is lost: what is pending is chained before the outbox goes (2^31 - 1: all of it).
  await sql`select auditoria_encadear(2147483647)`.execute(db);
  await anexar.up(db);
  await cabecaTravada.up(db);
  await sql`drop function if exists auditoria_encadear_e_conferir(bigint[], boolean, integer)`.execute(db);
  await sql`drop function if exists auditoria_encadear(integer, boolean)`.execute(db);
  await sql`drop table if exists auditoria_pendente`.execute(db);
  await sql`drop function if exists auditoria_pendente_guarda()`.execute(db);
  await sql`drop index if exists auditoria_id_idx`.execute(db);
  await sql`alter table auditoria drop column if exists id`.execute(db);
}
