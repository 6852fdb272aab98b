/**
 * Issue 17, defect 2: a request applies whole, with its audit entry, or not at
 * all. For POST /v1/processos: the process row and its processo.abrir entry are
 * written in one transaction, and the workflow is started last, once everything
 * that can be refused has passed; a failure at any step leaves no row, no entry
 * and no workflow. Also against the embedded PGlite default (one session shared
 * by every connection), where a query outside the abertura's transaction would
 * wait for it for ever. (The refused upload keeps its arquivo.recusar entry:
 * test/api/texto-invalido.test.ts.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client, ServiceError } from '@temporalio/client';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { criarRepresentacao, criarUsuario } from '../../api/contas/service';
import { conectarEmbutido, startEmbeddedPostgres } from '../../db/embedded';
import { migrateToLatest } from '../../db/migrate';
import { chaveProcesso, idProcesso } from '../../rules/processos/tipos';
import { calendarioDaUnidade } from '../../db/calendario-da-unidade';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import { type AberturaProcesso, estadoQuery } from '../../workflows/processo/definitions';
import type { processoWorkflow } from '../../workflows/processo/workflow';
import { argumentosDoInicio } from '../../workflows/processo/primeiro-passo';
import { freeLoopbackPort } from '../../tooling/cache';
import { corpoAbertura } from '../support/abertura';
import { eventually } from '../support/eventualmente';
import { type Conta, cookieDaResposta, startTestSystem, type TestSystem } from '../support/system';

const CNPJ = '11222333000181';
// The Temporal dev server outlives a test run: each run uses schools of its own.
const base = Math.floor(Math.random() * 990_000);
const inepDe = (n: number) => String(33_000_000 + base + n);

let sys: TestSystem;
let rl: Conta;
beforeAll(async () => {
  sys = await startTestSystem();
  rl = await sys.conta({ papeis: ['representante'], instituicoes: [CNPJ] });
});
afterAll(async () => {
  await sys?.stop();
});

async function workflowsDe(client: Client, inep: string): Promise<number> {
  let n = 0;
  for await (const _ of client.workflow.list({ query: `WorkflowId = '${idProcesso('apostilamento-endereco', CNPJ, inep, 1)}'` })) n++;
  return n;
}

/** The workflow's input the abertura of `corpo` gives (api/processos/service.ts), for a test that starts it itself. */
const aberturaDoCorpo = (inep: string, corpo: ReturnType<typeof corpoAbertura>): AberturaProcesso => ({
  id: idProcesso('apostilamento-endereco', CNPJ, inep, 1),
  tipo: 'apostilamento-endereco',
  chave: chaveProcesso('apostilamento-endereco', CNPJ, inep),
  ordinal: 1,
  instituicao: { ...corpo.instituicao, cnpj: CNPJ },
  unidade: corpo.unidade,
  numeroSei: null,
  requerente: { ...corpo.requerente, cpf: '52998224725' },
  abertoPor: rl.id,
});

const rastros = async (inep: string) => ({
  linhas: await sys.db.selectFrom('processo').select('id').where('instituicao_codigo_inep', '=', inep).execute(),
  entradas: await sys.db
    .selectFrom('auditoria')
    .select(['seq', 'acao'])
    .where('acao', 'like', 'processo.abrir%')
    .where('processo_id', '=', idProcesso('apostilamento-endereco', CNPJ, inep, 1))
    .execute(),
});

