/**
 * The Sistema Presença hierarchy through the pages only, in Chromium (seed 000):
 * a candidate to Coordenadora Estadual of RJ asks for the profile on the
 * pré-cadastro page with her ofício de nomeação, follows the pedido by the
 * e-mailed link, MEC enables her from its list, she sets her password by the
 * link and enables, after a pendência answered through the follow-up page, the
 * Coordenador Municipal of Rio de Janeiro (3304557), who enables an operadora
 * escolar of a school bound by its Código INEP. The e-mails go through a real
 * SMTP server; each person sees only his scope. Every page is checked by axe
 * and photographed at both widths.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { buildApp } from '../../api/app';
import { correioSmtp } from '../../api/contas/correio';
import { salvarUnidadeEnsino } from '../../db/habilitacoes';
import { novoCpf, PDF } from '../habilitacao/apoio';
import { startSmtp } from '../support/smtp';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { abrirNavegador, conferirPagina, entrarPelaPagina, linkDoEmail, novaPessoa } from './navegador';
import { sistemaDePaginas } from './sistema';

const SENHA = `senha-de-teste-${randomUUID()}`;
const RIO = '3304557';
const INEP = `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

let w: WorkflowTestEnv;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let browser: Browser;
let contas: Record<'mec', { id: string; nome: string; email: string }>;

beforeAll(async () => {
  smtp = await startSmtp();
  w = await startWorkflowEnv({ correio: correioSmtp({ host: '127.0.0.1', port: smtp.port, from: 'rito <nao-responda@rito.test>' }) });
  ({ app, baseUrl, contas } = await sistemaDePaginas<'mec'>(w, { cnpj: '11222333000181', senha: SENHA, pessoas: { mec: { nome: 'Servidora do MEC', papeis: ['mec'], unidade: null } }, comSessao: [] }));
  await salvarUnidadeEnsino(w.db, { codigoInep: INEP, nome: 'E. M. Presença Plena', uf: 'RJ', municipio: RIO, fonte: 'teste', por: 'teste' });
  browser = await abrirNavegador();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await w?.stop();
  await smtp?.stop();
});



/** The pré-cadastro page, filled and sent; answers the pedido's number. */
async function preCadastro(page: Page, violacoes: string[], dados: { perfil: string; nome: string; email: string; municipio?: string; inep?: string; termo?: boolean; documento?: string }, foto?: string) {
  await page.goto(`${baseUrl}/presenca/pre-cadastro`);
  if (foto) await conferirPagina(page, foto, violacoes);
  await page.locator('#pre-perfil').selectOption(dados.perfil);
  await page.locator('#pre-nome').fill(dados.nome);
  await page.locator('#pre-cpf').fill(novoCpf());
  await page.locator('#pre-email').fill(dados.email);
  await page.locator('#pre-uf').fill('RJ');
  if (dados.municipio) await page.locator('#pre-municipio').fill(dados.municipio);
  if (dados.inep) await page.locator('#pre-codigoInep').fill(dados.inep);
  if (dados.termo) await page.locator('label[for="pre-aceitaTermo"]').click();
  if (dados.documento) await page.locator(`input[name="documento.${dados.documento}"]`).setInputFiles({ name: 'documento.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Protocolar o pré-cadastro' }).last().click();
  await expect.poll(() => page.locator('#protocolo').count(), { timeout: 60_000 }).toBe(1);
  // The protocol's e-mail has come: the next one to this address is the decision's.
  await smtp.aguardar(dados.email, { timeoutMs: 60_000 });
  return (await page.locator('#protocolo').textContent())!.trim();
}

/** From the list of the one who enables: open the pedido and enable it. */
async function habilitarPelaLista(page: Page, nome: string, foto?: { violacoes: string[]; nome: string }) {
  await page.goto(`${baseUrl}/presenca`);
  if (foto) await conferirPagina(page, `${foto.nome}-lista`, foto.violacoes);
  await page.getByRole('link', { name: nome }).click();
  await page.locator('#acao-habilitar summary').click();
  if (foto) await conferirPagina(page, `${foto.nome}-pedido`, foto.violacoes);
  await page.locator('#enviar-habilitar').click();
  await expect.poll(() => page.locator('#situacao').textContent(), { timeout: 60_000 }).toBe('Ativo');
}

