/** The contract of the ETAP rite with its callers: the rite engine's, plus the ETAP's own state. */
import type { RequerimentoEtap } from '../../rules/etap/acoes';
import type { AvaliacaoEtap } from '../../rules/etap/avaliacao';
import type { FaseEtap } from '../../rules/etap/rito';
import { RITO_ETAP } from '../../rules/etap/rito';
import type { ExigenciaVistoria } from '../../rules/vistoria/acoes';
import { acaoUpdate, type EstadoRito, estadoRitoQuery } from '../ritos/definitions';

export interface EstadoEtap extends EstadoRito {
  fase: FaseEtap;
  /** The members, Quadro and opening hours the representante presented (corrected when exigências change them). */
  requerimento: RequerimentoEtap | null;
  /** What rito checked of the request (qualifications, composição, coverage, CRT), explained for the COOIE. */
  avaliacao: AvaliacaoEtap | null;
  /** The COOGIE's answer on penalties under Lei Estadual nº 6.533/2013 (Del. CEE 388/2020 art. 19 § 3º). */
  consulta: { pedidaEm: string; respondidaEm: string | null; apenados: string[]; resposta: string | null } | null;
  exigencias: ExigenciaVistoria[];
  /** DOERJ publication of the edital of cadastramento. */
  edital: { data: string; pagina: number } | null;
}

export const acaoEtapUpdate = acaoUpdate(RITO_ETAP);
export const estadoEtapQuery = estadoRitoQuery<EstadoEtap>(RITO_ETAP);
