import type { Db } from '../db/connect';
import { createEmissaoDocumentosActivities } from './documentos';
import { createPrazoActivities } from './prazos';
import { createReadModelActivities } from './read-model';
import { createDocumentoActivities } from './vistoria-documentos';

/** Every activity the rito worker registers, bound to its dependencies. */
export function createActivities(deps: { db: Db }) {
  return {
    ...createReadModelActivities(deps.db),
    ...createEmissaoDocumentosActivities(deps.db),
    ...createPrazoActivities(deps.db),
    ...createDocumentoActivities(deps.db),
  };
}

export type Activities = ReturnType<typeof createActivities>;
