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
import { exigenciaDeItem, type Exigencia, type NaturezaExigencia } from './analise-forma';
import { CHECKLISTS_VISTORIA, type ItemChecklist } from './checklists';
import { type TipoVistoria, isTipoVistoria } from './tipos';

/** Which list of the kind's checklist: the documents of the inicial, or the visit's items. */
export type EtapaAplicada = 'documentos' | 'visita';

/** How an item was found: the análise de forma says conforme/não conforme, the Termo atende/não atende. */
export type SituacaoItem = 'conforme' | 'nao-conforme' | 'atende' | 'nao-atende' | 'nao-se-aplica';

export interface RegistroItem {
  codigo?: string;
  situacao: SituacaoItem;
  observacao?: string;
}

const EM_FALTA: ReadonlySet<SituacaoItem> = new Set(['nao-conforme', 'nao-atende']);

const NOME_ETAPA: Record<EtapaAplicada, string> = {
  documentos: 'checklist da análise de forma',
  visita: 'itens do Termo de Visita',
};

export interface ChecklistConferido {
  /** What is wrong with the checklist itself, in pt-BR; empty when it is whole. */
  problemas: string[];
  /** The items found wanting, with the observação that motivates each. */
  emFalta: { item: ItemChecklist; observacao?: string }[];
}

/**
 * Checks that every item of the kind's list is recorded once, by its code; that an
 * item is "não se aplica" only when the seed makes it conditional; and collects the
 * items found wanting.
 */
export function conferirChecklist(tipo: string, etapa: EtapaAplicada, registros: readonly RegistroItem[]): ChecklistConferido {
  if (!isTipoVistoria(tipo)) return { problemas: [`Tipo de vistoria desconhecido: ${tipo}.`], emFalta: [] };
  const itens = CHECKLISTS_VISTORIA[tipo][etapa];
  const porCodigo = new Map(itens.map((i) => [i.codigo, i]));
  const problemas: string[] = [];
  const vistos = new Set<string>();
  const emFalta: ChecklistConferido['emFalta'] = [];
  registros.forEach((r, i) => {
    if (!r.codigo) return;
    const item = porCodigo.get(r.codigo);
    if (!item) {
      problemas.push(`item ${i + 1}: "${r.codigo}" não é item do ${NOME_ETAPA[etapa]} deste tipo de processo`);
      return;
    }
    if (vistos.has(r.codigo)) problemas.push(`item ${i + 1}: "${r.codigo}" registrado mais de uma vez`);
    vistos.add(r.codigo);
    if (r.situacao === 'nao-se-aplica' && !item.condicao) {
      problemas.push(`item ${i + 1}: "${r.codigo}" é obrigatório para este tipo de processo e não pode ser marcado como não aplicável`);
    }
    if (EM_FALTA.has(r.situacao)) emFalta.push({ item, observacao: r.observacao });
  });
  const ausentes = itens.filter((i) => !vistos.has(i.codigo)).map((i) => `"${i.codigo}" (alínea ${i.alinea})`);
  if (ausentes.length) problemas.unshift(`registre cada item do ${NOME_ETAPA[etapa]}; faltam: ${ausentes.join(', ')}`);
  return { problemas, emFalta };
}

/**
 * The exigências of the items found wanting, then the others given (by code: an
 * exigência given for an item found wanting replaces the one derived from it, so
 * the servidor can word it for the case).
 */
export function exigenciasDoChecklist<E extends Exigencia>(
  tipo: TipoVistoria,
  emFalta: ChecklistConferido['emFalta'],
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
