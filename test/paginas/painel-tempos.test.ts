/**
 * The supervisor's "tempo nas fases" and the documents shown in the process
 * page, in Chromium, over real processes on the time-skipping server:
 *
 * - two vistoria processes opened through the API; the inspetora autua one two
 *   days later and, a day after that, notifies its exigências de forma; the
 *   other stays where it was opened. The page's figures (per phase, per unit,
 *   per inspetor) are compared with durations computed here from the read
 *   model's own rows (processo_evento: the abertura and each act's instant),
 *   the bars of each chart carry the same figures as their tables, and each
 *   table's CSV holds what the table shows.
 * - the process page shows the latest ofício in the page (an iframe of
 *   GET /v1/documentos/{id}, framed by our own origin only), with its PDF to
 *   download; for the representante, whose ciência is pending, it offers the
 *   button that registers it instead of opening the notice unasked.
 *
 * Every page is checked by axe and photographed at 1280 and 390 px (navegador.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { buildApp } from '../../api/app';
import { rotuloTipoProcesso } from '../../rules/processos/tipos';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { checklistForma } from '../support/checklists';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { ate } from '../e2e/http';
import { abrirNavegador, conferirPagina, novaPessoaQueEntrou } from './navegador';
import { sistemaDePaginas } from './sistema';

const CNPJ = '11222333000181';
const UNIDADE = 'METROPOLITANA I';
const RIO = '3304557';
const SENHA = `senha-de-teste-${randomUUID()}`;
const TIPO = 'apostilamento-endereco';
const DIA_MS = 86_400_000;
const endereco = { logradouro: 'Rua São Clemente, 100', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' };

type Quem = 'representante' | 'inspetor' | 'supervisor';
let w: WorkflowTestEnv;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let browser: Browser;
let contas: Record<Quem, { id: string; nome: string; email: string }>;
let api: Awaited<ReturnType<typeof sistemaDePaginas<Quem>>>['api'];
let autuado: string;
let parado: string;

/** pt-BR, one decimal: the page's own format (paginas/tempos.ts dias). */
const dias = (ms: number) => (Math.round((ms / DIA_MS) * 10) / 10).toLocaleString('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

async function abrir(inep: string): Promise<string> {
  const r = await api('POST', '/v1/processos', 'representante', {
    tipo: TIPO,
    instituicao: { cnpj: CNPJ, codigoInep: inep, nome: 'Colégio Exemplo', municipio: RIO, endereco, mantenedora: 'Sociedade Educacional Exemplo Ltda.' },
    unidade: UNIDADE,
    requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

async function agir(processo: string, acao: string, dados: unknown) {
  const r = await api('POST', `/v1/processos/${processo}/vistoria/${acao}`, 'inspetor', dados, { 'idempotency-key': `${acao}-${randomUUID()}` });
  expect(r.status, `${acao}: ${JSON.stringify(r.body)}`).toBe(200);
}

const saltarDias = async (n: number) => w.saltarAte(new Date(Date.parse(await w.agora()) + n * DIA_MS).toISOString());

/** The phase changes of a process as the read model holds them: [phase, entered at, left at (null: now)]. */
async function fasesNoModelo(processo: string) {
  const eventos = await w.db.selectFrom('processo_evento').selectAll().where('processo_id', '=', processo).orderBy('seq').execute();
  const def = ritoDoTipo(TIPO)!;
  const abertura = eventos.find((e) => e.tipo === 'abertura')!;
  const fases: { fase: string; inicio: number; fim: number | null; ator: string | null }[] = [{ fase: def.faseInicial, inicio: new Date(abertura.ocorrido_em).getTime(), fim: null, ator: null }];
  for (const e of eventos) {
    const d = e.dados as { de?: string; para?: string };
    if (!d.para || d.para === d.de) continue;
    const atual = fases.at(-1)!;
    atual.fim = new Date(e.ocorrido_em).getTime();
    atual.ator = e.ator;
    fases.push({ fase: d.para, inicio: atual.fim, fim: null, ator: null });
  }
  return fases;
}

beforeAll(async () => {
  w = await startWorkflowEnv();
  ({ app, baseUrl, contas, api } = await sistemaDePaginas<Quem>(w, {
    cnpj: CNPJ,
    senha: SENHA,
    pessoas: {
      representante: { nome: 'Maria Representante', papeis: ['representante'], unidade: null },
      inspetor: { nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: UNIDADE },
      supervisor: { nome: 'Sara Supervisora', papeis: ['supervisor'], unidade: null },
    },
    comSessao: ['representante', 'inspetor'],
  }));
  browser = await abrirNavegador();
  const inep = () => `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  autuado = await abrir(inep());
  parado = await abrir(inep());
  await saltarDias(2);
  await agir(autuado, 'autuar', { numeroSei: `SEI-030001/0${Math.floor(Math.random() * 90_000 + 10_000)}/2026` });
  await saltarDias(1);
  await agir(autuado, 'registrar-exigencias-forma', {
    checklist: checklistForma(TIPO),
    exigencias: [
      {
        codigo: 'laudo-seguranca',
        descricao: 'Apresentar laudo técnico de segurança e acessibilidade do imóvel anexado',
        motivacao: 'O laudo apresentado não abrange o imóvel contíguo que se pretende anexar.',
        baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VII',
      },
    ],
  });
  await ate(() => fasesNoModelo(autuado), (f) => f.length === 3, 'as duas mudanças de fase no modelo de leitura');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await w?.stop();
});

const entrar = (quem: Quem) => novaPessoaQueEntrou(browser, baseUrl, contas[quem].email, SENHA, /\/(portal|caixa|painel)$/);

describe('tempo nas fases', () => {
  it('a supervisora vê o tempo por fase, por unidade e por inspetor(a), em gráficos com as tabelas dos mesmos números, e os exporta em CSV', async () => {
    const def = ritoDoTipo(TIPO)!;
    const [inicial, analise] = await fasesNoModelo(autuado);
    const [paradoInicial] = await fasesNoModelo(parado);
    // Both phases the inspetora ended are the unit's decisions (someone of the unit to act, no prazo of the party).
    for (const f of [inicial!, analise!]) expect(def.fases[f.fase]!.aguardaPrazo).toBeNull();
    const rotulo = (f: string) => `${def.fases[f]!.rotulo} (${rotuloTipoProcesso(TIPO)})`;

    const { contexto, page, violacoesCsp } = await entrar('supervisor');
    try {
      await page.getByRole('link', { name: /Tempo nas fases/ }).click();
      await page.waitForURL(/\/painel\/tempos$/);
      await conferirPagina(page, 'painel-tempos', violacoesCsp);
      const celulas = async (tabela: string, linha: string) =>
        (await page.locator(`#tabela-tempo-${tabela} tr`, { has: page.locator('th', { hasText: new RegExp(`^${linha.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).locator('th, td').allTextContents()).map((t) => t.trim());

      // The análise de forma: one passage, ended by the notice of exigências a day after the autuação.
      const duracaoAnalise = analise!.fim! - analise!.inicio;
      expect(duracaoAnalise).toBeGreaterThanOrEqual(DIA_MS);
      expect(await celulas('fase', rotulo(analise!.fase))).toEqual([rotulo(analise!.fase), '1', '0', dias(duracaoAnalise), dias(duracaoAnalise), dias(duracaoAnalise)]);
      // The initial phase: two passages, one still running (the other process); the longest is the running one, counted to now.
      const inicialLinha = await celulas('fase', rotulo(inicial!.fase));
      expect(inicialLinha.slice(0, 3)).toEqual([rotulo(inicial!.fase), '2', '1']);
      expect(paradoInicial!.fim).toBeNull();

      // Per inspetor(a): the two decisions Ana ended (finished passages only), to the tenth of a day.
      const duracoes = [inicial!.fim! - inicial!.inicio, duracaoAnalise];
      expect(inicial!.ator).toBe(contas.inspetor.id);
      const media = (duracoes[0]! + duracoes[1]!) / 2;
      const linhaAna = await celulas('inspetor', 'Ana Inspetora');
      expect(linhaAna).toEqual(['Ana Inspetora', '2', '0', dias(media), dias(media), dias(Math.max(...duracoes))]);
      // Per unit: the same two passages plus the other process's initial phase, running.
      const linhaUnidade = await celulas('unidade', UNIDADE);
      expect(linhaUnidade.slice(0, 3)).toEqual([UNIDADE, '3', '1']);

      // Each chart's bars carry the figures of its table (the mean), one bar per row, in the same order.
      for (const tabela of ['fase', 'unidade', 'inspetor']) {
        const barras = await page.locator(`#grafico-${tabela} g`).evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-rotulo'), g.getAttribute('data-valor')]));
        const linhas = await page.locator(`#tabela-tempo-${tabela} tbody tr`).evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, `${tr.querySelectorAll('td')[2]!.textContent} dias`]));
        expect(barras, tabela).toEqual(linhas);
        expect(await page.locator(`#grafico-${tabela}`).getAttribute('role')).toBe('img');
      }
      const largura = async (quem: string) => Number(await page.locator(`#grafico-inspetor g[data-rotulo="${quem}"] rect`).getAttribute('width'));
      expect(await largura('Ana Inspetora')).toBeGreaterThan(0);

      // The CSV of each table holds the table's rows.
      for (const tabela of ['fase', 'unidade', 'inspetor']) {
        const href = await page.locator(`a[href^="/painel/tempos-${tabela}.csv"]`).getAttribute('href');
        const r = await page.request.get(`${baseUrl}${href}`);
        expect(r.status()).toBe(200);
        expect(r.headers()['content-type']).toBe('text/csv; charset=utf-8');
        const csv = (await r.body()).toString('utf8');
        const linhasCsv = csv.replace(/^\uFEFF/, '').trim().split('\r\n').slice(1).map((l) => l.split(';'));
        const linhasTabela = await page.locator(`#tabela-tempo-${tabela} tbody tr`).evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.trim())));
        expect(linhasCsv, tabela).toEqual(linhasTabela);
      }

      // High contrast (eMAG): the bars are repainted by the stylesheet (no colour is written in the SVG), and axe still passes.
      await page.getByRole('link', { name: 'Alto contraste' }).click();
      await page.waitForURL(/\/painel\/tempos$/);
      expect(await page.locator('#grafico-inspetor rect').first().evaluate((r) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(r).fill)).toBe('rgb(255, 255, 0)');
      await conferirPagina(page, 'painel-tempos-alto-contraste', violacoesCsp);
      await page.getByRole('link', { name: 'Contraste normal' }).click();
      await page.waitForURL(/\/painel\/tempos$/);

      // Filtered by a unit with no process, every table is empty.
      await page.locator('#tempos-unidade').selectOption('NORTE FLUMINENSE');
      await page.getByRole('button', { name: 'Atualizar' }).click();
      await page.waitForURL(/unidade=NORTE/);
      expect(await page.locator('table[id^="tabela-tempo-"]').count()).toBe(0);
    } finally {
      await contexto.close();
    }
  }, 180_000);
});

