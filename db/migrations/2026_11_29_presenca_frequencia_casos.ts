import { type Kysely, sql } from 'kysely';
import { MOTIVOS_VERSAO_INICIAL } from '../../rules/frequencia/motivos';

/**
 * The monthly apuração, the bimonthly motivos and each student's follow-up case
 * (Portaria Interministerial MEC/MC nº 3/2022, seed 004), after the students and
 * their monthly figures (2026_11_29_presenca_frequencia):
 *
 * - apuracao_frequencia: each student's month judged against the minimum of his
 *   age (rules/frequencia/minimo.ts), with the band that applied and why;
 * - motivo_frequencia_versao: the official list of motivos de baixa frequência,
 *   versioned (the first version from rules/frequencia/motivos.ts, the next ones
 *   imported by an administrador); motivo_frequencia_registro: the motivo of each
 *   student below the minimum in a period, with the version it was chosen from;
 * - caso_frequencia (+ _evento): the read model of each case's workflow
 *   (workflows/frequencia), referring to the student by id only;
 * - caso_frequencia_prazos: a município's own deadlines for the steps.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('apuracao_frequencia')
    .addColumn('estudante_id', 'uuid', (c) => c.notNull().references('estudante.id'))
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('mes', 'text', (c) => c.notNull())
    .addColumn('dias_letivos', 'integer', (c) => c.notNull())
    .addColumn('presencas', 'integer', (c) => c.notNull())
    .addColumn('percentual', sql`numeric(4,1)`)
    .addColumn('minimo', 'integer')
    .addColumn('abaixo', 'boolean', (c) => c.notNull())
    .addColumn('faixa', 'text')
    .addColumn('explicacao', 'text', (c) => c.notNull())
    .addColumn('apurado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('apuracao_frequencia_pk', ['estudante_id', 'codigo_inep', 'mes'])
    .execute();
  await db.schema.createIndex('apuracao_frequencia_escola_mes').on('apuracao_frequencia').columns(['codigo_inep', 'mes', 'abaixo']).execute();

  await db.schema
    .createTable('motivo_frequencia_versao')
    .addColumn('versao', 'serial', (c) => c.primaryKey())
    .addColumn('vigente_desde', 'date', (c) => c.notNull())
    .addColumn('fonte', 'text', (c) => c.notNull())
    .addColumn('motivos', 'jsonb', (c) => c.notNull())
    .addColumn('importado_por', 'text', (c) => c.notNull())
    .addColumn('importado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db
    .insertInto('motivo_frequencia_versao')
    .values({
      vigente_desde: MOTIVOS_VERSAO_INICIAL.vigenteDesde,
      fonte: MOTIVOS_VERSAO_INICIAL.fonte,
      motivos: JSON.stringify(MOTIVOS_VERSAO_INICIAL.motivos),
      importado_por: 'migracao',
    })
    .execute();

  await db.schema
    .createTable('motivo_frequencia_registro')
    .addColumn('estudante_id', 'uuid', (c) => c.notNull().references('estudante.id'))
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('ano', 'integer', (c) => c.notNull())
    .addColumn('periodo', 'integer', (c) => c.notNull())
    .addColumn('motivo_codigo', 'text', (c) => c.notNull())
    .addColumn('motivo_versao', 'integer', (c) => c.notNull().references('motivo_frequencia_versao.versao'))
    .addColumn('registrado_por', 'text', (c) => c.notNull())
    .addColumn('registrado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('motivo_frequencia_registro_pk', ['estudante_id', 'codigo_inep', 'ano', 'periodo'])
    .execute();

  await db.schema
    .createTable('caso_frequencia')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('estudante_id', 'uuid', (c) => c.notNull().references('estudante.id'))
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('uf', 'text', (c) => c.notNull())
    .addColumn('municipio', 'text', (c) => c.notNull())
    .addColumn('mes_abertura', 'text', (c) => c.notNull())
    .addColumn('aberto_em', 'timestamptz', (c) => c.notNull())
    .addColumn('situacao', 'text', (c) => c.notNull().defaultTo('aberto'))
    .addColumn('etapa', 'text', (c) => c.notNull())
    .addColumn('prazo_etapa', 'timestamptz')
    .addColumn('atrasado', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('escalado', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('meses_abaixo', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('encerramento', 'text')
    .addColumn('encerrado_em', 'timestamptz')
    .addColumn('destino_inep', 'text')
    .addColumn('versao', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // One open case per student: the apuração of another month signals it instead of opening a second.
  await sql`create unique index caso_frequencia_aberto on caso_frequencia (estudante_id) where situacao = 'aberto'`.execute(db);
  await db.schema.createIndex('caso_frequencia_escola').on('caso_frequencia').columns(['codigo_inep', 'situacao']).execute();
  await db.schema.createIndex('caso_frequencia_municipio').on('caso_frequencia').columns(['municipio', 'situacao']).execute();

  await db.schema
    .createTable('caso_frequencia_evento')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('caso_id', 'uuid', (c) => c.notNull().references('caso_frequencia.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('tipo', 'text', (c) => c.notNull())
    .addColumn('descricao', 'text', (c) => c.notNull())
    .addColumn('ator', 'text', (c) => c.notNull())
    .addColumn('ator_nome', 'text', (c) => c.notNull())
    .addColumn('em', 'timestamptz', (c) => c.notNull())
    .addColumn('dados', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addUniqueConstraint('caso_frequencia_evento_seq', ['caso_id', 'seq'])
    .execute();

  await db.schema
    .createTable('caso_frequencia_prazos')
    .addColumn('municipio', 'text', (c) => c.primaryKey())
    .addColumn('prazos', 'jsonb', (c) => c.notNull())
    .addColumn('fonte', 'text', (c) => c.notNull())
    .addColumn('definido_por', 'text', (c) => c.notNull())
    .addColumn('definido_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('caso_frequencia_prazos').execute();
  await db.schema.dropTable('caso_frequencia_evento').execute();
  await db.schema.dropTable('caso_frequencia').execute();
  await db.schema.dropTable('motivo_frequencia_registro').execute();
  await db.schema.dropTable('motivo_frequencia_versao').execute();
  await db.schema.dropTable('apuracao_frequencia').execute();
}
