/**
 * Prazo engine: the rules of DOMAIN.md "Deadlines (prazos) — exact rules".
 * Pure functions over values (no I/O, no clock, no randomness, no Node
 * built-ins): safe in Temporal workflow code. Dates are 'YYYY-MM-DD' civil dates
 * in Brasília time; instants are ISO 8601 with offset or epoch ms (UTC).
 *
 * Rules (numbers as in DOMAIN.md):
 *  1 the day of ciência is excluded, the last day included (Lei 9.784/1999 art. 66);
 *  2 "dias" are calendar days, "dias úteis" business days;
 *  3 a last day that is not a business day moves to the next business day (art. 66 §1);
 *  4 timely until 23:59:59 Brasília time of the last day (seed 002, art. 18 VII);
 *  5 "a contar do primeiro dia útil seguinte": that day is day 1 (Del. CEE 388/2020 art. 41 §1);
 *  6 prorrogação por igual período: once, asked before expiry, counted from the
 *    current (adjusted) last day, rule 3 again; none for an improrrogável prazo;
 *  7 ciência tácita 10 calendar days after sending; a ciência on a non-business
 *    day counts on the next business day (Lei 11.419/2006 art. 5º §§2–3);
 *  8 a visit needs ≥ 5 days notice and falls on a business day (seed 003).
 */
import {
  calendarioDoLocal,
  type Calendario,
  ErroEntrada,
  diaCivilBrasilia,
  formatarData,
  formatarDataBR,
  formatarInstanteBrasilia,
  lerData,
  lerDataOuInstante,
  lerInstante,
  limiteDoDia,
  type NaoUtil,
} from '../calendario';
import type {
  ContarDe,
  EntradaCiencia,
  EntradaPrazo,
  EntradaProrrogacao,
  EntradaTempestividade,
  EntradaVisita,
  ResultadoCiencia,
  ResultadoPrazo,
  ResultadoProrrogacao,
  ResultadoTempestividade,
  ResultadoVisita,
} from './tipos';

/** Days of tacit ciência after sending (rule 7). */
export const DIAS_CIENCIA_TACITA = 10;
/** Minimum notice of a visit, in days (rule 8). */
export const ANTECEDENCIA_VISITA_DIAS = 5;
/** Largest prazo accepted, in days. */
export const DIAS_MAXIMO = 3650;

// ------------------------------------------------------------ helpers

/** Collects the non-business days met, in order, once each. */
class Registro {
  readonly naoUteis: NaoUtil[] = [];
  readonly explicacao: string[] = [];
  private ultimo = -Infinity;
  constructor(readonly cal: Calendario) {}
  /** Records `dia` if it is not a business day; returns whether it is one. */
  ver(dia: number): boolean {
    if (this.cal.ehDiaUtil(dia)) return true;
    if (dia > this.ultimo) {
      this.naoUteis.push({ data: formatarData(dia), motivo: this.cal.motivoNaoUtil(dia)! });
      this.ultimo = dia;
    }
    return false;
  }
  /** Records every non-business day in [de, ate]: a slice of the year's index. */
  verIntervalo(de: number, ate: number): void {
    if (de <= this.ultimo) de = this.ultimo + 1;
    if (de > ate) return;
    const ultimo = this.cal.naoUteisEntre(de, ate, this.naoUteis);
    if (ultimo > this.ultimo) this.ultimo = ultimo;
  }
  motivo(dia: number): string {
    return this.cal.motivoNaoUtil(dia) ?? 'dia útil';
  }
  /** Next business day strictly after `dia`, recording those skipped. */
  proximoUtilApos(dia: number): number {
    return this.ajustar(dia + 1);
  }
  /** `dia` if a business day, else the next one; records those skipped. */
  ajustar(dia: number): number {
    const d = this.cal.proximoDiaUtil(dia);
    if (d !== dia) this.verIntervalo(dia, d - 1);
    return d;
  }
  /** Records a business day a prazo may not start or end on (reduced expediente, outage). */
  registrarRestricao(dia: number): void {
    const r = this.cal.restricao(dia);
    if (!r || dia <= this.ultimo) return;
    this.naoUteis.push({ data: formatarData(dia), motivo: `${r.tipo === 'expediente-parcial' ? 'Expediente reduzido' : 'Indisponibilidade do sistema'}: ${r.motivo}` });
    this.ultimo = dia;
  }
  /** `dia` if a prazo may end on it (rule 3, art. 66 § 1), else the next day that may; records those skipped. */
  ajustarVencimento(dia: number): number {
    if (!this.cal.temRestricoes) return this.ajustar(dia);
    let d = dia;
    for (;;) {
      if (this.ver(d)) {
        if (this.cal.podeVencer(d)) return d;
        this.registrarRestricao(d);
      }
      d++;
    }
  }
  /** `dia` if a prazo's count may start on it (CPC art. 224 § 1), else the next day that may; records those skipped. */
  ajustarInicio(dia: number): number {
    if (!this.cal.temRestricoes) return this.ajustar(dia);
    let d = dia;
    for (;;) {
      if (this.ver(d)) {
        if (this.cal.podeIniciar(d)) return d;
        this.registrarRestricao(d);
      }
      d++;
    }
  }
  /** Why a prazo does not end on `dia`, as the explanation says it (with the rule's source). */
  porQueNaoVence(dia: number): string {
    const m = this.cal.motivoNaoUtil(dia);
    if (m) return `não é dia útil (${m})`;
    const r = this.cal.restricao(dia);
    if (r?.tipo === 'expediente-parcial') {
      return `tem expediente reduzido (${r.motivo}), e nenhum prazo vence em dia assim (${ART_66_1}; ${CPC_224_1})`;
    }
    if (r) return `teve indisponibilidade do sistema (${r.motivo}), e o prazo que nele vence se prorroga (${INDISPONIBILIDADE})`;
    return 'é dia útil';
  }
}

