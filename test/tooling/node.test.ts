/**
 * The Node.js rito runs on: the one of package.json "engines" (Node 24 LTS),
 * checked by the suite itself, and the pt-BR refusal of `npm start`,
 * `npm test` and `rito` on an older one (tooling/node-version.cjs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RAIZ = resolve(__dirname, '../..');
const pacote = JSON.parse(readFileSync(join(RAIZ, 'package.json'), 'utf8'));
const { minimumMajor } = require(join(RAIZ, 'tooling/node-version.cjs')) as { minimumMajor(): number };

describe('Node.js', () => {
  it('engines ask for Node 24 or newer, and the tests run on such a Node', () => {
    expect(pacote.engines.node).toBe('>=24');
    expect(minimumMajor()).toBe(24);
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(minimumMajor());
    // The Node that `npm test` spawns for child processes is this one too.
    expect(execFileSync(process.execPath, ['--version'], { encoding: 'utf8' }).trim()).toBe(process.version);
  });

  it('the Dockerfile builds on the same major', () => {
    const dockerfile = readFileSync(join(RAIZ, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(new RegExp(`^FROM node:${minimumMajor()}-`, 'm'));
  });

  // An older Node is simulated by changing what process.versions.node reports before the check runs.
  const comNodeAntigo = (entrada: string, args: string[] = []) =>
    spawnSync(
      process.execPath,
      ['-e', `Object.defineProperty(process.versions, 'node', { value: '20.19.0' }); process.argv.splice(1, 0, ${JSON.stringify(entrada)}); require(${JSON.stringify(entrada)})`, '--', ...args],
      { cwd: RAIZ, encoding: 'utf8', timeout: 30_000 },
    );

  it.each([
    ['npm start / npm test', 'tooling/bootstrap.cjs', ['test']],
    ['rito', 'bin/rito', ['--help']],
  ])('%s on Node 20 stops at once with a pt-BR message naming Node 24', (_nome, arquivo, args) => {
    const r = comNodeAntigo(join(RAIZ, arquivo), args);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('o rito precisa do Node.js 24 (LTS) ou mais novo; este é o Node.js v20.19.0');
  });
});
