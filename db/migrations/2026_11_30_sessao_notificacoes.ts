/**
 * Notifications that tell every API instance to forget what it cached of a
 * session (api/auth/cache-sessoes.ts; issue 16). Triggers, not the code paths
 * that write, so that every writer is covered: the API's logout, revocation and
 * account changes, the worker's activities (a habilitação deactivating an
 * account), the CLI, an administrator's psql. pg_notify is delivered at commit,
 * and not at all if the transaction rolls back.
 *
 * Channel rito_sessoes, payload:
 * - `s:<sessao.id>`: that session ended, expired or changed (the touch of
 *   ultimo_uso_em, at most once a minute, does not notify);
 * - `u:<usuario.id>`: that account changed (active, roles, unit, name,
 *   password), or one of its mandates (representacao) or comissão designations:
 *   its scope;
 * - `*`: a process's SEI number changed, which changes the scope of the
 *   representantes whose procuração names processes by that number.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function rito_notificar_sessoes() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'sessao' then
        perform pg_notify('rito_sessoes', 's:' || (case when tg_op = 'DELETE' then old.id else new.id end));
      elsif tg_table_name = 'usuario' then
        perform pg_notify('rito_sessoes', 'u:' || (case when tg_op = 'DELETE' then old.id else new.id end));
      elsif tg_table_name = 'processo' then
        perform pg_notify('rito_sessoes', '*');
      else
        if tg_op <> 'INSERT' then perform pg_notify('rito_sessoes', 'u:' || old.usuario_id); end if;
        if tg_op <> 'DELETE' then perform pg_notify('rito_sessoes', 'u:' || new.usuario_id); end if;
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger sessao_notificar after update on sessao for each row
    when (old.encerrada_em is distinct from new.encerrada_em or old.expira_em is distinct from new.expira_em
      or old.usuario_id is distinct from new.usuario_id or old.csrf_token is distinct from new.csrf_token)
    execute function rito_notificar_sessoes()`.execute(db);
  await sql`create trigger sessao_notificar_remocao after delete on sessao for each row execute function rito_notificar_sessoes()`.execute(db);
  await sql`
    create trigger usuario_notificar after update or delete on usuario for each row
    execute function rito_notificar_sessoes()`.execute(db);
  for (const tabela of ['representacao', 'designacao_comissao']) {
    await sql`
      create trigger ${sql.id(`${tabela}_notificar`)} after insert or update or delete on ${sql.table(tabela)} for each row
      execute function rito_notificar_sessoes()`.execute(db);
  }
  await sql`
    create trigger processo_notificar_sei after update of numero_sei on processo for each row
    when (old.numero_sei is distinct from new.numero_sei)
    execute function rito_notificar_sessoes()`.execute(db);
  await sql`
    create trigger processo_notificar_sei_novo after insert on processo for each row
    when (new.numero_sei is not null)
    execute function rito_notificar_sessoes()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [gatilho, tabela] of [
    ['sessao_notificar', 'sessao'],
    ['sessao_notificar_remocao', 'sessao'],
    ['usuario_notificar', 'usuario'],
    ['representacao_notificar', 'representacao'],
    ['designacao_comissao_notificar', 'designacao_comissao'],
    ['processo_notificar_sei', 'processo'],
    ['processo_notificar_sei_novo', 'processo'],
  ]) {
    await sql`drop trigger if exists ${sql.id(gatilho)} on ${sql.table(tabela)}`.execute(db);
  }
  await sql`drop function if exists rito_notificar_sessoes()`.execute(db);
}
