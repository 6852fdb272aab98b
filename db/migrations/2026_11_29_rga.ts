import { type Kysely, sql } from 'kysely';

/**
 * The RGA (Registro Geral de Alunos) of the institutions that offer EAD
 * (Deliberação CEE nº 345/2014, alterada pela Deliberação CEE nº 368/2018,
 * art. 66: "toda instituição de educação à distância … até o 10º dia útil de
 * cada mês"):
 *
 * - instituicao_ead: whether an institution offers courses in the modalidade a
 *   distância, from which day, under which act, as the COOIE or an
 *   administrator records it; a change is a new row, so the history stays and
 *   the months owed before a change are still known.
 * - rga_entrega: each RGA delivered, for which month, the file (its upload and
 *   SHA-256, the name the seed's convention checks), the instant of receipt and
 *   who sent it. Never updated nor deleted: a second delivery of a month (a
 *   correction) is another row; the first one decides whether it was on time.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('instituicao_ead')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('ead', 'boolean', (c) => c.notNull())
    .addColumn('desde', 'date', (c) => c.notNull())
    /** The act that grounds it: credenciamento for EAD, parecer, the institution's communication… */
    .addColumn('ato', 'text', (c) => c.notNull())
    .addColumn('registrado_por', 'text', (c) => c.notNull())
    .addColumn('registrado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('instituicao_ead_inep').on('instituicao_ead').columns(['codigo_inep', 'desde']).execute();

  await db.schema
    .createTable('rga_entrega')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('ano', 'integer', (c) => c.notNull())
    .addColumn('mes', 'integer', (c) => c.notNull().check(sql`mes between 1 and 12`))
    .addColumn('arquivo_id', 'uuid', (c) => c.notNull().references('arquivo.id'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('nome_arquivo', 'text', (c) => c.notNull())
    .addColumn('entregue_em', 'timestamptz', (c) => c.notNull())
    .addColumn('entregue_por', 'text', (c) => c.notNull())
    .execute();
  // The same file for the same month is one delivery: sending it again (a retry) records nothing new.
  await db.schema.createIndex('rga_entrega_unica').on('rga_entrega').columns(['codigo_inep', 'ano', 'mes', 'sha256']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rga_entrega').execute();
  await db.schema.dropTable('instituicao_ead').execute();
}
