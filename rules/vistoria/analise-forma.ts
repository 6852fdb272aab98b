/**
 * Análise de forma (seed 003, Fluxo item 3: "A COOIE analisará o processo,
 * aplicando checklist de conferência documental de análise de forma") and the
 * exigências it produces. Every exigência must state its motivação and base legal
 * (seed 003, Fluxo item 8 d: "Exigências adicionais, não previstas, deverão ser
 * identificadas expressamente de maneira inequívoca, sua motivação e base legal.
 * Não sendo consideradas regulares exigências que não obedeçam a tais
 * parâmetros"; DOMAIN step 5).
 *
 * Pure and deterministic: safe to import from Temporal workflow code.
 */
import {
  CHECKLISTS_VISTORIA,
  CONDICOES,
  type CodigoCondicao,
  type Item,
  type ItemChecklist,
} from './checklists';
import { TIPOS_VISTORIA_INFO, isTipoVistoria, type TipoVistoria } from './tipos';

export type Circunstancias = Partial<Record<CodigoCondicao, boolean>>;

export interface ResultadoAnaliseForma {
  /**
   * true only when nothing is missing AND no conditional item is left undetermined:
   * "completo" is a definite statement the COOIE can act on (issue the OS).
   */
  readonly completo: boolean;
  /** Required items not presented (unconditional ones, and conditional ones whose condition is true). Become exigências. */
  readonly faltantes: Item[];
  /**
   * Conditional items not presented whose condition the caller did not state
   * (`circunstancias[codigo]` undefined). They are not exigências yet: the COOIE
   * must first decide, from the inicial, whether the condition holds.
   */
  readonly indeterminados: Item[];
  /** Presented codigos that are not in this kind's document checklist (ignored). */
  readonly naoReconhecidos: string[];
}

function exigirTipo(tipo: unknown): asserts tipo is TipoVistoria {
  if (!isTipoVistoria(tipo)) {
    throw new Error(`Tipo de vistoria desconhecido: ${JSON.stringify(tipo)}.`);
  }
}

/**
 * Checks the documents presented (by codigo) against the kind's "Instrução
 * Processual". `circunstancias` states the facts that make conditional items apply
 * (e.g. `{ 'alteracao-infraestrutura': true }`); a conditional item that was
 * presented counts as presented whatever the circumstances.
 */
export function analisarForma(
  tipo: TipoVistoria,
  documentosApresentados: readonly string[],
  circunstancias: Circunstancias = {},
): ResultadoAnaliseForma {
  exigirTipo(tipo);
  const itens = CHECKLISTS_VISTORIA[tipo].documentos;
  const apresentados = new Set(documentosApresentados);
  const conhecidos = new Set(itens.map((i) => i.codigo));

  const faltantes: Item[] = [];
  const indeterminados: Item[] = [];
  for (const item of itens) {
    if (apresentados.has(item.codigo)) continue;
    if (!item.condicao) {
      faltantes.push(item);
      continue;
    }
    const aplica = circunstancias[item.condicao.codigo];
    if (aplica === true) faltantes.push(item);
    else if (aplica === undefined) indeterminados.push(item);
  }
  const naoReconhecidos = [...new Set(documentosApresentados)].filter((c) => !conhecidos.has(c));

  return {
    completo: faltantes.length === 0 && indeterminados.length === 0,
    faltantes,
    indeterminados,
    naoReconhecidos,
  };
}

// ---------------------------------------------------------------------------
// Exigências
// ---------------------------------------------------------------------------

export type NaturezaExigencia = 'documental' | 'fisica';

export interface Exigencia {
  readonly codigo: string;
  readonly descricao: string;
  readonly motivacao: string;
  readonly baseLegal: string;
  /** Documental or física (the seed's two natures; they decide whether a new visit is needed in reconsideração). */
  readonly natureza?: NaturezaExigencia;
}

export type CampoExigencia = 'codigo' | 'descricao' | 'motivacao' | 'baseLegal' | 'natureza';

export interface ResultadoValidacaoExigencia {
  readonly valida: boolean;
  /** pt-BR message per invalid field; empty when valid. */
  readonly erros: Partial<Record<CampoExigencia, string>>;
}

/**
 * Base legal used when the seed gives no dispositivo for the item. The seed's
 * análise de forma checks "adequação ao previsto na norma", the norm being
 * Deliberação CEE nº 388/2020, and the item is required by the guide's Instrução
 * Processual; both are cited. (Choice: the seed is silent on a dispositivo for
 * e.g. the requerimento inicial and the qualificação dos dirigentes.)
 */
export function baseLegalPadrao(tipo: TipoVistoria, item: ItemChecklist): string {
  return `Deliberação CEE nº 388/2020; Guia de Inspeção Escolar SEEDUC-RJ, ${TIPOS_VISTORIA_INFO[tipo].titulo}, alínea "${item.alinea}"`;
}

function secaoDoItem(tipo: TipoVistoria, item: ItemChecklist): string {
  const c = CHECKLISTS_VISTORIA[tipo];
  if (c.documentos.includes(item)) return 'Instrução Processual';
  if (c.verificacaoDocumental.includes(item)) return 'verificação dos documentos na análise de mérito';
  return 'verificação na visita in loco';
}

/**
 * Builds an exigência from a checklist item. `motivacao` overrides the default one
 * (the Comissão should write the concrete fact it observed). Items of the visit
 * with `natureza` 'verificacao-fisica' give exigências físicas; all others documentais.
 */
