/**
 * Renders a document of the catalogue to HTML: validates its data with the
 * template's zod schema, derives the values rito's rules give (prazos, labels),
 * and fills templates/documentos/<tipo>.hbs inside the Padrão Ofício layout.
 *
 * Safety: every value reaches the HTML through Handlebars' default escaping
 * ({{ }}); no template uses triple-stash or {{& }} (a test checks), no helper
 * returns a SafeString, templates are compiled in strict mode (a field the
 * template names but the data lacks is an error, not a blank) and with
 * knownHelpersOnly (the data cannot call a helper).
 *
 * Pure apart from reading the template files once; no database, no clock.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { z } from 'zod';
import { dataNumerica, dataPorExtenso } from '../rules/datas/extenso';
import {
  CATALOGO,
  ESPECIES,
  definicao,
  isTipoDocumento,
  type CampoInvalido,
  type ContextoEmissao,
  type Especie,
  type TipoDocumento,
} from './catalogo';
import { numeroComExtenso } from './extenso';

export const DIRETORIO_TEMPLATES = path.resolve(__dirname, '..', 'templates', 'documentos');

/** The data do not fit the template's schema (or the issuing date): nothing is rendered or numbered. */
export class DadosDocumentoInvalidos extends Error {
  override readonly name = 'DadosDocumentoInvalidos';
  constructor(
    readonly tipo: string,
    readonly campos: CampoInvalido[],
  ) {
    const rotulo = isTipoDocumento(tipo) ? CATALOGO[tipo].rotulo : tipo;
    super(`Dados inválidos para o documento "${rotulo}": ${campos.map((c) => `${c.campo}: ${c.mensagem}`).join('; ')}.`);
  }
}

