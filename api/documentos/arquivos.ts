/**
 * Uploaded files over HTTP, under /v1/arquivos (registered in api/app.ts):
 *
 *   POST /v1/arquivos?processoId=  multipart/form-data with one file (PDF, PNG or JPEG)
 *   GET  /v1/arquivos/{id}         the content of an uploaded file, with its stored type and original name
 *
 * Scope: an upload to a process, and reading it back, is for whoever may see
 * the process (api/auth/escopo.ts: the RL of the institution, the inspetores of
 * its COOIE, the Comissão the Ordem de Serviço names, the COOGIE…); 404 outside
 * scope. A file of no process is visible only to who sent it and to central
 * roles. Every stored upload is audited (arquivo.enviar) in the transaction
 * that records it; every refused one too (arquivo.recusar: wrong or disguised
 * type, too large, empty); every read is audited as a read of personal data
 * (arquivo.ler: the files carry the school's and people's documents).
 */
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { type ArquivoAberto, ArquivoNaoEncontrado, ArquivoRecusado, criarArmazenamentoArquivos, tamanhoLegivel, type ArmazenamentoArquivos } from '../../documentos/arquivos';
import { defeitoDoTexto, textoExibivel } from '../../rules/texto';
import { erroSchema, HttpError, invalido, naoEncontrado } from '../errors';
import { escopoDe } from '../auth/escopo';
import { requireAtor } from '../plugins/autenticacao';
import { disposicao } from './disposicao';
import { podeVerProcesso } from './processo';

export interface ArquivosRoutesOptions {
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

/**
 * Sends a stored file as itself: its checked type, its original name (inline), never sniffed, never
 * cached by a shared cache, its hash as the ETag. Every route that serves an uploaded file answers so.
 */
export function enviarArquivo(reply: FastifyReply, arquivo: ArquivoAberto) {
  return reply
    .type(arquivo.tipo)
    .header('content-length', String(arquivo.tamanho))
    .header('content-disposition', disposicao('inline', arquivo.nomeOriginal))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .header('etag', `"${arquivo.sha256}"`)
    .send(arquivo.stream() as never);
}

/** A file part of a multipart request (@fastify/multipart). */
export interface ParteArquivo {
  filename: string;
  mimetype: string;
  /** The content: the request's stream, or the bytes already read. */
  file: NodeJS.ReadableStream | Buffer;
}

/**
 * Stores one uploaded file of a process for the request's actor, auditing it
 * (arquivo.enviar) in the transaction that records it, or its refusal
 * (arquivo.recusar) with the pt-BR reason: the one path of POST /v1/arquivos
 * and of the pages' upload fields (paginas/). The caller checked the scope.
 */
export async function receberArquivo(request: FastifyRequest, arquivos: ArmazenamentoArquivos, processoId: string, parte: ParteArquivo) {
  const ator = requireAtor(request);
  const defeito = defeitoDoTexto(parte.filename);
  if (defeito) {
    const nomeOriginal = textoExibivel(parte.filename);
    await request.auditar({
      acao: 'arquivo.recusar',
      recurso: 'arquivo',
      recursoId: null,
      processoId,
      resumo: `Arquivo recusado no processo ${processoId}: o nome do arquivo ${defeito}`,
      dados: { motivo: 'nome-invalido', nomeOriginal, tipoDeclarado: parte.mimetype },
    });
    // The stream must be drained, or the connection stalls on the unread upload.
    if (!Buffer.isBuffer(parte.file)) parte.file.resume();
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
            acao: 'arquivo.enviar',
            recurso: 'arquivo',
            recursoId: a.id,
            processoId,
            resumo: `Arquivo "${a.nomeOriginal}" (${a.tipo}, ${tamanhoLegivel(a.tamanho)}) enviado ao processo ${processoId}`,
            dados: { sha256: a.sha256, tamanho: a.tamanho, tipo: a.tipo, nomeOriginal: a.nomeOriginal },
          },
          trx,
        ),
    });
    return { id: r.id, sha256: r.sha256, tamanho: r.tamanho, tipo: r.tipo, nomeOriginal: r.nomeOriginal };
  } catch (err) {
    if (err instanceof ArquivoRecusado) {
      await request.auditar({
        acao: 'arquivo.recusar',
        recurso: 'arquivo',
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
}

const arquivosRoutes: FastifyPluginAsyncZod<ArquivosRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  const arquivos = opts.arquivos ?? criarArmazenamentoArquivos({ db });

  await app.register(multipart, {
    limits: { files: 1, fields: 5, fieldSize: 1024, parts: 6, fileSize: arquivos.tamanhoMaximo + 1 },
    throwFileSizeLimit: false, // guardarArquivo enforces the limit itself, with a pt-BR message
  });

  app.post(
    '/',
    {
      prefixTrailingSlash: 'no-slash', // the prefix itself, not also the prefix with a trailing slash
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
      if (!(await podeVerProcesso(db, ator, request.query.processoId))) throw naoEncontrado('Processo');
      if (!request.isMultipart()) {
        throw new HttpError(415, 'tipo-de-conteudo', 'Envie o arquivo como multipart/form-data.');
      }
      const parte = await request.file();
      if (!parte) throw new HttpError(400, 'arquivo-ausente', 'Nenhum arquivo foi enviado.');
      const r = await receberArquivo(request, arquivos, request.query.processoId, parte);
      return reply.code(201).send(r);
    },
  );

  app.get(
    '/:id',
    {
      config: {
        papeis: ['representante', 'inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'],
        // what the RL sends: the school's and people's documents (alvarás, plantas, identidades)
        auditoria: { acao: 'arquivo.ler', recurso: 'arquivo', dadosPessoais: true },
      },
      schema: {
        tags: ['documentos'],
        summary: 'O conteúdo de um arquivo enviado a um processo (PDF, PNG ou JPEG)',
        description:
          'Devolve o arquivo com o tipo verificado no envio e o nome original (Content-Disposition). Visível a quem pode ver o processo; 404 fora do escopo.',
        params: z.object({ id: z.string().min(1).max(80) }),
        response: erros, // 200: the file itself, not JSON
      },
    },
    async (request, reply) => {
      const ator = requireAtor(request);
      let arquivo: Awaited<ReturnType<ArmazenamentoArquivos['abrirArquivo']>>;
      try {
        arquivo = await arquivos.abrirArquivo(request.params.id);
      } catch (err) {
        if (err instanceof ArquivoNaoEncontrado) throw naoEncontrado('Arquivo');
        throw err;
      }
      const visivel = arquivo.processoId
        ? await podeVerProcesso(db, ator, arquivo.processoId)
        : arquivo.enviadoPor === ator.id || escopoDe(ator).tudo;
      if (!visivel) throw naoEncontrado('Arquivo');
      await request.auditar({
        recursoId: arquivo.id,
        processoId: arquivo.processoId,
        resumo: `Leitura do arquivo "${arquivo.nomeOriginal}" (${arquivo.tipo})${arquivo.processoId ? ` do processo ${arquivo.processoId}` : ''}`,
        dados: { sha256: arquivo.sha256, tipo: arquivo.tipo, nomeOriginal: arquivo.nomeOriginal },
      });
      return enviarArquivo(reply, arquivo);
    },
  );
};

export default arquivosRoutes;
