/**
 * The units as data over HTTP (issue 11, step 1): the reference units every
 * database starts with, who reads and who maintains them, validation in pt-BR,
 * unique siglas, and the audit of each change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDaUnidade } from '../../db/unidades';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const URL = '/v1/unidades';
let sys: TestSystem;
let admin: Conta, inspetor: Conta, rep: Conta;

beforeAll(async () => {
  sys = await startTestSystem();
  [admin, inspetor, rep] = await Promise.all([
    sys.conta({ papeis: ['administrador'] }),
    sys.conta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I' }),
    sys.conta({ papeis: ['representante'], instituicoes: ['11222333000181'] }),
  ]);
});
afterAll(async () => {
  await sys?.stop();
});

const nova = (over: Record<string, unknown> = {}) => ({
  chave: 'TESTE NORTE',
  nome: 'Coordenadoria Regional de Inspeção Escolar Teste Norte',
  sigla: 'COOIE-TESTENORTE',
  tipo: 'cooie',
  sede: { municipio: '3301009', nome: 'Campos dos Goytacazes' },
  fonte: 'Dados de teste',
  ...over,
});

describe('as unidades de referência', () => {
  it('toda base começa com as 14 COOIEs das regionais e a COOGIE; o que as fontes não dizem fica a cadastrar', async () => {
    const r = await sys.request('GET', URL, { as: inspetor });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const itens = r.body.itens as { chave: string; sigla: string; tipo: string; sede: unknown; endereco: unknown; pendencias: string[] }[];
    expect(itens.filter((u) => u.tipo === 'cooie')).toHaveLength(14);
    expect(itens[0]).toMatchObject({ chave: 'COOGIE', sigla: 'COOGIE', tipo: 'coogie', sede: { municipio: '3304557', nome: 'Rio de Janeiro' } });
    const metro = itens.find((u) => u.chave === 'METROPOLITANA I')!;
    expect(metro).toMatchObject({ sigla: 'COOIE-METROPOLITANAI', sede: { municipio: '3304557', nome: 'Rio de Janeiro' }, endereco: null });
    expect(metro.pendencias).toEqual(['endereço', 'contato (e-mail ou telefone)', 'início de vigência']);
    const medio = itens.find((u) => u.chave === 'MÉDIO PARAÍBA')!;
    expect(medio).toMatchObject({ sigla: 'COOIE-MEDIOPARAIBA', sede: null });
    expect(medio.pendencias[0]).toMatch(/^sede/);
    // The prazos of a unit count on its seat; without a seat, on its UF.
    expect(await localDaUnidade(sys.db, 'METROPOLITANA I')).toEqual({ uf: 'RJ', municipio: '3304557', unidade: 'METROPOLITANA I' });
    expect(await localDaUnidade(sys.db, 'MÉDIO PARAÍBA')).toEqual({ uf: 'RJ', unidade: 'MÉDIO PARAÍBA' });
  });

  it('uma unidade pela chave; desconhecida → 404; representante → 403', async () => {
    const r = await sys.request('GET', `${URL}/${encodeURIComponent('METROPOLITANA I')}`, { as: inspetor });
    expect(r.status).toBe(200);
    expect(r.body.nome).toBe('Coordenadoria Regional de Inspeção Escolar Metropolitana I');
    expect((await sys.request('GET', `${URL}/NENHUMA`, { as: inspetor })).status).toBe(404);
    expect((await sys.request('GET', URL, { as: rep })).status).toBe(403);
    expect((await sys.request('GET', URL)).status).toBe(401);
  });
});

describe('o administrador mantém as unidades', () => {
  it('cadastra (201, auditado); inspetor não cadastra (403); a mesma chave outra vez → 409', async () => {
    expect((await sys.request('POST', URL, { as: inspetor, body: nova() })).status).toBe(403);
    const r = await sys.request('POST', URL, { as: admin, body: nova() });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ chave: 'TESTE NORTE', uf: 'RJ', sede: { municipio: '3301009' }, criadoPor: admin.id });
    expect(r.headers.get('location')).toBe(`${URL}/TESTE%20NORTE`);
    const de = await sys.db.selectFrom('auditoria').selectAll().where('acao', '=', 'unidade.criar').where('recurso_id', '=', 'TESTE NORTE').execute();
    expect(de).toHaveLength(1);
    expect(de[0].ator_id).toBe(admin.id);
    const outra = await sys.request('POST', URL, { as: admin, body: nova({ sigla: 'COOIE-OUTRA' }) });
    expect(outra.status).toBe(409);
    expect(outra.body.erro.codigo).toBe('unidade-existente');
  });

  it('a sigla é única: a de outra unidade → 409', async () => {
    const r = await sys.request('POST', URL, { as: admin, body: nova({ chave: 'TESTE SUL', sigla: 'COOIE-METROPOLITANAI' }) });
    expect(r.status).toBe(409);
    expect(r.body.erro.codigo).toBe('sigla-em-uso');
    expect(r.body.erro.mensagem).toContain('METROPOLITANA I');
  });

  const casos: [string, Record<string, unknown>, string, RegExp][] = [
    ['sigla com espaço', { sigla: 'COOIE-TESTE NORTE' }, 'sigla', /sem espaços/],
    ['sigla minúscula', { sigla: 'cooie-x' }, 'sigla', /maiúsculas/],
    ['tipo desconhecido', { tipo: 'diretoria' }, 'tipo', /cooie \(regional\) ou coogie/],
    ['UF inexistente', { uf: 'XX' }, 'uf', /sigla de uma UF/],
    ['código IBGE com dígito errado', { sede: { municipio: '3304558', nome: 'Rio' } }, 'sede.municipio', /dígito verificador/],
    ['município de outra UF', { sede: { municipio: '3550308', nome: 'São Paulo' } }, 'sede.municipio', /não pertence à UF RJ/],
    ['e-mail inválido', { email: 'coie@' }, 'email', /e-mail inválido/],
    ['sem fonte', { fonte: undefined }, 'fonte', /fonte é obrigatório/],
  ];
  for (const [nome, over, campo, mensagem] of casos) {
    it(`${nome} → 400 em ${campo}`, async () => {
      const r = await sys.request('POST', URL, { as: admin, body: nova({ chave: 'TESTE INVALIDA', sigla: 'COOIE-TESTEINVALIDA', ...over }) });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      const c = r.body.erro.campos.find((x: { campo: string }) => x.campo === campo);
      expect(c, JSON.stringify(r.body.erro.campos)).toBeDefined();
      expect(c.mensagem).toMatch(mensagem);
    });
  }

  it('completa uma unidade de referência: só o que vem muda, null volta a "a cadastrar", cada mudança auditada', async () => {
    const chave = encodeURIComponent('SERRANA II');
    const r = await sys.request('PATCH', `${URL}/${chave}`, {
      as: admin,
      body: { sede: { municipio: '3303906', nome: 'Petrópolis' }, email: 'cooie.serrana2@example.org', endereco: 'Rua de Teste, 1 — Centro' },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ sigla: 'COOIE-SERRANAII', sede: { municipio: '3303906', nome: 'Petrópolis' }, email: 'cooie.serrana2@example.org', atualizadoPor: admin.id });
    expect(r.body.pendencias).toEqual(['início de vigência']);
    const semEndereco = await sys.request('PATCH', `${URL}/${chave}`, { as: admin, body: { endereco: null } });
    expect(semEndereco.body.endereco).toBeNull();
    expect(semEndereco.body.pendencias).toEqual(['endereço', 'início de vigência']);
    const trilha = await sys.db.selectFrom('auditoria').selectAll().where('acao', '=', 'unidade.alterar').where('recurso_id', '=', 'SERRANA II').orderBy('seq').execute();
    expect(trilha.map((t) => t.resumo)).toEqual(['Unidade SERRANA II alterada: sede, endereco, email', 'Unidade SERRANA II alterada: endereco']);
    // A seat outside the unit's UF is refused, naming the field.
    const fora = await sys.request('PATCH', `${URL}/${chave}`, { as: admin, body: { uf: 'SP' } });
    expect(fora.status).toBe(400);
    expect(fora.body.erro.campos[0].campo).toBe('uf');
    expect((await sys.request('PATCH', `${URL}/NENHUMA`, { as: admin, body: { email: null } })).status).toBe(404);
  });
});