describe('documentos na página do processo', () => {
  it('a inspetora vê o ofício na própria página e baixa o PDF; o representante, com a ciência pendente, recebe o botão que a registra', async () => {
    const doc = await ate(
      () => w.db.selectFrom('documento').select(['id', 'identificacao']).where('processo_id', '=', autuado).orderBy('emitido_em', 'desc').execute(),
      (d) => d.length > 0,
      'ofício emitido',
    );
    const { contexto, page, violacoesCsp } = await entrar('inspetor');
    try {
      await page.goto(`${baseUrl}/processos/${autuado}`);
      const quadro = page.locator('#documento-aberto iframe');
      expect(await quadro.getAttribute('src')).toBe(`/v1/documentos/${doc[0]!.id}`);
      expect(await quadro.getAttribute('title')).toContain(doc[0]!.identificacao);
      await quadro.scrollIntoViewIfNeeded();
      await expect.poll(() => page.frameLocator('#documento-aberto iframe').locator('body').textContent(), { timeout: 30_000 }).toContain('laudo técnico de segurança');
      await conferirPagina(page, 'processo-documento', violacoesCsp);
      // The PDF to download, in the person's session.
      const baixar = page.locator('#documento-aberto a[download]');
      const pdf = await page.request.get(`${baseUrl}${await baixar.getAttribute('href')}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      // Framed only by our own origin, and only when the browser loads it in a frame.
      const direto = await page.request.get(`${baseUrl}/v1/documentos/${doc[0]!.id}`);
      expect(direto.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      const emQuadro = await page.request.get(`${baseUrl}/v1/documentos/${doc[0]!.id}`, { headers: { 'sec-fetch-dest': 'iframe' } });
      expect(emQuadro.headers()['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(emQuadro.headers()['x-frame-options']).toBe('SAMEORIGIN');
    } finally {
      await contexto.close();
    }

    const rep = await entrar('representante');
    try {
      // The notice asked for by the party: the page does not open it (that would be the ciência), it offers the button that says so.
      await rep.page.goto(`${baseUrl}/processos/${autuado}?documento=${doc[0]!.id}`);
      expect(await rep.page.locator('#documento-aberto iframe').count()).toBe(0);
      expect(await rep.page.locator('#documento-aberto').getByRole('link', { name: /registra a ciência/ }).getAttribute('href')).toBe(`/v1/documentos/${doc[0]!.id}`);
      const estado = await api('GET', `/v1/processos/${autuado}/vistoria`, 'representante');
      expect(estado.body.notificacao.ciencia).toBeNull();
      await conferirPagina(rep.page, 'processo-documento-ciencia-pendente', rep.violacoesCsp);
    } finally {
      await rep.contexto.close();
    }
  }, 180_000);
});