/** The sources each explanation names (DOMAIN prazos rules 3, 5, 7, 10, 11). */
const ART_66 = 'Lei 9.784/1999, art. 66';
const ART_66_1 = 'Lei 9.784/1999, art. 66, § 1º';
const CPC_224_1 = 'CPC, art. 224, § 1º';
const CPC_224_3 = 'CPC, art. 224, § 3º';
const LEI_11419_5_2 = 'Lei 11.419/2006, art. 5º, § 2º';
const LEI_11419_5_3 = 'Lei 11.419/2006, art. 5º, § 3º';
const TEMPESTIVIDADE = 'Instrução Normativa SEI-MEC (DOU de 16/10/2025), art. 18, VII';
const INDISPONIBILIDADE = 'Instrução Normativa SEI-MEC (DOU de 16/10/2025), art. 18, VI; Lei 11.419/2006, art. 10, § 2º';

function lerDias(valor: unknown, campo = 'dias'): number {
  if (typeof valor !== 'number' || !Number.isInteger(valor) || valor < 1 || valor > DIAS_MAXIMO) {
    throw new ErroEntrada(campo, `informe um número inteiro de dias entre 1 e ${DIAS_MAXIMO} (recebido ${JSON.stringify(valor)}).`);
  }
  return valor;
}

function lerBooleano(valor: unknown, campo: string, padrao?: boolean): boolean {
  if (valor === undefined && padrao !== undefined) return padrao;
  if (typeof valor !== 'boolean') throw new ErroEntrada(campo, `informe true ou false (recebido ${JSON.stringify(valor)}).`);
  return valor;
}

function lerContarDe(valor: unknown): ContarDe {
  if (valor === undefined) return 'dia-seguinte';
  if (valor === 'dia-seguinte' || valor === 'primeiro-dia-util') return valor;
  throw new ErroEntrada('contarDe', `"${String(valor)}" não é válido: use "dia-seguinte" ou "primeiro-dia-util".`);
}

function calendario(entrada: Record<string, unknown>, campoIntervalo: string): Calendario {
  const feriadosMunicipais = entrada.feriadosMunicipais as never;
  return calendarioDoLocal(
    entrada.local,
    (entrada.diasDecretados ?? SEM_DECRETADOS) as never,
    feriadosMunicipais !== undefined ? { campoIntervalo, feriadosMunicipais } : { campoIntervalo },
  );
}
const SEM_DECRETADOS: readonly never[] = [];

function entradaObjeto(entrada: unknown, nome: string): Record<string, unknown> {
  if (!entrada || typeof entrada !== 'object') throw new ErroEntrada(nome, 'informe um objeto com os dados do cálculo.');
  return entrada as Record<string, unknown>;
}

/** Whole seconds from the limite of day `dia` to instant `ms`: ≤ 0 means timely (any instant of second 23:59:59 included). */
function segundosAposLimite(ms: number, dia: number): number {
  return Math.floor((ms - limiteDoDia(dia)) / 1000);
}

