/**
 * The browser of the pages' tests: Debian's Chromium driven by playwright-core
 * (no browser download), and on every page visited, `conferirPagina`:
 *
 * - axe-core over the page: no violation of impact serious or critical
 *   (WCAG 2.x A/AA rules, eMAG's ground), the rule and nodes named when one appears;
 * - no Content-Security-Policy violation reported by the browser;
 * - screenshots at 1280×800 and at a phone's 390×844, in .cache/screenshots
 *   (ignored by git), named after the page, and no horizontal scroll at either width.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { ARGS_CHROMIUM, caminhoChromium } from '../../documentos/pdf';
import { cachePath } from '../../tooling/cache';

const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const PASTA_CAPTURAS = cachePath('screenshots');

export async function abrirNavegador(): Promise<Browser> {
  return chromium.launch({ executablePath: caminhoChromium(), args: ARGS_CHROMIUM, timeout: 60_000 });
}

/** A browser context of its own (its own cookies: one person), at desktop size, collecting CSP violations. */
export async function novaPessoa(browser: Browser): Promise<{ contexto: BrowserContext; page: Page; violacoesCsp: string[] }> {
  const contexto = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'pt-BR' });
  const page = await contexto.newPage();
  // A shared 2-core machine under load answers an action (a workflow update) slowly: wait longer than Playwright's 30 s.
  page.setDefaultTimeout(90_000);
  const violacoesCsp: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violacoesCsp.push(m.text());
  });
  return { contexto, page, violacoesCsp };
}

/** axe, the CSP and both widths on the page now shown; `nome` names its screenshots. */
export async function conferirPagina(page: Page, nome: string, violacoesCsp: string[]): Promise<void> {
  // Evaluated through the DevTools protocol: the pages' CSP (no inline script) stays on, as users have it.
  await page.evaluate(AXE);
  const resultado = await page.evaluate(async () => {
    const r = await (globalThis as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown }[] }[] }> } }).axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      // The process page shows an issued document in a sandboxed iframe, where no script runs: axe would wait a
      // minute for an answer from inside it. The iframe itself (its title) is checked; the ofício's HTML is the document as issued.
      iframes: false,
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, alvos: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)) }));
  });
  const graves = resultado.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(graves, `${nome}: violações de acessibilidade graves: ${JSON.stringify(graves)}`).toEqual([]);
  expect(violacoesCsp, `${nome}: violações da CSP`).toEqual([]);

  fs.mkdirSync(PASTA_CAPTURAS, { recursive: true });
  const original = page.viewportSize() ?? { width: 1280, height: 800 };
  for (const [sufixo, tamanho] of [['1280', { width: 1280, height: 800 }], ['390', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(tamanho);
    const largura = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
    // The elements that stick out, named in the failure.
    const largos = largura > tamanho.width ? await page.evaluate(`[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > ${tamanho.width} + 1).slice(-5).map((e) => e.tagName + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'))`) : [];
    expect(largura, `${nome} a ${tamanho.width}px: rolagem horizontal (${JSON.stringify(largos)})`).toBeLessThanOrEqual(tamanho.width);
    await page.screenshot({ path: path.join(PASTA_CAPTURAS, `${nome}-${sufixo}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
}

/** Logs in through the login page, as a person does, and waits for the page it lands on. */
export async function entrarPelaPagina(page: Page, baseUrl: string, email: string, senha: string, destino: RegExp): Promise<void> {
  await page.goto(`${baseUrl}/entrar`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Senha').fill(senha);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL(destino);
}

/** The home page each role lands on after logging in (paginas/rotas/inicio.ts). */
export const PAGINA_INICIAL = /\/(portal|caixa|painel|calendario)$/;

/** A new person (own browser context) logged in through the page, on his home page. */
export async function novaPessoaQueEntrou(browser: Browser, baseUrl: string, email: string, senha: string, destino: RegExp = PAGINA_INICIAL) {
  const pessoa = await novaPessoa(browser);
  await entrarPelaPagina(pessoa.page, baseUrl, email, senha, destino);
  return pessoa;
}

/** The link an e-mail to `para` carries (the first after `depoisDe` messages), pointed at this test's server. */
export async function linkDoEmail(
  smtp: { aguardar(para: string, o?: { depoisDe?: number; timeoutMs?: number }): Promise<{ texto: string }> },
  baseUrl: string,
  para: string,
  padrao: RegExp,
  depoisDe = 0,
): Promise<string> {
  const m = await smtp.aguardar(para, { depoisDe, timeoutMs: 60_000 });
  const link = padrao.exec(m.texto)?.[0];
  expect(link, m.texto).toBeTruthy();
  return link!.replace(/^https?:\/\/[^/]+/, baseUrl);
}
