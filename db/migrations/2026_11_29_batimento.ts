import { type Kysely, sql } from 'kysely';

/**
 * rito's own health record (issue 11): each running API writes the current
 * minute once a minute (runtime/api.ts). A stretch of minutes without one is
 * a period rito may have been unavailable, which an administrator confirms
 * (or not) as an outage (/v1/calendario/indisponibilidades/detectadas).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('batimento').addColumn('minuto', 'timestamptz', (c) => c.primaryKey()).execute();
  await sql`comment on table batimento is 'Um registro por minuto em que alguma instância da API do rito estava no ar'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('batimento').execute();
}
