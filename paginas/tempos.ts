/**
 * Time spent in the phases (the supervisor's dashboard, /painel/tempos), from
 * the passages the read model's timeline gives (db/passagens-de-fase.ts):
 *
 * - per phase of each rite: every non-final phase, whoever was to act in it;
 * - per unit: the phases in which the unit owed a decision (a phase with someone
 *   to act and no prazo of the party running: the rite interpreter's task
 *   phases), by the process's unit;
 * - per inspetor: those same phases, finished, by the servidor whose act ended
 *   each one (the event's actor): who decided, and how long the decision took.
 *
 * Durations are elapsed time (dias corridos, to the tenth), not business days:
 * the dashboard shows how long things took, not whether a prazo was met (the
 * prazos' own tables do that). A phase still running counts up to now, and is
 * counted apart in "em curso", so a stalled process shows in the figures.
 */
import type { PassagemDeFase } from '../db/passagens-de-fase';
import { rotuloTipoProcesso } from '../rules/processos/tipos';
import { ritoDoTipo } from '../rules/ritos/registro';

const DIA_MS = 86_400_000;

export interface LinhaTempo {
  chave: string;
  rotulo: string;
  passagens: number;
  emCurso: number;
  /** Days, unrounded. */
  media: number;
  mediana: number;
  maxima: number;
}

/** "2,5" — one decimal, as pt-BR writes it. */
export function dias(valor: number): string {
  return (Math.round(valor * 10) / 10).toLocaleString('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function fase(p: PassagemDeFase) {
  return ritoDoTipo(p.tipo)?.fases[p.fase];
}

/** A phase in which the unit owes a decision: someone to act, no prazo of the party running, not final. */
export function faseDaUnidade(p: PassagemDeFase): boolean {
  const f = fase(p);
  return !!f && !f.terminal && !f.aguardaPrazo && !!f.responsavel;
}

function linha(chave: string, rotulo: string, ps: PassagemDeFase[], agoraMs: number): LinhaTempo {
  const duracoes = ps.map((p) => ((p.fim ? p.fim.getTime() : agoraMs) - p.inicio.getTime()) / DIA_MS).sort((a, b) => a - b);
  const n = duracoes.length;
  const meio = Math.floor(n / 2);
  return {
    chave,
    rotulo,
    passagens: n,
    emCurso: ps.filter((p) => !p.fim).length,
    media: duracoes.reduce((s, d) => s + d, 0) / n,
    mediana: n % 2 ? duracoes[meio]! : (duracoes[meio - 1]! + duracoes[meio]!) / 2,
    maxima: duracoes[n - 1]!,
  };
}

function agrupar(ps: PassagemDeFase[], chave: (p: PassagemDeFase) => string): Map<string, PassagemDeFase[]> {
  const m = new Map<string, PassagemDeFase[]>();
  for (const p of ps) {
    const k = chave(p);
    m.set(k, [...(m.get(k) ?? []), p]);
  }
  return m;
}

/** Per phase, in each rite's order of phases. */
export function temposPorFase(ps: PassagemDeFase[], agoraMs: number): LinhaTempo[] {
  const validas = ps.filter((p) => fase(p) && !fase(p)!.terminal);
  const grupos = agrupar(validas, (p) => `${p.tipo}:${p.fase}`);
  const ordem = (k: string) => {
    const [tipo, f] = [k.slice(0, k.indexOf(':')), k.slice(k.indexOf(':') + 1)];
    return [tipo, Object.keys(ritoDoTipo(tipo)!.fases).indexOf(f)] as const;
  };
  return [...grupos.entries()]
    .sort(([a], [b]) => {
      const [ta, ia] = ordem(a);
      const [tb, ib] = ordem(b);
      return ta === tb ? ia - ib : rotuloTipoProcesso(ta).localeCompare(rotuloTipoProcesso(tb), 'pt-BR');
    })
    .map(([k, g]) => linha(k, `${fase(g[0]!)!.rotulo} (${rotuloTipoProcesso(g[0]!.tipo)})`, g, agoraMs));
}

/** Per unit, over the phases in which the unit owed a decision. */
export function temposPorUnidade(ps: PassagemDeFase[], agoraMs: number): LinhaTempo[] {
  const grupos = agrupar(ps.filter(faseDaUnidade), (p) => p.unidade);
  return [...grupos.entries()].sort(([a], [b]) => a.localeCompare(b, 'pt-BR')).map(([k, g]) => linha(k, k, g, agoraMs));
}

/** Per servidor who ended a phase in which the unit owed a decision (finished passages only). */
export function temposPorInspetor(ps: PassagemDeFase[], nomes: ReadonlyMap<string, string>, agoraMs: number): LinhaTempo[] {
  const grupos = agrupar(ps.filter((p) => faseDaUnidade(p) && p.fim && p.concluidaPor), (p) => p.concluidaPor!);
  return [...grupos.entries()]
    .map(([k, g]) => linha(k, nomes.get(k) ?? k, g, agoraMs))
    .sort((a, b) => a.rotulo.localeCompare(b.rotulo, 'pt-BR'));
}
