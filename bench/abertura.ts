/**
 * Opening processes.  Run: npx tsx bench/abertura.ts [N]
 *
 * Starts a throwaway PostgreSQL and an in-memory Temporal dev server (the same
 * tooling as the tests), a rito worker and the API, then measures:
 *
 * - raw engine: N `client.workflow.start` calls of the same workflow type plus N
 *   single-row INSERTs into PostgreSQL (what an abertura cannot do without);
 * - rito: N `POST /v1/processos` through Fastify (inject): validation of CNPJ,
 *   INEP, CPF, scope, the idempotency look-up, the workflow start and the
 *   read-model row, answered with the phase read from the workflow;
 * - how long the worker takes to bring all N workflows to their first wait
 *   (abertura recorded in the timeline), and the worker process's memory.
 *
 * Prints requests per second, p50/p95 latency and the ratios rito / raw.
 */
import { Client, Connection } from '@temporalio/client';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from '../api/app';
import type { Ator } from '../api/auth/ator';
import { calcularDigitosCnpj } from '../rules/identificadores';
import { connectDb } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { gerarChave, lerChaves } from '../config/chaves-temporal';
import { CodecCriptografia, conversorDeDados } from '../runtime/codec';
import { createWorker } from '../runtime/worker';
import { cacheDir } from '../tooling/cache';
import { startThrowawayPostgres } from '../tooling/postgres';
import { startTemporalDevServer } from '../tooling/temporal-dev-server';

const N = Number(process.argv[2] ?? 300);
const EM_VOO = 8;

const ATOR: Ator = { id: 'bench', nome: 'Bench', papeis: ['administrador'], unidade: null, instituicoes: [], comissoes: [] };

async function emParalelo(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  const tempos: number[] = [];
  let proximo = 0;
  await Promise.all(
    Array.from({ length: EM_VOO }, async () => {
      while (proximo < n) {
        const i = proximo++;
        const t = performance.now();
        await fn(i);
        tempos.push(performance.now() - t);
      }
    }),
  );
  return tempos.sort((a, b) => a - b);
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function cnpj(i: number): string {
  const base = String(10_000_000 + i).padStart(8, '0') + '0001';
  return base + calcularDigitosCnpj(base);
}

async function main() {
  const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
  const pg = await startThrowawayPostgres(log);
  const temporal = await startTemporalDevServer({ log, headless: true });
  const db = connectDb(pg.url);
  await migrateToLatest(db);
  const connection = await Connection.connect({ address: temporal.address });
  // Payloads encrypted as rito api and rito worker do (runtime/codec.ts), for the raw starts too.
  const codec = new CodecCriptografia(lerChaves(gerarChave('bench')));
  const client = new Client({ connection, dataConverter: conversorDeDados(codec) });
  const taskQueue = `bench-${randomBytes(3).toString('hex')}`;
  try {
    // Raw engine: starts of the same workflow type (on a queue nobody polls) and plain inserts.
    await sql`create table bench_linha (id text primary key, dados jsonb not null)`.execute(db);
    const t0 = performance.now();
    const cru = await emParalelo(N, async (i) => {
      await client.workflow.start('processoWorkflow', { taskQueue: `${taskQueue}-cru`, workflowId: `cru-${i}`, args: [{}] });
      await sql`insert into bench_linha values (${`cru-${i}`}, ${JSON.stringify({ i })}::jsonb)`.execute(db);
    });
    const cruSeg = (performance.now() - t0) / 1000;

    const { worker, connection: wc } = await createWorker({ address: temporal.address, namespace: 'default', taskQueue, db, cacheDir: cacheDir(), log, codec });
    const rodando = worker.run();
    const app = await buildApp({ db, temporal: client, taskQueue, autenticador: { autenticar: async () => ({ ator: ATOR, meio: 'chave-api', credencialId: 'bench' }) } as never });
    const rssAntes = process.memoryUsage().rss;
    const t1 = performance.now();
    const rito = await emParalelo(N, async (i) => {
      const r = await app.inject({
        method: 'POST',
        url: '/v1/processos',
        payload: {
          tipo: 'apostilamento-endereco',
          instituicao: {
            cnpj: cnpj(i),
            codigoInep: String(33_000_000 + i),
            nome: `Escola ${i}`,
            endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
          },
          unidade: 'METROPOLITANA I',
          requerente: { nome: 'Maria Representante', cpf: '52998224725', email: 'maria@example.org' },
        },
      });
      if (r.statusCode !== 201) throw new Error(`POST /v1/processos respondeu ${r.statusCode}: ${r.body}`);
    });
    const ritoSeg = (performance.now() - t1) / 1000;
    // The worker brings every process to its first wait: abertura in the timeline.
    for (;;) {
      const { n } = await db.selectFrom('processo_evento').select((eb) => eb.fn.countAll<string>().as('n')).where('tipo', '=', 'abertura').executeTakeFirstOrThrow();
      if (Number(n) >= N) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const ateEsperaSeg = (performance.now() - t1) / 1000;
    const rssDepois = process.memoryUsage().rss;

    const linha = (nome: string, xs: number[], seg: number) =>
      `${nome.padEnd(44)} ${(N / seg).toFixed(0).padStart(6)} /s   p50 ${pct(xs, 50).toFixed(1).padStart(6)} ms   p95 ${pct(xs, 95).toFixed(1).padStart(6)} ms`;
    console.log(`abertura de processo — N = ${N}, ${EM_VOO} em voo, Temporal dev server + PostgreSQL 15 locais`);
    console.log(linha('cru: workflow.start + INSERT', cru, cruSeg));
    console.log(linha('rito: POST /v1/processos (Fastify inject)', rito, ritoSeg));
    console.log(`razão rito / cru: vazão ${(cruSeg / ritoSeg).toFixed(2)}×, p50 ${(pct(rito, 50) / pct(cru, 50)).toFixed(2)}×`);
    console.log(`até todos os ${N} workflows registrarem a abertura: ${ateEsperaSeg.toFixed(1)} s (${(N / ateEsperaSeg).toFixed(0)} processos/s)`);
    console.log(`memória do processo (API + worker): ${mb(rssAntes)} antes, ${mb(rssDepois)} depois (${mb(rssDepois - rssAntes)} para ${N} processos abertos)`);

    await app.close();
    worker.shutdown();
    await rodando;
    await wc.close();
  } finally {
    await connection.close();
    await db.destroy();
    await temporal.stop();
    await pg.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
