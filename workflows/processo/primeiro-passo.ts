/**
 * A process's first step — its state at the abertura, the abertura's event and the snapshot the read model keeps —
 * for both who may write it: the API, in the abertura's own transaction (api/processos/service.ts), and the
 * workflow, for a process started without it (runs before issue 16's change, a start retried for a row whose
 * workflow was missing). Pure and deterministic: workflow code imports it.
 */
import type { CalendarioDaUnidade } from '../../db/calendario-da-unidade';
import type { EventoProcesso, PassoProcesso, SnapshotProcesso } from '../../db/processos';
import type { DefinicaoRito } from '../../rules/ritos/definicao';
import { type EstadoRito, projecaoDoRito } from '../ritos/definitions';
import { Interpretador } from '../ritos/interpretador';
import { hooksDoRito } from '../ritos/registro';
import type { AberturaProcesso, EstadoProcesso } from './definitions';
import type { processoWorkflow } from './workflow';

/**
 * The workflow's third argument when the API wrote the first step (the row at versao 1, the abertura's event as
 * seq 1) in the abertura's transaction and read there the calendar of the unit's seat: the workflow then starts
 * without a write or a read of its own, one local activity and one activation fewer per process (issue 16).
 */
export interface AberturaRegistrada {
  /** The unit's calendar (its seat, decreed days, periods rito was unavailable, municipal holidays) from the abertura's day on. */
  calendario: CalendarioDaUnidade;
}

/** The start's arguments: with `registrada`, in third place (the second, the Retomada, is a continue-as-new's only). */
export function argumentosDoInicio(abertura: AberturaProcesso, registrada?: AberturaRegistrada): Parameters<typeof processoWorkflow> {
  return registrada ? [abertura, undefined, registrada] : [abertura];
}

/** The seq of the abertura's event: the first of every timeline. */
export const SEQ_ABERTURA = 1;

/** The phase of a process whose kind has no rite (opened before such kinds were refused). */
const FASE_SEM_RITO = 'requerimento';

/** A notice awaits the party's ciência (explicit, or tácita when its days run out). */
export const notificacaoPendente = (rito: EstadoRito) => rito.notificacao !== null && !rito.notificacao.ciencia;

/** The process's state at its abertura, at versao 1. */
export function estadoDaAbertura(abertura: AberturaProcesso, definicao: Pick<DefinicaoRito, 'faseInicial'> | undefined): EstadoProcesso {
  return {
    id: abertura.id,
    tipo: abertura.tipo,
    // A kind opened before kinds without a rite were refused waits in the law's first phase.
    fase: definicao?.faseInicial ?? FASE_SEM_RITO,
    encerrado: false,
    numeroSei: abertura.numeroSei,
    prazoLimite: null,
    tarefa: null,
    versao: 1,
  };
}

/** The abertura's event as the timeline records it: tipo, descrição, ator, dados. */
export function eventoDaAbertura(abertura: AberturaProcesso) {
  return ['abertura', 'Processo aberto', abertura.abertoPor, { tipo: abertura.tipo, unidade: abertura.unidade, numeroSei: abertura.numeroSei }] as const;
}

/** What the read model keeps of a process: every snapshot carries the rite's state too, so that reads never ask (and replay) the workflow. */
export function snapshotDoProcesso(abertura: AberturaProcesso, estado: EstadoProcesso, rito: EstadoRito | null): SnapshotProcesso {
  return {
    abertura,
    estado: rito ? { ...estado, notificacaoPendente: notificacaoPendente(rito) } : estado,
    rito: rito ? projecaoDoRito(rito) : null,
  };
}

/** The first step of a process of a kind with a rite, as the API writes it at `ocorridoEm`. */
export function primeiroPasso(abertura: AberturaProcesso, definicao: DefinicaoRito, ocorridoEm: string): PassoProcesso & { processo: SnapshotProcesso } {
  const hooks = hooksDoRito(definicao.codigo);
  if (!hooks) throw new Error(`o rito ${definicao.codigo} não tem hooks registrados`);
  const [tipo, descricao, ator, dados] = eventoDaAbertura(abertura);
  const evento: EventoProcesso = { processoId: abertura.id, seq: SEQ_ABERTURA, tipo, descricao, ator, ocorridoEm, dados };
  return {
    processoId: abertura.id,
    processo: snapshotDoProcesso(abertura, estadoDaAbertura(abertura, definicao), Interpretador.estadoInicial(definicao, hooks)),
    prazos: [],
    eventos: [evento],
  };
}
