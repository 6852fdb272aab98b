#!/usr/bin/env node
/**
 * Entry point of `npm start` and `npm test`. Plain Node with no dependencies:
 * it runs before node_modules exists.
 *
 *   node tooling/bootstrap.cjs dev  [args]   →  node bin/rito dev [args]
 *   node tooling/bootstrap.cjs test [args]   →  vitest run [args]
 *
 * It first stops, with a pt-BR message, on a Node older than package.json's
 * "engines" (tooling/node-version.cjs). Then it installs the npm dependencies
 * (`npm ci`, or `npm install` without a lockfile) when node_modules is missing
 * or older than package-lock.json. The rest (Temporal CLI, PostgreSQL, the test
 * server) is provisioned by the command itself, from tooling/*.ts. Signals are
 * forwarded to the child and its exit code becomes ours.
 */
'use strict';

require('./node-version.cjs').requireSupportedNode('rito');

const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const nodeModules = path.join(root, 'node_modules');
const stampFile = path.join(nodeModules, '.rito-install-stamp');

function say(msg) {
  process.stderr.write(`rito: ${msg}\n`);
}

function mtimeMs(p) {
  try {
    return fs.statSync(p).mtimeMs;
  } catch {
    return undefined;
  }
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
}

/** Why the dependencies must be (re)installed, or undefined when they are current. */
function installReason(lockFile) {
  if (!fs.existsSync(nodeModules)) return 'node_modules não existe';
  // Our stamp, or npm's own record of its last install (a plain `npm install` by hand counts too).
  const stamps = [mtimeMs(stampFile), mtimeMs(path.join(nodeModules, '.package-lock.json'))].filter((t) => t !== undefined);
  if (stamps.length === 0) return 'node_modules incompleto';
  const installed = Math.max(...stamps);
  const wanted = mtimeMs(lockFile);
  // npm writes package-lock.json and node_modules/.package-lock.json a few ms apart, in either order.
  if (wanted !== undefined && wanted > installed + 2000) return `${path.basename(lockFile)} mudou desde a última instalação`;
  return undefined;
}

/** Runs npm with the same Node, preferring the npm that launched us (`npm start`/`npm test`). */
function npmCommand(args) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /npm-cli\.js$/.test(npmCli) && fs.existsSync(npmCli)) return [process.execPath, [npmCli, ...args]];
  return ['npm', args];
}

// The child runs in a process group of its own, so that a signal reaches it
// exactly once (from us) and reaches everything it started too: vitest's
// forks, the test servers. A Ctrl-C in the terminal therefore goes to npm and
// to us, not straight to the child.
let child;
const forwarded = new Map();
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if (err.code !== 'ESRCH') {
      try {
        process.kill(pid, signal);
      } catch {
        // already gone
      }
    }
  }
}
function forward(signal) {
  // npm passes the terminal's Ctrl-C on to us as well: forward each signal at most once per 500 ms.
  const now = Date.now();
  if (now - (forwarded.get(signal) ?? 0) < 500) return;
  forwarded.set(signal, now);
  // vitest cleans up on SIGINT/SIGTERM but not on SIGHUP (terminal closed): send SIGTERM for it.
  if (child && child.pid) signalGroup(child.pid, signal === 'SIGHUP' ? 'SIGTERM' : signal);
}
let interrupted;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    interrupted = interrupted ?? signal;
    forward(signal);
  });
}

// `npm start` runs us through `sh -c`; when npm itself is killed (SIGTERM from a
// service manager, a closed IDE), it takes the shell down and leaves us orphaned
// without a signal. A parent that changes means whoever started us is gone: stop.
const parentAtStart = process.ppid;
const orphanWatch = setInterval(() => {
  if (process.ppid === parentAtStart) return;
  // Once: a second SIGTERM would cut the child's clean shutdown short.
  clearInterval(orphanWatch);
  interrupted = interrupted ?? 'SIGTERM';
  forward('SIGTERM');
}, 1000);
orphanWatch.unref();

function exitCodeOf(code, signal) {
  if (code !== null) return code;
  return 128 + (os.constants.signals[signal] ?? 1);
}

/** Spawns in a new process group and waits; resolves with the exit code. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const proc = spawn(cmd, args, { cwd: root, stdio: 'inherit', detached: true });
    child = proc;
    proc.on('error', (err) => {
      say(`não consegui executar ${cmd}: ${err.message}`);
      child = undefined;
      resolve({ code: 127 });
    });
    proc.on('close', (code, signal) => {
      child = undefined;
      // Whatever the child left behind in its group (an orphaned test fork, say) goes too.
      if (proc.pid) signalGroup(proc.pid, 'SIGTERM');
      resolve({ code: exitCodeOf(code, signal) });
    });
  });
}

// `npm ci` installs exactly the lockfile. The lockfile lists every platform's
// optional packages (@swc/core-*, @rollup/rollup-*, @esbuild/*), which npm ci
// needs to accept it anywhere; test/tooling/lockfile.test.ts keeps it so.
async function ensureDependencies() {
  const lockFile = path.join(root, 'package-lock.json');
  const hasLock = fs.existsSync(lockFile);
  const reason = installReason(hasLock ? lockFile : path.join(root, 'package.json'));
  if (!reason) return;
  const started = Date.now();
  const how = hasLock ? 'npm ci' : 'npm install';
  say(`instalando dependências npm… (${reason}; ${how})`);
  const result = await run(...npmCommand([hasLock ? 'ci' : 'install', '--no-audit', '--no-fund']));
  if (result.code !== 0) {
    say(`a instalação das dependências npm falhou (${how}, código ${result.code})`);
    if (hasLock && !interrupted) {
      say('se o npm ci disse que package.json e package-lock.json não estão em sincronia, atualize o lockfile com `npm install` e faça commit dele');
    }
    process.exit(result.code);
  }
  fs.writeFileSync(stampFile, `${new Date().toISOString()}\n`);
  say(`dependências npm instaladas com ${how} (${seconds(Date.now() - started)})`);
}

async function main() {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode !== 'dev' && mode !== 'test') {
    say('uso: node tooling/bootstrap.cjs dev|test [argumentos]');
    return 2;
  }
  await ensureDependencies();
  if (interrupted) return exitCodeOf(null, interrupted);

  if (mode === 'dev') {
    say('iniciando `rito dev`…');
    return (await run(process.execPath, [path.join(root, 'bin', 'rito'), 'dev', ...rest])).code;
  }
  // `npx vitest run`, minus npx: vitest's own entry point, with the same Node.
  let vitest;
  try {
    const pkgJson = require.resolve('vitest/package.json', { paths: [root] });
    vitest = path.join(path.dirname(pkgJson), require(pkgJson).bin.vitest);
  } catch {
    say('o vitest não está em node_modules, mesmo depois de instalar as dependências npm');
    return 1;
  }
  return (await run(process.execPath, [vitest, 'run', ...rest])).code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    say(err && err.stack ? err.stack : String(err));
    process.exit(1);
  },
);
