/**
 * Prazo calculations through Fastify.  Run: npx tsx bench/prazos-http.ts [N]
 *
 * Compares, on the same request bodies (inputs spread across 2020–2040 and
 * several places, as bench/prazos.ts):
 *
 * - floor: a bare Fastify route that parses the JSON body and returns a
 *   constant — what any HTTP endpoint pays;
 * - raw: a bare Fastify route (no schema, no hook) that calls the same engine
 *   (api/prazos/calculos.ts, decreed days from memory) and returns the same
 *   JSON — the raw engine behind HTTP, what rito's route is compared with;
 * - POST /v1/prazos/calculo as the API serves it: zod validation and
 *   serialisation, the authentication hook (a stub Autenticador that returns an
 *   ator without touching a database), the audit hook, the error handler, the
 *   engine, with decreed days from an in-memory source;
 * - the same with decreed days from PostgreSQL, when DATABASE_URL is set (the
 *   query the workflows use; one per calculation).
 *
 * The audit plugin keeps its chainer running on a real database as in
 * production: DATABASE_URL's, or else a throwaway cluster (tooling/postgres.ts).
 *
 * Each is measured with app.inject (no sockets) and over loopback HTTP
 * (fetch, 16 requests in flight, client in the same process), median of 3
 * rounds, the apps' rounds alternating (a shared machine's load then weighs on
 * all alike), timed in the main thread's CPU time (process.threadCpuUsage: the
 * client and the server share that thread; moments spent waiting for a core do
 * not count). Printed: rito / raw (the goal of issue 16, ≥ 0.8×) and rito /
 * floor (how much of the cost is the calculation and its 1–2 kB answer rather
 * than Fastify itself), with the machine's load.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadavg } from 'node:os';
import { readSetting } from '../config/settings';
import type { Ator } from '../api/auth/ator';
import { registerErrorHandler } from '../api/errors';
import auditoria from '../api/plugins/auditoria';
import autenticacao from '../api/plugins/autenticacao';
import prazosRoutes from '../api/prazos/routes';
import { connectDb, type Db } from '../db/connect';
import { fonteDiasDecretados } from '../db/dias-decretados';
import { migrateToLatest } from '../db/migrate';
import { startThrowawayPostgres } from '../tooling/postgres';
import type { FonteDiasDecretados } from '../rules/calendario';
import { calcular } from '../api/prazos/calculos';
import { entradasPrazo } from './entradas-prazo';
import { relatarRazao } from './resultado';

const N = Number(process.argv[2] ?? 5000);
const EM_VOO = 16;
const RODADAS = 5;

type Corpo = { ciencia: string; dias: number; uteis: boolean; contarDe: string; local: { uf: string; municipio?: string } };

const corpos = (n: number) => entradasPrazo(n) as Corpo[];

const ATOR: Ator = { id: 'bench', nome: 'Bench', papeis: ['inspetor'], unidade: 'METROPOLITANA I', instituicoes: [], comissoes: [] };

async function appPrazos(fonte: FonteDiasDecretados, db: Db): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(autenticacao, { autenticador: { autenticar: async () => ({ ator: ATOR, meio: 'chave-api', credencialId: 'bench' }) } });
  // The audit hook runs; a calculation leaves nothing to record, so only the plugin's chainer reaches the database.
  await app.register(auditoria, { db });
  await app.register(prazosRoutes, { db, fonteDecretados: fonte, prefix: '/v1/prazos' });
  await app.ready();
  return app as unknown as FastifyInstance;
}

async function appPiso(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.post('/v1/prazos/calculo', async () => ({ vencimento: '2026-09-08', limite: '2026-09-08T23:59:59-03:00' }));
  await app.ready();
  return app;
}

async function appBruta(fonte: FonteDiasDecretados): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.post('/v1/prazos/calculo', async (request) => calcular(request.body as never, fonte));
  await app.ready();
  return app;
}

const cpuMs = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};

async function porInject(app: FastifyInstance, lista: Corpo[]): Promise<number> {
  const ini = cpuMs();
  for (const corpo of lista) {
    const r = await app.inject({ method: 'POST', url: '/v1/prazos/calculo', payload: corpo });
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  }
  return lista.length / ((cpuMs() - ini) / 1000);
}

async function porLoopback(app: FastifyInstance, lista: Corpo[], aquecimento: Corpo[]): Promise<number> {
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const enviar = async (l: Corpo[]) => {
    let proximo = 0;
    await Promise.all(
      Array.from({ length: EM_VOO }, async () => {
        while (proximo < l.length) {
          const corpo = l[proximo++];
          const r = await fetch(`${base}/v1/prazos/calculo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(corpo) });
          await r.text();
          if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
        }
      }),
    );
  };
  try {
    await enviar(aquecimento);
    const ini = cpuMs();
    await enviar(lista);
    return lista.length / ((cpuMs() - ini) / 1000);
  } finally {
    await app.close();
  }
}

const fmt = (ops: number) => Math.round(ops).toLocaleString('pt-BR').padStart(10);

async function main(): Promise<void> {
  const lista = corpos(N);
  const aquecimento = corpos(Math.min(500, N));
  const semDecretados: FonteDiasDecretados = async () => [];
  console.log(`rito — cálculos de prazo por HTTP (Fastify ${Fastify().version}, Node ${process.version}, N = ${N})`);

  const carga = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
  console.log(`carga da máquina (loadavg 1/5/15 min): ${carga()}`);
  const mediana = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const descartavel = readSetting('DATABASE_URL') ? null : await startThrowawayPostgres((m) => process.stderr.write(`bench: ${m}\n`));
  const db = connectDb(descartavel?.url ?? readSetting('DATABASE_URL')!, { max: EM_VOO });
  if (descartavel) await migrateToLatest(db);
  type Caso = { rotulo: string; criar: () => Promise<FastifyInstance> };
  const casos: Caso[] = [
    { rotulo: 'piso: rota Fastify que devolve uma constante', criar: appPiso },
    { rotulo: 'bruto: rota Fastify crua com o motor (mesmo JSON)', criar: () => appBruta(semDecretados) },
    { rotulo: 'POST /v1/prazos/calculo (decretados em memória)', criar: () => appPrazos(semDecretados, db) },
  ];
  if (descartavel) console.log('(defina DATABASE_URL para medir também com os dias decretados lidos do PostgreSQL)');
  else casos.push({ rotulo: 'POST /v1/prazos/calculo (decretados do PostgreSQL)', criar: () => appPrazos(fonteDiasDecretados(db), db) });
  // inject: every app built and warmed once, then RODADAS rounds alternating between them.
  const apps = await Promise.all(casos.map((c) => c.criar()));
  for (const a of apps) await porInject(a, aquecimento);
  for (const a of apps) await porInject(a, lista); // the JIT settles on every path before a round counts
  const injects = casos.map(() => [] as number[]);
  for (let r = 0; r < RODADAS; r++) for (let i = 0; i < apps.length; i++) injects[i].push(await porInject(apps[i], lista));
  for (const a of apps) await a.close();
  // loopback: a fresh app per round (listen/close), alternating likewise.
  const loops = casos.map(() => [] as number[]);
  for (let r = 0; r < RODADAS; r++) for (let i = 0; i < casos.length; i++) loops[i].push(await porLoopback(await casos[i].criar(), lista, aquecimento));
  const linhas = casos.map((c, i) => ({ rotulo: c.rotulo, inject: mediana(injects[i]), loop: mediana(loops[i]) }));
  console.log('(requisições por segundo de CPU da thread principal)');
  for (const l of linhas) console.log(`${l.rotulo.padEnd(58)} inject ${fmt(l.inject)} /s   loopback ${fmt(l.loop)} /s`);
  const [piso, bruto, ...rotas] = linhas;
  for (const l of rotas) {
    const nome = l.rotulo.replace(/^POST \/v1\/prazos\/calculo /, 'rota ');
    console.log(`razão rito / bruto, ${nome}: inject ${(l.inject / bruto.inject).toFixed(2)}×, loopback ${(l.loop / bruto.loop).toFixed(2)}× (meta ≥ 0,8×)`);
    console.log(`razão rito / piso,  ${nome}: inject ${(l.inject / piso.inject).toFixed(2)}×, loopback ${(l.loop / piso.loop).toFixed(2)}×`);
    relatarRazao(`${l.rotulo} (inject)`, l.inject, bruto.inject, 'req/s', 0.8, `${bruto.rotulo}; por segundo de CPU`);
  }
  console.log(`carga da máquina ao fim: ${carga()}`);
  await db.destroy();
  await descartavel?.stop();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
