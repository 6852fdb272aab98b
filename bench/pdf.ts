/**
 * PDFs of an ofício.  Run: npx tsx bench/pdf.ts [N]
 *
 * The same ofício as bench/documentos.ts (the Notificação de Exigências with the
 * template tests' data), printed to PDF by Debian's Chromium N times on each
 * side, with 1 and with 4 in flight:
 *
 * - raw: playwright-core alone, on pages opened before timing (one per slot):
 *   setContent + page.pdf, what Chromium itself costs;
 * - rito: renderizarPdf (documentos/pdf.ts) as GET /v1/documentos/{id}?formato=pdf
 *   runs it: its browser and its pool of locked-down pages, warmed by as many
 *   PDFs at once as the raw side has pages.
 *
 * Prints PDFs per second (wall clock: the work is in Chromium's processes),
 * the ratio rito / raw and the machine's load.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { ARGS_CHROMIUM, caminhoChromium, fecharNavegador, renderizarPdf } from '../documentos/pdf';
import { renderizarPreparado, prepararDocumento } from '../documentos/render';
import { DADOS } from '../test/documentos/fixtures';
import { relatarRazao } from './resultado';

const N = Number(process.argv[2] ?? 40);
const NIVEIS = [1, 4];
const TIPO = 'notificacao-exigencias' as const;
const html = renderizarPreparado(prepararDocumento(TIPO, DADOS[TIPO], '2026-11-23'), { data: '2026-11-23', numero: 31, ano: 2026, unidade: 'COOIE-METROPOLITANA I' }).html;
const carga = () => loadavg().map((x) => x.toFixed(2)).join(' / ');

async function porSegundo(emVoo: number, f: (slot: number) => Promise<unknown>): Promise<number> {
  let feitos = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: emVoo }, async (_, slot) => {
      while (feitos < N) {
        feitos++;
        await f(slot);
      }
    }),
  );
  return N / ((performance.now() - t0) / 1000);
}

async function main() {
  console.log(`rito — PDF de ofício (${TIPO}, ${html.length.toLocaleString('pt-BR')} caracteres de HTML), Chromium do Debian, N = ${N} por lado e nível`);
  console.log(`carga da máquina (loadavg 1/5/15 min): ${carga()}`);
  const browser = await chromium.launch({ executablePath: caminhoChromium(), args: ARGS_CHROMIUM });
  try {
    const paginas = await Promise.all(
      Array.from({ length: Math.max(...NIVEIS) }, async () => {
        const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.emulateMedia({ media: 'print' });
        return page;
      }),
    );
    const bruto = async (slot: number) => {
      const page = paginas[slot];
      await page.setContent(html, { waitUntil: 'load' });
      return page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    };
    await bruto(0);
    // rito's browser started and its pool holding as many pages as the raw side opened.
    await Promise.all(paginas.map(() => renderizarPdf(html)));
    for (const emVoo of NIVEIS) {
      const b = await porSegundo(emVoo, bruto);
      const r = await porSegundo(emVoo, () => renderizarPdf(html));
      console.log(`${emVoo} em voo: bruto (playwright-core, páginas abertas) ${b.toFixed(1)} PDFs/s; rito (renderizarPdf) ${r.toFixed(1)} PDFs/s; razão ${(r / b).toFixed(2)}×`);
      relatarRazao(`PDF de ofício, ${emVoo} em voo`, r, b, 'PDFs/s', 0.8, 'bruto: playwright-core em páginas já abertas; tempo de parede');
    }
  } finally {
    await browser.close();
    await fecharNavegador();
  }
  console.log(`carga da máquina ao fim: ${carga()}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
