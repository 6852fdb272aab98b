/**
 * Accounts and who may do what: people (usuario) with roles, the institutions an
 * external user represents (representacao, with dates), the processes a servidor
 * is designated to by an Ordem de Serviço (designacao_comissao), server-side
 * sessions, failed logins (for lockout), single-use password tokens and API keys.
 * Secrets are never stored: sessions, tokens and keys are kept as SHA-256 hashes
 * of 256-bit random values, passwords as argon2id hashes.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('usuario')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('nome', 'text', (c) => c.notNull())
    .addColumn('senha_hash', 'text')
    // Open list (no CHECK): Sistema Presença roles arrive with their own issue.
    .addColumn('papeis', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('unidade', 'text')
    .addColumn('ativo', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('senha_alterada_em', 'timestamptz')
    .addColumn('criado_por', 'text', (c) => c.notNull())
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index usuario_email_unique on usuario (lower(email))`.execute(db);

  await db.schema
    .createTable('representacao')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('usuario_id', 'text', (c) => c.notNull().references('usuario.id'))
    .addColumn('instituicao_cnpj', 'text', (c) => c.notNull())
    .addColumn('instituicao_nome', 'text', (c) => c.notNull())
    .addColumn('tipo', 'text', (c) => c.notNull().check(sql`tipo in ('representante-legal', 'procurador')`))
    .addColumn('inicio', 'timestamptz', (c) => c.notNull())
    // Exclusive: the mandate is valid while inicio <= now < fim.
    .addColumn('fim', 'timestamptz')
    .addColumn('documento', 'text')
    .addColumn('criado_por', 'text', (c) => c.notNull())
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('representacao_periodo', sql`fim is null or fim > inicio`)
    .execute();
  await db.schema.createIndex('representacao_usuario_idx').on('representacao').column('usuario_id').execute();
  await db.schema.createIndex('representacao_cnpj_idx').on('representacao').column('instituicao_cnpj').execute();

  await db.schema
    .createTable('designacao_comissao')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('processo_id', 'text', (c) => c.notNull().references('processo.id'))
    .addColumn('usuario_id', 'text', (c) => c.notNull().references('usuario.id'))
    .addColumn('ordem_servico', 'text', (c) => c.notNull())
    .addColumn('inicio', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('fim', 'timestamptz')
    .addColumn('criado_por', 'text', (c) => c.notNull())
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('designacao_comissao_usuario_idx').on('designacao_comissao').column('usuario_id').execute();

  await db.schema
    .createTable('sessao')
    .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the cookie's token
    .addColumn('usuario_id', 'text', (c) => c.notNull().references('usuario.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('criada_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expira_em', 'timestamptz', (c) => c.notNull())
    .addColumn('ultimo_uso_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('encerrada_em', 'timestamptz')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessao_usuario_idx').on('sessao').column('usuario_id').execute();

  await db.schema
    .createTable('falha_login')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('ocorrida_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('falha_login_email_idx').on('falha_login').columns(['email', 'ocorrida_em']).execute();
  await db.schema.createIndex('falha_login_ip_idx').on('falha_login').columns(['ip', 'ocorrida_em']).execute();

  await db.schema
    .createTable('token_senha')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('usuario_id', 'text', (c) => c.notNull().references('usuario.id'))
    .addColumn('finalidade', 'text', (c) => c.notNull().check(sql`finalidade in ('redefinicao', 'convite')`))
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expira_em', 'timestamptz', (c) => c.notNull())
    .addColumn('usado_em', 'timestamptz')
    .execute();
  await db.schema.createIndex('token_senha_usuario_idx').on('token_senha').column('usuario_id').execute();

  await db.schema
    .createTable('chave_api')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('prefixo', 'text', (c) => c.notNull().unique())
    .addColumn('segredo_hash', 'text', (c) => c.notNull())
    .addColumn('nome', 'text', (c) => c.notNull())
    .addColumn('papeis', sql`text[]`, (c) => c.notNull())
    .addColumn('unidade', 'text')
    .addColumn('instituicoes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('criada_por', 'text', (c) => c.notNull())
    .addColumn('criada_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expira_em', 'timestamptz')
    .addColumn('revogada_em', 'timestamptz')
    .addColumn('revogada_por', 'text')
    .addColumn('ultimo_uso_em', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['chave_api', 'token_senha', 'falha_login', 'sessao', 'designacao_comissao', 'representacao', 'usuario']) {
    await db.schema.dropTable(t).execute();
  }
}
