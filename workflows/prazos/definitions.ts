/** The contract of prazos inside workflows: what a running prazo looks like and how it is told of calendar changes. */
import { defineSignal } from '@temporalio/workflow';
import type { ContarDe } from '../../rules/prazos';
import type { Local, NaoUtil } from '../../rules/calendario';

export interface DefinicaoPrazo {
  codigo: string;
  rotulo: string;
  dias: number;
  uteis: boolean;
  contarDe: ContarDe;
  prorrogavel: boolean;
  baseLegal: string;
}

export interface AlteracaoLimite {
  em: string;
  limiteAnterior: string | null;
  limiteNovo: string;
  motivo: string;
}

export interface PrazoAberto extends DefinicaoPrazo {
  /** `${processoId}:prazo:${n}`: stable across retries and replays. */
  id: string;
  ciencia: string;
  local: Local;
  vencimento: string;
  /** 23:59:59 Brasília time of the last day, ISO 8601 with offset. */
  limite: string;
  limiteEpochMs: number;
  prorrogado: boolean;
  situacao: 'aberto' | 'cumprido' | 'expirado' | 'encerrado';
  naoUteis: NaoUtil[];
  explicacao: string[];
  historico: AlteracaoLimite[];
  /** Bumped at each change; the read model keeps the highest. */
  versao: number;
}

export interface AlteracaoCalendario {
  data: string;
  operacao: 'incluido' | 'removido';
  motivo: string;
  /** What changed, as the timeline says it after "Calendário alterado: " (a municipal holiday, an outage); absent: a decreed day. */
  descricao?: string;
}

/** Sent by the calendar API to every workflow whose open prazo a decreed day touches. */
export const calendarioAlteradoSignal = defineSignal<[AlteracaoCalendario]>('calendarioAlterado');