describe('abertura: processo, trilha e workflow juntos ou nada', () => {
  it('writes no process and starts no workflow when its audit entry cannot be written', async () => {
    const inep = inepDe(1);
    // PostgreSQL refuses this abertura's audit entry (and only it), as a full disk would: the entry the request's
    // transaction writes is the trail's outbox row (the chainer moves it into the chain after the commit).
    await sql
      .raw(
        `create or replace function teste_recusa_auditoria() returns trigger language plpgsql as $$
         begin raise exception 'auditoria recusada pelo teste'; end $$;
         create trigger teste_recusa_auditoria before insert on auditoria_pendente for each row
         when (new.resumo like '%Escola Sem Trilha%') execute function teste_recusa_auditoria();`,
      )
      .execute(sys.db);
    try {
      const r = await sys.request('POST', '/v1/processos', { as: rl, body: corpoAbertura({ cnpj: CNPJ, codigoInep: inep, nomeEscola: 'Escola Sem Trilha' }) });
      expect(r.status).toBe(500);
      expect(await rastros(inep)).toEqual({ linhas: [], entradas: [] });
      // Before the fix the workflow had started and its registrarProcesso wrote the row a moment later.
      await new Promise((ok) => setTimeout(ok, 1500));
      expect(await workflowsDe(sys.temporal, inep)).toBe(0);
      expect((await rastros(inep)).linhas).toEqual([]);
    } finally {
      await sql.raw('drop trigger teste_recusa_auditoria on auditoria_pendente; drop function teste_recusa_auditoria()').execute(sys.db);
    }
    // The same request, once the trail takes it, opens the process with its entry.
    const r = await sys.request('POST', '/v1/processos', { as: rl, body: corpoAbertura({ cnpj: CNPJ, codigoInep: inep, nomeEscola: 'Escola Sem Trilha' }) });
    expect(r.status).toBe(201);
    expect(await rastros(inep)).toEqual({ linhas: [{ id: r.body.id }], entradas: [{ seq: expect.anything(), acao: 'processo.abrir' }] });
  });

  it('writes neither the row nor the audit entry when Temporal refuses to start the workflow', async () => {
    const inep = inepDe(2);
    const recusa = new Client({ connection: sys.temporal.connection, namespace: 'default' });
    recusa.workflow.start = async () => {
      throw new ServiceError('Temporal fora do ar (teste)');
    };
    const app = await buildApp({ db: sys.db, temporal: recusa, taskQueue: sys.taskQueue, autenticador: createAutenticador(sys.db) });
    try {
      const r = await app.inject({
        method: 'POST',
        url: '/v1/processos',
        headers: { cookie: `rito_sessao=${rl.cookie}`, 'x-csrf-token': rl.csrf! },
        payload: corpoAbertura({ cnpj: CNPJ, codigoInep: inep, nomeEscola: 'Escola Sem Workflow' }),
      });
      expect(r.statusCode).toBeGreaterThanOrEqual(500);
      expect(await rastros(inep)).toEqual({ linhas: [], entradas: [] });
      expect(await workflowsDe(sys.temporal, inep)).toBe(0);
    } finally {
      await app.close();
    }
  });

  it("records the abertura on the retry that finds its process without one (the first request's commit failed after the start)", async () => {
    const inep = inepDe(5);
    const corpo = corpoAbertura({ cnpj: CNPJ, codigoInep: inep, nomeEscola: 'Escola do Commit Perdido' });
    // What such a first request left when the workflow wrote its first step itself (a start without the
    // abertura's registration: runs before issue 16's change, or the retry of a row whose workflow was missing):
    // the workflow, and the row it writes itself; no audit entry.
    const abertura = aberturaDoCorpo(inep, corpo);
    const id = abertura.id;
    await sys.temporal.workflow.start('processoWorkflow', { taskQueue: sys.taskQueue, workflowId: id, args: [abertura] });
    await eventually(() => sys.db.selectFrom('processo').select('id').where('id', '=', id).executeTakeFirst());
    expect((await rastros(inep)).entradas).toEqual([]);

    const r = await sys.request('POST', '/v1/processos', { as: rl, body: corpo });
    expect(r.status).toBe(200);
    const entradas = await sys.db.selectFrom('auditoria').select(['acao', 'dados']).where('processo_id', '=', id).where('acao', 'like', 'processo.abrir%').execute();
    expect(entradas).toEqual([{ acao: 'processo.abrir', dados: expect.objectContaining({ criado: true, registradaNaRepeticao: true }) }]);
    // A further retry is a repetition of it.
    expect((await sys.request('POST', '/v1/processos', { as: rl, body: corpo })).status).toBe(200);
    expect((await rastros(inep)).entradas.map((e) => e.acao)).toEqual(['processo.abrir', 'processo.abrir.repeticao']);
    await sys.temporal.workflow.getHandle(id).terminate('fim do teste');
  });

  it("opens the process on the retry when the first request's commit failed after the start of a workflow given its registration", async () => {
    const inep = inepDe(6);
    const corpo = corpoAbertura({ cnpj: CNPJ, codigoInep: inep, nomeEscola: 'Escola do Primeiro Passo Perdido' });
    const abertura = aberturaDoCorpo(inep, corpo);
    const id = abertura.id;
    // What such a first request leaves: its workflow, started with the first step and calendar its transaction
    // wrote and read, which the failed commit took away: no row, no event, no audit entry.
    const registrada = { calendario: await calendarioDaUnidade(sys.db, corpo.unidade, formatarInstanteBrasilia(Date.now()).slice(0, 10)) };
    await sys.temporal.workflow.start<typeof processoWorkflow>('processoWorkflow', { taskQueue: sys.taskQueue, workflowId: id, args: argumentosDoInicio(abertura, registrada) });
    await eventually(async () => (await sys.temporal.workflow.getHandle(id).query(estadoQuery)).versao === 1 || undefined);
    expect(await rastros(inep)).toEqual({ linhas: [], entradas: [] });

    // The client's retry writes the first step and records the abertura; the running workflow is the process's.
    const r = await sys.request('POST', '/v1/processos', { as: rl, body: corpo });
    expect(r.status).toBe(201);
    expect(r.body.id).toBe(id);
    expect((await rastros(inep)).entradas.map((e) => e.acao)).toEqual(['processo.abrir']);
    const eventos = await sys.db.selectFrom('processo_evento').select(['seq', 'tipo']).where('processo_id', '=', id).execute();
    expect(eventos).toEqual([{ seq: 1, tipo: 'abertura' }]);
    expect(await workflowsDe(sys.temporal, inep)).toBe(1);
    expect((await sys.request('GET', `/v1/processos/${id}`, { as: rl })).body).toMatchObject({ fase: 'requerimento', faseFonte: 'modelo-de-leitura' });
    await sys.temporal.workflow.getHandle(id).terminate('fim do teste');
  });

  it('on the embedded PGlite: concurrent aberturas and reads finish, one process with one abertura entry and the rest repetitions', async () => {
    const pasta = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-pglite-abertura-'));
    const pg = await startEmbeddedPostgres({ dataDir: pasta, port: await freeLoopbackPort() });
    // As `rito dev` connects to it (one connection: db/embedded.ts).
    const db = conectarEmbutido(pg.url);
    // No worker listens on this queue: the workflows wait, and write nothing into the other test database.
    const app = await buildApp({ db, temporal: sys.temporal, taskQueue: `rito-pglite-${randomBytes(4).toString('hex')}`, autenticador: createAutenticador(db) });
    const ids: string[] = [];
    try {
      await migrateToLatest(db);
      const senha = `senha-de-teste-${randomBytes(6).toString('hex')}`;
      const u = await criarUsuario(db, { nome: 'Representante PGlite', email: `pglite.${randomBytes(3).toString('hex')}@rito.test`, papeis: ['representante'], unidade: null, senha }, 'teste');
      await criarRepresentacao(db, { usuarioId: u.id, cnpj: CNPJ, nome: 'Escola', tipo: 'representante-legal', inicio: new Date(Date.now() - 86_400_000), fim: null, documento: null }, 'teste');
      const login = await app.inject({ method: 'POST', url: '/v1/sessoes', payload: { email: u.email, senha } });
      expect(login.statusCode, login.body).toBe(201);
      const headers = { cookie: `rito_sessao=${cookieDaResposta(new Headers(login.headers as Record<string, string>))}`, 'x-csrf-token': login.json().csrfToken };

      const inep = inepDe(3);
      const abrir = () => app.inject({ method: 'POST', url: '/v1/processos', headers, payload: corpoAbertura({ cnpj: CNPJ, codigoInep: inep, nomeEscola: 'Escola PGlite' }) });
      const ler = () => app.inject({ method: 'GET', url: '/v1/processos', headers });
      const [aberturas, leituras] = await Promise.race([
        Promise.all([Promise.all([abrir(), abrir(), abrir(), abrir()]), Promise.all([ler(), ler(), ler()])]),
        new Promise<never>((_, falha) => setTimeout(() => falha(new Error('aberturas presas: uma consulta fora da transação espera por ela')), 30_000)),
      ]);
      expect(aberturas.map((r) => r.statusCode).sort(), aberturas.map((r) => r.body).join('\n')).toEqual([200, 200, 200, 201]);
      expect(leituras.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      const id = aberturas[0].json().id;
      ids.push(id);
      expect(await db.selectFrom('processo').select('id').where('instituicao_codigo_inep', '=', inep).execute()).toEqual([{ id }]);
      const entradas = await db.selectFrom('auditoria').select('acao').where('processo_id', '=', id).orderBy('seq').execute();
      expect(entradas.map((e) => e.acao)).toEqual(['processo.abrir', 'processo.abrir.repeticao', 'processo.abrir.repeticao', 'processo.abrir.repeticao']);
      expect(await workflowsDe(sys.temporal, inep)).toBe(1);

      // A refused audit entry leaves nothing there either (PGlite runs the same trigger).
      const inepRecusado = inepDe(4);
      await sql
        .raw(
          `create function recusa() returns trigger language plpgsql as $$ begin raise exception 'recusada'; end $$;
           create trigger recusa before insert on auditoria_pendente for each row when (new.resumo like '%Escola Recusada%') execute function recusa();`,
        )
        .execute(db);
      const r = await app.inject({ method: 'POST', url: '/v1/processos', headers, payload: corpoAbertura({ cnpj: CNPJ, codigoInep: inepRecusado, nomeEscola: 'Escola Recusada' }) });
      expect(r.statusCode).toBe(500);
      expect(await db.selectFrom('processo').select('id').where('instituicao_codigo_inep', '=', inepRecusado).execute()).toEqual([]);
      expect(await workflowsDe(sys.temporal, inepRecusado)).toBe(0);
      // The session still works: the failed transaction did not leave PGlite's one session inside it.
      expect((await ler()).statusCode).toBe(200);
    } finally {
      for (const id of ids) await sys.temporal.workflow.getHandle(id).terminate('fim do teste').catch(() => {});
      await app.close();
      await db.destroy();
      await pg.stop();
      fs.rmSync(pasta, { recursive: true, force: true });
    }
  });
});
