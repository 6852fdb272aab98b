/**
 * Documents and uploaded files over HTTP (registered in api/app.ts):
 *
 *   GET  /v1/documentos/{id}       the stored HTML of an issued document
 *   GET  /v1/documentos/{id}.pdf   its PDF, rendered now with Chromium
 *   POST /v1/arquivos?processoId=  multipart/form-data with one file (PDF, PNG or JPEG)
 *
 * Scope: a document or upload of a process is visible to whoever may see the
 * process (api/auth/escopo.ts); answers are 404 outside scope. A document
 * without a process is visible to central roles and to the inspetores of the
 * issuing unit.
 *
 * Every stored upload is audited (arquivo.enviar) in the transaction that
 * records it; every refused one too (arquivo.recusar: wrong or disguised type,
 * too large, empty). The shared Chromium is closed when the app closes.
 */
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { ArquivoRecusado, criarArmazenamentoArquivos, tamanhoLegivel, type ArmazenamentoArquivos } from '../../documentos/arquivos';
import { obterDocumento } from '../../documentos/emissao';
import { ChromiumIndisponivel, fecharNavegador, renderizarPdf } from '../../documentos/pdf';
import type { Ator } from '../auth/ator';
import { escopoDe, podeVer } from '../auth/escopo';
import { erroSchema, HttpError, invalido, naoEncontrado } from '../errors';
import { defeitoDoTexto, textoExibivel } from '../../rules/texto';
import { requireAtor } from '../plugins/autenticacao';

export interface DocumentosRoutesOptions {
  db: Db;
  /** Defaults to criarArmazenamentoArquivos({ db }) (RITO_FILES_DIR, RITO_FILES_MAX_BYTES). */
  arquivos?: ArmazenamentoArquivos;
}

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema };

const arquivoSchema = z
  .object({
    id: z.string(),
    sha256: z.string(),
    tamanho: z.number().int(),
    tipo: z.enum(['application/pdf', 'image/png', 'image/jpeg']),
    nomeOriginal: z.string(),
  })
  .meta({ id: 'Arquivo' });

/** RFC 6266/5987 Content-Disposition with an ASCII fallback. */
function disposicao(tipo: 'inline' | 'attachment', nome: string): string {
  const ascii = nome.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '_') || 'documento';
  return `${tipo}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(nome)}`;
}

const documentosRoutes: FastifyPluginAsyncZod<DocumentosRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  const arquivos = opts.arquivos ?? criarArmazenamentoArquivos({ db });

  await app.register(multipart, {
    limits: { files: 1, fields: 5, fieldSize: 1024, parts: 6, fileSize: arquivos.tamanhoMaximo + 1 },
    throwFileSizeLimit: false, // guardarArquivo enforces the limit itself, with a pt-BR message
  });
  app.addHook('onClose', async () => {
    await fecharNavegador();
  });

  async function podeVerProcesso(ator: Ator, processoId: string): Promise<boolean> {
    const p = await db.selectFrom('processo').select(['id', 'unidade', 'instituicao_cnpj']).where('id', '=', processoId).executeTakeFirst();
    return !!p && podeVer(ator, p);
  }

  async function documentoVisivel(ator: Ator, id: string) {
    const doc = await obterDocumento(db, id);
    if (!doc) return undefined;
    if (doc.processo_id) return (await podeVerProcesso(ator, doc.processo_id)) ? doc : undefined;
    const escopo = escopoDe(ator);
    const daUnidade = ator.papeis.includes('inspetor') && ator.unidade?.toLocaleUpperCase('pt-BR') === doc.unidade;
    return escopo.tudo || daUnidade ? doc : undefined;
  }

  app.get(
    '/v1/documentos/:id',
    {
      config: { papeis: ['representante', 'inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'] },
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
      reply
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .header('etag', `"${doc.sha256}"`);
      if (!pdf) {
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'")
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

  app.post(
    '/v1/arquivos',
    {
      config: {
        papeis: ['representante', 'inspetor', 'comissao', 'coogie', 'administrador'],
        auditoria: { acao: 'arquivo.enviar', recurso: 'arquivo' },
      },
      schema: {
        tags: ['documentos'],
        summary: 'Envia um arquivo (PDF, PNG ou JPEG) de um processo',
        description:
          'multipart/form-data com um único arquivo. O tipo é verificado pelo conteúdo; arquivos idênticos são guardados uma só vez.',
        querystring: z.object({ processoId: z.string().min(1).max(200) }),
        response: { 201: arquivoSchema, ...erros, 413: erroSchema, 415: erroSchema },
      },
    },
    async (request, reply) => {
      const ator = requireAtor(request);
      if (!(await podeVerProcesso(ator, request.query.processoId))) throw naoEncontrado('Processo');
      if (!request.isMultipart()) {
        throw new HttpError(415, 'tipo-de-conteudo', 'Envie o arquivo como multipart/form-data.');
      }
      const parte = await request.file();
      if (!parte) throw new HttpError(400, 'arquivo-ausente', 'Nenhum arquivo foi enviado.');
      const processoId = request.query.processoId;
      const defeito = defeitoDoTexto(parte.filename);
      if (defeito) {
        const nomeOriginal = textoExibivel(parte.filename);
        await request.auditar({
          acao: 'arquivo.recusar',
          recursoId: null,
          processoId,
          resumo: `Arquivo recusado no processo ${processoId}: o nome do arquivo ${defeito}`,
          dados: { motivo: 'nome-invalido', nomeOriginal, tipoDeclarado: parte.mimetype },
        });
        // The stream must be drained, or the connection stalls on the unread upload.
        parte.file.resume();
        throw invalido([{ campo: 'arquivo', mensagem: `O nome do arquivo ${defeito}.` }], 'Nome de arquivo inválido.');
      }
      try {
        const r = await arquivos.guardarArquivo(parte.file, {
          nomeOriginal: parte.filename,
          tipoDeclarado: parte.mimetype,
          enviadoPor: ator.id,
          processoId,
          naMesmaTransacao: (trx, a) =>
            request.auditar(
              {
                recursoId: a.id,
                processoId,
                resumo: `Arquivo "${a.nomeOriginal}" (${a.tipo}, ${tamanhoLegivel(a.tamanho)}) enviado ao processo ${processoId}`,
                dados: { sha256: a.sha256, tamanho: a.tamanho, tipo: a.tipo, nomeOriginal: a.nomeOriginal },
              },
              trx,
            ),
        });
        return reply.code(201).send({ id: r.id, sha256: r.sha256, tamanho: r.tamanho, tipo: r.tipo, nomeOriginal: r.nomeOriginal });
      } catch (err) {
        if (err instanceof ArquivoRecusado) {
          await request.auditar({
            acao: 'arquivo.recusar',
            recursoId: null,
            processoId,
            resumo: `Arquivo recusado no processo ${processoId}: ${err.message}`,
            dados: { motivo: err.motivo, nomeOriginal: parte.filename, tipoDeclarado: parte.mimetype },
          });
          const status = err.motivo === 'tamanho-excedido' ? 413 : err.motivo === 'vazio' ? 400 : 415;
          throw new HttpError(status, `arquivo-${err.motivo}`, err.message);
        }
        throw err;
      }
    },
  );
};

export default documentosRoutes;
