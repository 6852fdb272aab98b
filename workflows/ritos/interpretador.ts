/**
 * The one interpreter of every rite (rules/ritos/definicao.ts). It conducts the
 * phases a definition describes: waits on each phase's prazo through Prazos
 * (ciência explicit or tácita first), expires it, opens a task with its
 * deadline for the unit that must decide, and applies each action whole or not
 * at all, once per idempotency key. What a rite does that is not data lives in
 * its hooks (HooksRito): the vistoria's are in workflows/vistoria/hooks.ts.
 *
 * The order of the activities and timers below is what running histories
 * recorded: change it only behind patched() (README, "Changing workflow code").
 */
import { condition, patched, setHandler } from '@temporalio/workflow';
import { atividadesDoProcesso } from '../atividades-locais';
import { type Local, formatarInstanteBrasilia, inicioDoDiaBrasilia, lerData } from '../../rules/calendario';
import { jsonCanonico } from '../../rules/json-canonico';
import { calcularPrazo, cienciaTacita } from '../../rules/prazos';
import {
  ACAO_EXPIRAR_PRAZO,
  ACAO_PRORROGAR_PRAZO,
  ACAO_TOMAR_CIENCIA,
  ATOR_SISTEMA,
  type AtorRito,
  type DefinicaoRito,
  faseTerminal,
  parteDoRito,
  rotuloAtor,
  transicaoPermitida,
} from '../../rules/ritos/definicao';
import type { DefinicaoPrazo, PrazoAberto } from '../prazos/definitions';
import type { Prazos } from '../prazos/prazo';
export type { DocumentoEmitido } from './definitions';
import { acaoUpdate, type DocumentoEmitido, type EstadoRito, estadoRitoQuery, type PedidoAcao, type ResultadoAcao, type Tarefa } from './definitions';
import { anotarDocumentos, type DocumentosDoPasso, PATCH_DOCUMENTOS_NO_PASSO } from './documentos-no-passo';

/** Documents of a rite are issued by one activity taking this request (its name is the rite's: HooksRito.atividadeDocumentos). */
export interface PedidoDocumentoRito {
  /** Idempotency key: the same key returns the same document and number. */
  chave: string;
  processoId: string;
  /** A template of the catalogue. */
  tipo: string;
  /** Ator id of who acts; 'sistema' for what a prazo's end triggers. */
  emitidoPor: string;
  /** When the act happened (the document's date). */
  emitidoEm: string;
  contexto: Record<string, unknown>;
}
type EmitirDocumento = (pedido: PedidoDocumentoRito) => Promise<DocumentoEmitido>;

/** The ciência is answered once its prazo is written to the read model (see tomarCiencia). */
export const PATCH_CIENCIA_APOS_PROJECAO = 'ciencia-apos-projecao';

// Local where the history allows it (workflows/atividades-locais.ts): issuing is idempotent by the document's chave.
const atividadesDeDocumentos = atividadesDoProcesso<Record<string, EmitirDocumento>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export const SISTEMA = { id: ATOR_SISTEMA, nome: 'rito (sistema)', papeis: [ATOR_SISTEMA] };

/** What the process workflow lends the rite it runs. */
export interface ContextoRito {
  processoId: string;
  tipo: string;
  unidade: string;
  local: Local;
  prazos: Prazos;
  /** Records a timeline event; ordered and idempotent. Gives its seq. */
  evento(tipo: string, descricao: string, ator: string, dados?: Record<string, unknown>): Promise<number>;
  /**
   * Mirrors the state into the read model. With `documentos`, issues them in the same step and gives them
   * back, in order; null when the read model refused the step for good (the documents are then unknown).
   */
  sincronizar(documentos?: DocumentosDoPasso): Promise<DocumentoEmitido[] | null>;
  /** Writes the events recorded and not yet written (they go with the next sincronizar otherwise). */
  descarregar(): Promise<void>;
  /** The SEI number given at autuação. */
  autuar(numeroSei: string): void;
}

