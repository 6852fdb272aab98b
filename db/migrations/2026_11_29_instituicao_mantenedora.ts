import { type Kysely, sql } from 'kysely';

/**
 * Which company maintains each school over time (seed 003, Transferência de
 * Mantença: "troca da empresa que mantém a unidade escolar, ou seja, mudança
 * de CNPJ"): a row per mantença, from the edital's publication on; the one
 * transferred is kept with the day the new one began (`ate`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instituicao_mantenedora')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('cnpj', 'text', (c) => c.notNull())
    .addColumn('nome', 'text', (c) => c.notNull())
    .addColumn('desde', 'date')
    .addColumn('ate', 'date')
    .addColumn('ato', 'text', (c) => c.notNull())
    .addColumn('processo_id', 'text', (c) => c.notNull())
    .addColumn('registrado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One row per process and school: a retried activity writes nothing twice.
  await db.schema.createIndex('instituicao_mantenedora_processo').on('instituicao_mantenedora').columns(['processo_id', 'codigo_inep', 'cnpj']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('instituicao_mantenedora').execute();
}
