/**
 * The ETAP's cadastramento walked through the pages only, in Chromium (issue 13,
 * "Done when": an RL registers a new Diretor, the COOIE sees the qualification
 * explanation and the coverage gaps, raises an exigência, the RL answers, the
 * edital is issued). Nothing is sent through the API: every act is a form the
 * page generates from the action's schema (paginas/formularios.ts).
 *
 * - The representante opens the process from /processos/novo and presents the
 *   requerimento: a Diretor whose only formation is a licenciatura curta (art.
 *   14, I, a asks for licenciatura plena), a Diretor-substituto, a Secretário
 *   Escolar, and a school open on Wednesday evening with nobody of the ETAP there.
 * - The inspetora finds it in her inbox, autua it, reads the avaliação (the
 *   Diretor "não atende" with the rule's words; quarta-feira 18:00–22:00 without
 *   anyone), asks the COOGIE about penalties (Lei 6.533/2013), which answers, and
 *   registers exigências from the checklist (each item of the ETAP's list shown
 *   by its code; two found wanting).
 * - The representante answers with the corrected request (licenciatura plena;
 *   the Diretor on Wednesday evening), the inspetora approves with the whole
 *   checklist conforme, and the COOGIE publishes the edital: the process is
 *   "ETAP cadastrada", with the edital among its documents.
 *
 * Every page of the journey is checked by axe (no serious or critical
 * violation) and photographed at 1280×800 and 390 px (navegador.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { buildApp } from '../../api/app';
import { diaCivilBrasilia, formatarData } from '../../rules/calendario';
import { CHECKLIST_ETAP } from '../../rules/etap/checklist';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { abrirNavegador, conferirPagina, novaPessoaQueEntrou } from './navegador';
import { sistemaDePaginas } from './sistema';

const CNPJ = '11222333000181';
const INEP = `38${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
const NUMERO_SEI = `SEI-030001/${INEP.slice(2)}/2026`;
const UNIDADE = 'METROPOLITANA I';
const SENHA = `senha-de-teste-${randomUUID()}`;
const ESCOLA = 'Colégio da Jornada';

type Quem = 'representante' | 'inspetor' | 'coogie';
let w: WorkflowTestEnv;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let browser: Browser;
let contas: Record<Quem, { id: string; nome: string; email: string }>;
/** The process page's address, once opened. */
let processo = '';

interface Horario {
  dia: string;
  inicio: string;
  fim: string;
}
interface Membro {
  nome: string;
  cpf: string;
  funcao: string;
  desde: string;
  substitui?: string;
  formacao: { tipo: string; area: string; curta?: boolean; cargaHoraria?: number; instituicao: string; tipoInstituicao?: string; conclusao: string };
  horarios: Horario[];
}

const diretor = (corrigido: boolean): Membro => ({
  nome: 'Paulo Henrique Tavares',
  cpf: '111.444.777-35',
  funcao: 'diretor',
  desde: '2027-02-01',
  substitui: 'Sônia Maria Freitas',
  // Art. 14, I, a: licenciatura plena em Pedagogia; the first request declares it curta.
  formacao: { tipo: 'licenciatura', area: 'Pedagogia', curta: !corrigido, instituicao: 'Universidade Federal Fluminense', tipoInstituicao: 'ies-credenciada', conclusao: '2010-12-15' },
  horarios: [
    { dia: 'segunda', inicio: '07:00', fim: '13:00' },
    { dia: 'quarta', inicio: '07:00', fim: '13:00' },
    ...(corrigido ? [{ dia: 'quarta', inicio: '18:00', fim: '22:00' }] : []),
  ],
});
const outros: Membro[] = [
  {
    nome: 'Clara Moura Reis',
    cpf: '529.982.247-25',
    funcao: 'diretor-substituto',
    desde: '2027-02-01',
    formacao: { tipo: 'pos-lato-sensu', area: 'Gestão Escolar', cargaHoraria: 360, instituicao: 'UERJ', tipoInstituicao: 'ies-credenciada', conclusao: '2015-07-01' },
    horarios: [{ dia: 'segunda', inicio: '10:00', fim: '13:00' }],
  },
  {
    nome: 'Renata Lopes Dias',
    cpf: '390.533.447-05',
    funcao: 'secretario-escolar',
    desde: '2027-02-01',
    formacao: { tipo: 'curso-tecnico', area: 'Secretaria Escolar', instituicao: 'FAETEC', conclusao: '2012-12-10' },
    horarios: [{ dia: 'quarta', inicio: '07:00', fim: '11:00' }],
  },
];
// Open on Monday and Wednesday mornings and on Wednesday evening.
const funcionamento: Horario[] = [
  { dia: 'segunda', inicio: '07:00', fim: '13:00' },
  { dia: 'quarta', inicio: '07:00', fim: '13:00' },
  { dia: 'quarta', inicio: '18:00', fim: '22:00' },
];