/** The limite of each day, written out, kept once made (a pure memo: the same day always has the same limite). */
const limitesTexto = new Map<number, string>();
function limiteTexto(dia: number): string {
  let t = limitesTexto.get(dia);
  if (t === undefined) {
    t = formatarInstanteBrasilia(limiteDoDia(dia));
    if (limitesTexto.size >= 50_000) limitesTexto.clear();
    limitesTexto.set(dia, t);
  }
  return t;
}
const rotuloDias = (n: number, uteis: boolean) => `${n} ${n === 1 ? 'dia' : 'dias'}${uteis ? (n === 1 ? ' útil' : ' úteis') : n === 1 ? ' corrido' : ' corridos'}`;

/** Rule 3 on the nominal last day, explaining the move if there is one. */
function prorrogar(reg: Registro, nominal: number): number {
  const vencimento = reg.ajustarVencimento(nominal);
  if (vencimento !== nominal) {
    // The nominal day, and each business day passed over that could not end the prazo either.
    const motivos = [nominal];
    for (let d = nominal + 1; d < vencimento; d++) if (reg.cal.ehDiaUtil(d)) motivos.push(d);
    reg.explicacao.push(
      `${motivos.map((d) => `${formatarDataBR(d)} ${reg.porQueNaoVence(d)}`).join('; ')}; o prazo se prorroga para o primeiro dia útil seguinte, ${formatarDataBR(vencimento)} (regra 3; ${ART_66_1}).`,
    );
  }
  return vencimento;
}

function semInicio(reg: Registro, dia: number): void {
  reg.explicacao.push(`${formatarDataBR(dia)} tem expediente reduzido (${reg.cal.restricao(dia)!.motivo}): o prazo não começa nesse dia (${CPC_224_1}).`);
}

/**
 * Counts `dias` after day `base` (excluded). Corridos: day 1 = base + 1, or the
 * first business day after base with 'primeiro-dia-util'; úteis: business days
 * after base. Then rule 3. Returns day 1, day N (nominal) and the last day.
 */
function contar(
  reg: Registro,
  base: number,
  dias: number,
  uteis: boolean,
  contarDe: ContarDe,
  excluido = `o dia da ciência não se conta, regra 1; ${ART_66}`,
): { inicio: number; nominal: number; vencimento: number } {
  const exp = reg.explicacao;
  if (uteis && !reg.cal.temRestricoes) {
    // Every business day may start and end a prazo: day 1 and day N are lookups in the running count.
    const inicio = reg.cal.enesimoDiaUtilApos(base, 1);
    const d = reg.cal.enesimoDiaUtilApos(base, dias);
    reg.verIntervalo(base + 1, d);
    exp.push(
      `Contagem de ${rotuloDias(dias, true)}: só dias úteis contam (regra 2); dia 1 = ${formatarDataBR(inicio)}, dia ${dias} = ${formatarDataBR(d)}.`,
    );
    return { inicio, nominal: d, vencimento: d };
  }
  if (uteis) {
    let d = base;
    let inicio = 0;
    for (let n = 0; n < dias; ) {
      d++;
      if (!reg.ver(d)) continue;
      // Day 1 is a day of full expediente; a reduced one counts only once the prazo has started.
      if (n === 0 && !reg.cal.podeIniciar(d)) {
        reg.registrarRestricao(d);
        semInicio(reg, d);
        continue;
      }
      n++;
      if (n === 1) inicio = d;
    }
    exp.push(
      `Contagem de ${rotuloDias(dias, true)}: só dias úteis contam (regra 2); dia 1 = ${formatarDataBR(inicio)}, dia ${dias} = ${formatarDataBR(d)}.`,
    );
    return { inicio, nominal: d, vencimento: prorrogar(reg, d) };
  }
  let inicio = base + 1;
  if (contarDe === 'primeiro-dia-util') {
    inicio = reg.ajustarInicio(inicio);
    exp.push(`A contar do primeiro dia útil seguinte (regra 5; Deliberação CEE 388/2020, art. 41, § 1º; ${CPC_224_3}): dia 1 = ${formatarDataBR(inicio)}.`);
  } else {
    exp.push(`Dia 1 = ${formatarDataBR(inicio)} (${excluido}).`);
  }
  const nominal = inicio + dias - 1;
  reg.verIntervalo(inicio, nominal - 1);
  exp.push(`Contagem de ${rotuloDias(dias, false)} (regra 2): dia ${dias} = ${formatarDataBR(nominal)}.`);
  return { inicio, nominal, vencimento: prorrogar(reg, nominal) };
}

