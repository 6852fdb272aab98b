/**
 * package-lock.json is one that `npm ci` accepts on any machine: it lists
 * every platform's optional packages (@swc/core-*, @rollup/rollup-*,
 * @esbuild/*, @node-rs/argon2-*), not only this machine's.
 *
 * npm drops silently, while it writes a lockfile, an optional dependency whose
 * metadata the registry does not serve at that moment (a 404 or ETARGET from a
 * partial mirror). `npm ci` elsewhere, with a registry that does serve it,
 * then finds the lockfile "out of sync" ("Missing: … from lock file") and
 * refuses to install. This is the same check, without the network: each
 * optionalDependency of each locked package must resolve to a locked package.
 *
 * Also: every locked package with an install script is approved or denied
 * explicitly in package.json "allowScripts" (npm install-scripts).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RAIZ = resolve(__dirname, '../..');
const lerJson = (arquivo: string) => JSON.parse(readFileSync(join(RAIZ, arquivo), 'utf8'));

interface Entrada {
  version?: string;
  optional?: boolean;
  hasInstallScript?: boolean;
  resolved?: string;
  link?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

const pacote = lerJson('package.json');
const lock = lerJson('package-lock.json') as { lockfileVersion: number; packages: Record<string, Entrada> };

/** Where npm finds `nome` for the package at `caminho`: its own node_modules, then each ancestor's, up to the root. */
function resolver(caminho: string, nome: string): string | undefined {
  let base = caminho;
  for (;;) {
    const candidato = `${base ? `${base}/` : ''}node_modules/${nome}`;
    if (lock.packages[candidato]) return candidato;
    if (!base) return undefined;
    const i = base.lastIndexOf('/node_modules/');
    base = i < 0 ? '' : base.slice(0, i);
  }
}

describe('package-lock.json', () => {
  it('is a v3 lockfile of this package.json', () => {
    expect(lock.lockfileVersion).toBe(3);
    const raiz = lock.packages[''] as Entrada & { devDependencies?: Record<string, string>; engines?: Record<string, string> };
    expect(raiz.dependencies).toEqual(pacote.dependencies);
    expect(raiz.devDependencies).toEqual(pacote.devDependencies);
    expect(raiz.engines).toEqual(pacote.engines);
  });

  it("lists every platform's optional packages, so that npm ci accepts it anywhere", () => {
    const faltando: string[] = [];
    for (const [caminho, entrada] of Object.entries(lock.packages)) {
      for (const [nome, versao] of Object.entries(entrada.optionalDependencies ?? {})) {
        if (!resolver(caminho, nome)) faltando.push(`${nome}@${versao} (de ${caminho || 'package.json'})`);
      }
    }
    expect(faltando, 'regere o lockfile: npm install --package-lock-only, com um registro que sirva todos os pacotes').toEqual([]);
    // The ones this used to lack, by name.
    for (const nome of ['@swc/core-darwin-arm64', '@swc/core-win32-x64-msvc', '@rollup/rollup-darwin-arm64', '@rollup/rollup-linux-x64-musl', '@esbuild/win32-x64']) {
      expect(Object.keys(lock.packages)).toContain(`node_modules/${nome}`);
    }
  });

  it('approves each install script explicitly in allowScripts', () => {
    const comScript = Object.entries(lock.packages)
      .filter(([, e]) => e.hasInstallScript)
      .map(([caminho]) => caminho.slice(caminho.lastIndexOf('node_modules/') + 'node_modules/'.length))
      .sort();
    expect(comScript).toEqual(Object.keys(pacote.allowScripts).sort());
    for (const valor of Object.values(pacote.allowScripts)) expect(typeof valor).toBe('boolean');
  });
});
