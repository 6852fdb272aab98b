/**
 * Documents and uploaded files over HTTP, one plugin per URL prefix:
 *
 *   GET  /v1/documentos/{id}       the stored HTML of an issued document
 *   GET  /v1/documentos/{id}.pdf   its PDF, rendered now with Chromium
 *   POST /v1/arquivos?processoId=  multipart/form-data with one file (arquivos.ts)
 *
 * Scope: a document of a process is visible to whoever may see the process
 * (api/auth/escopo.ts); answers are 404 outside scope. A document without a
 * process is visible to central roles and to the inspetores of the issuing
 * unit. The shared Chromium is closed when the app closes.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { obterDocumento } from '../../documentos/emissao';
import { ChromiumIndisponivel, fecharNavegador, renderizarPdf } from '../../documentos/pdf';
import type { Ator } from '../auth/ator';
import { escopoDe } from '../auth/escopo';
import { erroSchema, HttpError, naoEncontrado } from '../errors';
import { requireAtor } from '../plugins/autenticacao';
import type { AoAbrirDocumento } from '../ritos/ciencia';
import arquivosRoutes, { type ArquivosRoutesOptions } from './arquivos';
import { podeVerProcesso } from './processo';

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema };

/** RFC 6266/5987 Content-Disposition with an ASCII fallback. */
function disposicao(tipo: 'inline' | 'attachment', nome: string): string {
  const ascii = nome.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'documento';
  return `${tipo}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nome)}`;
}

/** Issued documents, under /v1/documentos. `aoAbrir` runs after a document is served (the ciência by opening: api/ritos/ciencia.ts). */
const documentosRoutes: FastifyPluginAsyncZod<{ db: Db; aoAbrir?: AoAbrirDocumento }> = async (app, { db, aoAbrir }) => {
  app.addHook('onClose', async () => {
    await fecharNavegador();
  });

  async function documentoVisivel(ator: Ator, id: string) {
    const doc = await obterDocumento(db, id);
    if (!doc) return undefined;
    if (doc.processo_id) return (await podeVerProcesso(db, ator, doc.processo_id)) ? doc : undefined;
    const escopo = escopoDe(ator);
    const daUnidade = ator.papeis.includes('inspetor') && ator.unidade?.toLocaleUpperCase('pt-BR') === doc.unidade;
    // A document of no process (a coordination's ofício to MEC) is also its issuer's.
    return escopo.tudo || daUnidade || doc.emitido_por === ator.id ? doc : undefined;
  }

  app.get(
    '/:id',
    {
      config: {
        papeis: ['representante', 'inspetor', 'comissao', 'coogie', 'supervisor', 'administrador', 'coordenador-municipal', 'coordenador-estadual'],
        // ofícios name the requerente, the representantes, the Comissão
        auditoria: { acao: 'documento.ler', recurso: 'documento', dadosPessoais: true },
      },
      schema: {
        tags: ['documentos'],
        summary: 'Um documento emitido: HTML (/v1/documentos/{id}) ou PDF (/v1/documentos/{id}.pdf)',
        params: z.object({ id: z.string().min(1).max(80) }),
        response: { ...erros, 503: erroSchema },
      },
    },
    async (request, reply) => {
      const ator = requireAtor(request);
      const pdf = request.params.id.endsWith('.pdf');
      const id = pdf ? request.params.id.slice(0, -4) : request.params.id;
      const doc = await documentoVisivel(ator, id);
      if (!doc) throw naoEncontrado('Documento');
      await aoAbrir?.(request, doc);
      reply
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${doc.sha256}"`);
      // Shown inside rito's own process page (an iframe: the browser says so in Sec-Fetch-Dest, which no page
      // script can set), a document may be framed by our own origin; anywhere else, never.
      const emQuadro = request.headers['sec-fetch-dest'] === 'iframe';
      if (!pdf) {
        if (emQuadro) reply.header('x-frame-options', 'SAMEORIGIN');
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors ${emQuadro ? "'self'" : "'none'"}`)
          .send(doc.html as never); // raw HTML, not serialised (no 200 schema: the body is not JSON)
      }
      let conteudo: Buffer;
      try {
        conteudo = await renderizarPdf(doc.html);
      } catch (err) {
        if (err instanceof ChromiumIndisponivel) {
          request.log.error({ err }, 'PDF indisponível');
          throw new HttpError(503, 'pdf-indisponivel', 'Não foi possível gerar o PDF agora: o gerador de PDF (Chromium) está indisponível no servidor.');
        }
        throw err;
      }
      return reply
        .type('application/pdf')
        .header('content-disposition', disposicao('inline', `${doc.identificacao.replace(/[/]/g, '-')}.pdf`))
        .send(conteudo as never);
    },
  );
};

/** The folder's routes, each plugin under its own prefix. */
const documentosEArquivos: FastifyPluginAsyncZod<ArquivosRoutesOptions & { aoAbrirDocumento?: AoAbrirDocumento }> = async (app, opts) => {
  await app.register(documentosRoutes, { db: opts.db, aoAbrir: opts.aoAbrirDocumento, prefix: '/v1/documentos' });
  await app.register(arquivosRoutes, { ...opts, prefix: '/v1/arquivos' });
};

export default documentosEArquivos;
