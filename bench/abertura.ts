/**
 * Opening processes.  Run: npx tsx bench/abertura.ts [N]
 *
 * Starts a throwaway PostgreSQL and an in-memory Temporal dev server (the same
 * tooling as the tests) and a rito worker polling one task queue, then, with 1
 * and with 16 requests in flight, measures N aberturas on each side:
 *
 * - raw engine: `client.workflow.start` of the same workflow with a valid
 *   abertura, on the same queue the worker serves (so the server and the worker
 *   do for the raw start what they do for rito's), plus the single-row INSERT
 *   an abertura cannot do without;
 * - rito: `POST /v1/processos` through Fastify (inject): validation of CNPJ,
 *   INEP, CPF, scope, the idempotency look-up, the row and its audit entry in
 *   one transaction, the workflow start;
 * - how long the worker takes to bring all of them to their first wait
 *   (abertura recorded in the timeline), and the process's memory.
 *
 * The sides alternate per level (raw, rito), each on schools of its own.
 * Prints requests per second, p50/p95 latency and the ratios rito / raw.
 */
import { Client, Connection } from '@temporalio/client';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { buildApp } from '../api/app';
import type { Ator } from '../api/auth/ator';
import { calcularDigitosCnpj } from '../rules/identificadores';
import { chaveProcesso, idProcesso } from '../rules/processos/tipos';
import { connectDb } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { gerarChave, lerChaves } from '../config/chaves-temporal';
import { CodecCriptografia, conversorDeDados } from '../runtime/codec';
import { createWorker } from '../runtime/worker';
import { cacheDir } from '../tooling/cache';
import { startThrowawayPostgres } from '../tooling/postgres';
import { startTemporalDevServer } from '../tooling/temporal-dev-server';
import type { AberturaProcesso } from '../workflows/processo/definitions';
import { relatarRazao } from './resultado';

const N = Number(process.argv[2] ?? 200);
const NIVEIS = [1, 16];

const ATOR: Ator = { id: 'bench', nome: 'Bench', papeis: ['administrador'], unidade: null, instituicoes: [], comissoes: [] };

async function emParalelo(emVoo: number, n: number, fn: (i: number) => Promise<unknown>): Promise<{ tempos: number[]; seg: number }> {
  const tempos: number[] = [];
  let proximo = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: emVoo }, async () => {
      while (proximo < n) {
        const i = proximo++;
        const t = performance.now();
        await fn(i);
        tempos.push(performance.now() - t);
      }
    }),
  );
  return { tempos: tempos.sort((a, b) => a - b), seg: (performance.now() - t0) / 1000 };
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function cnpj(i: number): string {
  const base = String(10_000_000 + i).padStart(8, '0') + '0001';
  return base + calcularDigitosCnpj(base);
}

const ENDERECO = { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' };
const REQUERENTE = { nome: 'Maria Representante', cpf: '52998224725', email: 'maria@example.org' };

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
  const { worker, connection: wc } = await createWorker({ address: temporal.address, namespace: 'default', taskQueue, db, cacheDir: cacheDir(), log, codec });
  const rodando = worker.run();
  const app = await buildApp({ db, temporal: client, taskQueue, autenticador: { autenticar: async () => ({ ator: ATOR, meio: 'chave-api', credencialId: 'bench' }) } as never });
  try {
    await sql`create table bench_linha (id text primary key, dados jsonb not null)`.execute(db);
    let escola = 0;
    // Each side starts with the worker idle: every process opened so far has reached its first wait.
    const drenar = async (total: number) => {
      for (;;) {
        const { n } = await db.selectFrom('processo_evento').select((eb) => eb.fn.countAll<string>().as('n')).where('tipo', '=', 'abertura').executeTakeFirstOrThrow();
        if (Number(n) >= total) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    const rssAntes = process.memoryUsage().rss;
    const t0 = performance.now();
    const linha = (nome: string, m: { tempos: number[]; seg: number }) =>
      `${nome.padEnd(44)} ${(N / m.seg).toFixed(0).padStart(6)} /s   p50 ${pct(m.tempos, 50).toFixed(1).padStart(6)} ms   p95 ${pct(m.tempos, 95).toFixed(1).padStart(6)} ms`;
    console.log(`abertura de processo — N = ${N} por lado e nível, Temporal dev server + PostgreSQL 15 locais, um worker rito servindo os dois lados`);
    for (const emVoo of NIVEIS) {
      const base = escola;
      escola += 2 * N;
      // Raw engine: the same workflow with a valid abertura, on the queue the worker serves, and one plain INSERT.
      const cru = await emParalelo(emVoo, N, async (i) => {
        const cnpjEscola = cnpj(base + i);
        const inep = String(33_000_000 + base + i);
        const abertura: AberturaProcesso = {
          id: idProcesso('apostilamento-endereco', cnpjEscola, inep, 1),
          tipo: 'apostilamento-endereco',
          chave: chaveProcesso('apostilamento-endereco', cnpjEscola, inep),
          ordinal: 1,
          instituicao: { cnpj: cnpjEscola, codigoInep: inep, nome: `Escola ${base + i}`, endereco: ENDERECO },
          unidade: 'METROPOLITANA I',
          numeroSei: null,
          requerente: REQUERENTE,
          abertoPor: ATOR.id,
        };
        await client.workflow.start('processoWorkflow', { taskQueue, workflowId: abertura.id, args: [abertura] });
        await sql`insert into bench_linha values (${abertura.id}, ${JSON.stringify(abertura)}::jsonb)`.execute(db);
      });
      await drenar(base + N);
      const rito = await emParalelo(emVoo, N, async (i) => {
        const k = base + N + i;
        const r = await app.inject({
          method: 'POST',
          url: '/v1/processos',
          payload: {
            tipo: 'apostilamento-endereco',
            instituicao: { cnpj: cnpj(k), codigoInep: String(33_000_000 + k), nome: `Escola ${k}`, endereco: ENDERECO },
            unidade: 'METROPOLITANA I',
            requerente: REQUERENTE,
          },
        });
        if (r.statusCode !== 201) throw new Error(`POST /v1/processos respondeu ${r.statusCode}: ${r.body}`);
      });
      console.log(`${emVoo} em voo:`);
      console.log(linha('  cru: workflow.start + INSERT', cru));
      console.log(linha('  rito: POST /v1/processos (Fastify inject)', rito));
      console.log(`  razão rito / cru: vazão ${(cru.seg / rito.seg).toFixed(2)}×, p50 ${(pct(rito.tempos, 50) / pct(cru.tempos, 50)).toFixed(2)}×`);
      await drenar(base + 2 * N);
      relatarRazao(`abertura, ${emVoo} em voo`, N / rito.seg, N / cru.seg, 'aberturas/s', 0.8, 'bruto: workflow.start + INSERT no mesmo worker');
    }
    const total = escola;
    const ateEsperaSeg = (performance.now() - t0) / 1000;
    const rssDepois = process.memoryUsage().rss;
    console.log(`${total} processos abertos e levados à primeira espera (abertura na linha do tempo) em ${ateEsperaSeg.toFixed(1)} s, com as esperas entre os lados`);
    console.log(`memória do processo (API + worker): ${mb(rssAntes)} antes, ${mb(rssDepois)} depois (${mb(rssDepois - rssAntes)} para ${total} processos abertos)`);
  } finally {
    await app.close();
    worker.shutdown();
    await rodando;
    await wc.close();
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
