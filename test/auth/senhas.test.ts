import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../api/auth/segredos';
import { startTestSystem, type TestSystem } from '../support/system';
import { eventually } from '../support/eventualmente';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
});
afterAll(async () => {
  await sys?.stop();
});

const tokenDo = (texto: string) => {
  const m = /https:\/\/rito\.test\/redefinir-senha#([\w-]+)/.exec(texto);
  if (!m) throw new Error(`sem link no e-mail:\n${texto}`);
  return m[1];
};

describe('password reset by e-mailed single-use token', () => {
  it('e-mails a link through SMTP, sets the new password once, and ends the open sessions', async () => {
    const c = await sys.conta({ papeis: ['coogie'], nome: 'Bruno COOGIE' });
    const antes = sys.smtp.mensagens.length;
    const pedido = await sys.request('POST', '/v1/senhas/redefinicao', { body: { email: c.email } });
    expect(pedido.status).toBe(202);

    const msg = await sys.smtp.aguardar(c.email, { depoisDe: antes });
    expect(msg.de).toBe('nao-responda@rito.test');
    expect(msg.assunto).toBe('rito: redefinição de senha');
    expect(msg.texto).toContain('Olá, Bruno COOGIE.');
    const token = tokenDo(msg.texto);
    // Only the hash is stored.
    const row = await sys.db.selectFrom('token_senha').selectAll().where('usuario_id', '=', c.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(row.finalidade).toBe('redefinicao');

    const curta = await sys.request('POST', `/v1/senhas/redefinicao/${token}`, { body: { senha: 'curta' } });
    expect(curta.status).toBe(400);
    expect(curta.body.erro.campos[0]).toMatchObject({ campo: 'senha', mensagem: expect.stringMatching(/12 caracteres/) });

    const nova = 'uma senha nova e comprida';
    const ok = await sys.request('POST', `/v1/senhas/redefinicao/${token}`, { body: { senha: nova } });
    expect(ok.status).toBe(204);
    expect((await sys.request('GET', '/v1/eu', { as: c })).status).toBe(401);
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: c.email, senha: c.senha } })).status).toBe(401);
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: c.email, senha: nova } })).status).toBe(201);

    const deNovo = await sys.request('POST', `/v1/senhas/redefinicao/${token}`, { body: { senha: 'mais uma senha comprida' } });
    expect(deNovo.status).toBe(400);
    expect(deNovo.body.erro.codigo).toBe('token-invalido');

    const auditoria = await sys.db.selectFrom('auditoria').selectAll().where('recurso_id', '=', c.id).orderBy('seq').execute();
    expect(auditoria.map((a) => a.acao)).toEqual(expect.arrayContaining(['senha.redefinicao.pedir', 'senha.redefinir']));
    expect(JSON.stringify(auditoria)).not.toContain(token);
  });

  it('answers 202 for an unknown e-mail too, and sends nothing', async () => {
    const r = await sys.request('POST', '/v1/senhas/redefinicao', { body: { email: 'ninguem-aqui@rito.test' } });
    expect(r.status).toBe(202);
    const conhecido = await sys.criarConta({ papeis: ['coogie'] });
    const r2 = await sys.request('POST', '/v1/senhas/redefinicao', { body: { email: conhecido.email } });
    expect(r2.body).toEqual(r.body);
    // The request is recorded once handled; by then any e-mail would have been sent.
    await eventually(() =>
      sys.db.selectFrom('auditoria').select('seq').where('acao', '=', 'senha.redefinicao.pedir').where('resumo', 'like', '%ninguem-aqui@rito.test%').executeTakeFirst(),
    );
    await sys.smtp.aguardar(conhecido.email);
    expect(sys.smtp.mensagens.filter((m) => m.para.includes('ninguem-aqui@rito.test'))).toHaveLength(0);
  });

  it('refuses expired tokens, and a new request invalidates the previous link', async () => {
    const c = await sys.criarConta({ papeis: ['coogie'] });
    let antes = sys.smtp.mensagens.length;
    await sys.request('POST', '/v1/senhas/redefinicao', { body: { email: c.email } });
    const primeiro = tokenDo((await sys.smtp.aguardar(c.email, { depoisDe: antes })).texto);
    antes = sys.smtp.mensagens.length;
    await sys.request('POST', '/v1/senhas/redefinicao', { body: { email: c.email } });
    const segundo = tokenDo((await sys.smtp.aguardar(c.email, { depoisDe: antes })).texto);
    expect((await sys.request('POST', `/v1/senhas/redefinicao/${primeiro}`, { body: { senha: 'senha nova comprida 1' } })).status).toBe(400);
    await sys.db.updateTable('token_senha').set({ expira_em: new Date(Date.now() - 1000) }).where('token_hash', '=', sha256(segundo)).execute();
    expect((await sys.request('POST', `/v1/senhas/redefinicao/${segundo}`, { body: { senha: 'senha nova comprida 2' } })).status).toBe(400);
  });

  it('sends at most 3 reset e-mails per account per hour', async () => {
    const c = await sys.criarConta({ papeis: ['coogie'] });
    for (let i = 0; i < 4; i++) expect((await sys.request('POST', '/v1/senhas/redefinicao', { body: { email: c.email } })).status).toBe(202);
    await eventually(async () => {
      const n = await sys.db.selectFrom('auditoria').select('seq').where('recurso_id', '=', c.id).where('acao', '=', 'senha.redefinicao.pedir').execute();
      return n.length === 4 ? n : undefined;
    });
    expect(sys.smtp.mensagens.filter((m) => m.para.includes(c.email))).toHaveLength(3);
  });

  it('invites a new account by e-mail to set its first password', async () => {
    const admin = await sys.conta({ papeis: ['administrador'] });
    const antes = sys.smtp.mensagens.length;
    const criado = await sys.request('POST', '/v1/usuarios', {
      as: admin,
      body: { nome: 'Nova Inspetora', email: 'nova.inspetora@rito.test', papeis: ['inspetor'], unidade: 'NORTE' },
    });
    expect(criado.status).toBe(201);
    expect(criado.body).toMatchObject({ senhaDefinida: false, ativo: true, papeis: ['inspetor'], unidade: 'NORTE' });
    const convite = await sys.smtp.aguardar('nova.inspetora@rito.test', { depoisDe: antes });
    expect(convite.assunto).toBe('rito: defina sua senha de acesso');
    const token = tokenDo(convite.texto);
    expect((await sys.request('POST', '/v1/sessoes', { body: { email: 'nova.inspetora@rito.test', senha: 'qualquer coisa longa' } })).status).toBe(401);
    expect((await sys.request('POST', `/v1/senhas/redefinicao/${token}`, { body: { senha: 'minha primeira senha' } })).status).toBe(204);
    const login = await sys.request('POST', '/v1/sessoes', { body: { email: 'nova.inspetora@rito.test', senha: 'minha primeira senha' } });
    expect(login.status).toBe(201);
    expect(login.body.ator).toMatchObject({ papeis: ['inspetor'], unidade: 'NORTE' });
  });

  it('serves the page the link opens (paginas/), under the CSP of our own origin, sending no Referer', async () => {
    const r = await fetch(`${sys.baseUrl}/redefinir-senha`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await r.text()).toContain('action="/redefinir-senha"');
  });
});
