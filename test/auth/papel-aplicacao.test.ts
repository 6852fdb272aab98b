/**
 * Issue 17, defect 10 (a): the application runs as a database role that may
 * only INSERT into and SELECT from the audit trail. The migrations (run by the
 * owner, here the test cluster's superuser) create `rito_app`; a login role
 * that is a member of it — as a deployment's DATABASE_URL would use — can run
 * the API (login, reads, password reset, audit entries) but cannot UPDATE,
 * DELETE, TRUNCATE the trail nor switch its triggers off. On PGlite (`rito
 * dev`, a single user) the migration does nothing.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { registrarAuditoria } from '../../api/auditoria/registro';
import { verificarCadeia } from '../../api/auditoria/verificar';
import { createAutenticador } from '../../api/auth';
import { connectDb, type Db } from '../../db/connect';
import { startEmbeddedPostgres } from '../../db/embedded';
import { migrateToLatest } from '../../db/migrate';
import { freeLoopbackPort } from '../../tooling/cache';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { codigoDoErro } from '../support/codigo-do-erro';

let sys: TestSystem;
let supervisor: Conta;
let papel: string;
let app: Db;
beforeAll(async () => {
  sys = await startTestSystem();
  supervisor = await sys.conta({ papeis: ['supervisor'] });
  // A deployment's login role for the API: a member of rito_app, nothing more.
  papel = `rito_api_${randomBytes(4).toString('hex')}`;
  const senha = randomBytes(12).toString('hex');
  await sql.raw(`create role ${papel} login password '${senha}' in role rito_app`).execute(sys.db);
  const url = new URL(sys.databaseUrl);
  url.username = papel;
  url.password = senha;
  app = connectDb(url.toString(), { max: 2 });
});
afterAll(async () => {
  await app?.destroy();
  if (papel) await sql.raw(`drop role if exists ${papel}`).execute(sys.db);
  await sys?.stop();
});


describe('the application role on a real PostgreSQL', () => {
  it('the migrations created rito_app; the migrating role owns auditoria', async () => {
    const { rows } = await sql<{ dono: string; papel: boolean }>`
      select pg_get_userbyid(c.relowner) as dono, exists (select 1 from pg_roles where rolname = 'rito_app') as papel
      from pg_class c where c.relname = 'auditoria'`.execute(sys.db);
    expect(rows[0]).toEqual({ dono: new URL(sys.databaseUrl).username, papel: true });
    const { rows: privs } = await sql<{ p: string }>`
      select privilege_type as p from information_schema.role_table_grants
      where grantee = 'rito_app' and table_name = 'auditoria' order by 1`.execute(sys.db);
    expect(privs.map((r) => r.p)).toEqual(['INSERT', 'SELECT']);
    // The outbox: written by requests, read, and emptied by the chainer's move (its trigger allows no other delete).
    const { rows: doOutbox } = await sql<{ p: string }>`
      select privilege_type as p from information_schema.role_table_grants
      where grantee = 'rito_app' and table_name = 'auditoria_pendente' order by 1`.execute(sys.db);
    expect(doOutbox.map((r) => r.p)).toEqual(['DELETE', 'INSERT', 'SELECT']);
  });

  it('may append to and read the trail, and nothing else on it', async () => {
    const e = await registrarAuditoria(app, { ator: null, acao: 'teste.papel', resumo: 'entrada escrita pelo papel da aplicação' });
    const ultima = String(e.seq);
    expect(await codigoDoErro(() => app.updateTable('auditoria').set({ resumo: 'reescrita' }).where('seq', '=', ultima).execute())).toBe('42501');
    expect(await codigoDoErro(() => app.deleteFrom('auditoria').where('seq', '=', ultima).execute())).toBe('42501');
    expect(await codigoDoErro(() => sql`truncate auditoria`.execute(app))).toBe('42501');
    // What the owner could do to get past the triggers: not the application.
    expect(await codigoDoErro(() => sql`alter table auditoria disable trigger user`.execute(app))).toBe('42501');
    expect(await codigoDoErro(() => sql`alter table auditoria disable trigger auditoria_sem_alteracao`.execute(app))).toBe('42501');
    expect(await codigoDoErro(() => sql`drop trigger auditoria_sem_alteracao on auditoria`.execute(app))).toBe('42501');
    expect(await codigoDoErro(() => sql`drop table auditoria`.execute(app))).toBe('42501');
    expect(
      await codigoDoErro(() => app.transaction().execute(async (trx) => sql`set local session_replication_role = replica`.execute(trx))),
    ).toBe('42501');
    expect(await codigoDoErro(() => sql`create trigger t before insert on auditoria for each row execute function auditoria_somente_insercao()`.execute(app))).toBe('42501');
    // A pending entry, written in a transaction as a request's is: neither altered nor removed, nor its guard dropped.
    await sys.db.transaction().execute(async (trava) => {
      // The chainers are held off meanwhile (they would move it at any moment); writing it does not need that lock.
      await sql`select pg_advisory_xact_lock(hashtext('rito.auditoria'))`.execute(trava);
      const pendente = await app.transaction().execute((trx) => registrarAuditoria(trx, { ator: null, acao: 'teste.papel.pendente', resumo: 'pendente' }));
      expect(await app.selectFrom('auditoria_pendente').select('resumo').where('id', '=', pendente.id).execute()).toEqual([{ resumo: 'pendente' }]);
      expect(await codigoDoErro(() => app.updateTable('auditoria_pendente').set({ resumo: 'reescrita' }).where('id', '=', pendente.id).execute())).toBe('42501');
      expect(await codigoDoErro(() => app.deleteFrom('auditoria_pendente').where('id', '=', pendente.id).execute())).toBe('42501');
      expect(await codigoDoErro(() => sql`truncate auditoria_pendente`.execute(app))).toBe('42501');
      expect(await codigoDoErro(() => sql`alter table auditoria_pendente disable trigger user`.execute(app))).toBe('42501');
    });
    // Migrations are the owner's too.
    expect(await codigoDoErro(() => sql`select * from kysely_migration`.execute(app))).toBe('42501');
    const linha = await app.selectFrom('auditoria').select('resumo').where('seq', '=', ultima).executeTakeFirstOrThrow();
    expect(linha.resumo).toBe('entrada escrita pelo papel da aplicação');
    expect(await verificarCadeia(app)).toMatchObject({ integra: true, problemas: [] });
  });

  it('runs the API: login, reads, password reset, rate-limit counts and their audit entries', async () => {
    const api = await buildApp({ db: app, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(app) });
    try {
      const antes = Number((await app.selectFrom('auditoria').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow()).m);
      const login = await api.inject({ method: 'POST', url: '/v1/sessoes', payload: { email: supervisor.email, senha: supervisor.senha } });
      expect(login.statusCode).toBe(201);
      const cookie = /rito_sessao=([^;]+)/.exec(String(login.headers['set-cookie']))![1];
      expect((await api.inject({ method: 'GET', url: '/v1/auditoria', headers: { cookie: `rito_sessao=${cookie}` } })).statusCode).toBe(200);
      expect((await api.inject({ method: 'POST', url: '/v1/sessoes', payload: { email: supervisor.email, senha: 'senha-errada-de-teste' } })).statusCode).toBe(401);
      expect((await api.inject({ method: 'POST', url: '/v1/senhas/redefinicao', payload: { email: supervisor.email } })).statusCode).toBe(202);
      await api.close(); // the reset's entry is written after answering
      const acoes = (await app.selectFrom('auditoria').select('acao').where('seq', '>', String(antes)).orderBy('seq').execute()).map((r) => r.acao);
      expect(acoes).toEqual(expect.arrayContaining(['sessao.criar', 'auditoria.ler', 'sessao.falha', 'senha.redefinicao.pedir']));
      expect(await verificarCadeia(app)).toMatchObject({ integra: true });
    } finally {
      await api.close();
    }
  });
});

describe('on PGlite', () => {
  it('the migration is harmless: everything migrates, no role is created', async () => {
    const pasta = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-pglite-'));
    const pg = await startEmbeddedPostgres({ dataDir: pasta, port: await freeLoopbackPort() });
    const db = connectDb(pg.url, { max: 1 });
    try {
      const aplicadas = await migrateToLatest(db);
      expect(aplicadas).toContain('2026_11_29_papel_aplicacao');
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_roles where rolname = 'rito_app'`.execute(db);
      expect(rows[0].n).toBe(0);
      await registrarAuditoria(db, { ator: null, acao: 'teste.pglite', resumo: 'PGlite' });
      expect(await verificarCadeia(db)).toMatchObject({ integra: true, total: 1 });
    } finally {
      await db.destroy();
      await pg.stop();
      fs.rmSync(pasta, { recursive: true, force: true });
    }
  });
});
