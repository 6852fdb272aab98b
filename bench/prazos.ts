/**
 * Prazo engine throughput.  Run: npx tsx bench/prazos.ts [N]
 *
 * - cold: the first N calls of a fresh process over inputs spread across
 *   2020–2040 and several places, so every call may build a year's calendar;
 * - warm: the same inputs again, many times (calendars memoised);
 * - baseline: plain Date arithmetic on the same inputs (parse 'YYYY-MM-DD',
 *   add N days, format), no calendar at all — the floor any engine pays.
 */
import { entradasPrazo } from './entradas-prazo';
import { performance } from 'node:perf_hooks';

const N = Number(process.argv[2] ?? 2000);

const t0 = performance.now();
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { calcularPrazo } = require('../rules/prazos') as typeof import('../rules/prazos');
const tImport = performance.now() - t0;

type Entrada = Parameters<typeof calcularPrazo>[0];

// entradas-prazo imports only types from rules/: the engine's import cost above is measured alone.
const entradas = entradasPrazo;

function baseline(e: Entrada): string {
  const [y, m, d] = e.ciencia.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d) + e.dias * 86_400_000).toISOString().slice(0, 10);
}

function medir(rotulo: string, lista: Entrada[], repeticoes: number, f: (e: Entrada) => unknown): number {
  let sink = 0;
  const ini = performance.now();
  for (let k = 0; k < repeticoes; k++) for (const e of lista) sink += (f(e) as { length?: number }).length ?? 1;
  const ms = performance.now() - ini;
  const ops = (lista.length * repeticoes) / (ms / 1000);
  console.log(`${rotulo.padEnd(42)} ${String(lista.length * repeticoes).padStart(9)} chamadas  ${ms.toFixed(1).padStart(9)} ms  ${Math.round(ops).toLocaleString('pt-BR').padStart(12)} /s`);
  if (sink < 0) console.log(sink);
  return ops;
}

const lista = entradas(N);
console.log(`rito — benchmark do motor de prazos (Node ${process.version}, N = ${N})`);
console.log(`import de rules/prazos: ${tImport.toFixed(1)} ms`);
const frio = medir('calcularPrazo, frio (1ª passada)', lista, 1, calcularPrazo);
const quente = medir('calcularPrazo, quente', lista, Math.max(1, Math.round(200_000 / N)), calcularPrazo);
const corridos = lista.filter((e) => !e.uteis);
const uteis = lista.filter((e) => e.uteis);
medir('  só dias corridos, quente', corridos, Math.max(1, Math.round(100_000 / corridos.length)), calcularPrazo);
medir('  só dias úteis, quente', uteis, Math.max(1, Math.round(100_000 / uteis.length)), calcularPrazo);
const base = medir('baseline: Date + N dias (sem calendário)', lista, Math.max(1, Math.round(2_000_000 / N)), baseline);
console.log(`razão baseline / motor: frio ${(base / frio).toFixed(1)}×, quente ${(base / quente).toFixed(1)}×`);
