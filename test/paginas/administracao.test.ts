/**
 * The administrador's journey through the pages only, in Chromium: the menu
 * entry (absent for anyone else, whose request is refused as the API refuses
 * it), a new unit with its seat (a refused sigla told next to its field), a new
 * inspetora of that unit invited by e-mail (received by the test SMTP server),
 * who sets her password through the link and enters; a representante's mandate
 * registered and ended; an account deactivated (its sessions end); an API key
 * created (its secret shown once, accepted by the API) and revoked (refused
 * from then on). Each change is in the audit trail under the API's own action
 * names. Every page is checked by axe, at 1280 and 390 px (navegador.ts).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { abrirNavegador, conferirPagina, entrarPelaPagina, novaPessoa } from './navegador';

let sys: TestSystem;
let browser: Browser;
let admin: Conta;

const tokenDo = (texto: string) => /https:\/\/rito\.test\/redefinir-senha#([\w-]+)/.exec(texto)![1]!;

const entrar = (page: Page, conta: { email: string; senha: string }, destino: RegExp) => entrarPelaPagina(page, sys.baseUrl, conta.email, conta.senha, destino);

/** The Design System draws its own box over the check box: the person clicks its label, which is what toggles it. */
async function marcar(caixa: Locator, marcada: boolean) {
  const id = await caixa.getAttribute('id');
  if ((await caixa.isChecked()) !== marcada) await caixa.page().locator(`label[for="${id}"]`).click();
  expect(await caixa.isChecked()).toBe(marcada);
}

const acoesAuditadas = async (ator: string, prefixos: string[]) =>
  (await sys.db.selectFrom('auditoria').select('acao').where('ator_id', '=', ator).orderBy('seq').execute()).map((a) => a.acao).filter((a) => prefixos.some((p) => a.startsWith(p)));

beforeAll(async () => {
  sys = await startTestSystem();
  admin = await sys.conta({ papeis: ['administrador'], nome: 'Ana Administradora' });
  browser = await abrirNavegador();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sys?.stop();
});

