/**
 * The catalogue of documents rito issues (DOMAIN.md, "Documents (ofícios)"): for
 * each one its template (templates/documentos/<tipo>.hbs), the zod schema of its
 * data, the espécie whose number series it takes, its assunto, who signs it, and
 * the values derived from rito's rules (prazos, labels) that the template shows.
 *
 * Two forms, both in the Padrão Ofício of the Manual de Redação da Presidência da
 * República (3ª ed.): 'comunicacao' — an ofício, with endereçamento, vocativo and
 * fecho — and 'ato' — Ordem de Serviço, termos, Pronunciamento, Estudo Técnico,
 * edital — which keep the cabeçalho, identificação, local e data, assunto, texto
 * and signature(s) but, not being addressed to anyone, have no endereçamento,
 * vocativo or fecho.
 *
 * Number series: one per (unidade, ano, espécie). Every ofício of a unit shares
 * the 'Ofício' series; each kind of act has its own ('Ordem de Serviço nº 1/2026/…'
 * and 'Ofício nº 1/2026/…' coexist), as units number their acts in practice.
 *
 * The catalogue is split by rite family: ./vistoria.ts, ./cadastros.ts, ./etap.ts, ./presenca.ts; what a
 * document is and the shared derivations are in ./definicao.ts.
 */
import type { z } from 'zod';
import type { DefinicaoDocumento } from './definicao';
import { CATALOGO_CADASTROS } from './cadastros';
import { CATALOGO_ETAP } from './etap';
import { CATALOGO_PRESENCA } from './presenca';
import { CATALOGO_VISTORIA } from './vistoria';

export * from './definicao';
export { descreverPrazo } from './vistoria';
export { emissor, fecho, vocativo, signatario } from '../campos';

export const CATALOGO = { ...CATALOGO_VISTORIA, ...CATALOGO_CADASTROS, ...CATALOGO_ETAP, ...CATALOGO_PRESENCA } as const;

export type TipoDocumento = keyof typeof CATALOGO;
export const TIPOS_DOCUMENTO = Object.keys(CATALOGO) as TipoDocumento[];
/** The data each template takes (after validation). */
export type DadosDocumento<T extends TipoDocumento> = z.output<(typeof CATALOGO)[T]['schema']>;
/** The data each template accepts (before normalisation). */
export type EntradaDocumento<T extends TipoDocumento> = z.input<(typeof CATALOGO)[T]['schema']>;

export function isTipoDocumento(v: unknown): v is TipoDocumento {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(CATALOGO, v);
}

export function definicao(tipo: TipoDocumento): DefinicaoDocumento {
  return CATALOGO[tipo] as unknown as DefinicaoDocumento;
}

// Re-exported for callers building data.
