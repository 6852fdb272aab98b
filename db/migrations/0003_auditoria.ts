/**
 * The audit trail (LGPD, SEI-MEC): append-only and hash-chained. Each entry
 * carries the SHA-256 of the previous one (`hash_anterior`) and its own `hash`
 * over its content, computed by api/auditoria/registro.ts and checked by
 * `rito auditoria verificar`. PostgreSQL itself refuses UPDATE, DELETE and
 * TRUNCATE on the table, and refuses an INSERT that does not continue the chain.
 * (A superuser can still bypass triggers, e.g. with session_replication_role =
 * replica: that is what the hash chain is there to reveal.)
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auditoria')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('ocorrido_em', 'timestamptz', (c) => c.notNull())
    .addColumn('ator_id', 'text')
    .addColumn('ator_nome', 'text')
    .addColumn('ator_papeis', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('origem_ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('request_id', 'text')
    .addColumn('acao', 'text', (c) => c.notNull())
    .addColumn('recurso', 'text')
    .addColumn('recurso_id', 'text')
    .addColumn('processo_id', 'text')
    .addColumn('resumo', 'text', (c) => c.notNull())
    .addColumn('dados', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('hash_anterior', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auditoria_processo_idx').on('auditoria').columns(['processo_id', 'seq']).execute();
  await db.schema.createIndex('auditoria_ator_idx').on('auditoria').columns(['ator_id', 'seq']).execute();
  await db.schema.createIndex('auditoria_acao_idx').on('auditoria').columns(['acao', 'seq']).execute();
  await db.schema.createIndex('auditoria_ocorrido_idx').on('auditoria').column('ocorrido_em').execute();

  await sql`
    create function auditoria_somente_insercao() returns trigger language plpgsql as $$
    begin
      raise exception 'auditoria: entradas não podem ser alteradas nem apagadas (%)', tg_op
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger auditoria_sem_alteracao before update or delete on auditoria
    for each row execute function auditoria_somente_insercao()`.execute(db);
  await sql`create trigger auditoria_sem_truncate before truncate on auditoria
    for each statement execute function auditoria_somente_insercao()`.execute(db);

  await sql`
    create function auditoria_encadeada() returns trigger language plpgsql as $$
    declare anterior text;
    begin
      if new.seq = 1 then
        anterior := repeat('0', 64);
      else
        select hash into anterior from auditoria where seq = new.seq - 1;
      end if;
      if anterior is null or new.hash_anterior is distinct from anterior then
        raise exception 'auditoria: a entrada % não continua a cadeia', new.seq
          using errcode = 'integrity_constraint_violation';
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger auditoria_cadeia before insert on auditoria
    for each row execute function auditoria_encadeada()`.execute(db);

  // Nobody but the owner may write; the owner is held back by the triggers above.
  // Deployments should run the API as a role that is not the table's owner (see api/auth/README.md).
  await sql`revoke update, delete, truncate on auditoria from public`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('auditoria').execute();
  await sql`drop function if exists auditoria_somente_insercao()`.execute(db);
  await sql`drop function if exists auditoria_encadeada()`.execute(db);
}
