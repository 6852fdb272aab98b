/**
 * Provides the Temporal time-skipping test server for
 * `TestWorkflowEnvironment.createTimeSkipping()`.
 *
 * The SDK would normally download a native build of it from a release host,
 * which cannot be reached from here; the same server is published on Maven
 * Central as `io.temporal:temporal-test-server`. We resolve it (and its
 * dependencies) with Maven into the cache and generate a small shell wrapper
 * that starts it with `java`, usable as an `existing-path` executable:
 *
 *   TestWorkflowEnvironment.createTimeSkipping({
 *     server: { executable: { type: 'existing-path', path: await ensureTestServer(log) } },
 *   })
 *
 * What the SDK runs (@temporalio/testing 1.24 → core-bridge → sdk-core
 * `TestServerConfig::start_server`): `<path> <port> [...extraArgs]`, then it
 * polls 127.0.0.1:<port> for up to 5 s. The Java main accepts only
 * `<port> [--enable-time-skipping]`, and with anything more it prints its usage
 * and exits, so the wrapper keeps the port and that one flag and drops (with a
 * warning) whatever else it is given.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, findExecutable, formatSeconds, isExecutable, repoRoot, withCacheLock } from './cache';

/** Keep in sync with `temporal.test-server.version` in tooling/temporal-test-server/pom.xml. */
export const TEST_SERVER_VERSION = '1.38.0';
export const TEST_SERVER_POM = path.join(repoRoot, 'tooling', 'temporal-test-server', 'pom.xml');
const MAIN_CLASS = 'io.temporal.testserver.TestServer';

function findJava(): string | undefined {
  const fromHome = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : undefined;
  if (fromHome && isExecutable(fromHome)) return fromHome;
  return findExecutable('java');
}

/** Path of the wrapper for the current pom (its hash is part of the directory, so editing the pom rebuilds). */
function installDir(): string {
  const pom = fs.readFileSync(TEST_SERVER_POM);
  const hash = crypto.createHash('sha256').update(pom).digest('hex').slice(0, 12);
  return path.join(cacheDir(), 'temporal-test-server', `${TEST_SERVER_VERSION}-${hash}`);
}

export async function ensureTestServer(log: (msg: string) => void): Promise<string> {
  if (!findJava()) {
    throw new Error(
      'falta o Java (comando `java`, versão ≥ 11) para rodar o servidor de testes do Temporal ' +
        `(io.temporal:temporal-test-server ${TEST_SERVER_VERSION}). ` +
        'Instale com `apt-get install -y default-jre-headless` (ou defina JAVA_HOME).',
    );
  }
  const dir = installDir();
  const wrapper = path.join(dir, 'temporal-test-server');
  if (isExecutable(wrapper)) return wrapper;

  return withCacheLock(
    'temporal-test-server',
    async () => {
      if (isExecutable(wrapper)) return wrapper;
      await install(dir, wrapper, log);
      return wrapper;
    },
    () => log('outro processo já está preparando o servidor de testes do Temporal; aguardando…'),
  );
}

async function install(dir: string, wrapper: string, log: (msg: string) => void): Promise<void> {
  const mvn = findExecutable('mvn');
  if (!mvn) {
    throw new Error(
      'falta o Maven (comando `mvn`) para baixar o servidor de testes do Temporal ' +
        `(io.temporal:temporal-test-server ${TEST_SERVER_VERSION}) do Maven Central. ` +
        'Instale com `apt-get install -y maven`.',
    );
  }
  log(`baixando o servidor de testes do Temporal (io.temporal:temporal-test-server ${TEST_SERVER_VERSION}) com o Maven…`);
  const started = Date.now();
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = `${dir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  try {
    const lib = path.join(tmp, 'lib');
    const result = await run(mvn, [
      '-q',
      '-B',
      '-f',
      TEST_SERVER_POM,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${lib}`,
    ]);
    if (result.code !== 0) {
      throw new Error(
        `o Maven não conseguiu baixar io.temporal:temporal-test-server ${TEST_SERVER_VERSION} (código ${result.code}):\n` +
          result.text.trim().split('\n').slice(-30).join('\n'),
      );
    }
    const jar = path.join(lib, `temporal-test-server-${TEST_SERVER_VERSION}.jar`);
    if (!fs.existsSync(jar)) throw new Error(`o Maven terminou mas ${jar} não existe`);
    fs.renameSync(tmp, dir);
    // The wrapper is written last: its presence marks a complete install.
    const tmpWrapper = `${wrapper}.tmp-${process.pid}`;
    fs.writeFileSync(tmpWrapper, wrapperScript(path.join(dir, 'lib')), { mode: 0o755 });
    fs.renameSync(tmpWrapper, wrapper);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  log(`servidor de testes do Temporal pronto em ${wrapper} (${formatSeconds(Date.now() - started)})`);
}

function wrapperScript(libDir: string): string {
  return `#!/bin/sh
# Gerado por tooling/test-server.ts; não edite (apague o diretório para recriar).
# Servidor de testes do Temporal com salto de tempo: io.temporal:temporal-test-server ${TEST_SERVER_VERSION}.
# O SDK (executável "existing-path") chama: <este arquivo> <porta> [extraArgs...].
# O main Java só aceita "<porta> [--enable-time-skipping]": o resto é descartado com aviso.
set -eu
port=""
flags=""
for arg in "$@"; do
  case "$arg" in
    --enable-time-skipping) flags="$arg" ;;
    ""|*[!0-9]*) echo "temporal-test-server: ignorando argumento não suportado: $arg" >&2 ;;
    *)
      if [ -z "$port" ]; then port="$arg"
      else echo "temporal-test-server: ignorando argumento extra: $arg" >&2; fi ;;
  esac
done
if [ -z "$port" ]; then
  echo "uso: $0 <porta> [--enable-time-skipping]" >&2
  exit 2
fi
java="\${JAVA_HOME:+\$JAVA_HOME/bin/}java"
# Se quem nos iniciou morrer sem nos parar (um processo de teste morto, por exemplo),
# a JVM vai junto. O vigia termina sozinho quando a JVM termina.
parent=$PPID
self=$$
(
  trap '' HUP INT TERM
  while kill -0 "$parent" 2>/dev/null && kill -0 "$self" 2>/dev/null; do sleep 1; done
  if tr '\\000' ' ' < "/proc/$self/cmdline" 2>/dev/null | grep -q '${MAIN_CLASS}'; then
    kill -KILL "$self" 2>/dev/null || true
  fi
) </dev/null >/dev/null 2>&1 &
# shellcheck disable=SC2086
exec "$java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \${RITO_TEST_SERVER_JAVA_OPTS:-} \\
  -cp ${shellQuote(`${libDir}/*`)} ${MAIN_CLASS} "$port" $flags
`;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function run(cmd: string, args: string[]): Promise<{ code: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd: path.dirname(TEST_SERVER_POM) });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), text }));
  });
}
