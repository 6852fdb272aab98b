/**
 * The contract between a process workflow and its callers (API, tests): input,
 * state, queries, updates. Imported by both sides, so it holds no worker code.
 */
import { defineQuery } from '@temporalio/workflow';
import type { EnderecoInstituicao } from '../../db/schema';

export interface Instituicao {
  cnpj: string;
  codigoInep: string;
  nome: string;
  /** IBGE code of the school's município: its municipal holidays count in prazos. */
  municipio?: string;
  endereco?: EnderecoInstituicao;
  /** The legal entity keeping the school (CNPJ above), when its name differs from the school's. */
  mantenedora?: string;
}

export interface Requerente {
  nome: string;
  cpf: string;
  email: string;
}

export interface AberturaProcesso {
  id: string;
  tipo: string;
  chave: string;
  ordinal: number;
  instituicao: Instituicao;
  unidade: string;
  numeroSei: string | null;
  requerente: Requerente;
  abertoPor: string;
}

export interface EstadoProcesso {
  id: string;
  tipo: string;
  fase: string;
  encerrado: boolean;
  numeroSei: string | null;
  prazoLimite: string | null;
  /**
   * The decision a unit owes now (e.g. the Comissão's Pronunciamento) and its
   * deadline; id, fase and abertaEm are absent in snapshots of runs before the rite engine.
   */
  tarefa: { id?: string; fase?: string; abertaEm?: string; responsavel: string; descricao: string; limite: string } | null;
  /** Increases with every state change; the read model keeps the highest it has seen. */
  versao: number;
  /** A notice awaits the party's ciência (explicit, or tácita when its days run out). Absent in runs before the rite engine. */
  notificacaoPendente?: boolean;
}

export const estadoQuery = defineQuery<EstadoProcesso>('estado');
