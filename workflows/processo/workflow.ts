import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  log,
  patched,
  condition,
  continueAsNew,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { atividadesDoProcesso, PATCH_ATIVIDADES_LOCAIS } from '../atividades-locais';
import type { EventoProcesso, ReadModelActivities } from '../../activities/read-model';
import type { PassoProcesso } from '../../db/processos';
import type { PrazoAberto } from '../prazos/definitions';
import type { PrazoActivities } from '../../activities/prazos';
import type { Local } from '../../rules/calendario';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { Prazos } from '../prazos/prazo';
import type { EstadoRito } from '../ritos/definitions';
import type { DocumentosDoPasso } from '../ritos/documentos-no-passo';
import { Interpretador } from '../ritos/interpretador';
import { hooksDoRito } from '../ritos/registro';
import { type AberturaProcesso, type EstadoProcesso, estadoQuery } from './definitions';
import { type AberturaRegistrada, estadoDaAbertura, eventoDaAbertura, notificacaoPendente, SEQ_ABERTURA, snapshotDoProcesso } from './primeiro-passo';

const readModel = atividadesDoProcesso<ReadModelActivities & PrazoActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * History length (events) at which a process continues as new even if Temporal
 * has not suggested it yet (continueAsNewSuggested comes only near the server's
 * own limits, thousands of events or megabytes). Below the server's threshold,
 * so that a run stays quick to replay, and low enough for a test to cross it
 * (test/replay/continuar-como-novo.test.ts). Crossing it changes nothing a
 * process does: the state carries over whole (Retomada).
 */
export const LIMITE_EVENTOS_HISTORIA = 2000;

/**
 * Runs a write to the read model. One that PostgreSQL refuses for good (the
 * activity has raised an alert for the administrator: activities/falhas.ts)
 * does not stop the process: the workflow holds the truth, and its next
 * snapshot, with a higher versao, writes the read model again.
 */
async function projetar(escrita: () => Promise<unknown>): Promise<void> {
  await projetarOu(escrita, 'o modelo de leitura recusou uma escrita; alerta registrado');
}

/** projetar's rule for a write that gives something back: undefined when refused for good. */
async function projetarOu<T>(escrita: () => Promise<T>, aviso: string): Promise<T | undefined> {
  try {
    return await escrita();
  } catch (err) {
    // A local activity's failure reaches the workflow as the activity's own ApplicationFailure, unwrapped.
    const causa = err instanceof ActivityFailure ? err.cause : err;
    if (!(causa instanceof ApplicationFailure && causa.nonRetryable)) throw err;
    log.error(aviso, { erro: causa.message });
    return undefined;
  }
}

/**
 * A process's first step (its row and the abertura's event) and the read of its unit's calendar in one local
 * activity, registrarPasso's: one activation of the workflow fewer per process (issue 16). Runs recorded before
 * wrote, then read, each on its own.
 */
export const PATCH_INICIO_EM_UM_PASSO = 'inicio-em-um-passo';

/** What a process carries into its next run when its history grows long. */
export interface Retomada {
  estado: EstadoProcesso;
  /** The rite's state. */
  rito?: EstadoRito | null;
  /** Where runs before the rite engine carried the rite's state (all of them vistorias). */
  vistoria?: EstadoRito | null;
  seq: number;
  prazosAbertos: number;
}

/**
 * One administrative process, from its abertura to its end. The rite of each
 * process kind runs inside it; the read model in PostgreSQL is fed from here
 * through activities so that it never runs ahead of the workflow.
 */
/**
 * Kinds whose rite was built after processes of the kind could already be opened (and wait, without a
 * rite, to be closed by hand): such a process keeps waiting; one opened since runs its rite. Each is
 * versioned with patched() under its own id, asked only for its kind.
 */
const RITO_POSTERIOR: Readonly<Record<string, string>> = { 'cadastro-etap': 'rito-etap' };

