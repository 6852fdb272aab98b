/**
 * Bar charts drawn on the server as SVG (no script, no library, nothing but
 * our own origin: the pages' CSP holds). Each chart is an image with a title
 * and a description for screen readers (role="img"), and the page puts the
 * same figures in a table right after it, the alternative eMAG asks for. The
 * bars are coloured by CSS (rito.css: .rito-grafico), so the high-contrast
 * mode repaints them; SVG presentation attributes only, no style attributes.
 */
import Handlebars from 'handlebars';

export interface Barra {
  rotulo: string;
  valor: number;
  /** The value as the page writes it ("2,5 dias"). */
  texto: string;
}

const esc = (t: string) => Handlebars.escapeExpression(t);
const LARGURA = 640;
const LINHA = 44;
const MARGEM = 8;

/** Horizontal bars, the label above each bar (long phase names fit a phone's width), the value at its end. */
export function graficoDeBarras(o: { id: string; titulo: string; descricao: string; barras: Barra[] }): string {
  const maximo = Math.max(...o.barras.map((b) => b.valor), 0) || 1;
  const util = LARGURA - 2 * MARGEM - 90; // room for the value after the longest bar
  const altura = o.barras.length * LINHA + MARGEM;
  const linhas = o.barras
    .map((b, i) => {
      const y = MARGEM + i * LINHA;
      const w = Math.max((b.valor / maximo) * util, b.valor > 0 ? 2 : 0);
      return (
        `<g data-rotulo="${esc(b.rotulo)}" data-valor="${esc(b.texto)}">` +
        `<text x="${MARGEM}" y="${y + 13}" class="rito-grafico-rotulo">${esc(b.rotulo)}</text>` +
        `<rect x="${MARGEM}" y="${y + 18}" width="${w.toFixed(1)}" height="16" rx="2" class="rito-grafico-barra"></rect>` +
        `<text x="${(MARGEM + w + 6).toFixed(1)}" y="${y + 31}" class="rito-grafico-valor">${esc(b.texto)}</text>` +
        `</g>`
      );
    })
    .join('');
  return (
    `<svg id="${esc(o.id)}" class="rito-grafico" role="img" aria-labelledby="${esc(o.id)}-titulo ${esc(o.id)}-desc" viewBox="0 0 ${LARGURA} ${altura}" width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${esc(o.id)}-titulo">${esc(o.titulo)}</title><desc id="${esc(o.id)}-desc">${esc(o.descricao)}</desc>${linhas}</svg>`
  );
}
