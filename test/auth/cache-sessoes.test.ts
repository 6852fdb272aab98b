/**
 * The cache of sessions (api/auth/cache-sessoes.ts) across two API instances:
 * A and B are two apps, each with its own connection pool and its own cache,
 * on one database, as two `rito api` processes would be. What one instance
 * ends or changes, the other refuses on its next request, told by
 * PostgreSQL's notification; nothing outlives the cache's bound.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { CacheDeSessoes, iniciarCacheDeSessoes } from '../../api/auth/cache-sessoes';
import { COOKIE_SESSAO, criarSessao } from '../../api/auth/sessao';
import { sha256 } from '../../api/auth/segredos';
import { connectDb, type Db } from '../../db/connect';
import { freshDatabase } from '../support/database';

/** B's bound in these tests: far longer than any wait below, so a refusal within them can only come from the notification. */
const LONGA_MS = 60_000;
/** How long a notification may take to arrive here, on a loaded machine: well under the bound (5 s by default). */
const AVISO_MS = 2000;

type Instancia = Awaited<ReturnType<typeof instancia>>;
let banco: Awaited<ReturnType<typeof freshDatabase>>;
let a: Instancia;
let b: Instancia;

async function instancia(validadeMs: number) {
  const db = connectDb(banco.url, { max: 4 });
  const cache = await iniciarCacheDeSessoes(db, banco.url, { validadeMs });
  const app = await buildApp(
    { db, temporal: {} as never, taskQueue: 'cache-sessoes', autenticador: createAutenticador(db) } as never,
    { limites: { requisicoes: 1e6, anonimas: 1e6, janelaS: 60 } },
  );
  return {
    db,
    cache,
    app,
    async pedir(metodo: 'GET' | 'DELETE' | 'PATCH' | 'POST', url: string, s: { token: string; csrfToken: string }, body?: unknown) {
      const r = await app.inject({ method: metodo, url, cookies: { [COOKIE_SESSAO]: s.token }, headers: { 'x-csrf-token': s.csrfToken }, payload: body as never });
      return { status: r.statusCode, body: r.body ? JSON.parse(r.body) : null };
    },
    async fechar() {
      await app.close();
      await cache.fechar();
      await db.destroy();
    },
  };
}

let n = 0;
async function conta(db: Db, papeis: string[], unidade: string | null = 'METROPOLITANA I') {
  const id = `cache-${++n}`;
  await db.insertInto('usuario').values({ id, email: `${id}@rito.test`, nome: `Conta ${n}`, senha_hash: null, papeis, unidade, matricula: null, cargo: null, tratamento: null, criado_por: 'teste' }).execute();
  const { token, csrfToken } = await criarSessao(db, id, { ip: '127.0.0.1', userAgent: 'teste' });
  return { usuarioId: id, token, csrfToken };
}

