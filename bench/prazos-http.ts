/**
 * Prazo calculations through Fastify.  Run: npx tsx bench/prazos-http.ts [N]
 *
 * Compares, on the same request bodies (inputs spread across 2020–2040 and
 * several places, as bench/prazos.ts):
 *
 * - floor: a bare Fastify route that parses the JSON body and returns a
 *   constant — what any HTTP endpoint pays;
 * - POST /v1/prazos/calculo as the API serves it: zod validation and
 *   serialisation, the authentication hook (a stub Autenticador that returns an
 *   ator without touching a database), the audit hook, the error handler, the
 *   engine, with decreed days from an in-memory source;
 * - the same with decreed days from PostgreSQL, when DATABASE_URL is set (the
 *   query the workflows use; one per calculation).
 *
 * Each is measured with app.inject (no sockets) and over loopback HTTP
 * (fetch, 16 requests in flight, client in the same process), median of 3
 * rounds. The ratio floor / route says how much of the
 * cost is the calculation and its plumbing rather than Fastify itself.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { performance } from 'node:perf_hooks';
import { readSetting } from '../config/settings';
import type { Ator } from '../api/auth/ator';
import { registerErrorHandler } from '../api/errors';
import auditoria from '../api/plugins/auditoria';
import autenticacao from '../api/plugins/autenticacao';
import prazosRoutes from '../api/prazos/routes';
import { connectDb, type Db } from '../db/connect';
import type { FonteDiasDecretados } from '../rules/calendario';
import { entradasPrazo } from './entradas-prazo';

const N = Number(process.argv[2] ?? 5000);
const EM_VOO = 16;
const RODADAS = 3;

type Corpo = { ciencia: string; dias: number; uteis: boolean; contarDe: string; local: { uf: string; municipio?: string } };

const corpos = (n: number) => entradasPrazo(n) as Corpo[];

const ATOR: Ator = { id: 'bench', nome: 'Bench', papeis: ['inspetor'], unidade: 'METROPOLITANA I', instituicoes: [], comissoes: [] };

async function appPrazos(fonte: FonteDiasDecretados, db: Db | null): Promise<FastifyInstance> {
  const app = Fastify({ logger: false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(autenticacao, { autenticador: { autenticar: async () => ({ ator: ATOR, meio: 'chave-api', credencialId: 'bench' }) } });
  // The audit hook runs; a calculation leaves nothing to record, so the database is never reached.
  await app.register(auditoria, { db: (db ?? {}) as Db });
  await app.register(prazosRoutes, { db: (db ?? {}) as Db, fonteDecretados: fonte, prefix: '/v1/prazos' });
  await app.ready();
  return app as unknown as FastifyInstance;
}

async function appPiso(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.post('/v1/prazos/calculo', async () => ({ vencimento: '2026-09-08', limite: '2026-09-08T23:59:59-03:00' }));
  await app.ready();
  return app;
}

async function porInject(app: FastifyInstance, lista: Corpo[]): Promise<number> {
  const ini = performance.now();
  for (const corpo of lista) {
    const r = await app.inject({ method: 'POST', url: '/v1/prazos/calculo', payload: corpo });
    if (r.statusCode !== 200) throw new Error(`${r.statusCode} ${r.body}`);
  }
  return lista.length / ((performance.now() - ini) / 1000);
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
    const ini = performance.now();
    await enviar(lista);
    return lista.length / ((performance.now() - ini) / 1000);
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

  const linhas: [string, number, number][] = [];
  // Median of RODADAS rounds: one core's timings jitter, and loopback shares the process with its client.
  const mediana = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
  const medir = async (rotulo: string, criar: () => Promise<FastifyInstance>) => {
    const injects: number[] = [];
    const loops: number[] = [];
    for (let i = 0; i < RODADAS; i++) {
      const a = await criar();
      await porInject(a, aquecimento);
      injects.push(await porInject(a, lista));
      await a.close();
      loops.push(await porLoopback(await criar(), lista, aquecimento));
    }
    const inject = mediana(injects);
    const loop = mediana(loops);
    linhas.push([rotulo, inject, loop]);
    console.log(`${rotulo.padEnd(58)} inject ${fmt(inject)} /s   loopback ${fmt(loop)} /s`);
  };

  await medir('piso: rota Fastify que devolve uma constante', appPiso);
  await medir('POST /v1/prazos/calculo (decretados em memória)', () => appPrazos(semDecretados, null));
  const url = readSetting('DATABASE_URL');
  let db: Db | null = null;
  if (url) {
    db = connectDb(url, { max: EM_VOO });
    const { fonteDiasDecretados } = await import('../db/dias-decretados');
    await medir('POST /v1/prazos/calculo (decretados do PostgreSQL)', () => appPrazos(fonteDiasDecretados(db!), db));
  } else {
    console.log('(defina DATABASE_URL para medir também com os dias decretados lidos do PostgreSQL)');
  }
  const [piso, ...rotas] = linhas;
  for (const [rotulo, inject, loop] of rotas) {
    console.log(`razão piso / ${rotulo.replace(/^POST \/v1\/prazos\/calculo /, 'rota ')}: inject ${(piso[1] / inject).toFixed(1)}×, loopback ${(piso[2] / loop).toFixed(1)}×`);
  }
  await db?.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
