/**
 * The calendar a unit's prazos count on (Lei 9.784/1999 art. 66 § 1: the
 * expediente of the órgão where the act is done): its seat, the decreed days
 * in force there, and the municipal holidays maintained for the seat. The
 * workflow reads it through an activity; the API and the obligations' due
 * dates read it here.
 */
import type { Kysely } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DiaDecretado, FeriadoMunicipal, Local } from '../rules/calendario';
import { comIndisponibilidades, consultaDiasDecretados } from './dias-decretados';
import { consultaFeriadosMunicipais, regraDaLinha } from './feriados-municipais';
import { consultaIndisponibilidades, diasDasIndisponibilidades } from './indisponibilidades';
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

/**
 * The seat first (which decreed days and holidays count depends on it), then its decreed days, the periods rito
 * was unavailable and the município's holidays in ONE query, each the repository's own query as a JSON array:
 * a new process reads its calendar with its first step (issue 16: two round trips to PostgreSQL, not four).
 */
export async function calendarioDaUnidade(db: Kysely<Database>, unidade: string, desde: string): Promise<CalendarioDaUnidade> {
  const local = await localDaUnidade(db, unidade);
  const linhas = await db
    .selectNoFrom([
      jsonArrayFrom(consultaDiasDecretados(db, local, desde)).as('dias'),
      jsonArrayFrom(consultaIndisponibilidades(db, desde)).as('indisponibilidades'),
      jsonArrayFrom(consultaFeriadosMunicipais(db, local.municipio ?? '')).as('feriados'),
    ])
    .executeTakeFirstOrThrow();
  return {
    local,
    // As JSON, a timestamp comes as ISO text where pg gives a Date: diasDasIndisponibilidades reads both.
    diasDecretados: comIndisponibilidades(linhas.dias, diasDasIndisponibilidades(linhas.indisponibilidades, desde)),
    feriadosMunicipais: local.municipio ? linhas.feriados.map((l) => regraDaLinha(l)) : [],
  };
}
