/**
 * What a person declares about his formation and experience (diplomas,
 * certificates, declarations of service), and the one matcher that checks a
 * declared formation against a requirement of the law, explaining in pt-BR
 * why it does not meet it. Used by the ETAP qualification (qualificacao.ts) and
 * the habilitação de docente (docentes.ts).
 *
 * Pure and deterministic: no clock (the reference date `em` is passed in), no
 * I/O; safe to import from Temporal workflow code.
 */
import { z } from 'zod';
import { dataCivil, texto } from '../campos';

// ------------------------------------------------------------------ kinds

/** Kinds of formation the rules of seed 003 name, with how the explanations call them. */
export const TIPOS_FORMACAO = {
  licenciatura: 'Licenciatura',
  bacharelado: 'Bacharelado',
  tecnologo: 'Curso Superior de Tecnologia',
  'pos-lato-sensu': 'Pós-graduação lato sensu',
  'pos-stricto-sensu': 'Pós-graduação stricto sensu',
  'curso-tecnico': 'Curso Técnico',
  'normal-medio': 'Formação Normal em Nível Médio',
  'qualificacao-profissional': 'Curso de Qualificação Profissional',
  'formacao-em-servico': 'Programa de formação em serviço ou extensão',
  'formacao-pedagogica': 'Programa de formação pedagógica',
  'complementacao-pedagogica': 'Complementação pedagógica',
  'reconhecimento-de-saberes': 'Reconhecimento de saberes profissionais',
} as const;
export type TipoFormacao = keyof typeof TIPOS_FORMACAO;
const CODIGOS_TIPO = Object.keys(TIPOS_FORMACAO) as [TipoFormacao, ...TipoFormacao[]];

/** Graduações (nível superior) — what "graduação original" means for a second licenciatura. */
export const GRADUACOES: readonly TipoFormacao[] = ['licenciatura', 'bacharelado', 'tecnologo'];

/**
 * Who gave the course, as the alíneas distinguish it: "instituição de educação
 * superior credenciada", "parceria com agência pública formadora", "a própria
 * instituição de ensino" (docente, Educação Profissional, alínea e).
 */
export const TIPOS_INSTITUICAO = {
  'ies-credenciada': 'instituição de educação superior credenciada',
  'parceria-agencia-publica': 'parceria com agência pública formadora',
  'propria-instituicao': 'a própria instituição de ensino',
  outra: 'outra instituição',
} as const;
export type TipoInstituicao = keyof typeof TIPOS_INSTITUICAO;
const CODIGOS_INSTITUICAO = Object.keys(TIPOS_INSTITUICAO) as [TipoInstituicao, ...TipoInstituicao[]];

/** Kinds of experience the rules count: Coordenador Técnico (c) and docente of Educação Profissional (b). */
export const FUNCOES_EXPERIENCIA = {
  'profissional-na-area': 'experiência profissional',
  'docencia-educacao-profissional': 'efetivo exercício como professor da Educação Profissional',
} as const;
export type FuncaoExperiencia = keyof typeof FUNCOES_EXPERIENCIA;
const CODIGOS_EXPERIENCIA = Object.keys(FUNCOES_EXPERIENCIA) as [FuncaoExperiencia, ...FuncaoExperiencia[]];

// ------------------------------------------------------------------ input

const anoMaximo = (d: string) => d <= '2099-12-31';

