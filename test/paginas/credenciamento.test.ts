/**
 * The credenciamento of an external user through the pages only, in Chromium,
 * on the time-skipping server (seed 002, IN SEI-MEC arts. 16–19): a procurador
 * registers himself on /credenciamento with a procuração valid until a date,
 * the administração points out a pendência, he answers it on the follow-up
 * page with a new procuração (the 5 dias úteis count again from that sending),
 * the administração approves, he sets his password by the e-mailed link and
 * sees his institution in /portal; past the procuração's last day the
 * representation ends at 00:00 of the next day: the portal no longer lists the
 * institution and the administração's page shows the end. The e-mails go
 * through a real SMTP server; every page is checked by axe and photographed.
 *
 * The dates are fixed (a legal count is derived by hand below) in August 2030:
 * the time-skipping server only moves forward, so the test holds while the
 * real clock is before its first instant.
 */
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { buildApp } from '../../api/app';
import { correioSmtp } from '../../api/contas/correio';
import { novoCpf, PDF } from '../habilitacao/apoio';
import { startSmtp } from '../support/smtp';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { abrirNavegador, conferirPagina, entrarPelaPagina, linkDoEmail, novaPessoa } from './navegador';
import { sistemaDePaginas } from './sistema';

const SENHA = `senha-de-teste-${randomUUID()}`;
const CNPJ = '11222333000181';
const INSTITUICAO = 'Colégio Credenciado Exemplo';

let w: WorkflowTestEnv;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let app: Awaited<ReturnType<typeof buildApp>>;
let baseUrl: string;
let browser: Browser;
let contas: Record<'adm', { id: string; nome: string; email: string }>;

beforeAll(async () => {
  smtp = await startSmtp();
  w = await startWorkflowEnv({ correio: correioSmtp({ host: '127.0.0.1', port: smtp.port, from: 'rito <nao-responda@rito.test>' }) });
  ({ app, baseUrl, contas } = await sistemaDePaginas<'adm'>(w, {
    cnpj: CNPJ,
    senha: SENHA,
    pessoas: { adm: { nome: 'Administradora do rito', papeis: ['administrador'], unidade: null } },
    comSessao: [],
    // The representação is created at a skipped instant and ends at another: sessions read it at the server's time.
    escopoNoRelogio: true,
  }));
  browser = await abrirNavegador();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await w?.stop();
  await smtp?.stop();
});



/** The follow-up page opened by the e-mail's link (the code in the fragment, posted by the form). */
async function abrirAcompanhamento(page: Page, link: string) {
  // From the follow-up page itself, the link differs only in its fragment: leave first, so that it loads again.
  await page.goto('about:blank');
  await page.goto(link);
  await page.getByRole('button', { name: 'Ver o pedido' }).click();
  await page.locator('#fase').waitFor();
}

const PROCURADOR = { nome: 'Paulo Procurador', email: `procurador.${randomUUID().slice(0, 6)}@colegio.exemplo.org` };

