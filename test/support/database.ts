/**
 * A fresh, migrated database per test file, created on the PostgreSQL server
 * the global setup provides, and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { connectDb, type Db } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';

export async function freshDatabase(): Promise<{ db: Db; url: string; drop(): Promise<void> }> {
  const adminUrl = inject('databaseUrl');
  const name = `rito_t_${randomBytes(6).toString('hex')}`;
  const admin = connectDb(adminUrl, { max: 1 });
  await sql.raw(`create database ${name}`).execute(admin);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = connectDb(url.toString());
  await migrateToLatest(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.destroy();
      await sql.raw(`drop database if exists ${name} with (force)`).execute(admin);
      await admin.destroy();
    },
  };
}
