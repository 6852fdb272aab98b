/**
 * Business-day calendar: Monday–Friday minus national, state and municipal
 * holidays (feriados.ts) and decreed days without expediente (passed in).
 * Pure: the only state is a memo of each year's holidays per (UF, município),
 * which depends on nothing but the static table.
 */
import {
  anoDoDia,
  diaDaSemana,
  diaDoCivil,
  formatarData,
  lerData,
  type DataCivil,
} from './datas';
import { ErroEntrada } from './erros';
import {
  avisoEstadual,
  EXCECOES_DO_ANO,
  FERIADOS_ESTADUAIS,
  FERIADOS_MUNICIPAIS,
  FERIADOS_NACIONAIS,
  type FeriadoMunicipal,
  type RegraFeriado,
} from './feriados';
import { anoPorLei, posicaoDoDia, primeiraPosicao, sobrepor, type AnoIndexado, type Indice } from './indice';
import { diaDaPascoa } from './pascoa';
import { CODIGO_IBGE_UF, TIPOS_DECRETADO, UFS, type DiaDecretado, type Local, type NaoUtil, type TipoDecretado, type UF } from './tipos';

/** Years the calendar answers for (the rules in feriados.ts are checked for 2009 onwards). */
export const ANO_MINIMO = 2010;
export const ANO_MAXIMO = 2099;

const DIA_MINIMO = diaDoCivil(ANO_MINIMO, 1, 1);
const DIA_MAXIMO = diaDoCivil(ANO_MAXIMO, 12, 31);

/** Whether a day (days since the epoch) lies in the years the calendar covers. */
export const diaNoCalendario = (dia: number): boolean => dia >= DIA_MINIMO && dia <= DIA_MAXIMO;

// ------------------------------------------------------------ validation

/** Validates and normalises a Local; errors name `campo.uf`, `campo.municipio`, `campo.unidade`. */
export function validarLocal(local: unknown, campo = 'local'): Local {
  if (!local || typeof local !== 'object') throw new ErroEntrada(campo, 'informe o local do ato: { uf, municipio?, unidade? }.');
  const l = local as Record<string, unknown>;
  const uf = typeof l.uf === 'string' ? l.uf.toUpperCase() : l.uf;
  if (typeof uf !== 'string' || !(UFS as readonly string[]).includes(uf)) {
    throw new ErroEntrada(`${campo}.uf`, `"${String(l.uf ?? '')}" não é uma UF (use a sigla: RJ, SP, DF…).`);
  }
  const out: Local = { uf: uf as UF };
  if (l.municipio !== undefined && l.municipio !== null && l.municipio !== '') {
    const m = String(l.municipio);
    if (!/^\d{7}$/.test(m)) throw new ErroEntrada(`${campo}.municipio`, `"${m}" não é um código IBGE de município (7 dígitos, ex.: 3304557).`);
    if (m.slice(0, 2) !== CODIGO_IBGE_UF[out.uf]) {
      throw new ErroEntrada(`${campo}.municipio`, `o município ${m} não pertence à UF ${out.uf} (códigos IBGE de ${out.uf} começam por ${CODIGO_IBGE_UF[out.uf]}).`);
    }
    out.municipio = m;
  }
  if (l.unidade !== undefined && l.unidade !== null && l.unidade !== '') {
    if (typeof l.unidade !== 'string') throw new ErroEntrada(`${campo}.unidade`, 'informe a unidade como texto.');
    out.unidade = l.unidade;
  }
  return out;
}

