import { type Kysely, sql } from 'kysely';

/**
 * The credenciamento of external users as a pedido of the habilitação engine
 * (seed 002 arts. 16–19; rules/habilitacao/credenciamento.ts):
 * - habilitacao.representacao: whom the external user represents, as declared
 *   (CNPJ, name, representante legal or procurador, the procuração's last day
 *   and the processes it is limited to); null for the Sistema Presença profiles;
 * - representacao.processos: the SEI numbers a procuração is limited to (null:
 *   every process of the institution), which api/auth/escopo.ts enforces;
 * - representacao.habilitacao_id: the credenciamento that created it (null for
 *   those an administrador registered by hand);
 * - representacao.motivo_fim: why it ended before or at its fim (deactivation,
 *   art. 19; the procuração's expiry).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('habilitacao').addColumn('representacao', 'jsonb').execute();
  await db.schema
    .alterTable('representacao')
    .addColumn('processos', sql`text[]`)
    .addColumn('habilitacao_id', 'uuid', (c) => c.references('habilitacao.id'))
    .addColumn('motivo_fim', 'text')
    .execute();
  await db.schema.createIndex('representacao_habilitacao').on('representacao').column('habilitacao_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('representacao_habilitacao').execute();
  await db.schema.alterTable('representacao').dropColumn('motivo_fim').dropColumn('habilitacao_id').dropColumn('processos').execute();
  await db.schema.alterTable('habilitacao').dropColumn('representacao').execute();
}
