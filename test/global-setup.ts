/**
 * vitest globalSetup: provisions, once per `vitest run`, what the tests need,
 * and hands it to them through `inject()`:
 *
 *   databaseUrl      TEST_DATABASE_URL, else a throwaway PostgreSQL cluster
 *   temporalAddress  TEST_TEMPORAL_ADDRESS, else an in-memory Temporal dev server
 *   testServerPath   executable of the Java time-skipping test server, for
 *                    TestWorkflowEnvironment.createTimeSkipping({ server: { executable:
 *                    { type: 'existing-path', path: inject('testServerPath') } } })
 *   temporalLogFile  the file that receives the Temporal SDK's logs of this run
 *                    (test/support/temporal-log.ts), under the cache folder
 *
 * Whatever cannot be provisioned fails the run, naming what is missing; no
 * test is ever skipped for it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { cachePath } from '../tooling/cache';
import { startThrowawayPostgres } from '../tooling/postgres';
import { startTemporalDevServer } from '../tooling/temporal-dev-server';
import { ensureTestServer } from '../tooling/test-server';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    temporalAddress: string;
    testServerPath: string;
    temporalLogFile: string;
  }
}

/** This run's file for the Temporal SDK's logs; the four before it are kept, older ones removed. */
function arquivoDeLogDoTemporal(): string {
  const quando = new Date().toISOString().replace(/[:.]/g, '-');
  const arquivo = cachePath('test-logs', `temporal-${quando}-${process.pid}.log`);
  const pasta = path.dirname(arquivo);
  const antigos = fs.readdirSync(pasta).filter((f) => /^temporal-.*\.log$/.test(f)).sort().reverse().slice(4);
  for (const f of antigos) fs.rmSync(path.join(pasta, f), { force: true });
  fs.writeFileSync(arquivo, '');
  return arquivo;
}

const log = (msg: string) => process.stderr.write(`rito: ${msg}\n`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const temporalLogFile = arquivoDeLogDoTemporal();
  project.provide('temporalLogFile', temporalLogFile);
  log(`logs do Temporal SDK em ${path.relative(process.cwd(), temporalLogFile) || temporalLogFile}`);

  const teardowns: Array<() => Promise<void>> = [];
  const teardown = async () => {
    const results = await Promise.allSettled(teardowns.splice(0).reverse().map((fn) => fn()));
    for (const r of results) if (r.status === 'rejected') log(`falha ao desmontar o ambiente de testes: ${String(r.reason)}`);
  };

  const tasks = {
    databaseUrl: async (): Promise<string> => {
      if (process.env.TEST_DATABASE_URL) return process.env.TEST_DATABASE_URL;
      const pg = await startThrowawayPostgres(log);
      teardowns.push(pg.stop);
      return pg.url;
    },
    temporalAddress: async (): Promise<string> => {
      if (process.env.TEST_TEMPORAL_ADDRESS) return process.env.TEST_TEMPORAL_ADDRESS;
      const server = await startTemporalDevServer({ headless: true, log });
      teardowns.push(server.stop);
      return server.address;
    },
    testServerPath: () => ensureTestServer(log),
  };

  const names = Object.keys(tasks) as Array<keyof typeof tasks>;
  const results = await Promise.allSettled(names.map((name) => tasks[name]()));
  const failures = results.flatMap((r, i) => (r.status === 'rejected' ? [`- ${names[i]}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`] : []));
  if (failures.length) {
    await teardown();
    throw new Error(`não foi possível preparar o ambiente de testes:\n${failures.join('\n')}`);
  }
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') project.provide(names[i], r.value);
  });
  return teardown;
}
