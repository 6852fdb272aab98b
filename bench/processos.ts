/**
 * The case list over HTTP.  Run: npx tsx bench/processos.ts [segundos]
 *
 * Starts a throwaway PostgreSQL (the tests' tooling), fills it with 2,000
 * processes of four units, and serves, on loopback:
 *
 * - rito: GET /v1/processos of the real API (buildApp) as `rito api` runs it:
 *   a session cookie resolved against PostgreSQL, through the cache of
 *   sessions that rito api starts (api/auth/cache-sessoes.ts: its LISTEN
 *   connection is the 17th), the rate limit counted in PostgreSQL, the scope,
 *   zod, the audit entry every read of personal data writes;
 * - raw: a bare Fastify route with a pg pool (16 connections) running the
 *   same SQL as rito's list query (compiled from the same Kysely query), rows
 *   returned as JSON.
 *
 * Load: autocannon (in a child process, so the client does not share the
 * server's event loop) with 16 connections for the given seconds (default 10)
 * on each, after a warm-up, in RODADAS rounds alternating raw and rito (a
 * moment of load on a shared machine then weighs on both alike; one window of
 * each, as before, moved the ratio by ±0.05 from run to run); each side's
 * median round counts. Prints requests/s and latency p50/p99 of each, the
 * ratio rito / raw, the machine's load, and the SQL statements one request of
 * each makes (every pg client's query() is counted during the measured run),
 * and the CPU time one request of each costs this Node process and the
 * PostgreSQL cluster (its processes' utime + stime from /proc): on a machine
 * where both share the cores, the sum bounds the rate.
 *
 * --fases: also prints where a rito request's time goes, on average: until its
 * handler starts (session, rate limit, validation), the handler (the list's
 * query), and from serialisation to the answer sent (the audit entry's wait).
 * Four hooks more on rito's side.
 *
 * --cpu-prof DIR: writes a V8 CPU profile of this process during each side's
 * measured run (DIR/bruto.cpuprofile, DIR/rito.cpuprofile; the server's share
 * of the CPU, autocannon runs in its child). The figures then include the
 * profiler's cost.
 */
import Fastify from 'fastify';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../api/app';
import { criarSessao, COOKIE_SESSAO } from '../api/auth/sessao';
import { createAutenticador } from '../api/auth';
import { iniciarCacheDeSessoes } from '../api/auth/cache-sessoes';
import { noEscopo } from '../api/auth/escopo';
import type { Ator } from '../api/auth/ator';
import { connectDb } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { startThrowawayPostgres } from '../tooling/postgres';
import { relatarRazao } from './resultado';

/** What this bench reads of autocannon's result (the package ships no types). */
interface Resultado {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (o: Record<string, unknown>) => Promise<Resultado>;

const posicionais = process.argv.slice(2).filter((a, i, todos) => !a.startsWith('--') && todos[i - 1] !== '--cpu-prof');
const SEGUNDOS = Number(posicionais[0] ?? 10);
const indicePerfil = process.argv.indexOf('--cpu-prof');
const PERFIL = indicePerfil > 0 ? process.argv[indicePerfil + 1] : undefined;
const FASES = process.argv.includes('--fases');
const CONEXOES = 16;
const RODADAS = 3;
const LIMITE = 50;
const UNIDADES = ['METROPOLITANA I', 'METROPOLITANA II', 'NORTE FLUMINENSE', 'SERRANA I'];

const carga = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

// Every statement either side sends: rito's through Kysely's pool, raw's through its own (both pg clients).
let comandos = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  comandos++;
  return (query as (...a: unknown[]) => unknown).apply(this, args);
} as typeof query;

const TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
let postmaster = 0;

