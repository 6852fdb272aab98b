/**
 * Coverage of the opening hours by the ETAP (Deliberação CEE nº 388/2020,
 * art. 14, § 4º, as seed 003 cites it in the Instrução Processual, alínea d:
 * "de modo que durante todo o horário de funcionamento, pelo menos um dos
 * membros da ETAP esteja presente na instituição de ensino"), and the
 * coherence of the Coordenador Técnico's hours with the course's hours and,
 * for Técnico em Enfermagem, with the hours on the CRT (seed 003, Fluxo para o
 * cadastramento ETAP, item 3).
 *
 * Weekly schedules: a weekday and a time span inicio–fim ('HH:MM') within that day
 * ('24:00' closes at midnight). Every answer is merged and sorted: Monday
 * first (the school week), then by time.
 *
 * Pure and deterministic: safe to import from Temporal workflow code.
 */
import { z } from 'zod';
import { texto } from '../campos';
import { FUNCOES_ETAP, type FuncaoEtap } from './qualificacao';

export const FONTE_COBERTURA = 'Deliberação CEE nº 388/2020, art. 14, § 4º';
/** Seed 003 (the SEEDUC-RJ guide), "Fluxo para o cadastramento ETAP", item 3. */
export const FONTE_COORDENADOR_TECNICO = 'Fluxo para o cadastramento da ETAP da SEEDUC-RJ, item 3';

/** Weekdays in the order the answers list them (Monday first). */
export const DIAS_SEMANA = {
  segunda: 'segunda-feira',
  terca: 'terça-feira',
  quarta: 'quarta-feira',
  quinta: 'quinta-feira',
  sexta: 'sexta-feira',
  sabado: 'sábado',
  domingo: 'domingo',
} as const;
export type DiaSemana = keyof typeof DIAS_SEMANA;
const CODIGOS_DIA = Object.keys(DIAS_SEMANA) as [DiaSemana, ...DiaSemana[]];

const RE_HORA = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutos = (h: string) => Number(h.slice(0, 2)) * 60 + Number(h.slice(3, 5));
const hora = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** A span of time on a weekday. `inicio` < `fim`; a span past midnight is given as two spans. */
export const horarioSchema = z
  .strictObject({
    dia: z.enum(CODIGOS_DIA, { error: `dia da semana inválido: use ${CODIGOS_DIA.join(', ')}` }),
    inicio: z.string().regex(RE_HORA, 'hora inválida: use HH:MM (24 horas)'),
    fim: z.string().regex(RE_HORA, 'hora inválida: use HH:MM (24 horas; 24:00 para meia-noite)'),
  })
  .refine((h) => !RE_HORA.test(h.inicio) || !RE_HORA.test(h.fim) || minutos(h.inicio) < minutos(h.fim), {
    path: ['fim'],
    message: 'o fim deve ser depois do início (um horário que passa da meia-noite vai em dois, um para cada dia)',
  });
export type Horario = z.output<typeof horarioSchema>;

/** One row of the Quadro da ETAP (Anexo XIV, Del. CEE nº 388/2020): who, in which function, when present. */
export const membroQuadroSchema = z.strictObject({
  nome: texto(200),
  funcao: z.enum(Object.keys(FUNCOES_ETAP) as [FuncaoEtap, ...FuncaoEtap[]], { error: 'função da ETAP inválida' }),
  horarios: z.array(horarioSchema).max(50, 'no máximo 50 horários por membro'),
  /** Coordenador Técnico: the curso técnico he coordinates ("Coordenador(a) Técnico(a) de ____"). */
  curso: texto(200).optional(),
});
export type MembroQuadro = z.output<typeof membroQuadroSchema>;

export const quadroEtapSchema = z.strictObject({
  membros: z.array(membroQuadroSchema).min(1, 'o Quadro da ETAP deve ter ao menos um membro').max(50, 'no máximo 50 membros'),
});
export type QuadroEtap = z.output<typeof quadroEtapSchema>;

/** A span in which nothing required is there (no ETAP member; or a Coordenador Técnico outside the course or CRT). */
export interface Intervalo {
  readonly dia: DiaSemana;
  readonly inicio: string;
  readonly fim: string;
}

export interface Lacuna extends Intervalo {
  /** pt-BR: 'quarta-feira, das 18:00 às 22:00: nenhum membro da ETAP presente'. */
  readonly descricao: string;
}

// ------------------------------------------------------------------ interval arithmetic (minutes of a day)

type Faixa = readonly [number, number];

