import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../api/auth/segredos';
import { LIMITE_FALHAS_CONTA } from '../../api/contas/service';
import { cookieDaResposta, startTestSystem, type TestSystem } from '../support/system';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => {
  await sys?.stop();
});

describe('login with password and server-side session', () => {
  it('sets an HttpOnly, Secure, SameSite=Strict cookie whose token is stored only as a hash', async () => {
    const u = await sys.criarConta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I', nome: 'Ana Inspetora' });
    const r = await sys.request('POST', '/v1/sessoes', { body: { email: u.email.toUpperCase(), senha: u.senha } });
    expect(r.status).toBe(201);
    const setCookie = r.headers.getSetCookie().find((c) => c.startsWith('rito_sessao='))!;
    expect(setCookie).toMatch(/; HttpOnly/i);
    expect(setCookie).toMatch(/; Secure/i);
    expect(setCookie).toMatch(/; SameSite=Strict/i);
    expect(setCookie).toMatch(/; Path=\//i);
    expect(r.body.ator).toMatchObject({ id: u.id, nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: 'METROPOLITANA I', instituicoes: [], comissoes: [] });
    expect(r.body.csrfToken).toMatch(/^[\w-]{43}$/);

    const token = cookieDaResposta(r.headers)!;
    const sessoes = await sys.db.selectFrom('sessao').selectAll().where('usuario_id', '=', u.id).execute();
    expect(sessoes).toHaveLength(1);
    expect(sessoes[0].id).toBe(sha256(token));
    expect(JSON.stringify(sessoes)).not.toContain(token);

    const eu = await sys.request('GET', '/v1/eu', { as: { cookie: token } });
    expect(eu.status).toBe(200);
    expect(eu.body).toMatchObject({ meio: 'sessao', csrfToken: r.body.csrfToken, ator: { id: u.id } });
  });

  it('answers the same 401 for a wrong password and an unknown e-mail', async () => {
    const u = await sys.criarConta({ papeis: ['coogie'] });
    const errada = await sys.request('POST', '/v1/sessoes', { body: { email: u.email, senha: 'outra-senha-qualquer' } });
    const desconhecido = await sys.request('POST', '/v1/sessoes', { body: { email: 'ninguem@rito.test', senha: 'outra-senha-qualquer' } });
    expect(errada.status).toBe(401);
    expect(desconhecido.status).toBe(401);
    expect(errada.body.erro).toEqual(desconhecido.body.erro);
    expect(errada.body.erro.codigo).toBe('credenciais-invalidas');
    expect(errada.headers.getSetCookie()).toEqual([]);
  });

  it('requires the CSRF token of the session for writes made with the cookie', async () => {
    const rep = await sys.conta({ papeis: ['representante'], instituicoes: ['11222333000181'] });
    const outra = await sys.conta({ papeis: ['representante'], instituicoes: ['11222333000181'] });
    const corpo = { nome: 'x' };
    // Not even reaching validation: CSRF is checked with authentication.
    const sem = await sys.request('POST', '/v1/processos', { as: rep, body: corpo, csrf: false });
    expect(sem.status).toBe(403);
    expect(sem.body.erro.codigo).toBe('csrf');
    const deOutraSessao = await sys.request('POST', '/v1/processos', { as: { cookie: rep.cookie, csrf: outra.csrf }, body: corpo });
    expect(deOutraSessao.status).toBe(403);
    const certo = await sys.request('POST', '/v1/processos', { as: rep, body: corpo });
    expect(certo.status).toBe(400); // past authentication and CSRF, refused by validation
    // Reads need no token.
    expect((await sys.request('GET', '/v1/processos', { as: { cookie: rep.cookie } })).status).toBe(200);
  });

  it('ends the session on logout and clears the cookie', async () => {
    const c = await sys.conta({ papeis: ['supervisor'] });
    const r = await sys.request('DELETE', '/v1/sessoes/atual', { as: c });
    expect(r.status).toBe(204);
    expect(r.headers.getSetCookie().find((s) => s.startsWith('rito_sessao='))).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await sys.request('GET', '/v1/eu', { as: c })).status).toBe(401);
    const row = await sys.db.selectFrom('sessao').select('encerrada_em').where('id', '=', sha256(c.cookie!)).executeTakeFirstOrThrow();
    expect(row.encerrada_em).not.toBeNull();
  });

  it('ends a new login the session the browser already had (no session fixation)', async () => {
    const c = await sys.conta({ papeis: ['coogie'] });
    const r = await sys.request('POST', '/v1/sessoes', { as: { cookie: c.cookie }, body: { email: c.email, senha: c.senha } });
    expect(r.status).toBe(201);
    expect(cookieDaResposta(r.headers)).not.toBe(c.cookie);
    expect((await sys.request('GET', '/v1/eu', { as: c })).status).toBe(401);
  });

  it('refuses expired and idle sessions', async () => {
    const a = await sys.conta({ papeis: ['coogie'] });
    const b = await sys.conta({ papeis: ['coogie'] });
    await sys.db.updateTable('sessao').set({ expira_em: new Date(Date.now() - 1000) }).where('id', '=', sha256(a.cookie!)).execute();
    await sys.db.updateTable('sessao').set({ ultimo_uso_em: new Date(Date.now() - 3 * 3600_000) }).where('id', '=', sha256(b.cookie!)).execute();
    expect((await sys.request('GET', '/v1/eu', { as: a })).status).toBe(401);
    expect((await sys.request('GET', '/v1/eu', { as: b })).status).toBe(401);
  });

  it('locks an e-mail after repeated failures, even against the right password, and tells when to retry', async () => {
    const u = await sys.criarConta({ papeis: ['coogie'] });
    const vizinho = await sys.criarConta({ papeis: ['coogie'] });
    for (let i = 0; i < LIMITE_FALHAS_CONTA; i++) {
      expect((await sys.request('POST', '/v1/sessoes', { body: { email: u.email, senha: `errada-${i}-xxxxxxxx` } })).status).toBe(401);
    }
    const bloqueado = await sys.request('POST', '/v1/sessoes', { body: { email: u.email, senha: u.senha } });
    expect(bloqueado.status).toBe(429);
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: u.email, senha: u.senha } })).status).toBe(429);
    expect(bloqueado.body.erro.codigo).toBe('muitas-tentativas');
    expect(Number(bloqueado.headers.get('retry-after'))).toBeGreaterThan(60);
    expect(bloqueado.headers.getSetCookie()).toEqual([]);
    // Unknown e-mails lock the same way (nothing to learn from the answer).
    for (let i = 0; i < LIMITE_FALHAS_CONTA; i++) await sys.request('POST', '/v1/sessoes', { body: { email: 'fantasma@rito.test', senha: 'x'.repeat(12) } });
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: 'fantasma@rito.test', senha: 'x'.repeat(12) } })).status).toBe(429);
    // Other accounts are not affected.
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: vizinho.email, senha: vizinho.senha } })).status).toBe(201);
    // The lock and the failures are in the audit trail.
    const acoes = await sys.db.selectFrom('auditoria').select('acao').where('resumo', 'like', `%${u.email}%`).execute();
    expect(acoes.filter((a) => a.acao === 'sessao.falha')).toHaveLength(LIMITE_FALHAS_CONTA);
    expect(acoes.filter((a) => a.acao === 'sessao.bloqueada')).toHaveLength(1);
    // When the window has passed, the right password works again.
    await sys.db.updateTable('falha_login').set({ ocorrida_em: new Date(Date.now() - 16 * 60_000) }).where('email', '=', u.email).execute();
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: u.email, senha: u.senha } })).status).toBe(201);
  });

  it('ends the sessions of a deactivated account and refuses its logins; role changes apply at once', async () => {
    const admin = await sys.conta({ papeis: ['administrador'] });
    const c = await sys.conta({ papeis: ['inspetor'], unidade: 'NORTE' });
    expect((await sys.request('GET', '/v1/auditoria', { as: c })).status).toBe(403);
    const promover = await sys.request('PATCH', `/v1/usuarios/${c.id}`, { as: admin, body: { papeis: ['supervisor'], unidade: null } });
    expect(promover.status).toBe(200);
    expect((await sys.request('GET', '/v1/auditoria', { as: c })).status).toBe(200);

    const desativar = await sys.request('PATCH', `/v1/usuarios/${c.id}`, { as: admin, body: { ativo: false } });
    expect(desativar.status).toBe(200);
    expect(desativar.body.ativo).toBe(false);
    expect((await sys.request('GET', '/v1/eu', { as: c })).status).toBe(401);
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: c.email, senha: c.senha } })).status).toBe(401);

    const eu = await sys.request('PATCH', `/v1/usuarios/${admin.id}`, { as: admin, body: { ativo: false } });
    expect(eu.status).toBe(409);
  });

  it('validates role combinations when an account is created', async () => {
    const admin = await sys.conta({ papeis: ['administrador'] });
    const misto = await sys.request('POST', '/v1/usuarios', {
      as: admin,
      body: { nome: 'Misto', email: 'misto@rito.test', papeis: ['representante', 'inspetor'], unidade: 'NORTE', enviarConvite: false },
    });
    expect(misto.status).toBe(400);
    const semUnidade = await sys.request('POST', '/v1/usuarios', {
      as: admin,
      body: { nome: 'Insp', email: 'insp@rito.test', papeis: ['inspetor'], enviarConvite: false },
    });
    expect(semUnidade.status).toBe(400);
    expect(semUnidade.body.erro.campos).toEqual([{ campo: 'unidade', mensagem: expect.stringMatching(/COOIE/) }]);
    const sistema = await sys.request('POST', '/v1/usuarios', { as: admin, body: { nome: 'S', email: 's@rito.test', papeis: ['sistema'], enviarConvite: false } });
    expect(sistema.status).toBe(400);
    const ok = await sys.request('POST', '/v1/usuarios', { as: admin, body: { nome: 'C', email: 'C@Rito.test', papeis: ['coogie'], enviarConvite: false } });
    expect(ok.status).toBe(201);
    expect(ok.body.email).toBe('c@rito.test');
    const repetido = await sys.request('POST', '/v1/usuarios', { as: admin, body: { nome: 'C', email: 'c@rito.test', papeis: ['coogie'], enviarConvite: false } });
    expect(repetido.status).toBe(409);
  });

  it('keeps what documents need of a servidor: matrícula, cargo and form of address, changed only by an administrator, audited', async () => {
    const admin = await sys.conta({ papeis: ['administrador'] });
    const criada = await sys.request('POST', '/v1/usuarios', {
      as: admin,
      body: { nome: 'Renata Campos', email: 'renata.campos@rito.test', papeis: ['comissao'], unidade: 'METROPOLITANA I', matricula: '5012345-1', cargo: 'Inspetora Escolar', tratamento: 'senhora', enviarConvite: false },
    });
    expect(criada.status, JSON.stringify(criada.body)).toBe(201);
    expect(criada.body).toMatchObject({ matricula: '5012345-1', cargo: 'Inspetora Escolar', tratamento: 'senhora' });
    const ruim = await sys.request('PATCH', `/v1/usuarios/${criada.body.id}`, { as: admin, body: { tratamento: 'doutora' } });
    expect(ruim.status).toBe(400);
    expect(ruim.body.erro.campos).toEqual([{ campo: 'tratamento', mensagem: 'tratamento deve ser "senhor" ou "senhora"' }]);
    const mudada = await sys.request('PATCH', `/v1/usuarios/${criada.body.id}`, { as: admin, body: { cargo: 'Inspetora Escolar — Comissão de Vistoria' } });
    expect(mudada.status).toBe(200);
    expect(mudada.body).toMatchObject({ matricula: '5012345-1', cargo: 'Inspetora Escolar — Comissão de Vistoria', tratamento: 'senhora' });
    const trilha = await sys.db.selectFrom('auditoria').select(['resumo']).where('recurso_id', '=', criada.body.id).orderBy('seq').execute();
    expect(trilha.at(-1)!.resumo).toBe('Conta de Renata Campos alterada: cargo');
    const proprio = await sys.conta({ papeis: ['comissao'], unidade: 'METROPOLITANA I' });
    expect((await sys.request('PATCH', `/v1/usuarios/${criada.body.id}`, { as: proprio, body: { cargo: 'Outro' } })).status).toBe(403);
  });
});
