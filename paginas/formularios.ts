/**
 * Forms generated from an action's JSON Schema (the one GET /v1/processos/{id}
 * lists in `acoes`, made from the action's zod schema), so every rite gets its
 * screens without code per action:
 *
 * - `campos(esquema)` turns the schema into a tree of fields (text, long text,
 *   number, date, time, choice, yes/no, files, groups, repeated groups, one of
 *   several shapes), labelled from the property names (with a pt-BR glossary
 *   for accents) and helped by each property's description;
 * - `dadosDoFormulario(esquema, valores)` turns the posted strings back into
 *   the action's data, guided by the same schema (numbers, booleans, empty
 *   optional fields left out so that the schema's defaults apply);
 * - `errosPorCampo(issues)` puts each zod or API field error next to its field
 *   (paths joined with dots, as the API names them: `termoVisita.verificacoes.0.item`).
 *
 * A field named `arquivos` (an array of file ids: the name every action with
 * uploads uses, api/ritos/verificacoes.ts) is a file upload.
 */

export type Esquema = {
  type?: string | string[];
  properties?: Record<string, Esquema>;
  required?: string[];
  items?: Esquema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: Esquema[];
  anyOf?: Esquema[];
  default?: unknown;
  description?: string;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  examples?: unknown[];
  /** A list whose items are known in advance (a checklist's): each one's identifying values, in order. */
  'x-itens'?: Record<string, unknown>[];
  /** The words of each of those items, shown as its group's legend. */
  'x-rotulos-itens'?: string[];
};

export interface Campo {
  tipo: 'texto' | 'textoLongo' | 'numero' | 'data' | 'hora' | 'escolha' | 'varios' | 'simNao' | 'arquivos' | 'grupo' | 'lista' | 'alternativas' | 'linhas';
  nome: string;
  id: string;
  rotulo: string;
  ajuda?: string;
  obrigatorio: boolean;
  valor?: string;
  erro?: string;
  /** escolha: one of them; varios: check boxes named `<nome>.<valor>`. */
  opcoes?: { valor: string; rotulo: string; selecionada: boolean; id?: string; nome?: string }[];
  filhos?: Campo[];
  /** lista: one group of fields per item. */
  itens?: { indice: number; rotulo: string; filhos: Campo[] }[];
  /** alternativas: the discriminating choice and one group per shape. */
  discriminante?: Campo;
  alternativas?: { valor: string; rotulo: string; filhos: Campo[] }[];
  min?: number;
  max?: number;
  maxLength?: number;
  passo?: string;
  exemplo?: string;
}

/** Words of the property names and enum values that need their accents, or another case, in pt-BR. */
const GLOSSARIO: Record<string, string> = {
  sei: 'SEI', numero: 'número', observacoes: 'observações', observacao: 'observação', fundamentacao: 'fundamentação',
  exigencias: 'exigências', exigencia: 'exigência', motivacao: 'motivação', descricao: 'descrição', codigo: 'código',
  publicacao: 'publicação', pagina: 'página', matricula: 'matrícula', comissao: 'comissão', verificacoes: 'verificações',
  verificacao: 'verificação', situacao: 'situação', inicio: 'início', analise: 'análise', nao: 'não', legal: 'legal',
  usuario: 'usuário', id: '(conta no rito)', realizada: 'realizada', em: 'em', termo: 'termo', visita: 'visita',
  hora: 'hora', fim: 'fim', data: 'data', endereco: 'endereço', apostilado: 'apostilado', logradouro: 'logradouro',
  municipio: 'município', uf: 'UF', cep: 'CEP', bairro: 'bairro', capacidade: 'capacidade', turnos: 'turnos',
  recebido: 'recebido', atendidas: 'atendidas', fisica: 'física', atende: 'atende', aplica: 'aplica', procurador: 'procurador(a)',
  representante: 'representante', natureza: 'natureza', resposta: 'resposta', arquivos: 'arquivos', justificativa: 'justificativa',
  qualidade: 'qualidade', tipo: 'tipo', vistoria: 'vistoria', anterior: 'anterior', nova: 'nova', entrada: 'entrada',
  suplementar: 'suplementar', aumento: 'aumento', apostilamento: 'apostilamento', motivo: 'motivo', base: 'base',
  cnpj: 'CNPJ', papeis: 'papéis', coogie: 'COOGIE', cooie: 'COOIE', instituicao: 'instituição', instituicoes: 'instituições',
  telefone: 'telefone', vigente: 'vigente', desde: 'desde', expira: 'expira', convite: 'convite', enviar: 'enviar',
};

/**
 * A nullable property (`anyOf: [X, {type: "null"}]`, as zod writes .nullable()
 * and .nullish()) is X for a form: an empty field is the absent value.
 */
