/**
 * The journeys of the vistoria through the pages only, in Chromium, on the
 * time-skipping server (the API's clock is the server's: ApiDeps.relogio), so
 * that the visit (at least 5 days after its notice) and its Termo happen in
 * one run. What the inspetora does before and between is sent through the API
 * (it is not the journey under test).
 *
 * - The representante legal receives exigências: the portal shows the notice
 *   awaiting his ciência; opening it (GET /v1/documentos/{id}, from the page)
 *   records the ciência; the prazo shows what is left of it; he answers with a
 *   file through the form generated from cumprir-exigencias (a blank answer is
 *   refused next to the field, in pt-BR), downloads the ofício as PDF and gets
 *   the recibo eletrônico de protocolo with the file's SHA-256.
 * - The Comissão finds the process in its inbox, schedules the visit and, on
 *   its day, records the Termo de Visita through the generated forms (a list
 *   grown item by item; a Termo ending before it starts is refused next to the field).
 *
 * Every page visited is checked by axe and photographed at 1280 and 390 px (navegador.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encadearPendentes } from '../../api/auditoria/encadeador';
import type { buildApp } from '../../api/app';
import { lerDiasDecretados } from '../../db/dias-decretados';
import { localDaUnidade } from '../../db/unidades';
import { criarCalendario, diaCivilBrasilia, formatarData, lerData } from '../../rules/calendario';
import { dataMinimaVisita } from '../../rules/prazos';
import { checklistForma, verificacoesDaVisita } from '../support/checklists';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { ate } from '../e2e/http';
import { abrirNavegador, conferirPagina, novaPessoaQueEntrou } from './navegador';
import { sistemaDePaginas } from './sistema';

const CNPJ = '11222333000181';
// Ends in 0, so the school's other units (…91, …92, below) never take its code.
const INEP = `33${String(Math.floor(Math.random() * 100_000)).padStart(5, '0')}0`;
const UNIDADE = 'METROPOLITANA I';
const RIO = '3304557';
const NUMERO_SEI = 'SEI-030001/018002/2026';
const SENHA = `senha-de-teste-${randomUUID()}`;
const TIPO = 'apostilamento-endereco';
const endereco = { logradouro: 'Rua São Clemente, 100', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' };

type Quem = 'representante' | 'inspetor' | 'supervisor' | 'administrador' | 'membro1' | 'membro2' | 'membro3';
let w: WorkflowTestEnv;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let browser: Browser;
let id: string;
/** A process whose answer's prazo is running (the supervisor's and the administrator's tests). */
let comPrazo: string;
let contas: Record<Quem, { id: string; nome: string; email: string }>;
/** The API with a person's session (test/paginas/sistema.ts). */
let api: Awaited<ReturnType<typeof sistemaDePaginas<Quem>>>['api'];

async function agirPelaApi(acao: string, como: Quem, dados: unknown) {
  const r = await api('POST', `/v1/processos/${id}/vistoria/${acao}`, como, dados, { 'idempotency-key': `${acao}-${randomUUID()}` });
  expect(r.status, `${acao}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

const hojeNoServidor = async () => formatarData(diaCivilBrasilia(Date.parse(await w.agora())));

/** Logs in through the login page, in a browser context of the person's own. */
const entrar = (quem: Quem) => novaPessoaQueEntrou(browser, baseUrl, contas[quem].email, SENHA);

/** Waits for the recibo of an act; when the page answered otherwise, fails with what it said. */
async function aguardarRecibo(page: Page) {
  await page.waitForLoadState();
  if (!/\/recibos\/\d+(#recibo)?$/.test(page.url())) {
    const avisos = await page.locator('.br-message, .rito-erro').allTextContents();
    throw new Error(`sem recibo em ${page.url()}: ${avisos.join(' | ')}`);
  }
}

/** The form of an action on the process page (opening its panel, as a person clicks it). */
async function abrirAcao(page: Page, acao: string) {
  const painel = page.locator(`#acao-${acao}`);
  if ((await painel.getAttribute('open')) === null) await painel.locator('summary').click();
}
const formulario = (page: Page, acao: string) => page.locator(`#acao-${acao} form`);

/** A process of the RL's institution (school `inep`) opened, autuado and with exigências de forma, through the API. */
async function abrirComExigencias(inep: string, numeroSei: string): Promise<string> {
  const aberto = await api('POST', '/v1/processos', 'representante', {
    tipo: TIPO,
    instituicao: { cnpj: CNPJ, codigoInep: inep, nome: 'Colégio Exemplo', municipio: RIO, endereco, mantenedora: 'Sociedade Educacional Exemplo Ltda.' },
    unidade: UNIDADE,
    requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
  });
  expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
  const processo = aberto.body.id as string;
  const agir = async (acao: string, como: Quem, dados: unknown) => {
    const r = await api('POST', `/v1/processos/${processo}/vistoria/${acao}`, como, dados, { 'idempotency-key': `${acao}-${randomUUID()}` });
    expect(r.status, `${acao}: ${JSON.stringify(r.body)}`).toBe(200);
  };
  await agir('autuar', 'inspetor', { numeroSei });
  await agir('registrar-exigencias-forma', 'inspetor', {
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
  return processo;
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
      administrador: { nome: 'Alberto Administrador', papeis: ['administrador'], unidade: null },
      membro1: { nome: 'Bruno Servidor', papeis: ['comissao'], unidade: UNIDADE },
      membro2: { nome: 'Carla Servidora', papeis: ['comissao'], unidade: UNIDADE },
      membro3: { nome: 'Diego Servidor', papeis: ['comissao'], unidade: UNIDADE },
    },
    comSessao: ['representante', 'inspetor'],
  }));
  browser = await abrirNavegador();

  // The requerimento and the exigências of the análise de forma, through the API.
  id = await abrirComExigencias(INEP, NUMERO_SEI);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await w?.stop();
});

