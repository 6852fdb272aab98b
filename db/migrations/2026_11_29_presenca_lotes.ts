import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

/**
 * Data in by lotes, as MEC's Gestão Presente API receives it (seed 001): API
 * keys per environment and network, the lotes with their status and counts,
 * each record's errors, the staging tables the records wait in between receipt
 * and processing, and the (codigo_inep, mes) pairs a frequências lote changed
 * for the apuração to pick up. db/lotes.ts is the repository.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Seed 001: MEC issues each network two keys, "HOMOLOGAÇÃO: chave para realização de testes" and
  // "PRODUÇÃO: chave definitiva para envio dos dados", asking for "Endereço IP da máquina que irá fazer a consulta".
  await db.schema
    .alterTable('chave_api')
    .addColumn('ambiente', 'text', (c) => c.notNull().defaultTo('producao').check(sql`ambiente in ('homologacao', 'producao')`))
    /** 'estadual:RJ' (the UF's state network), 'municipal:3304557' (a município's), 'escola:33012345'. */
    .addColumn('rede', 'text')
    /** Addresses or CIDR networks the key is accepted from; empty: any. */
    .addColumn('ips_permitidos', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();

  await db.schema
    .createTable('lote')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    /** estudantes | estudantes-atualizacao | matriculas | movimentacoes | frequencias (rules/lotes/registros.ts). */
    .addColumn('tipo', 'text', (c) => c.notNull())
    .addColumn('ambiente', 'text', (c) => c.notNull())
    .addColumn('rede', 'text', (c) => c.notNull())
    /** Who sent it: `chave:<id>` (the same key sending the same content is the same lote). */
    .addColumn('ator_id', 'text', (c) => c.notNull())
    .addColumn('ator_nome', 'text', (c) => c.notNull())
    .addColumn('formato', 'text', (c) => c.notNull())
    /** SHA-256 of the sender, the kind and the records (rules/lotes/registros.ts hashDoLote). */
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('recebido', 'validando', 'processando', 'concluido', 'concluido-com-erros', 'falhou')`),
    )
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('com_erro', 'integer', (c) => c.notNull().defaultTo(0))
    /** Records written to the tables (homologação: records that would have been written). */
    .addColumn('aplicados', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('falha', 'text')
    .addColumn('recebido_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('iniciado_em', 'timestamptz')
    .addColumn('concluido_em', 'timestamptz')
    .execute();
  await db.schema.createIndex('lote_unico').on('lote').columns(['ator_id', 'tipo', 'hash']).unique().execute();
  await db.schema.createIndex('lote_do_ator').on('lote').columns(['ator_id', 'tipo', 'recebido_em']).execute();

  await db.schema
    .createTable('lote_erro')
    .addColumn('lote_id', 'uuid', (c) => c.notNull().references('lote.id'))
    /** 1-based number of the record in the lote (in a CSV, the line after the header). */
    .addColumn('posicao', 'integer', (c) => c.notNull())
    .addColumn('campo', 'text', (c) => c.notNull())
    .addColumn('codigo', 'text', (c) => c.notNull())
    /** pt-BR; never carries the record's CPF, NIS or name. */
    .addColumn('mensagem', 'text', (c) => c.notNull())
    /** recebimento (the record itself) or validacao (against the database). */
    .addColumn('etapa', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('lote_erro_lote').on('lote_erro').columns(['lote_id', 'posicao']).execute();

  // Staging: the records that passed the checks of the record itself, typed, until the lote is processed.
  // Logged tables: a 202 promises the records are kept, also across a crash of PostgreSQL.
  const identificacao = (t: CreateTableBuilder<string>) =>
    t
      .addColumn('lote_id', 'uuid', (c) => c.notNull())
      .addColumn('posicao', 'integer', (c) => c.notNull())
      .addColumn('cpf', 'text')
      .addColumn('nis', 'text');
  await identificacao(db.schema.createTable('lote_estudante'))
    .addColumn('nome', 'text')
    .addColumn('data_nascimento', 'date')
    .addColumn('educacao_basica_concluida', 'boolean')
    .execute();
  await identificacao(db.schema.createTable('lote_matricula'))
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('ano', 'integer', (c) => c.notNull())
    .addColumn('etapa', 'text')
    .addColumn('turma', 'text')
    .addColumn('inicio', 'date', (c) => c.notNull())
    .execute();
  await identificacao(db.schema.createTable('lote_movimentacao'))
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('ano', 'integer', (c) => c.notNull())
    .addColumn('tipo', 'text', (c) => c.notNull())
    .addColumn('data', 'date', (c) => c.notNull())
    .addColumn('destino_inep', 'text')
    .execute();
  await identificacao(db.schema.createTable('lote_frequencia'))
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('mes', 'text', (c) => c.notNull())
    .addColumn('dias_letivos', 'smallint', (c) => c.notNull())
    .addColumn('presencas', 'smallint', (c) => c.notNull())
    .execute();
  for (const t of ['lote_estudante', 'lote_matricula', 'lote_movimentacao', 'lote_frequencia']) {
    await db.schema.createIndex(`${t}_lote`).on(t).column('lote_id').execute();
  }

  // The apuração's queue: which school-months a frequências lote changed (db/lotes.ts aplicarLote).
  await db.schema
    .createTable('apuracao_pendente')
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('mes', 'text', (c) => c.notNull())
    .addColumn('lote_id', 'uuid', (c) => c.notNull())
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('apuracao_pendente_pk', ['codigo_inep', 'mes', 'lote_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['apuracao_pendente', 'lote_frequencia', 'lote_movimentacao', 'lote_matricula', 'lote_estudante', 'lote_erro', 'lote']) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('chave_api').dropColumn('ambiente').dropColumn('rede').dropColumn('ips_permitidos').execute();
}
