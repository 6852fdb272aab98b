/** The contract of the vistoria rite with its callers: the rite engine's, plus the vistoria's own state. */
import type { FaseVistoria } from '../../rules/vistoria';
import type { ExigenciaVistoria, MembroComissaoVistoria } from '../../rules/vistoria/acoes';
import { RITO_VISTORIA } from '../../rules/vistoria/rito';
import { acaoUpdate, type EstadoRito, estadoRitoQuery } from '../ritos/definitions';

export type { AtorAcao, DocumentoEmitido, Notificacao, PedidoAcao, ResultadoAcao, Tarefa } from '../ritos/definitions';

export interface Visita {
  data: string;
  hora: string;
  avisoEm: string;
  /** The day the Termo of this visit records it took place (absent until the Termo, and in runs before it). */
  termoEm?: string;
}

export interface EstadoVistoria extends EstadoRito {
  fase: FaseVistoria;
  exigencias: ExigenciaVistoria[];
  /** The regional Comissão de Vistoria (the Ordem de Serviço of the COOIE). */
  comissao: MembroComissaoVistoria[];
  /** The COOGIE's Comissão for the reconsideração, beside the regional one. Absent in runs before it. */
  comissaoCoogie?: MembroComissaoVistoria[];
  ordemServico: string | null;
  /** When the Ordem de Serviço was issued: its DOERJ publication is never dated before it. Absent in runs before it. */
  ordemServicoEm?: string | null;
  visita: Visita | null;
  /** The Estudo Técnico's prazo ended with no answer (seed 003, COOGIE II): only an indeferimento follows. Absent in runs before it. */
  estudoTecnicoSemResposta?: boolean;
  /** DOERJ publication of the edital de cadastramento. */
  edital: { data: string; pagina: number } | null;
}

export const acaoVistoriaUpdate = acaoUpdate(RITO_VISTORIA);
export const estadoVistoriaQuery = estadoRitoQuery<EstadoVistoria>(RITO_VISTORIA);
