/**
 * The pages of every audience's first steps, in Chromium: login (and its
 * refusal in pt-BR), logout, password reset and invitation acceptance through
 * the e-mailed link (the token in the URL fragment, copied into the form by the
 * page's script), the development mailbox of `rito dev`; each page checked by
 * axe (no serious or critical violation), with no CSP violation, at 1280 and
 * 390 px (test/paginas/navegador.ts).
 */
import type { Browser } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { correioNaPasta } from '../../api/contas/correio';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { abrirNavegador, conferirPagina, novaPessoa } from './navegador';

let sys: TestSystem;
let browser: Browser;
let admin: Conta;

const tokenDo = (texto: string) => /https:\/\/rito\.test\/redefinir-senha#([\w-]+)/.exec(texto)![1]!;

beforeAll(async () => {
  sys = await startTestSystem();
  admin = await sys.conta({ papeis: ['administrador'] });
  browser = await abrirNavegador();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

describe('entrar, sair e senhas pelas páginas', () => {
  it('entra com e-mail e senha (recusa em português ao errar), chega à sua página inicial e sai', async () => {
    const rep = await sys.criarConta({ papeis: ['representante'], instituicoes: ['11222333000181'] });
    const { contexto, page, violacoesCsp } = await novaPessoa(browser);
    try {
      await page.goto(`${sys.baseUrl}/`);
      expect(new URL(page.url()).pathname).toBe('/entrar');
      await conferirPagina(page, 'entrar', violacoesCsp);

      await page.getByLabel('E-mail').fill(rep.email);
      await page.getByLabel('Senha').fill('senha errada de propósito');
      await page.getByRole('button', { name: 'Entrar' }).click();
      await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('E-mail ou senha incorretos.');
      await conferirPagina(page, 'entrar-recusado', violacoesCsp);

      await page.getByLabel('Senha').fill(rep.senha);
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.waitForURL(/\/portal$/);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Minhas instituições');
      // A representante has no inbox of the inspeção: the page is refused as the API refuses it.
      const caixa = await page.goto(`${sys.baseUrl}/caixa`);
      expect(caixa?.status()).toBe(403);

      await page.goto(`${sys.baseUrl}/portal`);
      await page.getByRole('button', { name: 'Sair' }).click();
      await page.waitForURL(/\/entrar\?aviso=saiu$/);
      expect(await page.getByRole('status').first().textContent()).toContain('Você saiu');
      await page.goto(`${sys.baseUrl}/portal`);
      expect(new URL(page.url()).pathname).toBe('/entrar');
    } finally {
      await contexto.close();
    }
  }, 90_000);

  it('redefine a senha pelo link do e-mail: senha fraca recusada ao lado do campo, a boa vale para entrar', async () => {
    const inspetora = await sys.criarConta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I', nome: 'Irene Inspetora' });
    const { contexto, page, violacoesCsp } = await novaPessoa(browser);
    try {
      await page.goto(`${sys.baseUrl}/entrar`);
      await page.getByRole('link', { name: 'Esqueci minha senha' }).click();
      await conferirPagina(page, 'senha-pedido', violacoesCsp);
      const antes = sys.smtp.mensagens.length;
      await page.getByLabel('E-mail').fill(inspetora.email);
      await page.getByRole('button', { name: 'Enviar o link' }).click();
      await expect.poll(() => page.getByRole('status').first().textContent()).toContain('enviaremos um link');
      const email = await sys.smtp.aguardar(inspetora.email, { depoisDe: antes });

      await page.goto(`${sys.baseUrl}/redefinir-senha#${tokenDo(email.texto)}`);
      // The script copied the token from the fragment and hid the manual field.
      await expect.poll(() => page.locator('#campo-token').isHidden()).toBe(true);
      await conferirPagina(page, 'senha-definir', violacoesCsp);
      await page.getByLabel('Nova senha', { exact: true }).fill('123456789012');
      await page.getByLabel('Repita a nova senha').fill('123456789012');
      await page.getByRole('button', { name: 'Definir senha' }).click();
      const erro = page.locator('#senha-erro');
      await expect.poll(() => erro.textContent()).toMatch(/sequência|comum|repet/i);
      await conferirPagina(page, 'senha-recusada', violacoesCsp);

      const nova = 'cajueiro florido na varanda 2026';
      // The page re-rendered keeps the token: the refused password did not spend the link.
      await page.getByLabel('Nova senha', { exact: true }).fill(nova);
      await page.getByLabel('Repita a nova senha').fill(nova);
      await page.getByRole('button', { name: 'Definir senha' }).click();
      await page.waitForURL(/\/entrar\?aviso=senha$/);
      await page.getByLabel('E-mail').fill(inspetora.email);
      await page.getByLabel('Senha').fill(nova);
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.waitForURL(/\/caixa$/);
      await conferirPagina(page, 'caixa-vazia', violacoesCsp);
    } finally {
      await contexto.close();
    }
  }, 90_000);

  it('aceita o convite: a conta criada pela administração define a senha no primeiro acesso e entra', async () => {
    const antes = sys.smtp.mensagens.length;
    const criado = await sys.request('POST', '/v1/usuarios', {
      as: admin,
      body: { nome: 'Carla Convidada', email: 'carla.convidada@rito.test', papeis: ['coogie'] },
    });
    expect(criado.status, JSON.stringify(criado.body)).toBe(201);
    const convite = await sys.smtp.aguardar('carla.convidada@rito.test', { depoisDe: antes });
    const { contexto, page } = await novaPessoa(browser);
    try {
      await page.goto(`${sys.baseUrl}/redefinir-senha#${tokenDo(convite.texto)}`);
      const senha = 'mangueira de quintal 7 folhas';
      await page.getByLabel('Nova senha', { exact: true }).fill(senha);
      await page.getByLabel('Repita a nova senha').fill(senha);
      await page.getByRole('button', { name: 'Definir senha' }).click();
      await page.waitForURL(/\/entrar\?aviso=senha$/);
      await page.getByLabel('E-mail').fill('carla.convidada@rito.test');
      await page.getByLabel('Senha').fill(senha);
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.waitForURL(/\/caixa$/);
      expect(await page.locator('.rito-usuario').textContent()).toContain('Carla Convidada');
    } finally {
      await contexto.close();
    }
  }, 60_000);

  it('só com o teclado: atalhos do eMAG (o primeiro Tab chega a eles, Enter leva ao conteúdo), Tab pelos campos, Enter envia; alto contraste sem script', async () => {
    const rep = await sys.criarConta({ papeis: ['representante'], instituicoes: ['11222333000181'] });
    const { contexto, page, violacoesCsp } = await novaPessoa(browser);
    try {
      await page.goto(`${sys.baseUrl}/entrar`);
      // The first Tab reaches the skip links.
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.textContent')).toContain('Ir para o conteúdo');
      // eMAG's access keys: 1 content, 2 menu, 4 footer (3, the search, on pages that have one).
      for (const [tecla, alvo] of [['1', '#conteudo'], ['2', '#menu'], ['4', '#rodape']]) {
        expect(await page.locator(`a[accesskey="${tecla}"]`).getAttribute('href')).toBe(alvo);
        expect(await page.locator(alvo).count()).toBe(1);
      }
      await page.keyboard.press('Enter');
      await expect.poll(() => page.evaluate('location.hash')).toBe('#conteudo');
      // From the content, Tab reaches the e-mail field, then the password; Enter sends the form.
      await page.locator('#conteudo').focus();
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.id')).toBe('email');
      await page.keyboard.type(rep.email);
      await page.keyboard.press('Tab');
      expect(await page.evaluate('document.activeElement.id')).toBe('senha');
      await page.keyboard.type(rep.senha);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/portal$/);

      // High contrast: a link (a cookie), no script needed; the page still passes axe in it.
      await page.getByRole('link', { name: 'Alto contraste' }).click();
      await page.waitForURL(/\/portal$/);
      expect(await page.evaluate('document.documentElement.className')).toBe('contraste');
      await conferirPagina(page, 'portal-alto-contraste', violacoesCsp);
      await page.getByRole('link', { name: 'Contraste normal' }).click();
      expect(await page.evaluate('document.documentElement.className')).toBe('');
    } finally {
      await contexto.close();
    }
  }, 60_000);

  it('o representante abre um processo pelo requerimento: erros ao lado dos campos, depois o processo; repetir leva ao mesmo', async () => {
    const cnpj = '11222333000181';
    const inep = `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
    const rep = await sys.criarConta({ papeis: ['representante'], instituicoes: [cnpj] });
    const { contexto, page, violacoesCsp } = await novaPessoa(browser);
    try {
      await page.goto(`${sys.baseUrl}/entrar`);
      await page.getByLabel('E-mail').fill(rep.email);
      await page.getByLabel('Senha').fill(rep.senha);
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.waitForURL(/\/portal$/);
      await page.getByRole('link', { name: 'Novo processo' }).click();
      await conferirPagina(page, 'requerimento', violacoesCsp);
      const campo = (nome: string) => page.locator(`form[action="/processos/novo"] [name="${nome}"]`);
      const preencher = async (cpf: string) => {
        await campo('tipo').selectOption('apostilamento-endereco');
        await campo('instituicao.cnpj').fill(cnpj);
        await campo('instituicao.codigoInep').fill(inep);
        await campo('instituicao.nome').fill('Colégio do Requerimento');
        await campo('instituicao.endereco.logradouro').fill('Rua A, 1');
        await campo('instituicao.endereco.bairro').fill('Centro');
        await campo('instituicao.endereco.cep').fill('20000-000');
        await campo('instituicao.endereco.municipio').fill('Rio de Janeiro');
        await campo('instituicao.endereco.uf').fill('RJ');
        await campo('unidade').fill('METROPOLITANA I');
        await campo('requerente.nome').fill('Rita Requerente');
        await campo('requerente.cpf').fill(cpf);
        await campo('requerente.email').fill('rita@example.org');
      };
      // A CPF whose check digits do not match: refused next to its field, what was typed kept.
      await preencher('529.982.247-24');
      await page.getByRole('button', { name: 'Abrir o processo' }).click();
      await page.waitForLoadState();
      expect(await page.locator('#abertura-requerente-cpf-erro').textContent()).toMatch(/CPF/);
      expect(await campo('instituicao.nome').inputValue()).toBe('Colégio do Requerimento');
      await conferirPagina(page, 'requerimento-recusado', violacoesCsp);

      await campo('requerente.cpf').fill('529.982.247-25');
      await page.getByRole('button', { name: 'Abrir o processo' }).click();
      await page.waitForURL(/\/processos\/apostilamento-endereco-/);
      const aberto = new URL(page.url()).pathname;
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Colégio do Requerimento');

      await page.goto(`${sys.baseUrl}/processos/novo`);
      await preencher('529.982.247-25');
      await page.getByRole('button', { name: 'Abrir o processo' }).click();
      await page.waitForURL(/\/processos\/apostilamento-endereco-/);
      expect(new URL(page.url()).pathname).toBe(aberto);
      const aberturas = await sys.db.selectFrom('auditoria').select('acao').where('processo_id', '=', decodeURIComponent(aberto.split('/')[2]!)).where('acao', 'like', 'processo.abrir%').execute();
      expect(aberturas.map((a) => a.acao)).toEqual(['processo.abrir', 'processo.abrir.repeticao']);
    } finally {
      await contexto.close();
    }
  }, 90_000);

  it('um formulário de outra origem, sem o token CSRF da sessão, não age', async () => {
    const { contexto, page } = await novaPessoa(browser);
    try {
      const rep = await sys.criarConta({ papeis: ['representante'] });
      await page.goto(`${sys.baseUrl}/entrar`);
      await page.getByLabel('E-mail').fill(rep.email);
      await page.getByLabel('Senha').fill(rep.senha);
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.waitForURL(/\/portal$/);
      const status = await page.evaluate(async () => {
        const f = new FormData();
        f.append('_csrf', 'forjado');
        return (await fetch('/sair', { method: 'POST', body: f })).status;
      });
      expect(status).toBe(403);
      // Still logged in.
      await page.goto(`${sys.baseUrl}/portal`);
      expect(new URL(page.url()).pathname).toBe('/portal');
    } finally {
      await contexto.close();
    }
  }, 60_000);
});

describe('minha conta: o calendário de prazos', () => {
  it('a pessoa chega à sua conta pelo nome no cabeçalho, cria o endereço do calendário (mostrado uma vez), que abre o .ics, e o revoga', async () => {
    const rep = await sys.criarConta({ papeis: ['representante'], instituicoes: ['11222333000181'] });
    const { contexto, page, violacoesCsp } = await novaPessoa(browser);
    try {
      await page.goto(`${sys.baseUrl}/entrar`);
      await page.getByLabel('E-mail').fill(rep.email);
      await page.getByLabel('Senha').fill(rep.senha);
      await page.getByRole('button', { name: 'Entrar' }).click();
      await page.waitForURL(/\/portal$/);
      await page.getByRole('link', { name: /Minha conta/ }).click();
      await page.waitForURL(/\/conta$/);
      expect(await page.locator('#agenda-situacao').textContent()).toContain('não tem um endereço');
      await conferirPagina(page, 'conta', violacoesCsp);

      await page.getByRole('button', { name: 'Criar o endereço do calendário' }).click();
      const url = await page.getByLabel(/Endereço do seu calendário/).inputValue();
      expect(url).toMatch(/\/calendario\/[A-Za-z0-9_-]{43}\.ics$/);
      await conferirPagina(page, 'conta-calendario-criado', violacoesCsp);
      const caminho = new URL(url).pathname;
      const feed = await fetch(sys.baseUrl + caminho);
      expect(feed.status).toBe(200);
      expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
      // Created through the page, audited as through the API.
      const trilha = await sys.db.selectFrom('auditoria').select('acao').where('ator_id', '=', rep.id).where('acao', 'like', 'agenda.%').execute();
      expect(trilha.map((t) => t.acao)).toEqual(['agenda.criar']);

      // Reloaded, the page no longer shows the secret: only its hash is kept.
      await page.goto(`${sys.baseUrl}/conta`);
      expect(await page.content()).not.toContain(caminho);
      expect(await page.locator('#agenda-situacao').textContent()).toContain('em vigor desde');
      await page.getByRole('button', { name: 'Revogar o endereço' }).click();
      await page.waitForURL(/\/conta$/);
      expect(await page.locator('#agenda-situacao').textContent()).toContain('não tem um endereço');
      expect((await fetch(sys.baseUrl + caminho)).status).toBe(404);
    } finally {
      await contexto.close();
    }
  }, 90_000);
});

describe('a caixa de correio de desenvolvimento', () => {
  it('só existe sob rito dev sem SMTP, e lista as mensagens guardadas com seus links', async () => {
    expect((await sys.request('GET', '/correio')).status).toBe(404);
    const pasta = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-correio-'));
    const app = await buildApp({
      db: sys.db,
      temporal: sys.temporal,
      taskQueue: sys.taskQueue,
      autenticador: createAutenticador(sys.db),
      correio: correioNaPasta(pasta, () => {}),
      urlPublica: 'http://127.0.0.1:3000',
      caixaDeCorreio: true,
    });
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    const { contexto, page, violacoesCsp } = await novaPessoa(browser);
    try {
      const conta = await sys.criarConta({ papeis: ['supervisor'], nome: 'Sílvia Supervisora' });
      await page.goto(`${base}/senha/esqueci`);
      await page.getByLabel('E-mail').fill(conta.email);
      await page.getByRole('button', { name: 'Enviar o link' }).click();
      await expect.poll(() => fs.readdirSync(pasta).length, { timeout: 10_000 }).toBe(1);
      await page.goto(`${base}/correio`);
      await conferirPagina(page, 'correio', violacoesCsp);
      await page.getByRole('link', { name: /redefin/i }).first().click();
      expect(await page.locator('pre').textContent()).toContain('Sílvia Supervisora');
      expect(await page.getByRole('link', { name: /\/redefinir-senha#/ }).count()).toBe(1);
    } finally {
      await contexto.close();
      await app.close();
      fs.rmSync(pasta, { recursive: true, force: true });
    }
  }, 60_000);
});
