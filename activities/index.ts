import path from 'node:path';
import { type Correio, correioNaPasta } from '../api/contas/correio';
import { readSetting } from '../config/settings';
import type { Db } from '../db/connect';
import { createEmissaoDocumentosActivities } from './documentos';
import { createDocumentoRitoActivities } from './documentos-rito';
// The builders of each rite's documents register themselves with documentos-rito.
import './cadastros-documentos';
import './etap-documentos';
import { createEtapActivities } from './etap';
import { createFrequenciaActivities } from './frequencia';
import { createHabilitacaoActivities } from './habilitacao';
import { createLoteActivities } from './lotes';
import { comAlertas } from './falhas';
import { createMantenedoraActivities } from './mantenedora';
import { createTransferenciaActivities } from './transferencia-mantenca';
import { createPrazoActivities } from './prazos';
import { createReadModelActivities } from './read-model';
import { createDocumentoActivities } from './vistoria-documentos';

/**
 * Every activity the rito worker registers, bound to its dependencies; none fails in silence (falhas.ts).
 * `correio` and `urlPublica` serve the e-mails of the pedidos de habilitação; without them, the
 * development mailbox (RITO_DATA_DIR/correio) and the API's default address, as in api/app.ts.
 */
export function createActivities(deps: { db: Db; correio?: Correio; urlPublica?: string }) {
  const correio = deps.correio ?? correioNaPasta(path.join(readSetting('RITO_DATA_DIR'), 'correio'), () => {});
  const documentosVistoria = createDocumentoActivities(deps.db);
  const documentosRito = createDocumentoRitoActivities(deps.db);
  return comAlertas(deps.db, {
    // An action's step issues its documents itself (registrarPassoComDocumentos), by the rite's activity.
    ...createReadModelActivities(deps.db, { emitirDocumentoVistoria: documentosVistoria.emitirDocumentoVistoria, emitirDocumentoRito: documentosRito.emitirDocumentoRito }),
    ...createEmissaoDocumentosActivities(deps.db),
    ...createPrazoActivities(deps.db),
    ...documentosVistoria,
    ...documentosRito,
    ...createEtapActivities(deps.db),
    ...createMantenedoraActivities(deps.db),
    ...createTransferenciaActivities(deps.db),
    ...createFrequenciaActivities(deps.db),
    ...createHabilitacaoActivities(deps.db, correio, deps.urlPublica ?? 'http://127.0.0.1:3000'),
    ...createLoteActivities(deps.db),
  });
}

export type Activities = ReturnType<typeof createActivities>;