// ------------------------------------------------------------ calcularPrazo

/**
 * Last day of a prazo of `dias` (úteis or corridos) from a ciência, at a place.
 * A ciência on a non-business day counts on the next business day (rule 7).
 */
export function calcularPrazo(entrada: EntradaPrazo): ResultadoPrazo {
  const e = entradaObjeto(entrada, 'entrada');
  const ciencia = lerData(e.ciencia, 'ciencia');
  const dias = lerDias(e.dias);
  const uteis = lerBooleano(e.uteis, 'uteis', false);
  const contarDe = lerContarDe(e.contarDe);
  const cal = calendario(e, 'dias');
  const reg = new Registro(cal);
  const efetiva = reg.ajustar(ciencia);
  if (efetiva !== ciencia) {
    reg.explicacao.push(
      `Ciência em ${formatarDataBR(ciencia)}, dia não útil (${reg.motivo(ciencia)}): considera-se feita no primeiro dia útil seguinte, ${formatarDataBR(efetiva)} (regra 7; ${LEI_11419_5_2}).`,
    );
  } else {
    reg.explicacao.push(`Ciência em ${formatarDataBR(ciencia)}.`);
  }
  const { inicio, nominal, vencimento } = contar(reg, efetiva, dias, uteis, contarDe);
  reg.explicacao.push(
    `Vencimento: ${formatarDataBR(vencimento)}; o ato é tempestivo até 23:59:59 (horário de Brasília) desse dia, ${limiteTexto(vencimento)} (regra 4; ${TEMPESTIVIDADE}).`,
  );
  return {
    ciencia: formatarData(ciencia),
    cienciaEfetiva: formatarData(efetiva),
    inicio: formatarData(inicio),
    dias,
    uteis,
    contarDe,
    vencimentoNominal: formatarData(nominal),
    vencimento: formatarData(vencimento),
    limite: limiteTexto(vencimento),
    limiteEpochMs: limiteDoDia(vencimento),
    naoUteis: reg.naoUteis,
    explicacao: reg.explicacao,
    avisos: [...cal.avisos],
  };
}

// ------------------------------------------------------------ prorrogarPrazo

/**
 * Extension "por igual período" (rule 6): once, asked for no later than the
 * current limite, counted on from the current last day (itself adjusted by
 * rule 3 first), with rule 3 applied again. Refused, with a pt-BR reason, for
 * an improrrogável prazo, a second extension, or a late request.
 */
export function prorrogarPrazo(entrada: EntradaProrrogacao): ResultadoProrrogacao {
  const e = entradaObjeto(entrada, 'entrada');
  const vencInformado = lerData(e.vencimento, 'vencimento');
  const dias = lerDias(e.dias);
  const uteis = lerBooleano(e.uteis, 'uteis', false);
  const prorrogavel = lerBooleano(e.prorrogavel, 'prorrogavel');
  const jaProrrogado = lerBooleano(e.jaProrrogado, 'jaProrrogado');
  const pedidoEm = e.pedidoEm === undefined ? undefined : lerInstante(e.pedidoEm, 'pedidoEm');
  const cal = calendario(e, 'dias');
  const reg = new Registro(cal);
  const avisos = [...cal.avisos];

  const anterior = reg.ajustarVencimento(vencInformado);
  if (anterior !== vencInformado) {
    reg.explicacao.push(
      `O vencimento informado, ${formatarDataBR(vencInformado)}, ${reg.porQueNaoVence(vencInformado)}; o vencimento atual é ${formatarDataBR(anterior)} (regra 3; ${ART_66_1}).`,
    );
  }
  const base = {
    vencimentoAnterior: formatarData(anterior),
    dias,
    uteis,
  };
  const recusa = (motivo: string): ResultadoProrrogacao => {
    reg.explicacao.push(`Prorrogação recusada: ${motivo}`);
    reg.explicacao.push(`Permanece o vencimento em ${formatarDataBR(anterior)}, até ${limiteTexto(anterior)}.`);
    return {
      concedida: false,
      motivo,
      ...base,
      vencimento: formatarData(anterior),
      limite: limiteTexto(anterior),
      limiteEpochMs: limiteDoDia(anterior),
      naoUteis: reg.naoUteis,
      explicacao: reg.explicacao,
      avisos,
    };
  };

  if (!prorrogavel) {
    return recusa('o prazo é improrrogável; nenhum pedido de prorrogação pode ser deferido (art. 66 da Lei 9.784/1999 e norma que fixou o prazo).');
  }
  if (jaProrrogado) {
    return recusa('o prazo já foi prorrogado uma vez; a prorrogação por igual período só é admitida uma única vez.');
  }
  if (pedidoEm === undefined) {
    avisos.push('Instante do pedido não informado: a tempestividade do pedido de prorrogação não foi verificada.');
  } else if (segundosAposLimite(pedidoEm, anterior) > 0) {
    return recusa(
      `o pedido foi feito em ${formatarInstanteBrasilia(pedidoEm)}, depois do fim do prazo (${limiteTexto(anterior)}); a prorrogação deve ser pedida antes do vencimento.`,
    );
  }

  reg.explicacao.push(`Prorrogação por igual período (${rotuloDias(dias, uteis)}), contada a partir do vencimento atual, ${formatarDataBR(anterior)} (regra 6).`);
  const { nominal, vencimento } = contar(reg, anterior, dias, uteis, 'dia-seguinte', 'o dia do vencimento atual não se conta');
  reg.explicacao.push(`Novo vencimento: ${formatarDataBR(vencimento)}, até ${limiteTexto(vencimento)} (regra 4; ${TEMPESTIVIDADE}).`);
  return {
    concedida: true,
    ...base,
    vencimentoNominal: formatarData(nominal),
    vencimento: formatarData(vencimento),
    limite: limiteTexto(vencimento),
    limiteEpochMs: limiteDoDia(vencimento),
    naoUteis: reg.naoUteis,
    explicacao: reg.explicacao,
    avisos,
  };
}

