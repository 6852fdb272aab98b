/**
 * The identifier and date rules must be importable from Temporal workflow code: no Node
 * built-ins, no I/O, no clock, no randomness, no locale data. This scans their sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const raiz = join(__dirname, '..', '..');
const arquivos = [
  ...readdirSync(join(raiz, 'rules/identificadores'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join('rules/identificadores', f)),
  'rules/datas/extenso.ts',
];

function semComentarios(codigo: string): string {
  return codigo.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

const PROIBIDOS: ReadonlyArray<[RegExp, string]> = [
  [/\brequire\s*\(/, 'require()'],
  [/\bimport\s*\(/, 'dynamic import'],
  [/\bprocess\./, 'process'],
  [/\bDate\b/, 'Date'],
  [/\bMath\.random\b/, 'Math.random'],
  [/\bIntl\b/, 'Intl'],
  [/\btoLocale\w*\b/, 'toLocale*'],
  [/\b(setTimeout|setInterval|fetch|globalThis|Buffer)\b/, 'host API'],
];

describe('pureza das regras (workflow-safe)', () => {
  it.each(arquivos)('%s imports only relative modules and zod', (arquivo) => {
    const codigo = readFileSync(join(raiz, arquivo), 'utf8');
    const modulos = [...codigo.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    for (const m of modulos) expect(m === 'zod' || m!.startsWith('./'), `${arquivo} imports ${m}`).toBe(true);
  });

  it.each(arquivos)('%s uses no clock, randomness, locale data or host API', (arquivo) => {
    const codigo = semComentarios(readFileSync(join(raiz, arquivo), 'utf8'));
    for (const [re, nome] of PROIBIDOS) expect(re.test(codigo), `${arquivo} uses ${nome}`).toBe(false);
  });
});