/** One declared formation (a diploma, certificate or declaration). */
export const formacaoSchema = z
  .strictObject({
    tipo: z.enum(CODIGOS_TIPO, { error: `tipo de formação inválido: use ${CODIGOS_TIPO.join(', ')}` }),
    /** The course's area as the diploma names it: 'Pedagogia', 'Gestão Escolar', 'Enfermagem', 'Matemática'. */
    area: texto(200),
    /** Habilitações a licenciatura conferred (Pedagogia: 'Administração Escolar', 'Supervisão Escolar'…). */
    habilitacoes: z.array(texto(200)).max(10, 'no máximo 10 habilitações').optional(),
    /** Licenciatura curta (before Lei 9.394/1996); absent: plena. */
    licenciaturaCurta: z.boolean().optional(),
    /** Carga horária in hours, as the certificate states. */
    cargaHoraria: z.number().int('informe horas inteiras').positive('a carga horária deve ser positiva').max(20000, 'carga horária acima de 20.000 horas').optional(),
    instituicao: texto(200).optional(),
    tipoInstituicao: z.enum(CODIGOS_INSTITUICAO, { error: `tipo de instituição inválido: use ${CODIGOS_INSTITUICAO.join(', ')}` }).optional(),
    inicio: dataCivil.refine(anoMaximo, 'data fora do intervalo').optional(),
    /** Absent: the course is not (shown to be) concluded, and it does not count. */
    conclusao: dataCivil.refine(anoMaximo, 'data fora do intervalo').optional(),
    /** Registration of the diploma or certificate (MEC, SISTEC, conselho), for the record; not evaluated. */
    registro: texto(120).optional(),
  })
  .refine((f) => !f.inicio || !f.conclusao || f.inicio <= f.conclusao, { path: ['conclusao'], message: 'a conclusão não pode ser anterior ao início' });
export type Formacao = z.output<typeof formacaoSchema>;

/** One declared experience (function, area, years). */
export const experienciaSchema = z.strictObject({
  /** Absent: 'profissional-na-area' (the Coordenador Técnico's experience, art. 14, IV, c). */
  funcao: z.enum(CODIGOS_EXPERIENCIA, { error: `função inválida: use ${CODIGOS_EXPERIENCIA.join(', ')}` }).default('profissional-na-area'),
  /** The area of the experience ('Enfermagem'); needed where the rule asks for "na área de atuação". */
  area: texto(200).optional(),
  anos: z.number().nonnegative('os anos não podem ser negativos').max(80, 'no máximo 80 anos'),
});
export type Experiencia = z.input<typeof experienciaSchema>;

// ------------------------------------------------------------------ requirements

/** A formation an alínea requires. Every field present must hold for one declared formation. */
export interface RequisitoFormacao {
  readonly tipo: 'formacao';
  /** pt-BR noun phrase, as the alínea words it: 'Licenciatura Plena em Pedagogia'. */
  readonly descricao: string;
  readonly tipos: readonly TipoFormacao[];
  /** Licenciatura plena only (a licenciatura curta does not meet it). */
  readonly plena?: true;
  /** Accepted areas (the formation's area or one of its habilitações), or the area of the post (contexto.areaDeAtuacao). */
  readonly areas?: readonly string[] | 'area-de-atuacao';
  readonly horasMinimas?: number;
  readonly instituicoes?: readonly TipoInstituicao[];
  /** Started strictly before this date (Secretário, alínea d). */
  readonly iniciadoAntesDe?: { readonly data: string; readonly motivo: string };
  /** A licenciatura in an area other than that of an earlier graduação (docente EP, alínea c). */
  readonly segundaLicenciatura?: true;
}

/** Experience an alínea requires: years summed over the declared experiences of that function (and area). */
export interface RequisitoExperiencia {
  readonly tipo: 'experiencia';
  readonly descricao: string;
  readonly funcao: FuncaoExperiencia;
  readonly naAreaDeAtuacao?: true;
  /** At least this many years ("mínimo de 05 anos"). */
  readonly anosMinimos?: number;
  /** Strictly more than this many years ("mais de 10 anos"). */
  readonly maisDeAnos?: number;
}

export type Requisito = RequisitoFormacao | RequisitoExperiencia;

/** What the evaluation needs besides the person: the reference date and the area of the post. */
export interface ContextoAvaliacao {
  /** Reference date (the day he assumes the function, or the day of the analysis): courses concluded after it do not count. */
  em: string;
  /**
   * The area of the post: the technical course's area (Coordenador Técnico, docente of Educação Profissional,
   * with its correspondente curricular) or the disciplina (docente, anos finais and ensino médio). Several
   * names may be given for the same area.
   */
  areaDeAtuacao?: string | readonly string[];
}

