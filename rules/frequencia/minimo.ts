/**
 * The monthly apuração of one student's attendance (Portaria Interministerial
 * MEC/MC nº 3/2022, seed 004):
 *
 *   art. 2º "A frequência escolar deverá ser apurada mensalmente … para verificação
 *   do índice mínimo de 60% … para os estudantes de 4 e 5 anos e de 75% … para os
 *   estudantes de 6 anos a 21 anos incompletos"; § 1º the índice is "calculado com
 *   base nos dias letivos" of the school's calendar;
 *   art. 9º II c) from 18 to 21 incompletos only for those "que não tiverem
 *   concluído a educação básica".
 *
 * Reference date of the age (seed silent; rito's choice): the FIRST DAY of the
 * month apurado. The índice is monthly (art. 2º caput), so one age must hold for
 * the whole month; the first day is the age the student had for every dia letivo
 * of it, and a birthday inside the month therefore moves him to the new band only
 * from the next month. Where the law is silent on a burden imposed on a family
 * (the condicionalidade), the reading that does not apply the stricter band for
 * days lived under the laxer one is the one a careful servidor expects
 * (Lei 9.784/1999 art. 2º parágrafo único XIII: interpretation that best serves
 * the public end, applied without retroactivity). Outside 4 to 20 years (and
 * past 18 with basic education concluded) the Portaria sets no minimum: the
 * student is not measured against one.
 *
 * Pure: safe to import from Temporal workflow code.
 */

export const BASE_LEGAL_MINIMO = 'Portaria Interministerial MEC/MC nº 3/2022, art. 2º e art. 9º, II';

/** The bands of art. 2º / art. 9º II, as data: [from age, to age inclusive, minimum %]. */
export const FAIXAS_MINIMO = [
  { de: 4, ate: 5, minimo: 60, rotulo: '4 e 5 anos', fonte: 'art. 2º, caput, e art. 9º, II, a' },
  { de: 6, ate: 17, minimo: 75, rotulo: '6 a 17 anos', fonte: 'art. 2º, caput, e art. 9º, II, b' },
  { de: 18, ate: 20, minimo: 75, rotulo: '18 a 20 anos, sem educação básica concluída', fonte: 'art. 2º, caput, e art. 9º, II, c', soSemEducacaoBasica: true },
] as const;

export type Minimo = 60 | 75;

export interface EntradaMinimo {
  /** 'YYYY-MM-DD'. */
  dataNascimento: string;
  educacaoBasicaConcluida: boolean;
  /** 'YYYY-MM': the month apurado (the age is taken on its first day). */
  mes: string;
}

export interface ResultadoMinimo {
  /** null: the Portaria sets no minimum for this student this month. */
  minimo: Minimo | null;
  idade: number;
  /** 'YYYY-MM-DD': the date the age was taken on. */
  referencia: string;
  faixa: string | null;
  /** Why, in pt-BR, for the school and the coordinator. */
  explicacao: string;
}

function partes(data: string, campo: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(data);
  if (!m) throw new RangeError(`${campo} inválida: use AAAA-MM-DD`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Whole years completed on `referencia` (a 29 February birthday is completed on 1 March in common years). */
export function idadeEm(dataNascimento: string, referencia: string): number {
  const [an, mn, dn] = partes(dataNascimento, 'data de nascimento');
  const [ar, mr, dr] = partes(referencia, 'data de referência');
  let idade = ar - an;
  if (mr < mn || (mr === mn && dr < dn)) idade -= 1;
  return idade;
}

/** The first day of a 'YYYY-MM' month: the reference date of the age (see the module's comment). */
export function referenciaDoMes(mes: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(mes)) throw new RangeError('mês inválido: use AAAA-MM');
  return `${mes}-01`;
}

export function minimoDeFrequencia(e: EntradaMinimo): ResultadoMinimo {
  const referencia = referenciaDoMes(e.mes);
  const idade = idadeEm(e.dataNascimento, referencia);
  const em = `em ${referencia.split('-').reverse().join('/')} (1º dia do mês apurado)`;
  const faixa = FAIXAS_MINIMO.find((f) => idade >= f.de && idade <= f.ate);
  if (!faixa) {
    const porque = idade < 4 ? 'menos de 4 anos' : '21 anos ou mais';
    return {
      minimo: null,
      idade,
      referencia,
      faixa: null,
      explicacao: `Sem frequência mínima: o(a) estudante tinha ${idade} ${idade === 1 ? 'ano' : 'anos'} ${em}, ${porque}; a Portaria Interministerial MEC/MC nº 3/2022 (art. 2º) fixa mínimo só de 4 a 20 anos.`,
    };
  }
  if ('soSemEducacaoBasica' in faixa && e.educacaoBasicaConcluida) {
    return {
      minimo: null,
      idade,
      referencia,
      faixa: null,
      explicacao: `Sem frequência mínima: o(a) estudante tinha ${idade} anos ${em} e já concluiu a educação básica; de 18 a 20 anos o mínimo só se aplica a quem não a concluiu (Portaria Interministerial MEC/MC nº 3/2022, art. 9º, II, c).`,
    };
  }
  return {
    minimo: faixa.minimo,
    idade,
    referencia,
    faixa: faixa.rotulo,
    explicacao: `Mínimo de ${faixa.minimo}%: o(a) estudante tinha ${idade} anos ${em}, faixa de ${faixa.rotulo} (Portaria Interministerial MEC/MC nº 3/2022, ${faixa.fonte}).`,
  };
}

export interface ResultadoApuracao extends ResultadoMinimo {
  /** Presenças over dias letivos, in percent, one decimal (null when the month had no dia letivo). */
  percentual: number | null;
  /** Below the minimum that applies (false when none applies or the month had no dia letivo). */
  abaixo: boolean;
}

/**
 * One student's month: the índice over the month's dias letivos (art. 2º § 1º) against
 * the minimum of his age. Compared in integers (presenças × 100 against mínimo × dias
 * letivos), so 74,99…% is never rounded up into compliance.
 */
export function apurarMes(e: EntradaMinimo & { diasLetivos: number; presencas: number }): ResultadoApuracao {
  if (!Number.isInteger(e.diasLetivos) || e.diasLetivos < 0 || e.diasLetivos > 31) throw new RangeError('dias letivos: de 0 a 31');
  if (!Number.isInteger(e.presencas) || e.presencas < 0 || e.presencas > e.diasLetivos) throw new RangeError('presenças: de 0 aos dias letivos do mês');
  const m = minimoDeFrequencia(e);
  if (e.diasLetivos === 0) {
    return { ...m, percentual: null, abaixo: false, explicacao: `Mês sem dias letivos no calendário da escola: não há índice a apurar (art. 2º, § 1º). ${m.explicacao}` };
  }
  const percentual = Math.floor((e.presencas * 1000) / e.diasLetivos) / 10;
  const abaixo = m.minimo !== null && e.presencas * 100 < m.minimo * e.diasLetivos;
  const frase = `${e.presencas} presenças em ${e.diasLetivos} dias letivos: ${String(percentual).replace('.', ',')}%`;
  const veredito = m.minimo === null ? '' : abaixo ? `, abaixo do mínimo de ${m.minimo}%` : `, atende ao mínimo de ${m.minimo}%`;
  return { ...m, percentual, abaixo, explicacao: `${frase}${veredito}. ${m.explicacao}` };
}
