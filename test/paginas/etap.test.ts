/**
 * The ETAP's avaliação on the process page (issue 13: "the COOIE sees the
 * qualification explanation and the coverage gaps"): the representante opens
 * the process and presents the request through the API (not the journey under
 * test), with a Diretor whose only formation is a licenciatura curta (art. 14
 * I a asks for licenciatura plena) and a school open on Wednesday evening with
 * nobody of the ETAP there; the inspetora's page lists each member with
 * "atende"/"não atende" and the explanation, and the gap (quarta-feira, 18:00
 * to 22:00). The representante's page does not show it (it is the COOIE's
 * reading). axe on the page: no serious or critical violation.
 */
import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { buildApp } from '../../api/app';
import { ate } from '../e2e/http';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { abrirNavegador, conferirPagina, novaPessoaQueEntrou } from './navegador';
import { sistemaDePaginas } from './sistema';

const CNPJ = '11222333000181';
const INEP = `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
const UNIDADE = 'METROPOLITANA I';
const SENHA = `senha-de-teste-${randomUUID()}`;

type Quem = 'representante' | 'inspetor';
let w: WorkflowTestEnv;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let browser: Browser;
let id: string;
let contas: Record<Quem, { id: string; nome: string; email: string }>;
/** The API with a person's session (test/paginas/sistema.ts). */
let api: Awaited<ReturnType<typeof sistemaDePaginas<Quem>>>['api'];

const semana = (dias: readonly string[], inicio: string, fim: string) => dias.map((dia) => ({ dia, inicio, fim }));
const UTEIS = ['segunda', 'terca', 'quarta', 'quinta', 'sexta'] as const;
const requerimento = {
  membros: [
    {
      nome: 'Paulo Henrique Tavares',
      cpf: '111.444.777-35',
      funcao: 'diretor',
      desde: '2027-02-01',
      substitui: 'Sônia Maria Freitas',
      // Art. 14 I a asks for licenciatura plena: a licenciatura curta meets no alínea of the Diretor.
      formacoes: [{ tipo: 'licenciatura', area: 'Pedagogia', licenciaturaCurta: true, instituicao: 'Universidade Federal Fluminense', tipoInstituicao: 'ies-credenciada', conclusao: '2010-12-15' }],
      // Evenings on every weekday but Wednesday.
      horarios: [...semana(UTEIS, '07:00', '13:00'), ...semana(['segunda', 'terca', 'quinta', 'sexta'], '18:00', '22:00')],
    },
    {
      nome: 'Clara Moura Reis',
      cpf: '529.982.247-25',
      funcao: 'diretor-substituto',
      desde: '2027-02-01',
      formacoes: [{ tipo: 'pos-lato-sensu', area: 'Gestão Escolar', cargaHoraria: 360, instituicao: 'UERJ', tipoInstituicao: 'ies-credenciada', conclusao: '2015-07-01' }],
      horarios: semana(UTEIS, '10:00', '13:00'),
    },
    {
      nome: 'Renata Lopes Dias',
      cpf: '390.533.447-05',
      funcao: 'secretario-escolar',
      desde: '2027-02-01',
      formacoes: [{ tipo: 'curso-tecnico', area: 'Secretaria Escolar', instituicao: 'FAETEC', conclusao: '2012-12-10' }],
      horarios: semana(UTEIS, '07:00', '11:00'),
    },
  ],
  // Open in the morning and in the evening, every weekday: on Wednesday evening no member is there.
  horarioFuncionamento: [...semana(UTEIS, '07:00', '13:00'), ...semana(UTEIS, '18:00', '22:00')],
  matriculasAtivas: 180,
  atoAnterior: 'Publicação no DOERJ de 12/03/2024, página 31',
};

beforeAll(async () => {
  w = await startWorkflowEnv();
  ({ app, baseUrl, contas, api } = await sistemaDePaginas<Quem>(w, {
    cnpj: CNPJ,
    senha: SENHA,
    pessoas: {
      representante: { nome: 'Maria Representante', papeis: ['representante'], unidade: null },
      inspetor: { nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: UNIDADE },
    },
    comSessao: ['representante', 'inspetor'],
  }));
  browser = await abrirNavegador();

  const aberto = await api('POST', '/v1/processos', 'representante', {
    tipo: 'cadastro-etap',
    instituicao: {
      cnpj: CNPJ,
      codigoInep: INEP,
      nome: 'Colégio Exemplo',
      municipio: '3304557',
      endereco: { logradouro: 'Rua São Clemente, 100', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' },
      mantenedora: 'Sociedade Educacional Exemplo Ltda.',
    },
    unidade: UNIDADE,
    requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
  });
  expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
  id = aberto.body.id;
  const r = await api('POST', `/v1/processos/${id}/etap/apresentar-requerimento`, 'representante', requerimento, { 'idempotency-key': `req-${randomUUID()}` });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await w?.stop();
});

const entrar = (quem: Quem) => novaPessoaQueEntrou(browser, baseUrl, contas[quem].email, SENHA);

describe('a avaliação do requerimento da ETAP na página do processo', () => {
  it('a inspetora vê a explicação da qualificação de cada membro e o intervalo sem ninguém da ETAP', async () => {
    const { contexto, page, violacoesCsp } = await entrar('inspetor');
    try {
      await page.goto(`${baseUrl}/processos/${id}`);
      const secao = page.locator('section[aria-labelledby="titulo-avaliacao"]');
      await ate(async () => (await page.reload(), await secao.count()), (n) => n === 1, 'avaliação na página');
      expect(await page.getByRole('heading', { name: 'Avaliação do requerimento' }).count()).toBe(1);

      const linhas = secao.locator('tr.avaliacao-membro');
      const textos = (await linhas.allTextContents()).map((t) => t.replace(/\s+/g, ' '));
      expect(textos).toHaveLength(3);
      const diretor = textos.find((t) => t.includes('Paulo Henrique Tavares'))!;
      expect(diretor).toContain('Diretor');
      expect(diretor).toContain('não atende');
      // The rule module's own words (rules/etap/qualificacao.ts), not a yes/no.
      expect(diretor).toContain('é licenciatura curta; a alínea exige licenciatura plena');
      expect(textos.find((t) => t.includes('Clara Moura Reis'))).toMatch(/\batende\b/);
      expect(textos.find((t) => t.includes('Clara Moura Reis'))).not.toContain('não atende');

      // Wednesday 18:00–22:00: the school is open and the Diretor's evenings skip Wednesday.
      const lacunas = await secao.locator('tr.avaliacao-lacuna').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
      expect(lacunas).toEqual([['quarta-feira', '18:00', '22:00']]);
      // The table's headers name what each cell is.
      expect(await secao.getByRole('columnheader', { name: 'Dia da semana' }).count()).toBe(1);

      await conferirPagina(page, 'processo-etap-avaliacao', violacoesCsp);
    } finally {
      await contexto.close();
    }
  });

  it('o representante não vê a avaliação, que é leitura da COOIE', async () => {
    const { contexto, page } = await entrar('representante');
    try {
      await page.goto(`${baseUrl}/processos/${id}`);
      expect(await page.locator('h1, h2').allTextContents()).not.toContain('Avaliação do requerimento');
      expect(await page.locator('main').textContent()).not.toContain('licenciatura curta');
    } finally {
      await contexto.close();
    }
  });
});
