/**
 * The hooks of each rite, by the rite's code: what the interpreter calls for
 * what is not data. Registered at load, in the workflow bundle and wherever
 * the definitions are (rules/ritos/registro.ts).
 */
import type { DefinicaoRito } from '../../rules/ritos/definicao';
import { registrarRito } from '../../rules/ritos/registro';
import { HOOKS_ETAP } from '../etap/hooks';
import { HOOKS_MANTENEDORA } from '../mantenedora/hooks';
import { HOOKS_RELATORIO_ANUAL } from '../relatorio-anual/hooks';
import { HOOKS_TRANSFERENCIA_MANTENCA } from '../transferencia-mantenca/hooks';
import { HOOKS_VISTORIA } from '../vistoria/hooks';
import type { EstadoRito } from './definitions';
import type { HooksRito } from './interpretador';

const hooks = new Map<string, HooksRito<any>>();

export function registrarHooks<E extends EstadoRito>(codigo: string, h: HooksRito<E>): void {
  hooks.set(codigo, h as HooksRito<any>);
}

/** A rite whole: its definition (also registered for the API side) and its hooks. */
export function registrarRitoCompleto<E extends EstadoRito>(def: DefinicaoRito<any, any, any, any>, h: HooksRito<E>): void {
  registrarRito(def);
  registrarHooks(def.codigo, h);
}

export function hooksDoRito(codigo: string): HooksRito<EstadoRito> | undefined {
  return hooks.get(codigo);
}

registrarHooks('vistoria', HOOKS_VISTORIA);
registrarHooks('etap', HOOKS_ETAP);
registrarHooks('mantenedora', HOOKS_MANTENEDORA);
registrarHooks('relatorio-anual', HOOKS_RELATORIO_ANUAL);
registrarHooks('transferencia-mantenca', HOOKS_TRANSFERENCIA_MANTENCA);
