import type { Db } from '../db/connect';
import { createEmissaoDocumentosActivities } from './documentos';
import { createReadModelActivities } from './read-model';

/** Every activity the rito worker registers, bound to its dependencies. */
export function createActivities(deps: { db: Db }) {
  return {
    ...createReadModelActivities(deps.db),
    ...createEmissaoDocumentosActivities(deps.db),
  };
}

export type Activities = ReturnType<typeof createActivities>;