/** Polls B until the answer changes; returns how long it took (ms), or fails at `ate`. */
async function ateMudar(f: () => Promise<boolean>, ate = AVISO_MS): Promise<number> {
  const t0 = Date.now();
  while (!(await f())) {
    if (Date.now() - t0 > ate) throw new Error(`não mudou em ${ate} ms`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
  return Date.now() - t0;
}

beforeAll(async () => {
  banco = await freshDatabase();
  a = await instancia(LONGA_MS);
  b = await instancia(LONGA_MS);
});
afterAll(async () => {
  await a?.fechar();
  await b?.fechar();
  await banco?.drop();
});

describe('sessions cached per instance, invalidated across instances', () => {
  it('serves repeated requests of a session from the cache: one read of PostgreSQL', async () => {
    const s = await conta(banco.db, ['inspetor']);
    expect((await b.pedir('GET', '/v1/eu', s)).status).toBe(200);
    expect(b.cache.obter(sha256(s.token))).toBeDefined();
    // The row is gone from under it without notice (triggers off for this statement's transaction): B still answers from the cache.
    await banco.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.updateTable('sessao').set({ encerrada_em: new Date() }).where('id', '=', sha256(s.token)).execute();
    });
    expect((await b.pedir('GET', '/v1/eu', s)).status).toBe(200);
  });

  it('still requires the session CSRF token on writes when the session comes from the cache', async () => {
    const s = await conta(banco.db, ['inspetor']);
    expect((await b.pedir('GET', '/v1/eu', s)).status).toBe(200);
    expect(b.cache.obter(sha256(s.token))).toBeDefined();
    const outra = await conta(banco.db, ['inspetor']);
    const semToken = await b.app.inject({ method: 'POST', url: '/v1/processos', cookies: { [COOKIE_SESSAO]: s.token }, payload: {} });
    expect(semToken.statusCode).toBe(403);
    expect((await b.pedir('POST', '/v1/processos', { token: s.token, csrfToken: outra.csrfToken }, {})).body.erro.codigo).toBe('csrf');
    expect((await b.pedir('POST', '/v1/processos', s, {})).status).toBe(400); // past authentication and CSRF, refused by validation
  });

  it('a logout in A is refused by B on its next request, by notification', async () => {
    const s = await conta(banco.db, ['inspetor']);
    expect((await b.pedir('GET', '/v1/eu', s)).status).toBe(200);
    expect((await a.pedir('GET', '/v1/eu', s)).status).toBe(200);
    const antes = b.cache.notificacoes;
    expect((await a.pedir('DELETE', '/v1/sessoes/atual', s)).status).toBe(204);
    // A forgot it at once (its own logout), without waiting for its notification.
    expect((await a.pedir('GET', '/v1/eu', s)).status).toBe(401);
    const ms = await ateMudar(async () => (await b.pedir('GET', '/v1/eu', s)).status === 401);
    expect(ms).toBeLessThan(AVISO_MS);
    expect(b.cache.notificacoes).toBeGreaterThan(antes);
  });

  it('an account deactivated in A is refused by B', async () => {
    const admin = await conta(banco.db, ['administrador'], null);
    const s = await conta(banco.db, ['inspetor']);
    expect((await b.pedir('GET', '/v1/eu', s)).status).toBe(200);
    const r = await a.pedir('PATCH', `/v1/usuarios/${s.usuarioId}`, admin, { ativo: false });
    expect(r.status).toBe(200);
    // A, at once: the admin's request forgot the account's sessions after its commit.
    expect((await a.pedir('GET', '/v1/eu', s)).status).toBe(401);
    await ateMudar(async () => (await b.pedir('GET', '/v1/eu', s)).status === 401);
  });

  it('a role taken away in A is taken away in B', async () => {
    const admin = await conta(banco.db, ['administrador'], null);
    const s = await conta(banco.db, ['inspetor']);
    expect((await b.pedir('GET', '/v1/processos', s)).status).toBe(200);
    expect((await a.pedir('PATCH', `/v1/usuarios/${s.usuarioId}`, admin, { papeis: ['supervisor'], unidade: null })).status).toBe(200);
    await ateMudar(async () => (await b.pedir('GET', '/v1/eu', s)).body?.ator?.papeis?.[0] === 'supervisor');
    expect((await b.pedir('GET', '/v1/eu', s)).body.ator).toMatchObject({ papeis: ['supervisor'], unidade: null });
  });

  it('a scope written by someone else (the worker, psql) reaches B: a mandate added and ended', async () => {
    const s = await conta(banco.db, ['representante'], null);
    expect((await b.pedir('GET', '/v1/eu', s)).body.ator.instituicoes).toEqual([]);
    await banco.db
      .insertInto('representacao')
      .values({ id: `rep-${s.usuarioId}`, usuario_id: s.usuarioId, instituicao_cnpj: '11222333000181', instituicao_nome: 'Escola', tipo: 'representante-legal', inicio: new Date(Date.now() - 1000), fim: null, documento: null, criado_por: 'teste' })
      .execute();
    await ateMudar(async () => (await b.pedir('GET', '/v1/eu', s)).body.ator.instituicoes.length === 1);
    await banco.db.updateTable('representacao').set({ fim: new Date() }).where('id', '=', `rep-${s.usuarioId}`).execute();
    await ateMudar(async () => (await b.pedir('GET', '/v1/eu', s)).body.ator.instituicoes.length === 0);
  });

  it('keeps the absolute expiry and the once-a-minute touch on cached sessions', async () => {
    const s = await conta(banco.db, ['inspetor']);
    const id = sha256(s.token);
    const doisMinutos = new Date(Date.now() - 2 * 60_000);
    const avisos = b.cache.notificacoes;
    await banco.db.updateTable('sessao').set({ ultimo_uso_em: doisMinutos, expira_em: new Date(Date.now() + 1500) }).where('id', '=', id).execute();
    await ateMudar(async () => b.cache.notificacoes > avisos); // the update's own notification, out of the way
    expect((await b.pedir('GET', '/v1/eu', s)).status).toBe(200);
    const tocada = await banco.db.selectFrom('sessao').select('ultimo_uso_em').where('id', '=', id).executeTakeFirstOrThrow();
    expect(new Date(tocada.ultimo_uso_em).getTime()).toBeGreaterThan(Date.now() - 5000);
    expect(b.cache.obter(id)).toBeDefined();
    await new Promise((ok) => setTimeout(ok, 1600));
    // Still within the cache's bound (60 s) and nothing notified: the cached row's own expira_em refuses it.
    expect((await b.pedir('GET', '/v1/eu', s)).status).toBe(401);
  });

  it('drops everything and serves nothing from the cache while its listener is down, then resumes', async () => {
    const s = await conta(banco.db, ['inspetor']);
    expect((await b.pedir('GET', '/v1/eu', s)).status).toBe(200);
    expect(b.cache.tamanho).toBeGreaterThan(0);
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where query = ${'listen rito_sessoes'} and pid <> pg_backend_pid()`.execute(banco.db);
    await ateMudar(async () => !b.cache.ativo);
    expect(b.cache.tamanho).toBe(0);
    // Without a listener every request reads PostgreSQL: a session ended now is refused at once.
    await banco.db.transaction().execute(async (trx) => {
      await sql`set local session_replication_role = replica`.execute(trx);
      await trx.updateTable('sessao').set({ encerrada_em: new Date() }).where('id', '=', sha256(s.token)).execute();
    });
    expect((await b.pedir('GET', '/v1/eu', s)).status).toBe(401);
    expect(b.cache.tamanho).toBe(0);
    await ateMudar(async () => b.cache.ativo && a.cache.ativo, 5000);
    const outra = await conta(banco.db, ['inspetor']);
    expect((await b.pedir('GET', '/v1/eu', outra)).status).toBe(200);
    expect(b.cache.obter(sha256(outra.token))).toBeDefined();
  });
});

describe('the bound', () => {
  it('never serves an entry read longer ago than the bound, even with no notification at all', async () => {
    const curto = await instancia(300);
    try {
      const s = await conta(banco.db, ['inspetor']);
      expect((await curto.pedir('GET', '/v1/eu', s)).status).toBe(200);
      const lidaEm = Date.now();
      // Ended without notifying anyone (as if the notification were lost).
      await banco.db.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await trx.updateTable('sessao').set({ encerrada_em: new Date() }).where('id', '=', sha256(s.token)).execute();
      });
      await ateMudar(async () => (await curto.pedir('GET', '/v1/eu', s)).status === 401, 2000);
      // Refused no later than the bound after it was read (plus this loop's step and a request's time).
      expect(Date.now() - lidaEm).toBeLessThan(300 + 200);
    } finally {
      await curto.fechar();
    }
  });

  it('expires entries at the bound and refuses what a read begun before an invalidation found', () => {
    const c = new CacheDeSessoes<string>('postgres://nao-conecta.invalid/x', 1000);
    (c as unknown as { ouvindo: boolean }).ouvindo = true; // as if listening, without a server
    c.guardar('s1', 'u1', 'linha', c.geracao, 10_000);
    expect(c.obter('s1', 10_999)).toBe('linha');
    expect(c.obter('s1', 11_000)).toBeUndefined();
    const geracao = c.geracao;
    c.esquecerUsuario('u2'); // any invalidation while the read was in flight
    c.guardar('s2', 'u1', 'linha', geracao, 20_000);
    expect(c.obter('s2', 20_001)).toBeUndefined();
    void c.fechar();
  });
});