/** CPU time (user + system, ms) of the PostgreSQL cluster's processes: the postmaster's children, per pid. */
function cpuPostgres(): Map<number, number> {
  const r = new Map<number, number>();
  for (const nome of readdirSync('/proc')) {
    if (!/^\d+$/.test(nome)) continue;
    try {
      const campos = readFileSync(`/proc/${nome}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(campos[1]) === postmaster) r.set(Number(nome), ((Number(campos[11]) + Number(campos[12])) * 1000) / TICKS);
    } catch {
      // gone meanwhile
    }
  }
  return r;
}

/** Time this process spent in garbage collection (ms), of which major (mark-compact). */
const gc = { total: 0, maior: 0 };
new PerformanceObserver((lista) => {
  for (const e of lista.getEntries()) {
    gc.total += e.duration;
    if ((e as unknown as { detail?: { kind?: number } }).detail?.kind === 4) gc.maior += e.duration; // NODE_PERFORMANCE_GC_MAJOR
  }
}).observe({ entryTypes: ['gc'] });

interface Medida extends Resultado {
  comandosPorRequisicao: number;
  /** CPU ms per request of this process (the server; autocannon runs in a child) and of PostgreSQL. */
  cpuNode: number;
  cpuPg: number;
  gc: number;
  gcMaior: number;
}

async function medir(nome: string, url: string, headers: Record<string, string>): Promise<Medida> {
  const opcoes = { url, connections: CONEXOES, headers, duration: SEGUNDOS, workers: 1 };
  await autocannon({ ...opcoes, duration: Math.max(2, Math.round(SEGUNDOS / 3)) }); // warm-up
  const perfil = PERFIL ? new Session() : undefined;
  if (perfil) {
    perfil.connect();
    await perfil.post('Profiler.enable');
    await perfil.post('Profiler.start');
  }
  const antes = comandos;
  const [nodeAntes, pgAntes, gcAntes] = [process.cpuUsage(), cpuPostgres(), { ...gc }];
  const r = await autocannon(opcoes);
  const [nodeDepois, pgDepois] = [process.cpuUsage(nodeAntes), cpuPostgres()];
  let pgMs = 0;
  for (const [pid, ms] of pgDepois) pgMs += ms - (pgAntes.get(pid) ?? 0);
  if (perfil && PERFIL) {
    const { profile } = await perfil.post('Profiler.stop');
    mkdirSync(PERFIL, { recursive: true });
    writeFileSync(path.join(PERFIL, `${nome}.cpuprofile`), JSON.stringify(profile));
    perfil.disconnect();
  }
  if (r.non2xx || r.errors) throw new Error(`${url}: ${r.non2xx} respostas não-2xx, ${r.errors} erros`);
  return {
    ...r,
    comandosPorRequisicao: (comandos - antes) / r.requests.total,
    cpuNode: (nodeDepois.user + nodeDepois.system) / 1000 / r.requests.total,
    cpuPg: pgMs / r.requests.total,
    gc: (gc.total - gcAntes.total) / r.requests.total,
    gcMaior: (gc.maior - gcAntes.maior) / r.requests.total,
  };
}

async function main() {
  const log = (m: string) => process.stderr.write(`bench: ${m}\n`);
  const banco = await startThrowawayPostgres(log);
  const db = connectDb(banco.url, { max: CONEXOES });
  const pool = new pg.Pool({ connectionString: banco.url, max: CONEXOES });
  try {
    postmaster = Number(readFileSync(path.join(banco.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    await migrateToLatest(db);
    const agora = new Date();
    const linhas = Array.from({ length: 2000 }, (_, i) => ({
      id: `bench-${String(i).padStart(5, '0')}`,
      tipo: 'apostilamento-endereco',
      chave: `bench:${i}`,
      ordinal: 1,
      fase: 'analise',
      instituicao_cnpj: String(10_000_000_000_000 + i).padStart(14, '0'),
      instituicao_codigo_inep: String(33_000_000 + i),
      instituicao_nome: `Escola ${i}`,
      unidade: UNIDADES[i % UNIDADES.length],
      numero_sei: null,
      requerente_nome: 'Maria Representante',
      requerente_cpf: '52998224725',
      requerente_email: 'maria@example.org',
      aberto_por: 'bench',
      prazo_limite: null,
      instituicao_endereco: null,
      instituicao_municipio: 'Rio de Janeiro',
      mantenedora_nome: null,
      versao: 1,
    }));
    for (let i = 0; i < linhas.length; i += 500) await db.insertInto('processo').values(linhas.slice(i, i + 500)).execute();
    await db
      .insertInto('usuario')
      .values({ id: 'bench-inspetora', email: 'inspetora@bench.invalid', nome: 'Inspetora Bench', senha_hash: null, papeis: ['inspetor'], unidade: UNIDADES[0], matricula: null, cargo: null, tratamento: null, criado_por: 'bench' })
      .execute();
    const sessao = await criarSessao(db, 'bench-inspetora', { ip: '127.0.0.1', userAgent: 'bench' });

    // rito: the whole API, with the limits high enough that the load is never refused.
    const app = await buildApp(
      { db, temporal: {} as never, taskQueue: 'bench', autenticador: createAutenticador(db) } as never,
      { limites: { requisicoes: 1e9, anonimas: 1e9, janelaS: 60 } },
    );
    const cacheSessoes = await iniciarCacheDeSessoes(db, banco.url);
    const fases = { n: 0, ateHandler: 0, handler: 0, depois: 0 };
    if (FASES) {
      const t = new WeakMap<object, number[]>();
      app.addHook('onRequest', (req, _r, d) => (t.set(req, [performance.now()]), d()));
      app.addHook('preHandler', (req, _r, d) => (t.get(req)?.push(performance.now()), d()));
      app.addHook('preSerialization', (req, _r, p, d) => (t.get(req)?.push(performance.now()), d(null, p)));
      app.addHook('onResponse', (req, _r, d) => {
        const [t0, t1, t2] = t.get(req) ?? [];
        if (t2 !== undefined) {
          fases.n++;
          fases.ateHandler += t1 - t0;
          fases.handler += t2 - t1;
          fases.depois += performance.now() - t2;
        }
        d();
      });
    }
    const urlRito = await app.listen({ host: '127.0.0.1', port: 0 });

    // raw: the same SQL, from the same Kysely query rito's route builds for this inspetora.
    const ator: Ator = { id: 'bench-inspetora', nome: 'Inspetora Bench', papeis: ['inspetor'], unidade: UNIDADES[0], instituicoes: [], comissoes: [] };
    const consulta = db.selectFrom('processo').selectAll().orderBy('id').limit(LIMITE + 1).where(noEscopo(ator)).compile();
    const cru = Fastify({ logger: false });
    cru.get('/v1/processos', async () => {
      const { rows } = await pool.query(consulta.sql, consulta.parameters as unknown[]);
      return { itens: rows.slice(0, LIMITE), proximoCursor: rows.length > LIMITE ? rows[LIMITE - 1].id : null };
    });
    const urlCru = await cru.listen({ host: '127.0.0.1', port: 0 });

    const ok = await fetch(`${urlRito}/v1/processos`, { headers: { cookie: `${COOKIE_SESSAO}=${sessao.token}` } });
    if (ok.status !== 200) throw new Error(`rito respondeu ${ok.status}: ${await ok.text()}`);

    console.log(`rito — GET /v1/processos, ${CONEXOES} conexões, ${SEGUNDOS} s cada (autocannon), PostgreSQL 15 local, 2.000 processos, páginas de ${LIMITE}`);
    console.log(`carga da máquina (loadavg 1/5/15 min): ${carga()}`);
    const rodadas: { bruto: Medida[]; rito: Medida[] } = { bruto: [], rito: [] };
    for (let i = 0; i < RODADAS; i++) {
      rodadas.bruto.push(await medir('bruto', `${urlCru}/v1/processos`, {}));
      rodadas.rito.push(await medir('rito', `${urlRito}/v1/processos`, { cookie: `${COOKIE_SESSAO}=${sessao.token}` }));
    }
    const mediana = (ms: Medida[]) => [...ms].sort((a, b) => a.requests.average - b.requests.average)[Math.floor(ms.length / 2)];
    const rCru = mediana(rodadas.bruto);
    const rRito = mediana(rodadas.rito);
    const porRodada = (ms: Medida[]) => ms.map((m) => Math.round(m.requests.average).toLocaleString('pt-BR')).join(', ');
    console.log(`rodadas alternadas (req/s): bruto ${porRodada(rodadas.bruto)}; rito ${porRodada(rodadas.rito)}; conta a mediana de cada lado`);
    const linha = (rotulo: string, r: Medida) =>
      console.log(
        `${rotulo.padEnd(48)} ${Math.round(r.requests.average).toLocaleString('pt-BR').padStart(7)} req/s   p50 ${String(r.latency.p50).padStart(4)} ms   p99 ${String(r.latency.p99).padStart(4)} ms   ${r.comandosPorRequisicao.toFixed(2)} comandos SQL/req   CPU/req: Node ${r.cpuNode.toFixed(2)} ms, PostgreSQL ${r.cpuPg.toFixed(2)} ms (GC ${r.gc.toFixed(2)} ms, maior ${r.gcMaior.toFixed(2)})`,
      );
    linha('bruto: Fastify + pg, mesmo SQL', rCru);
    linha('rito: GET /v1/processos (sessão, limite, auditoria)', rRito);
    if (FASES) {
      const m = (x: number) => (x / fases.n).toFixed(2);
      console.log(`rito, tempo médio por requisição: até o handler ${m(fases.ateHandler)} ms, handler ${m(fases.handler)} ms, da serialização à resposta enviada (inclui esperar a entrada de auditoria) ${m(fases.depois)} ms`);
    }
    console.log(`razão rito / bruto: ${(rRito.requests.average / rCru.requests.average).toFixed(2)}× (meta ≥ 0,8×)`);
    relatarRazao(
      `GET /v1/processos, ${CONEXOES} conexões`,
      rRito.requests.average,
      rCru.requests.average,
      'req/s',
      0.8,
      `bruto: Fastify + pg, mesmo SQL; comandos SQL/req ${rRito.comandosPorRequisicao.toFixed(2)} × ${rCru.comandosPorRequisicao.toFixed(2)}`,
    );
    console.log(`carga da máquina ao fim: ${carga()}`);
    await app.close();
    await cacheSessoes.fechar();
    await cru.close();
  } finally {
    await pool.end();
    await db.destroy();
    await banco.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
