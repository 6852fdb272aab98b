import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encadearPendentes } from '../../api/auditoria/encadeador';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { HASH_INICIAL, hashEntrada, mascararDados, registrarAuditoria } from '../../api/auditoria/registro';
import { verificarCadeia } from '../../api/auditoria/verificar';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const CPF = '52998224725';
const abertura = (codigoInep: string) => ({
  tipo: 'apostilamento-endereco',
  instituicao: {
    cnpj: '11.222.333/0001-81',
    codigoInep,
    nome: 'Colégio Exemplo',
    endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
  },
  unidade: 'METROPOLITANA I',
  requerente: { nome: 'Maria (CPF 529.982.247-25)', cpf: '529.982.247-25', email: 'maria@example.org' },
});

let sys: TestSystem;
let rep: Conta, supervisor: Conta, admin: Conta;
beforeAll(async () => {
  sys = await startTestSystem();
  [rep, supervisor, admin] = await Promise.all([
    sys.conta({ papeis: ['representante'], instituicoes: ['11222333000181'], nome: 'Maria Representante' }),
    sys.conta({ papeis: ['supervisor'] }),
    sys.conta({ papeis: ['administrador'] }),
  ]);
});
afterAll(async () => {
  await sys?.stop();
});

describe('audit trail', () => {
  it('records who, when, from where, what and which process for POST /v1/processos, with the CPF masked', async () => {
    const antes = new Date();
    const r = await sys.request('POST', '/v1/processos', { as: rep, body: abertura('33011111'), headers: { 'user-agent': 'teste-auditoria/1.0' } });
    expect(r.status).toBe(201);
    const e = await sys.db.selectFrom('auditoria').selectAll().where('acao', '=', 'processo.abrir').where('processo_id', '=', r.body.id).executeTakeFirstOrThrow();
    expect(e).toMatchObject({
      ator_id: rep.id,
      ator_nome: 'Maria Representante',
      ator_papeis: ['representante'],
      origem_ip: '127.0.0.1',
      user_agent: 'teste-auditoria/1.0',
      request_id: r.headers.get('x-request-id'),
      recurso: 'processo',
      recurso_id: r.body.id,
    });
    expect(new Date(e.ocorrido_em).getTime()).toBeGreaterThanOrEqual(antes.getTime() - 1000);
    expect(e.resumo).toContain('Colégio Exemplo');
    expect(e.dados).toMatchObject({ criado: true, requerente: { cpf: '***.982.247-**', nome: 'Maria (CPF ***.982.247-**)' } });

    // Repeating the abertura is recorded too, as a replay of the first (test/auth/repeticoes.test.ts).
    const repetida = await sys.request('POST', '/v1/processos', { as: rep, body: abertura('33011111') });
    expect(repetida.status).toBe(200);
    const entradas = await sys.db.selectFrom('auditoria').select(['seq', 'acao', 'dados']).where('processo_id', '=', r.body.id).orderBy('seq').execute();
    expect(entradas.map((x) => x.acao)).toEqual(['processo.abrir', 'processo.abrir.repeticao']);
    expect(entradas[1].dados).toMatchObject({ criado: false, repeticaoDe: Number(entradas[0].seq) });
  });

  it('never stores a full CPF anywhere in the trail', async () => {
    const todas = JSON.stringify(await sys.db.selectFrom('auditoria').selectAll().execute());
    expect(todas).not.toContain(CPF);
    expect(todas).not.toContain('529.982.247-25');
  });

  it('chains every entry to the previous one', async () => {
    const rows = await sys.db.selectFrom('auditoria').select(['seq', 'hash', 'hash_anterior']).orderBy('seq').execute();
    expect(rows.length).toBeGreaterThan(3);
    rows.forEach((row, i) => {
      expect(Number(row.seq)).toBe(i + 1);
      expect(row.hash_anterior).toBe(i === 0 ? HASH_INICIAL : rows[i - 1].hash);
    });
    expect(await verificarCadeia(sys.db)).toMatchObject({ integra: true, total: rows.length });
  });

  it('is append-only in PostgreSQL itself: UPDATE, DELETE, TRUNCATE and off-chain INSERTs are refused', async () => {
    await expect(sql`update auditoria set resumo = 'x' where seq = 1`.execute(sys.db)).rejects.toThrow(/não podem ser alteradas/);
    await expect(sql`delete from auditoria where seq = 1`.execute(sys.db)).rejects.toThrow(/não podem ser alteradas/);
    await expect(sql`truncate auditoria`.execute(sys.db)).rejects.toThrow(/não podem ser alteradas/);
    const ultima = await sys.db.selectFrom('auditoria').select(['seq']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const forjada = {
      seq: Number(ultima.seq) + 1,
      ocorrido_em: new Date(),
      acao: 'forjada',
      resumo: 'forjada',
      dados: '{}',
      ator_papeis: [],
      hash_anterior: 'f'.repeat(64),
      hash: 'f'.repeat(64),
    };
    await expect(sys.db.insertInto('auditoria').values(forjada).execute()).rejects.toThrow(/não continua a cadeia/);
    expect(await verificarCadeia(sys.db)).toMatchObject({ integra: true });
  });

  it('keeps appends in order under concurrency', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => registrarAuditoria(sys.db, { ator: null, acao: 'teste.concorrencia', resumo: `entrada ${i}` })),
    );
    expect(await verificarCadeia(sys.db)).toMatchObject({ integra: true });
  });

  it('lets supervisors filter it (GET /v1/auditoria), newest first, with pages', async () => {
    const porAcao = await sys.request('GET', '/v1/auditoria?acao=processo.abrir', { as: supervisor });
    expect(porAcao.status).toBe(200);
    expect(porAcao.body.itens.length).toBeGreaterThanOrEqual(1);
    expect(porAcao.body.itens.every((e: { acao: string }) => e.acao === 'processo.abrir')).toBe(true);
    const repeticoes = await sys.request('GET', '/v1/auditoria?acao=processo.abrir.', { as: supervisor });
    expect(repeticoes.body.itens.map((e: { acao: string }) => e.acao)).toEqual(['processo.abrir.repeticao']);
    const primeiro = porAcao.body.itens[porAcao.body.itens.length - 1];
    expect(primeiro).toMatchObject({ ator: { id: rep.id, papeis: ['representante'] }, origem: { ip: '127.0.0.1' }, processoId: expect.any(String) });

    const porProcesso = await sys.request('GET', `/v1/auditoria?processo=${encodeURIComponent(primeiro.processoId)}`, { as: supervisor });
    expect(porProcesso.body.itens.every((e: { processoId: string }) => e.processoId === primeiro.processoId)).toBe(true);

    const sessoes = await sys.request('GET', `/v1/auditoria?acao=sessao.&ator=${rep.id}`, { as: supervisor });
    expect(sessoes.body.itens.map((e: { acao: string }) => e.acao)).toEqual(['sessao.criar']);

    const pagina = await sys.request('GET', '/v1/auditoria?limite=2', { as: supervisor });
    expect(pagina.body.itens).toHaveLength(2);
    expect(pagina.body.itens[0].seq).toBeGreaterThan(pagina.body.itens[1].seq);
    const seguinte = await sys.request('GET', `/v1/auditoria?limite=2&cursor=${pagina.body.proximoCursor}`, { as: supervisor });
    expect(seguinte.body.itens[0].seq).toBe(pagina.body.itens[1].seq - 1);

    const intervalo = await sys.request('GET', `/v1/auditoria?de=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`, { as: supervisor });
    expect(intervalo.body.itens).toEqual([]);

    expect(JSON.stringify((await sys.request('GET', '/v1/auditoria?limite=500', { as: supervisor })).body)).not.toContain(CPF);
    expect((await sys.request('GET', '/v1/auditoria', { as: admin })).status).toBe(403);
    expect((await sys.request('GET', '/v1/auditoria', { as: rep })).status).toBe(403);
  });

  it('audits routes that do not audit themselves, and reads of personal data declared as such', async () => {
    const app = await buildApp({ db: sys.db, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(sys.db) });
    app.post('/v1/teste/:id/coisa', { config: { papeis: ['supervisor'] } }, async () => ({ ok: true }));
    app.get('/v1/alunos/:id', { config: { papeis: ['supervisor'], auditoria: { acao: 'aluno.ler', recurso: 'aluno', dadosPessoais: true } } }, async () => ({
      nome: 'Aluno',
      nis: '12056412545',
    }));
    app.get('/v1/recusada/:id', { config: { papeis: ['supervisor'], auditoria: { acao: 'aluno.ler', dadosPessoais: true } } }, async (_r, reply) =>
      reply.code(404).send({}),
    );
    await app.ready();
    const headers = { cookie: `rito_sessao=${supervisor.cookie}`, 'x-csrf-token': supervisor.csrf! };
    expect((await app.inject({ method: 'POST', url: '/v1/teste/abc/coisa', headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/v1/alunos/42', headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/v1/recusada/42', headers })).statusCode).toBe(404);
    await app.close();

    const generica = await sys.db.selectFrom('auditoria').selectAll().where('acao', '=', 'POST /v1/teste/:id/coisa').executeTakeFirstOrThrow();
    expect(generica).toMatchObject({ ator_id: supervisor.id, recurso_id: 'abc', resumo: 'POST /v1/teste/:id/coisa (abc)' });
    await encadearPendentes(sys.db); // a read's entry may still be in the outbox
    const leituras = await sys.db.selectFrom('auditoria').selectAll().where('acao', '=', 'aluno.ler').execute();
    expect(leituras).toHaveLength(1);
    expect(leituras[0]).toMatchObject({ ator_id: supervisor.id, recurso: 'aluno', recurso_id: '42' });
    expect(await verificarCadeia(sys.db)).toMatchObject({ integra: true });
  });

  it('refuses to start with a /v1 route that does not say who may call it', async () => {
    const app = await buildApp({ db: sys.db, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(sys.db) });
    await expect(
      (async () => {
        app.get('/v1/sem-dono', async () => ({}));
        await app.ready();
      })(),
    ).rejects.toThrow(/não declara quem pode chamá-la/);
    await app.close().catch(() => {});
  });
});

