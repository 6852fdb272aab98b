import { type Kysely, sql } from 'kysely';

/**
 * The students of the attendance follow-up (Portaria Interministerial MEC/MC
 * nº 3/2022, seed 004; data as MEC's Gestão Presente receives it, seed 001):
 * who the student is, where he is enrolled, and each month's dias letivos and
 * presenças. Personal data under LGPD: CPF, NIS, name and birth date live only
 * here, never in workflow ids, search attributes or logs; cases and lotes refer
 * to the student by `id`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('estudante')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('cpf', 'text', (c) => c.unique())
    .addColumn('nis', 'text', (c) => c.unique())
    .addColumn('nome', 'text', (c) => c.notNull())
    .addColumn('data_nascimento', 'date', (c) => c.notNull())
    /** "18 a 20 anos … enquanto não concluída a educação básica" (art. 2º): past 18, the minimum applies only while this is false. */
    .addColumn('educacao_basica_concluida', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('estudante_identificado', sql`cpf is not null or nis is not null`)
    .execute();

  await db.schema
    .createTable('matricula')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('estudante_id', 'uuid', (c) => c.notNull().references('estudante.id'))
    .addColumn('codigo_inep', 'text', (c) => c.notNull().references('unidade_ensino.codigo_inep'))
    .addColumn('ano', 'integer', (c) => c.notNull())
    /** Etapa/série as the network sends it (e.g. "EF-5", "EM-1"). */
    .addColumn('etapa', 'text')
    .addColumn('turma', 'text')
    /** ativa | transferida | concluida | abandono | obito (seed 001's movements). */
    .addColumn('situacao', 'text', (c) => c.notNull().defaultTo('ativa'))
    .addColumn('inicio', 'date', (c) => c.notNull())
    .addColumn('fim', 'date')
    /** Destination school of a transferência (art. 8º III). */
    .addColumn('destino_inep', 'text')
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('matricula_unica').on('matricula').columns(['estudante_id', 'codigo_inep', 'ano']).unique().execute();
  await db.schema.createIndex('matricula_escola').on('matricula').columns(['codigo_inep', 'ano', 'situacao']).execute();

  await db.schema
    .createTable('frequencia_mensal')
    .addColumn('estudante_id', 'uuid', (c) => c.notNull().references('estudante.id'))
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    /** YYYY-MM. */
    .addColumn('mes', 'text', (c) => c.notNull())
    /** The school's calendar decides them (art. 2º § 1º). */
    .addColumn('dias_letivos', 'integer', (c) => c.notNull())
    .addColumn('presencas', 'integer', (c) => c.notNull())
    /** The lote that brought the figures (null: another path). */
    .addColumn('lote_id', 'uuid')
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('frequencia_mensal_pk', ['estudante_id', 'codigo_inep', 'mes'])
    .addCheckConstraint('frequencia_mensal_dias', sql`dias_letivos between 0 and 31 and presencas between 0 and dias_letivos`)
    .execute();
  await db.schema.createIndex('frequencia_mensal_escola_mes').on('frequencia_mensal').columns(['codigo_inep', 'mes']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('frequencia_mensal').execute();
  await db.schema.dropTable('matricula').execute();
  await db.schema.dropTable('estudante').execute();
}
