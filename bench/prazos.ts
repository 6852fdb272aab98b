/**
 * Prazo engine throughput.  Run: npx tsx bench/prazos.ts [N]
 *
 * - cold: the first N calls of a fresh process over inputs spread across
 *   2020–2040 and several places, so every call may build a year's index;
 * - warm: the same inputs again (each place's year indexes memoised);
 * - baseline: plain Date arithmetic on the same inputs (parse 'YYYY-MM-DD',
 *   add N days, format), no calendar at all — the floor any engine pays.
 *
 * Warm engine and baseline are measured alike: both warmed up first (the JIT
 * has optimised both), then the same number of calls in alternating rounds,
 * median of RODADAS. (Until issue 16 the baseline ran 10× as many calls as the
 * engine, right after the engine's first warm pass, so the engine's figure
 * carried its JIT warm-up and the baseline's did not.)
 */
import { loadavg } from 'node:os';
import { entradasPrazo } from './entradas-prazo';
import { performance } from 'node:perf_hooks';
import { relatarRazao } from './resultado';

const N = Number(process.argv[2] ?? 2000);
const RODADAS = 5;

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

let sink = 0;
const cpuMs = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
/** Wall-clock rates of the last rounds, beside the CPU ones. */
const paredes: number[][] = [];
function cronometrar(lista: Entrada[], repeticoes: number, f: (e: Entrada) => unknown, parede?: number[]): number {
  const ini = cpuMs();
  const iniParede = performance.now();
  for (let k = 0; k < repeticoes; k++) for (const e of lista) sink += (f(e) as { length?: number }).length ?? 1;
  const ms = cpuMs() - ini;
  parede?.push((lista.length * repeticoes) / ((performance.now() - iniParede) / 1000));
  return (lista.length * repeticoes) / (Math.max(ms, 0.001) / 1000);
}

const fmt = (ops: number) => Math.round(ops).toLocaleString('pt-BR').padStart(12);
const linha = (rotulo: string, chamadas: number, ops: number) => console.log(`${rotulo.padEnd(46)} ${String(chamadas).padStart(9)} chamadas  ${fmt(ops)} /s`);
const mediana = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Median of RODADAS rounds of each function, the rounds alternating between them. */
function medirLadoALado(lista: Entrada[], chamadas: number, fs: ((e: Entrada) => unknown)[]): number[] {
  const rep = Math.max(1, Math.round(chamadas / lista.length));
  for (const f of fs) cronometrar(lista, rep, f); // warm-up: both optimised before any round counts
  const rodadas = fs.map(() => [] as number[]);
  const parede = fs.map(() => [] as number[]);
  for (let r = 0; r < RODADAS; r++) fs.forEach((f, i) => rodadas[i].push(cronometrar(lista, rep, f, parede[i])));
  paredes.splice(0, paredes.length, ...parede);
  return rodadas.map(mediana);
}

const lista = entradas(N);
console.log(`rito — benchmark do motor de prazos (Node ${process.version}, N = ${N})`);
console.log(`carga da máquina (loadavg 1/5/15 min): ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`);
console.log(`import de rules/prazos: ${tImport.toFixed(1)} ms`);
const frio = cronometrar(lista, 1, calcularPrazo);
linha('calcularPrazo, frio (1ª passada)', lista.length, frio);
const CHAMADAS = 400_000;
const [quente, base] = medirLadoALado(lista, CHAMADAS, [calcularPrazo, baseline]);
const [quenteParede, baseParede] = paredes.map(mediana);
linha('calcularPrazo, quente (mediana)', CHAMADAS, quente);
const corridos = lista.filter((e) => !e.uteis);
const uteis = lista.filter((e) => e.uteis);
linha('  só dias corridos, quente', CHAMADAS / 2, medirLadoALado(corridos, CHAMADAS / 2, [calcularPrazo])[0]);
linha('  só dias úteis, quente', CHAMADAS / 2, medirLadoALado(uteis, CHAMADAS / 2, [calcularPrazo])[0]);
linha('baseline: Date + N dias (sem calendário)', CHAMADAS, base);
console.log(`(chamadas por segundo de CPU da thread principal; em tempo de parede: motor ${fmt(quenteParede).trim()} /s, baseline ${fmt(baseParede).trim()} /s)`);
console.log(`razão motor / baseline (rito / bruto): quente ${(quente / base).toFixed(2)}× (meta ≥ 1×; em tempo de parede ${(quenteParede / baseParede).toFixed(2)}×), frio ${(frio / base).toFixed(2)}×`);
console.log(`carga da máquina ao fim: ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`);
relatarRazao('motor de prazos, quente (calcularPrazo)', quente, base, 'prazos/s', 1, 'bruto: Date + N dias sem calendário; por segundo de CPU');
if (sink < 0) console.log(sink);
