import { type Kysely, Migrator, type MigrationResultSet } from 'kysely';
import { migrations } from './migrations';

/** Brings the schema to the newest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  // Migrations of one day are named by date then subject, so one written later may sort before one a
  // database already ran (2026_11_29_dia_decretado_tipo after 2026_11_29_unidade): run whatever is missing,
  // in name order, instead of refusing the database as corrupted.
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const { error, results }: MigrationResultSet = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`falha ao migrar o banco${failed ? ` na migração ${failed.migrationName}` : ''}: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
