import { type Kysely, sql } from 'kysely';

/**
 * The decision a unit owes on a process (e.g. the Comissão's Pronunciamento),
 * with its deadline: what supervisors audit. And what the ofícios need about the
 * institution: its address, its mantenedora and the município whose holidays count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('processo')
    .addColumn('instituicao_endereco', 'jsonb')
    .addColumn('instituicao_municipio', 'text')
    .addColumn('mantenedora_nome', 'text')
    .addColumn('tarefa_responsavel', 'text')
    .addColumn('tarefa_descricao', 'text')
    .addColumn('tarefa_limite', 'timestamptz')
    .execute();
  await sql`create index processo_tarefa_limite_idx on processo (tarefa_limite) where tarefa_limite is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('processo')
    .dropColumn('instituicao_endereco')
    .dropColumn('instituicao_municipio')
    .dropColumn('mantenedora_nome')
    .dropColumn('tarefa_responsavel').dropColumn('tarefa_descricao').dropColumn('tarefa_limite').execute();
}
