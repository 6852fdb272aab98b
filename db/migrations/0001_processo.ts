import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('processo')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tipo', 'text', (c) => c.notNull())
    .addColumn('chave', 'text', (c) => c.notNull())
    .addColumn('ordinal', 'integer', (c) => c.notNull())
    .addColumn('fase', 'text', (c) => c.notNull())
    .addColumn('encerrado', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('instituicao_cnpj', 'text', (c) => c.notNull())
    .addColumn('instituicao_codigo_inep', 'text', (c) => c.notNull())
    .addColumn('instituicao_nome', 'text', (c) => c.notNull())
    .addColumn('unidade', 'text', (c) => c.notNull())
    .addColumn('numero_sei', 'text')
    .addColumn('requerente_nome', 'text', (c) => c.notNull())
    .addColumn('requerente_cpf', 'text', (c) => c.notNull())
    .addColumn('requerente_email', 'text', (c) => c.notNull())
    .addColumn('aberto_por', 'text', (c) => c.notNull())
    .addColumn('prazo_limite', 'timestamptz')
    .addColumn('versao', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('processo_chave_ordinal_unique', ['chave', 'ordinal'])
    .execute();

  // Seed 002 art. 22 I: two open processes with the same object and party are not allowed.
  await sql`create unique index processo_chave_aberto_unique on processo (chave) where not encerrado`.execute(db);
  await db.schema.createIndex('processo_fase_idx').on('processo').columns(['fase', 'unidade']).execute();
  await db.schema.createIndex('processo_prazo_idx').on('processo').column('prazo_limite').execute();
  await db.schema.createIndex('processo_cnpj_idx').on('processo').column('instituicao_cnpj').execute();
  await sql`create unique index processo_numero_sei_unique on processo (numero_sei) where numero_sei is not null`.execute(db);

  await db.schema
    .createTable('processo_evento')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('processo_id', 'text', (c) => c.notNull().references('processo.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('tipo', 'text', (c) => c.notNull())
    .addColumn('descricao', 'text', (c) => c.notNull())
    .addColumn('ator', 'text', (c) => c.notNull())
    .addColumn('ocorrido_em', 'timestamptz', (c) => c.notNull())
    .addColumn('dados', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addUniqueConstraint('processo_evento_seq_unique', ['processo_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('processo_evento').execute();
  await db.schema.dropTable('processo').execute();
}
