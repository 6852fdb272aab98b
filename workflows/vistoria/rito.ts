/**
 * The vistoria rite (DOMAIN.md "Vistoria rites", seed 003) as a state machine
 * driven by the data in rules/vistoria: which action leads from which phase to
 * which, which prazo each phase waits on. Actions arrive as one Temporal update
 * whose validator refuses, in pt-BR, what the rite does not allow; waits on the
 * representante are prazos of the Prazos building block.
 */
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { DocumentoActivities } from '../../activities/vistoria-documentos';
import { type Local, criarCalendario, formatarInstanteBrasilia, inicioDoDiaBrasilia, lerData } from '../../rules/calendario';
import { calcularPrazo, cienciaTacita, dataMinimaVisita } from '../../rules/prazos';
import {
  ACOES_VISTORIA,
  type AcaoVistoria,
  type AtorVistoria,
  FASES_VISTORIA,
  type FaseVistoria,
  PRAZOS_VISTORIA,
  type CodigoPrazoVistoria,
  faseTerminal,
  transicaoPermitida,
} from '../../rules/vistoria';
import { DADOS_ACAO_VISTORIA, tomarCienciaSchema } from '../../rules/vistoria/acoes';
import type { DefinicaoPrazo } from '../prazos/definitions';
import type { Prazos } from '../prazos/prazo';
import {
  acaoVistoriaUpdate,
  type DocumentoEmitido,
  type EstadoVistoria,
  estadoVistoriaQuery,
  type PedidoAcao,
  type ResultadoAcao,
} from './definitions';

const documentos = proxyActivities<DocumentoActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Which account role plays each actor of the rite. */
const PAPEL: Record<AtorVistoria, string> = {
  'representante-legal': 'representante',
  cooie: 'inspetor',
  comissao: 'comissao',
  coogie: 'coogie',
  sistema: 'sistema',
};

/**
 * A decision the Administration owes after instruction: 30 days (Lei federal
 * nº 9.784/1999, art. 49, applied subsidiarily: the seed sets no prazo for the
 * units). It is a task with a deadline, not a timer that acts.
 */
const PRAZO_TAREFA_DIAS = 30;

export const SISTEMA = { id: 'sistema', nome: 'rito (sistema)', papeis: ['sistema'] };

export interface ContextoRito {
  processoId: string;
  tipo: string;
  unidade: string;
  local: Local;
  prazos: Prazos;
  /** Records a timeline event; ordered and idempotent. */
  evento(tipo: string, descricao: string, ator: string, dados?: Record<string, unknown>): Promise<void>;
  /** Mirrors the state into the read model. */
  sincronizar(): Promise<void>;
  /** The SEI number given at autuação. */
  autuar(numeroSei: string): void;
}

export function estadoInicialVistoria(): EstadoVistoria {
  return {
    fase: 'requerimento',
    exigencias: [],
    comissao: [],
    ordemServico: null,
    visita: null,
    notificacao: null,
    prazo: null,
    tarefa: null,
    documentos: [],
    edital: null,
    respostas: {},
  };
}

export class RecusaAcao extends Error {
  override name = 'RecusaAcao';
}

export class RitoVistoria {
  private ocupado = false;
  /** Keys of actions being applied: a redelivered update must not be judged again mid-flight. */
  private readonly emAndamento = new Set<string>();
  /** Set once the process is registered and the calendar read: actions wait for it. */
  pronto = false;

  constructor(
    private readonly ctx: ContextoRito,
    readonly estado: EstadoVistoria,
  ) {
    setHandler(estadoVistoriaQuery, () => this.estado);
    setHandler(acaoVistoriaUpdate, (p) => this.executar(p), { validator: (p) => this.validar(p) });
  }

  get terminado(): boolean {
    return faseTerminal(this.estado.fase);
  }

  /** True when no action is being applied: a safe point for continue-as-new. */
  get ocioso(): boolean {
    return !this.ocupado;
  }

