/**
 * The one building block every rite uses to wait on a prazo. The limit is
 * computed in the workflow by the pure engine (rules/prazos) over the decreed
 * days an activity reads from PostgreSQL; the wait is a durable timer raced
 * against the awaited action, prorrogações and calendar changes.
 */
import { condition, patched, setHandler } from '@temporalio/workflow';
import { atividadesDoProcesso } from '../atividades-locais';
import type { CalendarioDaUnidade, PedidoCalendario, PrazoActivities } from '../../activities/prazos';
import { calcularPrazo, prorrogarPrazo, tempestivo } from '../../rules/prazos';
import { type DiaDecretado, type FeriadoMunicipal, formatarInstanteBrasilia, type Local } from '../../rules/calendario';
import { type AlteracaoCalendario, calendarioAlteradoSignal, type DefinicaoPrazo, type PrazoAberto } from './definitions';

const prazoActivities = atividadesDoProcesso<PrazoActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** A prazo ends at 00:00:00 of the day after its last day: 23:59:59 is still on time (seed 002 art. 18 VII). */
const FIM_DO_ULTIMO_SEGUNDO_MS = 1000;

export type Desfecho = 'cumprido' | 'expirado' | 'interrompido';

/**
 * The prazos of one workflow. Installs the calendar-change signal handler once,
 * numbers prazos so that their ids are stable, and mirrors every change to the
 * read model through `aoMudar`.
 */
export class Prazos {
  private alteracoesCalendario = 0;
  /** alteracoesCalendario as it was when the decreed days were last read: a change after that must be applied. */
  private versaoLida = 0;
  private ultimaAlteracao: AlteracaoCalendario | null = null;
  /** The prazo being waited on, if any. */
  atual: PrazoAberto | null = null;
  /** Decreed days last read, for synchronous checks (update validators). */
  decretados: DiaDecretado[] = [];
  /** The seat município's holidays administrators keep, last read; undefined: the ones rito ships (runs before they were data). */
  feriadosMunicipais: FeriadoMunicipal[] | undefined;

  constructor(
    private readonly processoId: string,
    /**
     * Where the prazos count. Shared with the rite (its ctx.local): updated in
     * place when the unit's seat is read, so that every computation of the
     * process counts on the same place.
     */
    private readonly local: Local,
    private readonly aoMudar: (prazo: PrazoAberto, motivo: string) => Promise<void>,
    /** Prazos opened so far (carried across continue-as-new so ids stay unique). */
    private contador = 0,
    /** The process's unit: its seat's calendar counts (Lei 9.784/1999 art. 66 § 1). */
    private readonly unidade?: string,
  ) {
    setHandler(calendarioAlteradoSignal, (alteracao) => {
      this.alteracoesCalendario++;
      this.ultimaAlteracao = alteracao;
    });
  }

  get abertos(): number {
    return this.contador;
  }

  /** Changes every time the calendar API reports a change: waiters compare it to re-read. */
  get versaoCalendario(): number {
    return this.alteracoesCalendario;
  }

  /** Reads the decreed days from `desde` on (default: the earliest date still relevant). */
  async atualizarDecretados(desde?: string): Promise<DiaDecretado[]> {
    const versao = this.alteracoesCalendario;
    const pedido = this.pedidoDeCalendario(desde);
    if (pedido) {
      this.aplicarCalendario(await prazoActivities().calendarioDaUnidade(pedido), versao);
    } else {
      this.decretados = await prazoActivities().diasDecretados({ local: this.local, desde: this.inicioDaLeitura(desde) });
      this.versaoLida = versao;
    }
    return this.decretados;
  }

  /**
   * The read of the unit's calendar from `desde` on, for a local activity that takes it along with a write (a
   * process's first step); null for runs recorded before units were data, which counted on the school's município
   * (patched keeps them replaying) and read its decreed days on their own.
   */
  pedidoDeCalendario(desde?: string): PedidoCalendario | null {
    return this.unidade !== undefined && patched('calendario-da-unidade') ? { unidade: this.unidade, desde: this.inicioDaLeitura(desde) } : null;
  }

