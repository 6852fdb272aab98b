// The worker's workflow bundle starts here: every workflow rito runs is exported from this file.
export { processoWorkflow } from './processo/workflow';