  /** Drives the prazos of the current phase until the rite ends (or continue-as-new is due). */
  async conduzir(parar: () => boolean): Promise<void> {
    while (!this.terminado && !parar()) {
      const fase = this.estado.fase;
      const codigo = FASES_VISTORIA[fase].aguardaPrazo;
      if (!codigo) {
        const calendario = this.ctx.prazos.versaoCalendario;
        await condition(() => this.estado.fase !== fase || parar() || this.ctx.prazos.versaoCalendario !== calendario);
        // Visit dates are checked against the decreed days: keep them current.
        if (this.ctx.prazos.versaoCalendario !== calendario) await this.ctx.prazos.atualizarDecretados();
        continue;
      }
      // Held here, not re-read from the state: an action may end the phase (and
      // clear estado.prazo) while the new prazo is being recorded, and the prazo
      // must still be closed as met.
      let prazo = this.estado.prazo;
      if (!prazo) {
        const ciencia = await this.aguardarCiencia(fase);
        if (ciencia === null) continue;
        prazo = this.estado.prazo = await this.ctx.prazos.abrir(definicaoPrazo(codigo), ciencia);
        await this.ctx.sincronizar();
      }
      this.ctx.prazos.retomar(prazo);
      const desfecho = await this.ctx.prazos.aguardar(prazo, () => this.estado.fase !== fase, parar);
      if (desfecho === 'interrompido') continue;
      if (desfecho === 'expirado' && this.estado.fase === fase) {
        await this.executar({ acao: 'expirar-prazo', dados: {}, ator: SISTEMA, em: formatarInstanteBrasilia(Date.now()), chave: `expirar:${prazo.id}` });
      }
      if (this.estado.prazo === prazo) this.estado.prazo = null;
    }
  }

  // ------------------------------------------------------------------ validation

  /** Synchronous and side-effect free: refuses, with the reason, what the rite does not allow. */
  validar(p: PedidoAcao): void {
    if (this.estado.respostas[p.chave] || this.emAndamento.has(p.chave)) return;
    if (p.acao === 'tomar-ciencia') {
      this.exigirPapel(p, 'representante-legal');
      tomarCienciaSchema.parse(p.dados ?? {});
      const n = this.estado.notificacao;
      if (!n || n.ciencia) throw new RecusaAcao('Não há notificação aguardando ciência neste processo.');
      return;
    }
    if (p.acao === 'expirar-prazo' && p.ator.id !== SISTEMA.id) throw new RecusaAcao('O encerramento de prazo é registrado pelo sistema, não por usuários.');
    const t = transicaoPermitida(this.estado.fase, p.acao);
    if (!t.permitida) throw new RecusaAcao(t.motivo);
    this.exigirPapel(p, ACOES_VISTORIA[p.acao].ator);
    const parsed = DADOS_ACAO_VISTORIA[p.acao].safeParse(p.dados ?? {});
    if (!parsed.success) throw new RecusaAcao(parsed.error.issues.map((i) => `${i.path.join('.') || 'dados'}: ${i.message}`).join('; '));
    this.validarRegras(p.acao, parsed.data as Record<string, any>, p.em);
  }

  private exigirPapel(p: PedidoAcao, ator: AtorVistoria): void {
    if (p.ator.id === SISTEMA.id && ator === 'sistema') return;
    if (!p.ator.papeis.includes(PAPEL[ator])) {
      throw new RecusaAcao(`Esta ação cabe a: ${rotuloAtor(ator)}.`);
    }
    if (ator === 'comissao' && !this.estado.comissao.some((m) => m.usuarioId === p.ator.id)) {
      throw new RecusaAcao('Você não integra a Comissão de Vistoria designada para este processo.');
    }
  }

