/**
 * The ETAP and obligations rules are imported by workflow code: no clock, no
 * randomness, no I/O, no Intl, no Node built-ins; they import only each other,
 * the shared pure rules (../campos, ../calendario, ../identificadores/schemas) and zod.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RAIZ = resolve(__dirname, '../..');
// The rule modules of this work (the rite's own files in rules/etap are checked with the rites).
const ARQUIVOS = ['rules/etap/formacoes.ts', 'rules/etap/qualificacao.ts', 'rules/etap/docentes.ts', 'rules/etap/cobertura.ts', 'rules/etap/crt.ts', 'rules/etap/composicao.ts'];
const PASTAS = ['rules/obrigacoes'];
const fontes = () => [
  ...ARQUIVOS.filter((a) => existsSync(join(RAIZ, a))),
  ...PASTAS.filter((p) => existsSync(join(RAIZ, p))).flatMap((p) => readdirSync(join(RAIZ, p)).filter((f) => f.endsWith('.ts')).map((f) => `${p}/${f}`)),
];

describe('pureza das regras da ETAP e das obrigações periódicas', () => {
  it('fontes sem relógio, acaso, Intl, Node ou imports de fora', () => {
    const lista = fontes();
    expect(lista).toContain('rules/etap/qualificacao.ts');
    for (const onde of lista) {
      const codigo = readFileSync(join(RAIZ, onde), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(codigo, onde).not.toMatch(/Date\.now|new Date\s*\(|Math\.random|performance\.|process\.|Intl\.|setTimeout|setInterval|console\.|require\(|globalThis/);
      for (const [, origem] of codigo.matchAll(/from\s+'([^']+)'/g)) {
        expect(origem, onde).toMatch(/^zod$|^\.\/|^\.\.\/campos$|^\.\.\/calendario$|^\.\.\/identificadores\/schemas$|^\.\.\/etap\//);
      }
    }
  });
});