export interface ResultadoRequisito {
  readonly descricao: string;
  readonly atendido: boolean;
  /** Index (in the declared list) of the formation that meets it. */
  readonly formacao?: number;
  /** pt-BR: what meets it, or why nothing does. */
  readonly explicacao: string;
}

// ------------------------------------------------------------------ matching

/** Case, accents, punctuation and spacing do not distinguish two area names. */
export function normalizarArea(area: string): string {
  return area
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const fmtData = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** 'Licenciatura em Matemática (UFRJ, conclusão em 10/12/2010)' — how an explanation names a declared formation. */
export function rotuloFormacao(f: Formacao): string {
  const partes = [f.instituicao, f.conclusao ? `conclusão em ${fmtData(f.conclusao)}` : undefined].filter(Boolean);
  const tipo = f.tipo === 'licenciatura' && f.licenciaturaCurta ? 'Licenciatura curta' : TIPOS_FORMACAO[f.tipo];
  return `${tipo} em ${f.area}${partes.length ? ` (${partes.join(', ')})` : ''}`;
}

function areasDoContexto(ctx: ContextoAvaliacao): string[] {
  const a = ctx.areaDeAtuacao;
  return a === undefined ? [] : typeof a === 'string' ? [a] : [...a];
}

function listaOu(itens: readonly string[]): string {
  if (itens.length <= 1) return itens.join('');
  return `${itens.slice(0, -1).join(', ')} ou ${itens[itens.length - 1]}`;
}

/** Why one formation of an accepted kind fails the requirement (first failing condition), or undefined if it meets it. */
function falhaDaFormacao(r: RequisitoFormacao, f: Formacao, todas: readonly Formacao[], ctx: ContextoAvaliacao): string | undefined {
  if (r.plena && f.tipo === 'licenciatura' && f.licenciaturaCurta) return 'é licenciatura curta; a alínea exige licenciatura plena';
  if (r.areas) {
    const aceitas = r.areas === 'area-de-atuacao' ? areasDoContexto(ctx) : [...r.areas];
    if (r.areas === 'area-de-atuacao' && !aceitas.length) return 'a área de atuação do cargo não foi informada para a conferência';
    const normAceitas = new Set(aceitas.map(normalizarArea));
    const daFormacao = [f.area, ...(f.habilitacoes ?? [])];
    if (!daFormacao.some((a) => normAceitas.has(normalizarArea(a)))) {
      const quais = r.areas === 'area-de-atuacao' ? `a área de atuação (${listaOu(aceitas)})` : listaOu(aceitas);
      return `é da área "${daFormacao.join('", "')}", não ${quais}`;
    }
  }
  if (r.horasMinimas !== undefined) {
    if (f.cargaHoraria === undefined) return `não informa a carga horária; a alínea exige no mínimo ${r.horasMinimas} horas`;
    if (f.cargaHoraria < r.horasMinimas) return `tem ${f.cargaHoraria} horas; a alínea exige no mínimo ${r.horasMinimas} horas`;
  }
  if (r.instituicoes) {
    const exigidas = listaOu(r.instituicoes.map((t) => TIPOS_INSTITUICAO[t]));
    if (!f.tipoInstituicao) return `não informa quem ofereceu o curso; a alínea exige ${exigidas}`;
    if (!r.instituicoes.includes(f.tipoInstituicao)) return `foi oferecido por ${TIPOS_INSTITUICAO[f.tipoInstituicao]}; a alínea exige ${exigidas}`;
  }
  if (r.iniciadoAntesDe) {
    if (!f.inicio) return `não informa a data de início; a alínea exige início antes de ${fmtData(r.iniciadoAntesDe.data)} (${r.iniciadoAntesDe.motivo})`;
    if (f.inicio >= r.iniciadoAntesDe.data) {
      return `começou em ${fmtData(f.inicio)}; a alínea exige início antes de ${fmtData(r.iniciadoAntesDe.data)} (${r.iniciadoAntesDe.motivo})`;
    }
  }
  if (!f.conclusao) return 'não informa a data de conclusão (conclusão não comprovada)';
  if (f.conclusao > ctx.em) return `tem conclusão em ${fmtData(f.conclusao)}, depois da data de referência ${fmtData(ctx.em)}`;
  if (r.segundaLicenciatura) {
    const original = todas.find(
      (g) => g !== f && GRADUACOES.includes(g.tipo) && normalizarArea(g.area) !== normalizarArea(f.area) && g.conclusao !== undefined && g.conclusao <= f.conclusao!,
    );
    if (!original) return 'não há graduação anterior, em outra área, de que esta seja a segunda licenciatura';
  }
  return undefined;
}

function avaliarFormacao(r: RequisitoFormacao, formacoes: readonly Formacao[], ctx: ContextoAvaliacao): ResultadoRequisito {
  const candidatas = formacoes.map((f, i) => ({ f, i })).filter(({ f }) => r.tipos.includes(f.tipo));
  if (!candidatas.length) {
    const tipos = listaOu(r.tipos.map((t) => TIPOS_FORMACAO[t]));
    return { descricao: r.descricao, atendido: false, explicacao: `falta ${r.descricao}: nenhuma formação declarada do tipo ${tipos}` };
  }
  const falhas: string[] = [];
  for (const { f, i } of candidatas) {
    const falha = falhaDaFormacao(r, f, formacoes, ctx);
    if (!falha) return { descricao: r.descricao, atendido: true, formacao: i, explicacao: `${r.descricao}: comprovado por ${rotuloFormacao(f)}` };
    falhas.push(`${rotuloFormacao(f)} ${falha}`);
  }
  return { descricao: r.descricao, atendido: false, explicacao: `falta ${r.descricao}: ${falhas.join('; ')}` };
}

function avaliarExperiencia(r: RequisitoExperiencia, experiencias: readonly Experiencia[], ctx: ContextoAvaliacao): ResultadoRequisito {
  const areas = new Set(areasDoContexto(ctx).map(normalizarArea));
  if (r.naAreaDeAtuacao && !areas.size) {
    return { descricao: r.descricao, atendido: false, explicacao: `${r.descricao}: a área de atuação do cargo não foi informada para a conferência` };
  }
  const contam = experiencias.filter((e) => (e.funcao ?? 'profissional-na-area') === r.funcao && (!r.naAreaDeAtuacao || (e.area !== undefined && areas.has(normalizarArea(e.area)))));
  const anos = contam.reduce((s, e) => s + e.anos, 0);
  const ok = (r.anosMinimos === undefined || anos >= r.anosMinimos) && (r.maisDeAnos === undefined || anos > r.maisDeAnos);
  const exigido = r.anosMinimos !== undefined ? `no mínimo ${r.anosMinimos}` : `mais de ${r.maisDeAnos}`;
  const onde = r.naAreaDeAtuacao ? ` na área de atuação (${listaOu(areasDoContexto(ctx))})` : '';
  const fmtAnos = (n: number) => `${String(n).replace('.', ',')} ${n === 1 ? 'ano' : 'anos'}`;
  return ok
    ? { descricao: r.descricao, atendido: true, explicacao: `${r.descricao}: comprovados ${fmtAnos(anos)}${onde}` }
    : {
        descricao: r.descricao,
        atendido: false,
        explicacao: `${r.descricao}: comprovados ${fmtAnos(anos)} de ${FUNCOES_EXPERIENCIA[r.funcao]}${onde}; a alínea exige ${exigido} anos`,
      };
}

/** Checks one requirement against everything the person declared. */
export function avaliarRequisito(
  r: Requisito,
  pessoa: { readonly formacoes: readonly Formacao[]; readonly experiencias?: readonly Experiencia[] },
  ctx: ContextoAvaliacao,
): ResultadoRequisito {
  return r.tipo === 'formacao' ? avaliarFormacao(r, pessoa.formacoes, ctx) : avaliarExperiencia(r, pessoa.experiencias ?? [], ctx);
}
