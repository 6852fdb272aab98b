/** The contract of the Relatório Anual's rite with its callers: the rite engine's, plus its own state. */
import { type FaseRelatorioAnual, RITO_RELATORIO_ANUAL } from '../../rules/relatorio-anual/rito';
import type { ExigenciaVistoria } from '../../rules/vistoria/acoes';
import { acaoUpdate, type EstadoRito, estadoRitoQuery } from '../ritos/definitions';

export interface EstadoRelatorioAnual extends EstadoRito {
  fase: FaseRelatorioAnual;
  /** The school year it reports, and when it was delivered (the obligation's due date is checked against it). */
  anoLetivo: number | null;
  entregueEm: string | null;
  pendencias: ExigenciaVistoria[];
}

export const acaoRelatorioAnualUpdate = acaoUpdate(RITO_RELATORIO_ANUAL);
export const estadoRelatorioAnualQuery = estadoRitoQuery<EstadoRelatorioAnual>(RITO_RELATORIO_ANUAL);