function validarDecretado(d: unknown, campo: string): DiaDecretado & { dia: number } {
  if (!d || typeof d !== 'object') throw new ErroEntrada(campo, 'cada dia decretado deve ser { data, escopo, motivo, atoLegal, uf?, municipio?, unidade? }.');
  const x = d as Record<string, unknown>;
  const dia = lerData(x.data, `${campo}.data`);
  const escopo = x.escopo;
  if (escopo !== 'nacional' && escopo !== 'uf' && escopo !== 'municipio' && escopo !== 'unidade') {
    throw new ErroEntrada(`${campo}.escopo`, `"${String(escopo)}" não é escopo válido (nacional, uf, municipio ou unidade).`);
  }
  if (typeof x.motivo !== 'string' || !x.motivo.trim()) throw new ErroEntrada(`${campo}.motivo`, 'informe o motivo (ex.: "Ponto facultativo — Carnaval").');
  if (typeof x.atoLegal !== 'string' || !x.atoLegal.trim()) throw new ErroEntrada(`${campo}.atoLegal`, 'informe o ato legal que decretou o dia (ex.: "Decreto Estadual 49.999/2026").');
  if (escopo === 'uf' && !(typeof x.uf === 'string' && (UFS as readonly string[]).includes(x.uf.toUpperCase()))) {
    throw new ErroEntrada(`${campo}.uf`, 'escopo "uf" exige a sigla da UF.');
  }
  if (escopo === 'municipio' && !(typeof x.municipio === 'string' && /^\d{7}$/.test(x.municipio))) {
    throw new ErroEntrada(`${campo}.municipio`, 'escopo "municipio" exige o código IBGE (7 dígitos).');
  }
  if (escopo === 'unidade' && !(typeof x.unidade === 'string' && x.unidade)) {
    throw new ErroEntrada(`${campo}.unidade`, 'escopo "unidade" exige o identificador da unidade.');
  }
  if (x.tipo !== undefined && !(TIPOS_DECRETADO as readonly unknown[]).includes(x.tipo)) {
    throw new ErroEntrada(`${campo}.tipo`, `"${String(x.tipo)}" não é tipo válido (${TIPOS_DECRETADO.join(', ')}).`);
  }
  return { ...(x as unknown as DiaDecretado), uf: typeof x.uf === 'string' ? (x.uf.toUpperCase() as UF) : undefined, dia };
}

function aplicaAoLocal(d: DiaDecretado, local: Local): boolean {
  switch (d.escopo) {
    case 'nacional':
      return true;
    case 'uf':
      return d.uf === local.uf;
    case 'municipio':
      return d.municipio === local.municipio;
    case 'unidade':
      return d.unidade === local.unidade;
  }
}

// ------------------------------------------------------------ holidays of a year

function diaDaRegra(r: RegraFeriado, ano: number, pascoa: number): number | undefined {
  let dia: number;
  if ('pascoa' in r.quando) dia = pascoa + r.quando.pascoa;
  else {
    const [m, d] = r.quando.dia.split('-').map(Number);
    if (m === 2 && d === 29 && !((ano % 4 === 0 && ano % 100 !== 0) || ano % 400 === 0)) return undefined;
    dia = diaDoCivil(ano, m, d);
    // A holiday the law keeps on another weekday (AL's Dia do Evangélico, SC's Data Magna).
    dia += r.quando.mover?.[diaDaSemana(dia)] ?? 0;
  }
  const data = formatarData(dia);
  if (r.desde && data < r.desde) return undefined;
  if (r.ate && data > r.ate) return undefined;
  return dia;
}


function indexar(idx: Map<number, string[]>, regras: readonly RegraFeriado[], rotulo: string, ano: number, pascoa: number): void {
  for (const r of regras) {
    const dia = diaDaRegra(r, ano, pascoa);
    if (dia === undefined) continue;
    const motivo = `${rotulo} — ${r.nome} (${r.atoLegal})`;
    const lista = idx.get(dia);
    if (lista) lista.push(motivo);
    else idx.set(dia, [motivo]);
  }
}

/** The municipal holidays of a year, merged over the national and state ones. */
function comMunicipais(base: Indice, ano: number, municipais: readonly FeriadoMunicipal[]): Indice {
  if (!municipais.length) return base;
  const idx = new Map<number, string[]>([...base].map(([d, m]) => [d, [...m]]));
  const m = municipais[0];
  indexar(idx, municipais, `Feriado municipal (${m.municipioNome}/${m.uf})`, ano, diaDaPascoa(ano));
  return idx;
}
const memoAnos = new Map<string, Indice>();

