/**
 * The contract of a pedido de habilitação's workflow (workflow.ts): the pedido
 * in, actions by update, the end of an active profile by signal (its
 * substitution, sent by the workflow of the profile that replaces it), state out.
 * The same contract serves the credenciamento of external users (perfil
 * 'representante', rules/habilitacao/credenciamento.ts).
 * Histories of running pedidos carry these names: once released they never change.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DocumentoHabilitacao } from '../../db/schema';
import type { DadosRepresentacao } from '../../rules/habilitacao/credenciamento';
import type { PerfilPedido } from '../../rules/habilitacao/perfis';

export const TASK_QUEUE_PADRAO = 'rito';

export interface PedidoHabilitacao {
  id: string;
  perfil: PerfilPedido;
  usuarioId: string;
  nome: string;
  uf: string;
  municipio: string | null;
  codigoInep: string | null;
  /** When the API received the pré-cadastro (ISO 8601). */
  protocoladoEm: string;
  documentos: DocumentoHabilitacao[];
  termo: { aceitoEm: string; sha256: string } | null;
  /** Credenciamento only: whom the external user represents, as declared. */
  representacao?: DadosRepresentacao | null;
}

/** 'excluir' ends a Presença profile; 'desativar' an external user's cadastro (seed 002 art. 19). */
export const ACOES_HABILITACAO = ['habilitar', 'apontar-pendencia', 'reenviar', 'recusar', 'excluir', 'desativar'] as const;
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
  /** reenviar (credenciamento): the validity and scope of the new procuração, when they changed. */
  representacao?: Pick<DadosRepresentacao, 'ate' | 'processos'>;
}

/** 'desativado': an external user's cadastro ended by art. 19; 'vencido': his procuração expired. */
export type FaseHabilitacao = 'em-analise' | 'pendente' | 'habilitado' | 'recusado' | 'substituido' | 'excluido' | 'desativado' | 'vencido';

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
  /** Credenciamento only: the representation as it stands (the pré-cadastro's, or a new sending's). */
  representacao?: DadosRepresentacao | null;
  respostas: Record<string, ResultadoAcaoHabilitacao>;
  /** Workflow-side sequence of snapshots and events. */
  versao: number;
  eventos: number;
}

export interface Encerramento {
  /** substituido: a new coordinator for the place; desativado: the person's cadastro deactivated through another credenciamento (art. 19). */
  motivo: 'substituido' | 'desativado';
  /** The profile that replaced this one, or the credenciamento whose desativação ended it. */
  por: string;
  descricao: string;
  em: string;
}

export const acaoHabilitacaoUpdate = defineUpdate<ResultadoAcaoHabilitacao, [PedidoAcaoHabilitacao]>('habilitacao.acao');
export const encerrarHabilitacaoSignal = defineSignal<[Encerramento]>('habilitacao.encerrar');
export const estadoHabilitacaoQuery = defineQuery<EstadoHabilitacao>('habilitacao.estado');

/** The workflow id: the pedido's uuid only (no CPF, no name: LGPD). */
export const idWorkflowHabilitacao = (id: string) => `habilitacao-${id}`;
