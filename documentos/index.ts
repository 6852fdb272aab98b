/**
 * Documents rito issues and files it receives. See catalogo.ts (what each
 * template takes), render.ts (HTML), emissao.ts (numbering and storage), pdf.ts
 * (PDF on demand with Chromium) and arquivos.ts (uploads).
 */
import type { Db } from '../db/connect';
import { obterDocumento } from './emissao';
import { renderizarPdf } from './pdf';

export * from './catalogo';
export * from './render';
export * from './emissao';
export * from './pdf';
export * from './arquivos';

/** PDF of a stored document (rendered now from its stored HTML), or undefined when there is no such document. */
export async function pdfDoDocumento(db: Db, id: string): Promise<{ pdf: Buffer; identificacao: string; sha256: string } | undefined> {
  const doc = await obterDocumento(db, id);
  if (!doc) return undefined;
  return { pdf: await renderizarPdf(doc.html), identificacao: doc.identificacao, sha256: doc.sha256 };
}