/** Holidays (by law) of a year for a UF (national and state, with the year's exceptions): day number → reasons. Memoised. */
function feriadosIndexados(ano: number, uf: UF): Indice {
  const chave = `${ano}|${uf}`;
  const pronto = memoAnos.get(chave);
  if (pronto) return pronto;
  const pascoa = diaDaPascoa(ano);
  const idx = new Map<number, string[]>();
  const add = (regras: readonly RegraFeriado[], rotulo: string) => indexar(idx, regras, rotulo, ano, pascoa);
  add(FERIADOS_NACIONAIS, 'Feriado nacional');
  const rotuloUf = uf === 'DF' ? 'Feriado distrital (DF)' : `Feriado estadual (${uf})`;
  add(FERIADOS_ESTADUAIS[uf], rotuloUf);
  // A year's exceptions by law: the day moved away is no holiday there that year; the new one is.
  for (const x of EXCECOES_DO_ANO) {
    if (x.uf !== uf || !x.data.startsWith(`${ano}-`)) continue;
    const dia = lerData(x.data, 'data');
    if (x.operacao === 'suprime') idx.delete(dia);
    else idx.set(dia, [...(idx.get(dia) ?? []), `${rotuloUf} — ${x.nome} (${x.atoLegal})`]);
  }
  memoAnos.set(chave, idx);
  return idx;
}

// ------------------------------------------------------------ the calendar object

export interface OpcoesCalendario {
  /** Field named when a computation leaves the supported years (default 'data'). */
  campoIntervalo?: string;
  /** Field name used for the decreed days in errors (default 'diasDecretados'). */
  campoDecretados?: string;
  /** Field name of the local in errors (default 'local'). */
  campoLocal?: string;
  /**
   * The maintained municipal holidays (table feriado_municipal); those of
   * other municípios are ignored. Absent: the ones rito ships
   * (FERIADOS_MUNICIPAIS), for use without a database.
   */
  feriadosMunicipais?: readonly FeriadoMunicipal[];
}

/**
 * The business-day calendar of one place with its decreed days. Build one per
 * computation with `criarCalendario`; day arguments are day numbers (see datas.ts).
 */
export class Calendario {
  readonly local: Local;
  /** pt-BR warnings about gaps in the data (UF or município without a verified table). */
  readonly avisos: readonly string[];
  private readonly decretados: ReadonlyMap<number, readonly string[]>;
  /** Business days on which a prazo may not start ('expediente-parcial') or end (that and 'indisponibilidade'), with why. */
  private readonly restritos: ReadonlyMap<number, { tipo: Exclude<TipoDecretado, 'sem-expediente'>; motivos: string[] }>;
  private readonly campoIntervalo: string;
  private atual: AnoIndexado | undefined;
  private readonly anos = new Map<number, AnoIndexado>();
  private readonly municipais: readonly FeriadoMunicipal[];
  /** What the municipal holidays are, as part of the memo key of the index by law. */
  private readonly chaveMunicipais: string;

