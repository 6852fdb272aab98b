/**
 * Security headers (issue 17, defect 8; api/plugins/cabecalhos.ts): on JSON
 * answers (also refusals), on Swagger UI at /docs (which must still work under
 * the CSP: opened in Chromium, it renders every one of the API's operations with
 * no CSP violation), on a document's HTML and PDF; HSTS only over https.
 */
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { emitirDocumento } from '../../documentos/emissao';
import { ARGS_CHROMIUM, caminhoChromium } from '../../documentos/pdf';
import { DADOS } from '../documentos/fixtures';
import { type Conta, type Resposta, startTestSystem, type TestSystem } from '../support/system';
import { abrirProcesso } from '../support/abertura';

const CNPJ = '11222333000181';
// A school of this file only: the process's workflow id comes from CNPJ and INEP, and test files share one Temporal server.
const INEP = `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
let sys: TestSystem;
let rep: Conta;
let processo: string;
let documento: string;

beforeAll(async () => {
  sys = await startTestSystem();
  rep = await sys.conta({ papeis: ['representante'], instituicoes: [CNPJ] });
  processo = await abrirProcesso(sys, rep, { cnpj: CNPJ, codigoInep: INEP });
  documento = (
    await emitirDocumento(sys.db, {
      chave: `cabecalhos:${processo}`,
      processoId: processo,
      tipo: 'notificacao-exigencias',
      unidade: 'METROPOLITANA I',
      dados: DADOS['notificacao-exigencias'],
      emitidoPor: rep.id,
      emitidoEm: '2026-11-23T10:00:00-03:00',
    })
  ).id;
}, 180_000);

afterAll(async () => {
  await sys?.stop();
});

/** What the page walk below uses of the browser's window (the project's types carry no DOM). */
interface Janela {
  innerHeight: number;
  scrollY: number;
  scrollBy(x: number, y: number): void;
  requestAnimationFrame(f: () => void): number;
}

function diretivas(csp: string | null): Map<string, string> {
  expect(csp, 'Content-Security-Policy').toBeTruthy();
  return new Map(
    csp!
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [nome, ...valores] = d.split(/\s+/);
        return [nome!.toLowerCase(), valores.join(' ')] as [string, string];
      }),
  );
}

function comuns(r: Resposta) {
  expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  expect(r.headers.get('x-frame-options')).toBe('DENY');
  expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  expect(r.headers.get('strict-transport-security'), 'sem HSTS em http').toBeNull();
  const csp = diretivas(r.headers.get('content-security-policy'));
  expect(csp.get('frame-ancestors')).toBe("'none'");
  return csp;
}

describe('security headers', () => {
  it('on a JSON answer with personal data: CSP of our own origin only, nosniff, no framing, no-store', async () => {
    const r = await sys.request('GET', `/v1/processos/${processo}`, { as: rep });
    expect(r.status).toBe(200);
    const csp = comuns(r);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect([...csp.values()].join(' '), 'nada de CDN nem inline').not.toMatch(/https:|\*|unsafe-inline|unsafe-eval/);
    expect(r.headers.get('cache-control')).toContain('no-store');
  });

  it('on refusals and on other JSON routes too', async () => {
    for (const [url, status] of [
      [`/v1/processos/${processo}`, 401],
      ['/v1/nao-existe', 404],
      ['/v1/calendario/2026', 401],
    ] as const) {
      const r = await sys.request('GET', url);
      expect(r.status, url).toBe(status);
      comuns(r);
      expect(r.headers.get('cache-control'), url).toContain('no-store');
    }
    const h = await sys.request('GET', '/health');
    comuns(h);
  });

  it('on /docs and its OpenAPI document', async () => {
    for (const url of ['/docs', '/docs/json', '/docs/static/swagger-ui-bundle.js']) {
      const r = await sys.request('GET', url);
      expect(r.status, url).toBe(200);
      const csp = comuns(r);
      // Swagger UI applies inline styles as it renders: allowed under /docs only; scripts stay our own files.
      expect(csp.get('script-src'), url).toBe("'self'");
    }
  });

  it('Swagger UI at /docs still works under the CSP (Chromium renders every operation, no violation)', async () => {
    const caminhos = new Set(Object.keys((await sys.request('GET', '/docs/json')).body.paths as object));
    const browser = await chromium.launch({ executablePath: caminhoChromium(), args: ARGS_CHROMIUM, timeout: 60_000 });
    try {
      const page = await browser.newPage();
      const violacoes: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violacoes.push(m.text());
      });
      await page.goto(`${sys.baseUrl}/docs`);
      await page.waitForSelector('.opblock-summary-path', { timeout: 30_000 });
      // Swagger UI (5.34) virtualises a list of 150 or more tags and operations: only the rows near the viewport are in
      // the page at a time. So the page is walked to its end, and every path of the OpenAPI document must have rendered.
      const vistos = new Set<string>();
      let anterior = -1;
      for (let passo = 0; passo < 500; passo++) {
        for (const c of await page.locator('.opblock-summary-path').evaluateAll((es) => es.map((e) => e.getAttribute('data-path')))) {
          if (c) vistos.add(c);
        }
        const y = await page.evaluate(async () => {
          const w = globalThis as unknown as Janela;
          w.scrollBy(0, w.innerHeight / 2);
          await new Promise<void>((r) => w.requestAnimationFrame(() => w.requestAnimationFrame(r)));
          return w.scrollY;
        });
        if (y === anterior) break;
        anterior = y;
      }
      expect([...caminhos].filter((c) => !vistos.has(c)), 'caminhos que a página não mostrou').toEqual([]);
      expect(violacoes).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);

  it("on a document: HTML with its own stricter CSP (no script at all), PDF; both nosniff and no-store", async () => {
    const html = await sys.request('GET', `/v1/documentos/${documento}`, { as: rep });
    expect(html.status).toBe(200);
    const csp = comuns(html);
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.has('script-src')).toBe(false);
    expect(html.headers.get('cache-control')).toContain('no-store');
    const pdf = await sys.request('GET', `/v1/documentos/${documento}.pdf`, { as: rep });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    comuns(pdf);
    expect(pdf.headers.get('cache-control')).toContain('no-store');
  }, 60_000);

  it('HSTS only when the request came over https (through a proxy named in TRUST_PROXY)', async () => {
    const app = await buildApp(
      { db: sys.db, temporal: sys.temporal, taskQueue: sys.taskQueue, autenticador: createAutenticador(sys.db) },
      { trustProxy: ['127.0.0.1'] },
    );
    try {
      const https = await app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-proto': 'https' } });
      expect(https.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      const http = await app.inject({ method: 'GET', url: '/health' });
      expect(http.headers['strict-transport-security']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