// ------------------------------------------------------------ cienciaTacita

/**
 * Date of ciência of an electronic notice (rule 7): explicit when opened before
 * the tacit date, otherwise tacit 10 calendar days after sending; either way a
 * ciência on a non-business day counts on the next business day. `vencimento`
 * and `limite` are the end of the window to open the notice (= tacit date).
 */
export function cienciaTacita(entrada: EntradaCiencia): ResultadoCiencia {
  const e = entradaObjeto(entrada, 'entrada');
  const envio = lerDataOuInstante(e.envio, 'envio');
  const aberta = e.abertaEm === undefined || e.abertaEm === null ? undefined : lerInstante(e.abertaEm, 'abertaEm');
  const cal = calendario(e, 'envio');
  const reg = new Registro(cal);
  const exp = reg.explicacao;

  const tacitaNominal = envio + DIAS_CIENCIA_TACITA;
  reg.verIntervalo(envio + 1, tacitaNominal - 1);
  const dataTacita = reg.ajustar(tacitaNominal);
  exp.push(
    `Envio em ${formatarDataBR(envio)}; sem abertura, a ciência é tácita ${DIAS_CIENCIA_TACITA} dias corridos depois, contados do envio: ${formatarDataBR(tacitaNominal)} (regra 7; ${LEI_11419_5_3}).`,
  );
  if (dataTacita !== tacitaNominal) {
    exp.push(`${formatarDataBR(tacitaNominal)} não é dia útil (${reg.motivo(tacitaNominal)}): a ciência tácita conta em ${formatarDataBR(dataTacita)} (${LEI_11419_5_2}).`);
  }

  let ciencia = dataTacita;
  let tacita = true;
  if (aberta !== undefined) {
    const diaAberta = diaCivilBrasilia(aberta);
    if (diaAberta < envio) {
      throw new ErroEntrada('abertaEm', `a abertura (${formatarInstanteBrasilia(aberta)}) é anterior ao envio (${formatarData(envio)}).`);
    }
    if (diaAberta <= dataTacita) {
      tacita = false;
      ciencia = diaAberta;
      // Rule 7: a ciência on a non-business day counts on the next business day.
      if (!cal.ehDiaUtil(diaAberta)) {
        ciencia = cal.proximoDiaUtil(diaAberta);
        exp.push(
          `Aberta em ${formatarInstanteBrasilia(aberta)}, dia não útil (${reg.motivo(diaAberta)}): ciência expressa considerada em ${formatarDataBR(ciencia)} (regra 7; ${LEI_11419_5_2}).`,
        );
      } else {
        exp.push(`Aberta em ${formatarInstanteBrasilia(aberta)}, antes da data da ciência tácita: ciência expressa em ${formatarDataBR(ciencia)}.`);
      }
    } else {
      exp.push(`Aberta em ${formatarInstanteBrasilia(aberta)}, depois da ciência tácita: prevalece a ciência tácita em ${formatarDataBR(dataTacita)}.`);
    }
  } else {
    exp.push(`Não consta abertura: ciência tácita em ${formatarDataBR(dataTacita)}.`);
  }
  exp.push(`Os prazos correm a partir da ciência (${formatarDataBR(ciencia)}), excluído esse dia (regra 1; ${ART_66}); os contados do primeiro dia útil seguinte, a partir dele (${CPC_224_3}).`);
  return {
    envio: formatarData(envio),
    ciencia: formatarData(ciencia),
    tacita,
    dataTacita: formatarData(dataTacita),
    ...(aberta !== undefined ? { abertaEm: formatarInstanteBrasilia(aberta) } : {}),
    vencimento: formatarData(dataTacita),
    limite: limiteTexto(dataTacita),
    limiteEpochMs: limiteDoDia(dataTacita),
    naoUteis: reg.naoUteis,
    explicacao: exp,
    avisos: [...cal.avisos],
  };
}