  constructor(local: unknown, diasDecretados: readonly DiaDecretado[] = [], opcoes: OpcoesCalendario = {}) {
    this.local = validarLocal(local, opcoes.campoLocal ?? 'local');
    this.campoIntervalo = opcoes.campoIntervalo ?? 'data';
    const campoDec = opcoes.campoDecretados ?? 'diasDecretados';
    if (!Array.isArray(diasDecretados)) throw new ErroEntrada(campoDec, 'informe uma lista de dias decretados.');
    const dec = new Map<number, string[]>();
    const restritos = new Map<number, { tipo: Exclude<TipoDecretado, 'sem-expediente'>; motivos: string[] }>();
    diasDecretados.forEach((bruto, i) => {
      const d = validarDecretado(bruto, `${campoDec}[${i}]`);
      if (!aplicaAoLocal(d, this.local)) return;
      const motivo = `${d.motivo.trim()} (${d.atoLegal.trim()})`;
      if (d.tipo === 'expediente-parcial' || d.tipo === 'indisponibilidade') {
        const r = restritos.get(d.dia);
        // A reduced expediente also bars the start: it wins over an outage on the same day.
        if (!r) restritos.set(d.dia, { tipo: d.tipo, motivos: [motivo] });
        else {
          if (d.tipo === 'expediente-parcial') r.tipo = d.tipo;
          if (!r.motivos.includes(motivo)) r.motivos.push(motivo);
        }
        return;
      }
      const lista = dec.get(d.dia);
      if (!lista) dec.set(d.dia, [motivo]);
      else if (!lista.includes(motivo)) lista.push(motivo);
    });
    this.decretados = dec;
    this.restritos = restritos;
    const avisos: string[] = [];
    const { uf, municipio } = this.local;
    this.municipais = municipaisDoLocal(municipio, opcoes.feriadosMunicipais);
    this.chaveMunicipais = !this.municipais.length
      ? ''
      : opcoes.feriadosMunicipais === undefined
        ? `rito:${municipio}`
        : JSON.stringify(this.municipais.map((f) => [f.municipio, f.municipioNome, f.uf, f.quando, f.nome, f.atoLegal, f.desde, f.ate]));
    const avisoUf = avisoEstadual(uf);
    if (avisoUf) avisos.push(avisoUf);
    if (!municipio) {
      avisos.push('Município não informado: feriados municipais não considerados.');
    } else if (!this.municipais.length) {
      avisos.push(
        `Feriados municipais do município ${municipio} ainda não cadastrados no calendário (feriados municipais: /v1/calendario/feriados-municipais); ` +
          'até lá, informe-os como dias decretados de escopo "municipio".',
      );
    }
    this.avisos = avisos;
  }

  /** The index of the year of `dia` (law and decreed days), checking the years the calendar covers. */
  private doDia(dia: number): AnoIndexado {
    const a = this.atual;
    if (a && dia >= a.inicio && dia <= a.fim) return a;
    if (dia < DIA_MINIMO || dia > DIA_MAXIMO) {
      throw new ErroEntrada(
        this.campoIntervalo,
        `a contagem chega a ${formatarData(dia)}, fora dos anos cobertos pelo calendário (${ANO_MINIMO}–${ANO_MAXIMO}).`,
      );
    }
    return (this.atual = this.doAno(anoDoDia(dia)));
  }

  private doAno(ano: number): AnoIndexado {
    let a = this.anos.get(ano);
    if (!a) {
      const { uf } = this.local;
      const municipais = this.municipais;
      const porLei = anoPorLei(ano, `${uf}|${this.chaveMunicipais}`, () => comMunicipais(feriadosIndexados(ano, uf), ano, municipais));
      a = this.decretados.size ? sobrepor(porLei, this.decretados) : porLei;
      this.anos.set(ano, a);
    }
    return a;
  }

  /** Whether some decreed day restricts a business day (reduced expediente, outage): the engine then checks day by day. */
  get temRestricoes(): boolean {
    return this.restritos.size > 0;
  }

  /** Is this day a business day here (rule 9)? */
  ehDiaUtil(dia: number): boolean {
    const a = this.doDia(dia);
    return a.util[dia - a.inicio] === 1;
  }

  /**
   * May a prazo end on this day? A business day with full expediente and no
   * outage of the system (Lei 9.784/1999, art. 66, § 1º; seed 002, art. 18, VI).
   */
  podeVencer(dia: number): boolean {
    return this.ehDiaUtil(dia) && !this.restritos.has(dia);
  }

  /** May a prazo's count start on this day? A business day whose expediente is not reduced (CPC, art. 224, § 1º). */
  podeIniciar(dia: number): boolean {
    return this.ehDiaUtil(dia) && this.restritos.get(dia)?.tipo !== 'expediente-parcial';
  }

  /** Why a business day cannot end (or start) a prazo: its kind and reasons; undefined for a full day. */
  restricao(dia: number): { tipo: 'expediente-parcial' | 'indisponibilidade'; motivo: string } | undefined {
    const r = this.restritos.get(dia);
    return r && { tipo: r.tipo, motivo: r.motivos.join('; ') };
  }