  private validarRegras(acao: AcaoVistoria, dados: Record<string, any>, em: string): void {
    const prazo = this.estado.prazo;
    const atoDoRepresentante = ACOES_VISTORIA[acao].ator === 'representante-legal';
    if (atoDoRepresentante && acao !== 'pedir-reconsideracao' && prazo && !this.ctx.prazos.tempestivo(prazo, em)) {
      throw new RecusaAcao(`Prazo encerrado em ${prazo.limite}: o ato é extemporâneo.`);
    }
    if (acao === 'prorrogar-prazo') {
      if (!prazo) throw new RecusaAcao('O prazo ainda não começou a correr: aguarda-se a ciência da notificação.');
      const motivo = this.ctx.prazos.motivoRecusaProrrogacao(prazo, em);
      if (motivo) throw new RecusaAcao(motivo);
    }
    if (acao === 'agendar-visita' || acao === 'reagendar-visita') {
      const minima = dataMinimaVisita({ aviso: em, local: this.ctx.local, diasDecretados: this.ctx.prazos.decretados });
      if (dados.data < minima.data) {
        throw new RecusaAcao(`A visita deve ser agendada com no mínimo 5 dias de antecedência: a data mais próxima possível é ${minima.data}.`);
      }
      const motivo = criarCalendario(this.ctx.local, this.ctx.prazos.decretados).motivoNaoUtil(lerData(dados.data, 'data'));
      if (motivo) throw new RecusaAcao(`A visita deve ocorrer em dia útil; ${dados.data} não é (${motivo}).`);
    }
    // The Termo records a visit that happened: not before the date it was scheduled for.
    // (Validators run only on delivery, never on replay: a new refusal needs no patch.)
    if ((acao === 'concluir-visita-sem-exigencias' || acao === 'registrar-exigencias-merito') && this.estado.visita && dados.termoVisita.realizadaEm < this.estado.visita.data) {
      throw new RecusaAcao(`A visita foi agendada para ${this.estado.visita.data}: o Termo de Visita não pode registrá-la em data anterior.`);
    }
    if (acao === 'publicar-edital' && dados.objeto.tipoVistoria !== this.ctx.tipo) {
      throw new RecusaAcao(`O objeto do edital deve ser do tipo do processo (${this.ctx.tipo}).`);
    }
    if (acao === 'pedir-reconsideracao-extemporanea' && prazo && this.ctx.prazos.tempestivo(prazo, dados.recebidoEm)) {
      throw new RecusaAcao('O pedido foi recebido dentro do prazo: registre-o como pedido de reconsideração tempestivo.');
    }
    if (this.estado.fase === 'retorno-comissao' && acao === 'deferir' && this.estado.exigencias.some((e) => e.natureza === 'fisica')) {
      throw new RecusaAcao('Há exigências físicas no Estudo Técnico: agende nova visita in loco antes do novo Pronunciamento.');
    }
  }

  // ------------------------------------------------------------------ execution

