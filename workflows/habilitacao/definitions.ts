/**
 * The contract of a pedido de habilitação's workflow (workflow.ts): the pedido
 * in, actions by update, the end of an active profile by signal (its
 * substitution, sent by the workflow of the profile that replaces it), state out.
 * Histories of running pedidos carry these names: once released they never change.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DocumentoHabilitacao } from '../../db/schema';
import type { PerfilPresenca } from '../../rules/habilitacao/perfis';

export const TASK_QUEUE_PADRAO = 'rito';

export interface PedidoHabilitacao {
  id: string;
  perfil: PerfilPresenca;
  usuarioId: string;
  nome: string;
  uf: string;
  municipio: string | null;
  codigoInep: string | null;
  /** When the API received the pré-cadastro (ISO 8601). */
  protocoladoEm: string;
  documentos: DocumentoHabilitacao[];
  termo: { aceitoEm: string; sha256: string } | null;
}

export const ACOES_HABILITACAO = ['habilitar', 'apontar-pendencia', 'reenviar', 'recusar', 'excluir'] as const;
export type AcaoHabilitacao = (typeof ACOES_HABILITACAO)[number];

export interface AtorHabilitacao {
  id: string;
  nome: string;
}

export interface PedidoAcaoHabilitacao {
  acao: AcaoHabilitacao;
  ator: AtorHabilitacao;
  /** When the API received the act (ISO 8601). */
  em: string;
  /** Idempotency key: the same key never acts twice. */
  chave: string;
  /** apontar-pendencia: each pendência; recusar/excluir: the reason. */
  pendencias?: string[];
  motivo?: string;
  /** reenviar: the documents sent again. */
  documentos?: DocumentoHabilitacao[];
}

export type FaseHabilitacao = 'em-analise' | 'pendente' | 'habilitado' | 'recusado' | 'substituido' | 'excluido';

export interface ResultadoAcaoHabilitacao {
  acao: AcaoHabilitacao;
  fase: FaseHabilitacao;
  mensagem: string;
  /** The profile this one replaced, when it did. */
  substituiu: string | null;
}

export interface EstadoHabilitacao {
  fase: FaseHabilitacao;
  /** End of the analysis (23:59:59 of its last day), while one runs. */
  prazoAnalise: string | null;
  atrasado: boolean;
  pendencias: string[];
  documentos: DocumentoHabilitacao[];
  respostas: Record<string, ResultadoAcaoHabilitacao>;
  /** Workflow-side sequence of snapshots and events. */
  versao: number;
  eventos: number;
}

export interface Encerramento {
  motivo: 'substituido';
  /** The profile that replaced this one. */
  por: string;
  descricao: string;
  em: string;
}

export const acaoHabilitacaoUpdate = defineUpdate<ResultadoAcaoHabilitacao, [PedidoAcaoHabilitacao]>('habilitacao.acao');
export const encerrarHabilitacaoSignal = defineSignal<[Encerramento]>('habilitacao.encerrar');
export const estadoHabilitacaoQuery = defineQuery<EstadoHabilitacao>('habilitacao.estado');

/** The workflow id: the pedido's uuid only (no CPF, no name: LGPD). */
export const idWorkflowHabilitacao = (id: string) => `habilitacao-${id}`;
