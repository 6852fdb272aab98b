/**
 * The Temporal SDK's own logs in tests go to a file, not to the test output:
 * worker state changes, webpack's bundle report, activity failures a test
 * provokes on purpose, the native core's warnings (an old test server, a task
 * already gone) and the deliberate non-determinism of the replay test. One
 * file per `npm test` run, named by test/global-setup.ts (under the cache
 * folder: .cache/test-logs/), which prints where it is; each line names the
 * test that was running when the entry reached the logger (the SDK hands
 * entries over up to 100 ms late).
 *
 * When a test fails, the SDK's warnings and errors logged while it ran (less
 * the ones it announced with `esperarNoLog`) are also written to stderr under
 * it, to explain the failure; a green run prints none of them.
 *
 * Import this module for its effect before a test process makes its first
 * Temporal worker, native connection or test environment (test/support/system.ts
 * and workflow-env.ts do; so do the tests that make their own). It installs the
 * process's Temporal Runtime with this logger; runtime/worker.ts then keeps it.
 */
import { DefaultLogger, type LogEntry, makeTelemetryFilterString, Runtime } from '@temporalio/worker';
import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { beforeEach, expect, inject } from 'vitest';
import { cachePath } from '../../tooling/cache';

const arquivo = inject('temporalLogFile') ?? cachePath('test-logs', `temporal-${process.pid}.log`);
fs.mkdirSync(path.dirname(arquivo), { recursive: true });

/** Messages a running test announced as expected, with why. */
const esperados: { padrao: RegExp; motivo: string }[] = [];

/**
 * Announces that the SDK will log a message matching `padrao` while the test
 * runs, and why: the file says so at once, labels each such message ESPERADO,
 * and none is shown even if the test fails. (The native core's last messages
 * before the Runtime shuts down, when its last worker stops, may never reach
 * the logger: the announcement stays in the file all the same.) Returns the
 * function that withdraws it, a second later: the core's messages reach the
 * logger up to 100 ms late.
 */
export function esperarNoLog(padrao: RegExp, motivo: string): () => void {
  const item = { padrao, motivo };
  esperados.push(item);
  fs.appendFileSync(arquivo, `${new Date().toISOString()} INFO  [${testeAtual()}] ESPERADO (${motivo}): mensagens que casam com ${padrao} vêm deste teste\n`);
  return () => {
    setTimeout(() => {
      const i = esperados.indexOf(item);
      if (i >= 0) esperados.splice(i, 1);
    }, 1000).unref();
  };
}

function testeAtual(): string {
  try {
    const { testPath, currentTestName } = expect.getState();
    const arquivoDoTeste = testPath ? path.relative(path.resolve(__dirname, '..'), testPath) : '?';
    return currentTestName ? `${arquivoDoTeste} > ${currentTestName}` : arquivoDoTeste;
  } catch {
    return '?';
  }
}

/** The WARN and ERROR lines of the test running now, shown if it fails (at most the first 40). */
const avisosDoTeste: string[] = [];
beforeEach(({ onTestFailed }) => {
  avisosDoTeste.length = 0;
  onTestFailed(async () => {
    // The SDK hands its entries to the logger after 100 ms (to sort them with the core's).
    await new Promise((r) => setTimeout(r, 300));
    if (!avisosDoTeste.length) return;
    process.stderr.write(
      `Temporal SDK: avisos e erros durante o teste que falhou (todos os registros em ${path.relative(process.cwd(), arquivo)}):\n${avisosDoTeste.join('')}`,
    );
  });
});

/** One entry, one line: time, level, test, component, message, metadata (an error's stack indented below). */
function escrever(entry: LogEntry): void {
  const quando = new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString();
  const { sdkComponent, ...resto } = entry.meta ?? {};
  const meta = Object.keys(resto).length ? ` ${inspect(resto, { breakLength: Infinity, compact: true, depth: 4 })}` : '';
  const texto = `${entry.message}${meta}`.replace(/\n/g, '\n    ');
  const esperado = esperados.find((e) => e.padrao.test(texto));
  const rotulo = esperado ? ` ESPERADO (${esperado.motivo}):` : '';
  const linha = `${quando} ${entry.level.padEnd(5)} [${testeAtual()}]${sdkComponent ? ` ${String(sdkComponent)}` : ''}${rotulo} ${texto}\n`;
  fs.appendFileSync(arquivo, linha);
  if ((entry.level === 'WARN' || entry.level === 'ERROR') && !esperado && avisosDoTeste.length < 40) avisosDoTeste.push(linha);
}

const instalado = Symbol.for('rito.test.temporalLog');
const global = globalThis as { [instalado]?: true };
if (!global[instalado]) {
  global[instalado] = true;
  Runtime.install({
    logger: new DefaultLogger('INFO', escrever),
    // The native core's logs too, forwarded to the same logger instead of printed.
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'INFO', other: 'WARN' }), forward: {} } },
  });
}
