import { type Kysely, sql } from 'kysely';

/**
 * Each person's iCalendar feed (issue 12): a secret URL that a calendar program
 * reads without a session, so the secret is the credential. Only its SHA-256 is
 * kept, as for sessions and API keys; revoking (or creating a new one) ends it at
 * once. At most one feed in force per person.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agenda_assinatura')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('usuario_id', 'text', (c) => c.notNull().references('usuario.id'))
    .addColumn('segredo_hash', 'text', (c) => c.notNull().unique())
    .addColumn('criada_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revogada_em', 'timestamptz')
    .addColumn('ultimo_uso_em', 'timestamptz')
    .execute();
  await db.schema.createIndex('agenda_assinatura_vigente').on('agenda_assinatura').column('usuario_id').unique().where(sql.ref('revogada_em'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agenda_assinatura').execute();
}
