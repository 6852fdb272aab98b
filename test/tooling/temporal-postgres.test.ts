/**
 * A real Temporal server persisted to PostgreSQL (tooling/temporal-postgres.ts, issue 16), driven by rito's real
 * worker and API:
 *
 * - a process opened through the API and one action of its rite (autuar) land in Temporal's own tables on
 *   PostgreSQL: the workflow's row in `executions` counts as many events as the history the server serves, and its
 *   history nodes are stored;
 * - the server stopped and started again on the same databases still has the workflow, open, with the same
 *   history: the worker answers a query about it and the API drives its next action (registrar-exigencias-forma),
 *   which the server appends to the stored history.
 *
 * The server is built once into the cache (tooling/temporal-server.sh; .ci/run builds it before the suite): the
 * first hook may take minutes when the cache lacks it, the test itself well under a minute.
 */
import { Client as PgClient } from 'pg';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { estadoRitoQuery } from '../../workflows/ritos/definitions';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../tooling/postgres';
import { ensureTemporalServer, startTemporalPostgres, TEMPORAL_DATABASE, type TemporalPostgres } from '../../tooling/temporal-postgres';
import { checklistForma } from '../support/checklists';
import { agirNaVistoria } from '../support/comissao';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const CNPJ = '11222333000181';
const UNIDADE = 'METROPOLITANA I';
const TIPO = 'entrada-suplementar';
const log = (msg: string) => process.stderr.write(`temporal-postgres: ${msg}\n`);

let pg: ThrowawayPostgres | undefined;
let temporal: TemporalPostgres | undefined;
let sys: TestSystem | undefined;

beforeAll(async () => {
  await ensureTemporalServer(log);
}, 20 * 60_000);

beforeAll(async () => {
  pg = await startThrowawayPostgres(log);
  temporal = await startTemporalPostgres(log, { pg });
  sys = await startTestSystem({ temporalAddress: temporal.address });
}, 90_000);

afterAll(async () => {
  await sys?.stop();
  await temporal?.stop();
  await pg?.stop();
}, 60_000);

/** The workflow's row in Temporal's `executions` table and how many history nodes its run has stored. */
async function naBase(workflowId: string): Promise<{ execucoes: number; proximoEvento: number; nosDeHistoria: number }> {
  const url = new URL(pg!.adminUrl);
  url.pathname = `/${TEMPORAL_DATABASE}`;
  const c = new PgClient({ connectionString: url.toString() });
  await c.connect();
  try {
    const ex = await c.query<{ run_id: Buffer; next_event_id: string }>('select run_id, next_event_id from executions where workflow_id = $1', [workflowId]);
    if (ex.rowCount !== 1) return { execucoes: ex.rowCount ?? 0, proximoEvento: 0, nosDeHistoria: 0 };
    const nos = await c.query<{ n: string }>('select count(*) as n from history_node where tree_id = $1', [ex.rows[0].run_id]);
    return { execucoes: 1, proximoEvento: Number(ex.rows[0].next_event_id), nosDeHistoria: Number(nos.rows[0].n) };
  } finally {
    await c.end();
  }
}

async function eventosServidos(workflowId: string): Promise<number> {
  const historia = await sys!.temporal.workflow.getHandle(workflowId).fetchHistory();
  return historia.events?.length ?? 0;
}

test('o histórico do workflow fica no PostgreSQL do Temporal e sobrevive ao reinício do servidor', async () => {
  const s = sys!;
  const rl: Conta = await s.conta({ papeis: ['representante'], instituicoes: [CNPJ] });
  const inspetor: Conta = await s.conta({ papeis: ['inspetor'], unidade: UNIDADE });
  const aberto = await s.request('POST', '/v1/processos', {
    as: rl,
    body: {
      tipo: TIPO,
      instituicao: { cnpj: CNPJ, codigoInep: '33012345', nome: 'Colégio Persistido', endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' } },
      unidade: UNIDADE,
      requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
    },
  });
  expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
  const id = aberto.body.id as string;
  const autuar = await agirNaVistoria(s, id, 'autuar', inspetor, { numeroSei: 'SEI-030001/000777/2026' });
  expect(autuar.status, JSON.stringify(autuar.body)).toBe(200);

  // Temporal's next_event_id is one past the last event it stored: the PostgreSQL row and the served history agree.
  const antes = await naBase(id);
  const eventosAntes = await eventosServidos(id);
  expect(antes.execucoes).toBe(1);
  expect(eventosAntes).toBeGreaterThan(3);
  expect(antes.proximoEvento).toBe(eventosAntes + 1);
  expect(antes.nosDeHistoria).toBeGreaterThan(0);

  // Same databases, same address: the worker and the API reconnect by themselves.
  const porta = temporal!.port;
  await temporal!.stop();
  temporal = undefined;
  temporal = await startTemporalPostgres(log, { pg, port: porta });

  const handle = s.temporal.workflow.getHandle(id);
  expect((await handle.describe()).status.name).toBe('RUNNING');
  expect(await eventosServidos(id)).toBe(eventosAntes);
  const estado = await handle.query(estadoRitoQuery(ritoDoTipo(TIPO)!));
  expect(estado.fase).toBe('analise-forma');

  const exigencias = await agirNaVistoria(s, id, 'registrar-exigencias-forma', inspetor, {
    checklist: checklistForma(TIPO),
    exigencias: [{ codigo: 'laudo', descricao: 'Apresentar o laudo do Corpo de Bombeiros', motivacao: 'O laudo não veio com o requerimento.', baseLegal: 'Deliberação CEE nº 388/2020, art. 22' }],
  });
  expect(exigencias.status, JSON.stringify(exigencias.body)).toBe(200);
  expect((await handle.query(estadoRitoQuery(ritoDoTipo(TIPO)!))).fase).toBe('exigencias-forma');
  const depois = await naBase(id);
  expect(depois.proximoEvento).toBeGreaterThan(antes.proximoEvento);
  expect(depois.proximoEvento).toBe((await eventosServidos(id)) + 1);
}, 60_000);
