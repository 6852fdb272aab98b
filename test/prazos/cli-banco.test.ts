/**
 * `rito prazo` / `rito calendario` with DATABASE_URL: decreed days come from
 * PostgreSQL (the query the workflows use), on top of `--decretados` files.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/database';

const RAIZ = resolve(__dirname, '../..');

let banco: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  banco = await freshDatabase();
  await banco.db
    .insertInto('dia_decretado')
    .values([
      // In force: the Monday a 5-day prazo from 02/09/2030 ends on (07/09 is a Saturday holiday).
      { data: '2030-09-09', escopo: 'uf', uf: 'RJ', motivo: 'Ponto facultativo — Independência', ato_legal: 'Decreto Estadual 99.002/2030', criado_por: 'teste' },
      // Removed: must not count.
      { data: '2030-09-10', escopo: 'nacional', motivo: 'Removido', ato_legal: 'Decreto 0/2030', criado_por: 'teste', removido_em: new Date(), removido_por: 'teste' },
      // Another unit's day: counts only with --unidade NORTE.
      { data: '2030-09-10', escopo: 'unidade', unidade: 'NORTE', motivo: 'Mudança de sede', ato_legal: 'Portaria 7/2030', criado_por: 'teste' },
    ])
    .execute();
});
afterAll(async () => {
  await banco?.drop();
});

function rito(args: string[], env: Record<string, string | undefined>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(process.execPath, [join(RAIZ, 'bin/rito'), ...args], { cwd: RAIZ, timeout: 30_000, env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      ok({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('DATABASE_URL', () => {
  it('rito prazo calcular conta os dias decretados do banco (vigentes, do local)', async () => {
    const sem = await rito(['prazo', 'calcular', '--ciencia', '2030-09-02', '--dias', '5', '--json'], { DATABASE_URL: undefined });
    expect(JSON.parse(sem.stdout).vencimento).toBe('2030-09-09');

    const com = await rito(['prazo', 'calcular', '--ciencia', '2030-09-02', '--dias', '5', '--json'], { DATABASE_URL: banco.url });
    expect(com.stderr).toBe('');
    const r = JSON.parse(com.stdout);
    expect(r.vencimento).toBe('2030-09-10');
    expect(r.naoUteis.find((n: { data: string }) => n.data === '2030-09-09').motivo).toBe('Ponto facultativo — Independência (Decreto Estadual 99.002/2030)');

    const norte = await rito(['prazo', 'calcular', '--ciencia', '2030-09-02', '--dias', '5', '--unidade', 'NORTE', '--json'], { DATABASE_URL: banco.url });
    expect(JSON.parse(norte.stdout).vencimento).toBe('2030-09-11');
    const sp = await rito(['prazo', 'calcular', '--ciencia', '2030-09-02', '--dias', '5', '--uf', 'SP', '--json'], { DATABASE_URL: banco.url });
    expect(JSON.parse(sp.stdout).vencimento).toBe('2030-09-09');
  });

  it('rito calendario listar e dia mostram os dias do banco', async () => {
    const listar = await rito(['calendario', 'listar', '2030', '--json'], { DATABASE_URL: banco.url });
    const naoUteis = JSON.parse(listar.stdout).naoUteis as { data: string; motivo: string }[];
    expect(naoUteis.filter((n) => n.data.startsWith('2030-09'))).toEqual([
      { data: '2030-09-09', motivo: 'Ponto facultativo — Independência (Decreto Estadual 99.002/2030)' },
    ]);
    const dia = await rito(['calendario', 'dia', '2030-09-09', '--json'], { DATABASE_URL: banco.url });
    expect(JSON.parse(dia.stdout)).toMatchObject({ diaUtil: false, proximoDiaUtil: '2030-09-10' });
  });

  it('uma data inválida é apontada pelo argumento mesmo com o banco ligado', async () => {
    const r = await rito(['prazo', 'calcular', '--ciencia', '2030-02-30', '--dias', '5'], { DATABASE_URL: banco.url });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--ciencia: 2030-02-30 não existe');
  });

  it('banco inacessível: código 1 e a causa, em português', async () => {
    const r = await rito(['prazo', 'calcular', '--ciencia', '2030-09-02', '--dias', '5'], { DATABASE_URL: 'postgres://ninguem:nada@127.0.0.1:1/nada' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('não foi possível ler os dias decretados do banco (DATABASE_URL)');
  });
});
