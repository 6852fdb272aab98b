/**
 * A checklist applied item by item (issue 10 item 9): the análise de forma
 * records each item of the kind's Instrução Processual (seed 003, Fluxo 3:
 * "aplicando checklist de conferência documental de análise de forma"), and the
 * Termo de Visita each item of the kind's visit list (Fluxo 8: "formulário de
 * visita padrão"). Its exigências come from the items found wanting, each with
 * the item's motivação and base legal; others may be added, with their own.
 *
 * Pure: the workflow's validator and hooks ask it.
 */
import { type ChecklistConferido, type RegistroItem, conferirItens } from '../ritos/checklist';
import { exigenciaDeItem, type Exigencia, type NaturezaExigencia } from './analise-forma';
import { CHECKLISTS_VISTORIA, type ItemChecklist } from './checklists';
import { type TipoVistoria, isTipoVistoria } from './tipos';

export type { RegistroItem, SituacaoItem } from '../ritos/checklist';

/** Which list of the kind's checklist: the documents of the inicial, or the visit's items. */
export type EtapaAplicada = 'documentos' | 'visita';

const NOME_ETAPA: Record<EtapaAplicada, string> = {
  documentos: 'checklist da análise de forma',
  visita: 'itens do Termo de Visita',
};

/**
 * Checks that every item of the kind's list is recorded once, by its code; that an
 * item is "não se aplica" only when the seed makes it conditional; and collects the
 * items found wanting.
 */
export function conferirChecklist(tipo: string, etapa: EtapaAplicada, registros: readonly RegistroItem[]): ChecklistConferido<ItemChecklist> {
  if (!isTipoVistoria(tipo)) return { problemas: [`Tipo de vistoria desconhecido: ${tipo}.`], emFalta: [] };
  return conferirItens(CHECKLISTS_VISTORIA[tipo][etapa], NOME_ETAPA[etapa], registros);
}

/**
 * The exigências of the items found wanting, then the others given (by code: an
 * exigência given for an item found wanting replaces the one derived from it, so
 * the servidor can word it for the case).
 */
export function exigenciasDoChecklist<E extends Exigencia>(
  tipo: TipoVistoria,
  emFalta: ChecklistConferido<ItemChecklist>['emFalta'],
  outras: readonly E[],
): ((Exigencia & { natureza: NaturezaExigencia }) | E)[] {
  const dadas = new Set(outras.map((e) => e.codigo));
  // A short note ("ausente") does not make a motivação; the item's own then stands.
  const derivadas = emFalta
    .filter(({ item }) => !dadas.has(item.codigo))
    .map(({ item, observacao }) => {
      const e = exigenciaDeItem(tipo, item, observacao && observacao.length >= 10 ? observacao : undefined);
      return { ...e, natureza: e.natureza ?? 'documental' };
    });
  return [...derivadas, ...outras];
}
