/**
 * Documents issued by rito (ofícios and acts rendered from templates/documentos)
 * with their numbering counters, and files uploaded by representantes (content
 * kept on disk, addressed by SHA-256; only metadata here).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per (unidade, ano, espécie): the last number issued. Incremented in the
  // same transaction that inserts the document, so a rolled-back emission burns nothing.
  await db.schema
    .createTable('documento_numeracao')
    .addColumn('unidade', 'text', (c) => c.notNull())
    .addColumn('ano', 'integer', (c) => c.notNull())
    .addColumn('especie', 'text', (c) => c.notNull())
    .addColumn('ultimo', 'integer', (c) => c.notNull().check(sql`ultimo > 0`))
    .addPrimaryKeyConstraint('documento_numeracao_pk', ['unidade', 'ano', 'especie'])
    .execute();

  await db.schema
    .createTable('documento')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // No foreign key: documents also belong to cases that live outside `processo`
    // (Sistema Presença nominations, attendance follow-up), or to none.
    .addColumn('processo_id', 'text')
    .addColumn('tipo', 'text', (c) => c.notNull())
    .addColumn('especie', 'text', (c) => c.notNull())
    .addColumn('numero', 'integer', (c) => c.notNull().check(sql`numero > 0`))
    .addColumn('ano', 'integer', (c) => c.notNull())
    .addColumn('unidade', 'text', (c) => c.notNull())
    .addColumn('identificacao', 'text', (c) => c.notNull())
    .addColumn('assunto', 'text', (c) => c.notNull())
    .addColumn('dados', 'jsonb', (c) => c.notNull())
    .addColumn('html', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('emitido_em', 'timestamptz', (c) => c.notNull())
    .addColumn('emitido_por', 'text', (c) => c.notNull())
    .addColumn('chave_idempotencia', 'text', (c) => c.notNull().unique())
    // SHA-256 of the request (tipo, unidade, processo, dados): a key reused for another document is refused.
    .addColumn('requisicao_sha256', 'text', (c) => c.notNull())
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('documento_numero_unique', ['unidade', 'ano', 'especie', 'numero'])
    .execute();
  await db.schema.createIndex('documento_processo_idx').on('documento').columns(['processo_id', 'emitido_em']).execute();

  await db.schema
    .createTable('arquivo_conteudo')
    .addColumn('sha256', 'text', (c) => c.primaryKey().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('tamanho', 'bigint', (c) => c.notNull().check(sql`tamanho >= 0`))
    .addColumn('tipo_mime', 'text', (c) => c.notNull())
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('arquivo')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('sha256', 'text', (c) => c.notNull().references('arquivo_conteudo.sha256'))
    .addColumn('nome_original', 'text', (c) => c.notNull())
    .addColumn('processo_id', 'text')
    .addColumn('enviado_por', 'text', (c) => c.notNull())
    .addColumn('enviado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('arquivo_sha256_idx').on('arquivo').column('sha256').execute();
  await db.schema.createIndex('arquivo_processo_idx').on('arquivo').column('processo_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('arquivo').execute();
  await db.schema.dropTable('arquivo_conteudo').execute();
  await db.schema.dropTable('documento').execute();
  await db.schema.dropTable('documento_numeracao').execute();
}
