/** The contract of the transferência de mantença's rite with its callers. */
import { type FaseTransferencia, RITO_TRANSFERENCIA_MANTENCA } from '../../rules/transferencia-mantenca/rito';
import { acaoUpdate, type EstadoRito, estadoRitoQuery } from '../ritos/definitions';

export interface EstadoTransferencia extends EstadoRito {
  fase: FaseTransferencia;
  /** The CEE's authorisation (arts. 24–25 Del. CEE 388/2020) and the new mantenedora. */
  autorizacao: { ato: string; data: string; novaMantenedora: { cnpj: string; nome: string } } | null;
  edital: { data: string; pagina: number } | null;
  recusa: string | null;
}

export const acaoTransferenciaUpdate = acaoUpdate(RITO_TRANSFERENCIA_MANTENCA);
export const estadoTransferenciaQuery = estadoRitoQuery<EstadoTransferencia>(RITO_TRANSFERENCIA_MANTENCA);
