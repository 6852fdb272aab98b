import { type Kysely, sql } from 'kysely';

/**
 * The application's database role, `rito_app`: it reads and writes every table
 * except the audit trail, which it may only INSERT into and SELECT from. It
 * does not own `auditoria`, so it cannot DISABLE TRIGGER, UPDATE, DELETE or
 * TRUNCATE it; the role that runs the migrations (DATABASE_URL_MIGRACAO) keeps
 * ownership. `rito api` and `rito worker` connect (DATABASE_URL) as rito_app
 * or as a login role that is a member of it (README, "Papéis do banco").
 *
 * The role is created when the migrating role may create roles (superuser or
 * CREATEROLE); otherwise a DBA creates it beforehand (`create role rito_app`)
 * and this migration grants to it; if it does not exist and cannot be
 * created, the grants are skipped with a NOTICE. Roles are shared by every
 * database of a cluster: an existing rito_app is reused. ALTER DEFAULT
 * PRIVILEGES grants the tables later migrations create.
 *
 * PGlite (`rito dev`) has a single user and no other role ever connects:
 * nothing to do there.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ pglite: boolean }>`select version() like '%PGlite%' as pglite`.execute(db);
  if (rows[0]?.pglite) return;
  await sql`
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = 'rito_app') then
        if exists (select 1 from pg_roles where rolname = current_user and (rolsuper or rolcreaterole)) then
          begin
            create role rito_app nologin;
          exception when duplicate_object or unique_violation then
            null; -- created meanwhile by the migration of another database of the cluster
          end;
        else
          raise notice 'papel rito_app não existe e % não pode criá-lo: crie-o (create role rito_app) e rode as migrações de novo', current_user;
          return;
        end if;
      end if;
      execute format('grant connect, temporary on database %I to rito_app', current_database());
      grant usage on schema public to rito_app;
      grant select, insert, update, delete on all tables in schema public to rito_app;
      grant usage, select on all sequences in schema public to rito_app;
      alter default privileges in schema public grant select, insert, update, delete on tables to rito_app;
      alter default privileges in schema public grant usage, select on sequences to rito_app;
      -- The audit trail: append and read only. Ownership stays with the migrating role.
      revoke all on auditoria from rito_app;
      grant select, insert on auditoria to rito_app;
      -- Migrations are the owner's business.
      revoke all on kysely_migration, kysely_migration_lock from rito_app;
    end $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ existe: boolean }>`select exists (select 1 from pg_roles where rolname = 'rito_app') as existe`.execute(db);
  if (!rows[0]?.existe) return;
  await sql`alter default privileges in schema public revoke all on tables from rito_app`.execute(db);
  await sql`alter default privileges in schema public revoke all on sequences from rito_app`.execute(db);
  await sql`revoke all on all tables in schema public from rito_app`.execute(db);
  await sql`revoke all on all sequences in schema public from rito_app`.execute(db);
  await sql`revoke usage on schema public from rito_app`.execute(db);
}
