/**
 * Issue 17, defect 7: rate limiting. Every route is limited per authenticated
 * actor (else per IP); the public routes that act (login, password reset) per
 * IP with a stricter limit. A refused request answers 429 in the API's error
 * shape with Retry-After, reaches no handler and writes no audit entry. The
 * count lives in PostgreSQL: two API instances on one database share it.
 *
 * The rest of the suite runs with relaxed limits (vitest.config.ts env); these
 * tests build their own API instances with small ones over the test system's database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import type { LimitesRequisicao } from '../../api/plugins/limites';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sys: TestSystem;
let supervisor: Conta;
let outro: Conta;
beforeAll(async () => {
  sys = await startTestSystem();
  supervisor = await sys.conta({ papeis: ['supervisor'] });
  outro = await sys.conta({ papeis: ['supervisor'] });
});
afterAll(async () => {
  await sys?.stop();
});

async function api(limites: LimitesRequisicao) {
  return buildApp({ db: sys.db, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(sys.db) }, { limites });
}

function recusaPorLimite(r: { statusCode: number; headers: Record<string, unknown>; json(): any }, janelaS: number) {
  expect(r.statusCode).toBe(429);
  const espera = Number(r.headers['retry-after']);
  expect(espera).toBeGreaterThanOrEqual(1);
  expect(espera).toBeLessThanOrEqual(janelaS);
  expect(r.json()).toEqual({ erro: { codigo: 'limite-de-requisicoes', mensagem: expect.stringMatching(/Aguarde \d+ segundos? e tente de novo/) }, requestId: expect.stringMatching(UUID) });
}

const entradasDoIp = async (ip: string, acao: string) =>
  Number(
    (
      await sys.db
        .selectFrom('auditoria')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('origem_ip', '=', ip)
        .where('acao', '=', acao)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('anonymous routes', () => {
  it('login: beyond the anonymous limit per IP, 429 with Retry-After and no audit entry; another IP still gets in', async () => {
    const app = await api({ requisicoes: 1000, anonimas: 3, janelaS: 120 });
    try {
      const ip = '203.0.113.7';
      const tentar = () => app.inject({ method: 'POST', url: '/v1/sessoes', remoteAddress: ip, payload: { email: supervisor.email, senha: 'senha-errada-de-teste' } });
      const respostas = [];
      for (let i = 0; i < 6; i++) respostas.push(await tentar());
      expect(respostas.slice(0, 3).map((r) => r.statusCode)).toEqual([401, 401, 401]);
      for (const r of respostas.slice(3)) recusaPorLimite(r, 120);
      // The three counted attempts were audited; the three refused by the limit were not.
      expect(await entradasDoIp(ip, 'sessao.falha')).toBe(3);
      expect(await entradasDoIp(ip, 'sessao.bloqueada')).toBe(0);
      // Another address has its own count: the right password gets in.
      const outroIp = await app.inject({ method: 'POST', url: '/v1/sessoes', remoteAddress: '203.0.113.8', payload: { email: outro.email, senha: outro.senha } });
      expect(outroIp.statusCode).toBe(201);
      // /health is never limited.
      for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'GET', url: '/health', remoteAddress: ip })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('password reset: beyond the anonymous limit, 429 and no audit entry for the refused requests', async () => {
    const app = await api({ requisicoes: 1000, anonimas: 4, janelaS: 120 });
    const ip = '198.51.100.20';
    let respostas;
    try {
      respostas = await Promise.all(
        Array.from({ length: 12 }, () => app.inject({ method: 'POST', url: '/v1/senhas/redefinicao', remoteAddress: ip, payload: { email: `ninguem.${Math.random()}@rito.test` } })),
      );
    } finally {
      await app.close(); // waits for the entries the accepted requests write after answering
    }
    const codigos = respostas.map((r) => r.statusCode).sort();
    expect(codigos).toEqual([...Array(4).fill(202), ...Array(8).fill(429)]);
    for (const r of respostas.filter((r) => r.statusCode === 429)) recusaPorLimite(r, 120);
    expect(await entradasDoIp(ip, 'senha.redefinicao.pedir')).toBe(4);
    // The token route is limited too, on its own count.
    const app2 = await api({ requisicoes: 1000, anonimas: 1, janelaS: 120 });
    try {
      const token = 'x'.repeat(40);
      const a = await app2.inject({ method: 'POST', url: `/v1/senhas/redefinicao/${token}`, remoteAddress: ip, payload: { senha: 'uma senha qualquer bem longa' } });
      expect(a.statusCode).toBe(400);
      recusaPorLimite(await app2.inject({ method: 'POST', url: `/v1/senhas/redefinicao/${token}`, remoteAddress: ip, payload: { senha: 'uma senha qualquer bem longa' } }), 120);
    } finally {
      await app2.close();
    }
  });
});

describe('authenticated routes', () => {
  it('beyond the limit per actor, 429; another actor from the same IP is not refused; the anonymous limit does not apply to them', async () => {
    const app = await api({ requisicoes: 5, anonimas: 1, janelaS: 60 });
    try {
      const ip = '192.0.2.50';
      const eu = (c: Conta) => app.inject({ method: 'GET', url: '/v1/eu', remoteAddress: ip, headers: { cookie: `rito_sessao=${c.cookie}` } });
      for (let i = 0; i < 5; i++) expect((await eu(supervisor)).statusCode).toBe(200);
      recusaPorLimite(await eu(supervisor), 60);
      recusaPorLimite(await app.inject({ method: 'GET', url: '/v1/auditoria', remoteAddress: '192.0.2.99', headers: { cookie: `rito_sessao=${supervisor.cookie}` } }), 60);
      // Counted per actor, not per address.
      for (let i = 0; i < 5; i++) expect((await eu(outro)).statusCode).toBe(200);
      recusaPorLimite(await eu(outro), 60);
    } finally {
      await app.close();
    }
  });
});

describe('shared by every instance', () => {
  it('two API instances on the same database count together', async () => {
    const limites = { requisicoes: 6, anonimas: 4, janelaS: 60 };
    const [a, b] = [await api(limites), await api(limites)];
    try {
      const conta = await sys.conta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I' });
      const eu = (app: typeof a) => app.inject({ method: 'GET', url: '/v1/eu', headers: { cookie: `rito_sessao=${conta.cookie}` } });
      // 3 + 3 requests: within the shared limit of 6, though each instance saw only 3.
      for (let i = 0; i < 3; i++) {
        expect((await eu(a)).statusCode).toBe(200);
        expect((await eu(b)).statusCode).toBe(200);
      }
      recusaPorLimite(await eu(a), 60);
      recusaPorLimite(await eu(b), 60);
      // The same for logins: 2 on each instance, then both refuse.
      const ip = '203.0.113.77';
      const login = (app: typeof a) => app.inject({ method: 'POST', url: '/v1/sessoes', remoteAddress: ip, payload: { email: 'ninguem@rito.test', senha: 'senha-errada-de-teste' } });
      for (let i = 0; i < 2; i++) {
        expect((await login(a)).statusCode).toBe(401);
        expect((await login(b)).statusCode).toBe(401);
      }
      recusaPorLimite(await login(b), 60);
      recusaPorLimite(await login(a), 60);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('under a burst on two instances, counts reserved in blocks never admit more than the limit together', async () => {
    // Each instance reserves counts in PostgreSQL before the requests they admit (at most 1/8 of what remains per
    // reservation), so the two together admit at most the limit; what one reserved and did not use is all the other
    // can miss, at most 1/8 of the limit here.
    const limites = { requisicoes: 40, anonimas: 4, janelaS: 60 };
    const [a, b] = [await api(limites), await api(limites)];
    try {
      const conta = await sys.conta({ papeis: ['supervisor'] });
      const eu = (app: typeof a) => app.inject({ method: 'GET', url: '/v1/eu', headers: { cookie: `rito_sessao=${conta.cookie}` } });
      const respostas = await Promise.all([...Array.from({ length: 35 }, () => eu(a)), ...Array.from({ length: 35 }, () => eu(b))]);
      const aceitas = respostas.filter((r) => r.statusCode === 200).length;
      expect(aceitas).toBeLessThanOrEqual(40);
      expect(aceitas).toBeGreaterThanOrEqual(40 - 40 / 8);
      for (const r of respostas.filter((r) => r.statusCode !== 200)) recusaPorLimite(r, 60);
      // Later requests of the window are refused on both.
      recusaPorLimite(await eu(a), 60);
      recusaPorLimite(await eu(b), 60);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
