/**
 * The development mailbox as a page (/correio): under `rito dev` without SMTP,
 * every e-mail rito sends (invitations, password resets, notices) is kept as a
 * .eml file (api/contas/correio.ts); this lists them, newest first, and shows
 * each one, so that the demo can be walked without reading logs. Registered only
 * by `rito dev` (PaginasDeps.caixaDeCorreio): a deployment never has it, since
 * the messages carry password links.
 */
import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import fs from 'node:fs/promises';
import path from 'node:path';
import { naoEncontrado } from '../../api/errors';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import { renderizar } from '../visao';

const NOME = /^[\w.-]+\.eml$/;

export default async function correioPaginas(app: FastifyInstance, { pasta }: { pasta: string }) {
  const ler = async (nome: string) => {
    const m = await simpleParser(await fs.readFile(path.join(pasta, nome)));
    return { nome, assunto: m.subject ?? '(sem assunto)', para: m.to ? (Array.isArray(m.to) ? m.to.map((t) => t.text).join(', ') : m.to.text) : '', data: m.date ? formatarInstanteBrasilia(m.date.getTime()) : '', texto: m.text ?? '' };
  };

  app.get('/correio', { schema: { hide: true } }, async (request, reply) => {
    const nomes = (await fs.readdir(pasta).catch(() => [] as string[])).filter((n) => NOME.test(n)).sort().reverse().slice(0, 200);
    const mensagens = await Promise.all(nomes.map(ler));
    return renderizar(request, reply, 'correio', { titulo: 'Caixa de correio de desenvolvimento', migalhas: [{ rotulo: 'Caixa de correio' }], lista: mensagens });
  });

  app.get('/correio/:nome', { schema: { hide: true } }, async (request, reply) => {
    const { nome } = request.params as { nome: string };
    if (!NOME.test(nome)) throw naoEncontrado('Mensagem');
    const m = await ler(nome).catch(() => null);
    if (!m) throw naoEncontrado('Mensagem');
    // The links of the message become links of the page (its text is escaped; the URLs are the only markup).
    return renderizar(request, reply, 'correio-mensagem', { titulo: m.assunto, migalhas: [{ rotulo: 'Caixa de correio', href: '/correio' }, { rotulo: m.assunto }], m, links: [...m.texto.matchAll(/https?:\/\/\S+/g)].map((x) => x[0]) });
  });
}