export function semNulo(e: Esquema): Esquema {
  const alternativas = e.anyOf ?? e.oneOf;
  if (!alternativas || alternativas.length < 2) return e;
  const outras = alternativas.filter((a) => tipoDe(a) !== 'null');
  if (outras.length !== 1 || outras.length === alternativas.length) return e;
  const { anyOf: _a, oneOf: _o, ...resto } = e;
  return { ...outras[0]!, ...resto, description: e.description ?? outras[0]!.description };
}

/** "baseLegal" → "Base legal"; "nao-se-aplica" → "Não se aplica"; "usuarioId" → "Usuário (conta no rito)". */
export function rotular(chave: string): string {
  const palavras = chave
    .replace(/([a-zà-ú])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((p) => GLOSSARIO[p.toLowerCase()] ?? p.toLowerCase());
  const frase = palavras.join(' ');
  return frase.charAt(0).toUpperCase() + frase.slice(1);
}

const tipoDe = (e: Esquema): string | undefined => (Array.isArray(e.type) ? e.type.find((t) => t !== 'null') : e.type);

/** A field's id in the page: unique per form (`prefixo`), valid in HTML and CSS. */
const idDe = (prefixo: string, nome: string) => `${prefixo}-${nome.replace(/[^\w-]/g, '-')}`;

export interface Preenchimento {
  valores: Record<string, string>;
  erros: Record<string, string>;
  /** Items per list, by the list's name (re-rendering keeps what was added). */
  itens: Record<string, number>;
}

export const preenchimentoVazio = (): Preenchimento => ({ valores: {}, erros: {}, itens: {} });

/** The fields of an object schema, named by their path from `base`. */
export function campos(esquema: Esquema, prefixo: string, p: Preenchimento = preenchimentoVazio(), base = ''): Campo[] {
  const req = new Set(esquema.required ?? []);
  return Object.entries(esquema.properties ?? {}).map(([chave, sub]) => campo(chave, sub, req.has(chave), prefixo, p, base ? `${base}.${chave}` : chave));
}

function campo(chave: string, esquemaBruto: Esquema, obrigatorio: boolean, prefixo: string, p: Preenchimento, nome: string): Campo {
  const e = semNulo(esquemaBruto);
  const comum = {
    nome,
    id: idDe(prefixo, nome),
    rotulo: rotular(chave),
    ajuda: e.description,
    obrigatorio: obrigatorio && e.default === undefined,
    erro: p.erros[nome],
    exemplo: e.examples?.length ? String(e.examples[0]) : undefined,
  };
  const valor = p.valores[nome] ?? (e.default !== undefined && typeof e.default !== 'object' ? String(e.default) : '');
  const alternativas = e.oneOf ?? e.anyOf;
  if (alternativas?.length) {
    const disc = discriminanteDe(alternativas);
    if (disc) {
      const escolhido = p.valores[`${nome}.${disc}`] ?? '';
      return {
        ...comum,
        tipo: 'alternativas',
        discriminante: {
          tipo: 'escolha',
          nome: `${nome}.${disc}`,
          id: idDe(prefixo, `${nome}.${disc}`),
          rotulo: `${rotular(chave)}: ${rotular(disc).toLowerCase()}`,
          obrigatorio: true,
          erro: p.erros[`${nome}.${disc}`] ?? p.erros[nome],
          opcoes: alternativas.map((a) => {
            const v = String(a.properties![disc]!.const);
            return { valor: v, rotulo: rotular(v), selecionada: v === escolhido };
          }),
        },
        alternativas: alternativas.map((a) => {
          const v = String(a.properties![disc]!.const);
          const semDisc: Esquema = { ...a, properties: Object.fromEntries(Object.entries(a.properties ?? {}).filter(([k]) => k !== disc)) };
          return { valor: v, rotulo: `Se ${rotular(v).toLowerCase()}`, filhos: campos(semDisc, `${prefixo}-${v}`, p, nome) };
        }),
      };
    }
  }
  const tipo = tipoDe(e);
  if (tipo === 'object') return { ...comum, tipo: 'grupo', filhos: campos(e, prefixo, p, nome) };
  if (tipo === 'array') {
    const item = e.items ?? {};
    if (chave === 'arquivos' && tipoDe(item) === 'string') {
      return { ...comum, tipo: 'arquivos', ajuda: 'PDF, PNG ou JPEG; pode escolher vários arquivos.' };
    }
    if (item.enum) {
      // A set of choices (roles, for one): a check box each.
      const marcada = (v: string) => p.valores[`${nome}.${v}`] === 'on' || (p.valores[`${nome}.${v}`] === undefined && Array.isArray(e.default) && e.default.includes(v));
      return {
        ...comum,
        tipo: 'varios',
        opcoes: item.enum.map((v) => ({ valor: String(v), rotulo: rotular(String(v)), selecionada: marcada(String(v)), id: idDe(prefixo, `${nome}.${String(v)}`), nome: `${nome}.${String(v)}` })),
      };
    }
    if (tipoDe(item) === 'object') {
      const previstos = e['x-itens'] ?? [];
      const rotulos = e['x-rotulos-itens'] ?? [];
      const n = Math.max(p.itens[nome] ?? 0, e.minItems ?? 0, previstos.length, 1);
      // Items known in advance (a checklist): one group per item, its identifying values filled in until the form comes back posted.
      const postado = Object.keys(p.valores).some((k) => k.startsWith(`${nome}.`));
      const q: Preenchimento =
        previstos.length && !postado
          ? { ...p, valores: { ...p.valores, ...Object.fromEntries(previstos.flatMap((v, i) => Object.entries(v).map(([k, x]) => [`${nome}.${i}.${k}`, String(x)]))) } }
          : p;
      return {
        ...comum,
        tipo: 'lista',
        max: e.maxItems,
        itens: Array.from({ length: n }, (_, i) => ({
          indice: i,
          rotulo: rotulos[i] ? `${rotular(chave)} — ${rotulos[i]}` : `${rotular(chave)} — item ${i + 1}`,
          filhos: campos(item, prefixo, q, `${nome}.${i}`),
        })),
      };
    }
    return { ...comum, tipo: 'linhas', valor, ajuda: [e.description, 'Um por linha.'].filter(Boolean).join(' ') };
  }
  if (e.enum) {
    return { ...comum, tipo: 'escolha', opcoes: e.enum.map((v) => ({ valor: String(v), rotulo: rotular(String(v)), selecionada: String(v) === valor })) };
  }
  if (tipo === 'boolean') return { ...comum, tipo: 'simNao', valor: p.valores[nome] ?? (e.default === true ? 'on' : '') };
  if (tipo === 'integer' || tipo === 'number') {
    return { ...comum, tipo: 'numero', valor, min: e.minimum, max: e.maximum && e.maximum < 1e12 ? e.maximum : undefined, passo: tipo === 'integer' ? '1' : 'any' };
  }
  if (e.format === 'date') return { ...comum, tipo: 'data', valor };
  if (e.pattern === '^([01]\\d|2[0-3]):[0-5]\\d$') return { ...comum, tipo: 'hora', valor };
  // Long texts (a fundamentação, a resposta) get a text area; identifiers and names a line.
  const longo = e.maxLength !== undefined && e.maxLength > 300;
  return { ...comum, tipo: longo ? 'textoLongo' : 'texto', valor, maxLength: e.maxLength };
}

/** The property whose constant tells the shapes of a oneOf apart (e.g. tipoVistoria), if there is one. */
function discriminanteDe(alternativas: Esquema[]): string | undefined {
  const primeira = alternativas[0]?.properties ?? {};
  return Object.keys(primeira).find((k) => alternativas.every((a) => a.properties?.[k]?.const !== undefined));
}

/** How many items each list of the form has now (from the posted names), so that a re-render keeps them all. */
export function itensPostados(valores: Record<string, string>): Record<string, number> {
  const itens: Record<string, number> = {};
  for (const nome of Object.keys(valores)) {
    const partes = nome.split('.');
    partes.forEach((parte, i) => {
      if (/^\d+$/.test(parte) && i > 0) {
        const lista = partes.slice(0, i).join('.');
        itens[lista] = Math.max(itens[lista] ?? 0, Number(parte) + 1);
      }
    });
  }
  return itens;
}

/**
 * The action's data from the posted strings, following the schema: empty
 * optional fields are left out (the schema's defaults apply), numbers become
 * numbers (what is not a number is kept as text, for the schema to refuse with
 * its message), check boxes become booleans. `arquivos` are filled by the caller.
 */
export function dadosDoFormulario(esquema: Esquema, valores: Record<string, string>, base = ''): Record<string, unknown> {
  const r: Record<string, unknown> = {};
  const req = new Set(esquema.required ?? []);
  for (const [chave, sub] of Object.entries(esquema.properties ?? {})) {
    const nome = base ? `${base}.${chave}` : chave;
    const v = valor(sub, valores, nome, req.has(chave));
    if (v !== undefined) r[chave] = v;
  }
  return r;
}

/** Nothing typed: empty, unchecked, or only what the schema fills by default (an item added and left blank, a default choice kept). */
function vazioNoEsquema(e: Esquema, v: unknown): boolean {
  if (vazio(v) || v === false) return true;
  if (e.default !== undefined && JSON.stringify(v) === JSON.stringify(e.default)) return true;
  if (Array.isArray(v)) return v.every((x) => vazioNoEsquema(e.items ?? {}, x));
  if (v && typeof v === 'object') return Object.entries(v).every(([k, x]) => vazioNoEsquema(e.properties?.[k] ?? {}, x));
  return false;
}

function vazio(v: unknown): boolean {
  if (v === undefined || v === '') return true;
  if (Array.isArray(v)) return v.every(vazio);
  if (v && typeof v === 'object') return Object.values(v).every(vazio);
  return false;
}

function valor(esquemaBruto: Esquema, valores: Record<string, string>, nome: string, obrigatorio: boolean): unknown {
  const e = semNulo(esquemaBruto);
  const alternativas = e.oneOf ?? e.anyOf;
  if (alternativas?.length) {
    const disc = discriminanteDe(alternativas);
    if (!disc) return valores[nome] === undefined || valores[nome] === '' ? undefined : valores[nome];
    const escolhido = valores[`${nome}.${disc}`];
    const alt = alternativas.find((a) => String(a.properties![disc]!.const) === escolhido);
    if (!alt) return obrigatorio ? {} : undefined;
    return { [disc]: alt.properties![disc]!.const, ...dadosDoFormulario({ ...alt, properties: Object.fromEntries(Object.entries(alt.properties ?? {}).filter(([k]) => k !== disc)) }, valores, nome) };
  }
  const tipo = tipoDe(e);
  if (tipo === 'object') {
    const o = dadosDoFormulario(e, valores, nome);
    return !obrigatorio && vazioNoEsquema(e, o) ? undefined : o;
  }
  if (tipo === 'array') {
    const item = e.items ?? {};
    if (item.enum) {
      const marcadas = item.enum.map(String).filter((v) => valores[`${nome}.${v}`] === 'on');
      return marcadas.length || obrigatorio ? marcadas : undefined;
    }
    if (tipoDe(item) === 'object') {
      const n = itensPostados(valores)[nome] ?? 0;
      const lista = Array.from({ length: n }, (_, i) => dadosDoFormulario(item, valores, `${nome}.${i}`)).filter((o) => !vazioNoEsquema(item, o));
      return lista.length || obrigatorio ? lista : undefined;
    }
    const texto = valores[nome];
    if (texto === undefined || texto.trim() === '') return e.default !== undefined ? undefined : obrigatorio ? [] : undefined;
    return texto.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  }
  const bruto = valores[nome];
  if (tipo === 'boolean') return bruto === 'on' || bruto === 'true';
  if (bruto === undefined || bruto === '') return obrigatorio && e.default === undefined && tipo === 'string' && !e.enum ? '' : undefined;
  if (tipo === 'integer' || tipo === 'number') {
    const n = Number(bruto.replace(',', '.'));
    return Number.isFinite(n) ? n : bruto;
  }
  return bruto;
}

export interface ErroCampo {
  campo: string;
  mensagem: string;
}

/** zod issues as the API names them (path joined with dots; the root as "(raiz)"). */
export function errosDoZod(issues: readonly { path: readonly PropertyKey[]; message: string }[]): ErroCampo[] {
  return issues.map((i) => ({ campo: i.path.length ? i.path.map(String).join('.') : '(raiz)', mensagem: i.message }));
}

/** Field errors by field name: the first message of each field is shown next to it. */
export function errosPorCampo(erros: readonly ErroCampo[]): Record<string, string> {
  const r: Record<string, string> = {};
  for (const e of erros) r[e.campo] ??= e.mensagem;
  return r;
}

/**
 * The schema with its local references (`$ref: "#/$defs/…"`, which zod writes for
 * schemas with a meta id) replaced by what they name, so the functions above see
 * plain objects. A reference to itself (a recursive schema) stops at the second level.
 */
export function resolverRefs(raiz: Record<string, unknown>): Esquema {
  const defs = (raiz.$defs ?? {}) as Record<string, unknown>;
  const resolver = (v: unknown, profundidade: number): unknown => {
    if (Array.isArray(v)) return v.map((x) => resolver(x, profundidade));
    if (!v || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    if (typeof o.$ref === 'string' && o.$ref.startsWith('#/$defs/')) {
      const alvo = defs[o.$ref.slice('#/$defs/'.length)];
      const { $ref: _ref, ...resto } = o;
      return profundidade > 8 ? resto : resolver({ ...(alvo as object), ...resto }, profundidade + 1);
    }
    return Object.fromEntries(Object.entries(o).filter(([k]) => k !== '$defs').map(([k, x]) => [k, resolver(x, profundidade)]));
  };
  return resolver(raiz, 0) as Esquema;
}
