/**
 * What a rite is, as data: its phases, actions, transitions, prazos and actors.
 * One definition per rite (rules/vistoria/rito.ts is the first); one
 * interpreter runs them all (workflows/ritos), and one generator makes every
 * action's route (api/ritos). The functions here answer, for any definition,
 * the questions the workflow, the API and the tests ask of a rite.
 *
 * Pure data and functions: safe to import from Temporal workflow code.
 */
import type { z } from 'zod';

/** A prazo of the rite, with its legal basis and the seed's own words. */
export interface PrazoRito<P extends string = string> {
  readonly codigo: P;
  readonly rotulo: string;
  readonly dias: number;
  /** true: dias úteis; false: dias corridos (DOMAIN prazos rule 2). */
  readonly uteis: boolean;
  /**
   * 'dia-seguinte': the day after the ciência is day 1 (DOMAIN rule 1).
   * 'primeiro-dia-util': the first business day after the comunicação is day 1 (DOMAIN rule 5).
   */
  readonly contarDe: 'dia-seguinte' | 'primeiro-dia-util';
  /** One extension of the same length, asked before expiry (DOMAIN rule 6). */
  readonly prorrogavel: boolean;
  /** The seed says "improrrogável" in so many words (an extension request gets that reason). */
  readonly improrrogavelExpresso: boolean;
  /** The document whose ciência starts the prazo (a template of documentos/catalogo). */
  readonly notificacao: string;
  readonly baseLegal: string;
  /** The seed's words. */
  readonly fonte: string;
}

export interface FaseRito<Ator extends string = string, P extends string = string> {
  readonly rotulo: string;
  /** Who is expected to act next; null for terminal phases. */
  readonly responsavel: Ator | null;
  /** The prazo this phase waits on (running against the party), or null. */
  readonly aguardaPrazo: P | null;
  readonly terminal: boolean;
  /** Step(s) of the rite in DOMAIN.md / the seed. */
  readonly passo?: string;
}

/**
 * A check the API runs before sending an action to the workflow, because it
 * needs the database (api/ritos/verificacoes.ts holds one function per name).
 */
export type VerificacaoPrevia = 'numero-sei-livre' | 'comissao-com-contas';

export interface AcaoRito<Ator extends string = string> {
  readonly rotulo: string;
  readonly ator: Ator;
  /** The data the action carries: request body, OpenAPI schema and workflow validation at once. */
  readonly schema: z.ZodType;
  readonly verificacoes?: readonly VerificacaoPrevia[];
  /**
   * What an act of the party after its prazo means, when the rite gives it a
   * meaning (a late reconsideração goes to art. 49): it leads to `destino`
   * instead of the transition's, told with `mensagem`. Without it, an act of
   * the party after the prazo is refused as extemporâneo.
   */
  readonly foraDoPrazo?: { readonly destino: string; mensagem(limite: string): string };
}

export interface TransicaoRito<F extends string = string, A extends string = string> {
  readonly de: F;
  readonly acao: A;
  readonly para: F;
  /** Seed / DOMAIN reference or the choice made. */
  readonly nota?: string;
}

export interface AtorRito {
  readonly rotulo: string;
  /** The account role that plays this actor; null for the rite itself (sistema). */
  readonly papel: string | null;
  /** Only the accounts the process itself designates act as this actor (e.g. the Comissão named by an Ordem de Serviço). */
  readonly designadoNoProcesso?: boolean;
}

