/**
 * A throwaway PostgreSQL cluster for tests: `initdb` into a temporary
 * directory, `pg_ctl start` on a free 127.0.0.1 port with its unix socket in
 * that directory, a database `rito_test`, and stop() deletes it all.
 *
 * initdb refuses to run as root, so when we are root the cluster is created
 * and run by an unprivileged user (`postgres` when it exists, else `nobody`)
 * through `runuser` (or `setpriv`), owning the temporary directory.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { findExecutable, formatSeconds, freeLoopbackPort, isExecutable } from './cache';

export interface ThrowawayPostgres {
  /** postgresql://rito:<password>@127.0.0.1:<port>/rito_test */
  url: string;
  /** Same cluster, database `postgres` (to create more databases). */
  adminUrl: string;
  dataDir: string;
  /**
   * `pg_ctl restart -m immediate`: every backend is killed at once, as in a crash, and the server comes back on the
   * same port after recovery (the chaos drill, bench/caos.ts). Commits acknowledged before it survive only with
   * `commitDuravel`.
   */
  reiniciarImediatamente(): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'rito';
const DATABASE = 'rito_test';

/** Directory holding both initdb and pg_ctl: PATH first, then the newest /usr/lib/postgresql/<n>/bin. */
export function findPostgresBinDir(): string | undefined {
  const initdb = findExecutable('initdb');
  if (initdb) {
    const real = fs.realpathSync(initdb);
    for (const dir of [path.dirname(real), path.dirname(initdb)]) {
      if (isExecutable(path.join(dir, 'pg_ctl'))) return dir;
    }
  }
  const base = '/usr/lib/postgresql';
  let versions: string[] = [];
  try {
    versions = fs.readdirSync(base);
  } catch {
    return undefined;
  }
  versions.sort((a, b) => Number(b) - Number(a) || b.localeCompare(a));
  for (const v of versions) {
    const dir = path.join(base, v, 'bin');
    if (isExecutable(path.join(dir, 'initdb')) && isExecutable(path.join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}

interface RunAs {
  user?: string;
  uid: number;
  gid: number;
  /** Prefix that runs a command as that user ([] when we are not root). */
  prefix: string[];
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) return undefined;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

function runAs(): RunAs {
  const uid = process.getuid?.() ?? -1;
  if (uid !== 0) return { uid, gid: process.getgid?.() ?? -1, prefix: [] };
  for (const user of ['postgres', 'nobody']) {
    const ids = userIds(user);
    if (!ids) continue;
    const runuser = findExecutable('runuser', ['/usr/sbin', '/sbin']);
    if (runuser) return { user, ...ids, prefix: [runuser, '-u', user, '--'] };
    const setpriv = findExecutable('setpriv');
    if (setpriv) return { user, ...ids, prefix: [setpriv, `--reuid=${ids.uid}`, `--regid=${ids.gid}`, '--clear-groups', '--'] };
    throw new Error(
      'estamos rodando como root e o initdb do PostgreSQL se recusa a rodar como root; ' +
        'não encontrei `runuser` nem `setpriv` (pacote util-linux) para rodá-lo como outro usuário. ' +
        'Instale com `apt-get install -y util-linux`, ou rode os testes como um usuário comum.',
    );
  }
  throw new Error(
    'estamos rodando como root e o initdb do PostgreSQL se recusa a rodar como root; ' +
      'não existe usuário `postgres` nem `nobody` para rodá-lo. Crie um (`useradd -r postgres`) ' +
      'ou defina TEST_DATABASE_URL com um PostgreSQL já rodando.',
  );
}

function run(argv: string[], cwd: string): Promise<{ code: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), text }));
  });
}

function tail(text: string, lines = 20): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

export interface OpcoesPostgres {
  /**
   * Every commit acknowledged only once its WAL is written (synchronous_commit = on), as in a real deployment.
   * The suite's cluster acknowledges commits before that, for speed; an immediate restart then loses the last
   * fraction of a second of commits that a client was told were stored. The chaos drill restarts PostgreSQL that
   * way and asserts nothing acknowledged is lost, so it asks for this. (fsync stays off: the drill kills
   * processes, not the machine, and the OS keeps written pages through a process's death.)
   */
  commitDuravel?: boolean;
}

