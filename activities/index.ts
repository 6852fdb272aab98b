import type { Db } from '../db/connect';
import { createEmissaoDocumentosActivities } from './documentos';
import { createDocumentoRitoActivities } from './documentos-rito';
// The builders of each rite's documents register themselves with documentos-rito.
import './cadastros-documentos';
import './etap-documentos';
import { createEtapActivities } from './etap';
import { comAlertas } from './falhas';
import { createMantenedoraActivities } from './mantenedora';
import { createTransferenciaActivities } from './transferencia-mantenca';
import { createPrazoActivities } from './prazos';
import { createReadModelActivities } from './read-model';
import { createDocumentoActivities } from './vistoria-documentos';

/** Every activity the rito worker registers, bound to its dependencies; none fails in silence (falhas.ts). */
export function createActivities(deps: { db: Db }) {
  return comAlertas(deps.db, {
    ...createReadModelActivities(deps.db),
    ...createEmissaoDocumentosActivities(deps.db),
    ...createPrazoActivities(deps.db),
    ...createDocumentoActivities(deps.db),
    ...createDocumentoRitoActivities(deps.db),
    ...createEtapActivities(deps.db),
    ...createMantenedoraActivities(deps.db),
    ...createTransferenciaActivities(deps.db),
  });
}

export type Activities = ReturnType<typeof createActivities>;
