import { chaveAncoraDaConfiguracao } from '../api/auditoria/ancora';
import { loadConfig, requireSetting } from '../config/settings';
import { connectDb } from '../db/connect';
import { startApi } from '../runtime/api';
import { codecDaConfiguracao } from '../runtime/codec';
import { progress } from '../runtime/log';
import { untilSignal } from '../runtime/signals';

export async function run(): Promise<number> {
  const config = loadConfig();
  const codec = codecDaConfiguracao(config, { comando: 'rito api' }); // before connecting: a missing key stops at once
  const db = connectDb(requireSetting(config, 'DATABASE_URL', 'para `rito api` (use `rito dev` para o banco embutido)'));
  const api = await startApi({ config, db, temporalAddress: requireSetting(config, 'TEMPORAL_ADDRESS', 'para `rito api`'), codec, chaveAncora: chaveAncoraDaConfiguracao(config) });
  progress(`API em ${api.address} (documentação em ${api.address}/docs)`);
  await untilSignal();
  await api.stop();
  await db.destroy();
  return 0;
}
