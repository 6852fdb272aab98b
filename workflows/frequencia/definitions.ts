/**
 * The contract of a student's follow-up case (workflow.ts): the opening in,
 * the school's acts by update, each month's apuração by signal, state out.
 * Histories of running cases carry these names: once released they never change.
 * No personal data in the id (a uuid), in search attributes (none) or in logs.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Endereco } from '../../rules/campos';
import type { Encerramento, EtapaCaso, Ocorrencia, PrazosCaso } from '../../rules/frequencia/caso';
import type { Minimo } from '../../rules/frequencia/minimo';

export interface FrequenciaDoMes {
  mes: string;
  percentual: number;
  minimo: Minimo;
}

export interface AberturaCaso {
  id: string;
  estudanteId: string;
  codigoInep: string;
  uf: string;
  municipio: string;
  /** The month whose apuração opened the case. */
  frequencia: FrequenciaDoMes;
  /** ISO 8601: when the apuração opened it. */
  abertoEm: string;
  /** The município's deadlines when the case opened (rules/frequencia/caso.ts). */
  prazos: PrazosCaso;
}

export const ACOES_CASO = [
  'notificar-familia',
  'registrar-averiguacao',
  'encaminhar-assistencia-social',
  'comunicar-conselho-tutelar',
  'justificar-nao-comunicacao',
  'registrar-ocorrencia',
] as const;
export type AcaoCaso = (typeof ACOES_CASO)[number];

export interface Responsavel {
  nome: string;
  tratamento: 'senhor' | 'senhora' | 'desconhecido';
  endereco: Endereco;
  telefone?: string;
}

export interface Destinatario {
  tratamento: string;
  nome: string;
  cargo: string;
  instituicao: string;
  endereco: Endereco;
}

export interface DadosAcaoCaso {
  /** notificar-familia (and any later document, when the family changed). */
  responsavel?: Responsavel;
  comparecimento?: { data: string; hora: string; local: string };
  /** registrar-averiguacao: the motivo from the list in force, resolved by the API. */
  motivo?: { codigo: string; descricao: string; versao: number };
  relato?: string;
  vulnerabilidade?: boolean;
  /** encaminhar-assistencia-social, comunicar-conselho-tutelar. */
  destinatario?: Destinatario;
  vocativo?: string;
  situacao?: string[];
  providenciasEscola?: string[];
  hipoteses?: ('maus-tratos' | 'faltas-evasao' | 'repetencia')[];
  fatos?: string[];
  /** justificar-nao-comunicacao. */
  justificativa?: string;
  /** registrar-ocorrencia. */
  ocorrencia?: { tipo: Ocorrencia; data: string; destinoInep?: string; endereco?: Endereco; observacao?: string };
  /** Who signs the document, when not the acting account (the direção, art. 2º § 2º). */
  signatario?: { nome: string; cargo: string };
}

export interface PedidoAcaoCaso {
  acao: AcaoCaso;
  ator: { id: string; nome: string };
  /** ISO 8601, when the API received it. */
  em: string;
  /** Idempotency key: the same key never acts twice. */
  chave: string;
  dados: DadosAcaoCaso;
}

export interface DocumentoDoCaso {
  id: string;
  tipo: string;
  identificacao: string;
}

export interface ResultadoAcaoCaso {
  acao: AcaoCaso;
  etapa: EtapaCaso;
  situacao: 'aberto' | 'encerrado';
  mensagem: string;
  documento: DocumentoDoCaso | null;
}

export interface ApuracaoSinalizada extends Omit<FrequenciaDoMes, 'minimo' | 'percentual'> {
  percentual: number | null;
  minimo: Minimo | null;
  abaixo: boolean;
  /** ISO 8601, when the apuração ran. */
  em: string;
}

export interface EstadoCaso {
  situacao: 'aberto' | 'encerrado';
  etapa: EtapaCaso;
  /** Start of the current step (ISO 8601) and its end (23:59:59 of its last day), if it has one. */
  inicioEtapa: string;
  prazoEtapa: string | null;
  /** The step's limit passed without action: the school sees it overdue. */
  atrasado: boolean;
  /** … and the escalation's too: the coordenação municipal sees it. */
  escalado: boolean;
  prazoEscalonamento: string | null;
  familiaNotificada: boolean;
  /** Months apurados below the minimum while the case is open. */
  mesesAbaixo: string[];
  /** The last month below the minimum (what the documents cite). */
  frequencia: FrequenciaDoMes;
  motivo: { codigo: string; descricao: string; versao: number } | null;
  vulnerabilidade: boolean;
  documentos: DocumentoDoCaso[];
  encerramento: Encerramento | null;
  destinoInep: string | null;
  respostas: Record<string, ResultadoAcaoCaso>;
  versao: number;
  eventos: number;
}

export const acaoCasoUpdate = defineUpdate<ResultadoAcaoCaso, [PedidoAcaoCaso]>('caso-frequencia.acao');
export const apuracaoCasoSignal = defineSignal<[ApuracaoSinalizada]>('caso-frequencia.apuracao');
export const estadoCasoQuery = defineQuery<EstadoCaso>('caso-frequencia.estado');

/** The workflow id: the case's uuid only (no CPF, NIS or name: LGPD). */
export const idWorkflowCaso = (id: string) => `caso-frequencia-${id}`;