  /** Why a day is not a business day ("Sábado", "Feriado nacional — …", decreed reason; joined by "; "), or undefined. */
  motivoNaoUtil(dia: number): string | undefined {
    const a = this.doDia(dia);
    return a.motivos[dia - a.inicio];
  }

  /** The day itself if it is a business day, else the next business day. */
  proximoDiaUtil(dia: number): number {
    return this.ehDiaUtil(dia) ? dia : this.enesimoDiaUtilApos(dia, 1);
  }

  /** The `n`th business day (n ≥ 1) strictly after `dia`: a lookup in the years' running counts. */
  enesimoDiaUtilApos(dia: number, n: number): number {
    let a = this.doDia(dia);
    let alvo = a.acum[dia - a.inicio] + n;
    for (;;) {
      const total = a.acum[a.acum.length - 1];
      if (alvo <= total) return a.inicio + primeiraPosicao(a.acum, alvo);
      alvo -= total;
      a = this.doDia(a.fim + 1);
    }
  }

  /**
   * Appends to `destino` the non-business days in [de, ate], in order, with
   * their reasons (the same frozen records every time); returns the last day
   * appended, or -Infinity when none.
   */
  naoUteisEntre(de: number, ate: number, destino: NaoUtil[]): number {
    let ultimo = -Infinity;
    for (let d = de; d <= ate; ) {
      const a = this.doDia(d);
      const fim = Math.min(ate, a.fim);
      const lista = a.diasNaoUteis;
      for (let i = posicaoDoDia(lista, d); i < lista.length && lista[i] <= fim; i++) {
        destino.push(a.naoUteis[i]);
        ultimo = lista[i];
      }
      d = fim + 1;
    }
    return ultimo;
  }

  /** Holidays by law of a year (any weekday), with reasons; no decreed days, no weekend label. */
  feriadosDoAno(ano: number): NaoUtil[] {
    const idx = this.doDia(diaDoCivil(ano, 1, 1)).feriados;
    return [...idx.keys()].sort((a, b) => a - b).map((dia) => ({ data: formatarData(dia), motivo: idx.get(dia)!.join('; ') }));
  }

  /** Business days of a year on which a prazo may not end (reduced expediente: nor start; outages of the system), with why. */
  restritosDoAno(ano: number): (NaoUtil & { tipo: 'expediente-parcial' | 'indisponibilidade' })[] {
    this.doDia(diaDoCivil(ano, 1, 1));
    const out: (NaoUtil & { tipo: 'expediente-parcial' | 'indisponibilidade' })[] = [];
    for (const [dia, r] of [...this.restritos].sort((a, b) => a[0] - b[0])) {
      if (anoDoDia(dia) !== ano || !this.ehDiaUtil(dia)) continue;
      out.push({ data: formatarData(dia), motivo: r.motivos.join('; '), tipo: r.tipo });
    }
    return out;
  }

  /** Non-business days of a year: by default only Monday–Friday ones (holidays and decreed days). */
  naoUteisDoAno(ano: number, incluirFinsDeSemana = false): NaoUtil[] {
    const out: NaoUtil[] = [];
    const fim = diaDoCivil(ano, 12, 31);
    for (let dia = diaDoCivil(ano, 1, 1); dia <= fim; dia++) {
      const w = diaDaSemana(dia);
      if (!incluirFinsDeSemana && (w === 0 || w === 6)) continue;
      const motivo = this.motivoNaoUtil(dia);
      if (motivo) out.push({ data: formatarData(dia), motivo });
    }
    return out;
  }
}

/** The municipal holidays that count at a município: the maintained ones given, or those rito ships. */
function municipaisDoLocal(municipio: string | undefined, dados: readonly FeriadoMunicipal[] | undefined): readonly FeriadoMunicipal[] {
  if (!municipio) return [];
  if (dados) {
    if (!Array.isArray(dados)) throw new ErroEntrada('feriadosMunicipais', 'informe uma lista de feriados municipais.');
    return dados.filter((f) => f.municipio === municipio);
  }
  const ref = FERIADOS_MUNICIPAIS[municipio];
  return ref ? ref.feriados.map((f) => ({ ...f, municipio, municipioNome: ref.nome, uf: ref.uf })) : [];
}

