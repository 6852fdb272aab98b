/**
 * The RGA as a page (/obrigacoes; issue 13: "rito checks it and says exactly
 * what is wrong"): the COOIE has recorded that the school offers EAD since the
 * first day of this month (through the API: not the journey under test); the
 * representante finds the month's RGA in the menu, with its due date and the
 * name the file must have, sends a file named in lower case and reads each
 * fault, sends it named as shown and gets the receipt with the instant and the
 * SHA-256; the inspetora of the school's COOIE sees it delivered. axe on each
 * state, both widths.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { buildApp } from '../../api/app';
import { NOMES_MESES } from '../../rules/obrigacoes';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { abrirNavegador, conferirPagina, novaPessoaQueEntrou } from './navegador';
import { sistemaDePaginas } from './sistema';

const CNPJ = '11222333000181';
const INEP = `31${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
const SENHA = `senha-de-teste-${randomUUID()}`;
const PDF = Buffer.from(`%PDF-1.4\n% RGA ${INEP}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);

type Quem = 'representante' | 'inspetor';
let w: WorkflowTestEnv;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let browser: Browser;
let contas: Record<Quem, { id: string; nome: string; email: string }>;
/** 'RGA de novembro/2026', the month of the server's clock. */
let titulo: string;

beforeAll(async () => {
  w = await startWorkflowEnv();
  let api: Awaited<ReturnType<typeof sistemaDePaginas<Quem>>>['api'];
  ({ app, baseUrl, contas, api } = await sistemaDePaginas<Quem>(w, {
    cnpj: CNPJ,
    senha: SENHA,
    pessoas: {
      representante: { nome: 'Maria Representante', papeis: ['representante'], unidade: null },
      inspetor: { nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: 'METROPOLITANA I' },
    },
    comSessao: ['representante', 'inspetor'],
  }));
  // The server's day in Brasília: its month is the one the RGA is delivered for.
  const hoje = new Date(Date.parse(await w.agora()) - 3 * 3_600_000).toISOString().slice(0, 10);
  titulo = `RGA de ${NOMES_MESES[Number(hoje.slice(5, 7)) - 1]}/${hoje.slice(0, 4)}`;
  browser = await abrirNavegador();
  const aberto = await api('POST', '/v1/processos', 'representante', {
    tipo: 'apostilamento-endereco',
    instituicao: { cnpj: CNPJ, codigoInep: INEP, nome: 'Escola EAD Exemplo', endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' } },
    unidade: 'METROPOLITANA I',
    requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
  });
  expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
  const ead = await api('PUT', `/v1/instituicoes/${INEP}/ead`, 'inspetor', { ead: true, desde: `${hoje.slice(0, 8)}01`, ato: 'Parecer CEE nº 9/2026 (credenciamento para EAD)' });
  expect(ead.status, JSON.stringify(ead.body)).toBe(200);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await w?.stop();
});

const entrar = (quem: Quem) => novaPessoaQueEntrou(browser, baseUrl, contas[quem].email, SENHA);

describe('o RGA pelas páginas', () => {
  it('o representante entrega o RGA do mês: cada defeito do nome dito em português, depois o recibo com o SHA-256; a COOIE o vê entregue', async () => {
    const rl = await entrar('representante');
    try {
      const { page, violacoesCsp } = rl;
      await page.getByRole('link', { name: 'RGA' }).click();
      await page.waitForURL(/\/obrigacoes$/);
      const linha = page.locator('tr.rga-mes', { hasText: titulo });
      expect(await linha.count()).toBe(1);
      const nome = `${await linha.locator('.rga-nome').textContent()}`;
      expect(nome).toBe(`RGA${titulo.slice(-4)}.${titulo.slice(7, -5).toUpperCase()}_ESCOLAEADEXEMPLO_METROPOLITANA I_RIODEJANEIRO.pdf`);
      await conferirPagina(page, 'rga', violacoesCsp);

      // Named in lower case, with spaces: refused, each fault said.
      await linha.getByLabel(`Arquivo do ${titulo} (PDF)`).setInputFiles({ name: nome.toLowerCase(), mimeType: 'application/pdf', buffer: PDF });
      await linha.getByRole('button', { name: `Entregar o ${titulo}` }).click();
      await page.waitForLoadState();
      const recusa = (await page.getByRole('alert').textContent())?.replace(/\s+/g, ' ') ?? '';
      expect(recusa).toContain('O RGA não foi recebido.');
      expect(recusa).toContain('Escreva RGA em maiúsculas; está "rga".');
      expect(recusa).toContain('O nome fantasia deve ser ESCOLAEADEXEMPLO');
      await conferirPagina(page, 'rga-recusado', violacoesCsp);

      await page.locator('tr.rga-mes', { hasText: titulo }).getByLabel(`Arquivo do ${titulo} (PDF)`).setInputFiles({ name: nome, mimeType: 'application/pdf', buffer: PDF });
      await page.locator('tr.rga-mes', { hasText: titulo }).getByRole('button', { name: `Entregar o ${titulo}` }).click();
      await page.waitForLoadState();
      const sha256 = createHash('sha256').update(PDF).digest('hex');
      const avisos = (await page.locator('.br-message').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
      expect(avisos.find((t) => t.includes('recebido em')), avisos.join(' | ')).toContain(`${titulo} recebido em`);
      const entregue = page.locator('tr.rga-mes', { hasText: titulo });
      expect(await entregue.locator('.rga-situacao').textContent()).toMatch(/^\s*Entregue/);
      expect(await entregue.textContent()).toContain(sha256);
      await conferirPagina(page, 'rga-entregue', violacoesCsp);
    } finally {
      await rl.contexto.close();
    }
    const trilha = await w.db.selectFrom('auditoria').select(['acao', 'dados']).where('recurso_id', '=', INEP).where('acao', 'like', 'obrigacao.rga.%').execute();
    expect(trilha.map((t) => t.acao)).toEqual(['obrigacao.rga.entregar']);

    const cooie = await entrar('inspetor');
    try {
      const { page } = cooie;
      await page.goto(`${baseUrl}/obrigacoes`);
      const linha = page.locator('tr.rga-mes', { hasText: titulo });
      expect(await linha.locator('.rga-situacao').textContent()).toMatch(/^\s*Entregue/);
      // Only the school's representante delivers it.
      expect(await linha.locator('form').count()).toBe(0);
    } finally {
      await cooie.contexto.close();
    }
  }, 180_000);
});