/** One action being applied, as the hooks see it. */
export interface AcaoEmCurso<E extends EstadoRito> {
  readonly ctx: ContextoRito;
  readonly pedido: PedidoAcao;
  readonly acao: string;
  /** The action's data, parsed by its schema. */
  readonly dados: Record<string, any>;
  readonly estado: E;
  /** The phase the action was taken in. */
  readonly de: string;
  /** Where the action leads: the transition's, which a hook may redirect. */
  destino: string;
  /** What the caller and the timeline are told. */
  mensagem: string;
  /**
   * Issues a document of the rite as part of the action, with the action's step (one local activity for
   * both). Use emitirAgora when the action needs the document's number before it ends.
   */
  emitir(tipo: string, contexto: Record<string, unknown>): Promise<void>;
  /** Issues a document of the rite now, and gives it back (its number goes into another record of the action). */
  emitirAgora(tipo: string, contexto: Record<string, unknown>): Promise<DocumentoEmitido>;
  /** When the act the action records was done after its prazo (a late request), or null. */
  foraDoPrazoEm: string | null;
}

export interface HooksRito<E extends EstadoRito = EstadoRito> {
  /** The rite's own fields of a new process's state. */
  estadoInicial(): Omit<E, keyof EstadoRito>;
  /** The activity that issues the rite's documents (PedidoDocumentoRito in, DocumentoEmitido out). */
  atividadeDocumentos: string;
  /** Accounts the process designates for actors with designadoNoProcesso. */
  designados?(estado: E, ator: string): string[];
  /** Refuses (throw RecusaAcao) what the rite's own rules forbid; synchronous and side-effect free. */
  validar?(a: Omit<AcaoEmCurso<E>, 'emitir' | 'emitirAgora' | 'destino' | 'mensagem' | 'foraDoPrazoEm'>): void;
  /** The action's effects on the rite's state and its documents, before the phase changes. */
  aplicar?(a: AcaoEmCurso<E>): Promise<void>;
  /** Documents of entering a phase (the notice that starts its prazo, a forwarding). */
  aoEntrarNaFase?(a: AcaoEmCurso<E>, entrada: { codigoPrazo: string | null; prazoAnterior: PrazoAberto | null }): Promise<void>;
}

export class RecusaAcao extends Error {
  override name = 'RecusaAcao';
}

/** An idempotency key already used for another action or other data (the API answers 422). */
export class ChaveReutilizada extends RecusaAcao {
  override name = 'ChaveReutilizada';
}

/** What a request asks for, independent of who and when: the same key must always ask the same. */
export function impressaoDoPedido(p: Pick<PedidoAcao, 'acao' | 'dados'>): string {
  return fnv1a64(jsonCanonico({ acao: p.acao, dados: p.dados ?? {} }));
}

/**
 * The Temporal update id of an action: the caller's key and what it asks. Temporal
 * answers a repeated update id with its first outcome without asking the workflow,
 * so the same key with other data must reach the validator under another id.
 */
export function idDaAtualizacao(p: Pick<PedidoAcao, 'acao' | 'dados' | 'chave'>): string {
  return `${p.chave}#${impressaoDoPedido(p)}`;
}

