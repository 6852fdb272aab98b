/**
 * Finds or builds the Temporal CLI (`temporal`), which carries the dev server
 * used by `rito dev` and by the tests.
 *
 * Order: a `temporal` already on PATH, else `<cache>/bin/temporal`, else build
 * it from source with `go install` into `<cache>/bin`. Prebuilt release
 * binaries cannot be downloaded here (only package registries are reachable),
 * so the Go module proxy is the way in.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { cachePath, findExecutable, formatSeconds, isExecutable, withCacheLock } from './cache';

/** Pinned CLI version: the newest one that `go install module@version` still accepts. */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal';
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

/** Where the Go toolchain may be even when it is not on PATH. */
const GO_FALLBACK_DIRS = ['/usr/local/go/bin', '/usr/lib/go/bin'];

export function cachedTemporalCliPath(): string {
  return cachePath('bin', 'temporal');
}

export async function ensureTemporalCli(log: (msg: string) => void): Promise<string> {
  const onPath = findExecutable('temporal');
  if (onPath) return onPath;

  const cached = cachedTemporalCliPath();
  if (isExecutable(cached)) return cached;

  return withCacheLock(
    'temporal-cli',
    async () => {
      if (isExecutable(cached)) return cached; // built by whoever held the lock
      await buildTemporalCli(cached, log);
      return cached;
    },
    () => log('outro processo já está compilando o Temporal CLI; aguardando…'),
  );
}

async function buildTemporalCli(target: string, log: (msg: string) => void): Promise<void> {
  const go = findExecutable('go', GO_FALLBACK_DIRS);
  if (!go) {
    throw new Error(
      'não encontrei o Temporal CLI (`temporal`) nem o Go (`go`) para compilá-lo. ' +
        'Instale o Go ≥ 1.21 (https://go.dev/dl; o CLI pede Go 1.25, que um Go ≥ 1.21 baixa sozinho pelo proxy de módulos; ' +
        'o `golang-go` do Debian 12 é 1.19, antigo demais) ' +
        `e rode de novo — o rito então compila o CLI com \`go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}\` ` +
        'no cache. Alternativa: coloque um binário `temporal` no PATH.',
    );
  }

  // Build into a private directory and move the binary into place at the end,
  // so an interrupted build never leaves a half-written `temporal` behind.
  const binDir = path.dirname(target);
  const tmpBin = fs.mkdtempSync(path.join(binDir, '.go-install-'));
  log(
    `compilando o Temporal CLI ${TEMPORAL_CLI_VERSION} com \`go install\` (${go}); ` +
      'na primeira vez baixa os módulos e pode levar vários minutos…',
  );
  const started = Date.now();
  const ticker = setInterval(() => log(`ainda compilando o Temporal CLI… (${formatSeconds(Date.now() - started)})`), 30_000);
  ticker.unref();
  try {
    const output = await run(go, ['install', `${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}`], {
      ...process.env,
      GOBIN: tmpBin,
    });
    if (output.code !== 0) {
      throw new Error(
        `falhou a compilação do Temporal CLI (\`go install ${TEMPORAL_CLI_MODULE}@${TEMPORAL_CLI_VERSION}\`, código ${output.code}):\n` +
          output.text.trim().split('\n').slice(-30).join('\n'),
      );
    }
    const built = path.join(tmpBin, 'temporal');
    if (!isExecutable(built)) throw new Error(`\`go install\` terminou sem produzir ${built}`);
    fs.renameSync(built, target);
    log(`Temporal CLI pronto em ${target} (${formatSeconds(Date.now() - started)})`);
  } finally {
    clearInterval(ticker);
    fs.rmSync(tmpBin, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), text }));
  });
}
