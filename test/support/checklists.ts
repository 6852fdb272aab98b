/**
 * The checklists of a kind applied whole, as a servidor fills them in (issue 10
 * item 9): every item recorded, unconditional ones met, conditional ones not
 * applying, except the codes named as wanting.
 */
import { CHECKLISTS_VISTORIA } from '../../rules/vistoria/checklists';
import type { TipoVistoria } from '../../rules/vistoria/tipos';

export function checklistForma(tipo: string, naoConformes: readonly string[] = []) {
  return CHECKLISTS_VISTORIA[tipo as TipoVistoria].documentos.map((i) => ({
    codigo: i.codigo,
    situacao: naoConformes.includes(i.codigo) ? ('nao-conforme' as const) : i.condicao ? ('nao-se-aplica' as const) : ('conforme' as const),
  }));
}

export function verificacoesDaVisita(tipo: string, naoAtendem: readonly string[] = []) {
  return CHECKLISTS_VISTORIA[tipo as TipoVistoria].visita.map((i) => ({
    codigo: i.codigo,
    item: i.descricao.slice(0, 500),
    situacao: naoAtendem.includes(i.codigo) ? ('nao-atende' as const) : i.condicao ? ('nao-se-aplica' as const) : ('atende' as const),
  }));
}
