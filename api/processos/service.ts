/**
 * Opening and reading processes. The workflow is the source of truth for a
 * process's state; the `processo` table is a read model for listing and filtering.
 */
import { type Client, ServiceError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { Db } from '../../db/connect';
import { listarUnidades, obterUnidade } from '../../db/unidades';
import type { Processo } from '../../db/schema';
import { registrarAbertura } from '../../db/abertura';
import { encerradosDaChave, obterProcesso, processoAbertoDaChave } from '../../db/processos';
import { chaveProcesso, idProcesso, rotuloTipoProcesso } from '../../rules/processos/tipos';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { type AberturaProcesso, type EstadoProcesso, estadoQuery } from '../../workflows/processo/definitions';
import { type AberturaRegistrada, argumentosDoInicio } from '../../workflows/processo/primeiro-passo';
import type { processoWorkflow } from '../../workflows/processo/workflow';
import type { Ator } from '../auth/ator';
import { podeVer } from '../auth/escopo';
import { invalido, naoEncontrado } from '../errors';
import { acoesDoAtor } from '../ritos/disponiveis';
import { PRAZO_CONSULTA_MS } from '../ritos/estado';
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
   *
   * All or nothing (issue 17, defect 2): the row and the request's audit entry
   * (`auditar`, given the transaction) are written in one transaction, and the
   * workflow is started last inside it, once everything that can be refused
   * (scope, what PostgreSQL would refuse, the audit entry itself) has passed;
   * if the start fails, the transaction rolls back and nothing is left. The one
   * step outside the transaction is the start itself: should the commit fail
   * after it, the request fails and the client's retry writes the first step and
   * records the abertura, and the running workflow is the process's
   * (test/api/abertura-atomica.test.ts).
   * Every query here goes through `trx`: under the embedded PGlite, a query on
   * another connection would wait for this transaction for ever.
   */
  async abrir(
    body: AberturaBody,
    ator: Ator,
    auditar: (trx: Db, processo: Processo, criado: boolean) => Promise<void>,
  ): Promise<{ processo: Processo; criado: boolean }> {
    const chave = chaveProcesso(body.tipo, body.instituicao.cnpj, body.instituicao.codigoInep);
    // The unit conducts the process and its seat's calendar counts its prazos: it must be one rito knows (issue 11).
    if (!(await obterUnidade(this.db, body.unidade))) {
      const conhecidas = (await listarUnidades(this.db)).map((u) => u.chave);
      throw invalido([{ campo: 'unidade', mensagem: `unidade desconhecida: use uma das cadastradas (${conhecidas.join(', ')})` }]);
    }
    return this.db.transaction().execute(async (trx) => {
      const aberto = await processoAbertoDaChave(trx, chave);
      if (aberto) {
        if (!podeVer(ator, aberto)) throw naoEncontrado('Processo');
        await auditar(trx, aberto, false);
        // A row whose workflow is missing (written by a version that stored the row before starting) is completed by the retry.
        await this.iniciarWorkflow(aberturaDaLinha(aberto)).catch((err) => {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        });
        return { processo: aberto, criado: false };
      }

      // Counting only closed processes keeps concurrent requests on the same
      // ordinal, hence the same workflow id: Temporal then returns the one run.
      const ordinal = (await encerradosDaChave(trx, chave)) + 1;
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
      // The first step (the row with the rite's state, the abertura's event) and the unit's calendar, so that the
      // workflow starts without a write or a read of its own, and a read right after the abertura finds the rite's
      // state in the row. A concurrent identical abertura waits here for the first one's commit and then finds its
      // row (criado false).
      const escrito = await registrarAbertura(trx, abertura, ritoDoTipo(abertura.tipo)!, new Date());
      const criado = escrito !== undefined;
      const processo = escrito?.processo ?? (await obterProcesso(trx, abertura.id))!;
      if (!podeVer(ator, processo)) throw naoEncontrado('Processo');
      await auditar(trx, processo, criado);
      await this.iniciarWorkflow(abertura, escrito?.registrada);
      return { processo, criado };
    });
  }

  /**
   * Called with the abertura's transaction open: bounded, so that a Temporal out of reach fails this request in
   * seconds instead of holding that transaction, its row locks and its audit entry (uncommitted in the outbox) open.
   */
  private async iniciarWorkflow(abertura: AberturaProcesso, registrada?: AberturaRegistrada): Promise<void> {
    await this.temporal.connection.withDeadline(Date.now() + PRAZO_INICIO_MS, () =>
      this.temporal.workflow.start<typeof processoWorkflow>('processoWorkflow', {
        taskQueue: this.taskQueue,
        workflowId: abertura.id,
        // Without `registrada` (a start retried for a row whose workflow was missing) the workflow writes its first step itself.
        args: argumentosDoInicio(abertura, registrada),
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      }),
    );
  }

  async obter(id: string): Promise<Processo | undefined> {
    return obterProcesso(this.db, id);
  }

  /**
   * What a read needs beyond the row, or null when the row has it all: the
   * workflow projects its state into the row with every change and before it
   * answers an action (estado_rito, notificacao_pendente), so the common path
   * asks no workflow. A row not projected yet (a process opened an instant ago,
   * or last changed before those columns) is read from the workflow; when it
   * cannot answer within PRAZO_CONSULTA_MS (a worker catching up), the row's
   * last record answers, marked as such (faseFonte).
   */
  async estado(p: Processo): Promise<EstadoProcesso | null> {
    if (projetado(p)) return null;
    try {
      return await this.temporal.connection.withDeadline(Date.now() + PRAZO_CONSULTA_MS, () => this.temporal.workflow.getHandle(p.id).query(estadoQuery));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return null;
      // Deadline exceeded, or the server could not reach the worker: the read model answers.
      if (err instanceof ServiceError) return null;
      throw err;
    }
  }
}

/** Whether the row holds the workflow's last projection: every snapshot of a process with a rite carries the rite's state. */
export function projetado(p: Pick<Processo, 'tipo' | 'estado_rito'>): boolean {
  return p.estado_rito !== null || !ritoDoTipo(p.tipo);
}

/** How long an abertura waits for Temporal to start its workflow. */
const PRAZO_INICIO_MS = 10_000;


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
    ...(ator ? { acoes: acoesDoAtor({ id: p.id, tipo: p.tipo, fase, encerrado, prazoLimite, notificacaoPendente: estado?.notificacaoPendente ?? p.notificacao_pendente ?? false }, ator) } : {}),
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
