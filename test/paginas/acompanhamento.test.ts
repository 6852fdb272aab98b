/**
 * The attendance follow-up through the pages only, in Chromium (seed 004): the
 * apuração of October 2026 opens a case for a student below the minimum
 * (9 of 20 dias letivos = 45% < 75% at 12 years, art. 2º); the operadora escolar
 * finds it among her school's cases, opens it (CPF masked, the read audited),
 * notifies the family through the form generated from the act's schema (a blank
 * name refused next to its field) and gets the notificação à família as a
 * document of the case. An operadora of another school does not see it.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encadearPendentes } from '../../api/auditoria/encadeador';
import { apurarEscolaMes } from '../../api/acompanhamento/service';
import type { buildApp } from '../../api/app';
import { efetivarHabilitacao, inserirPedidoHabilitacao } from '../../db/habilitacoes';
import { lugarDoPerfil } from '../../rules/habilitacao/perfis';
import { escola, estudante, frequencia, matricular } from '../frequencia/apoio';
import { novoCpf } from '../habilitacao/apoio';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { abrirNavegador, conferirPagina, entrarPelaPagina, novaPessoa } from './navegador';
import { sistemaDePaginas } from './sistema';

const SENHA = `senha-de-teste-${randomUUID()}`;
const RIO = '3304557';

let w: WorkflowTestEnv;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let browser: Browser;
let contas: Record<'operadora' | 'outra', { id: string; nome: string; email: string }>;
let inep: string;
let aluno: { id: string; cpf: string; nome: string };

/** The operador profile in force, as its pedido's workflow leaves it (db/habilitacoes.ts). */
async function operadorDe(conta: { id: string; nome: string; email: string }, codigoInep: string) {
  const id = randomUUID();
  const l = { uf: 'RJ', municipio: RIO, codigoInep };
  await inserirPedidoHabilitacao(w.db, {
    id, perfil: 'operador-escolar', usuarioId: conta.id, nome: conta.nome, cpf: novoCpf(), email: conta.email, telefone: null, cargo: null,
    ...l, lugar: lugarDoPerfil('operador-escolar', l), protocoladoEm: new Date().toISOString(), documentos: [], termo: null,
  });
  await efetivarHabilitacao(w.db, { id, por: 'teste', porNome: 'Coordenação Municipal', em: new Date().toISOString() });
}

beforeAll(async () => {
  w = await startWorkflowEnv();
  ({ app, baseUrl, contas } = await sistemaDePaginas<'operadora' | 'outra'>(w, {
    cnpj: '11222333000181',
    senha: SENHA,
    pessoas: { operadora: { nome: 'Operadora da Escola', papeis: ['operador-escolar'], unidade: null }, outra: { nome: 'Operadora de Outra Escola', papeis: ['operador-escolar'], unidade: null } },
    comSessao: [],
  }));
  inep = await escola(w.db);
  const outraEscola = await escola(w.db);
  await operadorDe(contas.operadora, inep);
  await operadorDe(contas.outra, outraEscola);
  aluno = await estudante(w.db, { nascimento: '2014-03-10' });
  await matricular(w.db, aluno.id, inep, 2026);
  await frequencia(w.db, aluno.id, inep, '2026-10', 20, 9);
  await apurarEscolaMes({ db: w.db, temporal: w.env.client, taskQueue: w.taskQueue }, inep, '2026-10');
  browser = await abrirNavegador();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await w?.stop();
});

async function entrar(email: string): Promise<{ page: Page; violacoes: string[] }> {
  const p = await novaPessoa(browser);
  await entrarPelaPagina(p.page, baseUrl, email, SENHA, /\/presenca$/);
  return { page: p.page, violacoes: p.violacoesCsp };
}

describe('attendance follow-up through the pages', () => {
  it('the operadora finds the case, notifies the family through the generated form and gets the notificação as a document', { timeout: 300_000 }, async () => {
    const { page, violacoes } = await entrar(contas.operadora.email);
    await page.getByRole('link', { name: 'Acompanhamento da frequência' }).first().click();
    await page.waitForURL(/\/acompanhamento$/);
    await conferirPagina(page, 'acompanhamento-casos', violacoes);
    // Listed by name with the CPF masked (LGPD: listings never show it whole).
    const linha = page.locator('tbody tr', { hasText: aluno.nome });
    expect(await linha.textContent()).toContain(`***.${aluno.cpf.slice(3, 6)}.${aluno.cpf.slice(6, 9)}-**`);
    await linha.getByRole('link', { name: aluno.nome }).click();
    await expect.poll(() => page.locator('#etapa').textContent(), { timeout: 60_000 }).toContain('família');
    await conferirPagina(page, 'acompanhamento-caso', violacoes);
    await encadearPendentes(w.db); // a read's entry may still be in the outbox
    const lidos = await w.db.selectFrom('auditoria').select('acao').where('acao', '=', 'caso-frequencia.ler').execute();
    expect(lidos.length).toBeGreaterThan(0);

    await page.locator('#acao-notificar-familia summary').click();
    // Blank name: refused next to its field, in pt-BR, what was typed kept.
    await page.locator('#acao-notificar-familia-responsavel-endereco-logradouro').fill('Rua das Laranjeiras, 100');
    await page.locator('#acao-notificar-familia-responsavel-endereco-bairro').fill('Laranjeiras');
    await page.locator('#acao-notificar-familia-responsavel-endereco-cep').fill('22240-003');
    await page.locator('#acao-notificar-familia-responsavel-endereco-municipio').fill('Rio de Janeiro');
    await page.locator('#acao-notificar-familia-responsavel-endereco-uf').fill('RJ');
    await page.locator('#enviar-notificar-familia').click();
    await expect.poll(() => page.locator('#acao-notificar-familia-responsavel-nome-erro').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.locator('#acao-notificar-familia-responsavel-endereco-bairro').inputValue()).toBe('Laranjeiras');
    await page.locator('#acao-notificar-familia-responsavel-nome').fill('Maria da Silva');
    await page.locator('#enviar-notificar-familia').click();
    await expect.poll(() => page.locator('#documentos').textContent(), { timeout: 60_000 }).toContain('ESCOLA-');
    await expect.poll(() => page.locator('#historico').textContent(), { timeout: 60_000 }).toContain('Família notificada por Operadora da Escola');
    await conferirPagina(page, 'acompanhamento-caso-notificado', violacoes);
    // The notificação opens from the case (an audited read of the case's document).
    await page.locator('#documentos a').first().click();
    await expect.poll(() => page.locator('body').textContent(), { timeout: 60_000 }).toContain('Maria da Silva');
  });

  it('an operadora of another school does not see the case: not in her list, and its page is a 404', { timeout: 300_000 }, async () => {
    const { page } = await entrar(contas.outra.email);
    await page.goto(`${baseUrl}/acompanhamento`);
    expect(await page.locator('main').textContent()).not.toContain(aluno.nome);
    const caso = await w.db.selectFrom('caso_frequencia').select('id').where('estudante_id', '=', aluno.id).executeTakeFirstOrThrow();
    const r = await page.goto(`${baseUrl}/acompanhamento/casos/${caso.id}`);
    expect(r?.status()).toBe(404);
  });
});
