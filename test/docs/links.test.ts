/**
 * The README and docs/ work from a fresh clone: every relative link points to
 * a file of the repository, and nothing points outside it (a clone has no
 * ../shared beside it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const raiz = path.resolve(__dirname, '../..');
const documentos = ['README.md', ...fs.readdirSync(path.join(raiz, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

describe.each(documentos)('%s', (arquivo) => {
  const texto = fs.readFileSync(path.join(raiz, arquivo), 'utf8');

  it('links only to files of the repository', () => {
    const alvos = [...texto.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((a) => !/^(https?:|mailto:|#)/.test(a));
    for (const alvo of alvos) {
      const caminho = path.resolve(path.dirname(path.join(raiz, arquivo)), alvo.split('#')[0]);
      expect(path.relative(raiz, caminho).startsWith('..'), `${alvo} fica fora do repositório`).toBe(false);
      expect(fs.existsSync(caminho), `${alvo} não existe`).toBe(true);
    }
  });

  it('names no path outside the repository', () => {
    expect(texto).not.toMatch(/\.\.\/shared\b/);
  });
});

it('the README links to the guide to the domain', () => {
  expect(fs.readFileSync(path.join(raiz, 'README.md'), 'utf8')).toContain('](docs/dominio.md)');
});