/** The password link of the enabling e-mail, used in the page; then the login, landing on /presenca. */
async function definirSenhaEEntrar(page: Page, email: string, depoisDe: number): Promise<string> {
  const link = await linkDoEmail(smtp, baseUrl, email, /https?:\/\/\S+\/redefinir-senha#\S+/, depoisDe);
  await page.goto(link);
  const senha = `Nova-senha-${randomUUID()}`;
  await page.getByLabel('Nova senha', { exact: true }).fill(senha);
  await page.getByLabel('Repita a nova senha').fill(senha);
  await page.getByRole('button', { name: 'Definir senha' }).click();
  await page.waitForURL(/\/entrar/);
  await entrarPelaPagina(page, baseUrl, email, senha, /\/presenca$/);
  return senha;
}

describe('Sistema Presença through the pages', () => {
  const estadual = { nome: 'Ana Coordenadora Estadual', email: `estadual.${randomUUID().slice(0, 6)}@educacao.rj.gov.br` };
  const municipal = { nome: 'Bruno Coordenador Municipal', email: `municipal.${randomUUID().slice(0, 6)}@rio.rj.gov.br` };
  const operadora = { nome: 'Carla Operadora Escolar', email: `operadora.${randomUUID().slice(0, 6)}@escola.rio` };
  let paginaEstadual: Page;
  let paginaMunicipal: Page;

  it('MEC enables the Coordenadora Estadual who asked on the pré-cadastro page with her ofício de nomeação', { timeout: 300_000 }, async () => {
    const candidata = await novaPessoa(browser);
    // Without the ofício the page refuses, next to the file field, with the table's words.
    await candidata.page.goto(`${baseUrl}/presenca/pre-cadastro`);
    await candidata.page.locator('#pre-perfil').selectOption('coordenador-estadual');
    await candidata.page.locator('#pre-nome').fill(estadual.nome);
    await candidata.page.locator('#pre-cpf').fill(novoCpf());
    await candidata.page.locator('#pre-email').fill(estadual.email);
    await candidata.page.locator('#pre-uf').fill('RJ');
    await candidata.page.getByRole('button', { name: 'Protocolar o pré-cadastro' }).last().click();
    await expect.poll(() => candidata.page.locator('#pre-documento-outro-erro').textContent(), { timeout: 60_000 }).toContain('Ofício de nomeação assinado pelo(a) Secretário(a) Estadual de Educação');

    const protocolo = await preCadastro(candidata.page, candidata.violacoesCsp, { perfil: 'coordenador-estadual', nome: estadual.nome, email: estadual.email, documento: 'oficio-nomeacao' }, 'presenca-pre-cadastro');
    await conferirPagina(candidata.page, 'presenca-protocolado', candidata.violacoesCsp);
    // The follow-up link of the e-mail: the code rides in the fragment and the page posts it.
    const acompanhamento = await linkDoEmail(smtp, baseUrl, estadual.email, /https?:\/\/\S+\/habilitacao\/\S+#\S+/);
    expect(acompanhamento).toContain(protocolo);
    await candidata.page.goto(acompanhamento);
    await candidata.page.getByRole('button', { name: 'Ver o pedido' }).click();
    await expect.poll(() => candidata.page.locator('#fase').textContent(), { timeout: 60_000 }).toBe('Em análise');
    await conferirPagina(candidata.page, 'presenca-acompanhamento', candidata.violacoesCsp);

    const mec = await novaPessoa(browser);
    await entrarPelaPagina(mec.page, baseUrl, contas.mec.email, SENHA, /\/presenca$/);
    const antes = smtp.mensagens.length;
    await habilitarPelaLista(mec.page, estadual.nome, { violacoes: mec.violacoesCsp, nome: 'presenca-mec' });
    await expect.poll(() => mec.page.locator('#habilitado-por').textContent(), { timeout: 60_000 }).toContain('Servidora do MEC');
    await expect.poll(() => mec.page.locator('#historico').textContent(), { timeout: 60_000 }).toContain('habilitado por Servidora do MEC');

    await definirSenhaEEntrar(candidata.page, estadual.email, antes);
    await expect.poll(() => candidata.page.locator('main').textContent(), { timeout: 60_000 }).toContain('Coordenador(a) Estadual — UF RJ');
    paginaEstadual = candidata.page;
    await mec.contexto.close();
  });

  it('the Coordenadora Estadual asks for a pendência, the candidate answers it on the follow-up page, and she enables the Coordenador Municipal of Rio', { timeout: 300_000 }, async () => {
    const candidato = await novaPessoa(browser);
    await preCadastro(candidato.page, candidato.violacoesCsp, { perfil: 'coordenador-municipal', nome: municipal.nome, email: municipal.email, municipio: RIO, termo: true, documento: 'documentos-comprobatorios' });
    const primeiro = smtp.mensagens.length;

    await paginaEstadual.goto(`${baseUrl}/presenca`);
    await paginaEstadual.getByRole('link', { name: municipal.nome }).click();
    await paginaEstadual.locator('#acao-apontar-pendencia summary').click();
    await paginaEstadual.locator('#acao-apontar-pendencia-pendencias').fill('Portaria de designação sem assinatura');
    await paginaEstadual.locator('#enviar-apontar-pendencia').click();
    await expect.poll(() => paginaEstadual.locator('main').textContent(), { timeout: 60_000 }).toContain('Pendências comunicadas por e-mail');

    const link = await linkDoEmail(smtp, baseUrl, municipal.email, /https?:\/\/\S+\/habilitacao\/\S+#\S+/, primeiro);
    await candidato.page.goto(link);
    await candidato.page.getByRole('button', { name: 'Ver o pedido' }).click();
    await expect.poll(() => candidato.page.locator('#pendencias').textContent(), { timeout: 60_000 }).toContain('Portaria de designação sem assinatura');
    await conferirPagina(candidato.page, 'presenca-pendencia', candidato.violacoesCsp);
    await candidato.page.getByLabel('Documento que atende às pendências').setInputFiles({ name: 'portaria-assinada.pdf', mimeType: 'application/pdf', buffer: PDF });
    await candidato.page.getByRole('button', { name: 'Enviar documentos' }).click();
    await expect.poll(() => candidato.page.locator('#fase').textContent(), { timeout: 60_000 }).toBe('Em análise');

    const antes = smtp.mensagens.length;
    await habilitarPelaLista(paginaEstadual, municipal.nome, { violacoes: [], nome: 'presenca-estadual' });
    await expect.poll(() => paginaEstadual.locator('main').textContent(), { timeout: 60_000 }).toContain('portaria-assinada.pdf');
    await definirSenhaEEntrar(candidato.page, municipal.email, antes);
    paginaMunicipal = candidato.page;
  });

  it('the Coordenador Municipal enables the operadora of the school by its INEP; she sees only herself, and the municipal level not the state one', { timeout: 300_000 }, async () => {
    const candidata = await novaPessoa(browser);
    await preCadastro(candidata.page, candidata.violacoesCsp, { perfil: 'operador-escolar', nome: operadora.nome, email: operadora.email, municipio: RIO, inep: INEP });
    const antes = smtp.mensagens.length;
    await habilitarPelaLista(paginaMunicipal, operadora.nome, { violacoes: [], nome: 'presenca-municipal' });
    const nomesMunicipal = await paginaMunicipal.goto(`${baseUrl}/presenca`).then(() => paginaMunicipal.locator('tbody td:first-child a').allTextContents());
    expect(nomesMunicipal).toEqual(expect.arrayContaining([municipal.nome, operadora.nome]));
    expect(nomesMunicipal).not.toContain(estadual.nome);

    await definirSenhaEEntrar(candidata.page, operadora.email, antes);
    const nomesOperadora = await candidata.page.locator('tbody td:first-child a').allTextContents();
    expect(nomesOperadora).toEqual([operadora.nome]);
    await expect.poll(() => candidata.page.locator('main').textContent(), { timeout: 60_000 }).toContain(`Operador(a) Escolar — escola INEP ${INEP}`);
    await conferirPagina(candidata.page, 'presenca-operadora', candidata.violacoesCsp);
  });
});
