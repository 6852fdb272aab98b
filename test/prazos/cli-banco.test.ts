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

  it('--unidade sozinha conta na sede da unidade; os feriados municipais vêm do banco', async () => {
    // METROPOLITANA I is seated in Rio (migration 2026_11_29_unidade), whose 20/01 (São Sebastião) is a row of
    // feriado_municipal: ciência sex 15/01/2027, 5 dias → dia 5 = qua 20/01 → qui 21/01/2027.
    const metro = await rito(['prazo', 'calcular', '--ciencia', '2027-01-15', '--dias', '5', '--unidade', 'METROPOLITANA I', '--json'], { DATABASE_URL: banco.url });
    expect(metro.stderr).toBe('');
    expect(JSON.parse(metro.stdout).vencimento).toBe('2027-01-21');
    // MÉDIO PARAÍBA has no seat yet: 20/01 is a business day there, and the result says the município is unknown.
    const medio = JSON.parse((await rito(['prazo', 'calcular', '--ciencia', '2027-01-15', '--dias', '5', '--unidade', 'MÉDIO PARAÍBA', '--json'], { DATABASE_URL: banco.url })).stdout);
    expect(medio.vencimento).toBe('2027-01-20');
    expect(medio.avisos.join('\n')).toContain('Município não informado');
    // A municipal holiday kept in the database counts at its município (Niterói, 24/06: ciência seg 21/06/2027,
    // 3 dias → dia 3 = qui 24/06 → sex 25/06); and Niterói's rows replace nothing elsewhere.
    await banco.db
      .insertInto('feriado_municipal')
      .values({ municipio: '3303302', municipio_nome: 'Niterói', uf: 'RJ', dia: '06-24', nome: 'São João Batista', ato_legal: 'Lei Municipal de teste', fonte: 'teste', criado_por: 'teste', atualizado_por: 'teste' })
      .execute();
    const niteroi = JSON.parse((await rito(['prazo', 'calcular', '--ciencia', '2027-06-21', '--dias', '3', '--municipio', '3303302', '--json'], { DATABASE_URL: banco.url })).stdout);
    expect(niteroi.vencimento).toBe('2027-06-25');
    expect(niteroi.naoUteis[0].motivo).toBe('Feriado municipal (Niterói/RJ) — São João Batista (Lei Municipal de teste)');
    expect(niteroi.avisos.join('\n')).not.toContain('Feriados municipais');
    // Without a database, Niterói is a place rito does not know: it warns.
    const semBanco = JSON.parse((await rito(['prazo', 'calcular', '--ciencia', '2027-06-21', '--dias', '3', '--municipio', '3303302', '--json'], { DATABASE_URL: '' })).stdout);
    expect(semBanco.vencimento).toBe('2027-06-24');
    expect(semBanco.avisos.join('\n')).toContain('Feriados municipais do município 3303302 ainda não cadastrados');
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
