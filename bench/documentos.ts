/**
 * Rendering of an ofício to HTML.  Run: npx tsx bench/documentos.ts [N]
 *
 * The ofício is the Notificação de Exigências with the realistic data of the
 * template tests (test/documentos/fixtures.ts), about 7 kB of HTML. Compared:
 *
 * - raw: the compiled Handlebars template alone (the same .hbs, partials and
 *   helpers, compiled once by rito) applied to the finished context — what
 *   Handlebars itself costs;
 * - rito, prepared: renderizarPreparado, as emission runs it — the data were
 *   validated once before the number was taken; it builds the context (the
 *   identification, the date in words, the signatures, the derived prazos) and
 *   fills the template;
 * - rito, from raw data: renderizarDocumento, which also validates the data
 *   with the template's zod schema (a preview's path).
 *
 * Every side's HTML is checked equal before timing. Median of RODADAS rounds,
 * alternating between the sides, after a warm-up of each; the machine's load
 * is printed with the figures. Time is the main thread's CPU time
 * (process.threadCpuUsage), so that a shared machine's waits for a core do not
 * fall on one side by chance; the wall-clock ratio is printed too.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { OPCOES_EXECUCAO, contextoDoDocumento, prepararDocumento, renderizarDocumento, renderizarPreparado, templateCompilado } from '../documentos/render';
import { DADOS } from '../test/documentos/fixtures';
import { relatarRazao } from './resultado';

const N = Number(process.argv[2] ?? 20_000);
const RODADAS = 5;
const TIPO = 'notificacao-exigencias' as const;
const dados = DADOS[TIPO];
const ctx = { data: '2026-11-23', numero: 31, ano: 2026, unidade: 'COOIE-METROPOLITANA I' };

const template = templateCompilado(TIPO);
const preparado = prepararDocumento(TIPO, dados, ctx.data);
const { contexto } = contextoDoDocumento(preparado, ctx);

const lados: { rotulo: string; f: () => string }[] = [
  { rotulo: 'bruto: template Handlebars compilado, sozinho', f: () => template(contexto, OPCOES_EXECUCAO) },
  { rotulo: 'rito: renderizarPreparado (dados já validados)', f: () => renderizarPreparado(preparado, ctx).html },
  { rotulo: 'rito: renderizarDocumento (valida os dados)', f: () => renderizarDocumento(TIPO, dados, ctx).html },
];

const esperado = lados[0].f();
for (const l of lados) if (l.f() !== esperado) throw new Error(`${l.rotulo}: HTML diferente do bruto`);

let sink = 0;
const cpuMs = () => {
  const u = process.threadCpuUsage();
  return (u.user + u.system) / 1000;
};
function rodada(f: () => string, parede?: number[]): number {
  const ini = cpuMs();
  const iniParede = performance.now();
  for (let i = 0; i < N; i++) sink += f().length;
  parede?.push(N / ((performance.now() - iniParede) / 1000));
  return N / (Math.max(cpuMs() - ini, 0.001) / 1000);
}

const carga = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const fmt = (ops: number) => Math.round(ops).toLocaleString('pt-BR').padStart(10);
const mediana = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

console.log(`rito — renderização de ofício em HTML (${TIPO}, ${esperado.length.toLocaleString('pt-BR')} caracteres; Node ${process.version}, N = ${N})`);
console.log(`carga da máquina (loadavg 1/5/15 min): ${carga()}`);
for (const l of lados) rodada(l.f); // warm-up
const medidas = lados.map(() => [] as number[]);
const paredes = lados.map(() => [] as number[]);
for (let r = 0; r < RODADAS; r++) lados.forEach((l, i) => medidas[i].push(rodada(l.f, paredes[i])));
const [bruto, preparadoOps, completo] = medidas.map(mediana);
lados.forEach((l, i) => console.log(`${l.rotulo.padEnd(50)} ${fmt(mediana(medidas[i]))} /s`));
const [brutoP, preparadoP] = paredes.map(mediana);
console.log('(renderizações por segundo de CPU da thread principal)');
console.log(`razão rito / bruto: documento preparado ${(preparadoOps / bruto).toFixed(2)}× (meta ≥ 0,8×; em tempo de parede ${(preparadoP / brutoP).toFixed(2)}×); validando os dados ${(completo / bruto).toFixed(2)}×`);
console.log(`carga da máquina ao fim: ${carga()}`);
relatarRazao(`ofício em HTML (${TIPO}, mesma saída)`, preparadoOps, bruto, 'render/s', 0.8, 'bruto: o template compilado do Handlebars sozinho; por segundo de CPU');
if (sink < 0) console.log(sink);
