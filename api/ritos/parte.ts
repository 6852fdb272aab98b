/**
 * What the party of a rite (the outside user its prazos run against: the
 * representante legal of the vistoria) sees of the rite's data. A caller whose
 * only role is the party's gets the rite's data through its definition's
 * `projetarParaParte` (rules/ritos/definicao.ts): without the servidores'
 * accounts and matrículas. Servidores, supervisors and administrators, and
 * anyone who also holds another role, see the data whole.
 */
import { type DefinicaoRito, papelDoAtor, parteDoRito } from '../../rules/ritos/definicao';
import type { Ator } from '../auth/ator';

/** Whether the caller sees the rite only as its party (every role of his is the party's). */
export function vePelaParte(def: DefinicaoRito, ator: Pick<Ator, 'papeis'>): boolean {
  const papel = papelDoAtor(def, parteDoRito(def));
  return papel !== null && ator.papeis.length > 0 && ator.papeis.every((p) => p === papel);
}

/** The rite's data (its state, an event's data) as `ator` may see it. */
export function dadosParaAtor<T extends Record<string, unknown>>(def: DefinicaoRito, ator: Pick<Ator, 'papeis'>, dados: T): T {
  return vePelaParte(def, ator) && def.projetarParaParte ? (def.projetarParaParte(dados) as T) : dados;
}
