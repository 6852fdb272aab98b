/**
 * Test helper: the "Habilitação de Docente", "Relatório Anual", "RGA" and ETAP
 * sections of seed 003 (lines 19–42 and 88–181 of
 * /work/shared/seeds/003_59d578fdd43e2272.txt), copied verbatim into
 * fixtures/seed-003-etap.txt so the tests run without the shared folder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CAMINHO_SEED_COMPARTILHADA = '/work/shared/seeds/003_59d578fdd43e2272.txt';
export const SEED_ETAP = readFileSync(join(__dirname, 'fixtures', 'seed-003-etap.txt'), 'utf8');
export const LINHAS = SEED_ETAP.split('\n').map((l) => l.replace(/\r$/, ''));

/** Lines from the one starting with `inicio` (exclusive) to the next one starting with `fim`. */
export function entre(inicio: string, fim: string): string[] {
  const i = LINHAS.findIndex((l) => l.startsWith(inicio));
  if (i < 0) throw new Error(`não encontrado: ${inicio}`);
  const j = LINHAS.findIndex((l, k) => k > i && l.startsWith(fim));
  return LINHAS.slice(i + 1, j < 0 ? LINHAS.length : j);
}

/** "a) texto;" lines of a block → [{ alinea, texto }] without the final ";" or ".". */
export function alineas(linhas: readonly string[]): { alinea: string; texto: string }[] {
  return linhas
    .map((l) => /^([a-z])\) (.*?)[;.]?$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ alinea: m[1], texto: m[2] }));
}