export function exigenciaDeItem(tipo: TipoVistoria, item: ItemChecklist, motivacao?: string): Exigencia {
  exigirTipo(tipo);
  const titulo = TIPOS_VISTORIA_INFO[tipo].titulo;
  const condicao = item.condicao ? ` Aplica-se ao caso porque: ${CONDICOES[item.condicao.codigo]}.` : '';
  const padrao =
    item.natureza === 'documento'
      ? `Documento exigido na Instrução Processual do ${titulo} (alínea "${item.alinea}") não apresentado ou em desacordo.${condicao}`
      : `Item da ${secaoDoItem(tipo, item)} do ${titulo} (alínea "${item.alinea}") não atendido.${condicao}`;
  return {
    codigo: item.codigo,
    descricao: item.descricao,
    motivacao: motivacao ?? padrao,
    baseLegal: item.baseLegal ?? baseLegalPadrao(tipo, item),
    natureza: item.natureza === 'verificacao-fisica' ? 'fisica' : 'documental',
  };
}

/** The exigências de forma for the missing items of an análise de forma. */
export function exigenciasDeFaltantes(tipo: TipoVistoria, faltantes: readonly ItemChecklist[]): Exigencia[] {
  return faltantes.map((item) => exigenciaDeItem(tipo, item));
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/**
 * A base legal must name a normative act (or one of its dispositivos) and carry
 * its number, e.g. "Deliberação CEE nº 388/2020, art. 22, VII". Heuristic chosen
 * here: one of the words below and at least one digit.
 */
const ATO_NORMATIVO =
  /\b(lei|deliberação|deliberacao|decreto|resolução|resolucao|portaria|parecer|instrução normativa|instrucao normativa|constituição|constituicao|art\.?|artigo|inciso|anexo|nbr|norma)\b|§/i;
const MIN_MOTIVACAO = 10;

function texto(valor: unknown): string | undefined {
  return typeof valor === 'string' ? valor.trim() : undefined;
}

/** Validates one exigência; an exigência without motivação or base legal is irregular (seed 003, Fluxo item 8 d). */
export function validarExigencia(e: unknown): ResultadoValidacaoExigencia {
  const erros: Partial<Record<CampoExigencia, string>> = {};
  if (typeof e !== 'object' || e === null) {
    return {
      valida: false,
      erros: {
        codigo: 'Informe o código da exigência.',
        descricao: 'Descreva a exigência de maneira expressa e inequívoca.',
        motivacao: 'Informe a motivação da exigência: exigência sem motivação é irregular e não pode ser feita.',
        baseLegal: 'Informe a base legal da exigência: exigência sem base legal é irregular e não pode ser feita.',
      },
    };
  }
  const r = e as Record<string, unknown>;

  const codigo = texto(r.codigo);
  if (!codigo) erros.codigo = 'Informe o código da exigência.';
  else if (!SLUG.test(codigo))
    erros.codigo =
      'O código da exigência deve conter apenas letras minúsculas sem acento, algarismos e hífens (ex.: laudo-seguranca-acessibilidade).';

  const descricao = texto(r.descricao);
  if (!descricao) erros.descricao = 'Descreva a exigência de maneira expressa e inequívoca.';

  const motivacao = texto(r.motivacao);
  if (!motivacao)
    erros.motivacao = 'Informe a motivação da exigência: exigência sem motivação é irregular e não pode ser feita.';
  else if (motivacao.length < MIN_MOTIVACAO)
    erros.motivacao = `A motivação deve expor o fato que justifica a exigência (mínimo de ${MIN_MOTIVACAO} caracteres).`;

  const baseLegal = texto(r.baseLegal);
  if (!baseLegal)
    erros.baseLegal = 'Informe a base legal da exigência: exigência sem base legal é irregular e não pode ser feita.';
  else if (!ATO_NORMATIVO.test(baseLegal) || !/\d/.test(baseLegal))
    erros.baseLegal =
      'A base legal deve indicar o ato normativo e seu número, e se possível o dispositivo (ex.: Deliberação CEE nº 388/2020, art. 22, VII).';

  if (r.natureza !== undefined && r.natureza !== 'documental' && r.natureza !== 'fisica')
    erros.natureza = 'A natureza da exigência deve ser "documental" ou "fisica".';

  return { valida: Object.keys(erros).length === 0, erros };
}

/** Validates a list of exigências; also refuses an empty list and repeated codigos. */
export function validarExigencias(lista: readonly unknown[]): {
  valida: boolean;
  erros: string[];
  porItem: ResultadoValidacaoExigencia[];
} {
  const porItem = lista.map(validarExigencia);
  const erros: string[] = [];
  if (lista.length === 0) erros.push('Informe ao menos uma exigência.');
  const vistos = new Set<string>();
  lista.forEach((e, i) => {
    const codigo = typeof e === 'object' && e !== null ? texto((e as Record<string, unknown>).codigo) : undefined;
    if (codigo) {
      if (vistos.has(codigo)) erros.push(`Exigência ${i + 1}: o código "${codigo}" está repetido.`);
      vistos.add(codigo);
    }
    for (const msg of Object.values(porItem[i].erros)) erros.push(`Exigência ${i + 1}: ${msg}`);
  });
  return { valida: erros.length === 0, erros, porItem };
}
