import { loadConfig, requireSetting } from '../config/settings';
import { connectDb } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { progress } from '../runtime/log';

export async function run(): Promise<number> {
  const config = loadConfig();
  // The owner of the tables migrates; the API and the workers run as rito_app (db/migrations/2026_11_29_papel_aplicacao.ts).
  const url = config.DATABASE_URL_MIGRACAO ?? requireSetting(config, 'DATABASE_URL', 'para `rito migrate` (ou DATABASE_URL_MIGRACAO)');
  const db = connectDb(url, { max: 1 });
  try {
    const applied = await migrateToLatest(db);
    progress(applied.length ? `migrações aplicadas: ${applied.join(', ')}` : 'banco já está na versão mais recente');
    return 0;
  } finally {
    await db.destroy();
  }
}
