/**
 * PDF of a stored document, rendered on demand by Debian's Chromium through
 * playwright-core (no browser of its own is downloaded). One browser per
 * process, started on first use and closed by fecharNavegador() (call it on
 * shutdown). Pages render in contexts with JavaScript disabled and every
 * network request refused, so the HTML can reach nothing outside; a page that
 * rendered well is kept for the next PDF (up to MAX_PAGINAS_SIMULTANEAS), since
 * opening a context and a page costs more than printing one (bench/pdf.ts). A
 * page carries nothing from one document to the next that matters: no script
 * ran, nothing was fetched, and setContent replaces the whole document.
 *
 * Page size and margins come from the document's CSS (@page: A4, 3 cm left,
 * 1,5 cm right, 2 cm top and bottom; page numbers from the second page on).
 */
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readSetting } from '../config/settings';

export const ARGS_CHROMIUM = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The CHROMIUM_PATH setting (config/settings.ts): Debian's /usr/bin/chromium unless set. */
export function caminhoChromium(env: NodeJS.ProcessEnv = process.env): string {
  return readSetting('CHROMIUM_PATH', env);
}

export class ChromiumIndisponivel extends Error {
  override readonly name = 'ChromiumIndisponivel';
}

function exigirExecutavel(caminho: string): void {
  try {
    const st = fs.statSync(caminho);
    if (!st.isFile()) throw new Error('não é um arquivo');
    fs.accessSync(caminho, fs.constants.X_OK);
  } catch {
    throw new ChromiumIndisponivel(
      `Chromium não encontrado em ${caminho}: não é possível gerar PDF. ` +
        'Instale-o com "apt-get install -y chromium" ou indique o executável na variável CHROMIUM_PATH.',
    );
  }
}

let navegador: Promise<Browser> | undefined;

async function abrirNavegador(): Promise<Browser> {
  const caminho = caminhoChromium();
  exigirExecutavel(caminho);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: caminho, args: ARGS_CHROMIUM, timeout: 60_000 });
  } catch (err) {
    throw new ChromiumIndisponivel(`Falha ao iniciar o Chromium (${caminho}) para gerar PDF: ${(err as Error).message}`);
  }
  browser.on('disconnected', () => {
    navegador = undefined;
    ociosas.length = 0;
  });
  return browser;
}

function obterNavegador(): Promise<Browser> {
  if (!navegador) {
    navegador = abrirNavegador();
    navegador.catch(() => {
      navegador = undefined; // a later call tries again (e.g. after Chromium is installed)
    });
  }
  return navegador;
}

// At most this many pages render at once (2-core machines; each page is a renderer process).
const MAX_PAGINAS_SIMULTANEAS = 4;
let ativas = 0;
const fila: Array<() => void> = [];

async function comVaga<T>(fn: () => Promise<T>): Promise<T> {
  if (ativas >= MAX_PAGINAS_SIMULTANEAS) await new Promise<void>((resolve) => fila.push(resolve));
  ativas++;
  try {
    return await fn();
  } finally {
    ativas--;
    fila.shift()?.();
  }
}

/** Pages that printed well, each in its own locked-down context, waiting for the next PDF. */
const ociosas: Page[] = [];

async function novaPagina(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
  try {
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    return page;
  } catch (err) {
    await context.close().catch(() => {});
    throw err;
  }
}

/** Renders an HTML document to a PDF (A4, margins and page numbers from its CSS). */
export async function renderizarPdf(html: string, opcoes: { timeoutMs?: number } = {}): Promise<Buffer> {
  const timeout = opcoes.timeoutMs ?? 30_000;
  return comVaga(async () => {
    const browser = await obterNavegador();
    let page = ociosas.pop();
    if (page && (page.isClosed() || page.context().browser() !== browser)) page = undefined;
    page ??= await novaPagina(browser);
    let reutilizavel = false;
    try {
      page.setDefaultTimeout(timeout);
      await page.setContent(html, { waitUntil: 'load', timeout });
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      reutilizavel = true;
      return Buffer.from(pdf);
    } finally {
      // A page that failed (a timeout, a crashed renderer) is never reused.
      if (reutilizavel && navegador && ociosas.length < MAX_PAGINAS_SIMULTANEAS) ociosas.push(page);
      else await page.context().close().catch(() => {});
    }
  });
}

/** Closes the process's browser, if one was started. Safe to call more than once. */
export async function fecharNavegador(): Promise<void> {
  const atual = navegador;
  navegador = undefined;
  ociosas.length = 0; // closed with their browser
  if (!atual) return;
  const browser = await atual.catch(() => undefined);
  await browser?.close().catch(() => {});
}
