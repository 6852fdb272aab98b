/**
 * Issue 17, defect 11: without SMTP, a password-reset or invitation link must not
 * be written to the log (anyone reading logs could use it): the message goes to
 * the development mailbox, a .eml file the developer opens, and the log names the file only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { correioDaConfiguracao, correioNaPasta } from '../../api/contas/correio';
import { loadConfig } from '../../config/settings';

const pasta = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-correio-'));
afterAll(() => fs.rmSync(pasta, { recursive: true, force: true }));

describe('caixa de correio de desenvolvimento', () => {
  it('keeps the message, link included, in a .eml file and logs only where it is', async () => {
    const log: string[] = [];
    const link = 'https://rito.test/v1/senhas/redefinicao/segredo-de-uso-unico-123';
    await correioNaPasta(pasta, (m) => log.push(m)).enviar({ para: 'maria@example.org', assunto: 'Redefinição de senha', texto: `Use o endereço: ${link}` });
    const arquivos = fs.readdirSync(pasta).filter((f) => f.endsWith('.eml'));
    expect(arquivos).toHaveLength(1);
    const eml = fs.readFileSync(path.join(pasta, arquivos[0]!), 'utf8');
    expect(eml).toMatch(/^To: maria@example\.org$/m);
    // Quoted-printable body: soft line breaks joined, as a mail client reads it.
    expect(eml.replace(/=\r?\n/g, '')).toContain(link);
    expect(log).toHaveLength(1);
    expect(log[0]).toContain(path.join(pasta, arquivos[0]!));
    expect(log[0]).not.toContain('segredo-de-uso-unico-123');
  });

  it('is what the configuration gives without SMTP_HOST, under RITO_DATA_DIR/correio', async () => {
    const config = loadConfig({ RITO_DATA_DIR: pasta } as NodeJS.ProcessEnv);
    const correio = correioDaConfiguracao(config, () => {});
    expect(correio.real).toBe(false);
    await correio.enviar({ para: 'joao@example.org', assunto: 'Convite', texto: 'Bem-vindo.' });
    expect(fs.readdirSync(path.join(pasta, 'correio')).filter((f) => f.endsWith('.eml'))).toHaveLength(1);
  });
});