/** FNV-1a, two 32-bit lanes: a short, deterministic fingerprint (no crypto in workflow code). */
function fnv1a64(texto: string): string {
  let a = 0x811c9dc5;
  let b = 0xcbf29ce4;
  for (let i = 0; i < texto.length; i++) {
    const c = texto.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193 + 2) >>> 0;
  }
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export class Interpretador<E extends EstadoRito = EstadoRito> {
  private ocupado = false;
  /** Keys of actions being applied, with what they ask: a redelivered update must not be judged again mid-flight. */
  private readonly emAndamento = new Map<string, string>();
  /** Set once the process is registered and the calendar read: actions wait for it. */
  pronto = false;
  /** The prazo last written to the read model: the ciência's answer waits for it, so a read right after shows it. */
  private prazoProjetado: PrazoAberto | null = null;

  constructor(
    private readonly def: DefinicaoRito,
    private readonly hooks: HooksRito<E>,
    private readonly ctx: ContextoRito,
    readonly estado: E,
  ) {
    setHandler(estadoRitoQuery<E>(def), () => this.estado);
    setHandler(acaoUpdate(def), (p) => this.executar(p), { validator: (p) => this.validar(p) });
  }

  /** A new process's state: the interpreter's fields and the rite's own. */
  static estadoInicial<E extends EstadoRito>(def: DefinicaoRito, hooks: HooksRito<E>): E {
    const proprio = { fase: def.faseInicial, notificacao: null, prazo: null, tarefa: null, documentos: [], respostas: {} };
    return { ...hooks.estadoInicial(), ...proprio } as unknown as E;
  }

  get terminado(): boolean {
    return faseTerminal(this.def, this.estado.fase);
  }

  /** True when no action is being applied: a safe point for continue-as-new. */
  get ocioso(): boolean {
    return !this.ocupado;
  }

  /** Drives the prazos of the current phase until the rite ends (or continue-as-new is due). */
  async conduzir(parar: () => boolean): Promise<void> {
    while (!this.terminado && !parar()) {
      const fase = this.estado.fase;
      const codigo = this.def.fases[fase].aguardaPrazo;
      if (!codigo) {
        const calendario = this.ctx.prazos.versaoCalendario;
        await condition(() => this.estado.fase !== fase || parar() || this.ctx.prazos.versaoCalendario !== calendario);
        if (this.ctx.prazos.versaoCalendario !== calendario) {
          // A unit's task is a prazo too: a decreed day within it moves its limit.
          // (Runs recorded before this did not re-time tasks: patched keeps them replaying.)
          const tarefa = this.estado.tarefa?.situacao === 'aberta' ? this.estado.tarefa : null;
          const retemporizar = tarefa !== null && patched('tarefa-retemporizada');
          // Dates a rite checks against the calendar (a visit's, a task's) need the decreed days current.
          await this.ctx.prazos.atualizarDecretados(retemporizar ? diaBrasilia(tarefa.abertaEm) : undefined);
          if (retemporizar) await this.retemporizarTarefa(tarefa);
        }
        continue;
      }
      // Held here, not re-read from the state: an action may end the phase (and
      // clear estado.prazo) while the new prazo is being recorded, and the prazo
      // must still be closed as met.
      let prazo = this.estado.prazo;
      if (!prazo) {
        const ciencia = await this.aguardarCiencia(fase);
        if (ciencia === null) continue;
        prazo = this.estado.prazo = await this.ctx.prazos.abrir(definicaoPrazo(this.def, codigo), ciencia);
        await this.ctx.sincronizar();
        this.prazoProjetado = prazo;
      }
      this.ctx.prazos.retomar(prazo);
      const desfecho = await this.ctx.prazos.aguardar(prazo, () => this.estado.fase !== fase, parar);
      if (desfecho === 'interrompido') continue;
      if (desfecho === 'expirado' && this.estado.fase === fase) {
        await this.executar({ acao: ACAO_EXPIRAR_PRAZO, dados: {}, ator: SISTEMA, em: formatarInstanteBrasilia(Date.now()), chave: `expirar:${prazo.id}` });
      }
      if (this.estado.prazo === prazo) this.estado.prazo = null;
    }
  }

  // ------------------------------------------------------------------ validation

  /** Synchronous and side-effect free: refuses, with the reason, what the rite does not allow. */
  validar(p: PedidoAcao): void {
    const usada = this.estado.impressoes?.[p.chave] ?? this.emAndamento.get(p.chave);
    if (usada !== undefined && usada !== impressaoDoPedido(p)) {
      throw new ChaveReutilizada('Esta Idempotency-Key já foi usada para outra ação ou com outros dados; use uma chave nova para um novo ato.');
    }
    if (this.estado.respostas[p.chave] || this.emAndamento.has(p.chave)) return;
    if (p.acao === ACAO_TOMAR_CIENCIA) {
      const n = this.estado.notificacao;
      this.exigirAtor(p, parteDoRito(this.def));
      if (p.dados !== undefined && (typeof p.dados !== 'object' || p.dados === null || Object.keys(p.dados).length > 0)) {
        throw new RecusaAcao('A ciência não leva dados.');
      }
      if (!n || n.ciencia) throw new RecusaAcao('Não há notificação aguardando ciência neste processo.');
      return;
    }
    if (p.acao === ACAO_EXPIRAR_PRAZO && p.ator.id !== SISTEMA.id) throw new RecusaAcao('O encerramento de prazo é registrado pelo sistema, não por usuários.');
    const t = transicaoPermitida(this.def, this.estado.fase, p.acao);
    if (!t.permitida) throw new RecusaAcao(t.motivo);
    const desc = this.def.acoes[p.acao];
    this.exigirAtor(p, desc.ator);
    const parsed = desc.schema.safeParse(p.dados ?? {});
    if (!parsed.success) throw new RecusaAcao(parsed.error.issues.map((i) => `${i.path.join('.') || 'dados'}: ${i.message}`).join('; '));
    const prazo = this.estado.prazo;
    // The party the prazo runs against acts in time, unless the rite gives a late act its own meaning.
    if (prazo && desc.ator === this.def.fases[this.estado.fase].responsavel && !desc.foraDoPrazo && !this.ctx.prazos.tempestivo(prazo, p.em)) {
      throw new RecusaAcao(`Prazo encerrado em ${prazo.limite}: o ato é extemporâneo.`);
    }
    if (p.acao === ACAO_PRORROGAR_PRAZO) {
      if (!prazo) throw new RecusaAcao('O prazo ainda não começou a correr: aguarda-se a ciência da notificação.');
      const motivo = this.ctx.prazos.motivoRecusaProrrogacao(prazo, p.em);
      if (motivo) throw new RecusaAcao(motivo);
    }
    this.hooks.validar?.({ ctx: this.ctx, pedido: p, acao: p.acao, dados: parsed.data as Record<string, any>, estado: this.estado, de: this.estado.fase });
  }

  private exigirAtor(p: PedidoAcao, ator: string): void {
    const desc = (this.def.atores as Record<string, AtorRito>)[ator];
    if (p.ator.id === SISTEMA.id && desc?.papel === null) return;
    if (!desc?.papel || !p.ator.papeis.includes(desc.papel)) throw new RecusaAcao(`Esta ação cabe a: ${rotuloAtor(this.def, ator)}.`);
    if (desc.designadoNoProcesso && !(this.hooks.designados?.(this.estado, ator) ?? []).includes(p.ator.id)) {
      throw new RecusaAcao(`Você não integra a ${rotuloAtor(this.def, ator)} designada para este processo.`);
    }
  }

  // ------------------------------------------------------------------ execution

  async executar(p: PedidoAcao): Promise<ResultadoAcao> {
    // Computed once: it hashes the action's whole data (a checklist), and the answer records it again below.
    const impressao = impressaoDoPedido(p);
    this.emAndamento.set(p.chave, impressao);
    await condition(() => this.pronto && !this.ocupado);
    this.ocupado = true;
    // An action applies whole or not at all: if a step fails (e.g. a document
    // cannot be issued), the state goes back to what it was.
    const antes = JSON.stringify(this.estado);
    try {
      const anterior = this.estado.respostas[p.chave];
      if (anterior) return anterior;
      const resultado = p.acao === ACAO_TOMAR_CIENCIA ? await this.tomarCiencia(p) : await this.aplicar(p);
      this.estado.respostas[p.chave] = resultado;
      (this.estado.impressoes ??= {})[p.chave] = impressao;
      return resultado;
    } catch (err) {
      Object.assign(this.estado, JSON.parse(antes) as E);
      throw err;
    } finally {
      this.ocupado = false;
      this.emAndamento.delete(p.chave);
    }
  }

  private async tomarCiencia(p: PedidoAcao): Promise<ResultadoAcao> {
    const n = this.estado.notificacao!;
    n.abertaEm = p.em;
    await this.ctx.evento('ciencia-explicita', `Ciência da notificação (${n.tipo}) pelo representante`, p.ator.id, { abertaEm: p.em });
    // The prazo's start is computed by conduzir() once it sees the ciência. The answer waits until the
    // prazo is in the read model too, as every other action's does, so that the party's next read shows
    // it. Histories recorded before answered as soon as the prazo was computed (patched keeps them).
    if (patched(PATCH_CIENCIA_APOS_PROJECAO)) {
      // A prazo already running when the ciência came (none is opened by it) answers at once, as before.
      const corrente = this.estado.prazo;
      const projetado = () => this.estado.prazo !== null && (this.estado.prazo === corrente || this.estado.prazo === this.prazoProjetado);
      await condition(() => projetado() || this.estado.notificacao !== n);
      // The ciência's own event, when no prazo's write took it along.
      await this.ctx.descarregar();
    } else {
      await condition(() => this.estado.prazo !== null || this.estado.notificacao !== n);
    }
    return this.resultado(p, 'Ciência registrada.', []);
  }

  private async aplicar(p: PedidoAcao): Promise<ResultadoAcao> {
    const desc = this.def.acoes[p.acao];
    const dados = desc.schema.parse(p.dados ?? {}) as Record<string, any>;
    const t = transicaoPermitida(this.def, this.estado.fase, p.acao);
    if (!t.permitida) throw new RecusaAcao(t.motivo);
    const e = this.estado;
    const emitidos: DocumentoEmitido[] = [];
    // Asked for with the step (emitir, since PATCH_DOCUMENTOS_NO_PASSO): issued when the step is written.
    const noPasso: DocumentosDoPasso = { atividade: this.hooks.atividadeDocumentos, pedidos: [], notificacao: null, eventoSeq: 0 };
    const emitirDocumento = (p: PedidoDocumentoRito) => atividadesDeDocumentos()[this.hooks.atividadeDocumentos]!(p);
    const pedidoDe = (tipo: string, contexto: Record<string, unknown>): PedidoDocumentoRito => ({
      chave: `${this.ctx.processoId}:${p.chave}:${tipo}:${emitidos.length + noPasso.pedidos.length}`,
      processoId: this.ctx.processoId,
      tipo,
      emitidoPor: p.ator.id,
      emitidoEm: p.em,
      contexto,
    });
    // The first document of the notice's type issued on entering the phase is the notice itself.
    const eNotificacao = (tipo: string) =>
      e.notificacao !== null && !e.notificacao.documentoId && noPasso.notificacao === null && e.notificacao.tipo === tipo && e.fase === a.destino;
    const emitirAgora = async (tipo: string, contexto: Record<string, unknown>) => {
      const doc = await emitirDocumento(pedidoDe(tipo, contexto));
      emitidos.push(doc);
      anotarDocumentos(e, [doc], eNotificacao(tipo) ? 0 : null);
      return doc;
    };
    const a: AcaoEmCurso<E> = {
      ctx: this.ctx,
      pedido: p,
      acao: p.acao,
      dados,
      estado: e,
      de: e.fase,
      destino: t.destino,
      mensagem: desc.rotulo,
      foraDoPrazoEm: null,
      emitirAgora,
      emitir: async (tipo, contexto) => {
        // Runs recorded before issued every document at once, each in an activity of its own.
        if (!patched(PATCH_DOCUMENTOS_NO_PASSO)) {
          await emitirAgora(tipo, contexto);
          return;
        }
        if (eNotificacao(tipo)) noPasso.notificacao = noPasso.pedidos.length;
        noPasso.pedidos.push(pedidoDe(tipo, contexto));
      },
    };
    if (p.acao === ACAO_PRORROGAR_PRAZO) {
      await this.ctx.prazos.prorrogar(e.prazo!, p.em, p.ator.nome);
      a.mensagem = `Prazo prorrogado até ${e.prazo!.limite}.`;
    }
    if (desc.foraDoPrazo && e.prazo && !this.ctx.prazos.tempestivo(e.prazo, p.em)) {
      a.destino = desc.foraDoPrazo.destino;
      a.foraDoPrazoEm = p.em;
      a.mensagem = desc.foraDoPrazo.mensagem(e.prazo.limite);
    }
    await this.hooks.aplicar?.(a);
    await this.mudarFase(a);
    noPasso.eventoSeq = await this.ctx.evento(p.acao, a.mensagem, p.ator.id, { dados, de: a.de, para: a.destino, documentos: emitidos.map((d) => d.identificacao) });
    if (!noPasso.pedidos.length) {
      await this.ctx.sincronizar();
      return this.resultado(p, a.mensagem, emitidos);
    }
    // The step's own activity issues them (same keys, so a retry issues nothing twice). When the read model
    // refused the step for good, each is asked for again on its own: the documents already issued come back,
    // and one that cannot be issued fails the action, as it always did.
    let docs = await this.ctx.sincronizar(noPasso);
    if (!docs) {
      docs = [];
      for (const pedido of noPasso.pedidos) docs.push(await emitirDocumento(pedido));
    }
    anotarDocumentos(e, docs, noPasso.notificacao);
    emitidos.push(...docs);
    return this.resultado(p, a.mensagem, emitidos);
  }

  /**
   * Entering a phase: notify the party of a new prazo, or open a task for the
   * responsible unit. The state changes before any await, so that conduzir()
   * never sees a phase without its notice.
   */
  private async mudarFase(a: AcaoEmCurso<E>): Promise<void> {
    const e = this.estado;
    const { destino, pedido: p } = a;
    if (e.tarefa?.situacao === 'aberta') e.tarefa.situacao = 'concluida';
    if (destino === e.fase) return;
    const desc = this.def.fases[destino];
    const codigo = desc.aguardaPrazo;
    const prazoAnterior = e.prazo;
    e.fase = destino;
    // The old phase's prazo is closed by conduzir(), which holds it; it no longer governs actions.
    e.prazo = null;
    e.notificacao = codigo ? { tipo: this.def.prazos[codigo].notificacao, enviadaEm: p.em, abertaEm: null, ciencia: null, tacita: null } : null;
    e.tarefa = null;
    // A phase that waits on a prazo waits on the party; any other phase with someone to act is a decision a unit owes.
    if (desc.responsavel && codigo === null && !desc.terminal) {
      const limite = this.limiteDaTarefa(p.em);
      e.tarefa = {
        id: `${this.ctx.processoId}:tarefa:${destino}:${Object.keys(e.respostas).length}`,
        fase: destino,
        responsavel: desc.responsavel,
        descricao: desc.rotulo,
        abertaEm: p.em,
        limite,
        situacao: 'aberta',
      };
    }
    await this.hooks.aoEntrarNaFase?.(a, { codigoPrazo: codigo, prazoAnterior });
  }

  /** The deadline of a task opened at `abertaEm`: the rite's days for the units, counted like any prazo from that day. */
  private limiteDaTarefa(abertaEm: string): string {
    return calcularPrazo({ ciencia: diaBrasilia(abertaEm), dias: this.def.prazoTarefa.dias, ...this.ctx.prazos.calendario }).limite;
  }

  private async retemporizarTarefa(tarefa: Tarefa): Promise<void> {
    const limite = this.limiteDaTarefa(tarefa.abertaEm);
    if (limite === tarefa.limite) return;
    const anterior = tarefa.limite;
    tarefa.limite = limite;
    await this.ctx.evento('tarefa', `Calendário alterado: o limite de "${tarefa.descricao}" passou de ${anterior} para ${limite}`, SISTEMA.id, {
      tarefaId: tarefa.id,
      limiteAnterior: anterior,
      limite,
    });
    await this.ctx.sincronizar();
  }

  private async aguardarCiencia(fase: string): Promise<string | null> {
    const n = this.estado.notificacao;
    if (!n) throw new Error(`fase ${fase} aguarda prazo sem notificação`);
    if (!n.ciencia) {
      const tacita = cienciaTacita({ envio: n.enviadaEm, ...this.ctx.prazos.calendario });
      const inicioTacita = inicioDoDiaBrasilia(lerData(tacita.dataTacita, 'dataTacita'));
      const espera = inicioTacita - Date.now();
      if (espera > 0) await condition(() => n.abertaEm !== null || n.ciencia !== null || this.estado.fase !== fase, espera);
      if (this.estado.fase !== fase) return null;
      // A ciência given meanwhile otherwise (a rite's own, e.g. at a visit) stands.
      if (n.ciencia) return n.ciencia;
      const r = cienciaTacita({ envio: n.enviadaEm, abertaEm: n.abertaEm ?? undefined, ...this.ctx.prazos.calendario });
      n.ciencia = r.ciencia;
      n.tacita = r.tacita;
      if (r.tacita) await this.ctx.evento('ciencia-tacita', `Ciência tácita da notificação (${n.tipo}) em ${r.ciencia}`, SISTEMA.id, { ciencia: r.ciencia });
    }
    return n.ciencia;
  }

  private resultado(p: PedidoAcao, mensagem: string, docs: DocumentoEmitido[]): ResultadoAcao {
    const prazo = this.estado.prazo;
    return { acao: p.acao, fase: this.estado.fase, mensagem, documentos: docs, prazo: prazo ? { limite: prazo.limite, vencimento: prazo.vencimento } : null };
  }
}

/** The civil date in Brasília of an instant. */
function diaBrasilia(instante: string): string {
  return formatarInstanteBrasilia(Date.parse(instante)).slice(0, 10);
}

/** A prazo of the definition as the Prazos building block takes it. */
export function definicaoPrazo(def: DefinicaoRito, codigo: string): DefinicaoPrazo {
  const p = def.prazos[codigo]!;
  return { codigo, rotulo: p.rotulo, dias: p.dias, uteis: p.uteis, contarDe: p.contarDe, prorrogavel: p.prorrogavel, baseLegal: p.baseLegal };
}
