/**
 * What the representante legal sees of the vistoria's data (the rite's state
 * and the data of its timeline events): the Comissão by name only, without the
 * servidores' accounts in the rite (usuarioId) or their matrículas, wherever
 * they appear (the Comissão of the state, the Ordem de Serviço's data).
 * Registered in the definition (./rito.ts) as its projetarParaParte.
 */
import { semCampos } from '../ritos/definicao';

/** What only the Administration sees of the vistoria's data: the servidores' accounts and matrículas. */
export const CAMPOS_INTERNOS_VISTORIA = ['usuarioId', 'matricula'] as const;

export function projetarVistoriaParaParte(dados: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return semCampos({ ...dados }, CAMPOS_INTERNOS_VISTORIA);
}
