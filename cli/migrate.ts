import { loadConfig, requireSetting } from '../config/settings';
import { connectDb } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { progress } from '../runtime/log';

export async function run(): Promise<number> {
  const config = loadConfig();
  const db = connectDb(requireSetting(config, 'DATABASE_URL', 'para `rito migrate`'), { max: 1 });
  try {
    const applied = await migrateToLatest(db);
    progress(applied.length ? `migrações aplicadas: ${applied.join(', ')}` : 'banco já está na versão mais recente');
    return 0;
  } finally {
    await db.destroy();
  }
}
