/**
 * Where rito keeps things it downloads or builds (the cache) and the state of
 * `rito dev` (the data directory). Both live inside the repository by default
 * and are git-ignored; both can be moved with an environment variable
 * (RITO_CACHE_DIR, RITO_DATA_DIR: see config/settings.ts).
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { readSetting } from '../config/settings';

/** Root of the repository (this file lives in <repo>/tooling). */
export const repoRoot: string = path.resolve(__dirname, '..');

/** `RITO_CACHE_DIR` or `<repo>/.cache`. Not created by this function. */
export function cacheDir(): string {
  return path.resolve(readSetting('RITO_CACHE_DIR'));
}

/** `RITO_DATA_DIR` or `<repo>/.data`. Not created by this function. */
export function dataDir(): string {
  return path.resolve(readSetting('RITO_DATA_DIR'));
}

/** A path inside the cache directory; its parent directory is created. */
export function cachePath(...parts: string[]): string {
  const p = path.join(cacheDir(), ...parts);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  return p;
}

/** A path inside the data directory; its parent directory is created. */
export function dataPath(...parts: string[]): string {
  const p = path.join(dataDir(), ...parts);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  return p;
}

/** Is there an executable regular file at `p`? */
export function isExecutable(p: string): boolean {
  try {
    if (!fs.statSync(p).isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** First executable called `name` on PATH (plus `extraDirs`, searched after PATH), or undefined. */
export function findExecutable(name: string, extraDirs: string[] = []): string | undefined {
  const dirs = (process.env.PATH || '').split(path.delimiter).filter(Boolean).concat(extraDirs);
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn` while holding a lock directory, so that two rito processes (say
 * `npm start` and `npm test`) never build the same cached thing at once. A lock
 * left behind by a dead process is taken over. `onWait` is called once if the
 * lock is busy.
 */
export async function withCacheLock<T>(name: string, fn: () => Promise<T>, onWait?: () => void): Promise<T> {
  const lockDir = cachePath('locks', `${name}.lock`);
  const ownerFile = path.join(lockDir, 'pid');
  let waited = false;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(ownerFile, String(process.pid));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let owner = NaN;
      try {
        owner = Number(fs.readFileSync(ownerFile, 'utf8'));
      } catch {
        // The owner may be between mkdir and writeFile; judge it by the lock's age.
      }
      let ageMs = 0;
      try {
        ageMs = Date.now() - fs.statSync(lockDir).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      const stale = Number.isFinite(owner) && owner > 0 ? !pidAlive(owner) : ageMs > 10_000;
      if (stale) {
        fs.rmSync(lockDir, { recursive: true, force: true });
        continue;
      }
      if (!waited) {
        waited = true;
        onWait?.();
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Formats a duration in seconds for progress lines, e.g. "12,3 s". */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1).replace('.', ',')} s`;
}

/** A port that was free on 127.0.0.1 a moment ago (and is not in `avoid`). */
export async function freeLoopbackPort(avoid: number[] = []): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.on('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address() as net.AddressInfo;
        srv.close(() => resolve(port));
      });
    });
    if (!avoid.includes(port)) return port;
  }
}
