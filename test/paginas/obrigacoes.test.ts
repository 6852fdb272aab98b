/**
 * Overdue periodic obligations on the deadline dashboard (/painel; issue 13:
 * "overdue ones appear to the COOIE and the supervisor"): a school of the
 * METROPOLITANA I that offers EAD since 2020 delivered no RGA last year and
 * no Relatório Anual; the supervisor and the inspetora of its COOIE see each
 * month's RGA and the Relatório Anual as overdue, also in the CSV; the
 * inspetora of another COOIE does not. Whatever the day the test runs, last
 * year's twelve RGA (due by the 10th business day of each month) and its
 * Relatório Anual (due by the last business day of May) are past; their dates
 * are derived by hand in test/obrigacoes/vencimentos.test.ts. axe on the page.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { buildApp } from '../../api/app';
import { NOMES_MESES } from '../../rules/obrigacoes';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { abrirNavegador, conferirPagina, novaPessoa } from './navegador';
import { sistemaDePaginas } from './sistema';

const CNPJ = '11222333000181';
const INEP = `39${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
const SENHA = `senha-de-teste-${randomUUID()}`;

type Quem = 'representante' | 'inspetor' | 'supervisor' | 'outraCooie';
let w: WorkflowTestEnv;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let browser: Browser;
let contas: Record<Quem, { id: string; nome: string; email: string }>;
let ano: number;

beforeAll(async () => {
  w = await startWorkflowEnv();
  let api: Awaited<ReturnType<typeof sistemaDePaginas<Quem>>>['api'];
  ({ app, baseUrl, contas, api } = await sistemaDePaginas<Quem>(w, {
    cnpj: CNPJ,
    senha: SENHA,
    pessoas: {
      representante: { nome: 'Maria Representante', papeis: ['representante'], unidade: null },
      inspetor: { nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: 'METROPOLITANA I' },
      supervisor: { nome: 'Sara Supervisora', papeis: ['supervisor'], unidade: null },
      outraCooie: { nome: 'Olga Inspetora', papeis: ['inspetor'], unidade: 'SERRANA I' },
    },
    comSessao: ['representante', 'inspetor'],
  }));
  ano = Number((await w.agora()).slice(0, 4));
  browser = await abrirNavegador();
  // What the test stands on, through the API: the school known to rito, and its EAD offer recorded by its COOIE.
  const aberto = await api('POST', '/v1/processos', 'representante', {
    tipo: 'apostilamento-endereco',
    instituicao: { cnpj: CNPJ, codigoInep: INEP, nome: 'Escola Distante', endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' } },
    unidade: 'METROPOLITANA I',
    requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
  });
  expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
  const ead = await api('PUT', `/v1/instituicoes/${INEP}/ead`, 'inspetor', { ead: true, desde: '2020-01-01', ato: 'Parecer CEE nº 1/2020 (credenciamento para EAD)' });
  expect(ead.status, JSON.stringify(ead.body)).toBe(200);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await w?.stop();
});

async function linhasDaEscola(quem: Quem, capturar?: string) {
  const { contexto, page, violacoesCsp } = await novaPessoa(browser);
  try {
    await page.goto(`${baseUrl}/entrar`);
    await page.getByLabel('E-mail').fill(contas[quem].email);
    await page.getByLabel('Senha').fill(SENHA);
    await page.getByRole('button', { name: 'Entrar' }).click();
    await page.waitForURL(/\/(portal|caixa|painel|calendario)$/);
    await page.goto(`${baseUrl}/painel`);
    const secao = page.locator('section[aria-labelledby="titulo-obrigacoes"]');
    expect(await secao.getByRole('heading', { name: 'Obrigações periódicas em atraso' }).count()).toBe(1);
    const linhas = await secao.locator('tr.obrigacao-em-atraso').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim() ?? '')));
    if (capturar) {
      await conferirPagina(page, capturar, violacoesCsp);
      const csv = await page.evaluate(async () => (await fetch('/painel/obrigacoes.csv')).text());
      expect(csv).toContain(`Escola Distante;${INEP};METROPOLITANA I;RGA de janeiro/${ano - 1};`);
    }
    return linhas.filter((l) => l[1] === INEP).map((l) => l[3]);
  } finally {
    await contexto.close();
  }
}

describe('obrigações periódicas em atraso no painel', () => {
  it('o supervisor e a COOIE da escola veem cada RGA e o Relatório Anual não entregues; outra COOIE não', async () => {
    const esperadas = [`Relatório Anual do ano letivo de ${ano - 2}`, ...NOMES_MESES.map((m) => `RGA de ${m}/${ano - 1}`)];
    const doSupervisor = await linhasDaEscola('supervisor', 'painel-obrigacoes');
    for (const o of esperadas) expect(doSupervisor, o).toContain(o);
    const daCooie = await linhasDaEscola('inspetor');
    for (const o of esperadas) expect(daCooie, o).toContain(o);
    expect(await linhasDaEscola('outraCooie')).toEqual([]);
  }, 180_000);
});
