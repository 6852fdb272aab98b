import { type Kysely, sql } from 'kysely';

/**
 * The read model generalised for every rite:
 * - `tarefa`: the decisions a unit owes, several per process if a rite opens
 *   them, each with its deadline (was three columns of `processo`, one task).
 * - `prazo_alteracao`: each change of a prazo (opening, prorrogação, a decreed
 *   day, its end), written by the activity that records the prazo, so that the
 *   timeline no longer rebuilds it from the untyped JSON of the events.
 * Both are filled from what the old shape held.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tarefa')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('processo_id', 'text', (c) => c.notNull().references('processo.id'))
    .addColumn('fase', 'text', (c) => c.notNull())
    .addColumn('responsavel', 'text', (c) => c.notNull())
    .addColumn('descricao', 'text', (c) => c.notNull())
    .addColumn('aberta_em', 'timestamptz', (c) => c.notNull())
    .addColumn('limite', 'timestamptz', (c) => c.notNull())
    .addColumn('situacao', 'text', (c) => c.notNull().check(sql`situacao in ('aberta', 'concluida')`))
    .addColumn('concluida_em', 'timestamptz')
    .execute();
  await sql`create index tarefa_aberta_limite_idx on tarefa (limite) where situacao = 'aberta'`.execute(db);
  await sql`create index tarefa_processo_idx on tarefa (processo_id)`.execute(db);
  await sql`
    insert into tarefa (id, processo_id, fase, responsavel, descricao, aberta_em, limite, situacao)
    select id || ':tarefa:' || fase, id, fase, tarefa_responsavel, coalesce(tarefa_descricao, ''), atualizado_em, tarefa_limite, 'aberta'
    from processo where tarefa_responsavel is not null and tarefa_limite is not null and not encerrado`.execute(db);
  await sql`drop index if exists processo_tarefa_limite_idx`.execute(db);
  await db.schema.alterTable('processo').dropColumn('tarefa_responsavel').dropColumn('tarefa_descricao').dropColumn('tarefa_limite').execute();

  await db.schema
    .createTable('prazo_alteracao')
    .addColumn('prazo_id', 'text', (c) => c.notNull().references('prazo_processo.id'))
    // The prazo's versao after the change: one row per change, idempotent on retry.
    .addColumn('versao', 'integer', (c) => c.notNull())
    .addColumn('processo_id', 'text', (c) => c.notNull().references('processo.id'))
    .addColumn('em', 'timestamptz', (c) => c.notNull())
    .addColumn('motivo', 'text', (c) => c.notNull())
    .addColumn('limite', 'timestamptz', (c) => c.notNull())
    .addColumn('vencimento', 'date', (c) => c.notNull())
    .addColumn('situacao', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('prazo_alteracao_pk', ['prazo_id', 'versao'])
    .execute();
  await sql`create index prazo_alteracao_processo_idx on prazo_alteracao (processo_id)`.execute(db);
  await sql`
    insert into prazo_alteracao (prazo_id, versao, processo_id, em, motivo, limite, vencimento, situacao)
    select e.dados->>'prazoId', row_number() over (partition by e.dados->>'prazoId' order by e.seq), e.processo_id, e.ocorrido_em, e.descricao,
           (e.dados->>'limite')::timestamptz, coalesce((e.dados->>'vencimento')::date, (e.dados->>'limite')::timestamptz::date), coalesce(e.dados->>'situacao', 'aberto')
    from processo_evento e join prazo_processo p on p.id = e.dados->>'prazoId'
    where e.tipo = 'prazo' and e.dados->>'limite' is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('prazo_alteracao').execute();
  await db.schema
    .alterTable('processo')
    .addColumn('tarefa_responsavel', 'text')
    .addColumn('tarefa_descricao', 'text')
    .addColumn('tarefa_limite', 'timestamptz')
    .execute();
  await db.schema.dropTable('tarefa').execute();
}