  /** Takes the calendar read while the calendar's changes were at `versao` (versaoCalendario before the read). */
  aplicarCalendario(r: CalendarioDaUnidade, versao: number): void {
    this.mudarLocal(r.local);
    this.decretados = r.diasDecretados;
    this.feriadosMunicipais = r.feriadosMunicipais;
    this.versaoLida = versao;
  }

  private inicioDaLeitura(desde?: string): string {
    const hoje = formatarInstanteBrasilia(Date.now()).slice(0, 10);
    return [desde, this.atual?.ciencia, hoje].filter((d): d is string => !!d).sort()[0];
  }

  /** Everything the engine needs of the place, as last read: spread it into every computation of the process. */
  get calendario(): { local: Local; diasDecretados: DiaDecretado[]; feriadosMunicipais?: FeriadoMunicipal[] } {
    return { local: this.local, diasDecretados: this.decretados, ...(this.feriadosMunicipais ? { feriadosMunicipais: this.feriadosMunicipais } : {}) };
  }

  /** The place the prazos count on now (a copy: a prazo records where it was counted). */
  get lugar(): Local {
    return { ...this.local };
  }

  private mudarLocal(novo: Local): void {
    const l = this.local;
    l.uf = novo.uf;
    if (novo.municipio) l.municipio = novo.municipio;
    else delete l.municipio;
    if (novo.unidade) l.unidade = novo.unidade;
    else delete l.unidade;
  }

  /** Opens a prazo counted from a ciência date; computes and records its limit. */
  async abrir(def: DefinicaoPrazo, ciencia: string): Promise<PrazoAberto> {
    await this.atualizarDecretados(ciencia);
    const r = calcularPrazo({ ciencia, dias: def.dias, uteis: def.uteis, contarDe: def.contarDe, ...this.calendario });
    const prazo: PrazoAberto = {
      ...def,
      id: `${this.processoId}:prazo:${++this.contador}`,
      ciencia,
      local: this.lugar,
      vencimento: r.vencimento,
      limite: r.limite,
      limiteEpochMs: r.limiteEpochMs,
      prorrogado: false,
      situacao: 'aberto',
      naoUteis: r.naoUteis,
      explicacao: r.explicacao,
      historico: [{ em: agora(), limiteAnterior: null, limiteNovo: r.limite, motivo: `Prazo de ${def.dias} dias${def.uteis ? ' úteis' : ''} aberto com ciência em ${ciencia}` }],
      versao: 1,
    };
    this.atual = prazo;
    await this.aoMudar(prazo, prazo.historico[0].motivo);
    return prazo;
  }

  /** A prazo carried over from a previous run (continue-as-new). */
  retomar(prazo: PrazoAberto): void {
    this.atual = prazo;
  }

  /**
   * Waits until `chegou()` holds (the awaited action arrived) or the prazo
   * ends, re-timing the wait whenever the calendar or the limit changes.
   * `interromper()` leaves the prazo open and returns 'interrompido' (e.g. for continue-as-new).
   */
  async aguardar(prazo: PrazoAberto, chegou: () => boolean, interromper: () => boolean = () => false): Promise<Desfecho> {
    for (;;) {
      if (chegou()) return this.fechar(prazo, 'cumprido');
      if (interromper()) return 'interrompido';
      // A change signalled while the days were being read (or before) is applied now, not lost.
      if (this.alteracoesCalendario !== this.versaoLida) {
        await this.recalcular(prazo);
        continue;
      }
      const restante = prazo.limiteEpochMs + FIM_DO_ULTIMO_SEGUNDO_MS - Date.now();
      if (restante <= 0) return this.fechar(prazo, 'expirado');
      const limite = prazo.limiteEpochMs;
      await condition(
        () => chegou() || interromper() || this.alteracoesCalendario !== this.versaoLida || prazo.limiteEpochMs !== limite,
        restante,
      );
    }
  }

  /** Whether an act at `em` is within the prazo (23:59:59 Brasília time of the last day). */
  tempestivo(prazo: PrazoAberto, em: string): boolean {
    return tempestivo({ vencimento: prazo.vencimento, em }).tempestivo;
  }

