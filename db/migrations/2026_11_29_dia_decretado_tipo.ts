import { type Kysely, sql } from 'kysely';

/**
 * What a decreed day does to a prazo (issue 11): 'sem-expediente' (the days
 * recorded so far), 'expediente-parcial' (a ponto facultativo "até as 14h" or
 * "a partir das 12h": neither the first nor the last day of a prazo, counted in
 * between; Lei 9.784/1999 art. 66 § 1º, CPC art. 224 § 1º), with the hours in
 * the motivo. And the periods in which rito itself was unavailable, recorded by
 * an administrator: a prazo ending in one moves to the next business day
 * (seed 002 art. 18 VI; Lei 11.419/2006 art. 10 § 2º).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('dia_decretado')
    .addColumn('tipo', 'text', (c) => c.notNull().defaultTo('sem-expediente').check(sql`tipo in ('sem-expediente', 'expediente-parcial')`))
    .execute();

  await db.schema
    .createTable('indisponibilidade')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('inicio', 'timestamptz', (c) => c.notNull())
    .addColumn('fim', 'timestamptz', (c) => c.notNull())
    .addColumn('motivo', 'text', (c) => c.notNull())
    .addColumn('registrado_por', 'text', (c) => c.notNull())
    .addColumn('registrado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('removido_por', 'text')
    .addColumn('removido_em', 'timestamptz')
    .addCheckConstraint('indisponibilidade_periodo', sql`inicio < fim`)
    .execute();
  await sql`create unique index indisponibilidade_vigente_unique on indisponibilidade (inicio, fim) where removido_em is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indisponibilidade').execute();
  await db.schema.alterTable('dia_decretado').dropColumn('tipo').execute();
}