beforeAll(async () => {
  w = await startWorkflowEnv();
  ({ app, baseUrl, contas } = await sistemaDePaginas<Quem>(w, {
    cnpj: CNPJ,
    senha: SENHA,
    pessoas: {
      representante: { nome: 'Maria Representante', papeis: ['representante'], unidade: null },
      inspetor: { nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: UNIDADE },
      coogie: { nome: 'Carlos da COOGIE', papeis: ['coogie'], unidade: null },
    },
    comSessao: [],
  }));
  browser = await abrirNavegador();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await w?.stop();
});

const entrar = (quem: Quem) => novaPessoaQueEntrou(browser, baseUrl, contas[quem].email, SENHA);

/** Waits for the recibo of an act; when the page answered otherwise, fails with what it said. */
async function aguardarRecibo(page: Page) {
  await page.waitForLoadState();
  if (!/\/recibos\/\d+(#recibo)?$/.test(page.url())) {
    const avisos = await page.locator('.br-message, .rito-erro').allTextContents();
    throw new Error(`sem recibo em ${page.url()}: ${avisos.map((a) => a.replace(/\s+/g, ' ').trim()).join(' | ')}`);
  }
}

/** The form of an action on the process page, its panel opened as a person clicks it. */
async function acao(page: Page, codigo: string): Promise<Locator> {
  const painel = page.locator(`#acao-${codigo}`);
  await expect.poll(() => painel.count(), { timeout: 60_000 }).toBe(1);
  if ((await painel.getAttribute('open')) === null) await painel.locator('summary').click();
  return painel.locator('form');
}

/** Opens the process page until the action is offered (the read model follows the workflow). */
async function paginaComAcao(page: Page, codigo: string): Promise<Locator> {
  await expect
    .poll(async () => (await page.goto(processo), await page.locator(`#acao-${codigo}`).count()), { timeout: 60_000, interval: 1000 })
    .toBe(1);
  return acao(page, codigo);
}

/** "Acrescentar item" of a list, as many times as asked; the page comes back with the form open and what was typed kept. */
async function acrescentar(page: Page, codigo: string, lista: string, vezes: number) {
  for (let i = 0; i < vezes; i++) {
    const form = await acao(page, codigo);
    await form.locator(`button[name="_acrescentar"][value="${lista}"]`).click();
    await page.waitForLoadState();
  }
}

/** Fills the requerimento of the ETAP in the form of `codigo`, its fields under `base` ('' or 'requerimento.'). */
async function preencherRequerimento(page: Page, codigo: string, base: string, membros: Membro[]) {
  await acrescentar(page, codigo, `${base}membros`, membros.length - 1);
  for (const [i, m] of membros.entries()) await acrescentar(page, codigo, `${base}membros.${i}.horarios`, m.horarios.length - 1);
  await acrescentar(page, codigo, `${base}horarioFuncionamento`, funcionamento.length - 1);
  const form = await acao(page, codigo);
  const campo = (nome: string) => form.locator(`[name="${base}${nome}"]`);
  for (const [i, m] of membros.entries()) {
    const p = `membros.${i}.`;
    await campo(`${p}nome`).fill(m.nome);
    await campo(`${p}cpf`).fill(m.cpf);
    await campo(`${p}funcao`).selectOption(m.funcao);
    await campo(`${p}desde`).fill(m.desde);
    if (m.substitui) await campo(`${p}substitui`).fill(m.substitui);
    const f = `${p}formacoes.0.`;
    await campo(`${f}tipo`).selectOption(m.formacao.tipo);
    await campo(`${f}area`).fill(m.formacao.area);
    // The Design System draws the check box over its label: a person clicks the label.
    const curta = campo(`${f}licenciaturaCurta`);
    if ((await curta.isChecked()) !== (m.formacao.curta === true)) await form.locator(`label[for="${await curta.getAttribute('id')}"]`).click();
    if (m.formacao.cargaHoraria) await campo(`${f}cargaHoraria`).fill(String(m.formacao.cargaHoraria));
    await campo(`${f}instituicao`).fill(m.formacao.instituicao);
    if (m.formacao.tipoInstituicao) await campo(`${f}tipoInstituicao`).selectOption(m.formacao.tipoInstituicao);
    await campo(`${f}conclusao`).fill(m.formacao.conclusao);
    for (const [j, h] of m.horarios.entries()) {
      await campo(`${p}horarios.${j}.dia`).selectOption(h.dia);
      await campo(`${p}horarios.${j}.inicio`).fill(h.inicio);
      await campo(`${p}horarios.${j}.fim`).fill(h.fim);
    }
  }
  for (const [j, h] of funcionamento.entries()) {
    await campo(`horarioFuncionamento.${j}.dia`).selectOption(h.dia);
    await campo(`horarioFuncionamento.${j}.inicio`).fill(h.inicio);
    await campo(`horarioFuncionamento.${j}.fim`).fill(h.fim);
  }
  await campo('matriculasAtivas').fill('150');
  await campo('atoAnterior').fill('Publicação no DOERJ de 12/03/2024, página 31');
  return form;
}

/** The checklist of the ETAP as the page offers it: one group per item of the list, by its code; `naoConformes` found wanting. */
async function aplicarChecklist(form: Locator, naoConformes: Record<string, string> = {}) {
  const codigos = await form.locator('[name^="checklist."][name$=".codigo"]').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  expect(codigos).toEqual(CHECKLIST_ETAP.map((i) => i.codigo));
  for (const [i, item] of CHECKLIST_ETAP.entries()) {
    const situacao = item.codigo in naoConformes ? 'nao-conforme' : item.condicao ? 'nao-se-aplica' : 'conforme';
    await form.locator(`[name="checklist.${i}.situacao"]`).selectOption(situacao);
    if (naoConformes[item.codigo]) await form.locator(`[name="checklist.${i}.observacao"]`).fill(naoConformes[item.codigo]!);
  }
}

describe('cadastramento da ETAP pelas páginas', () => {
  it('o representante cadastra um novo Diretor, a COOIE vê a explicação e as lacunas, exige, o representante cumpre, o edital é publicado', async () => {
    // 1. The representante opens the process and presents the request.
    const rl = await entrar('representante');
    try {
      const { page, violacoesCsp } = rl;
      await page.getByRole('link', { name: 'Novo processo' }).click();
      const campo = (nome: string) => page.locator(`form[action="/processos/novo"] [name="${nome}"]`);
      await campo('tipo').selectOption('cadastro-etap');
      await campo('instituicao.cnpj').fill(CNPJ);
      await campo('instituicao.codigoInep').fill(INEP);
      await campo('instituicao.nome').fill(ESCOLA);
      await campo('instituicao.endereco.logradouro').fill('Rua São Clemente, 100');
      await campo('instituicao.endereco.bairro').fill('Botafogo');
      await campo('instituicao.endereco.cep').fill('22260-000');
      await campo('instituicao.endereco.municipio').fill('Rio de Janeiro');
      await campo('instituicao.endereco.uf').fill('RJ');
      await campo('unidade').fill(UNIDADE);
      await campo('requerente.nome').fill('Maria Representante');
      await campo('requerente.cpf').fill('529.982.247-25');
      await campo('requerente.email').fill('maria@example.org');
      await page.getByRole('button', { name: 'Abrir o processo' }).click();
      await page.waitForURL(/\/processos\/cadastro-etap-/);
      processo = page.url();

      const form = await paginaComAcao(page, 'apresentar-requerimento');
      expect(await form.count()).toBe(1);
      await preencherRequerimento(page, 'apresentar-requerimento', '', [diretor(false), ...outros]);
      await conferirPagina(page, 'etap-jornada-requerimento', violacoesCsp);
      await (await acao(page, 'apresentar-requerimento')).getByRole('button', { name: 'Apresentar o requerimento de cadastramento da ETAP' }).last().click();
      await aguardarRecibo(page);
      await conferirPagina(page, 'etap-jornada-recibo', violacoesCsp);
    } finally {
      await rl.contexto.close();
    }

    // 2. The inspetora finds it in her inbox, autua it and reads the avaliação.
    const cooie = await entrar('inspetor');
    try {
      const { page, violacoesCsp } = cooie;
      await expect
        .poll(async () => (await page.goto(`${baseUrl}/caixa`), await page.getByRole('link', { name: new URL(processo).pathname.split('/')[2]! }).count()), { timeout: 60_000 })
        .toBe(1);
      await page.getByRole('link', { name: new URL(processo).pathname.split('/')[2]! }).click();
      const autuar = await acao(page, 'autuar');
      await autuar.locator('[name="numeroSei"]').fill(NUMERO_SEI);
      await autuar.getByRole('button', { name: 'Autuar o processo SEI de cadastramento da ETAP' }).last().click();
      await aguardarRecibo(page);

      await paginaComAcao(page, 'consultar-coogie');
      const secao = page.locator('section[aria-labelledby="titulo-avaliacao"]');
      const diretorLinha = (await secao.locator('tr.avaliacao-membro').allTextContents()).map((t) => t.replace(/\s+/g, ' ')).find((t) => t.includes('Paulo Henrique Tavares'))!;
      expect(diretorLinha).toContain('não atende');
      // The rule module's own words (rules/etap/qualificacao.ts).
      expect(diretorLinha).toContain('é licenciatura curta; a alínea exige licenciatura plena');
      const lacunas = await secao.locator('tr.avaliacao-lacuna').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent?.trim())));
      expect(lacunas).toEqual([['quarta-feira', '18:00', '22:00']]);
      await conferirPagina(page, 'etap-jornada-avaliacao', violacoesCsp);

      const consulta = await acao(page, 'consultar-coogie');
      await consulta.getByRole('button', { name: /Consultar a COOGIE/ }).last().click();
      await aguardarRecibo(page);
    } finally {
      await cooie.contexto.close();
    }

    // 3. The COOGIE answers the consulta.
    const coogie = await entrar('coogie');
    try {
      const { page, violacoesCsp } = coogie;
      const form = await paginaComAcao(page, 'responder-consulta');
      await form.locator('[name="resposta"]').fill('Nenhum dos membros indicados foi apenado nos termos da Lei Estadual nº 6.533/2013.');
      await conferirPagina(page, 'etap-jornada-consulta', violacoesCsp);
      await form.getByRole('button', { name: 'Responder à consulta sobre apenação dos membros' }).last().click();
      await aguardarRecibo(page);
    } finally {
      await coogie.contexto.close();
    }

    // 4. The inspetora registers the exigências from the checklist.
    const cooie2 = await entrar('inspetor');
    try {
      const { page, violacoesCsp } = cooie2;
      const form = await paginaComAcao(page, 'registrar-exigencias');
      await aplicarChecklist(form, {
        habilitacoes: 'O Diretor apresenta licenciatura curta; o art. 14, I, a exige licenciatura plena em Pedagogia.',
        'quadro-etap': 'Na quarta-feira, das 18h às 22h, a instituição funciona sem nenhum membro da ETAP presente (art. 14, § 4º).',
      });
      await conferirPagina(page, 'etap-jornada-exigencias', violacoesCsp);
      await form.getByRole('button', { name: 'Registrar exigências do cadastramento' }).last().click();
      await aguardarRecibo(page);
    } finally {
      await cooie2.contexto.close();
    }

    // 5. The representante answers with the corrected request.
    const rl2 = await entrar('representante');
    try {
      const { page, violacoesCsp } = rl2;
      await paginaComAcao(page, 'cumprir-exigencias');
      const form = await preencherRequerimento(page, 'cumprir-exigencias', 'requerimento.', [diretor(true), ...outros]);
      await form.locator('[name="resposta"]').fill('Segue o diploma de licenciatura plena em Pedagogia do Diretor e o Quadro da ETAP com a quarta-feira à noite.');
      await conferirPagina(page, 'etap-jornada-cumprimento', violacoesCsp);
      await form.getByRole('button', { name: 'Cumprir as exigências' }).last().click();
      await aguardarRecibo(page);
    } finally {
      await rl2.contexto.close();
    }

    // 6. The inspetora approves with the whole checklist conforme.
    const cooie3 = await entrar('inspetor');
    try {
      const { page } = cooie3;
      const form = await paginaComAcao(page, 'aprovar-cadastramento');
      await aplicarChecklist(form);
      await form.getByRole('button', { name: 'Aprovar o cadastramento (sem exigências restantes)' }).last().click();
      await aguardarRecibo(page);
    } finally {
      await cooie3.contexto.close();
    }

    // 7. The COOGIE publishes the edital.
    const coogie2 = await entrar('coogie');
    try {
      const { page, violacoesCsp } = coogie2;
      const form = await paginaComAcao(page, 'publicar-edital');
      const hoje = formatarData(diaCivilBrasilia(Date.parse(await w.agora())));
      await form.locator('[name="publicacao.data"]').fill(hoje);
      await form.locator('[name="publicacao.pagina"]').fill('7');
      await form.getByRole('button', { name: 'Publicar o edital de cadastramento da ETAP no DOERJ' }).last().click();
      await aguardarRecibo(page);
      await expect
        .poll(async () => (await page.goto(processo), (await page.locator('main').textContent()) ?? ''), { timeout: 60_000 })
        .toContain('ETAP cadastrada');
      expect(await page.locator('main').textContent()).toMatch(/Edital nº \d+\/\d{4}\/COOGIE/);
      await conferirPagina(page, 'etap-jornada-cadastrada', violacoesCsp);
    } finally {
      await coogie2.contexto.close();
    }
  }, 600_000);
});
