/** Runs a case of casos.ts through the engine and compares with what was worked out by hand. */
import { expect } from 'vitest';
import {
  calcularPrazo,
  cienciaTacita,
  dataMinimaVisita,
  prorrogarPrazo,
  tempestivo,
} from '../../rules/prazos';
import type { Caso, Esperado } from './casos';

export function executar(caso: Caso): Record<string, unknown> {
  switch (caso.tipo) {
    case 'calcular':
      return calcularPrazo(caso.entrada) as unknown as Record<string, unknown>;
    case 'prorrogar':
      return prorrogarPrazo(caso.entrada) as unknown as Record<string, unknown>;
    case 'ciencia':
      return cienciaTacita(caso.entrada) as unknown as Record<string, unknown>;
    case 'visita':
      return dataMinimaVisita(caso.entrada) as unknown as Record<string, unknown>;
    case 'tempestivo':
      return tempestivo(caso.entrada) as unknown as Record<string, unknown>;
  }
}

/** Checks a result object (from the engine or from the CLI's --json) against a case's expectations. */
export function conferir(r: Record<string, unknown>, e: Esperado): void {
  const campos = ['vencimento', 'limite', 'cienciaEfetiva', 'ciencia', 'tacita', 'data', 'tempestivo', 'concedida'] as const;
  for (const c of campos) if (e[c] !== undefined) expect(r[c], c).toEqual(e[c]);
  const naoUteis = r.naoUteis as { data: string; motivo: string }[];
  expect(Array.isArray(naoUteis), 'naoUteis é lista').toBe(true);
  for (const n of naoUteis) expect(n.motivo, `motivo de ${n.data}`).toBeTruthy();
  if (e.naoUteis) expect(naoUteis.map((n) => n.data), 'naoUteis').toEqual(e.naoUteis);
  if (e.motivos) {
    for (const [data, motivo] of Object.entries(e.motivos)) {
      expect(naoUteis.find((n) => n.data === data)?.motivo, `motivo de ${data}`).toBe(motivo);
    }
  }
  if (e.motivoContem) expect(String(r.motivo)).toContain(e.motivoContem);
  if (e.avisoContem) expect((r.avisos as string[]).join('\n')).toContain(e.avisoContem);
}