  async executar(p: PedidoAcao): Promise<ResultadoAcao> {
    this.emAndamento.add(p.chave);
    await condition(() => this.pronto && !this.ocupado);
    this.ocupado = true;
    // An action applies whole or not at all: if a step fails (e.g. a document
    // cannot be issued), the state goes back to what it was.
    const antes = JSON.stringify(this.estado);
    try {
      const anterior = this.estado.respostas[p.chave];
      if (anterior) return anterior;
      const resultado = p.acao === 'tomar-ciencia' ? await this.tomarCiencia(p) : await this.aplicar(p, p.acao);
      this.estado.respostas[p.chave] = resultado;
      return resultado;
    } catch (err) {
      Object.assign(this.estado, JSON.parse(antes) as EstadoVistoria);
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
    // The prazo's start is computed by conduzir() once it sees the ciência.
    await condition(() => this.estado.prazo !== null || this.estado.notificacao !== n);
    return this.resultado(p, 'Ciência registrada.', []);
  }

  private async aplicar(p: PedidoAcao, acao: AcaoVistoria): Promise<ResultadoAcao> {
    const dados = DADOS_ACAO_VISTORIA[acao].parse(p.dados ?? {}) as Record<string, any>;
    const t = transicaoPermitida(this.estado.fase, acao);
    if (!t.permitida) throw new RecusaAcao(t.motivo);
    let destino: FaseVistoria = t.destino;
    const e = this.estado;
    const de = e.fase;
    const emitidos: DocumentoEmitido[] = [];
    const emitir = async (tipo: string, contexto: Record<string, unknown>) => {
      const doc = await documentos.emitirDocumentoVistoria({
        chave: `${this.ctx.processoId}:${p.chave}:${tipo}:${emitidos.length}`,
        processoId: this.ctx.processoId,
        tipo,
        emitidoPor: p.ator.id,
        emitidoEm: p.em,
        contexto,
      });
      emitidos.push(doc);
      e.documentos.push(doc);
      return doc;
    };
    let mensagem = ACOES_VISTORIA[acao].rotulo;
    let pedidoExtemporaneoEm: string | null = null;

    switch (acao) {
      case 'autuar':
        this.ctx.autuar(dados.numeroSei);
        break;
      case 'registrar-exigencias-forma':
        e.exigencias = dados.exigencias;
        break;
      case 'registrar-exigencias-merito':
        e.exigencias = dados.exigencias;
        await emitir('termo-visita', { termoVisita: dados.termoVisita, exigencias: dados.exigencias, comissao: e.comissao });
        break;
      case 'emitir-estudo-tecnico':
        e.exigencias = dados.exigencias;
        await emitir('estudo-tecnico', { exigencias: dados.exigencias, analise: dados.analise });
        break;
      case 'aprovar-forma':
        e.exigencias = [];
        break;
      case 'prorrogar-prazo':
        await this.ctx.prazos.prorrogar(e.prazo!, p.em, p.ator.nome);
        mensagem = `Prazo prorrogado até ${e.prazo!.limite}.`;
        break;
      case 'publicar-ordem-servico':
      case 'designar-comissao-verificacao': {
        e.comissao = dados.comissao;
        const os = await emitir('ordem-servico', { comissao: dados.comissao, publicacao: dados.publicacao ?? null });
        e.ordemServico = os.identificacao;
        await documentos.designarComissao({ processoId: this.ctx.processoId, ordemServico: os.identificacao, membros: dados.comissao.map((m: { usuarioId: string }) => m.usuarioId), criadoPor: p.ator.id, em: p.em });
        break;
      }
      case 'agendar-visita':
      case 'reagendar-visita':
        e.visita = { data: dados.data, hora: dados.hora, avisoEm: p.em };
        await emitir('agendamento-visita', { visita: { data: dados.data, hora: dados.hora }, comissao: e.comissao, motivo: dados.motivo ?? null });
        break;
      case 'concluir-visita-sem-exigencias':
        e.exigencias = [];
        await emitir('termo-visita', { termoVisita: dados.termoVisita, exigencias: [], comissao: e.comissao });
        break;
      case 'deferir':
      case 'reconsiderar':
        e.exigencias = [];
        await emitir('pronunciamento', { decisao: 'deferimento', instancia: instanciaPronunciamento(de), fundamentacao: dados.fundamentacao, exigenciasNaoAtendidas: [], comissao: e.comissao });
        break;
      case 'indeferir':
      case 'ratificar-indeferimento':
      case 'manter-indeferimento':
        e.exigencias = dados.exigenciasNaoAtendidas;
        await emitir('pronunciamento', { decisao: 'indeferimento', instancia: instanciaPronunciamento(de), fundamentacao: dados.fundamentacao, exigenciasNaoAtendidas: dados.exigenciasNaoAtendidas, comissao: e.comissao });
        break;
      case 'indeferir-reconsideracao':
        e.exigencias = dados.exigenciasNaoAtendidas;
        break;
      case 'publicar-edital':
        e.edital = { data: dados.publicacao.data, pagina: dados.publicacao.pagina };
        await emitir('edital-cadastramento', { objeto: dados.objeto, publicacao: dados.publicacao });
        break;
      case 'pedir-reconsideracao':
        if (e.prazo && !this.ctx.prazos.tempestivo(e.prazo, p.em)) {
          // Del. CEE 388/2020: a request after the prazo is extemporânea and its indeferimento compulsory.
          destino = 'art-49';
          pedidoExtemporaneoEm = p.em;
          mensagem = `Pedido de reconsideração extemporâneo (prazo encerrado em ${e.prazo.limite}): indeferimento compulsório; seguem-se os ritos do art. 49 da Deliberação CEE nº 388/2020.`;
        }
        break;
      case 'pedir-reconsideracao-extemporanea':
        pedidoExtemporaneoEm = dados.recebidoEm;
        break;
      default:
        // cumprir-exigencias, responder-estudo-tecnico, arquivar, deferir-reconsideracao,
        // interpor-recurso-cee, expirar-prazo: the transition and the timeline say it all.
        break;
    }

    await this.mudarFase(destino, p, emitir, pedidoExtemporaneoEm);
    await this.ctx.evento(acao, mensagem, p.ator.id, { dados, de, para: destino, documentos: emitidos.map((d) => d.identificacao) });
    await this.ctx.sincronizar();
    return this.resultado(p, mensagem, emitidos);
  }

  /**
   * Entering a phase: notify the representante of a new prazo, or open a task
   * for the responsible unit. The state changes before any await, so that
   * conduzir() never sees a phase without its notice.
   */
  private async mudarFase(
    destino: FaseVistoria,
    p: PedidoAcao,
    emitir: (tipo: string, ctx: Record<string, unknown>) => Promise<DocumentoEmitido>,
    pedidoExtemporaneoEm: string | null,
  ): Promise<void> {
    const e = this.estado;
    const de = e.fase;
    if (e.tarefa?.situacao === 'aberta') e.tarefa.situacao = 'concluida';
    if (destino === de) return;
    const desc = FASES_VISTORIA[destino];
    const codigo = desc.aguardaPrazo;
    const prazoAnterior = e.prazo;
    e.fase = destino;
    // The old phase's prazo is closed by conduzir(), which holds it; it no longer governs actions.
    e.prazo = null;
    e.notificacao = codigo ? { tipo: tipoNotificacao(codigo), enviadaEm: p.em, abertaEm: null, ciencia: null, tacita: null } : null;
    e.tarefa = null;
    if (desc.responsavel && desc.responsavel !== 'representante-legal' && !desc.terminal) {
      const hoje = formatarInstanteBrasilia(Date.parse(p.em)).slice(0, 10);
      const limite = calcularPrazo({ ciencia: hoje, dias: PRAZO_TAREFA_DIAS, local: this.ctx.local, diasDecretados: this.ctx.prazos.decretados }).limite;
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

    if (codigo === 'reconsideracao' || codigo === 'recurso-cee') {
      await emitir('notificacao-indeferimento', { recurso: codigo, motivos: e.exigencias });
    } else if (codigo) {
      await emitir('notificacao-exigencias', { codigoPrazo: codigo, exigencias: e.exigencias });
    }
    if (destino === 'art-49') {
      const encerrado = prazoAnterior && (prazoAnterior.codigo === 'reconsideracao' || prazoAnterior.codigo === 'recurso-cee') ? prazoAnterior : null;
      await emitir('encaminhamento-cee', {
        destino: 'art-49',
        prazoEncerrado: encerrado ? { codigo: encerrado.codigo, vencimento: encerrado.vencimento } : null,
        pedidoExtemporaneoEm,
      });
    }
    if (destino === 'recurso-cee') await emitir('encaminhamento-cee', { destino: 'cee', recursoProtocoladoEm: p.em });
  }

  private async aguardarCiencia(fase: FaseVistoria): Promise<string | null> {
    const n = this.estado.notificacao;
    if (!n) throw new Error(`fase ${fase} aguarda prazo sem notificação`);
    if (!n.ciencia) {
      const local = this.ctx.local;
      const tacita = cienciaTacita({ envio: n.enviadaEm, local, diasDecretados: this.ctx.prazos.decretados });
      const inicioTacita = inicioDoDiaBrasilia(lerData(tacita.dataTacita, 'dataTacita'));
      const espera = inicioTacita - Date.now();
      if (espera > 0) await condition(() => n.abertaEm !== null || this.estado.fase !== fase, espera);
      if (this.estado.fase !== fase) return null;
      const r = cienciaTacita({ envio: n.enviadaEm, abertaEm: n.abertaEm ?? undefined, local, diasDecretados: this.ctx.prazos.decretados });
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

/** The notice that starts each prazo of the rite. */
function tipoNotificacao(codigo: CodigoPrazoVistoria): string {
  return codigo === 'reconsideracao' || codigo === 'recurso-cee' ? 'notificacao-indeferimento' : 'notificacao-exigencias';
}

/** Which Pronunciamento this is: after the visit, on reconsideração, or after the COOGIE's deferimento. */
function instanciaPronunciamento(fase: FaseVistoria): 'original' | 'reconsideracao' | 'apos-coogie' {
  if (fase === 'reconsideracao-comissao' || fase === 'visita-reconsideracao') return 'reconsideracao';
  if (fase === 'retorno-comissao' || fase === 'visita-retorno') return 'apos-coogie';
  return 'original';
}

function rotuloAtor(a: AtorVistoria): string {
  return { 'representante-legal': 'Representante Legal ou procurador', cooie: 'COOIE (inspetor)', comissao: 'Comissão de Vistoria', coogie: 'COOGIE', sistema: 'sistema' }[a];
}

export function definicaoPrazo(codigo: CodigoPrazoVistoria): DefinicaoPrazo {
  const p = PRAZOS_VISTORIA[codigo];
  return { codigo, rotulo: p.rotulo, dias: p.dias, uteis: p.uteis, contarDe: p.contarDe, prorrogavel: p.prorrogavel, baseLegal: p.baseLegal };
}

