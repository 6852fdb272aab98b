import { Client } from 'pg';
import { expect, inject, test } from 'vitest';

test('o PostgreSQL provido aceita consultas', async () => {
  const client = new Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query<{ answer: number; version: string }>(
      'SELECT 40 + 2 AS answer, current_setting($1) AS version',
      ['server_version_num'],
    );
    expect(rows[0].answer).toBe(42);
    expect(Number(rows[0].version)).toBeGreaterThanOrEqual(140000);

    await client.query('CREATE TEMP TABLE sonda (id int PRIMARY KEY, nome text NOT NULL)');
    await client.query('INSERT INTO sonda VALUES ($1, $2)', [1, 'escola']);
    const back = await client.query<{ nome: string }>('SELECT nome FROM sonda WHERE id = 1');
    expect(back.rows).toEqual([{ nome: 'escola' }]);
  } finally {
    await client.end();
  }
});
