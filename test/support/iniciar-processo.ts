import type { WorkflowHandle } from '@temporalio/client';
import { registrarAbertura } from '../../db/abertura';
import { ritoDoTipo } from '../../rules/ritos/registro';
import type { AberturaProcesso } from '../../workflows/processo/definitions';
import type { processoWorkflow } from '../../workflows/processo/workflow';
import { argumentosDoInicio } from '../../workflows/processo/primeiro-passo';
import type { WorkflowTestEnv } from './workflow-env';

/**
 * Starts a process's workflow as the API's abertura does (api/processos/service.ts): its first step written and its
 * unit's calendar read at the server's current time (db/abertura.ts), then the start with them.
 */
export async function iniciarProcesso(w: WorkflowTestEnv, abertura: AberturaProcesso): Promise<WorkflowHandle<typeof processoWorkflow>> {
  const escrito = await registrarAbertura(w.db, abertura, ritoDoTipo(abertura.tipo)!, new Date(await w.agora()));
  if (!escrito) throw new Error(`o processo ${abertura.id} já estava no modelo de leitura`);
  return w.env.client.workflow.start<typeof processoWorkflow>('processoWorkflow', { taskQueue: w.taskQueue, workflowId: abertura.id, args: argumentosDoInicio(abertura, escrito.registrada) });
}
