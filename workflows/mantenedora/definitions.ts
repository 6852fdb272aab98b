/** The contract of the mantenedora's rite with its callers: the rite engine's, plus its own state. */
import { type FaseMantenedora, RITO_MANTENEDORA, type RequerimentoMantenedora } from '../../rules/mantenedora/rito';
import type { ExigenciaVistoria } from '../../rules/vistoria/acoes';
import { acaoUpdate, type EstadoRito, estadoRitoQuery } from '../ritos/definitions';

export interface EstadoMantenedora extends EstadoRito {
  fase: FaseMantenedora;
  requerimento: RequerimentoMantenedora | null;
  exigencias: ExigenciaVistoria[];
  /** Why the COOGIE returned the process to the COOIE, when it did. */
  devolucao: { motivo: string; em: string } | null;
  edital: { data: string; pagina: number } | null;
}

export const acaoMantenedoraUpdate = acaoUpdate(RITO_MANTENEDORA);
export const estadoMantenedoraQuery = estadoRitoQuery<EstadoMantenedora>(RITO_MANTENEDORA);
