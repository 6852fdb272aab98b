/**
 * Reads audited ahead of their handler (config.auditoria.antecipada, issue 16):
 * the entry is appended while the handler runs and the answer leaves only once
 * it is committed; a read whose answer is not 2xx gets a second entry,
 * `<acao>.falha`, pointing at the first, so the trail never shows a failed read
 * as done. A request refused before its handler (here: anonymous, 401) writes
 * nothing. A minimal API with the real authentication and audit plugins.
 */
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encadearPendentes } from '../../api/auditoria/encadeador';
import type { Ator } from '../../api/auth/ator';
import { HttpError, registerErrorHandler } from '../../api/errors';
import auditoria from '../../api/plugins/auditoria';
import autenticacao from '../../api/plugins/autenticacao';
import { verificarCadeia } from '../../api/auditoria/verificar';
import { freshDatabase } from '../support/database';

let banco: Awaited<ReturnType<typeof freshDatabase>>;
let app: FastifyInstance;
const ator: Ator = { id: 'leitora', nome: 'Leitora', papeis: ['inspetor'], unidade: 'METROPOLITANA I', instituicoes: [], comissoes: [] };

beforeAll(async () => {
  banco = await freshDatabase();
  app = Fastify();
  registerErrorHandler(app);
  await app.register(autenticacao, {
    autenticador: { autenticar: async (request: FastifyRequest) => (request.headers['x-teste'] === 'sim' ? { ator, meio: 'sessao', credencialId: 'x', csrfToken: 'x', expiraEm: new Date(Date.now() + 60_000) } : null) },
  });
  await app.register(auditoria, { db: banco.db });
  const config = (acao: string) => ({ papeis: ['inspetor' as const], auditoria: { acao, recurso: 'processo', dadosPessoais: true, antecipada: true } });
  app.get('/v1/teste/:id', { config: config('teste.ler') }, async (request: FastifyRequest) => {
    const { id } = request.params as { id: string };
    if (id === 'inexistente') throw new HttpError(404, 'nao-encontrado', 'Não encontrado.');
    if (id === 'quebra') throw new Error('falha ao ler');
    return { id };
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await banco?.drop();
});

// A read is answered once its entry is committed to the outbox; the chain's reader chains what is pending first.
const entradas = async () => (await encadearPendentes(banco.db), banco.db.selectFrom('auditoria').select(['seq', 'acao', 'processo_id', 'ator_id', 'dados']).orderBy('seq').execute());

describe('leitura auditada antecipadamente', () => {
  it('2xx: one entry, committed before the answer', async () => {
    const r = await app.inject({ method: 'GET', url: '/v1/teste/p-1', headers: { 'x-teste': 'sim' } });
    expect(r.statusCode).toBe(200);
    // No wait: the answer left after the commit.
    expect(await entradas()).toEqual([expect.objectContaining({ acao: 'teste.ler', processo_id: 'p-1', ator_id: 'leitora' })]);
  });

  it('404 and 500 from the handler: the read and its failure, pointing at it', async () => {
    const antes = (await entradas()).length;
    expect((await app.inject({ method: 'GET', url: '/v1/teste/inexistente', headers: { 'x-teste': 'sim' } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/v1/teste/quebra', headers: { 'x-teste': 'sim' } })).statusCode).toBe(500);
    const novas = (await entradas()).slice(antes);
    expect(novas.map((e) => [e.acao, e.processo_id])).toEqual([
      ['teste.ler', 'inexistente'],
      ['teste.ler.falha', 'inexistente'],
      ['teste.ler', 'quebra'],
      ['teste.ler.falha', 'quebra'],
    ]);
    expect(novas[1].dados).toEqual({ status: 404, entradaDaLeitura: Number(novas[0].seq) });
    expect(novas[3].dados).toEqual({ status: 500, entradaDaLeitura: Number(novas[2].seq) });
  });

  it('refused before the handler (401): no entry', async () => {
    const antes = (await entradas()).length;
    expect((await app.inject({ method: 'GET', url: '/v1/teste/p-2' })).statusCode).toBe(401);
    expect(await entradas()).toHaveLength(antes);
    expect(await verificarCadeia(banco.db)).toMatchObject({ integra: true, problemas: [] });
  });
});
