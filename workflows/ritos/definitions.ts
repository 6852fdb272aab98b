/**
 * The contract of every rite with its callers: actions in, state out. The
 * update and query names come from each rite's definition (`mensagens`), so
 * that histories of running processes keep the names they were recorded with.
 */
import type { QueryDefinition, UpdateDefinition } from '@temporalio/common';
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { DefinicaoRito } from '../../rules/ritos/definicao';
import type { PrazoAberto } from '../prazos/definitions';

export interface AtorAcao {
  id: string;
  nome: string;
  papeis: string[];
}

export interface PedidoAcao {
  /** An action of the rite, or tomar-ciencia. */
  acao: string;
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
  acao: string;
  fase: string;
  mensagem: string;
  documentos: DocumentoEmitido[];
  prazo: { limite: string; vencimento: string } | null;
}

export interface Notificacao {
  tipo: string;
  /** The document that notifies (its opening by the party is the explicit ciência). Absent in runs before it. */
  documentoId?: string;
  enviadaEm: string;
  abertaEm: string | null;
  ciencia: string | null;
  tacita: boolean | null;
}

export interface Tarefa {
  id: string;
  fase: string;
  responsavel: string;
  descricao: string;
  abertaEm: string;
  limite: string;
  situacao: 'aberta' | 'concluida';
}

/** What the interpreter keeps for every rite; a rite adds its own fields beside these. */
export interface EstadoRito {
  fase: string;
  notificacao: Notificacao | null;
  prazo: PrazoAberto | null;
  tarefa: Tarefa | null;
  documentos: DocumentoEmitido[];
  /** Results of actions already applied, by idempotency key. */
  respostas: Record<string, ResultadoAcao>;
  /** What each key was used for (impressaoDoPedido), so that a key reused for another act is refused. Absent in runs before it. */
  impressoes?: Record<string, string>;
}

/** The rite's state as reads show it (the read model's `estado_rito`): without the answers kept for retried actions. */
export type EstadoRitoProjetado<E extends EstadoRito = EstadoRito> = Omit<E, 'respostas' | 'impressoes'>;

export function projecaoDoRito<E extends EstadoRito>(estado: E): EstadoRitoProjetado<E> {
  const { respostas: _respostas, impressoes: _impressoes, ...visivel } = estado;
  return visivel;
}

export function acaoUpdate(def: Pick<DefinicaoRito, 'mensagens'>): UpdateDefinition<ResultadoAcao, [PedidoAcao]> {
  return defineUpdate<ResultadoAcao, [PedidoAcao]>(def.mensagens.acao);
}

export function estadoRitoQuery<E extends EstadoRito = EstadoRito>(def: Pick<DefinicaoRito, 'mensagens'>): QueryDefinition<E> {
  return defineQuery<E>(def.mensagens.estado);
}