export class TipoDocumentoDesconhecido extends Error {
  override readonly name = 'TipoDocumentoDesconhecido';
  constructor(readonly tipo: string) {
    super(`Tipo de documento desconhecido: "${tipo}". Tipos existentes: ${Object.keys(CATALOGO).join(', ')}.`);
  }
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

function caminho(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${String(p)}` : String(p);
  return s || '(raiz)';
}

function camposDoErro(error: z.ZodError): CampoInvalido[] {
  const campos: CampoInvalido[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) campos.push({ campo: caminho([...issue.path, k]), mensagem: 'campo não previsto neste documento' });
    } else {
      campos.push({ campo: caminho(issue.path), mensagem: issue.message });
    }
  }
  return campos;
}

const mensagemDeAusencia = (iss: z.core.$ZodRawIssue) =>
  iss.code === 'invalid_type' && iss.input === undefined ? 'campo obrigatório não informado' : undefined;

export function assertTipo(tipo: string): asserts tipo is TipoDocumento {
  if (!isTipoDocumento(tipo)) throw new TipoDocumentoDesconhecido(tipo);
}

/** Parses `dados` with the template's schema; throws DadosDocumentoInvalidos listing every problem. */
export function validarDados<T extends TipoDocumento>(tipo: T, dados: unknown): z.output<(typeof CATALOGO)[T]['schema']> {
  assertTipo(tipo);
  const r = definicao(tipo).schema.safeParse(dados, { error: mensagemDeAusencia });
  if (!r.success) throw new DadosDocumentoInvalidos(tipo, camposDoErro(r.error));
  return r.data as z.output<(typeof CATALOGO)[T]['schema']>;
}

// ---------------------------------------------------------------------------
// Identification
// ---------------------------------------------------------------------------

/**
 * The issuing unit as it appears in the identification and keys the number series:
 * NFC, trimmed, inner spaces collapsed, upper case ('cooie-metropolitana  i' → 'COOIE-METROPOLITANA I').
 * Siglas of higher levels may follow after '/' (Manual: "da menor para a maior hierarquia").
 */
export function normalizarUnidade(unidade: unknown): string {
  if (typeof unidade !== 'string') throw new DadosDocumentoInvalidos('documento', [{ campo: 'unidade', mensagem: 'campo obrigatório não informado' }]);
  // A handful of units issue every document: each spelling is normalised once (toLocaleUpperCase goes through ICU).
  const pronta = unidadesNormalizadas.get(unidade);
  if (pronta !== undefined) return pronta;
  const u = unidade.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleUpperCase('pt-BR');
  const invalida = (mensagem: string) => new DadosDocumentoInvalidos('documento', [{ campo: 'unidade', mensagem }]);
  if (!u) throw invalida('não pode ficar em branco');
  if (u.length > 80) throw invalida('deve ter no máximo 80 caracteres');
  if (!/^[\p{Lu}\p{N}][\p{Lu}\p{N} .\-/]*$/u.test(u) || /\/\/|\/$|\s\/|\/\s/.test(u)) {
    throw invalida('use a sigla da unidade (letras, algarismos, espaço, hífen, ponto; siglas superiores separadas por "/")');
  }
  if (unidadesNormalizadas.size >= 1000) unidadesNormalizadas.clear();
  unidadesNormalizadas.set(unidade, u);
  return u;
}
const unidadesNormalizadas = new Map<string, string>();

export interface Identificacao {
  /** 'Ofício nº 12/2026/COOIE-METROPOLITANA I' (for citing, listings, e-mail subjects). */
  identificacao: string;
  /** 'OFÍCIO Nº 12/2026/COOIE-METROPOLITANA I' (as printed: Manual, "nome do documento ... com todas as letras maiúsculas"). */
  cabecalho: string;
}

/** Each espécie's title as the header writes it, upper-cased once (toLocaleUpperCase goes through ICU). */
const TITULOS_CABECALHO = Object.fromEntries(Object.entries(ESPECIES).map(([e, t]) => [e, t.toLocaleUpperCase('pt-BR')])) as Record<Especie, string>;

export function identificar(especie: Especie, numero: number, ano: number, unidade: string): Identificacao {
  return {
    identificacao: `${ESPECIES[especie]} nº ${numero}/${ano}/${unidade}`,
    cabecalho: `${TITULOS_CABECALHO[especie]} Nº ${numero}/${ano}/${unidade}`,
  };
}

// ---------------------------------------------------------------------------
// Handlebars environment
// ---------------------------------------------------------------------------

const HELPERS = {
  /** {{dataExtenso '2026-11-21'}} → 21 de novembro de 2026 */
  dataExtenso: (d: unknown) => dataPorExtenso(String(d)),
  /** {{dataNumerica '2026-11-21'}} → 21/11/2026 */
  dataNumerica: (d: unknown) => dataNumerica(String(d)),
  /** {{extenso 10}} → 10 (dez) */
  extenso: (n: unknown) => numeroComExtenso(Number(n)),
  /** {{inc @index}} → 1-based ordinal */
  inc: (n: unknown) => Number(n) + 1,
  /** {{alinea @index}} → a, b, c … */
  alinea: (n: unknown) => String.fromCharCode(97 + (Number(n) % 26)),
  eq: (a: unknown, b: unknown) => a === b,
} as const;

const OPCOES_COMPILACAO = {
  strict: true,
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(Object.keys(HELPERS).map((h) => [h, true])),
  preventIndent: true,
} satisfies CompileOptions;

interface Motor {
  hb: typeof Handlebars;
  templates: Map<TipoDocumento, Handlebars.TemplateDelegate>;
}

let motor: Motor | undefined;

function lerTemplate(arquivo: string): string {
  try {
    return fs.readFileSync(arquivo, 'utf8');
  } catch (err) {
    throw new Error(`Modelo de documento ausente: ${arquivo} (${(err as Error).message})`);
  }
}

function obterMotor(): Motor {
  if (motor) return motor;
  const hb = Handlebars.create();
  for (const [nome, fn] of Object.entries(HELPERS)) hb.registerHelper(nome, fn as Handlebars.HelperDelegate);
  const dirPartials = path.join(DIRETORIO_TEMPLATES, 'partials');
  for (const arquivo of fs.readdirSync(dirPartials)) {
    if (!arquivo.endsWith('.hbs')) continue;
    hb.registerPartial(path.basename(arquivo, '.hbs'), hb.compile(lerTemplate(path.join(dirPartials, arquivo)), OPCOES_COMPILACAO));
  }
  const templates = new Map<TipoDocumento, Handlebars.TemplateDelegate>();
  for (const tipo of Object.keys(CATALOGO) as TipoDocumento[]) {
    templates.set(tipo, hb.compile(lerTemplate(path.join(DIRETORIO_TEMPLATES, `${tipo}.hbs`)), OPCOES_COMPILACAO));
  }
  motor = { hb, templates };
  return motor;
}

// ---------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------

export interface DocumentoRenderizado {
  tipo: TipoDocumento;
  especie: Especie;
  identificacao: string;
  assunto: string;
  /** The validated (normalised) data the HTML was rendered from. */
  dados: Record<string, unknown>;
  html: string;
  /** SHA-256 (hex) of the HTML in UTF-8. */
  sha256: string;
}

export function sha256Hex(conteudo: string | Buffer): string {
  return createHash('sha256').update(conteudo).digest('hex');
}

/**
 * Validates `dados` and checks them against the issuing date, without numbering
 * or rendering: lets a caller fail before taking a number.
 */
export function prepararDocumento(tipo: string, dados: unknown, data: string) {
  assertTipo(tipo);
  const def = definicao(tipo);
  const validos = validarDados(tipo, dados) as Record<string, unknown>;
  const errosContexto = def.validarContexto?.(validos, { data, numero: 0, ano: Number(data.slice(0, 4)), unidade: '' }) ?? [];
  if (errosContexto.length) throw new DadosDocumentoInvalidos(tipo, errosContexto);
  return { tipo, def, dados: validos };
}

/** A document whose data passed its schema and the issuing date's checks (prepararDocumento). */
export type DocumentoPreparado = ReturnType<typeof prepararDocumento>;

/** Renders a numbered document. `ctx.data` is the issuing date in America/Sao_Paulo. */
export function renderizarDocumento(tipo: string, dados: unknown, ctx: ContextoEmissao): DocumentoRenderizado {
  return renderizarPreparado(prepararDocumento(tipo, dados, ctx.data), ctx);
}

/** The runtime options of every template call: no access to prototype properties or methods (Handlebars' defaults, said once). */
export const OPCOES_EXECUCAO = Object.freeze({ allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });

/**
 * Renders a document already validated by prepararDocumento for the same
 * issuing date (`ctx.data`): the data are not validated again (issue 16 —
 * emission validates before taking a number, then renders).
 */
export function renderizarPreparado(preparado: DocumentoPreparado, ctx: ContextoEmissao): DocumentoRenderizado {
  const { def } = preparado;
  const { contexto, identificacao, assunto } = contextoDoDocumento(preparado, ctx);
  const template = obterMotor().templates.get(preparado.tipo)!;
  let html: string;
  try {
    html = template(contexto, OPCOES_EXECUCAO);
  } catch (err) {
    throw new Error(`Falha ao preencher o modelo "${def.rotulo}" (${preparado.tipo}.hbs): ${(err as Error).message}`);
  }
  return comHashSobDemanda({ tipo: preparado.tipo, especie: def.especie, identificacao, assunto, dados: preparado.dados, html });
}

/** What the template is filled with: the validated data, `doc` (identification, date, signatures…) and `calc` (derived values). */
export function contextoDoDocumento(preparado: DocumentoPreparado, ctx: ContextoEmissao) {
  const { def } = preparado;
  const d = preparado.dados as Record<string, unknown> & { local: string; processoSei?: string; fecho?: string };
  const unidade = normalizarUnidade(ctx.unidade);
  const ident = identificar(def.especie, ctx.numero, ctx.ano, unidade);
  // The layout ends the line with a period; one already there ("Ltda.") is not doubled.
  const assunto = def.assunto(d).replace(/\.+$/, '');
  const comunicacao = def.forma === 'comunicacao';
  const contexto = {
    ...d,
    doc: {
      titulo: ESPECIES[def.especie],
      rotulo: def.rotulo,
      identificacao: ident.identificacao,
      identificacaoCabecalho: ident.cabecalho,
      localData: `${d.local}, ${dataPorExtenso(ctx.data)}.`,
      data: ctx.data,
      assunto,
      comunicacao,
      forma: def.forma,
      fecho: comunicacao ? d.fecho : null,
      assinaturas: def.assinaturas(d),
      assinaturaManual: def.assinaturaManual === true,
    },
    calc: def.derivar?.(d, { ...ctx, unidade }) ?? {},
  };
  return { contexto, identificacao: ident.identificacao, assunto };
}

/**
 * The document with its `sha256` computed on first read and kept: storing it
 * (emission) reads it; a preview or a page that only shows the HTML does not
 * pay for hashing 7 kB. A class with a getter rather than defineProperty on a
 * literal, which cost V8 as much as a third of the template (issue 16); toJSON
 * keeps the hash in a serialised copy.
 */
class Renderizado implements DocumentoRenderizado {
  readonly tipo: TipoDocumento;
  readonly especie: Especie;
  readonly identificacao: string;
  readonly assunto: string;
  readonly dados: Record<string, unknown>;
  readonly html: string;
  private hash: string | undefined;
  constructor(d: Omit<DocumentoRenderizado, 'sha256'>) {
    this.tipo = d.tipo;
    this.especie = d.especie;
    this.identificacao = d.identificacao;
    this.assunto = d.assunto;
    this.dados = d.dados;
    this.html = d.html;
  }
  get sha256(): string {
    return (this.hash ??= sha256Hex(this.html));
  }
  toJSON(): DocumentoRenderizado {
    const { tipo, especie, identificacao, assunto, dados, html, sha256 } = this;
    return { tipo, especie, identificacao, assunto, dados, html, sha256 };
  }
}

function comHashSobDemanda(doc: Omit<DocumentoRenderizado, 'sha256'>): DocumentoRenderizado {
  return new Renderizado(doc);
}

/** The compiled template of a type, as rito fills it (for the benchmark's raw side and tools). */
export function templateCompilado(tipo: TipoDocumento): Handlebars.TemplateDelegate {
  return obterMotor().templates.get(tipo)!;
}

/** For tests and tools: drop compiled templates so edited files are read again. */
export function recarregarTemplates(): void {
  motor = undefined;
}
