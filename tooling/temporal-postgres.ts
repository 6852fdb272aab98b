/**
 * A real Temporal server persisted to PostgreSQL, the engine a deployment scales out on (the compose file's
 * cluster), for the scale benchmark (bench/escala.ts) and its test (test/tooling/temporal-postgres.test.ts).
 *
 * The server and its SQL schema tool are built once from the Go module proxy by tooling/temporal-server.sh into
 * <cache>/temporal-server/<version> (the version the tests' Temporal CLI embeds). startTemporalPostgres then, on a
 * throwaway PostgreSQL cluster (tooling/postgres.ts): creates the databases `temporal` and `temporal_visibility`
 * when missing, applies the schema of the same module version (setup-schema when the database has none,
 * update-schema always: it applies only what is newer), writes a minimal configuration with every port a free
 * loopback one, starts all four services in one process, registers the namespace and waits until a worker could
 * poll it. Started again on the same cluster, it finds the databases and the namespace there and keeps them, so a
 * restart loses nothing.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { Client as PgClient } from 'pg';
import { cacheDir, formatSeconds, freeLoopbackPort, isExecutable, repoRoot, withCacheLock } from './cache';
import { startThrowawayPostgres, type ThrowawayPostgres } from './postgres';
import { vigiarFilho } from './processo-filho';

/** The built server: its folder (named by version), both executables and the PostgreSQL schema folder. */
export interface TemporalServerBuild {
  version: string;
  server: string;
  sqlTool: string;
  /** schema/postgresql/v12 of the same module version. */
  schemaDir: string;
}

export interface OpcoesTemporalPostgres {
  /** Cluster to hold Temporal's databases (kept on stop); a throwaway one of our own (removed on stop) when omitted. */
  pg?: ThrowawayPostgres;
  /** gRPC frontend port; a free loopback port when omitted (pass the previous one to restart on the same address). */
  port?: number;
  namespace?: string;
  /** How long to wait for the server to answer and the namespace to be usable. Default 90 s. */
  startTimeoutMs?: number;
}

