/**
 * Re-records the workflow histories that test/replay/vistoria.replay.test.ts
 * replays against the current workflow code:
 *
 *   npx tsx test/replay/gravar.ts                      # every scenario of cenarios.ts
 *   npx tsx test/replay/gravar.ts edital-apos-exigencias-de-forma   # only these
 *
 * It runs each scenario on a fresh time-skipping server with the real
 * activities on a throwaway PostgreSQL (or TEST_DATABASE_URL), and writes the
 * history of each run to test/replay/historias/<generation>/<scenario>[.run<N>].json, in the
 * JSON form of `temporal workflow show --output json`.
 *
 * WHEN TO USE IT — only when:
 *   - a scenario is added or changed in cenarios.ts; or
 *   - a workflow change has been versioned with patched()/deprecatePatch() and
 *     the replay test still passes on the OLD histories (that is the proof that
 *     running processes survive the deploy); re-record afterwards so that the new
 *     branch is covered too, and keep the old files if the patch is still live.
 * Never re-record to make a failing replay test pass: a failure means a change
 * that processes already running in production would not survive (a
 * non-deterministic change). Version it with patched() instead.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { createActivities } from '../../activities';
import { connectDb } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { workflowBundle } from '../../runtime/bundle';
import { cacheDir } from '../../tooling/cache';
import { startThrowawayPostgres } from '../../tooling/postgres';
import { ensureTestServer } from '../../tooling/test-server';
import type { WorkflowTestEnv } from '../support/workflow-env';
import { criarContas } from '../vistoria/support';
import { CENARIOS } from './cenarios';
import { GERACAO_ATUAL } from './geracao';
import { historiaParaJson } from './historia-json';

export const DIRETORIO_HISTORIAS = path.join(__dirname, 'historias', GERACAO_ATUAL);

const log = (m: string) => process.stderr.write(`gravar: ${m}\n`);

async function main(): Promise<void> {
  const pedidos = process.argv.slice(2);
  const desconhecidos = pedidos.filter((n) => !CENARIOS[n]);
  if (desconhecidos.length) throw new Error(`cenário(s) desconhecido(s): ${desconhecidos.join(', ')}; existem: ${Object.keys(CENARIOS).join(', ')}`);
  const nomes = pedidos.length ? Object.keys(CENARIOS).filter((n) => pedidos.includes(n)) : Object.keys(CENARIOS);

  Runtime.install({ logger: new DefaultLogger('WARN') });
  const pg = process.env.TEST_DATABASE_URL ? null : await startThrowawayPostgres(log);
  const adminUrl = process.env.TEST_DATABASE_URL ?? pg!.adminUrl;
  const admin = connectDb(adminUrl, { max: 1 });
  const nomeBanco = `rito_gravar_${randomBytes(4).toString('hex')}`;
  await sql.raw(`create database ${nomeBanco}`).execute(admin);
  const url = new URL(adminUrl);
  url.pathname = `/${nomeBanco}`;
  const db = connectDb(url.toString());
  await migrateToLatest(db);
  await criarContas(db);

  const bundle = await workflowBundle(cacheDir(), log);
  const servidor = await ensureTestServer(log);
  fs.mkdirSync(DIRETORIO_HISTORIAS, { recursive: true });
  try {
    // Scenarios run in calendar order on one server: its clock only moves forward.
    const env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path: servidor } } });
    const taskQueue = `rito-gravar-${randomBytes(4).toString('hex')}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: bundle, activities: createActivities({ db }) });
    const rodando = worker.run();
    const w: WorkflowTestEnv = {
      env,
      db,
      taskQueue,
      // Recorded histories stay unencrypted (fictitious data, read by the replay test's coverage checks);
      // the codec passes them through (runtime/codec.ts), and the replay test also replays encrypted ones it records.
      dataConverter: {},
      agora: async () => new Date(await env.currentTimeMs()).toISOString(),
      saltarAte: async (instante) => {
        const delta = Date.parse(instante) - (await env.currentTimeMs());
        if (delta > 0) await env.sleep(delta);
      },
      stop: async () => {},
    };
    try {
      for (const nome of Object.keys(CENARIOS)) {
        // Every scenario runs (the later ones rely on the clock the earlier ones moved); only the asked ones are written.
        log(`${nome}…`);
        const g = await CENARIOS[nome]!(w);
        if (!nomes.includes(nome)) continue;
        for (const f of fs.readdirSync(DIRETORIO_HISTORIAS).filter((f) => f === `${nome}.json` || f.startsWith(`${nome}.run`))) {
          fs.rmSync(path.join(DIRETORIO_HISTORIAS, f));
        }
        for (const [i, runId] of g.runs.entries()) {
          const history = await env.client.workflow.getHandle(g.workflowId, runId).fetchHistory();
          const arquivo = path.join(DIRETORIO_HISTORIAS, g.runs.length === 1 ? `${nome}.json` : `${nome}.run${i + 1}.json`);
          fs.writeFileSync(arquivo, historiaParaJson(history) + '\n');
          log(`  ${path.relative(process.cwd(), arquivo)}: ${history.events?.length ?? 0} eventos`);
        }
      }
    } finally {
      worker.shutdown();
      await rodando;
      await env.teardown();
    }
  } finally {
    await db.destroy();
    await sql.raw(`drop database if exists ${nomeBanco} with (force)`).execute(admin);
    await admin.destroy();
    await pg?.stop();
  }
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err) => {
      process.stderr.write(`gravar: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
