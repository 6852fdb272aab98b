/**
 * One row of issue 16's table, printed by the benchmark that measured it, so
 * that `npm run bench` (bench/todos.ts) gathers every row of one run into one
 * table: the path, rito's figure, the raw engine's, their ratio and the goal.
 */
import { loadavg } from 'node:os';

export interface LinhaDaTabela {
  /** The path measured, as the table names it: 'GET /v1/processos, 16 conexões'. */
  caminho: string;
  /** rito's figure and the raw engine's, in the same unit ('req/s', 'prazos/s'). */
  rito: number;
  bruto: number | null;
  unidade: string;
  /** rito / raw when higher is better; raw / rito for costs (the caller says which with `menorMelhor`). */
  razao: number | null;
  /** The goal, as a ratio (0.8 for ≥ 0,8×) or as a bound in the unit (`metaTexto` says which). */
  meta: number | null;
  metaTexto: string;
  /** Whether the goal is met. */
  atingida: boolean | null;
  /** What the row rests on (raw side, load, conditions). */
  nota?: string;
}

/** The marker bench/todos.ts looks for in a benchmark's output. */
export const MARCA = '#tabela ';

export function relatarLinha(l: Omit<LinhaDaTabela, 'nota'> & { nota?: string }): void {
  const carga = loadavg()[0].toFixed(2);
  process.stdout.write(`${MARCA}${JSON.stringify({ ...l, nota: [l.nota, `carga ${carga}`].filter(Boolean).join('; ') })}\n`);
}

/** A ratio row: rito and raw in the same unit, higher is better, goal `meta`×. */
export function relatarRazao(caminho: string, rito: number, bruto: number, unidade: string, meta: number, nota?: string): void {
  const razao = rito / bruto;
  relatarLinha({ caminho, rito, bruto, unidade, razao, meta, metaTexto: `≥ ${meta.toLocaleString('pt-BR')}×`, atingida: razao >= meta, nota });
}
