import { type Kysely, sql } from 'kysely';

/**
 * The registration windows of each year's five periods as the Ministries publish
 * them (Portaria Interministerial MEC/MC nº 3/2022, arts. 3º and 5º VII), recorded
 * by an administrador with the act they come from. A period without a row uses
 * rito's default window (rules/frequencia/periodos.ts), shown as a default.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('janela_registro_frequencia')
    .addColumn('ano', 'integer', (c) => c.notNull())
    .addColumn('periodo', 'integer', (c) => c.notNull().check(sql`periodo between 1 and 5`))
    .addColumn('inicio', 'date', (c) => c.notNull())
    .addColumn('fim', 'date', (c) => c.notNull())
    .addColumn('fonte', 'text', (c) => c.notNull())
    .addColumn('definido_por', 'text', (c) => c.notNull())
    .addColumn('definido_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('janela_registro_frequencia_pk', ['ano', 'periodo'])
    .addCheckConstraint('janela_registro_frequencia_ordem', sql`inicio <= fim`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('janela_registro_frequencia').execute();
}
