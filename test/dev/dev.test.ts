/**
 * `rito dev` as `npm start` runs it, as a real process: on a fresh data dir
 * (embedded PGlite) it makes the demo of `rito seed demo` and prints its
 * accounts and passwords with the URLs, and those passwords log in; a second
 * start on the same data dir creates nothing and prints no password. The
 * Temporal server is the one of the global setup (TEMPORAL_ADDRESS), so only
 * the database is started by `rito dev` here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { PESSOAS_DEMO } from '../../cli/seed';
import { freeLoopbackPort } from '../../tooling/cache';

const raiz = path.resolve(__dirname, '../..');
const dados = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-dev-'));
const vivos = new Set<ChildProcess>();

afterAll(async () => {
  for (const p of vivos) p.kill('SIGKILL');
  fs.rmSync(dados, { recursive: true, force: true });
});

interface Execucao {
  saida: string;
  api: string;
  /** SIGINT, then the exit code. */
  parar(): Promise<number | null>;
}

/** Starts `rito dev` and waits for its URL block. */
async function dev(env: Record<string, string>): Promise<Execucao> {
  const filho = spawn(process.execPath, [path.join(raiz, 'bin/rito'), 'dev'], {
    cwd: raiz,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  vivos.add(filho);
  let saida = '';
  let erros = '';
  filho.stdout!.on('data', (d) => (saida += d));
  filho.stderr!.on('data', (d) => (erros += d));
  const fim = new Promise<number | null>((resolve) => filho.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`rito dev não ficou pronto em 120 s:\n${erros}\n${saida}`)), 120_000);
    const ver = () => {
      if (saida.includes('Ctrl-C encerra tudo.')) {
        clearTimeout(t);
        resolve();
      }
    };
    filho.stdout!.on('data', ver);
    fim.then((code) => {
      clearTimeout(t);
      reject(new Error(`rito dev saiu com código ${code} antes de ficar pronto:\n${erros}\n${saida}`));
    });
  });
  const api = /^\s+API:\s+(\S+)/m.exec(saida)![1];
  return {
    saida,
    api,
    async parar() {
      filho.kill('SIGINT');
      const code = await fim;
      vivos.delete(filho);
      return code;
    },
  };
}

it('seeds the demo on a fresh data dir, prints the accounts with the URLs, and does not reseed on the next start', async () => {
  const env = {
    RITO_DATA_DIR: dados,
    EMBEDDED_PG_PORT: String(await freeLoopbackPort()),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: `rito-dev-test-${randomBytes(4).toString('hex')}`,
    PORT: '0',
    LOG_LEVEL: 'warn',
  };

  const primeira = await dev(env);
  const senhas = Object.fromEntries([...primeira.saida.matchAll(/^\s+(\S+@\S+)\s+senha: (\S+)/gm)].map((m) => [m[1], m[2]]));
  expect(Object.keys(senhas).sort()).toEqual(PESSOAS_DEMO.map((p) => p.email).sort());
  // The accounts come after the URLs, in the same block.
  expect(primeira.saida.indexOf('Prontidão:')).toBeLessThan(primeira.saida.indexOf('senha:'));
  expect((await fetch(`${primeira.api}/ready`)).status).toBe(200);
  // The pages first, then the API; without SMTP, the development mailbox page.
  const paginas = /^\s+Páginas:\s+(\S+)/m.exec(primeira.saida)![1];
  expect(primeira.saida.indexOf('Páginas:')).toBeLessThan(primeira.saida.indexOf('API:'));
  expect((await fetch(`${paginas}entrar`)).status).toBe(200);
  expect((await fetch(`${primeira.api}/correio`)).status).toBe(200);
  const login = await fetch(`${primeira.api}/v1/sessoes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'inspetora@rito.demo', senha: senhas['inspetora@rito.demo'] }),
  });
  expect(login.status).toBe(201);
  expect(await primeira.parar()).toBe(0);
  // Without TEMPORAL_CHAVES, the key that encrypts what goes to Temporal was generated into the data dir (runtime/codec.ts)…
  const chave = fs.readFileSync(path.join(dados, 'temporal-chaves'), 'utf8');
  expect(chave).toMatch(/^dev:[A-Za-z0-9+/]{43}=\n$/);

  const segunda = await dev(env);
  expect(segunda.saida).not.toMatch(/senha: /);
  expect(segunda.saida).toContain('rito seed demo');
  // Same accounts, same passwords: nothing was reset.
  const deNovo = await fetch(`${segunda.api}/v1/sessoes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'inspetora@rito.demo', senha: senhas['inspetora@rito.demo'] }),
  });
  expect(deNovo.status).toBe(201);
  expect(await segunda.parar()).toBe(0);
  // …and reused on the next start (the processes it encrypted stay readable).
  expect(fs.readFileSync(path.join(dados, 'temporal-chaves'), 'utf8')).toBe(chave);
}, 300_000);
