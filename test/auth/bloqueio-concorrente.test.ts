/**
 * Issue 17, defect 3: the login lockout holds under concurrent guesses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITE_FALHAS_CONTA } from '../../api/contas/service';
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
