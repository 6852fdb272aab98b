import type { DataCivil, DiaDecretado, FeriadoMunicipal, Instante, Local, NaoUtil } from '../calendario';

/**
 * Where counting starts:
 * - 'dia-seguinte' (default): the day of ciência is excluded; day 1 is the next day (rule 1);
 * - 'primeiro-dia-util': "a contar do primeiro dia útil seguinte à comunicação":
 *   day 1 is the first business day after the ciência (rule 5, Del. CEE 388/2020 art. 41 §1).
 * In both, a ciência/comunicação on a non-business day is first taken as made on
 * the next business day (rule 7; Lei 11.419/2006 art. 5º §2), and counting
 * starts after that day: a comunicação on Saturday 01/08/2026 counts as made on
 * Monday 03/08, so "primeiro dia útil seguinte" is Tuesday 04/08.
 */
export type ContarDe = 'dia-seguinte' | 'primeiro-dia-util';

interface ComCalendario {
  /** Where the act happens: UF, optionally município (IBGE) and unit. */
  local: Local;
  /** Decreed days without expediente (from the database); those of other places are ignored. */
  diasDecretados?: readonly DiaDecretado[];
  /** Maintained municipal holidays (from the database); absent: those rito ships (rules/calendario/feriados.ts). */
  feriadosMunicipais?: readonly FeriadoMunicipal[];
}

/** Every result explains itself. */
export interface Explicado {
  /**
   * Each non-business day the computation passed over or moved across, in date
   * order; and each business day on which the prazo could not start or end
   * (its motivo begins "Expediente reduzido:" or "Indisponibilidade do sistema:").
   */
  naoUteis: NaoUtil[];
  /** pt-BR, one step per line, citing the rule applied. */
  explicacao: string[];
  /** pt-BR warnings about missing calendar data (UF/município not covered). */
  avisos: string[];
}

export interface ComVencimento {
  /** Last day of the prazo (YYYY-MM-DD), always a business day. */
  vencimento: DataCivil;
  /** 23:59:59 Brasília time of the last day, ISO 8601 with offset: '2026-09-08T23:59:59-03:00' (rule 4). */
  limite: string;
  /** Same instant in epoch milliseconds (UTC). */
  limiteEpochMs: number;
}

export interface EntradaPrazo extends ComCalendario {
  /** Date of ciência (or of the comunicação, with contarDe 'primeiro-dia-util'). */
  ciencia: DataCivil;
  /** Length of the prazo: integer, 1 to 3650. */
  dias: number;
  /** true: "dias úteis" (business days); false/absent: continuous calendar days (rule 2). */
  uteis?: boolean;
  contarDe?: ContarDe;
}

export interface ResultadoPrazo extends ComVencimento, Explicado {
  ciencia: DataCivil;
  /** The ciência date actually used: moved to the next business day if it fell on a non-business day (rule 7). */
  cienciaEfetiva: DataCivil;
  /** Day 1 of the count. */
  inicio: DataCivil;
  dias: number;
  uteis: boolean;
  contarDe: ContarDe;
  /** Day N of the count, before the move of rule 3. */
  vencimentoNominal: DataCivil;
}

export interface EntradaProrrogacao extends ComCalendario {
  /** Current last day of the prazo (if it is not a business day it is first adjusted, rule 3). */
  vencimento: DataCivil;
  /** Length of the original prazo: the extension is "por igual período". */
  dias: number;
  /** Whether the original prazo was counted in dias úteis (the extension counts the same way). */
  uteis?: boolean;
  /** false for a prazo "improrrogável". */
  prorrogavel: boolean;
  /** Whether the prazo was already extended once. */
  jaProrrogado: boolean;
  /** When the extension was asked for; must be no later than the current limite. If absent, not checked (an aviso says so). */
  pedidoEm?: Instante;
}

export type ResultadoProrrogacao =
  | (ComVencimento &
      Explicado & {
        concedida: true;
        /** Last day before the extension (after its own rule-3 adjustment). */
        vencimentoAnterior: DataCivil;
        /** Day N counted from vencimentoAnterior, before rule 3. */
        vencimentoNominal: DataCivil;
        dias: number;
        uteis: boolean;
      })
  | (ComVencimento &
      Explicado & {
        concedida: false;
        /** pt-BR reason of the refusal. */
        motivo: string;
        vencimentoAnterior: DataCivil;
        dias: number;
        uteis: boolean;
      });

export interface EntradaCiencia extends ComCalendario {
  /** When the notice was sent: a date or an instant (its Brasília date is used). */
  envio: DataCivil | Instante;
  /** When the addressee opened it (explicit ciência), if they did. */
  abertaEm?: Instante;
}

export interface ResultadoCiencia extends ComVencimento, Explicado {
  envio: DataCivil;
  /** Date of ciência (a business day), from which prazos run. */
  ciencia: DataCivil;
  /** true when ciência is tacit (not opened before the tacit date). */
  tacita: boolean;
  /** Date of tacit ciência: envio + 10 calendar days, moved to the next business day (= vencimento). */
  dataTacita: DataCivil;
  /** abertaEm normalised to Brasília time, when given. */
  abertaEm?: string;
}

export interface EntradaVisita extends ComCalendario {
  /** Date the visit notice was sent (a date or an instant). */
  aviso: DataCivil | Instante;
  /** Minimum notice in calendar days (default 5; seed 003). */
  antecedenciaDias?: number;
}

export interface ResultadoVisita extends Explicado {
  aviso: DataCivil;
  antecedenciaDias: number;
  /** Earliest date the visit may be held: ≥ aviso + antecedência, on a business day. */
  data: DataCivil;
  /** aviso + antecedência, before moving to a business day. */
  dataNominal: DataCivil;
}

export interface EntradaTempestividade {
  /** Last day of the prazo. */
  vencimento: DataCivil;
  /** Instant the act was received (ISO 8601 with offset, or epoch ms). */
  em: Instante;
  /** Optional: when given, warns if `vencimento` is not a business day there. */
  local?: Local;
  diasDecretados?: readonly DiaDecretado[];
  feriadosMunicipais?: readonly FeriadoMunicipal[];
}

export interface ResultadoTempestividade extends ComVencimento, Explicado {
  tempestivo: boolean;
  /** The act's instant in Brasília time, ISO 8601 with offset. */
  em: string;
  emEpochMs: number;
  /** Seconds from limite to the act (≤ 0 when timely). */
  segundosAposLimite: number;
}