export async function startThrowawayPostgres(log: (msg: string) => void, opcoes: OpcoesPostgres = {}): Promise<ThrowawayPostgres> {
  const binDir = findPostgresBinDir();
  if (!binDir) {
    throw new Error(
      'não encontrei o servidor PostgreSQL (`initdb` e `pg_ctl`, no PATH ou em /usr/lib/postgresql/*/bin). ' +
        'Instale com `apt-get install -y postgresql` (Debian: PostgreSQL 15), ou defina TEST_DATABASE_URL ' +
        'apontando para um PostgreSQL já rodando.',
    );
  }
  const initdb = path.join(binDir, 'initdb');
  const pgCtl = path.join(binDir, 'pg_ctl');
  const as = runAs();
  const started = Date.now();
  log(`criando um PostgreSQL descartável (${binDir}${as.user ? `, como usuário ${as.user}` : ''})…`);

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-pg-'));
  const dataDir = path.join(root, 'data');
  const sockDir = path.join(root, 'sock');
  const logFile = path.join(root, 'postgres.log');
  const pwFile = path.join(root, 'pwfile');
  const password = crypto.randomBytes(18).toString('base64url');
  fs.mkdirSync(sockDir);
  fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  if (as.user) {
    for (const p of [root, sockDir, pwFile]) fs.chownSync(p, as.uid, as.gid);
  }

  const cmd = (exe: string, ...args: string[]) => [...as.prefix, exe, ...args];
  let running = false;
  const stopSync = () => {
    if (running) {
      const [exe, ...args] = cmd(pgCtl, '-D', dataDir, '-m', 'immediate', '-w', 'stop');
      spawnSync(exe, args, { cwd: root, stdio: 'ignore' });
      running = false;
    }
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  };
  // vitest exits straight away on Ctrl-C without running teardown; don't leave a cluster behind.
  // prepend: vitest's own 'exit' listener calls process.exit() again, which skips listeners after it.
  process.prependListener('exit', stopSync);

  try {
    const init = await run(
      cmd(initdb, '-D', dataDir, '-U', USER, `--pwfile=${pwFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-locale', '--no-sync'),
      root,
    );
    if (init.code !== 0) throw new Error(`o initdb falhou (código ${init.code}):\n${tail(init.text)}`);
    fs.rmSync(pwFile, { force: true });

    // Throwaway cluster: durability off, loopback only, socket inside our directory.
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freeLoopbackPort();
      fs.appendFileSync(
        path.join(dataDir, 'postgresql.conf'),
        [
          '',
          '# rito: throwaway test cluster (tooling/postgres.ts)',
          `port = ${port}`,
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${sockDir.replace(/'/g, "''")}'`,
          'fsync = off',
          `synchronous_commit = ${opcoes.commitDuravel ? 'on' : 'off'}`,
          'full_page_writes = off',
          'max_connections = 200',
          '',
        ].join('\n'),
      );
      const start = await run(cmd(pgCtl, '-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start'), root);
      if (start.code === 0) {
        running = true;
        break;
      }
      let serverLog = '';
      try {
        serverLog = fs.readFileSync(logFile, 'utf8');
      } catch {
        // no log yet
      }
      const portTaken = /could not bind|Address already in use/i.test(serverLog);
      if (!portTaken || attempt >= 3) {
        throw new Error(`o pg_ctl start falhou (código ${start.code}):\n${tail(start.text)}\n${tail(serverLog)}`);
      }
    }

    const adminUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await client.end();
    }
    log(`PostgreSQL descartável pronto em 127.0.0.1:${port} (${formatSeconds(Date.now() - started)})`);

    return {
      url,
      adminUrl,
      dataDir,
      async reiniciarImediatamente() {
        const r = await run(cmd(pgCtl, '-D', dataDir, '-l', logFile, '-m', 'immediate', '-w', '-t', '60', 'restart'), root);
        if (r.code !== 0) throw new Error(`o pg_ctl restart falhou (código ${r.code}):\n${tail(r.text)}`);
      },
      async stop() {
        process.off('exit', stopSync);
        if (running) {
          const r = await run(cmd(pgCtl, '-D', dataDir, '-m', 'immediate', '-w', 'stop'), root);
          if (r.code === 0) running = false;
        }
        stopSync();
      },
    };
  } catch (err) {
    process.off('exit', stopSync);
    stopSync();
    throw new Error(`não consegui criar o PostgreSQL descartável: ${err instanceof Error ? err.message : String(err)}`);
  }
}