const calendarios = new Map<string, Calendario>();

/**
 * The calendar of a place with no decreed days and the municipal holidays
 * rito ships, made once per place and kept (its year indexes with it); any
 * other calendar is made anew. The key is the place as given, so a new
 * spelling of it is validated once more.
 */
export function calendarioDoLocal(local: unknown, diasDecretados: readonly DiaDecretado[], opcoes: OpcoesCalendario = {}): Calendario {
  const l = local as Record<string, unknown> | null | undefined;
  const simples =
    Array.isArray(diasDecretados) &&
    diasDecretados.length === 0 &&
    opcoes.feriadosMunicipais === undefined &&
    l &&
    typeof l === 'object' &&
    typeof l.uf === 'string' &&
    (l.municipio === undefined || typeof l.municipio === 'string') &&
    (l.unidade === undefined || typeof l.unidade === 'string');
  if (!simples) return new Calendario(local, diasDecretados, opcoes);
  const chave = `${l.uf}|${(l.municipio as string | undefined) ?? '-'}|${(l.unidade as string | undefined) ?? '-'}|${opcoes.campoIntervalo ?? ''}|${opcoes.campoLocal ?? ''}`;
  let cal = calendarios.get(chave);
  if (!cal) {
    cal = new Calendario(local, diasDecretados, opcoes);
    if (calendarios.size >= 1000) calendarios.clear();
    calendarios.set(chave, cal);
  }
  return cal;
}

/** A calendar for a place and its decreed days (validated; decreed days of other places are ignored). */
export function criarCalendario(local: Local, diasDecretados?: readonly DiaDecretado[], opcoes?: OpcoesCalendario): Calendario {
  return new Calendario(local, diasDecretados ?? [], opcoes);
}

function lerAno(ano: unknown): number {
  if (typeof ano !== 'number' || !Number.isInteger(ano) || ano < ANO_MINIMO || ano > ANO_MAXIMO) {
    throw new ErroEntrada('ano', `informe um ano entre ${ANO_MINIMO} e ${ANO_MAXIMO} (recebido ${String(ano)}).`);
  }
  return ano;
}

/**
 * Every non-business Monday–Friday of a year at a place, with its reason
 * (holidays by law, plus the decreed days given). With `incluirFinsDeSemana`,
 * Saturdays and Sundays too.
 */
export function naoUteisDoAno(
  ano: number,
  local: Local,
  diasDecretados?: readonly DiaDecretado[],
  opcoes: { incluirFinsDeSemana?: boolean; feriadosMunicipais?: readonly FeriadoMunicipal[] } = {},
): NaoUtil[] {
  const municipais = opcoes.feriadosMunicipais !== undefined ? { feriadosMunicipais: opcoes.feriadosMunicipais } : {};
  return criarCalendario(local, diasDecretados, municipais).naoUteisDoAno(lerAno(ano), opcoes.incluirFinsDeSemana ?? false);
}

/** Holidays by law of a year at a place, whatever the weekday (no decreed days). */
export function feriadosDoAno(ano: number, local: Local): NaoUtil[] {
  return criarCalendario(local).feriadosDoAno(lerAno(ano));
}

/** Is `data` ('YYYY-MM-DD') a business day at `local`? */
export function ehDiaUtil(data: DataCivil, local: Local, diasDecretados?: readonly DiaDecretado[]): boolean {
  return criarCalendario(local, diasDecretados).ehDiaUtil(lerData(data, 'data'));
}

/** `data` itself if a business day, else the next business day. */
export function proximoDiaUtil(data: DataCivil, local: Local, diasDecretados?: readonly DiaDecretado[]): DataCivil {
  return formatarData(criarCalendario(local, diasDecretados).proximoDiaUtil(lerData(data, 'data')));
}

/** Why `data` is not a business day, or undefined if it is one. */
export function motivoNaoUtil(data: DataCivil, local: Local, diasDecretados?: readonly DiaDecretado[]): string | undefined {
  return criarCalendario(local, diasDecretados).motivoNaoUtil(lerData(data, 'data'));
}
