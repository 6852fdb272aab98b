/**
 * Reads a PDF back as a servidor would see it: the text of each page, in order
 * (pdfjs-dist, Mozilla's PDF reader, without a canvas).
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of each page, its items joined by spaces and runs of space collapsed. */
export async function textoPorPagina(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise;
  try {
    const paginas: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const pagina = await doc.getPage(i);
      const conteudo = await pagina.getTextContent();
      paginas.push(
        conteudo.items
          .map((it) => ('str' in it ? it.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    return paginas;
  } finally {
    await doc.cleanup();
  }
}