describe('as jornadas da vistoria pelas páginas', () => {
  it('o representante legal toma ciência ao abrir a notificação, responde com um arquivo e recebe o recibo', async () => {
    const { contexto, page, violacoesCsp } = await entrar('representante');
    try {
      expect(new URL(page.url()).pathname).toBe('/portal');
      await ate(async () => (await page.reload(), await page.locator('main').textContent()), (t) => !!t?.includes('aguarda a sua ciência'), 'notificação no portal');
      await conferirPagina(page, 'portal', violacoesCsp);

      await page.getByRole('link', { name: NUMERO_SEI }).click();
      await page.waitForURL(new RegExp(`/processos/${id}$`));
      await conferirPagina(page, 'processo-notificacao-pendente', violacoesCsp);
      // Reading the process's page reads personal data: audited, as GET /v1/processos/{id} is.
      await encadearPendentes(w.db); // a read's entry may still be in the outbox
      const leitura = await w.db.selectFrom('auditoria').select(['ator_id']).where('acao', '=', 'pagina.processo.ler').where('processo_id', '=', id).execute();
      expect(leitura.map((l) => l.ator_id)).toContain(contas.representante.id);
      // Before the ciência, the process offers the ciência itself besides the answer (GET /v1/processos/{id}'s acoes).
      expect(await page.locator('#acao-tomar-ciencia form').count()).toBe(1);

      // Opening the notice is the ciência (api/ritos/ciencia.ts).
      await page.getByRole('link', { name: /Abrir a notificação/ }).click();
      await page.waitForURL(/\/v1\/documentos\//);
      expect(await page.locator('body').textContent()).toContain('laudo técnico de segurança');
      const estado = await ate(() => api('GET', `/v1/processos/${id}/vistoria`, 'representante'), (r) => !!r.body.notificacao?.ciencia, 'ciência registrada');
      expect(estado.body.notificacao.tacita).toBe(false);

      await page.goto(`${baseUrl}/processos/${id}`);
      await ate(async () => (await page.reload(), await page.locator('.rito-prazo').count()), (n) => n > 0, 'prazo aberto na página');
      // 10 dias corridos (exigências de forma): the page counts the calendar days from today (Brasília, server
      // clock) to the last day the prazo engine recorded, today excluded (paginas/prazos.ts).
      const linha = await api('GET', `/v1/processos/${id}/linha-do-tempo`, 'representante');
      const prazo = linha.body.prazos.find((p: { situacao: string }) => p.situacao === 'aberto');
      const dias = lerData(prazo.vencimento, 'vencimento') - lerData(await hojeNoServidor(), 'hoje');
      expect(await page.locator('.rito-cartao .rito-prazo').textContent()).toBe(`faltam ${dias} dias`);
      expect(await page.locator('#titulo-notificacao + p + p').textContent()).toMatch(/^Ciência em \d{2}\/\d{2}\/\d{4}/);
      // The exigências de forma's 10 days are improrrogáveis: the page says so, in the rite's words, instead of offering it.
      expect(await page.locator('#acao-prorrogar-prazo').count()).toBe(0);
      expect(await page.locator('#sem-prorrogacao').textContent()).toMatch(/improrrogável/);
      await conferirPagina(page, 'processo-prazo-em-curso', violacoesCsp);

      // The ofício as PDF, from the page's link, in the person's session.
      const pdf = await page.request.get(await page.getByRole('link', { name: /^PDF/ }).first().getAttribute('href').then((h) => baseUrl + h));
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');

      // A blank answer: refused next to its field, in pt-BR, the form shown again.
      await abrirAcao(page, 'cumprir-exigencias');
      const form = formulario(page, 'cumprir-exigencias');
      await form.getByRole('button', { name: /Apresentar o cumprimento/ }).click();
      await page.waitForLoadState();
      const erro = page.locator('#f-cumprir-exigencias-resposta-erro');
      expect(await erro.textContent()).toMatch(/resposta é obrigatório/);
      await conferirPagina(page, 'processo-resposta-recusada', violacoesCsp);

      // A file of another type: refused with the API's message, next to the file field; nothing is filed.
      await formulario(page, 'cumprir-exigencias').getByLabel('Resposta').fill('Segue o laudo técnico abrangendo o imóvel anexado.');
      await formulario(page, 'cumprir-exigencias').getByLabel('Arquivos').setInputFiles({ name: 'laudo.txt', mimeType: 'text/plain', buffer: Buffer.from('não é um PDF') });
      await formulario(page, 'cumprir-exigencias').getByRole('button', { name: /Apresentar o cumprimento/ }).click();
      await page.waitForLoadState();
      expect(await page.locator('#f-cumprir-exigencias-arquivos-erro').textContent()).toContain('Tipo de arquivo não permitido');
      expect(await formulario(page, 'cumprir-exigencias').getByLabel('Resposta').inputValue()).toBe('Segue o laudo técnico abrangendo o imóvel anexado.');

      const laudo = Buffer.from('%PDF-1.4\n% laudo de segurança do imóvel anexado\n%%EOF\n', 'latin1');
      const chave = await formulario(page, 'cumprir-exigencias').locator('input[name="_chave"]').inputValue();
      const csrf = await formulario(page, 'cumprir-exigencias').locator('input[name="_csrf"]').inputValue();
      await formulario(page, 'cumprir-exigencias').getByLabel('Resposta').fill('Segue o laudo técnico abrangendo o imóvel anexado.');
      await formulario(page, 'cumprir-exigencias').getByLabel('Arquivos').setInputFiles({ name: 'Laudo de segurança.pdf', mimeType: 'application/pdf', buffer: laudo });
      await formulario(page, 'cumprir-exigencias').getByRole('button', { name: /Apresentar o cumprimento/ }).click();
      await aguardarRecibo(page);
      const recibo = page.locator('#recibo');
      expect(await recibo.textContent()).toContain(createHash('sha256').update(laudo).digest('hex'));
      expect(await recibo.textContent()).toContain('Laudo de segurança.pdf');
      expect(await page.locator('#recibo-numero').textContent()).toMatch(/^\d+$/);
      expect(await page.locator('#recibo-instante').textContent()).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2} \(horário de Brasília\)$/);
      await conferirPagina(page, 'recibo', violacoesCsp);

      // The same form sent again (a double click, a resend) acts once: it answers with the same recibo.
      const repetido = await page.request.post(`${baseUrl}/processos/${id}/acoes/cumprir-exigencias`, {
        multipart: { _csrf: csrf, _chave: chave, resposta: 'Segue o laudo técnico abrangendo o imóvel anexado.', arquivos: { name: 'Laudo de segurança.pdf', mimeType: 'application/pdf', buffer: laudo } },
        maxRedirects: 0,
      });
      expect(repetido.status()).toBe(303);
      expect(repetido.headers().location).toBe(`${new URL(page.url()).pathname}#recibo`);
      const linhaDepois = await ate(() => api('GET', `/v1/processos/${id}/linha-do-tempo`, 'representante'), (r) => r.body.eventos.some((e: { tipo: string }) => e.tipo === 'cumprir-exigencias'), 'resposta na linha do tempo');
      expect(linhaDepois.body.eventos.filter((e: { tipo: string }) => e.tipo === 'cumprir-exigencias')).toHaveLength(1);
    } finally {
      await contexto.close();
    }
  }, 180_000);

  it('a supervisora vê no painel o prazo em curso e a notificação sem ciência, e os exporta em CSV', async () => {
    // Two more processes of the school's other units: one whose notice was opened (its prazo runs), one not yet.
    comPrazo = await abrirComExigencias(`${INEP.slice(0, 6)}91`, 'SEI-030001/018003/2026');
    const r = await api('POST', `/v1/processos/${comPrazo}/vistoria/tomar-ciencia`, 'representante', {}, { 'idempotency-key': `ciencia-${randomUUID()}` });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const semCiencia = await abrirComExigencias(`${INEP.slice(0, 6)}92`, 'SEI-030001/018004/2026');
    await ate(() => api('GET', `/v1/processos/${comPrazo}/linha-do-tempo`, 'representante'), (x) => x.body.prazos.some((p: { situacao: string }) => p.situacao === 'aberto'), 'prazo aberto');
    const { contexto, page, violacoesCsp } = await entrar('supervisor');
    try {
      expect(new URL(page.url()).pathname).toBe('/painel');
      // The answer's prazo (10 dias corridos) ends within 10 business days from today.
      await page.getByLabel('Vencendo em até (dias úteis)').fill('10');
      await page.getByRole('button', { name: 'Atualizar' }).click();
      await page.waitForURL(/dias=10/);
      expect(await page.locator('#titulo-vencendo ~ .rito-tabela tr', { hasText: 'SEI-030001/018003/2026' }).textContent()).toContain('Cumprimento das exigências da análise de forma');
      // Ciência tácita: ten calendar days after the notice was sent, moved to the next business day (rules/prazos cienciaTacita).
      const aguardando = page.locator('#titulo-ciencia ~ .rito-tabela tr', { hasText: 'SEI-030001/018004/2026' });
      expect(await aguardando.textContent()).toMatch(/\d+ de \S+ de \d{4}/);
      expect(await aguardando.locator('a').getAttribute('href')).toBe(`/processos/${semCiencia}`);
      expect(await page.locator('#titulo-ciencia ~ .rito-tabela tr', { hasText: 'SEI-030001/018003/2026' }).count()).toBe(0);
      await conferirPagina(page, 'painel', violacoesCsp);
      const resposta = await page.request.get(`${baseUrl}${await page.getByRole('link', { name: /Exportar em CSV/ }).first().getAttribute('href')}`);
      expect(resposta.status()).toBe(200);
      expect(resposta.headers()['content-type']).toBe('text/csv; charset=utf-8');
      const csv = (await resposta.body()).toString('utf8');
      expect(csv.startsWith('\uFEFFProcesso;Número SEI;Instituição;')).toBe(true);
      const registro = csv.split('\r\n').find((l) => l.includes('SEI-030001/018003/2026'));
      expect(registro?.split(';').slice(0, 5)).toEqual([comPrazo, 'SEI-030001/018003/2026', 'Colégio Exemplo', CNPJ, UNIDADE]);

      // The audit trail, filtered by the process: the RL's ciência and the inspetora's acts, newest first.
      await page.getByRole('link', { name: 'Auditoria' }).click();
      await page.getByLabel('Processo').fill(comPrazo);
      await page.getByLabel('Ação (ou prefixo terminado em “.”)').fill('vistoria.');
      await page.getByRole('button', { name: 'Filtrar' }).click();
      await page.waitForURL(/\/auditoria\?/);
      const acoes = await page.locator('tbody code').allTextContents();
      expect(acoes).toEqual(['vistoria.tomar-ciencia', 'vistoria.registrar-exigencias-forma', 'vistoria.autuar']);
      await conferirPagina(page, 'auditoria', violacoesCsp);
    } finally {
      await contexto.close();
    }
  }, 120_000);

  it('o administrador cadastra um dia sem expediente no último dia de um prazo: vê antes o prazo afetado, e o prazo se move', async () => {
    const linha = await api('GET', `/v1/processos/${comPrazo}/linha-do-tempo`, 'representante');
    const prazo = linha.body.prazos.find((p: { situacao: string }) => p.situacao === 'aberto');
    // A last day without expediente in the unit moves the end to the next business day (Lei 9.784/1999, art. 66, § 1º):
    // the day after, unless it is a weekend or holiday (then the next business day of the calendar).
    const local = await localDaUnidade(w.db, UNIDADE);
    const calendario = criarCalendario(local, []);
    let seguinte = lerData(prazo.vencimento, 'vencimento') + 1;
    while (!calendario.ehDiaUtil(seguinte)) seguinte++;
    const novoUltimoDia = formatarData(seguinte);

    const { contexto, page, violacoesCsp } = await entrar('administrador');
    try {
      expect(new URL(page.url()).pathname).toBe('/calendario');
      await conferirPagina(page, 'calendario', violacoesCsp);
      const form = page.locator('form[action="/calendario/previa"]');
      await form.locator('[name="data"]').fill(prazo.vencimento);
      await form.locator('[name="escopo"]').selectOption('unidade');
      await form.locator('[name="unidade"]').fill(UNIDADE);
      await form.locator('[name="motivo"]').fill('Sem expediente — mudança de sede');
      await form.locator('[name="atoLegal"]').fill('Portaria SEEDUC nº 1/2026');
      await form.getByRole('button', { name: 'Ver os prazos afetados' }).click();
      await page.waitForURL(/\/calendario\/previa$/);
      // Before anything is recorded: the prazo it will move, with its limit now.
      const afetado = page.locator('tr', { hasText: 'SEI-030001/018003/2026' });
      expect(await afetado.textContent()).toContain(`${prazo.vencimento.slice(8, 10)}/${prazo.vencimento.slice(5, 7)}/${prazo.vencimento.slice(0, 4)} 23:59:59`);
      expect(await w.db.selectFrom('dia_decretado').select('id').where('data', '=', prazo.vencimento).execute()).toEqual([]);
      await conferirPagina(page, 'calendario-previa', violacoesCsp);

      await page.getByRole('button', { name: 'Confirmar e recalcular os prazos' }).click();
      await page.waitForURL(/\/calendario\/decretados$/);
      expect(await page.getByRole('status').first().textContent()).toContain('Dia sem expediente cadastrado');
      await page.getByRole('link', { name: comPrazo }).click();
      const esperado = `${novoUltimoDia.slice(8, 10)}/${novoUltimoDia.slice(5, 7)}/${novoUltimoDia.slice(0, 4)} 23:59:59`;
      await ate(async () => (await page.reload(), await page.locator('.rito-cartao', { hasText: 'Prazo em curso' }).textContent()), (t) => !!t?.includes(esperado), 'novo limite na página');
      // The change of limit, with its reason, in the prazo's history.
      expect(await page.locator('#titulo-prazos ~ .rito-tabela').first().textContent()).toContain('mudança de sede');
      await conferirPagina(page, 'processo-prazo-movido', violacoesCsp);
    } finally {
      await contexto.close();
    }
  }, 120_000);

  it('a Comissão agenda a visita e registra o Termo de Visita pelos formulários gerados', async () => {
    await agirPelaApi('aprovar-forma', 'inspetor', { checklist: checklistForma(TIPO) });
    const membros = (['membro1', 'membro2', 'membro3'] as const).map((m, i) => ({ nome: contas[m].nome, matricula: `200${i + 1}`, usuarioId: contas[m].id }));
    await agirPelaApi('publicar-ordem-servico', 'inspetor', { comissao: membros, publicacao: { data: await hojeNoServidor(), pagina: 14 } });

    let visita = '';
    const bruno = await entrar('membro1');
    try {
      const { page, violacoesCsp } = bruno;
      expect(new URL(page.url()).pathname).toBe('/caixa');
      await ate(async () => (await page.reload(), await page.locator('main').textContent()), (t) => !!t?.includes(NUMERO_SEI), 'processo na caixa da Comissão');
      await conferirPagina(page, 'caixa', violacoesCsp);
      // The filter "vence em N dias úteis" keeps the process whose decision is due within the horizon.
      await page.getByLabel('Vence em até (dias úteis)').fill('60');
      await page.getByRole('button', { name: 'Filtrar' }).click();
      await page.waitForURL(/dias=60/);
      expect(await page.getByRole('link', { name: NUMERO_SEI }).count()).toBe(1);

      await page.getByRole('link', { name: NUMERO_SEI }).click();
      // On the unit's calendar with its decreed days (the administrator's test decreed one).
      const local = await localDaUnidade(w.db, UNIDADE);
      visita = dataMinimaVisita({ aviso: await w.agora(), local, diasDecretados: await lerDiasDecretados(w.db, local, await hojeNoServidor()) }).data;
      await abrirAcao(page, 'agendar-visita');
      const agendar = formulario(page, 'agendar-visita');
      await agendar.getByLabel('Data').fill(visita);
      await agendar.getByLabel('Hora').fill('09:00');
      await conferirPagina(page, 'processo-comissao', violacoesCsp);
      await agendar.getByRole('button', { name: /Agendar/ }).click();
      await aguardarRecibo(page);
      expect(await page.locator('#recibo').textContent()).toContain('Visita in loco agendada');
      const agendado = await ate(() => api('GET', `/v1/processos/${id}`, 'inspetor'), (r) => r.body.fase === 'visita-agendada', 'visita agendada');
      expect(agendado.body.fase).toBe('visita-agendada');

      // The day of the visit.
      await w.saltarAte(`${visita}T14:00:00-03:00`);
    } finally {
      await bruno.contexto.close();
    }

    const carla = await entrar('membro2');
    try {
      const { page, violacoesCsp } = carla;
      await page.goto(`${baseUrl}/processos/${id}`);
      const itens = verificacoesDaVisita(TIPO);
      // The list of verificações grows one item per click, keeping what was typed.
      for (let i = 1; i < itens.length; i++) {
        await abrirAcao(page, 'concluir-visita-sem-exigencias');
        await formulario(page, 'concluir-visita-sem-exigencias').getByRole('button', { name: /Acrescentar item em “Verificações”/ }).click();
        await page.waitForLoadState();
      }
      const termo = formulario(page, 'concluir-visita-sem-exigencias');
      const campo = (nome: string) => termo.locator(`[name="termoVisita.${nome}"]`);
      await campo('realizadaEm').fill(visita);
      await campo('horaInicio').fill('09:00');
      await campo('horaFim').fill('08:30');
      await campo('representante.nome').fill('Maria Representante');
      await campo('representante.qualidade').selectOption('representante-legal');
      for (const [i, v] of itens.entries()) {
        await campo(`verificacoes.${i}.codigo`).fill(v.codigo);
        await campo(`verificacoes.${i}.item`).fill(v.item);
        await campo(`verificacoes.${i}.situacao`).selectOption(v.situacao);
      }
      // Enter in a field sends the action (the form's default button), not "acrescentar item".
      await campo('representante.nome').press('Enter');
      await page.waitForLoadState();
      expect(await page.locator('#f-concluir-visita-sem-exigencias-termoVisita-horaFim-erro').textContent()).toBe('o término da visita deve ser posterior ao início');
      // What was typed is still there.
      expect(await campo(`verificacoes.${itens.length - 1}.codigo`).inputValue()).toBe(itens.at(-1)!.codigo);
      await conferirPagina(page, 'processo-termo-recusado', violacoesCsp);
      // The process page in high contrast (back on the page the form was on), then as before.
      await page.getByRole('link', { name: 'Alto contraste' }).click();
      await page.waitForURL(new RegExp(`/processos/${id}$`));
      await conferirPagina(page, 'processo-alto-contraste', violacoesCsp);
      await page.getByRole('link', { name: 'Contraste normal' }).click();
      await page.waitForURL(new RegExp(`/processos/${id}$`));
      // The form is shown afresh: the Termo typed again, now ending after it starts.
      await abrirAcao(page, 'concluir-visita-sem-exigencias');
      for (let i = 1; i < itens.length; i++) {
        await formulario(page, 'concluir-visita-sem-exigencias').getByRole('button', { name: /Acrescentar item em “Verificações”/ }).click();
        await page.waitForLoadState();
      }
      await campo('realizadaEm').fill(visita);
      await campo('horaInicio').fill('09:00');
      await campo('representante.nome').fill('Maria Representante');
      await campo('representante.qualidade').selectOption('representante-legal');
      for (const [i, v] of itens.entries()) {
        await campo(`verificacoes.${i}.codigo`).fill(v.codigo);
        await campo(`verificacoes.${i}.item`).fill(v.item);
        await campo(`verificacoes.${i}.situacao`).selectOption(v.situacao);
      }

      await campo('horaFim').fill('11:30');
      await termo.getByRole('button', { name: /Concluir a visita/ }).click();
      await aguardarRecibo(page);
      expect(await page.locator('#recibo').textContent()).toContain('Concluir a visita sem exigências');
      const depois = await ate(() => api('GET', `/v1/processos/${id}`, 'inspetor'), (r) => r.body.fase === 'pronunciamento', 'Termo registrado');
      expect(depois.body.fase).toBe('pronunciamento');
    } finally {
      await carla.contexto.close();
    }
  }, 240_000);
});
