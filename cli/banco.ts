/**
 * The database for one-shot commands (`rito seed`, `rito auditoria`): DATABASE_URL
 * when set; otherwise the embedded PGlite of `rito dev` — through the running
 * `rito dev` when there is one (PGlite serves one process), else opened here.
 */
import { Client } from 'pg';
import type { Config } from '../config/settings';
import { connectDb, type Db } from '../db/connect';
import { conectarEmbutido, startEmbeddedPostgres } from '../db/embedded';
import { progress } from '../runtime/log';
import { dataPath } from '../tooling/cache';

async function responde(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function abrirBanco(config: Config): Promise<{ db: Db; descricao: string; fechar(): Promise<void> }> {
  if (config.DATABASE_URL) {
    const db = connectDb(config.DATABASE_URL, { max: 2 });
    return { db, descricao: 'DATABASE_URL', fechar: () => db.destroy() };
  }
  const url = `postgres://postgres:postgres@127.0.0.1:${config.EMBEDDED_PG_PORT}/postgres`;
  if (await responde(url)) {
    const db = conectarEmbutido(url);
    return { db, descricao: `PGlite do \`rito dev\` em execução (${url})`, fechar: () => db.destroy() };
  }
  progress(`abrindo o PostgreSQL embutido (PGlite) em ${dataPath('pglite', '.')}`);
  const pg = await startEmbeddedPostgres({ dataDir: dataPath('pglite', '.'), port: config.EMBEDDED_PG_PORT });
  const db = conectarEmbutido(pg.url);
  return {
    db,
    descricao: `PGlite em ${dataPath('pglite', '.')}`,
    async fechar() {
      await db.destroy();
      await pg.stop();
    },
  };
}
