/**
 * `rito dev`: the whole system on one machine with embedded defaults. Starts
 * what is not configured (PGlite for PostgreSQL, the Temporal dev server),
 * migrates, runs the worker and the API in this process, and stops all of it
 * on Ctrl-C. On a database without users (a fresh data dir) it first makes the
 * demo of `rito seed demo` and prints its accounts and passwords with the URLs.
 */
import { correioDaConfiguracao } from '../api/contas/correio';
import { urlPublicaDaConfiguracao } from '../config/settings';
import { arquivoChaveAncoraDev, chaveAncoraDaConfiguracao } from '../api/auditoria/ancora';
import { loadConfig } from '../config/settings';
import { connectDb } from '../db/connect';
import { conectarEmbutido, startEmbeddedPostgres } from '../db/embedded';
import { migrateToLatest } from '../db/migrate';
import { startApi } from '../runtime/api';
import { progress } from '../runtime/log';
import { untilSignal } from '../runtime/signals';
import { arquivoChaveDev, codecDaConfiguracao } from '../runtime/codec';
import { createWorker } from '../runtime/worker';
import { cacheDir, dataPath, formatSeconds } from '../tooling/cache';
import { startTemporalDevServer } from '../tooling/temporal-dev-server';
import { DESCRICAO_DEMO, linhasDasContas, semearDemoSeVazio } from './seed';

export async function run(): Promise<number> {
  const t0 = Date.now();
  const config = loadConfig();
  // Without TEMPORAL_CHAVES, the key generated into the data dir on the first start (and reused after).
  const codec = codecDaConfiguracao(config, { arquivoDev: arquivoChaveDev(config.RITO_DATA_DIR) });
  // Stopped in reverse order of start, whatever fails along the way.
  const stops: { name: string; stop: () => Promise<unknown> }[] = [];
  const stopAll = async () => {
    for (const { name, stop } of stops.reverse()) {
      try {
        await stop();
      } catch (err) {
        progress(`falha ao parar ${name}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };
  let signalled = false;
  const signal = untilSignal().then(() => {
    signalled = true;
  });

  try {
    let databaseUrl = config.DATABASE_URL;
    if (!databaseUrl) {
      progress(`iniciando PostgreSQL embutido (PGlite) em ${dataPath('pglite', '.')}`);
      const pg = await startEmbeddedPostgres({ dataDir: dataPath('pglite', '.'), port: config.EMBEDDED_PG_PORT });
      stops.push({ name: 'PGlite', stop: pg.stop });
      databaseUrl = pg.url;
    }

    let temporalAddress = config.TEMPORAL_ADDRESS;
    let temporalUi: string | null = null;
    if (!temporalAddress) {
      const server = await startTemporalDevServer({
        dbFile: dataPath('temporal', 'temporal.db'),
        port: config.TEMPORAL_DEV_PORT,
        uiPort: config.TEMPORAL_UI_PORT,
        namespace: config.TEMPORAL_NAMESPACE,
        log: progress,
      });
      stops.push({ name: 'Temporal dev server', stop: server.stop });
      temporalAddress = server.address;
      temporalUi = server.uiUrl;
    }

    const db = config.DATABASE_URL ? connectDb(databaseUrl) : conectarEmbutido(databaseUrl);
    stops.push({ name: 'conexões do banco', stop: () => db.destroy() });
    // With DATABASE_URL_MIGRACAO, the owner of the tables migrates and the rest runs as DATABASE_URL's role.
    const migrador = config.DATABASE_URL && config.DATABASE_URL_MIGRACAO ? connectDb(config.DATABASE_URL_MIGRACAO, { max: 1 }) : db;
    const applied = await migrateToLatest(migrador).finally(() => (migrador !== db ? migrador.destroy() : undefined));
    if (applied.length) progress(`migrações aplicadas: ${applied.join(', ')}`);
    const demo = await semearDemoSeVazio(db);
    if (demo) progress(`banco sem usuários: demonstração criada (como \`rito seed demo\`), ${demo.length} contas`);

    const { worker, connection } = await createWorker({
      address: temporalAddress,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      db,
      cacheDir: cacheDir(),
      log: progress,
      maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
      codec,
      correio: correioDaConfiguracao(config, progress),
      urlPublica: urlPublicaDaConfiguracao(config),
    });
    const running = worker.run();
    stops.push({
      name: 'worker',
      stop: async () => {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await running;
        await connection.close();
      },
    });

    const api = await startApi({ config, db, temporalAddress, codec, chaveAncora: chaveAncoraDaConfiguracao(config, { arquivoDev: arquivoChaveAncoraDev(config.RITO_DATA_DIR) }), temporalUiOrigem: config.TEMPORAL_UI_ORIGEM ?? (temporalUi ? new URL(temporalUi).origin : undefined), caixaDeCorreio: true });
    stops.push({ name: 'API', stop: api.stop });

    if (signalled) return 130;
    progress(`pronto em ${formatSeconds(Date.now() - t0)}`);
    process.stdout.write(
      [
        '',
        `  Páginas:       ${api.address}/  (entre com uma conta de demonstração)`,
        ...(config.SMTP_HOST ? [] : [`  E-mails:       ${api.address}/correio  (sem SMTP, os e-mails enviados ficam aqui)`]),
        `  API:           ${api.address}`,
        `  Documentação:  ${api.address}/docs  (OpenAPI em ${api.address}/docs/json)`,
        `  Prontidão:     ${api.address}/ready`,
        `  Temporal:      ${temporalAddress}${temporalUi ? `  (interface em ${temporalUi})` : ''}`,
        `  Banco:         ${config.DATABASE_URL ? 'DATABASE_URL' : databaseUrl + ' (PGlite)'}`,
        '',
        ...(demo
          ? [
              '  Contas de demonstração (entre nas páginas, em /docs ou com POST /v1/sessoes {"email", "senha"}):',
              ...linhasDasContas(demo, '    '),
              `  ${DESCRICAO_DEMO}`,
              '  As senhas só aparecem agora; `node bin/rito seed demo` gera outras.',
            ]
          : ['  Contas: as do banco; `node bin/rito seed demo` (re)cria as de demonstração e mostra novas senhas.']),
        '',
        '  Ctrl-C encerra tudo.',
        '',
      ].join('\n'),
    );
    await Promise.race([signal, running]);
    progress('encerrando…');
    return 0;
  } finally {
    await stopAll();
  }
}