describe('masking and hashing', () => {
  it('masks CPF and NIS by field name and inside free text, and drops secrets', () => {
    expect(
      mascararDados({
        cpf: '529.982.247-25',
        aluno: { nis: '12056412545', nomeMae: 'Ana', obs: 'CPF 52998224725 e NIS 120.56412.54-5' },
        requerenteCpf: '52998224725',
        senha: 'segredo',
        token: 'abc',
        lista: ['529.982.247-25'],
        quando: new Date('2026-01-01T00:00:00Z'),
      }),
    ).toEqual({
      cpf: '***.982.247-**',
      aluno: { nis: '***.56412.5*-*', nomeMae: 'Ana', obs: 'CPF ***982247** e NIS ***.56412.5*-*' },
      requerenteCpf: '***.982.247-**',
      senha: '[omitido]',
      token: '[omitido]',
      lista: ['***.982.247-**'],
      quando: '2025-12-31T21:00:00-03:00', // Brasília time, as every instant the API shows
    });
  });

  it('hashes the canonical content, whatever the key order', () => {
    const base = {
      seq: 1,
      ocorrido_em: '2026-01-01T00:00:00.000Z',
      ator_id: null,
      ator_nome: null,
      ator_papeis: [],
      origem_ip: null,
      user_agent: null,
      request_id: null,
      acao: 'a',
      recurso: null,
      recurso_id: null,
      processo_id: null,
      resumo: 'r',
    };
    expect(hashEntrada(HASH_INICIAL, { ...base, dados: { a: 1, b: { c: 2, d: 3 } } })).toBe(
      hashEntrada(HASH_INICIAL, { ...base, dados: { b: { d: 3, c: 2 }, a: 1 } }),
    );
    expect(hashEntrada(HASH_INICIAL, { ...base, dados: {} })).not.toBe(hashEntrada(HASH_INICIAL, { ...base, resumo: 'R', dados: {} }));
  });
});
