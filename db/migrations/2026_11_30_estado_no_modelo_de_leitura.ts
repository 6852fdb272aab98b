import type { Kysely } from 'kysely';

/**
 * The read model carries what reads used to ask the workflow (issue 16): whether
 * a notice awaits the party's ciência, and the rite's state as the workflow
 * projects it (without its answers to past actions). Reads of a process then
 * never replay a workflow. Both stay null on rows written before this
 * migration (null: not known), and those processes are read from the workflow
 * until their next change projects them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('processo').addColumn('notificacao_pendente', 'boolean').execute();
  await db.schema.alterTable('processo').addColumn('estado_rito', 'jsonb').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('processo').dropColumn('estado_rito').execute();
  await db.schema.alterTable('processo').dropColumn('notificacao_pendente').execute();
}
