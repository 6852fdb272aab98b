/**
 * Issue 17, defect 11 (part): PostgreSQL out of reach answers 503 with
 * Retry-After; a too long path segment, a method the path does not take (405
 * with Allow) and a removed decreed day (410) answer in the API's error shape
 * `{ erro: { codigo, mensagem }, requestId }`. (The request id itself:
 * test/auth/correlacao.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { bancoIndisponivel } from '../../api/errors';
import { connectDb } from '../../db/connect';
import { sql } from 'kysely';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const formaDaApi = (body: any, codigo: string) => {
  expect(body).toEqual({ erro: { codigo, mensagem: expect.any(String) }, requestId: expect.stringMatching(UUID) });
};

let sys: TestSystem;
let supervisor: Conta;
beforeAll(async () => {
  sys = await startTestSystem();
  supervisor = await sys.conta({ papeis: ['supervisor'] });
});
afterAll(async () => {
  await sys?.stop();
});

describe('PostgreSQL out of reach', () => {
  it('answers 503 with Retry-After in the API shape, not 500', async () => {
    const semBanco = connectDb('postgres://rito:rito@127.0.0.1:1/rito', { max: 1 });
    const app = await buildApp({ db: semBanco, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(semBanco) });
    try {
      const login = await app.inject({ method: 'POST', url: '/v1/sessoes', payload: { email: 'a@rito.test', senha: 'qualquer-senha-longa' } });
      expect(login.statusCode).toBe(503);
      expect(Number(login.headers['retry-after'])).toBeGreaterThan(0);
      formaDaApi(login.json(), 'banco-indisponivel');
      const eu = await app.inject({ method: 'GET', url: '/v1/eu', headers: { cookie: 'rito_sessao=abc' } });
      expect(eu.statusCode).toBe(503);
    } finally {
      await app.close();
      await semBanco.destroy();
    }
  });

  it('survives a connection dropped while checked out between two queries, and the pool goes on with a new one', async () => {
    const db = connectDb(sys.databaseUrl, { max: 2 });
    try {
      const falha = db.transaction().execute(async (trx) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
        // As a PostgreSQL restart does to every backend: the connection dies while this transaction awaits something else.
        await sql`select pg_terminate_backend(${rows[0].pid})`.execute(sys.db);
        await new Promise((ok) => setTimeout(ok, 500));
        await sql`select 1`.execute(trx);
      });
      // Before the fix the 'error' event of the checked-out client had no listener and ended the process.
      await expect(falha).rejects.toThrow();
      expect(bancoIndisponivel(await falha.catch((e: unknown) => e))).toBe(true);
      expect((await sql<{ n: number }>`select 1 as n`.execute(db)).rows).toEqual([{ n: 1 }]);
    } finally {
      await db.destroy();
    }
  });

  it('tells an unreachable database from a wrong query', () => {
    expect(bancoIndisponivel(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(bancoIndisponivel(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]))).toBe(true);
    expect(bancoIndisponivel(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(bancoIndisponivel(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(bancoIndisponivel(new Error('falhou', { cause: Object.assign(new Error('x'), { code: '08006' }) }))).toBe(true);
    expect(bancoIndisponivel(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
    expect(bancoIndisponivel(Object.assign(new Error('invalid byte sequence'), { code: '22021' }))).toBe(false);
  });
});

describe('router errors and methods', () => {
  it('answers a path segment over 100 characters with 414 in the API shape', async () => {
    const r = await sys.request('GET', `/v1/processos/${'p'.repeat(120)}`, { as: supervisor });
    expect(r.status).toBe(414);
    formaDaApi(r.body, 'endereco-longo');
    expect(r.body.erro.mensagem).toMatch(/100 caracteres/);
  });

  it('answers 405 with Allow for a method a known path does not take, and 404 for unknown paths', async () => {
    const colecao = await sys.request('PUT', '/v1/processos', { as: supervisor, body: {} });
    expect(colecao.status).toBe(405);
    expect(colecao.headers.get('allow')).toBe('GET, HEAD, POST');
    formaDaApi(colecao.body, 'metodo-nao-permitido');
    expect(colecao.body.erro.mensagem).toBe('O método PUT não se aplica a /v1/processos; use GET, HEAD, POST.');

    const item = await sys.request('DELETE', '/v1/processos/algum-processo', { as: supervisor });
    expect(item.status).toBe(405);
    expect(item.headers.get('allow')).toBe('GET, HEAD');

    const dia = await sys.request('PATCH', '/v1/calendario/decretados/12', { as: supervisor, body: {} });
    expect(dia.status).toBe(405);
    expect(dia.headers.get('allow')).toBe('DELETE, GET, HEAD');

    const inexistente = await sys.request('GET', '/v1/nao-existe', { as: supervisor });
    expect(inexistente.status).toBe(404);
    formaDaApi(inexistente.body, 'rota-inexistente');
  });
});

describe('a removed decreed day', () => {
  it('answers GET with 410, and its history only when asked for', async () => {
    const URL = '/v1/calendario/decretados';
    const criado = await sys.request('POST', URL, {
      as: supervisor,
      body: { data: '2033-04-11', escopo: 'uf', uf: 'RJ', motivo: 'Ponto facultativo — teste', atoLegal: 'Decreto 1/2033' },
    });
    expect(criado.status).toBe(201);
    const id = criado.body.diaDecretado.id;
    expect((await sys.request('GET', `${URL}/${id}`, { as: supervisor })).status).toBe(200);
    expect((await sys.request('DELETE', `${URL}/${id}`, { as: supervisor })).status).toBe(200);

    const depois = await sys.request('GET', `${URL}/${id}`, { as: supervisor });
    expect(depois.status).toBe(410);
    formaDaApi(depois.body, 'dia-removido');
    expect(depois.body.erro.mensagem).toMatch(/foi removido em .* e não vale mais/);
    const historico = await sys.request('GET', `${URL}/${id}?incluirRemovidos=true`, { as: supervisor });
    expect(historico.status).toBe(200);
    expect(historico.body).toMatchObject({ id, removidoPor: supervisor.id, removidoEm: expect.any(String) });
  });
});

describe('answers without content', () => {
  it('documents every 204 with no content, and every DELETE as what it answers', async () => {
    const doc = (await sys.request('GET', '/docs/json')).body;
    const deletes: string[] = [];
    for (const [rota, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>)) {
      for (const [metodo, op] of Object.entries(ops)) {
        if (op.responses['204']) expect(op.responses['204'], `${metodo} ${rota}`).toEqual({ description: 'Sem conteúdo.' });
        if (metodo !== 'delete') continue;
        deletes.push(rota);
        // A DELETE answers either 204 with nothing or 200 with a documented body, never both undocumented.
        const sucesso = Object.keys(op.responses).filter((c) => c.startsWith('2'));
        expect(sucesso.length, rota).toBe(1);
        if (sucesso[0] === '200') expect(op.responses['200'].content, rota).toHaveProperty('application/json');
      }
    }
    // Every DELETE the document has was checked above, including ones added later.
    expect(deletes).toEqual(expect.arrayContaining(['/v1/calendario/decretados/{id}', '/v1/chaves-api/{id}', '/v1/sessoes/atual']));
  });

  it('answers those 204s with no body and no content type', async () => {
    const admin = await sys.conta({ papeis: ['administrador'] });
    const chave = await sys.chave({ papeis: ['supervisor'] });
    for (const [rota, como] of [
      [`/v1/chaves-api/${chave.id}`, admin],
      ['/v1/sessoes/atual', admin],
    ] as const) {
      const res = await fetch(sys.baseUrl + rota, { method: 'DELETE', headers: { cookie: `rito_sessao=${como.cookie}`, 'x-csrf-token': como.csrf! } });
      expect(res.status, rota).toBe(204);
      expect(await res.text(), rota).toBe('');
      expect(res.headers.get('content-type'), rota).toBeNull();
    }
  });
});

describe('found by contract fuzzing (test/api/contrato.test.ts)', () => {
  it('answers a multipart Content-Type without its boundary with 400, not 500', async () => {
    const admin = await sys.conta({ papeis: ['administrador'] });
    const p = await sys.request('POST', '/v1/processos', {
      as: admin,
      body: {
        tipo: 'apostilamento-endereco',
        instituicao: { cnpj: '11222333000181', codigoInep: '33077777', nome: 'Escola', endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' } },
        unidade: 'METROPOLITANA I',
        requerente: { nome: 'Requerente', cpf: '529.982.247-25', email: 'req@example.org' },
      },
    });
    expect([200, 201]).toContain(p.status);
    const semBoundary = await fetch(`${sys.baseUrl}/v1/arquivos?processoId=${encodeURIComponent(p.body.id)}`, {
      method: 'POST',
      headers: { cookie: `rito_sessao=${admin.cookie}`, 'x-csrf-token': admin.csrf!, 'content-type': 'multipart/form-data' },
    });
    expect(semBoundary.status).toBe(400);
    formaDaApi(await semBoundary.json(), 'multipart-invalido');
  });

  it('refuses an e-mail with more than 64 characters before the @ (RFC 5321), as its documented format does', async () => {
    const local = (n: number) => `${'a'.repeat(n)}@example.org`;
    const longo = await sys.request('POST', '/v1/senhas/redefinicao', { body: { email: local(65) } });
    expect(longo.status).toBe(400);
    expect(longo.body.erro.campos).toEqual([{ campo: 'email', mensagem: 'e-mail deve ter no máximo 64 caracteres antes do @' }]);
    expect((await sys.request('POST', '/v1/senhas/redefinicao', { body: { email: local(64) } })).status).toBe(202);
  });
});