export interface TemporalPostgres {
  /** host:port of the gRPC frontend. */
  address: string;
  port: number;
  namespace: string;
  pid: number;
  /** The cluster holding the databases `temporal` and `temporal_visibility`. */
  pg: ThrowawayPostgres;
  /** The server's log (its configuration beside it), removed by stop(). */
  logFile: string;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
export const TEMPORAL_DATABASE = 'temporal';
export const VISIBILITY_DATABASE = 'temporal_visibility';
/**
 * History shards: fixed for the life of the databases (a cluster cannot change it later). Each shard has its own
 * queue readers polling PostgreSQL and its own ownership lease, a fixed cost whether it is busy or not, and two cores
 * run at most two shards' work at once; four keep both cores busy while some shards wait on PostgreSQL, at a
 * quarter of the idle polling of 16. Temporal's own development-postgres12.yaml uses 4 too. A production cluster
 * sizes this for its largest future (512 and up), which this throwaway one has no need of.
 */
export const HISTORY_SHARDS = 4;
const STOP_GRACE_MS = 15_000;

/** The server built by tooling/temporal-server.sh, building it first when the cache lacks it (minutes, once). */
export async function ensureTemporalServer(log: (msg: string) => void): Promise<TemporalServerBuild> {
  const script = path.join(repoRoot, 'tooling', 'temporal-server.sh');
  const run = () =>
    new Promise<string>((resolve, reject) => {
      const child = spawn('bash', [script, cacheDir()], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (d: string) => {
        err += d;
        for (const line of d.split('\n')) if (line.startsWith('temporal-server: ')) log(line.slice('temporal-server: '.length));
      });
      child.on('error', reject);
      child.on('close', (code) => {
        if (code === 0) resolve(out.trim());
        else reject(new Error(`não consegui compilar o Temporal server (tooling/temporal-server.sh, código ${code}):\n${err.trim().split('\n').slice(-30).join('\n')}`));
      });
    });
  // The script takes a lock of its own too; this one keeps two test workers of one run from both starting go.
  const dir = await withCacheLock('temporal-server', run, () => log('outro processo já está compilando o Temporal server; aguardando…'));
  const build = {
    version: path.basename(dir),
    server: path.join(dir, 'temporal-server'),
    sqlTool: path.join(dir, 'temporal-sql-tool'),
    schemaDir: path.join(dir, 'schema', 'postgresql', 'v12'),
  };
  if (!isExecutable(build.server) || !isExecutable(build.sqlTool)) throw new Error(`tooling/temporal-server.sh respondeu ${dir}, mas os executáveis não estão lá`);
  return build;
}

export async function startTemporalPostgres(log: (msg: string) => void, opcoes: OpcoesTemporalPostgres = {}): Promise<TemporalPostgres> {
  const namespace = opcoes.namespace ?? 'default';
  const build = await ensureTemporalServer(log);
  const pg = opcoes.pg ?? (await startThrowawayPostgres(log));
  const ownPg = !opcoes.pg;
  const started = Date.now();
  try {
    const admin = new URL(pg.adminUrl);
    const pgPort = Number(admin.port);
    const user = decodeURIComponent(admin.username);
    const password = decodeURIComponent(admin.password);
    await prepareDatabases(build, pg, { port: pgPort, user, password }, log);

    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-temporal-pg-'));
    const logFile = path.join(root, 'temporal.log');
    const port = opcoes.port ?? (await freeLoopbackPort());
    const ports = [port];
    const next = async () => {
      const p = await freeLoopbackPort(ports);
      ports.push(p);
      return p;
    };
    const membership = async () => {
      const p = await freeMembershipPort(ports);
      ports.push(p);
      return p;
    };
    const svc = { history: [await next(), await membership()], matching: [await next(), await membership()], worker: [await next(), await membership()], frontendMembership: await membership() };
    const configDir = path.join(root, 'config');
    fs.mkdirSync(configDir);
    const datastore = (database: string, maxConns: number) => ({
      sql: {
        pluginName: 'postgres12',
        databaseName: database,
        connectAddr: `${HOST}:${pgPort}`,
        connectProtocol: 'tcp',
        user,
        password,
        maxConns,
        maxIdleConns: maxConns,
        maxConnLifetime: '1h',
      },
    });
    const config = {
      log: { stdout: true, level: 'warn' },
      persistence: {
        defaultStore: 'postgres-default',
        visibilityStore: 'postgres-visibility',
        numHistoryShards: HISTORY_SHARDS,
        // Per service (four in this process): 4 × (10 + 2) connections of the cluster's 200.
        datastores: { 'postgres-default': datastore(TEMPORAL_DATABASE, 10), 'postgres-visibility': datastore(VISIBILITY_DATABASE, 2) },
      },
      global: { membership: { maxJoinDuration: '30s', broadcastAddress: HOST } },
      services: {
        frontend: { rpc: { grpcPort: port, membershipPort: svc.frontendMembership, bindOnIP: HOST } },
        history: { rpc: { grpcPort: svc.history[0], membershipPort: svc.history[1], bindOnIP: HOST } },
        matching: { rpc: { grpcPort: svc.matching[0], membershipPort: svc.matching[1], bindOnIP: HOST } },
        worker: { rpc: { grpcPort: svc.worker[0], membershipPort: svc.worker[1], bindOnIP: HOST } },
      },
      clusterMetadata: {
        enableGlobalNamespace: false,
        failoverVersionIncrement: 10,
        masterClusterName: 'active',
        currentClusterName: 'active',
        clusterInformation: { active: { enabled: true, initialFailoverVersion: 1, rpcName: 'frontend', rpcAddress: `${HOST}:${port}` } },
      },
      dcRedirectionPolicy: { policy: 'noop' },
      publicClient: { hostPort: `${HOST}:${port}` },
      dynamicConfigClient: { filepath: path.join(configDir, 'dynamicconfig.yaml'), pollInterval: '10s' },
    };
    // JSON is YAML: the configuration needs no YAML library.
    fs.writeFileSync(path.join(configDir, 'development.yaml'), JSON.stringify(config, null, 2));
    // The knobs the dev server sets too (tooling/temporal-dev-server.ts): rito's actions are workflow updates.
    const dynamic = {
      'frontend.enableUpdateWorkflowExecution': [{ value: true }],
      'frontend.enableUpdateWorkflowExecutionAsyncAccepted': [{ value: true }],
      'limit.maxIDLength': [{ value: 255 }],
    };
    fs.writeFileSync(path.join(configDir, 'dynamicconfig.yaml'), JSON.stringify(dynamic, null, 2));

    const address = `${HOST}:${port}`;
    log(`iniciando o Temporal server ${build.version} sobre PostgreSQL em ${address} (${HISTORY_SHARDS} shards; log em ${logFile})…`);
    const out = fs.openSync(logFile, 'a');
    const child = spawn(build.server, ['--root', root, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'], {
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    const vigia = vigiarFilho(child);
    const stopServer = () => vigia.parar(STOP_GRACE_MS);

    try {
      await waitUntilUsable(address, namespace, opcoes.startTimeoutMs ?? 90_000, () => vigia.fim());
    } catch (err) {
      await stopServer();
      const tail = fs.readFileSync(logFile, 'utf8').trim().split('\n').slice(-12).map((l) => l.slice(0, 600)).join('\n');
      throw new Error(`o Temporal server sobre PostgreSQL não ficou pronto em ${address}: ${(err as Error).message}\nÚltimas linhas de ${logFile}:\n${tail}`);
    }
    log(`Temporal server sobre PostgreSQL pronto em ${address} (${formatSeconds(Date.now() - started)})`);
    return {
      address,
      port,
      namespace,
      pid: child.pid!,
      pg,
      logFile,
      async stop() {
        await stopServer();
        fs.rmSync(root, { recursive: true, force: true });
        if (ownPg) await pg.stop();
      },
    };
  } catch (err) {
    if (ownPg) await pg.stop().catch(() => undefined);
    throw err;
  }
}

/**
 * A free loopback port below 32768: the schema keeps a membership port in a smallint column (cluster_membership.rpc_port),
 * and the kernel's ephemeral ports, which freeLoopbackPort hands out, start at 32768.
 */
async function freeMembershipPort(avoid: number[]): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (avoid.includes(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const srv = net.createServer();
      srv.unref();
      srv.once('error', () => resolve(false));
      srv.listen(port, HOST, () => srv.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

interface PgAccess {
  port: number;
  user: string;
  password: string;
}

/** Databases created when missing; schema set up when absent, then brought to the build's version. */
async function prepareDatabases(build: TemporalServerBuild, pg: ThrowawayPostgres, access: PgAccess, log: (msg: string) => void): Promise<void> {
  const admin = new PgClient({ connectionString: pg.adminUrl });
  await admin.connect();
  try {
    for (const [database, schema] of [
      [TEMPORAL_DATABASE, 'temporal'],
      [VISIBILITY_DATABASE, 'visibility'],
    ] as const) {
      const exists = (await admin.query('select 1 from pg_database where datname = $1', [database])).rowCount === 1;
      if (!exists) await admin.query(`CREATE DATABASE ${database}`);
      const db = new PgClient({ connectionString: pgUrl(pg, database) });
      await db.connect();
      const hasSchema = await db
        .query("select 1 from information_schema.tables where table_schema = 'public' and table_name = 'schema_version'")
        .then((r) => r.rowCount === 1)
        .finally(() => db.end());
      if (!hasSchema) {
        log(`criando o esquema do Temporal em ${database}…`);
        await sqlTool(build, access, database, ['setup-schema', '-v', '0.0']);
      }
      await sqlTool(build, access, database, ['update-schema', '-d', path.join(build.schemaDir, schema, 'versioned')]);
    }
    // The hosts an earlier server on these databases announced (its ports gone with it) would be tried first when the
    // services form their rings, delaying a restart by up to the join timeout; one server per database pair here, so
    // every row is stale once we start.
    const temporal = new PgClient({ connectionString: pgUrl(pg, TEMPORAL_DATABASE) });
    await temporal.connect();
    await temporal.query('delete from cluster_membership').finally(() => temporal.end());
  } finally {
    await admin.end();
  }
}

function pgUrl(pg: ThrowawayPostgres, database: string): string {
  const url = new URL(pg.adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** temporal-sql-tool against one database; the password goes in its environment, not on a command line `ps` shows. */
function sqlTool(build: TemporalServerBuild, access: PgAccess, database: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      build.sqlTool,
      ['--plugin', 'postgres12', '--endpoint', HOST, '--port', String(access.port), '--user', access.user, '--database', database, ...args],
      { env: { ...process.env, SQL_PASSWORD: access.password }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`temporal-sql-tool ${args[0]} em ${database} falhou (código ${code}):\n${text.trim().split('\n').slice(-20).join('\n')}`));
    });
  });
}

/**
 * Until the frontend answers, then registers the namespace (already there after a restart) and waits until every
 * service knows it.
 */
async function waitUntilUsable(address: string, namespace: string, timeoutMs: number, dead: () => Error | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  let registered = false;
  let fresh = false;
  while (Date.now() < deadline) {
    const death = dead();
    if (death) throw death;
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 1_000 });
      if (!registered) {
        try {
          await connection.workflowService.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs('7 days') });
          fresh = true;
        } catch (err) {
          // 6 = ALREADY_EXISTS: the databases come from an earlier run of the server.
          if ((err as { code?: number }).code !== 6) throw err;
        }
        registered = true;
      }
      await connection.workflowService.describeNamespace({ namespace });
      // A namespace just registered reaches the history and matching services' caches at their next refresh
      // (system.namespaceCacheRefreshInterval, 2 s); before that a worker's poll is refused.
      if (fresh) {
        await new Promise((resolve) => setTimeout(resolve, 2_500));
        fresh = false;
      }
      // The frontend answers before the matching and history rings have formed ("Not enough hosts to serve the
      // request"): a task queue's description goes to matching, a workflow's history to history.
      await connection.workflowService.describeTaskQueue({ namespace, taskQueue: { name: 'rito-prontidao' }, taskQueueType: 1 });
      try {
        await connection.workflowService.getWorkflowExecutionHistory({ namespace, execution: { workflowId: 'rito-prontidao' } });
      } catch (err) {
        // 5 = NOT_FOUND: history answered that there is no such workflow.
        if ((err as { code?: number }).code !== 5) throw err;
      }
      return;
    } catch (err) {
      lastError = err;
    } finally {
      await connection?.close().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`tempo esgotado (${formatSeconds(timeoutMs)}); último erro: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}
