import { condition, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ReadModelActivities } from '../../activities/read-model';
import { type AberturaProcesso, type EstadoProcesso, estadoQuery } from './definitions';

const readModel = proxyActivities<ReadModelActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One administrative process, from its abertura to its end. The rite of each
 * process kind (vistoria, ETAP, ...) runs inside it; the read model in
 * PostgreSQL is fed from here through activities so that it never runs ahead of
 * the workflow.
 */
export async function processoWorkflow(abertura: AberturaProcesso): Promise<EstadoProcesso> {
  const estado: EstadoProcesso = {
    id: abertura.id,
    tipo: abertura.tipo,
    fase: 'requerimento',
    encerrado: false,
    numeroSei: abertura.numeroSei,
    prazoLimite: null,
    versao: 1,
  };
  let seq = 0;
  setHandler(estadoQuery, () => estado);

  await readModel.registrarProcesso({ abertura, estado });
  await readModel.registrarEvento({
    processoId: abertura.id,
    seq: ++seq,
    tipo: 'abertura',
    descricao: 'Processo aberto',
    ator: abertura.abertoPor,
    ocorridoEm: new Date(workflowInfo().startTime).toISOString(),
    dados: { tipo: abertura.tipo, unidade: abertura.unidade, numeroSei: abertura.numeroSei },
  });

  // The rite of each kind takes over from here (its own issue); until then the
  // process stays open in 'requerimento', which is what the law has it be.
  await condition(() => estado.encerrado);
  return estado;
}
