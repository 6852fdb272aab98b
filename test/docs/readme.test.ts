import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeComTabela } from '../../config/tabela';

const readme = fs.readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const ci = fs.readFileSync(path.resolve(__dirname, '../../.ci/run'), 'utf8');

describe('README', () => {
  it('lists every setting the code reads, as `rito config --atualizar-readme` writes it', () => {
    expect(readme).toBe(readmeComTabela(readme));
  });

  it('keeps exactly the two set-up commands, and CI runs the test one', () => {
    const bloco = readme.match(/## The two commands\n+```sh\n([\s\S]*?)```/);
    expect(bloco?.[1].trim().split('\n').map((l) => l.split('#')[0].trim())).toEqual(['npm start', 'npm test']);
    expect(ci.trim().split('\n').at(-1)).toBe('npm test');
  });
});