export interface DefinicaoRito<F extends string = string, A extends string = string, P extends string = string, Ator extends string = string> {
  /** Also the URL segment of its actions: /v1/processos/{id}/{codigo}/{acao}. */
  readonly codigo: string;
  readonly rotulo: string;
  readonly faseInicial: F;
  readonly fases: Readonly<Record<F, FaseRito<Ator, P>>>;
  readonly acoes: Readonly<Record<A, AcaoRito<Ator>>>;
  /** (fase, ação) → fase; at most one row per (fase, ação). */
  readonly transicoes: readonly TransicaoRito<F, A>[];
  readonly prazos: Readonly<Record<P, PrazoRito<P>>>;
  readonly atores: Readonly<Record<Ator, AtorRito>>;
  /** The deadline of a decision a unit owes (a task), counted like a prazo. */
  readonly prazoTarefa: { readonly dias: number; readonly baseLegal: string };
  /**
   * Names of the rite's Temporal update and query. Histories of running
   * processes carry them: once a rite has run, they never change.
   */
  readonly mensagens: { readonly acao: string; readonly estado: string };
  /** A reason of the rite's own for refusing an action no transition admits (checked before the generic reasons). */
  motivoRecusa?(fase: F, acao: A): string | undefined;
  /**
   * What the party (the outside user the rite's prazos run against, e.g. the
   * representante legal) sees of the rite's data: its state (GET
   * /v1/processos/{id}/{codigo}) and the data of its timeline events, without
   * what is internal to the Administration (the accounts of the servidores, their
   * matrículas). Applied by the API to every caller whose only role is the
   * party's; without it the party sees the data whole. `semCampos` below does
   * the usual part.
   */
  projetarParaParte?(dados: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** A copy of plain JSON data without the given keys, at any depth (e.g. the account ids a party must not see). */
export function semCampos<T>(valor: T, campos: readonly string[]): T {
  if (Array.isArray(valor)) return valor.map((v) => semCampos(v, campos)) as T;
  if (valor !== null && typeof valor === 'object') {
    return Object.fromEntries(
      Object.entries(valor as Record<string, unknown>)
        .filter(([k]) => !campos.includes(k))
        .map(([k, v]) => [k, semCampos(v, campos)]),
    ) as T;
  }
  return valor;
}

/** The actions every rite with prazos has, run by the interpreter itself. */
export const ACAO_EXPIRAR_PRAZO = 'expirar-prazo';
export const ACAO_PRORROGAR_PRAZO = 'prorrogar-prazo';
export const ACAO_TOMAR_CIENCIA = 'tomar-ciencia';
/** The actor of what the rite does by itself (a prazo's end). */
export const ATOR_SISTEMA = 'sistema';

/**
 * The part of a definition that says which action leads where: enough for the
 * questions below, and what a rite's data module can build before its schemas.
 */
export type GrafoRito<F extends string = string, A extends string = string, P extends string = string, Ator extends string = string> = Pick<
  DefinicaoRito<F, A, P, Ator>,
  'faseInicial' | 'fases' | 'transicoes' | 'prazos' | 'motivoRecusa'
> & { readonly acoes: Readonly<Record<A, { readonly rotulo: string }>> };

export type ResultadoTransicao<F extends string = string> =
  | { readonly permitida: true; readonly destino: F; readonly transicao: TransicaoRito<F> }
  | { readonly permitida: false; readonly motivo: string };

const recusa = (motivo: string): ResultadoTransicao<never> => ({ permitida: false, motivo });

export function isFase<F extends string>(def: GrafoRito<F>, valor: unknown): valor is F {
  return typeof valor === 'string' && Object.hasOwn(def.fases, valor);
}

export function isAcao<F extends string, A extends string>(def: GrafoRito<F, A>, valor: unknown): valor is A {
  return typeof valor === 'string' && Object.hasOwn(def.acoes, valor);
}

/** Transitions leaving a phase, in table order. */
export function transicoesDe<F extends string, A extends string>(def: GrafoRito<F, A>, f: F): TransicaoRito<F, A>[] {
  return def.transicoes.filter((x) => x.de === f);
}

/** Actions admitted in a phase, in table order. */
export function acoesDisponiveis<F extends string, A extends string>(def: GrafoRito<F, A>, f: F): A[] {
  return transicoesDe(def, f).map((x) => x.acao);
}

export function faseTerminal<F extends string>(def: GrafoRito<F>, f: F): boolean {
  return def.fases[f].terminal;
}

/**
 * Whether `acao` is admitted in `fase`, and where it leads; otherwise a pt-BR
 * reason. Accepts unknown strings (e.g. from the API) and refuses them with a reason.
 */
export function transicaoPermitida<F extends string, A extends string, P extends string>(
  def: GrafoRito<F, A, P>,
  fase: string,
  acao: string,
): ResultadoTransicao<F> {
  if (!isFase(def, fase)) return recusa(`Fase desconhecida: "${fase}".`);
  if (!isAcao(def, acao)) return recusa(`Ação desconhecida: "${acao}".`);

  const encontrada = def.transicoes.find((x) => x.de === fase && x.acao === acao);
  if (encontrada) return { permitida: true, destino: encontrada.para, transicao: encontrada };

  const desc: FaseRito<string, P> = def.fases[fase];
  const rotuloAcao = def.acoes[acao].rotulo;

  if (acao === ACAO_PRORROGAR_PRAZO) {
    if (desc.aguardaPrazo === null) return recusa(`Não há prazo em curso na fase "${desc.rotulo}"; não há o que prorrogar.`);
    const p = def.prazos[desc.aguardaPrazo];
    return recusa(
      p.improrrogavelExpresso
        ? `O prazo de ${p.dias} dias para ${p.rotulo.toLowerCase()} é improrrogável (${p.baseLegal}); o pedido de prorrogação não pode ser atendido.`
        : `O prazo de ${p.dias} ${p.uteis ? 'dias úteis' : 'dias'} (${p.rotulo.toLowerCase()}) não admite prorrogação (${p.baseLegal}).`,
    );
  }

  const propria = def.motivoRecusa?.(fase, acao);
  if (propria) return recusa(propria);

  if (desc.terminal) return recusa(`A fase "${desc.rotulo}" é final; nenhuma ação é admitida (ação pedida: "${rotuloAcao}").`);

  if (acao === ACAO_EXPIRAR_PRAZO && desc.aguardaPrazo === null) return recusa(`Não há prazo em curso na fase "${desc.rotulo}".`);

  const admitidas = acoesDisponiveis(def, fase).map((a) => `"${def.acoes[a].rotulo}"`);
  return recusa(`A ação "${rotuloAcao}" não é admitida na fase "${desc.rotulo}". Ações admitidas: ${admitidas.join('; ')}.`);
}

/** Phases reachable from `origem` following the table (origem included). */
export function fasesAlcancaveis<F extends string>(def: GrafoRito<F>, origem: F = def.faseInicial): Set<F> {
  const vistos = new Set<F>([origem]);
  const fila: F[] = [origem];
  while (fila.length > 0) {
    const atual = fila.shift() as F;
    for (const x of transicoesDe(def, atual)) {
      if (!vistos.has(x.para)) {
        vistos.add(x.para);
        fila.push(x.para);
      }
    }
  }
  return vistos;
}

/** The actions a person may take in a rite (expiry is the rite's own). */
export function acoesDeUsuario<A extends string>(def: DefinicaoRito<string, A>): A[] {
  return (Object.keys(def.acoes) as A[]).filter((a) => papelDoAtor(def as DefinicaoRito, def.acoes[a].ator) !== null);
}

/** The label of who acts, as users read it. */
export function rotuloAtor(def: DefinicaoRito, ator: string): string {
  return (def.atores as Record<string, AtorRito>)[ator]?.rotulo ?? ator;
}

/** The party the rite's prazos run against (who is notified and takes ciência): the actor of the phases that wait on a prazo. */
export function parteDoRito(def: DefinicaoRito): string {
  const fase = Object.values(def.fases).find((f) => f.aguardaPrazo !== null && f.responsavel !== null);
  return fase?.responsavel ?? ATOR_SISTEMA;
}

/** The account role that plays an actor of a rite (null: only the rite itself acts). */
export function papelDoAtor(def: DefinicaoRito, ator: string): string | null {
  return (def.atores as Record<string, AtorRito>)[ator]?.papel ?? null;
}
