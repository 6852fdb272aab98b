/**
 * Reading a page's form: every form of the pages is posted as
 * multipart/form-data (one parser for forms with and without files; no
 * second body parser). Files are read into memory up to the upload limit of
 * the API (RITO_FILES_MAX_BYTES, enforced again when stored).
 */
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../api/errors';

export interface ArquivoPostado {
  campo: string;
  filename: string;
  mimetype: string;
  conteudo: Buffer;
}

export interface FormularioPostado {
  valores: Record<string, string>;
  arquivos: ArquivoPostado[];
}

export async function lerFormulario(request: FastifyRequest): Promise<FormularioPostado> {
  const valores: Record<string, string> = {};
  const arquivos: ArquivoPostado[] = [];
  if (!request.isMultipart()) throw new HttpError(415, 'tipo-de-conteudo', 'Envie o formulário pela página.');
  for await (const parte of request.parts()) {
    if (parte.type === 'file') {
      const conteudo = await parte.toBuffer();
      // A file input left empty still sends a part without name or content.
      if (parte.filename || conteudo.length) arquivos.push({ campo: parte.fieldname, filename: parte.filename, mimetype: parte.mimetype, conteudo });
    } else {
      valores[parte.fieldname] = String(parte.value ?? '');
    }
  }
  return { valores, arquivos };
}
