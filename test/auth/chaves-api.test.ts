import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../api/auth/segredos';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const CNPJ_A = '11222333000181';
const CNPJ_B = '11444777000161';
const abertura = (cnpj: string, codigoInep: string) => ({
  tipo: 'entrada-suplementar',
  instituicao: {
    cnpj,
    codigoInep,
    nome: `Escola ${cnpj}`,
    endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
  },
  unidade: 'METROPOLITANA I',
  requerente: { nome: 'Sistema', cpf: '529.982.247-25', email: 'sis@example.org' },
});

let sys: TestSystem;
let admin: Conta;
let processoB: string;
beforeAll(async () => {
  sys = await startTestSystem();
  admin = await sys.conta({ papeis: ['administrador'] });
  const repB = await sys.conta({ papeis: ['representante'], instituicoes: [CNPJ_B] });
  const b = await sys.request('POST', '/v1/processos', { as: repB, body: abertura(CNPJ_B, '33000222') });
  expect([200, 201]).toContain(b.status);
  processoB = b.body.id;
});
afterAll(async () => {
  await sys?.stop();
});

describe('API keys for machine clients', () => {
  it('shows the key once, keeps only its hash, and authenticates by Bearer or X-API-Key within its scope', async () => {
    const criada = await sys.request('POST', '/v1/chaves-api', {
      as: admin,
      body: { nome: 'Sistema de gestão do Colégio A', papeis: ['representante'], instituicoes: ['11.222.333/0001-81'] },
    });
    expect(criada.status).toBe(201);
    const chave: string = criada.body.chave;
    expect(chave).toMatch(/^rito_[0-9a-f]{12}_[\w-]{43}$/);
    expect(criada.body).toMatchObject({ nome: 'Sistema de gestão do Colégio A', papeis: ['representante'], instituicoes: [CNPJ_A], revogadaEm: null });

    const lista = await sys.request('GET', '/v1/chaves-api', { as: admin });
    expect(JSON.stringify(lista.body)).not.toContain(chave.split('_').slice(2).join('_'));
    expect(lista.body.itens.find((k: { id: string }) => k.id === criada.body.id)).not.toHaveProperty('chave');
    const row = await sys.db.selectFrom('chave_api').selectAll().where('id', '=', criada.body.id).executeTakeFirstOrThrow();
    expect(row.segredo_hash).toBe(sha256(chave.split('_').slice(2).join('_')));
    // The secret may itself hold '_' (base64url): everything after the prefix.
    expect(JSON.stringify(row)).not.toContain(chave.split('_').slice(2).join('_'));

    const porBearer = await sys.request('GET', '/v1/eu', { as: { chave } });
    expect(porBearer.status).toBe(200);
    expect(porBearer.body).toMatchObject({ meio: 'chave-api', csrfToken: null, ator: { id: `chave:${criada.body.id}`, papeis: ['representante'], instituicoes: [CNPJ_A] } });
    const porCabecalho = await sys.request('GET', '/v1/eu', { headers: { 'x-api-key': chave } });
    expect(porCabecalho.status).toBe(200);

    // Writes need no CSRF token with a key; the scope holds.
    const a = await sys.request('POST', '/v1/processos', { as: { chave }, body: abertura(CNPJ_A, '33000111') });
    expect(a.status).toBe(201);
    expect(a.body.abertoPor).toBe(`chave:${criada.body.id}`);
    expect((await sys.request('GET', `/v1/processos/${a.body.id}`, { as: { chave } })).status).toBe(200);
    expect((await sys.request('GET', `/v1/processos/${processoB}`, { as: { chave } })).status).toBe(404);
    expect((await sys.request('POST', '/v1/processos', { as: { chave }, body: abertura(CNPJ_B, '33000333') })).status).toBe(403);
    expect((await sys.request('GET', '/v1/usuarios', { as: { chave } })).status).toBe(403);

    const usada = await sys.db.selectFrom('chave_api').select('ultimo_uso_em').where('id', '=', criada.body.id).executeTakeFirstOrThrow();
    expect(usada.ultimo_uso_em).not.toBeNull();

    // Revoked: refused at once.
    expect((await sys.request('DELETE', `/v1/chaves-api/${criada.body.id}`, { as: admin })).status).toBe(204);
    expect((await sys.request('GET', '/v1/eu', { as: { chave } })).status).toBe(401);
    expect((await sys.request('DELETE', `/v1/chaves-api/${criada.body.id}`, { as: admin })).status).toBe(204);
    const revogadas = await sys.db.selectFrom('auditoria').select('acao').where('recurso_id', '=', criada.body.id).execute();
    expect(revogadas.map((r) => r.acao)).toEqual(['chave-api.criar', 'chave-api.revogar']);
  });

  it('refuses malformed, unknown and expired keys, and never falls back to the cookie when a key is presented', async () => {
    const { chave, id } = await sys.chave({ papeis: ['supervisor'] });
    expect((await sys.request('GET', '/v1/eu', { as: { chave: chave.slice(0, -1) + (chave.endsWith('A') ? 'B' : 'A') } })).status).toBe(401);
    expect((await sys.request('GET', '/v1/eu', { as: { chave: 'rito_nada' } })).status).toBe(401);
    expect((await sys.request('GET', '/v1/eu', { as: { chave: `rito_000000000000_${'a'.repeat(43)}` } })).status).toBe(401);
    const pessoa = await sys.conta({ papeis: ['supervisor'] });
    expect((await sys.request('GET', '/v1/eu', { as: { cookie: pessoa.cookie, chave: 'rito_invalida' } })).status).toBe(401);
    expect((await sys.request('GET', '/v1/eu', { as: { chave } })).status).toBe(200);
    await sys.db.updateTable('chave_api').set({ expira_em: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    expect((await sys.request('GET', '/v1/eu', { as: { chave } })).status).toBe(401);
  });

  it('cannot be given the administrador role, and needs the scope its roles require', async () => {
    const adm = await sys.request('POST', '/v1/chaves-api', { as: admin, body: { nome: 'x', papeis: ['administrador'] } });
    expect(adm.status).toBe(400);
    const semInstituicao = await sys.request('POST', '/v1/chaves-api', { as: admin, body: { nome: 'x', papeis: ['representante'] } });
    expect(semInstituicao.status).toBe(400);
    expect(semInstituicao.body.erro.campos[0].campo).toBe('instituicoes');
    const semUnidade = await sys.request('POST', '/v1/chaves-api', { as: admin, body: { nome: 'x', papeis: ['inspetor'] } });
    expect(semUnidade.body.erro.campos[0].campo).toBe('unidade');
  });
});
