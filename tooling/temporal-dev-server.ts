/**
 * Runs `temporal server start-dev` (the Temporal CLI's all-in-one dev server)
 * as a child process bound to 127.0.0.1, waits until its frontend answers, and
 * stops it cleanly.
 */
import { spawn } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { formatSeconds, freeLoopbackPort } from './cache';
import { ensureTemporalCli } from './temporal-cli';
import { vigiarFilho } from './processo-filho';

export interface TemporalDevServerOptions {
  /** SQLite file to persist to; in-memory (lost on stop) when omitted. */
  dbFile?: string;
  /** gRPC frontend port; a free loopback port when omitted. */
  port?: number;
  /** Web UI port; a free loopback port when omitted. */
  uiPort?: number;
  /** Disable the Web UI (uiUrl is then ''). Default false. */
  headless?: boolean;
  /** Namespace created at startup (besides "default", which always exists). Default "default". */
  namespace?: string;
  /** Extra arguments for `temporal server start-dev`. */
  extraArgs?: string[];
  /** How long to wait for the frontend to answer. Default 60 s (a large persisted DB can be slow). */
  startTimeoutMs?: number;
  /** Progress lines (pt-BR). */
  log: (msg: string) => void;
  /** Receives every line the server prints; by default they are only kept to explain a failure. */
  serverOutput?: (line: string) => void;
}

export interface TemporalDevServer {
  /** host:port of the gRPC frontend, e.g. "127.0.0.1:43211". */
  address: string;
  /** Web UI, e.g. "http://127.0.0.1:43212" ('' when headless). */
  uiUrl: string;
  namespace: string;
  pid: number;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
const STOP_GRACE_MS = 10_000;

export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const { log } = opts;
  const namespace = opts.namespace ?? 'default';
  const cli = await ensureTemporalCli(log);

  const port = opts.port ?? (await freeLoopbackPort());
  const uiPort = opts.headless ? undefined : (opts.uiPort ?? (await freeLoopbackPort([port])));
  const args = [
    'server',
    'start-dev',
    '--ip',
    HOST,
    '--port',
    String(port),
    '--namespace',
    namespace,
    '--log-level',
    'warn',
    // The same knobs the Temporal SDKs' own ephemeral dev server sets.
    '--dynamic-config-value',
    'frontend.enableServerVersionCheck=false',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecution=true',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
  ];
  if (uiPort === undefined) args.push('--headless');
  else args.push('--ui-ip', HOST, '--ui-port', String(uiPort));
  if (opts.dbFile) args.push('--db-filename', opts.dbFile);
  args.push(...(opts.extraArgs ?? []));

  const address = `${HOST}:${port}`;
  const uiUrl = uiPort === undefined ? '' : `http://${HOST}:${uiPort}`;
  log(
    `iniciando o Temporal dev server em ${address}` +
      (opts.dbFile ? ` (persistido em ${opts.dbFile})` : ' (em memória)') +
      '…',
  );
  const started = Date.now();

  const child = spawn(cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const recent: string[] = [];
  const onLine = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    opts.serverOutput?.(line);
  };
  splitLines(child.stdout!, onLine);
  splitLines(child.stderr!, onLine);

  const vigia = vigiarFilho(child);

  const describe = () => {
    const why = vigia.fim()?.message ?? 'não respondeu a tempo';
    return `o Temporal dev server (${cli}) não subiu em ${address}: ${why}` + (recent.length ? `\nÚltimas linhas:\n${recent.join('\n')}` : '');
  };

  const stop = () => vigia.parar(STOP_GRACE_MS);

  try {
    await waitForFrontend(address, namespace, opts.startTimeoutMs ?? 60_000, () => vigia.fim() !== undefined);
  } catch (err) {
    await stop();
    const detail = err instanceof Error && !/^aborted$/.test(err.message) ? `\n${err.message}` : '';
    throw new Error(describe() + detail);
  }
  log(`Temporal dev server pronto em ${address}${uiUrl ? ` (UI: ${uiUrl})` : ''} (${formatSeconds(Date.now() - started)})`);
  return { address, uiUrl, namespace, pid: child.pid!, stop };
}

/** Polls until the frontend answers DescribeNamespace for `namespace`. */
async function waitForFrontend(address: string, namespace: string, timeoutMs: number, dead: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (dead()) throw new Error('aborted');
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.describeNamespace({ namespace });
      return;
    } catch (err) {
      lastError = err;
    } finally {
      await connection?.close().catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`tempo esgotado (${formatSeconds(timeoutMs)}); último erro: ${lastError instanceof Error ? lastError.message : String(lastError)}`);
}

function splitLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    buf += chunk;
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      onLine(buf.slice(0, i));
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => {
    if (buf) onLine(buf);
  });
}
