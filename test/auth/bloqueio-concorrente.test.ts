/**
 * Issue 17, defect 3: the login lockout holds under concurrent guesses, and
 * behind a proxy it counts the real client (TRUST_PROXY), never one a client
 * names itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { LIMITE_FALHAS_CONTA, LIMITE_FALHAS_IP } from '../../api/contas/service';
import { ConfigError, loadConfig } from '../../config/settings';
import { startTestSystem, type TestSystem } from '../support/system';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => {
  await sys?.stop();
});

describe('login lockout under concurrency', () => {
  it('checks at most the limit of passwords when 40 wrong ones arrive at once for one account', async () => {
    const u = await sys.criarConta({ papeis: ['coogie'] });
    const respostas = await Promise.all(
      Array.from({ length: 40 }, (_, i) => sys.request('POST', '/v1/sessoes', { body: { email: u.email, senha: `errada-${i}-xxxxxxxxx` } })),
    );
    const status = respostas.map((r) => r.status);
    expect(status.filter((s) => s === 401)).toHaveLength(LIMITE_FALHAS_CONTA);
    expect(status.filter((s) => s === 429)).toHaveLength(40 - LIMITE_FALHAS_CONTA);
    const falhas = await sys.db.selectFrom('falha_login').select('id').where('email', '=', u.email).execute();
    expect(falhas).toHaveLength(LIMITE_FALHAS_CONTA);
    const auditadas = await sys.db.selectFrom('auditoria').select('acao').where('acao', '=', 'sessao.falha').where('resumo', 'like', `%${u.email}%`).execute();
    expect(auditadas).toHaveLength(LIMITE_FALHAS_CONTA);
    // Even the right password waits for the window.
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: u.email, senha: u.senha } })).status).toBe(429);
  });

  it('lets a right password in after a few failures, and clears them', async () => {
    const u = await sys.criarConta({ papeis: ['coogie'] });
    for (let i = 0; i < LIMITE_FALHAS_CONTA - 1; i++) {
      expect((await sys.request('POST', '/v1/sessoes', { body: { email: u.email, senha: `errada-${i}-xxxxxxxxx` } })).status).toBe(401);
    }
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: u.email, senha: u.senha } })).status).toBe(201);
    expect(await sys.db.selectFrom('falha_login').select('id').where('email', '=', u.email).execute()).toEqual([]);
  });
});

describe('TRUST_PROXY', () => {
  it('is off unless set, and accepts addresses, networks, named ranges or a number of hops', () => {
    expect(loadConfig({}).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBeUndefined();
    expect(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.0.0.0/8,loopback,fd00::/8' }).TRUST_PROXY).toEqual(['10.0.0.5', '10.0.0.0/8', 'loopback', 'fd00::/8']);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
  });

  it.each([
    ['true', /qualquer cliente poderia forjar/],
    ['proxy.interno', /endereço ou rede inválido: proxy\.interno/],
    ['10.0.0.0/33', /endereço ou rede inválido: 10\.0\.0\.0\/33/],
    ['0', /entre 1 e 10/],
  ])('refuses %s with a pt-BR message naming the setting', (valor, mensagem) => {
    let erro: unknown;
    try {
      loadConfig({ TRUST_PROXY: valor });
    } catch (err) {
      erro = err;
    }
    expect(erro).toBeInstanceOf(ConfigError);
    expect((erro as ConfigError).problems).toEqual([{ variable: 'TRUST_PROXY', mensagem: expect.stringMatching(mensagem) }]);
  });

  const falharDe = async (app: Awaited<ReturnType<typeof buildApp>>, clienteIp: string, email: string) =>
    app.inject({
      method: 'POST',
      url: '/v1/sessoes',
      remoteAddress: '10.0.0.5', // the proxy
      headers: { 'content-type': 'application/json', 'x-forwarded-for': clienteIp },
      payload: JSON.stringify({ email, senha: 'errada-xxxxxxxxx' }),
    });

  it('behind a trusted proxy, locks the client that failed, not every client of the proxy', async () => {
    const app = await buildApp(
      { db: sys.db, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(sys.db) },
      { trustProxy: loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).TRUST_PROXY },
    );
    try {
      for (let i = 0; i < LIMITE_FALHAS_IP; i++) expect((await falharDe(app, '203.0.113.7', `spray${i}@rito.test`)).statusCode).toBe(401);
      expect((await falharDe(app, '203.0.113.7', 'mais-um@rito.test')).statusCode).toBe(429);
      expect((await falharDe(app, '198.51.100.9', 'mais-um@rito.test')).statusCode).toBe(401);
      const ips = await sys.db.selectFrom('falha_login').select('ip').where('email', 'like', 'spray%').execute();
      expect(new Set(ips.map((r) => r.ip))).toEqual(new Set(['203.0.113.7']));
      const entrada = await sys.db.selectFrom('auditoria').select('origem_ip').where('resumo', 'like', '%spray0@rito.test%').executeTakeFirstOrThrow();
      expect(entrada.origem_ip).toBe('203.0.113.7');
    } finally {
      await app.close();
    }
  });

  it('without it, ignores X-Forwarded-For: a client cannot pick the IP the lockout counts', async () => {
    const app = await buildApp({ db: sys.db, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(sys.db) });
    try {
      expect((await falharDe(app, '192.0.2.44', 'forjado@rito.test')).statusCode).toBe(401);
      const r = await sys.db.selectFrom('falha_login').select('ip').where('email', '=', 'forjado@rito.test').executeTakeFirstOrThrow();
      expect(r.ip).toBe('10.0.0.5');
    } finally {
      await app.close();
    }
  });
});
