/**
 * The engine must be importable from Temporal workflow code: no I/O, no clock,
 * no randomness, no Node built-ins, no Intl. Checked two ways:
 *  - statically: the sources import only each other and use none of those APIs;
 *  - dynamically: an esbuild bundle for a neutral platform (a Node built-in
 *    would not resolve) runs the whole case table in a bare vm context where
 *    Date.now, Math.random, new Date() without arguments and Intl are gone,
 *    and gives the same results as in-process.
 */
import { buildSync } from 'esbuild';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { casos } from './casos';
import { executar } from './executar';

const RAIZ = resolve(__dirname, '../..');
const PASTAS = ['rules/prazos', 'rules/calendario'];

describe('pureza do motor', () => {
  it('fontes sem relógio, acaso, Intl, Node ou imports de fora', () => {
    for (const pasta of PASTAS) {
      for (const arq of readdirSync(join(RAIZ, pasta)).filter((f) => f.endsWith('.ts'))) {
        const codigo = readFileSync(join(RAIZ, pasta, arq), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        const onde = `${pasta}/${arq}`;
        expect(codigo, onde).not.toMatch(/Date\.now|new Date\s*\(|Math\.random|performance\.|process\.|Intl\.|setTimeout|setInterval|console\.|require\(|globalThis/);
        for (const [, origem] of codigo.matchAll(/from\s+'([^']+)'/g)) {
          expect(origem, onde).toMatch(/^\.\.?\//);
          expect(origem, onde).toMatch(/^\.\/|^\.\.\/calendario$/);
        }
      }
    }
  });

  it('roda a tabela de casos num contexto sem relógio, acaso nem Intl, com os mesmos resultados', () => {
    const entrada = `export * from ${JSON.stringify(join(RAIZ, 'rules/prazos/index.ts'))};`;
    const bundle = buildSync({
      stdin: { contents: entrada, resolveDir: RAIZ, loader: 'ts' },
      bundle: true,
      platform: 'neutral',
      format: 'iife',
      globalName: 'motor',
      write: false,
      logLevel: 'silent',
    });
    const codigo = bundle.outputFiles[0].text;
    const ctx = createContext({ entradas: JSON.stringify(casos.map((c) => ({ tipo: c.tipo, entrada: c.entrada }))) });
    runInContext(
      `
      const proibido = (nome) => () => { throw new Error('proibido em workflow: ' + nome); };
      const DateOriginal = Date;
      Date.now = proibido('Date.now');
      Math.random = proibido('Math.random');
      globalThis.Date = new Proxy(DateOriginal, {
        construct(alvo, args) { if (args.length === 0) throw new Error('proibido em workflow: new Date()'); return new alvo(...args); },
        apply() { throw new Error('proibido em workflow: Date()'); },
      });
      delete globalThis.Intl;
      ${codigo}
      const f = { calcular: motor.calcularPrazo, prorrogar: motor.prorrogarPrazo, ciencia: motor.cienciaTacita, visita: motor.dataMinimaVisita, tempestivo: motor.tempestivo };
      globalThis.saidas = JSON.stringify(JSON.parse(entradas).map((c) => f[c.tipo](c.entrada)));
      `,
      ctx,
    );
    const saidas = JSON.parse(ctx.saidas as string) as unknown[];
    expect(saidas).toHaveLength(casos.length);
    casos.forEach((caso, i) => expect(saidas[i], caso.id).toEqual(JSON.parse(JSON.stringify(executar(caso)))));
  });
});