function unir(faixas: readonly Faixa[]): Faixa[] {
  const ord = [...faixas].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [a, b] of ord) {
    const ult = out[out.length - 1];
    // Touching spans (08:00–12:00 and 12:00–18:00) are one: someone is there at every instant.
    if (ult && a <= ult[1]) ult[1] = Math.max(ult[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** Parts of `base` not covered by `cobertura` (both merged). */
function subtrair(base: readonly Faixa[], cobertura: readonly Faixa[]): Faixa[] {
  const out: Faixa[] = [];
  for (const [a, b] of base) {
    let inicio = a;
    for (const [c, d] of cobertura) {
      if (d <= inicio || c >= b) continue;
      if (c > inicio) out.push([inicio, c]);
      inicio = Math.max(inicio, d);
      if (inicio >= b) break;
    }
    if (inicio < b) out.push([inicio, b]);
  }
  return out;
}

function porDia(horarios: readonly Horario[]): Map<DiaSemana, Faixa[]> {
  const m = new Map<DiaSemana, Faixa[]>();
  for (const h of horarios) {
    const lista = m.get(h.dia) ?? [];
    lista.push([minutos(h.inicio), minutos(h.fim)]);
    m.set(h.dia, lista);
  }
  for (const [d, l] of m) m.set(d, unir(l));
  return m;
}

/** `a` minus `b`, per weekday, merged and sorted (Monday first, then time). */
function diferenca(a: readonly Horario[], b: readonly Horario[]): Intervalo[] {
  const A = porDia(a);
  const B = porDia(b);
  const out: Intervalo[] = [];
  for (const dia of CODIGOS_DIA) {
    for (const [x, y] of subtrair(A.get(dia) ?? [], B.get(dia) ?? [])) out.push({ dia, inicio: hora(x), fim: hora(y) });
  }
  return out;
}

/** 'quarta-feira, das 18:00 às 22:00' */
export function descreverIntervalo(i: Intervalo): string {
  return `${DIAS_SEMANA[i.dia]}, das ${i.inicio} às ${i.fim}`;
}

// ------------------------------------------------------------------ § 4º: coverage of the opening hours

/**
 * Every span of the institution's opening hours in which no member of the
 * Quadro da ETAP is present (§ 4º do art. 14), merged and sorted. Empty: the
 * whole opening time is covered.
 */
export function lacunasDeCobertura(quadro: QuadroEtap, funcionamento: readonly Horario[]): Lacuna[] {
  const presenca = quadro.membros.flatMap((m) => m.horarios);
  return diferenca(funcionamento, presenca).map((i) => ({ ...i, descricao: `${descreverIntervalo(i)}: nenhum membro da ETAP presente` }));
}

/** pt-BR explanation of the coverage for the COOIE's checklist. */
export function explicarCobertura(lacunas: readonly Lacuna[]): string {
  if (!lacunas.length) return `Todo o horário de funcionamento tem ao menos um membro da ETAP presente (${FONTE_COBERTURA}).`;
  return `Sem membro da ETAP presente em ${lacunas.length === 1 ? 'um intervalo' : `${lacunas.length} intervalos`} do horário de funcionamento (${FONTE_COBERTURA}): ${lacunas
    .map(descreverIntervalo)
    .join('; ')}.`;
}

// ------------------------------------------------------------------ Coordenador Técnico

export interface ConferenciaCoordenadorTecnico {
  readonly conforme: boolean;
  /** His hours outside the course's hours. */
  readonly foraDoCurso: readonly Intervalo[];
  /** Técnico em Enfermagem: his hours outside the hours on the CRT. */
  readonly foraDoCrt: readonly Intervalo[];
  /** pt-BR, one line per finding (empty when conforme). */
  readonly problemas: readonly string[];
  readonly explicacao: string;
}

/**
 * Are the Coordenador Técnico's hours within the course's hours and, for the
 * Curso Técnico em Enfermagem (and its especializações), within the hours on
 * his CRT (COREN-RJ, Del. CEE nº 378/2020 art. 29)? `horariosCrt` is required
 * when `enfermagem`; a Coordenador with no hours in the Quadro is not conforme.
 */
export function conferirHorarioCoordenadorTecnico(entrada: {
  readonly coordenador: readonly Horario[];
  readonly curso: readonly Horario[];
  readonly enfermagem?: boolean;
  readonly horariosCrt?: readonly Horario[];
}): ConferenciaCoordenadorTecnico {
  const problemas: string[] = [];
  if (!entrada.coordenador.length) problemas.push('O Coordenador Técnico não tem horário no Quadro da ETAP.');
  const foraDoCurso = diferenca(entrada.coordenador, entrada.curso);
  if (foraDoCurso.length) {
    problemas.push(`Horário do Coordenador Técnico fora do horário de oferta do curso: ${foraDoCurso.map(descreverIntervalo).join('; ')}.`);
  }
  let foraDoCrt: Intervalo[] = [];
  if (entrada.enfermagem) {
    if (!entrada.horariosCrt?.length) {
      problemas.push('Curso Técnico em Enfermagem: o horário informado no CRT não foi apresentado para a conferência.');
    } else {
      foraDoCrt = diferenca(entrada.coordenador, entrada.horariosCrt);
      if (foraDoCrt.length) problemas.push(`Horário do Coordenador Técnico fora do horário informado no CRT: ${foraDoCrt.map(descreverIntervalo).join('; ')}.`);
    }
  }
  const conforme = problemas.length === 0;
  const explicacao = conforme
    ? `O horário do Coordenador Técnico está dentro do horário de oferta do curso${entrada.enfermagem ? ' e do horário informado no CRT' : ''} (${FONTE_COORDENADOR_TECNICO}).`
    : `${problemas.join(' ')} (${FONTE_COORDENADOR_TECNICO})`;
  return { conforme, foraDoCurso, foraDoCrt, problemas, explicacao };
}