describe('credenciamento de usuário externo pelas páginas', () => {
  let rl: Awaited<ReturnType<typeof novaPessoa>>;
  let adm: Awaited<ReturnType<typeof novaPessoa>>;
  let linkAcompanhamento: string;

  async function abrirNaAdministracao(foto?: string) {
    await adm.page.goto(`${baseUrl}/administracao/credenciamentos`);
    if (foto) await conferirPagina(adm.page, foto, adm.violacoesCsp);
    await adm.page.getByRole('link', { name: PROCURADOR.nome }).click();
    await adm.page.locator('#situacao').waitFor();
  }

  it('the procurador registers himself with the terms of art. 17 and his documents; the analysis has 5 dias úteis', { timeout: 300_000 }, async () => {
    // Monday 05/08/2030, 10:00 in Brasília (-03:00).
    await w.saltarAte('2030-08-05T13:00:00.000Z');
    rl = await novaPessoa(browser);
    const page = rl.page;
    await page.goto(`${baseUrl}/credenciamento`);
    await conferirPagina(page, 'credenciamento', rl.violacoesCsp);
    await expect.poll(() => page.locator('#termo').textContent()).toContain('ato pessoal, intransferível, indelegável e irrevogável');
    await page.locator('#cred-nome').fill(PROCURADOR.nome);
    await page.locator('#cred-cpf').fill(novoCpf());
    await page.locator('#cred-email').fill(PROCURADOR.email);
    await page.locator('#cred-instituicao-cnpj').fill(CNPJ);
    await page.locator('#cred-instituicao-nome').fill(INSTITUICAO);
    await page.locator('#cred-tipo').selectOption('procurador');
    await page.locator('#cred-validaAte').fill('2030-09-30');
    await page.locator('label[for="cred-aceitaTermo"]').click();
    await page.locator('#cred-documento-ato-constitutivo').setInputFiles({ name: 'contrato-social.pdf', mimeType: 'application/pdf', buffer: PDF });
    // A procurador without the procuração is refused beside its file field, with the table's words.
    await page.getByRole('button', { name: 'Protocolar o credenciamento' }).last().click();
    await expect.poll(() => page.locator('#cred-documento-procuracao-erro').textContent(), { timeout: 60_000 }).toContain('envie: Procuração');
    await conferirPagina(page, 'credenciamento-erro', rl.violacoesCsp);
    // What was typed is kept; the files are chosen again.
    expect(await page.locator('#cred-instituicao-nome').inputValue()).toBe(INSTITUICAO);
    await page.locator('#cred-documento-ato-constitutivo').setInputFiles({ name: 'contrato-social.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('#cred-documento-procuracao').setInputFiles({ name: 'procuracao.pdf', mimeType: 'application/pdf', buffer: PDF });
    if (!(await page.locator('#cred-aceitaTermo').isChecked())) await page.locator('label[for="cred-aceitaTermo"]').click();
    await page.getByRole('button', { name: 'Protocolar o credenciamento' }).last().click();
    await expect.poll(() => page.locator('#protocolo').count(), { timeout: 60_000 }).toBe(1);
    const protocolo = (await page.locator('#protocolo').textContent())!.trim();
    await conferirPagina(page, 'credenciamento-protocolado', rl.violacoesCsp);

    linkAcompanhamento = await linkDoEmail(smtp, baseUrl, PROCURADOR.email, /https?:\/\/\S+\/credenciamento\/\S+#\S+/);
    expect(linkAcompanhamento).toContain(protocolo);
    await abrirAcompanhamento(page, linkAcompanhamento);
    expect(await page.locator('#fase').textContent()).toBe('Em análise');
    // Protocol on Mon 05/08/2030 (the day itself excluded), business days of Rio de Janeiro/RJ, the administração's
    // place (rules/habilitacao/prazo.ts): day 1 Tue 06, 2 Wed 07, 3 Thu 08, 4 Fri 09 (Sat/Sun skipped), 5 Mon 12/08.
    await expect.poll(() => page.locator('#prazo-analise').textContent(), { timeout: 60_000 }).toContain('12/08/2030 23:59:59');
    expect(await page.locator('#validade').textContent()).toBe('30/09/2030');
    await conferirPagina(page, 'credenciamento-acompanhamento', rl.violacoesCsp);
  });

  it('the administração points out a pendência; the new sending restarts the 5 dias úteis', { timeout: 300_000 }, async () => {
    // Wednesday 07/08/2030, 10:00 (-03:00).
    await w.saltarAte('2030-08-07T13:00:00.000Z');
    adm = await novaPessoa(browser);
    await entrarPelaPagina(adm.page, baseUrl, contas.adm.email, SENHA, /\/calendario$/);
    // Only the administração's roles see the entry.
    await expect.poll(() => adm.page.getByRole('link', { name: 'Credenciamentos' }).count()).toBeGreaterThan(0);
    await abrirNaAdministracao('credenciamentos-lista');
    await adm.page.locator('#acao-apontar-pendencia summary').click();
    await conferirPagina(adm.page, 'credenciamento-administracao', adm.violacoesCsp);
    const antes = smtp.mensagens.length;
    await adm.page.locator('#acao-apontar-pendencia-pendencias').fill('Procuração sem reconhecimento de firma do outorgante');
    await adm.page.locator('#enviar-apontar-pendencia').click();
    await expect.poll(() => adm.page.locator('#historico').textContent(), { timeout: 60_000 }).toContain('Administradora do rito');
    await expect.poll(() => adm.page.locator('#situacao').textContent(), { timeout: 60_000 }).toBe('Pedido');

    // The pendência's e-mail brings a new link (the old one stops working).
    const link = await linkDoEmail(smtp, baseUrl, PROCURADOR.email, /https?:\/\/\S+\/credenciamento\/\S+#\S+/, antes);
    expect(link).not.toBe(linkAcompanhamento);
    linkAcompanhamento = link;
    // Thursday 08/08/2030, 15:00 (-03:00): the procurador answers with the procuração signed and recognised.
    await w.saltarAte('2030-08-08T18:00:00.000Z');
    const page = rl.page;
    await abrirAcompanhamento(page, link);
    await expect.poll(() => page.locator('#pendencias').textContent(), { timeout: 60_000 }).toContain('Procuração sem reconhecimento de firma');
    await conferirPagina(page, 'credenciamento-pendencia', rl.violacoesCsp);
    await page.locator('#reenvio-documento-procuracao').setInputFiles({ name: 'procuracao-com-firma.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByRole('button', { name: 'Enviar documentos' }).click();
    await expect.poll(() => page.locator('main').textContent(), { timeout: 60_000 }).toContain('a análise recomeça a contar deste envio');
    expect(await page.locator('#fase').textContent()).toBe('Em análise');
    // Counted again from the new sending, Thu 08/08/2030 (art. 16 § 4º), not from the protocol (which gave 12/08):
    // day 1 Fri 09, Sat 10/Sun 11 skipped, day 2 Mon 12, 3 Tue 13, 4 Wed 14, 5 Thu 15/08 → 15/08/2030 23:59:59.
    await expect
      .poll(
        async () => {
          await abrirAcompanhamento(page, link);
          return page.locator('#prazo-analise').textContent();
        },
        { timeout: 60_000 },
      )
      .toContain('15/08/2030 23:59:59');
    expect(await page.locator('#historico').textContent()).toContain('o prazo de análise recomeça');
    await conferirPagina(page, 'credenciamento-reenviado', rl.violacoesCsp);
  });

  it('the administração approves; he sets his password by the e-mail and sees his institution in the portal', { timeout: 300_000 }, async () => {
    // Friday 09/08/2030, 14:00 (-03:00).
    await w.saltarAte('2030-08-09T17:00:00.000Z');
    await abrirNaAdministracao();
    expect(await adm.page.locator('#prazo-analise').textContent()).toContain('15/08/2030 23:59:59');
    // The new procuração is among the documents, and opens for the administração (an audited read).
    const documento = await adm.page.request.get(baseUrl + (await adm.page.getByRole('link', { name: 'procuracao-com-firma.pdf' }).getAttribute('href'))!);
    expect(documento.status()).toBe(200);
    expect(documento.headers()['content-type']).toBe('application/pdf');
    const antes = smtp.mensagens.length;
    await adm.page.locator('#acao-aprovar summary').click();
    await adm.page.locator('#enviar-aprovar').click();
    await expect.poll(() => adm.page.locator('#situacao').textContent(), { timeout: 60_000 }).toBe('Credenciado');
    expect(await adm.page.locator('#aprovado-por').textContent()).toContain('Administradora do rito, em 09/08/2030 14:00');
    // The representação runs from the approval to the end of 30/09/2030 (00:00 of 01/10, Brasília).
    const representacao = await adm.page.locator('#representacoes tbody tr').textContent();
    expect(representacao).toContain('09/08/2030 14:00');
    expect(representacao).toContain('01/10/2030 00:00:00');
    await conferirPagina(adm.page, 'credenciamento-aprovado', adm.violacoesCsp);

    const page = rl.page;
    const redefinir = await linkDoEmail(smtp, baseUrl, PROCURADOR.email, /https?:\/\/\S+\/redefinir-senha#\S+/, antes);
    await page.goto(redefinir);
    const senha = `Nova-senha-${randomUUID()}`;
    await page.getByLabel('Nova senha', { exact: true }).fill(senha);
    await page.getByLabel('Repita a nova senha').fill(senha);
    await page.getByRole('button', { name: 'Definir senha' }).click();
    await page.waitForURL(/\/entrar/);
    await entrarPelaPagina(page, baseUrl, PROCURADOR.email, senha, /\/portal$/);
    await expect.poll(() => page.locator('main h2').allTextContents()).toContain(INSTITUICAO);
    expect(await page.locator('main').textContent()).toContain('Procurador(a)');
    // The administração's entry is not in his menu, and its pages refuse him.
    expect(await page.getByRole('link', { name: 'Credenciamentos', exact: true }).count()).toBe(0);
    expect((await page.goto(`${baseUrl}/administracao/credenciamentos`))!.status()).toBe(403);
    await page.goto(`${baseUrl}/portal`);
    await conferirPagina(page, 'credenciamento-portal', rl.violacoesCsp);
  });

  it('past the procuração’s last day the representation ends at 00:00 of the next day: gone from the portal, the end on the administração’s page', { timeout: 300_000 }, async () => {
    const page = rl.page;
    // The last minute of 30/09/2030 (Brasília): still his institution.
    await w.saltarAte('2030-10-01T02:59:00.000Z');
    await page.goto(`${baseUrl}/portal`);
    expect(await page.locator('main h2').allTextContents()).toContain(INSTITUICAO);

    // 00:00 of 01/10/2030 (-03:00) = 03:00Z: the workflow's timer ends the representation on its date.
    await w.saltarAte('2030-10-01T03:00:05.000Z');
    await abrirNaAdministracao();
    await expect
      .poll(
        async () => {
          await adm.page.reload();
          return adm.page.locator('#situacao').textContent();
        },
        { timeout: 60_000 },
      )
      .toBe('Encerrado (procuração vencida)');
    expect(await adm.page.locator('#encerrado-em').textContent()).toContain('01/10/2030 00:00:00 — Procuração válida até 30/09/2030');
    const representacao = await adm.page.locator('#representacoes tbody tr').textContent();
    expect(representacao).toMatch(/01\/10\/2030 00:00:00[\s\S]*vencimento[\s\S]*Não/);
    await conferirPagina(adm.page, 'credenciamento-vencido', adm.violacoesCsp);

    await page.goto(`${baseUrl}/portal`);
    expect(await page.locator('main h2').allTextContents()).not.toContain(INSTITUICAO);
    expect(await page.locator('#encerradas').textContent()).toContain(`${INSTITUICAO} (CNPJ 11.222.333/0001-81), como Procurador(a): encerrada em 01/10/2030 00:00:00`);
    // Nor is it offered in his menu any more: the role went with the only representação.
    expect(await page.getByRole('link', { name: 'Minhas instituições' }).count()).toBe(0);
    await conferirPagina(page, 'credenciamento-portal-encerrado', rl.violacoesCsp);
  });
});
