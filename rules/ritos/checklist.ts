/**
 * A checklist applied item by item, for any rite (the vistoria's análise de
 * forma and Termo de Visita, the ETAP's Instrução Processual): every item of
 * the list recorded once by its code; "não se aplica" only for an item the
 * source makes conditional; the items found wanting collected with the
 * observação that motivates each, for the exigências they become.
 *
 * Pure: workflow validators and hooks ask it.
 */

/** How an item was found: a conferência says conforme/não conforme, a visit atende/não atende. */
export type SituacaoItem = 'conforme' | 'nao-conforme' | 'atende' | 'nao-atende' | 'nao-se-aplica';

export interface RegistroItem {
  /** The item's code in the list; absent for a free point recorded beside the list. */
  codigo?: string;
  situacao: SituacaoItem;
  observacao?: string;
}

/** What the check needs of an item: its code, the letter the source gives it, and whether it is conditional. */
export interface ItemConferivel {
  readonly codigo: string;
  readonly alinea: string;
  readonly condicao?: unknown;
}

const EM_FALTA: ReadonlySet<SituacaoItem> = new Set(['nao-conforme', 'nao-atende']);

export interface ChecklistConferido<I extends ItemConferivel = ItemConferivel> {
  /** What is wrong with the checklist itself, in pt-BR; empty when it is whole. */
  problemas: string[];
  /** The items found wanting, with the observação that motivates each. */
  emFalta: { item: I; observacao?: string }[];
}

/** Checks a list applied item by item; `nome` names the list in the messages ("checklist da análise de forma"). */
export function conferirItens<I extends ItemConferivel>(itens: readonly I[], nome: string, registros: readonly RegistroItem[]): ChecklistConferido<I> {
  const porCodigo = new Map(itens.map((i) => [i.codigo, i]));
  const problemas: string[] = [];
  const vistos = new Set<string>();
  const emFalta: ChecklistConferido<I>['emFalta'] = [];
  registros.forEach((r, i) => {
    if (!r.codigo) return;
    const item = porCodigo.get(r.codigo);
    if (!item) {
      problemas.push(`item ${i + 1}: "${r.codigo}" não é item do ${nome} deste tipo de processo`);
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
  if (ausentes.length) problemas.unshift(`registre cada item do ${nome}; faltam: ${ausentes.join(', ')}`);
  return { problemas, emFalta };
}

/** An exigência as every rite writes it (motivação and base legal required: seed 003, Fluxo 8 d). */
export interface ExigenciaDeItem {
  codigo: string;
  descricao: string;
  motivacao: string;
  baseLegal: string;
  natureza: 'documental' | 'fisica';
}

/**
 * The exigências of the items found wanting (the item's words and base legal; the servidor's
 * observação as the motivação when it says something), then the others given; one given for an
 * item found wanting replaces the derived one, so the servidor can word it for the case.
 */
export function exigenciasDosItens<E extends { codigo: string }>(
  emFalta: ChecklistConferido<ItemConferivel & { descricao: string; baseLegal: string }>['emFalta'],
  outras: readonly E[],
  motivoPadrao: (item: ItemConferivel) => string,
): (ExigenciaDeItem | E)[] {
  const dadas = new Set(outras.map((e) => e.codigo));
  const derivadas = emFalta
    .filter(({ item }) => !dadas.has(item.codigo))
    .map(({ item, observacao }): ExigenciaDeItem => ({
      codigo: item.codigo,
      descricao: item.descricao,
      // A short note ("ausente") does not make a motivação; the item's own then stands.
      motivacao: observacao && observacao.length >= 10 ? observacao : motivoPadrao(item),
      baseLegal: item.baseLegal,
      natureza: 'documental',
    }));
  return [...derivadas, ...outras];
}
