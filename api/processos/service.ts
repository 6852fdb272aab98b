/**
 * Opening and reading processes. The workflow is the source of truth for a
 * process's state; the `processo` table is a read model for listing and filtering.
 */
import { type Client, ServiceError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Db } from '../../db/connect';
import type { Processo } from '../../db/schema';
import { encerradosDaChave, obterProcesso, processoAbertoDaChave, removerAberturaSemWorkflow, upsertProcesso } from '../../db/processos';
import { chaveProcesso, idProcesso, rotuloTipoProcesso } from '../../rules/processos/tipos';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { type AberturaProcesso, type EstadoProcesso, estadoQuery } from '../../workflows/processo/definitions';
import type { Ator } from '../auth/ator';
import { acoesDoAtor } from '../ritos/disponiveis';
import type { AberturaBody, ProcessoView } from './schemas';
import { instante, instanteOuNulo } from '../instantes';

export class ProcessosService {
  constructor(
    private readonly db: Db,
    private readonly temporal: Client,
    private readonly taskQueue: string,
  ) {}

  /**
   * Opens a process, or returns the open one with the same object and party.
   * Safe to retry: the workflow id is derived from that object and party, and
   * Temporal hands back the running workflow instead of starting a second one.
   */
  async abrir(body: AberturaBody, ator: Ator): Promise<{ processo: Processo; criado: boolean }> {
    const chave = chaveProcesso(body.tipo, body.instituicao.cnpj, body.instituicao.codigoInep);
    const aberto = await processoAbertoDaChave(this.db, chave);
    if (aberto) {
      // A first request that stored the row but could not start the workflow
      // (Temporal unreachable) is completed by its retry.
      await this.iniciarWorkflow(aberturaDaLinha(aberto)).catch((err) => {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      });
      return { processo: aberto, criado: false };
    }

    // Counting only closed processes keeps concurrent requests on the same
    // ordinal, hence the same workflow id: Temporal then returns the one run.
    const ordinal = (await encerradosDaChave(this.db, chave)) + 1;
    const abertura: AberturaProcesso = {
      id: idProcesso(body.tipo, body.instituicao.cnpj, body.instituicao.codigoInep, ordinal),
      tipo: body.tipo,
      chave,
      ordinal,
      instituicao: body.instituicao,
      unidade: body.unidade,
      numeroSei: body.numeroSei ?? null,
      requerente: body.requerente,
      abertoPor: ator.id,
    };

    // The row first: whatever PostgreSQL would refuse is refused here, before a
    // workflow exists whose own writes would then fail for good. versao 0 never
    // overrides the workflow's snapshots, and the process is listable at once.
    const criado = await upsertProcesso(this.db, {
      abertura,
      estado: { id: abertura.id, tipo: abertura.tipo, fase: ritoDoTipo(abertura.tipo)!.faseInicial, encerrado: false, numeroSei: abertura.numeroSei, prazoLimite: null, tarefa: null, versao: 0 },
    });
    try {
      await this.iniciarWorkflow(abertura);
    } catch (err) {
      // Nothing half-written: without its workflow, the row we just wrote goes too.
      if (criado) await removerAberturaSemWorkflow(this.db, abertura.id);
      throw err;
    }
    const processo = (await obterProcesso(this.db, abertura.id))!;
    return { processo, criado };
  }

  private async iniciarWorkflow(abertura: AberturaProcesso): Promise<void> {
    await this.temporal.workflow.start('processoWorkflow', {
      taskQueue: this.taskQueue,
      workflowId: abertura.id,
      args: [abertura],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  }

  async obter(id: string): Promise<Processo | undefined> {
    return obterProcesso(this.db, id);
  }

  /** The workflow's own view of the process; null when the workflow cannot answer now. */
  /**
   * The workflow's own view of the process; null when the workflow cannot answer
   * within PRAZO_CONSULTA_MS (a worker catching up, a process just opened whose
   * first task is still queued): the caller then shows the read model's view,
   * marked as such (faseFonte), instead of failing the request.
   */
  async estado(id: string): Promise<EstadoProcesso | null> {
    try {
      return await this.temporal.connection.withDeadline(Date.now() + PRAZO_CONSULTA_MS, () => this.temporal.workflow.getHandle(id).query(estadoQuery));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      // Deadline exceeded, or the server could not reach the worker: the read model answers.
      if (err instanceof ServiceError) return null;
      throw err;
    }
  }
}

/** How long a read waits for the workflow's answer before showing the read model's. */
const PRAZO_CONSULTA_MS = 5_000;

/** The process as callers see it; with `ator`, also the actions he may take now. */
export function toView(p: Processo, estado: EstadoProcesso | null, ator?: Ator): ProcessoView {
  const fase = estado?.fase ?? p.fase;
  const encerrado = estado?.encerrado ?? p.encerrado;
  const prazoLimite = estado?.prazoLimite ?? instanteOuNulo(p.prazo_limite);
  return {
    id: p.id,
    tipo: p.tipo,
    tipoRotulo: rotuloTipoProcesso(p.tipo),
    fase,
    faseFonte: estado ? 'workflow' : 'modelo-de-leitura',
    encerrado,
    instituicao: { cnpj: p.instituicao_cnpj, codigoInep: p.instituicao_codigo_inep, nome: p.instituicao_nome },
    unidade: p.unidade,
    numeroSei: estado?.numeroSei ?? p.numero_sei,
    requerente: { nome: p.requerente_nome, email: p.requerente_email },
    prazoLimite,
    abertoPor: p.aberto_por,
    criadoEm: instante(p.criado_em),
    atualizadoEm: instante(p.atualizado_em),
    ...(ator ? { acoes: acoesDoAtor({ id: p.id, tipo: p.tipo, fase, encerrado, prazoLimite, notificacaoPendente: estado?.notificacaoPendente ?? false }, ator) } : {}),
  };
}

/** The abertura a stored row was made from (the workflow input, for a start that must be retried). */
function aberturaDaLinha(p: Processo): AberturaProcesso {
  return {
    id: p.id,
    tipo: p.tipo,
    chave: p.chave,
    ordinal: p.ordinal,
    instituicao: {
      cnpj: p.instituicao_cnpj,
      codigoInep: p.instituicao_codigo_inep,
      nome: p.instituicao_nome,
      ...(p.instituicao_municipio ? { municipio: p.instituicao_municipio } : {}),
      ...(p.instituicao_endereco ? { endereco: p.instituicao_endereco } : {}),
      ...(p.mantenedora_nome ? { mantenedora: p.mantenedora_nome } : {}),
    },
    unidade: p.unidade,
    numeroSei: p.numero_sei,
    requerente: { nome: p.requerente_nome, cpf: p.requerente_cpf, email: p.requerente_email },
    abertoPor: p.aberto_por,
  };
}
