// The worker's workflow bundle starts here: every workflow rito runs is exported from this file.
// Registers every rite's hooks (and definitions) in the bundle.
import './ritos/registro';

export { processoWorkflow } from './processo/workflow';
export { habilitacaoWorkflow } from './habilitacao/workflow';
export { casoFrequenciaWorkflow } from './frequencia/workflow';
export { loteWorkflow } from './lotes/workflow';