describe('administração pelas páginas', () => {
  it('o menu “Administração” só aparece para quem administra; os outros são recusados como a API os recusa', async () => {
    const supervisora = await sys.criarConta({ papeis: ['supervisor'] });
    const { contexto, page } = await novaPessoa(browser);
    try {
      await entrar(page, supervisora, /\/(caixa|painel)$/);
      expect(await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Administração' }).count()).toBe(0);
      for (const caminho of ['/administracao', '/administracao/usuarios', '/administracao/unidades', '/administracao/chaves']) {
        expect((await page.goto(`${sys.baseUrl}${caminho}`))?.status(), caminho).toBe(403);
      }
      // A form posted by someone else's session does nothing, even with its own CSRF token.
      const csrf = (await page.locator('input[name="_csrf"]').first().getAttribute('value')) ?? '';
      const status = await page.evaluate(async (csrf) => {
        const f = new FormData();
        f.append('_csrf', csrf);
        f.append('nome', 'Chave indevida');
        f.append('papeis.supervisor', 'on');
        return (await fetch('/administracao/chaves', { method: 'POST', body: f })).status;
      }, csrf);
      expect(status).toBe(403);
      expect(await sys.db.selectFrom('chave_api').select('id').where('nome', '=', 'Chave indevida').execute()).toEqual([]);
    } finally {
      await contexto.close();
    }
  }, 90_000);

  it('cadastra uma unidade, convida uma inspetora dela (e-mail, senha, entrada), registra e encerra um mandato, desativa uma conta', async () => {
    const { contexto, page, violacoesCsp } = await novaPessoa(browser);
    try {
      await entrar(page, admin, /\/(caixa|processos\/novo|calendario|administracao)/);
      await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Administração' }).click();
      await page.waitForURL(/\/administracao$/);
      await conferirPagina(page, 'administracao', violacoesCsp);

      // A unit: first with a sigla the API refuses (lower case), told next to its field; then right.
      await page.getByRole('link', { name: 'Unidades' }).click();
      await page.waitForURL(/\/administracao\/unidades$/);
      await conferirPagina(page, 'administracao-unidades', violacoesCsp);
      const u = (nome: string) => page.locator(`#nova-unidade [name="${nome}"]`);
      await u('chave').fill('TESTE NITEROI');
      await u('nome').fill('Coordenadoria Regional de Inspeção Escolar de Teste');
      await u('sigla').fill('cooie-teste');
      await u('tipo').selectOption('cooie');
      await u('uf').fill('RJ');
      await u('sede.municipio').fill('3303302');
      await u('sede.nome').fill('Niterói');
      await u('endereco').fill('Rua da Conceição, 100, Centro, Niterói/RJ');
      await u('email').fill('cooie.teste@rito.test');
      await u('fonte').fill('Cadastro de teste');
      await page.getByRole('button', { name: 'Cadastrar a unidade' }).click();
      await page.waitForLoadState();
      expect(await page.locator('#nova-unidade-sigla-erro').textContent()).toMatch(/maiúsculas/);
      expect(await u('sede.nome').inputValue()).toBe('Niterói');
      await conferirPagina(page, 'administracao-unidade-recusada', violacoesCsp);
      await u('sigla').fill('COOIE-TESTE');
      await page.getByRole('button', { name: 'Cadastrar a unidade' }).click();
      await page.waitForURL(/\/administracao\/unidades\/TESTE%20NITEROI\?aviso=cadastrada$/);
      expect(await page.getByRole('status').first().textContent()).toContain('Unidade cadastrada');
      await conferirPagina(page, 'administracao-unidade', violacoesCsp);
      const unidade = await sys.db.selectFrom('unidade').selectAll().where('chave', '=', 'TESTE NITEROI').executeTakeFirstOrThrow();
      expect([unidade.sigla, unidade.sede_municipio, unidade.endereco]).toEqual(['COOIE-TESTE', '3303302', 'Rua da Conceição, 100, Centro, Niterói/RJ']);
      // Completing it: the phone, the rest kept.
      await page.locator('[name="telefone"]').fill('(21) 2222-3333');
      await page.getByRole('button', { name: 'Salvar as alterações' }).click();
      await page.waitForURL(/aviso=alterada$/);
      expect((await sys.db.selectFrom('unidade').select(['telefone', 'sigla']).where('chave', '=', 'TESTE NITEROI').executeTakeFirstOrThrow())).toEqual({ telefone: '(21) 2222-3333', sigla: 'COOIE-TESTE' });

      // An inspetora of the new unit, invited by e-mail.
      await page.goto(`${sys.baseUrl}/administracao/usuarios`);
      await conferirPagina(page, 'administracao-usuarios', violacoesCsp);
      const c = (nome: string) => page.locator(`#nova-conta [name="${nome}"]`);
      const email = `iara.${Date.now()}@rito.test`;
      await c('nome').fill('Iara Inspetora');
      await c('email').fill(email);
      await marcar(c('papeis.inspetor'), true);
      await c('unidade').selectOption('TESTE NITEROI');
      await c('matricula').fill('123.456-7');
      await c('cargo').fill('Inspetora Escolar');
      await c('tratamento').selectOption('senhora');
      expect(await c('enviarConvite').isChecked()).toBe(true);
      const antes = sys.smtp.mensagens.length;
      await page.getByRole('button', { name: 'Criar a conta' }).click();
      await page.waitForURL(/\/administracao\/usuarios\/[\w-]+\?aviso=criada$/);
      expect(await page.locator('#situacao-conta').textContent()).toContain('senha ainda não definida');
      await conferirPagina(page, 'administracao-usuario', violacoesCsp);
      const iara = await sys.db.selectFrom('usuario').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
      expect([iara.papeis, iara.unidade, iara.matricula, iara.cargo, iara.tratamento]).toEqual([['inspetor'], 'TESTE NITEROI', '123.456-7', 'Inspetora Escolar', 'senhora']);

      const convite = await sys.smtp.aguardar(email, { depoisDe: antes });
      const pessoa = await novaPessoa(browser);
      try {
        await pessoa.page.goto(`${sys.baseUrl}/redefinir-senha#${tokenDo(convite.texto)}`);
        const senha = 'jabuticabeira no quintal 2026';
        await pessoa.page.getByLabel('Nova senha', { exact: true }).fill(senha);
        await pessoa.page.getByLabel('Repita a nova senha').fill(senha);
        await pessoa.page.getByRole('button', { name: 'Definir senha' }).click();
        await pessoa.page.waitForURL(/\/entrar\?aviso=senha$/);
        await entrar(pessoa.page, { email, senha }, /\/caixa$/);
        expect(await pessoa.page.locator('.rito-usuario').textContent()).toContain('Iara Inspetora');

        // Deactivated by the administrador: her session ends at once.
        await page.getByRole('button', { name: 'Desativar a conta' }).click();
        await page.waitForURL(/aviso=desativada$/);
        expect(await page.locator('#situacao-conta').textContent()).toContain('desativada');
        await pessoa.page.goto(`${sys.baseUrl}/caixa`);
        expect(new URL(pessoa.page.url()).pathname).toBe('/entrar');
      } finally {
        await pessoa.contexto.close();
      }

      // A representante: a mandate for an institution, then its end.
      await page.goto(`${sys.baseUrl}/administracao/usuarios`);
      const emailRep = `rui.${Date.now()}@rito.test`;
      await c('nome').fill('Rui Representante');
      await c('email').fill(emailRep);
      await marcar(c('papeis.representante'), true);
      await marcar(c('enviarConvite'), false);
      await page.getByRole('button', { name: 'Criar a conta' }).click();
      await page.waitForURL(/aviso=criada-sem-convite$/);
      const r = (nome: string) => page.locator(`form[action$="/representacoes"] [name="${nome}"]`);
      await r('instituicao.cnpj').fill('11.222.333/0001-81');
      await r('instituicao.nome').fill('Colégio Exemplo');
      await r('tipo').selectOption('procurador');
      await r('inicio').fill('2026-01-01');
      await r('documento').fill('Procuração de 02/01/2026');
      await page.getByRole('button', { name: 'Registrar a representação' }).click();
      await page.waitForURL(/aviso=representacao#representacoes$/);
      const linha = page.locator('#representacoes tbody tr').first();
      expect(await linha.textContent()).toMatch(/Colégio Exemplo[\s\S]*Procurador\(a\)[\s\S]*vigente/);
      await conferirPagina(page, 'administracao-representacao', violacoesCsp);
      // Ended yesterday (Brasília): out of force from then on.
      const ontem = new Date(Date.now() - 3 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
      await linha.getByLabel(/Último dia/).fill(ontem);
      await linha.getByRole('button', { name: /Registrar o fim/ }).click();
      await page.waitForURL(/aviso=fim-do-mandato#representacoes$/);
      expect(await page.locator('#representacoes tbody tr').first().textContent()).toContain('fora de vigência');

      expect(await acoesAuditadas(admin.id, ['unidade.', 'usuario.criar', 'usuario.alterar', 'representacao.'])).toEqual([
        'unidade.criar',
        'unidade.alterar',
        'usuario.criar',
        'usuario.alterar',
        'usuario.criar',
        'representacao.criar',
        'representacao.alterar',
      ]);
    } finally {
      await contexto.close();
    }
  }, 240_000);

  it('cria uma chave de API (o segredo aparece uma vez e a API o aceita) e a revoga (a API passa a recusá-lo)', async () => {
    const { contexto, page, violacoesCsp } = await novaPessoa(browser);
    try {
      await entrar(page, admin, /\/(caixa|processos\/novo|calendario|administracao)/);
      await page.goto(`${sys.baseUrl}/administracao/chaves`);
      await conferirPagina(page, 'administracao-chaves', violacoesCsp);
      const k = (nome: string) => page.locator(`#nova-chave [name="${nome}"]`);
      // An inspetor's key without a unit: refused, next to the unit.
      await k('nome').fill('Sistema da supervisão');
      await marcar(k('papeis.inspetor'), true);
      await page.getByRole('button', { name: 'Criar a chave' }).click();
      await page.waitForLoadState();
      expect(await page.locator('#chave-unidade-erro').textContent()).toContain('unidade');
      await marcar(k('papeis.inspetor'), false);
      await marcar(k('papeis.supervisor'), true);
      await page.getByRole('button', { name: 'Criar a chave' }).click();
      await page.waitForLoadState();
      const segredo = await page.getByLabel(/Chave de API \(copie agora/).inputValue();
      expect(segredo).toMatch(/^rito_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
      await conferirPagina(page, 'administracao-chave-criada', violacoesCsp);

      const comChave = () => fetch(`${sys.baseUrl}/v1/eu`, { headers: { authorization: `Bearer ${segredo}` } });
      expect((await comChave()).status).toBe(200);
      // Reloaded, the page no longer has the secret: only its hash is kept.
      await page.goto(`${sys.baseUrl}/administracao/chaves`);
      expect(await page.content()).not.toContain(segredo);
      await page.getByRole('button', { name: 'Revogar a chave de Sistema da supervisão' }).click();
      await page.waitForURL(/aviso=revogada$/);
      expect(await page.locator('tbody tr').first().textContent()).toContain('revogada em');
      expect((await comChave()).status).toBe(401);
      expect(await acoesAuditadas(admin.id, ['chave-api.'])).toEqual(['chave-api.criar', 'chave-api.revogar']);
    } finally {
      await contexto.close();
    }
  }, 120_000);
});
