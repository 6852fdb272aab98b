/**
 * The rites rito knows, by code, and the rite of each kind of process. The
 * workflow, the API, the read model and the documents all ask here, so a rite
 * registered once is run, routed and listed everywhere. Pure: workflow code
 * imports it too (each side registers the same definitions at load).
 */
import { tipoProcesso } from '../processos/tipos';
import { RITO_ETAP } from '../etap/rito';
import { RITO_MANTENEDORA } from '../mantenedora/rito';
import { RITO_RELATORIO_ANUAL } from '../relatorio-anual/rito';
import { RITO_TRANSFERENCIA_MANTENCA } from '../transferencia-mantenca/rito';
import { RITO_VISTORIA } from '../vistoria/rito';
import type { DefinicaoRito } from './definicao';

// Widened once here: the registry holds rites of any phases and actions.
type QualquerRito = DefinicaoRito<any, any, any, any>;

const ritos = new Map<string, DefinicaoRito>();

export function registrarRito(def: QualquerRito): void {
  ritos.set(def.codigo, def as DefinicaoRito);
}

export function ritoPorCodigo(codigo: string): DefinicaoRito | undefined {
  return ritos.get(codigo);
}

/** The rite a kind of process follows; undefined when the kind is unknown or its rite not built yet. */
export function ritoDoTipo(tipo: string): DefinicaoRito | undefined {
  const info = tipoProcesso(tipo);
  return info ? ritos.get(info.rito) : undefined;
}

export function ritosRegistrados(): DefinicaoRito[] {
  return [...ritos.values()];
}

registrarRito(RITO_VISTORIA);
registrarRito(RITO_ETAP);
registrarRito(RITO_MANTENEDORA);
registrarRito(RITO_RELATORIO_ANUAL);
registrarRito(RITO_TRANSFERENCIA_MANTENCA);

/** The label of a phase of a process of this kind, or the code when the kind or phase is unknown. */
export function rotuloFase(tipo: string, fase: string): string {
  const def = ritoDoTipo(tipo);
  return def && Object.hasOwn(def.fases, fase) ? def.fases[fase]!.rotulo : fase;
}

/** The label of an actor of this kind's rite, or the code. */
export function rotuloAtorDoTipo(tipo: string, ator: string): string {
  return (ritoDoTipo(tipo)?.atores as Record<string, { rotulo: string }> | undefined)?.[ator]?.rotulo ?? ator;
}

