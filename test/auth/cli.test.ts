/**
 * The `rito` commands of this issue, run as real processes against the test
 * database: `rito seed demo` and `rito auditoria verificar`, which must name
 * the audit entry that was altered or removed directly in PostgreSQL.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashEntrada, conteudoDaLinha } from '../../api/auditoria/registro';
import type { Database } from '../../db/schema';
import { designarComissaoPelaApi } from '../support/comissao';
import { startTestSystem, type TestSystem } from '../support/system';

const INEP = `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

const raiz = path.resolve(__dirname, '../..');

function rito(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(raiz, 'bin/rito'), ...args], { cwd: raiz, env: { ...process.env, ...env }, timeout: 120_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** As a DBA who owns the table could: switch off the guard triggers, change rows, switch them on again. */
async function adulterar(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<unknown>) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table auditoria disable trigger user`.execute(trx);
    await fn(trx);
    await sql`alter table auditoria enable trigger user`.execute(trx);
  });
}

let sys: TestSystem;
let env: Record<string, string>;
beforeAll(async () => {
  sys = await startTestSystem();
  env = { DATABASE_URL: sys.databaseUrl };
});
afterAll(async () => {
  await sys?.stop();
});

describe('rito seed demo', () => {
  it('creates a usable demo and prints the passwords, which log in with the right scope', async () => {
    const r = await rito(['seed', 'demo'], env);
    expect(r.code, r.stderr).toBe(0);
    const senhas = Object.fromEntries([...r.stdout.matchAll(/^\s+(\S+@\S+)\s+senha: (\S+)/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(senhas).sort()).toEqual(
      [
        'admin@rito.demo',
        'comissao1@rito.demo',
        'comissao2@rito.demo',
        'comissao3@rito.demo',
        'coogie@rito.demo',
        'inspetora@rito.demo',
        'procurador@escola-modelo.rito.demo',
        'rl@colegio-exemplo.rito.demo',
        'supervisora@rito.demo',
      ].sort(),
    );
    const eu = async (email: string) => {
      const s = await sys.entrar(email, senhas[email]);
      return (await sys.request('GET', '/v1/eu', { as: s })).body.ator;
    };
    expect(await eu('rl@colegio-exemplo.rito.demo')).toMatchObject({ papeis: ['representante'], instituicoes: ['11222333000181'] });
    expect(await eu('procurador@escola-modelo.rito.demo')).toMatchObject({ papeis: ['representante'], instituicoes: ['11444777000161'] });
    expect(await eu('inspetora@rito.demo')).toMatchObject({ papeis: ['inspetor'], unidade: 'METROPOLITANA I' });
    expect(await eu('coogie@rito.demo')).toMatchObject({ papeis: ['coogie'] });
    expect(await eu('supervisora@rito.demo')).toMatchObject({ papeis: ['supervisor'] });
    expect(await eu('admin@rito.demo')).toMatchObject({ papeis: ['administrador'] });

    // Again: new passwords, same accounts and mandates.
    const deNovo = await rito(['seed', 'demo'], env);
    expect(deNovo.code).toBe(0);
    const senha2 = /rl@colegio-exemplo\.rito\.demo\s+senha: (\S+)/.exec(deNovo.stdout)![1];
    expect(senha2).not.toBe(senhas['rl@colegio-exemplo.rito.demo']);
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: 'rl@colegio-exemplo.rito.demo', senha: senhas['rl@colegio-exemplo.rito.demo'] } })).status).toBe(401);
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: 'rl@colegio-exemplo.rito.demo', senha: senha2 } })).status).toBe(201);
    const reps = await sys.db.selectFrom('representacao').select('id').execute();
    expect(reps).toHaveLength(2);
  });

  it('includes a Comissão of three servidores of the COOIE, printed with what the Ordem de Serviço names them by, and the rite walks with them', async () => {
    const r = await rito(['seed', 'demo'], env);
    expect(r.code, r.stderr).toBe(0);
    // e.g. "comissao1@rito.demo  senha: …   comissao — Renata Campos (Comissão de Vistoria, METROPOLITANA I: matrícula 5012345-1, conta <id>)"
    const linhas = [...r.stdout.matchAll(/^\s+(comissao\d@rito\.demo)\s+senha: (\S+)\s+comissao — (.+) \(Comissão de Vistoria, METROPOLITANA I: matrícula (\S+), conta (\S+)\)$/gm)];
    expect(linhas.map((m) => m[1])).toEqual(['comissao1@rito.demo', 'comissao2@rito.demo', 'comissao3@rito.demo']);
    expect(r.stdout).toContain('Comissão de Vistoria: comissao1@rito.demo, comissao2@rito.demo, comissao3@rito.demo');
    const membros = [];
    for (const [, email, senha, nome, matricula, conta] of linhas) {
      const s = await sys.entrar(email!, senha!);
      const eu = (await sys.request('GET', '/v1/eu', { as: s })).body.ator;
      expect(eu).toMatchObject({ id: conta, nome, papeis: ['comissao'], unidade: 'METROPOLITANA I' });
      membros.push({ nome: nome!, matricula: matricula!, usuarioId: conta!, sessao: s });
    }
    expect(new Set(membros.map((m) => m.matricula)).size).toBe(3);

    // From the printed accounts alone: the RL opens a vistoria, the inspetora names the three in the Ordem de Serviço, and they see the process.
    const senhaDe = (email: string) => new RegExp(`${email.replace(/[.]/g, '\\.')}\\s+senha: (\\S+)`).exec(r.stdout)![1]!;
    const rl = await sys.entrar('rl@colegio-exemplo.rito.demo', senhaDe('rl@colegio-exemplo.rito.demo'));
    const inspetora = await sys.entrar('inspetora@rito.demo', senhaDe('inspetora@rito.demo'));
    const aberto = await sys.request('POST', '/v1/processos', {
      as: rl,
      body: {
        tipo: 'entrada-suplementar',
        instituicao: {
          cnpj: '11222333000181',
          // A school of this file only: workflow ids come from CNPJ and INEP, and test files share one Temporal server.
          codigoInep: INEP,
          nome: 'Colégio Exemplo',
          endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
        },
        unidade: 'METROPOLITANA I',
        requerente: { nome: 'Maria Alves', cpf: '529.982.247-25', email: 'rl@colegio-exemplo.rito.demo' },
      },
    });
    expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
    const id = aberto.body.id as string;
    await designarComissaoPelaApi(sys, id, inspetora, 'SEI-030001/029999/2026', membros.map(({ nome, matricula, usuarioId }) => ({ nome, matricula, usuarioId })));
    for (const m of membros) {
      const estado = await sys.request('GET', `/v1/processos/${id}/vistoria`, { as: m.sessao });
      expect(estado.status, m.nome).toBe(200);
      expect(estado.body.comissao).toEqual(membros.map(({ nome, matricula, usuarioId }) => ({ nome, matricula, usuarioId })));
    }
    // Seeding, five logins and a rite walked through the workflow on the real dev server: slow on a cold, loaded CI machine.
  }, 180_000);
});

describe('rito auditoria verificar', () => {
  it('passes an intact chain and names the entry altered directly in PostgreSQL', async () => {
    const intacta = await rito(['auditoria', 'verificar'], env);
    expect(intacta.code, intacta.stderr).toBe(0);
    expect(intacta.stdout).toMatch(/auditoria íntegra: \d+ entradas verificadas; última: seq \d+, hash [0-9a-f]{64}/);

    const total = Number((await sys.db.selectFrom('auditoria').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    expect(total).toBeGreaterThan(10);
    const alvo = Math.floor(total / 2);
    const original = await sys.db.selectFrom('auditoria').select('resumo').where('seq', '=', String(alvo)).executeTakeFirstOrThrow();

    // Change one row's content.
    await adulterar(sys.db, (trx) => trx.updateTable('auditoria').set({ resumo: 'nada aconteceu aqui' }).where('seq', '=', String(alvo)).execute());
    const alterada = await rito(['auditoria', 'verificar'], env);
    expect(alterada.code).toBe(1);
    expect(alterada.stdout).toContain(`auditoria ADULTERADA na entrada ${alvo}: a entrada ${alvo} foi alterada`);

    // Change it and recompute its own hash: the next entry's link still gives it away.
    await adulterar(sys.db, async (trx) => {
      const row = await trx.selectFrom('auditoria').selectAll().where('seq', '=', String(alvo)).executeTakeFirstOrThrow();
      const hash = hashEntrada(row.hash_anterior, conteudoDaLinha({ ...row, resumo: 'reescrita com cuidado' }));
      await trx.updateTable('auditoria').set({ resumo: 'reescrita com cuidado', hash }).where('seq', '=', String(alvo)).execute();
    });
    const rehash = await rito(['auditoria', 'verificar'], env);
    expect(rehash.code).toBe(1);
    expect(rehash.stdout).toContain(`na entrada ${alvo}:`);

    // Put it back (content and hash) and the chain is whole again.
    await adulterar(sys.db, async (trx) => {
      const row = await trx.selectFrom('auditoria').selectAll().where('seq', '=', String(alvo)).executeTakeFirstOrThrow();
      const hash = hashEntrada(row.hash_anterior, conteudoDaLinha({ ...row, resumo: original.resumo }));
      await trx.updateTable('auditoria').set({ resumo: original.resumo, hash }).where('seq', '=', String(alvo)).execute();
    });
    expect((await rito(['auditoria', 'verificar'], env)).code).toBe(0);
  });

  it('names removed entries, at the end too when given the head as an anchor', async () => {
    const cabeca = /última: seq (\d+), hash ([0-9a-f]{64})/.exec((await rito(['auditoria', 'verificar'], env)).stdout)!;
    const [, seqCabeca, hashCabeca] = cabeca;

    const ultima = await sys.db.selectFrom('auditoria').selectAll().where('seq', '=', seqCabeca).executeTakeFirstOrThrow();
    await adulterar(sys.db, (trx) => trx.deleteFrom('auditoria').where('seq', '=', seqCabeca).execute());
    // Without an anchor the shorter chain is consistent; with it, the removal shows.
    expect((await rito(['auditoria', 'verificar'], env)).code).toBe(0);
    const ancorada = await rito(['auditoria', 'verificar', '--ancora', `${seqCabeca}:${hashCabeca}`], env);
    expect(ancorada.code).toBe(1);
    expect(ancorada.stdout).toContain(`na entrada ${seqCabeca}:`);
    await adulterar(sys.db, (trx) => trx.insertInto('auditoria').values({ ...ultima, dados: JSON.stringify(ultima.dados) }).execute());
    expect((await rito(['auditoria', 'verificar', '--ancora', `${seqCabeca}:${hashCabeca}`], env)).code).toBe(0);

    const meio = 5;
    await adulterar(sys.db, (trx) => trx.deleteFrom('auditoria').where('seq', '=', String(meio)).execute());
    const removida = await rito(['auditoria', 'verificar'], env);
    expect(removida.code).toBe(1);
    expect(removida.stdout).toContain(`auditoria ADULTERADA na entrada ${meio}: a entrada ${meio} foi removida`);
  });
});
