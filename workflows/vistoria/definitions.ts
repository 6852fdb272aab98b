/** The contract of the vistoria rite with its callers: actions in, state out. */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { AcaoVistoria, FaseVistoria } from '../../rules/vistoria';
import type { ExigenciaVistoria, MembroComissaoVistoria } from '../../rules/vistoria/acoes';
import type { PrazoAberto } from '../prazos/definitions';

export type AcaoPedida = AcaoVistoria | 'tomar-ciencia';

export interface AtorAcao {
  id: string;
  nome: string;
  papeis: string[];
}

export interface PedidoAcao {
  acao: AcaoPedida;
  dados: unknown;
  ator: AtorAcao;
  /** When the API received the act (ISO 8601): timeliness is judged on it (seed 002 art. 18). */
  em: string;
  /** Client-supplied idempotency key: the same key never acts twice. */
  chave: string;
}

export interface DocumentoEmitido {
  id: string;
  tipo: string;
  identificacao: string;
}

export interface ResultadoAcao {
  acao: AcaoPedida;
  fase: FaseVistoria;
  mensagem: string;
  documentos: DocumentoEmitido[];
  prazo: { limite: string; vencimento: string } | null;
}

export interface Notificacao {
  tipo: string;
  enviadaEm: string;
  abertaEm: string | null;
  ciencia: string | null;
  tacita: boolean | null;
}

export interface Visita {
  data: string;
  hora: string;
  avisoEm: string;
}

export interface Tarefa {
  id: string;
  fase: FaseVistoria;
  responsavel: string;
  descricao: string;
  abertaEm: string;
  limite: string;
  situacao: 'aberta' | 'concluida';
}

export interface EstadoVistoria {
  fase: FaseVistoria;
  exigencias: ExigenciaVistoria[];
  comissao: MembroComissaoVistoria[];
  ordemServico: string | null;
  visita: Visita | null;
  notificacao: Notificacao | null;
  prazo: PrazoAberto | null;
  tarefa: Tarefa | null;
  documentos: DocumentoEmitido[];
  /** DOERJ publication of the edital de cadastramento. */
  edital: { data: string; pagina: number } | null;
  /** Results of actions already applied, by idempotency key. */
  respostas: Record<string, ResultadoAcao>;
}

export const acaoVistoriaUpdate = defineUpdate<ResultadoAcao, [PedidoAcao]>('acaoVistoria');
export const estadoVistoriaQuery = defineQuery<EstadoVistoria>('estadoVistoria');
