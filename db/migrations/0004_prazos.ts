import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Decreed days without expediente (DOMAIN prazos rule 9): data, kept with its history.
  await db.schema
    .createTable('dia_decretado')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('data', 'date', (c) => c.notNull())
    .addColumn('escopo', 'text', (c) => c.notNull().check(sql`escopo in ('nacional', 'uf', 'municipio', 'unidade')`))
    .addColumn('uf', 'text')
    .addColumn('municipio', 'text')
    .addColumn('unidade', 'text')
    .addColumn('motivo', 'text', (c) => c.notNull())
    .addColumn('ato_legal', 'text', (c) => c.notNull())
    .addColumn('criado_por', 'text', (c) => c.notNull())
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('removido_por', 'text')
    .addColumn('removido_em', 'timestamptz')
    .execute();
  await sql`create unique index dia_decretado_vigente_unique on dia_decretado
    (data, escopo, coalesce(uf, ''), coalesce(municipio, ''), coalesce(unidade, '')) where removido_em is null`.execute(db);
  await db.schema.createIndex('dia_decretado_data_idx').on('dia_decretado').column('data').execute();

  // Read model of every prazo a process has run: its current limit and how it got there.
  await db.schema
    .createTable('prazo_processo')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('processo_id', 'text', (c) => c.notNull().references('processo.id'))
    .addColumn('codigo', 'text', (c) => c.notNull())
    .addColumn('rotulo', 'text', (c) => c.notNull())
    .addColumn('ciencia', 'date', (c) => c.notNull())
    .addColumn('dias', 'integer', (c) => c.notNull())
    .addColumn('uteis', 'boolean', (c) => c.notNull())
    .addColumn('contar_de', 'text', (c) => c.notNull())
    .addColumn('prorrogavel', 'boolean', (c) => c.notNull())
    .addColumn('prorrogado', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('vencimento', 'date', (c) => c.notNull())
    .addColumn('limite', 'timestamptz', (c) => c.notNull())
    .addColumn('situacao', 'text', (c) => c.notNull().check(sql`situacao in ('aberto', 'cumprido', 'expirado', 'encerrado')`))
    .addColumn('uf', 'text', (c) => c.notNull())
    .addColumn('municipio', 'text')
    .addColumn('unidade', 'text')
    .addColumn('versao', 'integer', (c) => c.notNull())
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('prazo_processo_aberto_idx').on('prazo_processo').columns(['situacao', 'limite']).execute();
  await db.schema.createIndex('prazo_processo_processo_idx').on('prazo_processo').column('processo_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('prazo_processo').execute();
  await db.schema.dropTable('dia_decretado').execute();
}
