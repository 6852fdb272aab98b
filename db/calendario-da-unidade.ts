/**
 * The calendar a unit's prazos count on (Lei 9.784/1999 art. 66 § 1: the
 * expediente of the órgão where the act is done): its seat, the decreed days
 * in force there, and the municipal holidays maintained for the seat. The
 * workflow reads it through an activity; the API and the obligations' due
 * dates read it here.
 */
import type { Kysely } from 'kysely';
import type { DiaDecretado, FeriadoMunicipal, Local } from '../rules/calendario';
import { lerDiasDecretados } from './dias-decretados';
import { lerFeriadosMunicipais } from './feriados-municipais';
import type { Database } from './schema';
import { localDaUnidade } from './unidades';

export interface CalendarioDaUnidade {
  local: Local;
  diasDecretados: DiaDecretado[];
  feriadosMunicipais: FeriadoMunicipal[];
}

/** Which unit's calendar to read, and from which day on (the decreed days before it no longer count). */
export interface PedidoCalendario {
  unidade: string;
  desde: string;
}

export async function calendarioDaUnidade(db: Kysely<Database>, unidade: string, desde: string): Promise<CalendarioDaUnidade> {
  const local = await localDaUnidade(db, unidade);
  return {
    local,
    diasDecretados: await lerDiasDecretados(db, local, desde),
    feriadosMunicipais: local.municipio ? await lerFeriadosMunicipais(db, local.municipio) : [],
  };
}
