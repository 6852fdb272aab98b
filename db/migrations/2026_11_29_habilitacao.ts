import { type Kysely, sql } from 'kysely';

/**
 * The Sistema Presença profiles and the pedidos that enable them (seed 000;
 * Portaria Interministerial MEC/MC nº 3/2022 arts. 5–8, 10), and the schools
 * the operadores are bound to by Código INEP.
 *
 * `habilitacao` is the read model of one pedido's workflow (workflows/habilitacao)
 * and, once enabled, the profile itself: who enabled it, when, with which
 * documents, until when and why it ended. Nothing is deleted: a replaced or
 * excluded profile keeps its row with `encerrado_em` and the act that ended it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unidade_ensino')
    .addColumn('codigo_inep', 'text', (c) => c.primaryKey())
    .addColumn('nome', 'text', (c) => c.notNull())
    .addColumn('uf', 'text', (c) => c.notNull())
    .addColumn('municipio', 'text', (c) => c.notNull())
    .addColumn('municipio_nome', 'text')
    /** Dependência administrativa (Censo Escolar): federal, estadual, municipal, privada. */
    .addColumn('dependencia', 'text')
    .addColumn('fonte', 'text', (c) => c.notNull())
    .addColumn('atualizado_por', 'text', (c) => c.notNull())
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('unidade_ensino_municipio').on('unidade_ensino').column('municipio').execute();

  await db.schema
    .createTable('habilitacao')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('perfil', 'text', (c) => c.notNull())
    .addColumn('usuario_id', 'text', (c) => c.notNull().references('usuario.id'))
    .addColumn('nome', 'text', (c) => c.notNull())
    .addColumn('cpf', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('telefone', 'text')
    .addColumn('cargo', 'text')
    .addColumn('uf', 'text', (c) => c.notNull())
    .addColumn('municipio', 'text')
    .addColumn('codigo_inep', 'text')
    /** uf, município or INEP, by the profile's abrangência: the key of "one per place". */
    .addColumn('lugar', 'text', (c) => c.notNull())
    /** Who owes the decision: mec, coordenador-estadual or coordenador-municipal. */
    .addColumn('habilitador', 'text', (c) => c.notNull())
    .addColumn('fase', 'text', (c) => c.notNull())
    /** pedido → ativo → substituido | excluido; pedido → recusado. */
    .addColumn('situacao', 'text', (c) => c.notNull().defaultTo('pedido'))
    .addColumn('protocolado_em', 'timestamptz', (c) => c.notNull())
    .addColumn('prazo_analise', 'timestamptz')
    .addColumn('atrasado', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('documentos', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('termo_aceito_em', 'timestamptz')
    .addColumn('termo_sha256', 'text')
    .addColumn('habilitado_por', 'text')
    .addColumn('habilitado_por_nome', 'text')
    .addColumn('habilitado_em', 'timestamptz')
    .addColumn('encerrado_em', 'timestamptz')
    .addColumn('encerrado_por', 'text')
    .addColumn('motivo_encerramento', 'text')
    .addColumn('substituido_por', 'uuid')
    /** SHA-256 of the secret of the candidate's follow-up link (the e-mail's), and its end. */
    .addColumn('acesso_hash', 'text')
    .addColumn('acesso_expira_em', 'timestamptz')
    .addColumn('versao', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // "Cada estado e o Distrito Federal terá apenas 1 (um) Coordenador(a) Estadual"; "cada município … apenas 1 (um)
  // Coordenador(a) Municipal" (seed 000): the database itself refuses a second active one, whatever the race.
  await sql`create unique index habilitacao_coordenador_unico on habilitacao (perfil, lugar)
            where situacao = 'ativo' and perfil in ('coordenador-estadual', 'coordenador-municipal')`.execute(db);
  await db.schema.createIndex('habilitacao_lugar').on('habilitacao').columns(['uf', 'municipio', 'situacao']).execute();
  await db.schema.createIndex('habilitacao_usuario').on('habilitacao').column('usuario_id').execute();

  await db.schema
    .createTable('habilitacao_evento')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('habilitacao_id', 'uuid', (c) => c.notNull().references('habilitacao.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('tipo', 'text', (c) => c.notNull())
    .addColumn('descricao', 'text', (c) => c.notNull())
    .addColumn('ator', 'text', (c) => c.notNull())
    .addColumn('ator_nome', 'text', (c) => c.notNull())
    .addColumn('em', 'timestamptz', (c) => c.notNull())
    .addColumn('dados', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('habilitacao_evento_seq').on('habilitacao_evento').columns(['habilitacao_id', 'seq']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('habilitacao_evento').execute();
  await db.schema.dropTable('habilitacao').execute();
  await db.schema.dropTable('unidade_ensino').execute();
}