function ritoDoProcesso(tipo: string) {
  const patch = RITO_POSTERIOR[tipo];
  if (patch && !patched(patch)) return undefined;
  return ritoDoTipo(tipo);
}

/**
 * `registrada`: the API wrote the first step and read the unit's calendar in the abertura's transaction
 * (primeiro-passo.ts); absent, the workflow writes and reads them itself. The input decides which, so no history
 * recorded either way replays the other.
 */
export async function processoWorkflow(abertura: AberturaProcesso, retomada?: Retomada, registrada?: AberturaRegistrada): Promise<EstadoProcesso> {
  const definicao = ritoDoProcesso(abertura.tipo);
  const estado: EstadoProcesso = retomada?.estado ?? estadoDaAbertura(abertura, definicao);
  let seq = retomada?.seq ?? 0;
  setHandler(estadoQuery, () => estado);

  // Since 'atividades-locais' a step's writes (its events, prazos and snapshot) go to the read model together,
  // in one local activity when the step is synchronised (descarregar), instead of one activity each.
  const emLote = () => patched(PATCH_ATIVIDADES_LOCAIS);
  let eventosPendentes: EventoProcesso[] = [];
  let prazosPendentes: { prazo: PrazoAberto; motivo: string }[] = [];
  const evento = async (tipo: string, descricao: string, ator: string, dados: Record<string, unknown> = {}) => {
    const e: EventoProcesso = { processoId: abertura.id, seq: ++seq, tipo, descricao, ator, ocorridoEm: new Date(Date.now()).toISOString(), dados };
    if (emLote()) eventosPendentes.push(e);
    else await projetar(() => readModel().registrarEvento(e));
    return e.seq;
  };
  const snapshot = () => snapshotDoProcesso(abertura, estado, rito?.estado ?? null);
  /** Writes what is pending, with the snapshot when asked: one write, and none when there is nothing to write. */
  const descarregar = async (comProcesso: boolean) => {
    const passo = passoPendente(comProcesso);
    if (comProcesso || passo.eventos.length || passo.prazos.length) await projetar(() => readModel().registrarPasso(passo));
  };
  const passoPendente = (comProcesso: boolean): PassoProcesso => {
    const passo: PassoProcesso = { processoId: abertura.id, prazos: prazosPendentes, eventos: eventosPendentes, ...(comProcesso ? { processo: snapshot() } : {}) };
    eventosPendentes = [];
    prazosPendentes = [];
    return passo;
  };
  const sincronizar = async () => {
    estado.versao++;
    if (emLote()) await descarregar(true);
    else await projetar(() => readModel().registrarProcesso(snapshot()));
  };
  /** sincronizar, issuing an action's documents in the same local activity (PATCH_DOCUMENTOS_NO_PASSO). */
  const sincronizarComDocumentos = async (documentos: DocumentosDoPasso) => {
    estado.versao++;
    const passo = passoPendente(true);
    // Refused for good (the step: an alert is registered; or a document, refused as before), the interpreter asks for each document on its own.
    const docs = await projetarOu(() => readModel().registrarPassoComDocumentos(passo, documentos), 'o passo com seus documentos foi recusado; os documentos são pedidos um a um');
    return docs ?? null;
  };

  // Until the unit's seat is read (Prazos.atualizarDecretados), and for runs recorded before units were data: the school's município.
  const local: Local = { uf: 'RJ', unidade: abertura.unidade, ...(abertura.instituicao.municipio ? { municipio: abertura.instituicao.municipio } : {}) };
  const prazos = new Prazos(
    abertura.id,
    local,
    async (prazo, motivo) => {
      estado.prazoLimite = prazo.situacao === 'aberto' ? prazo.limite : null;
      if (emLote()) prazosPendentes.push({ prazo, motivo });
      else await projetar(() => readModel().registrarPrazo({ processoId: abertura.id, prazo, motivo }));
      await evento('prazo', motivo, 'sistema', { prazoId: prazo.id, codigo: prazo.codigo, limite: prazo.limite, vencimento: prazo.vencimento, situacao: prazo.situacao });
      await sincronizar();
    },
    retomada?.prazosAbertos ?? 0,
    abertura.unidade,
  );

  // Handlers are installed before the first await, so that an action sent right
  // after the abertura is never refused for want of a handler.
  const hooks = definicao ? hooksDoRito(definicao.codigo) : undefined;
  const rito =
    definicao && hooks
      ? new Interpretador(
          definicao,
          hooks,
          {
            processoId: abertura.id,
            tipo: abertura.tipo,
            unidade: abertura.unidade,
            local,
            prazos,
            evento,
            descarregar: () => descarregar(false),
            sincronizar: async (documentos) => {
              estado.fase = rito!.estado.fase;
              estado.encerrado = rito!.terminado;
              if (!rito!.estado.prazo) estado.prazoLimite = null;
              estado.notificacaoPendente = notificacaoPendente(rito!.estado);
              const t = rito!.estado.tarefa;
              estado.tarefa =
                t && t.situacao === 'aberta' ? { id: t.id, fase: t.fase, abertaEm: t.abertaEm, responsavel: t.responsavel, descricao: t.descricao, limite: t.limite } : null;
              if (documentos) return sincronizarComDocumentos(documentos);
              await sincronizar();
              return [];
            },
            autuar: (numeroSei) => {
              estado.numeroSei = numeroSei;
            },
          },
          retomada?.rito ?? retomada?.vistoria ?? Interpretador.estadoInicial(definicao, hooks),
        )
      : null;

  // Whether the calendar came with the start (the abertura's registration) or with the first step (since PATCH_INICIO_EM_UM_PASSO).
  let calendarioLido = false;
  if (!retomada && registrada && rito) {
    // The API wrote the row (versao 1) and the abertura's event: the timeline goes on after it.
    seq = SEQ_ABERTURA;
    prazos.aplicarCalendario(registrada.calendario, prazos.versaoCalendario);
    calendarioLido = true;
  } else if (!retomada) {
    const aberto = eventoDaAbertura(abertura);
    if (emLote()) {
      // The row as the API wrote it at the abertura (versao 1), with its first event.
      await evento(...aberto);
      const pedido = rito && patched(PATCH_INICIO_EM_UM_PASSO) ? prazos.pedidoDeCalendario() : null;
      if (pedido) {
        const versao = prazos.versaoCalendario;
        const passo = passoPendente(true);
        await projetar(async () => {
          const lido = await readModel().registrarPasso(passo, pedido);
          if (lido) prazos.aplicarCalendario(lido, versao);
          calendarioLido = lido !== undefined;
        });
      } else {
        await descarregar(true);
      }
    } else {
      await projetar(() => readModel().registrarProcesso(snapshot()));
      await evento(...aberto);
    }
  }

  if (rito) {
    if (!calendarioLido) await prazos.atualizarDecretados();
    rito.pronto = true;
    // Long-lived processes (visits rescheduled, prazos re-timed) start a fresh
    // history when Temporal suggests it, carrying their whole state.
    const longo = () => {
      const info = workflowInfo();
      return info.continueAsNewSuggested || info.historyLength >= LIMITE_EVENTOS_HISTORIA;
    };
    await rito.conduzir(longo);
    if (!rito.terminado) {
      await condition(() => rito.ocioso && allHandlersFinished());
      await descarregar(false);
      await continueAsNew<typeof processoWorkflow>(abertura, { estado, rito: rito.estado, seq, prazosAbertos: prazos.abertos });
    }
    await condition(allHandlersFinished);
    await descarregar(false);
    return estado;
  }

  // Opening a kind whose rite is not built is refused by the API; processes
  // opened before that rule stay open in 'requerimento' until closed by hand.
  await condition(() => estado.encerrado);
  return estado;
}