// ------------------------------------------------------------ dataMinimaVisita

/**
 * Earliest date for a visit announced on `aviso` (rule 8): at least
 * `antecedenciaDias` (5) calendar days after the notice, on a business day.
 */
export function dataMinimaVisita(entrada: EntradaVisita): ResultadoVisita {
  const e = entradaObjeto(entrada, 'entrada');
  const aviso = lerDataOuInstante(e.aviso, 'aviso');
  const antecedencia = e.antecedenciaDias === undefined ? ANTECEDENCIA_VISITA_DIAS : lerDias(e.antecedenciaDias, 'antecedenciaDias');
  const cal = calendario(e, 'aviso');
  const reg = new Registro(cal);
  const nominal = aviso + antecedencia;
  reg.verIntervalo(aviso + 1, nominal - 1);
  const data = reg.ajustar(nominal);
  reg.explicacao.push(`Aviso em ${formatarDataBR(aviso)}; antecedência mínima de ${antecedencia} dias: visita a partir de ${formatarDataBR(nominal)} (regra 8).`);
  if (data !== nominal) {
    reg.explicacao.push(`${formatarDataBR(nominal)} não é dia útil (${reg.motivo(nominal)}): primeira data possível ${formatarDataBR(data)}.`);
  }
  return {
    aviso: formatarData(aviso),
    antecedenciaDias: antecedencia,
    data: formatarData(data),
    dataNominal: formatarData(nominal),
    naoUteis: reg.naoUteis,
    explicacao: reg.explicacao,
    avisos: [...cal.avisos],
  };
}

// ------------------------------------------------------------ tempestivo

/**
 * Is an act received at instant `em` timely for a prazo whose last day is
 * `vencimento` (rule 4)? Timely up to 23:59:59 Brasília time of that day — any
 * instant before 00:00:00 of the next day, whatever the sender's time zone.
 */
export function tempestivo(entrada: EntradaTempestividade): ResultadoTempestividade {
  const e = entradaObjeto(entrada, 'entrada');
  const venc = lerData(e.vencimento, 'vencimento');
  const em = lerInstante(e.em, 'em');
  const avisos: string[] = [];
  const explicacao: string[] = [];
  if (e.local !== undefined) {
    const cal = calendario(e, 'vencimento');
    avisos.push(...cal.avisos);
    if (!cal.podeVencer(venc)) {
      const reg = new Registro(cal);
      avisos.push(
        `O vencimento informado, ${formatarDataBR(venc)}, ${reg.porQueNaoVence(venc)}; pela regra 3 (${ART_66_1}) o último dia seria ${formatarDataBR(reg.ajustarVencimento(venc))}.`,
      );
    }
  }
  const limite = limiteDoDia(venc);
  const segundos = segundosAposLimite(em, venc);
  const ok = segundos <= 0;
  explicacao.push(
    `Ato recebido em ${formatarInstanteBrasilia(em)} (horário de Brasília); limite ${formatarInstanteBrasilia(limite)} (regra 4; ${TEMPESTIVIDADE}): ${ok ? 'tempestivo' : 'intempestivo (extemporâneo)'}.`,
  );
  return {
    tempestivo: ok,
    vencimento: formatarData(venc),
    limite: formatarInstanteBrasilia(limite),
    limiteEpochMs: limite,
    em: formatarInstanteBrasilia(em),
    emEpochMs: em,
    segundosAposLimite: segundos,
    naoUteis: [],
    explicacao,
    avisos,
  };
}