  /**
   * Prorrogação por igual período (DOMAIN prazos rule 6). Returns the pt-BR
   * reason of a refusal, or null when granted. Pure check first, so that an
   * update validator can call `motivoRecusaProrrogacao` without side effects.
   */
  motivoRecusaProrrogacao(prazo: PrazoAberto, pedidoEm: string): string | null {
    const r = this.prorrogacao(prazo, pedidoEm);
    return r.concedida ? null : r.motivo;
  }

  async prorrogar(prazo: PrazoAberto, pedidoEm: string, ator: string): Promise<void> {
    await this.atualizarDecretados(prazo.ciencia);
    const r = this.prorrogacao(prazo, pedidoEm);
    if (!r.concedida) throw new Error(r.motivo);
    const motivo = `Prorrogação por igual período (${prazo.dias} dias) pedida por ${ator}`;
    this.mudarLimite(prazo, r.vencimento, r.limite, r.limiteEpochMs, motivo);
    prazo.prorrogado = true;
    prazo.naoUteis = [...prazo.naoUteis, ...r.naoUteis];
    await this.aoMudar(prazo, motivo);
  }

  private prorrogacao(prazo: PrazoAberto, pedidoEm: string) {
    return prorrogarPrazo({
      vencimento: prazo.vencimento,
      dias: prazo.dias,
      uteis: prazo.uteis,
      prorrogavel: prazo.prorrogavel,
      jaProrrogado: prazo.prorrogado,
      pedidoEm,
      ...this.calendario,
    });
  }

  private async recalcular(prazo: PrazoAberto): Promise<void> {
    await this.atualizarDecretados(prazo.ciencia);
    const base = calcularPrazo({ ciencia: prazo.ciencia, dias: prazo.dias, uteis: prazo.uteis, contarDe: prazo.contarDe, ...this.calendario });
    let { vencimento, limite, limiteEpochMs } = base;
    if (prazo.prorrogado) {
      const p = prorrogarPrazo({ vencimento, dias: prazo.dias, uteis: prazo.uteis, prorrogavel: true, jaProrrogado: false, ...this.calendario });
      if (p.concedida) ({ vencimento, limite, limiteEpochMs } = p);
    }
    if (limiteEpochMs === prazo.limiteEpochMs) return;
    const alteracao = this.ultimaAlteracao;
    const motivo = alteracao?.descricao
      ? `Calendário alterado: ${alteracao.descricao}`
      : alteracao
        ? `Calendário alterado: ${alteracao.data} ${alteracao.operacao === 'incluido' ? 'incluído' : 'removido'} como dia sem expediente (${alteracao.motivo})`
        : 'Calendário alterado';
    this.mudarLimite(prazo, vencimento, limite, limiteEpochMs, motivo);
    prazo.local = this.lugar;
    prazo.naoUteis = base.naoUteis;
    prazo.explicacao = base.explicacao;
    await this.aoMudar(prazo, motivo);
  }

  private mudarLimite(prazo: PrazoAberto, vencimento: string, limite: string, limiteEpochMs: number, motivo: string): void {
    prazo.historico.push({ em: agora(), limiteAnterior: prazo.limite, limiteNovo: limite, motivo });
    prazo.vencimento = vencimento;
    prazo.limite = limite;
    prazo.limiteEpochMs = limiteEpochMs;
    prazo.versao++;
  }

  private async fechar(prazo: PrazoAberto, situacao: Exclude<Desfecho, 'interrompido'>): Promise<Desfecho> {
    prazo.situacao = situacao;
    prazo.versao++;
    if (this.atual === prazo) this.atual = null;
    const motivo = situacao === 'cumprido' ? 'Prazo cumprido' : 'Prazo encerrado sem manifestação';
    await this.aoMudar(prazo, motivo);
    return situacao;
  }
}

/** Workflow time in Brasília, for the timeline. */
function agora(): string {
  return formatarInstanteBrasilia(Date.now());
}
