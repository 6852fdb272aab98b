import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fimDe, inicioDe } from '../../api/contas/service';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const CNPJ_A = '11222333000181';
const abertura = (codigoInep: string) => ({
  tipo: 'aumento-capacidade',
  instituicao: {
    cnpj: CNPJ_A,
    codigoInep,
    nome: 'Colégio A',
    endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
  },
  unidade: 'METROPOLITANA I',
  requerente: { nome: 'RL', cpf: '529.982.247-25', email: 'rl@example.org' },
});

let sys: TestSystem;
let admin: Conta;
let processoA: string;
beforeAll(async () => {
  sys = await startTestSystem();
  admin = await sys.conta({ papeis: ['administrador'] });
  const rl = await sys.conta({ papeis: ['representante'], instituicoes: [CNPJ_A] });
  const a = await sys.request('POST', '/v1/processos', { as: rl, body: abertura('33000444') });
  expect([200, 201]).toContain(a.status);
  processoA = a.body.id;
});
afterAll(async () => {
  await sys?.stop();
});

const ver = (c: Conta) => sys.request('GET', `/v1/processos/${processoA}`, { as: c }).then((r) => r.status);
const listar = (c: Conta) => sys.request('GET', '/v1/processos', { as: c }).then((r) => r.body.itens.map((p: { id: string }) => p.id));

describe('representation is data with dates', () => {
  it('gives access only while the mandate is in force', async () => {
    const vencido = await sys.conta({ papeis: ['representante'], instituicoes: [{ cnpj: CNPJ_A, tipo: 'procurador', inicio: '2025-01-01', fim: '2025-12-31' }] });
    const futuro = await sys.conta({ papeis: ['representante'], instituicoes: [{ cnpj: CNPJ_A, tipo: 'procurador', inicio: '2099-01-01' }] });
    const vigente = await sys.conta({ papeis: ['representante'], instituicoes: [{ cnpj: CNPJ_A, tipo: 'procurador', inicio: '2025-01-01', fim: '2099-12-31' }] });
    expect(await ver(vencido)).toBe(404);
    expect(await listar(vencido)).toEqual([]);
    expect((await sys.request('GET', '/v1/eu', { as: vencido })).body.ator.instituicoes).toEqual([]);
    expect(await ver(futuro)).toBe(404);
    expect(await ver(vigente)).toBe(200);
    expect(await listar(vigente)).toEqual([processoA]);
  });

  it('ends access on the very next request when the administration ends the mandate', async () => {
    const procurador = await sys.criarConta({ papeis: ['representante'] });
    const criada = await sys.request('POST', `/v1/usuarios/${procurador.id}/representacoes`, {
      as: admin,
      body: { instituicao: { cnpj: '11.222.333/0001-81', nome: 'Colégio A' }, tipo: 'procurador', inicio: '2026-01-01', documento: 'Procuração de 02/01/2026' },
    });
    expect(criada.status).toBe(201);
    expect(criada.body).toMatchObject({ instituicao: { cnpj: CNPJ_A }, tipo: 'procurador', fim: null, vigente: true, inicio: '2026-01-01T00:00:00-03:00' });
    const sessao = await sys.entrar(procurador.email, procurador.senha);
    const conta = { ...procurador, ...sessao };
    expect(await ver(conta)).toBe(200);

    const agora = new Date().toISOString();
    const encerrada = await sys.request('PATCH', `/v1/representacoes/${criada.body.id}`, { as: admin, body: { fim: agora } });
    expect(encerrada.status).toBe(200);
    expect(encerrada.body.vigente).toBe(false);
    expect(await ver(conta)).toBe(404); // same session, no new login
    expect(await listar(conta)).toEqual([]);
    expect((await sys.request('POST', '/v1/processos', { as: conta, body: abertura('33000555') })).status).toBe(403);

    const usuario = await sys.request('GET', `/v1/usuarios/${procurador.id}`, { as: admin });
    expect(usuario.body.representacoes).toHaveLength(1);
    expect(usuario.body.representacoes[0]).toMatchObject({ vigente: false, fim: expect.stringMatching(/-03:00$/) });
    expect(Date.parse(usuario.body.representacoes[0].fim)).toBe(Date.parse(agora));

    const trilha = await sys.db.selectFrom('auditoria').select(['acao', 'ator_id']).where('acao', 'like', 'representacao.%').where('ator_id', '=', admin.id).execute();
    expect(trilha.map((t) => t.acao)).toEqual(['representacao.criar', 'representacao.alterar']);
  });

  it('accepts mandates only for accounts with the representante role, and a fim after the início', async () => {
    const interno = await sys.criarConta({ papeis: ['coogie'] });
    const r = await sys.request('POST', `/v1/usuarios/${interno.id}/representacoes`, {
      as: admin,
      body: { instituicao: { cnpj: CNPJ_A, nome: 'Colégio A' }, tipo: 'representante-legal' },
    });
    expect(r.status).toBe(409);
    const rep = await sys.criarConta({ papeis: ['representante'] });
    const invertido = await sys.request('POST', `/v1/usuarios/${rep.id}/representacoes`, {
      as: admin,
      body: { instituicao: { cnpj: CNPJ_A, nome: 'Colégio A' }, tipo: 'representante-legal', inicio: '2026-05-10', fim: '2026-05-01' },
    });
    expect(invertido.status).toBe(400);
    const cnpj = await sys.request('POST', `/v1/usuarios/${rep.id}/representacoes`, {
      as: admin,
      body: { instituicao: { cnpj: '11.222.333/0001-82', nome: 'Colégio A' }, tipo: 'representante-legal' },
    });
    expect(cnpj.status).toBe(400);
    expect(cnpj.body.erro.campos[0].campo).toBe('instituicao.cnpj');
  });

  it('reads civil dates in Brasília time: início at 00:00, fim through 23:59:59 of that day', () => {
    expect(inicioDe('2026-03-01').toISOString()).toBe('2026-03-01T03:00:00.000Z');
    expect(fimDe('2026-03-31').toISOString()).toBe('2026-04-01T03:00:00.000Z');
    expect(fimDe('2026-03-31T18:00:00-03:00').toISOString()).toBe('2026-03-31T21:00:00.000Z');
  });
});
