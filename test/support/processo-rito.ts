/**
 * A process of any rite on the time-skipping server, driven as its workflow is
 * by the API: its update (the rite's `mensagens.acao`) with an idempotency key,
 * its state query, the pt-BR reason of a refusal, and a wait for a condition of
 * the state. Opened for a school of the test's own (INEP drawn at random), in
 * the METROPOLITANA I unit, by the representante of test/vistoria/support.ts.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import type { DefinicaoRito } from '../../rules/ritos/definicao';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { aberturaDeTeste } from './abertura-workflow';
import { acaoUpdate, type AtorAcao, type EstadoRito, estadoRitoQuery, type PedidoAcao, type ResultadoAcao } from '../../workflows/ritos/definitions';
import { idDaAtualizacao } from '../../workflows/ritos/interpretador';
import { brt, representante } from '../vistoria/support';
import type { WorkflowTestEnv } from './workflow-env';
import { iniciarProcesso } from './iniciar-processo';

export { CNPJ_TESTE } from './abertura-workflow';
let n = 0;

export class ProcessoNoRito<E extends EstadoRito> {
  private readonly def: DefinicaoRito;
  readonly numeroSei: string;
  constructor(
    readonly w: WorkflowTestEnv,
    readonly handle: WorkflowHandle,
    readonly id: string,
    readonly codigoInep: string,
    tipo: string,
  ) {
    this.def = ritoDoTipo(tipo)!;
    this.numeroSei = `SEI-030001/${String(56800 + ++n).padStart(6, '0')}/2037`;
  }

  /** Opens a process of `tipo` at `quando` (an instant with offset). */
  static async abrir<E extends EstadoRito>(w: WorkflowTestEnv, tipo: string, quando: string): Promise<ProcessoNoRito<E>> {
    await w.saltarAte(quando);
    const abertura = aberturaDeTeste(tipo, representante.id);
    const handle = await iniciarProcesso(w, abertura);
    return new ProcessoNoRito<E>(w, handle, abertura.id, abertura.instituicao.codigoInep, tipo);
  }

  /** Acts at `em` (Brasília local time, 'YYYY-MM-DDTHH:MM:SS'). */
  agir(acao: string, ator: AtorAcao, dados: unknown, em: string): Promise<ResultadoAcao> {
    const pedido: PedidoAcao = { acao, ator, dados, em: brt(em), chave: `${acao}-${++n}-${randomBytes(3).toString('hex')}` };
    return this.handle.executeUpdate(acaoUpdate(this.def), { args: [pedido], updateId: idDaAtualizacao(pedido) });
  }

  /** The pt-BR reason the workflow gives for refusing an action. */
  async recusa(acao: string, ator: AtorAcao, dados: unknown, em: string): Promise<string> {
    try {
      await this.agir(acao, ator, dados, em);
    } catch (err) {
      const e = err as { cause?: { message?: string }; message: string };
      return e.cause?.message ?? e.message;
    }
    throw new Error(`a ação ${acao} deveria ter sido recusada`);
  }

  estado(): Promise<E> {
    return this.handle.query(estadoRitoQuery<E>(this.def));
  }

  /** Polls (in real time) until the state meets `cond`: timers fire and activities run after a time skip. */
  async esperar(cond: (e: E) => boolean, oQue: string): Promise<void> {
    const ate = Date.now() + 15_000;
    while (Date.now() < ate) {
      if (cond(await this.estado())) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`esperava ${oQue}; estado: ${JSON.stringify(await this.estado()).slice(0, 300)}`);
  }
}
