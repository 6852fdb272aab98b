/**
 * Minimum qualification of each ETAP function (Equipe Técnico-Administrativo-
 * Pedagógica), Deliberação CEE nº 388/2020, art. 14, items I–IV, as seed 003
 * ("Cadastramento de Alteração da Equipe Técnico-Administrativo-Pedagógica")
 * lists them: each alínea as a row with the seed's own words, its source and
 * the requirements it makes, and one evaluator that answers which alínea a
 * member meets or, for each alínea, why not (pt-BR; the COOIE reads the
 * explanation, not a yes/no).
 *
 * Pure and deterministic: safe to import from Temporal workflow code.
 */
import { z } from 'zod';
import { dataCivil } from '../campos';
import {
  avaliarRequisito,
  experienciaSchema,
  formacaoSchema,
  type ContextoAvaliacao,
  type Experiencia,
  type Formacao,
  type Requisito,
  type ResultadoRequisito,
} from './formacoes';

export const FONTE_ART_14 = 'Deliberação CEE nº 388/2020, art. 14';

// ------------------------------------------------------------------ areas named by the alíneas

/**
 * Area names the alíneas accept, as a diploma may write them (compared without
 * case, accents or punctuation: normalizarArea). The seed writes
 * "Administração Escolar/Educacional ou Gestão Escolar/Educacional": each of the
 * four, and the compound titles as certificates print them.
 */
export const AREAS = {
  pedagogia: ['Pedagogia'],
  gestaoEscolar: [
    'Administração Escolar',
    'Administração Educacional',
    'Gestão Escolar',
    'Gestão Educacional',
    'Administração Escolar/Educacional',
    'Gestão Escolar/Educacional',
  ],
  supervisaoOrientacao: [
    'Supervisão Educacional',
    'Supervisão Escolar',
    'Orientação Educacional',
    'Orientação Escolar',
    'Supervisão Educacional/Escolar',
    'Orientação Educacional/Escolar',
  ],
  educacao: ['Educação'],
  /** "Curso Técnico em Secretaria Escolar", "Secretário de Escola", "em Secretaria Escolar". */
  secretariaEscolar: ['Secretaria Escolar', 'Secretário Escolar', 'Secretário de Escola'],
} as const;

// ------------------------------------------------------------------ the date of alínea III d)

/**
 * Vigência of Resolução CNE/CEB nº 5, de 22 de novembro de 2005 (alínea III d:
 * "Curso de Qualificação Profissional de Secretário de Escola iniciados antes
 * da vigência da Resolução CNE/CEB nº 5, de 22 de novembro de 2005").
 *
 * CHOICE — the seed gives the resolution's date, not the start of its vigência.
 * The resolution (which created the 21ª Área Profissional, Serviços de Apoio
 * Escolar, in the quadros of Resolução CNE/CEB nº 4/1999) enters into force on
 * its publication, which was in the Diário Oficial da União of 25/11/2005,
 * Seção 1 (as the MEC's copy notes under its title). A course started on
 * 22/11/2005 up to 24/11/2005 is therefore "iniciado antes da vigência"; one
 * started on 25/11/2005 is not.
 *
 * NOT CONFIRMED (checked 2026-11-29): seed 003 (line "d) Curso de
 * Qualificação Profissional de Secretário de Escola iniciados antes da
 * vigência da Resolução CNE/CEB nº 5, de 22 de novembro de 2005") and
 * /work/shared/reference give only the resolution's date; the stored public
 * pages and documentation searched (the resolution's title, its "21ª Área
 * Profissional — Serviços de Apoio Escolar", its MEC file name rceb005_05,
 * "entra em vigor na data de sua publicação") hold no copy of the resolution
 * nor of its DOU page. The date above stays the documented choice until a
 * servidor confirms it against the DOU of 25/11/2005 (Seção 1) or the CNE's
 * copy (portal.mec.gov.br, rceb005_05.pdf).
 */
export const VIGENCIA_RESOLUCAO_CNE_CEB_5_2005 = {
  data: '2005-11-25',
  ato: 'Resolução CNE/CEB nº 5, de 22 de novembro de 2005',
  fonte: 'publicação no Diário Oficial da União de 25/11/2005, Seção 1 (vigência na data da publicação); não confirmada: a semente dá só a data da resolução e as fontes públicas consultadas em 29/11/2026 não trazem o texto nem o DOU',
} as const;

// ------------------------------------------------------------------ the table

export const FUNCOES_ETAP = {
  diretor: 'Diretor',
  'diretor-substituto': 'Diretor-substituto',
  'coordenador-pedagogico': 'Coordenador Pedagógico',
  'supervisor-pedagogico': 'Supervisor Pedagógico',
  'orientador-pedagogico': 'Orientador Pedagógico',
  'secretario-escolar': 'Secretário Escolar',
  'coordenador-tecnico': 'Coordenador Técnico',
} as const;
export type FuncaoEtap = keyof typeof FUNCOES_ETAP;
const CODIGOS_FUNCAO = Object.keys(FUNCOES_ETAP) as [FuncaoEtap, ...FuncaoEtap[]];

export type Inciso = 'I' | 'II' | 'III' | 'IV';

/** One alínea of art. 14: the seed's words, its source, and what it requires (all of `requisitos`). */
export interface AlineaQualificacao {
  readonly inciso: Inciso;
  readonly alinea: string;
  /** The seed's wording, verbatim (alínea letter and final punctuation removed). */
  readonly texto: string;
  /** 'Deliberação CEE nº 388/2020, art. 14, I, a' */
  readonly fonte: string;
  readonly requisitos: readonly Requisito[];
  /** A reading the seed leaves open, and the choice made. */
  readonly nota?: string;
}

export interface IncisoQualificacao {
  readonly inciso: Inciso;
  /** The seed's heading of the inciso. */
  readonly texto: string;
  readonly funcoes: readonly FuncaoEtap[];
  readonly alineas: readonly AlineaQualificacao[];
}

const IES_OU_PARCERIA = ['ies-credenciada', 'parceria-agencia-publica'] as const;
const fonte = (inciso: Inciso, alinea: string) => `${FONTE_ART_14}, ${inciso}, ${alinea}`;

const LIC_PLENA_PEDAGOGIA: Requisito = {
  tipo: 'formacao',
  descricao: 'Licenciatura Plena em Pedagogia',
  tipos: ['licenciatura'],
  plena: true,
  areas: AREAS.pedagogia,
};
const STRICTO_EDUCACAO: Requisito = {
  tipo: 'formacao',
  descricao: 'Pós-graduação stricto sensu em Educação',
  tipos: ['pos-stricto-sensu'],
  areas: AREAS.educacao,
};
const LATO_GESTAO_360: Requisito = {
  tipo: 'formacao',
  descricao: 'Pós-graduação lato sensu em Administração Escolar/Educacional ou Gestão Escolar/Educacional, com no mínimo 360 horas, em instituição de educação superior credenciada',
  tipos: ['pos-lato-sensu'],
  areas: AREAS.gestaoEscolar,
  horasMinimas: 360,
  instituicoes: ['ies-credenciada'],
};
const LICENCIATURA: Requisito = { tipo: 'formacao', descricao: 'Licenciatura em Nível Superior', tipos: ['licenciatura'] };
const FORMACAO_PEDAGOGICA_120: Requisito = {
  tipo: 'formacao',
  descricao: 'programa de formação pedagógica com no mínimo 120 horas, em instituição de educação superior credenciada ou por parceria com agência pública formadora',
  tipos: ['formacao-pedagogica'],
  horasMinimas: 120,
  instituicoes: IES_OU_PARCERIA,
};

/**
 * Art. 14, items I–IV, in the seed's order. Item I serves Diretor and
 * Diretor-substituto; item II the Coordenador, Supervisor or Orientador
 * Pedagógico.
 */
export const QUALIFICACAO_ETAP: readonly IncisoQualificacao[] = [
  {
    inciso: 'I',
    texto: 'Diretor e Diretor-substituto com uma das seguintes formações',
    funcoes: ['diretor', 'diretor-substituto'],
    alineas: [
      {
        inciso: 'I',
        alinea: 'a',
        texto: 'Curso de Licenciatura Plena em Pedagogia, ou habilitação em Administração Escolar, Administração Educacional, Gestão Escolar ou Gestão Educacional',
        fonte: fonte('I', 'a'),
        requisitos: [
          {
            tipo: 'formacao',
            descricao: 'Licenciatura Plena em Pedagogia ou com habilitação em Administração Escolar, Administração Educacional, Gestão Escolar ou Gestão Educacional',
            tipos: ['licenciatura'],
            plena: true,
            areas: [...AREAS.pedagogia, ...AREAS.gestaoEscolar],
          },
        ],
        nota: 'A "habilitação" é lida como a de uma licenciatura plena (a habilitação da Pedagogia, ou a licenciatura na própria área): declarada na área ou nas habilitações da licenciatura.',
      },
      {
        inciso: 'I',
        alinea: 'b',
        texto:
          'Curso de Pós-graduação Lato Sensu em Administração Escolar/Educacional ou Gestão Escolar/Educacional, com, no mínimo, 360 (trezentas e sessenta) horas, em instituição de educação superior credenciada e de acordo com as normas federais que tratam da matéria',
        fonte: fonte('I', 'b'),
        requisitos: [LATO_GESTAO_360],
      },
      { inciso: 'I', alinea: 'c', texto: 'Curso de Pós-graduação Stricto Sensu em Educação', fonte: fonte('I', 'c'), requisitos: [STRICTO_EDUCACAO] },
      {
        inciso: 'I',
        alinea: 'd',
        texto:
          'Licenciatura em Nível Superior, habilitado em programa de formação em serviço ou extensão em Administração Escolar / Educacional ou Gestão Escolar / Educacional, com no mínimo 120 (cento e vinte) horas, realizado em instituição de educação superior credenciada ou por meio de parceria com agência pública formadora',
        fonte: fonte('I', 'd'),
        requisitos: [
          LICENCIATURA,
          {
            tipo: 'formacao',
            descricao: 'programa de formação em serviço ou extensão em Administração Escolar/Educacional ou Gestão Escolar/Educacional, com no mínimo 120 horas, em instituição de educação superior credenciada ou por parceria com agência pública formadora',
            tipos: ['formacao-em-servico'],
            areas: AREAS.gestaoEscolar,
            horasMinimas: 120,
            instituicoes: IES_OU_PARCERIA,
          },
        ],
      },
    ],
  },
  {
    inciso: 'II',
    texto: 'Coordenador, Supervisor ou Orientador Pedagógico, obrigatório em instituições de ensino com quantidade igual ou superior a 200 matrículas ativas, com uma das seguintes formações',
    funcoes: ['coordenador-pedagogico', 'supervisor-pedagogico', 'orientador-pedagogico'],
    alineas: [
      { inciso: 'II', alinea: 'a', texto: 'Curso de Licenciatura Plena em Pedagogia', fonte: fonte('II', 'a'), requisitos: [LIC_PLENA_PEDAGOGIA] },
      {
        inciso: 'II',
        alinea: 'b',
        texto:
          'Curso de pós-graduação lato sensu em Supervisão ou Orientação Educacional/Escolar, com, no mínimo, 360 (trezentas e sessenta) horas, em instituição de educação superior credenciada e de acordo com as normas federais que tratam da matéria',
        fonte: fonte('II', 'b'),
        requisitos: [
          {
            tipo: 'formacao',
            descricao: 'Pós-graduação lato sensu em Supervisão ou Orientação Educacional/Escolar, com no mínimo 360 horas, em instituição de educação superior credenciada',
            tipos: ['pos-lato-sensu'],
            areas: AREAS.supervisaoOrientacao,
            horasMinimas: 360,
            instituicoes: ['ies-credenciada'],
          },
        ],
      },
      { inciso: 'II', alinea: 'c', texto: 'Curso de Pós-graduação stricto sensu em Educação', fonte: fonte('II', 'c'), requisitos: [STRICTO_EDUCACAO] },
      {
        inciso: 'II',
        alinea: 'd',
        // The seed's text carries a stray "7" (a page number of the source PDF): kept verbatim.
        texto:
          'Licenciado em Nível Superior, habilitado em programa de formação em serviço ou extensão em Supervisão ou Orientação Educacional/Escolar, com 7 no mínimo 120 (cento e vinte) horas, realizado em instituição de educação superior credenciada ou por meio de parceria com agência pública formadora',
        fonte: fonte('II', 'd'),
        requisitos: [
          LICENCIATURA,
          {
            tipo: 'formacao',
            descricao: 'programa de formação em serviço ou extensão em Supervisão ou Orientação Educacional/Escolar, com no mínimo 120 horas, em instituição de educação superior credenciada ou por parceria com agência pública formadora',
            tipos: ['formacao-em-servico'],
            areas: AREAS.supervisaoOrientacao,
            horasMinimas: 120,
            instituicoes: IES_OU_PARCERIA,
          },
        ],
      },
    ],
  },
  {
    inciso: 'III',
    texto: 'Secretário escolar com uma das seguintes formações',
    funcoes: ['secretario-escolar'],
    alineas: [
      {
        inciso: 'III',
        alinea: 'a',
        texto: 'Curso Técnico em Secretaria Escolar',
        fonte: fonte('III', 'a'),
        requisitos: [{ tipo: 'formacao', descricao: 'Curso Técnico em Secretaria Escolar', tipos: ['curso-tecnico'], areas: AREAS.secretariaEscolar }],
      },
      { inciso: 'III', alinea: 'b', texto: 'Licenciatura Plena em Pedagogia', fonte: fonte('III', 'b'), requisitos: [LIC_PLENA_PEDAGOGIA] },
      {
        inciso: 'III',
        alinea: 'c',
        texto:
          'Curso de Pós-graduação lato sensu em Administração Escolar/Educacional ou Gestão Escolar/Educacional, com, no mínimo, 360 (trezentas e sessenta) horas, em instituição de educação superior credenciada e de acordo com as normas federais que tratam da matéria',
        fonte: fonte('III', 'c'),
        requisitos: [LATO_GESTAO_360],
      },
      {
        inciso: 'III',
        alinea: 'd',
        texto: 'Curso de Qualificação Profissional de Secretário de Escola iniciados antes da vigência da Resolução CNE/CEB nº 5, de 22 de novembro de 2005',
        fonte: fonte('III', 'd'),
        requisitos: [
          {
            tipo: 'formacao',
            descricao: 'Curso de Qualificação Profissional de Secretário de Escola iniciado antes da vigência da Resolução CNE/CEB nº 5/2005',
            tipos: ['qualificacao-profissional'],
            areas: AREAS.secretariaEscolar,
            iniciadoAntesDe: {
              data: VIGENCIA_RESOLUCAO_CNE_CEB_5_2005.data,
              motivo: `vigência da ${VIGENCIA_RESOLUCAO_CNE_CEB_5_2005.ato}, publicada no DOU de 25/11/2005`,
            },
          },
        ],
        nota: 'Data de vigência: VIGENCIA_RESOLUCAO_CNE_CEB_5_2005 (escolha documentada ali).',
      },
      { inciso: 'III', alinea: 'e', texto: 'Curso de Pós-graduação stricto sensu em Educação', fonte: fonte('III', 'e'), requisitos: [STRICTO_EDUCACAO] },
      {
        inciso: 'III',
        alinea: 'f',
        texto:
          'Licenciatura em Nível Superior ou Formação Normal em Nível Médio, habilitado em programa de formação em serviço ou extensão em Secretaria Escolar, com no mínimo 120 (cento e vinte) horas, realizado em instituição de educação superior credenciada ou por meio de parceria com agência pública formadora',
        fonte: fonte('III', 'f'),
        requisitos: [
          { tipo: 'formacao', descricao: 'Licenciatura em Nível Superior ou Formação Normal em Nível Médio', tipos: ['licenciatura', 'normal-medio'] },
          {
            tipo: 'formacao',
            descricao: 'programa de formação em serviço ou extensão em Secretaria Escolar, com no mínimo 120 horas, em instituição de educação superior credenciada ou por parceria com agência pública formadora',
            tipos: ['formacao-em-servico'],
            areas: AREAS.secretariaEscolar,
            horasMinimas: 120,
            instituicoes: IES_OU_PARCERIA,
          },
        ],
      },
    ],
  },
  {
    inciso: 'IV',
    texto: 'Coordenador Técnico, para oferta de Educação Profissional Técnica de Nível Médio',
    funcoes: ['coordenador-tecnico'],
    alineas: [
      {
        inciso: 'IV',
        alinea: 'a',
        texto:
          'Bacharelado na área de atuação, acrescido de programa de formação pedagógica, com no mínimo 120 (cento e vinte) horas, realizado em instituição de educação superior credenciada, ou por meio de parceria com agência pública formadora',
        fonte: fonte('IV', 'a'),
        requisitos: [{ tipo: 'formacao', descricao: 'Bacharelado na área de atuação', tipos: ['bacharelado'], areas: 'area-de-atuacao' }, FORMACAO_PEDAGOGICA_120],
      },
      {
        inciso: 'IV',
        alinea: 'b',
        // "autuação" is the seed's typo for "atuação": kept verbatim.
        texto:
          'Pós-graduação na área de autuação, acrescida de programa de formação pedagógica, com no mínimo 120 (cento e vinte) horas, realizado em instituição de educação superior credenciada, ou por meio de parceria com agência pública formadora',
        fonte: fonte('IV', 'b'),
        requisitos: [
          { tipo: 'formacao', descricao: 'Pós-graduação na área de atuação', tipos: ['pos-lato-sensu', 'pos-stricto-sensu'], areas: 'area-de-atuacao' },
          FORMACAO_PEDAGOGICA_120,
        ],
        nota: 'Pós-graduação lato ou stricto sensu: a alínea não distingue.',
      },
      {
        inciso: 'IV',
        alinea: 'c',
        texto:
          'Licenciatura em Nível Superior, acrescido de formação em curso técnico na área de atuação, comprovado o mínimo de 05 (cinco) anos de experiência profissional na área de atuação',
        fonte: fonte('IV', 'c'),
        requisitos: [
          LICENCIATURA,
          { tipo: 'formacao', descricao: 'Curso Técnico na área de atuação', tipos: ['curso-tecnico'], areas: 'area-de-atuacao' },
          { tipo: 'experiencia', descricao: 'experiência profissional na área de atuação', funcao: 'profissional-na-area', naAreaDeAtuacao: true, anosMinimos: 5 },
        ],
      },
    ],
  },
];

/** The inciso of art. 14 that governs a function. */
export function incisoDaFuncao(funcao: FuncaoEtap): IncisoQualificacao {
  const i = QUALIFICACAO_ETAP.find((x) => x.funcoes.includes(funcao));
  if (!i) throw new Error(`função sem inciso: ${funcao}`);
  return i;
}

// ------------------------------------------------------------------ Coordenador Pedagógico mandatory

/**
 * "obrigatório em instituições de ensino com quantidade igual ou superior a 200
 * matrículas ativas" (art. 14, II). The seed's introduction to the ETAP says
 * "para escolas acima de 200 alunos matriculados"; the article's own words
 * (200 included, active enrolments) win over the guide's paraphrase.
 */
export const MATRICULAS_COORDENADOR_PEDAGOGICO_OBRIGATORIO = { minimo: 200, fonte: `${FONTE_ART_14}, II` } as const;

/** Is a Coordenador (Supervisor, Orientador) Pedagógico mandatory with this many active enrolments? From 200 on. */
export function coordenadorPedagogicoObrigatorio(matriculasAtivas: number): boolean {
  if (!Number.isInteger(matriculasAtivas) || matriculasAtivas < 0) throw new RangeError('matriculasAtivas: informe um número inteiro não negativo');
  return matriculasAtivas >= MATRICULAS_COORDENADOR_PEDAGOGICO_OBRIGATORIO.minimo;
}

// ------------------------------------------------------------------ evaluation

/** A member of the ETAP as declared in the request: his function and what he proves. */
export const membroEtapSchema = z.strictObject({
  funcao: z.enum(CODIGOS_FUNCAO, { error: `função inválida: use ${CODIGOS_FUNCAO.join(', ')}` }),
  formacoes: z.array(formacaoSchema).max(30, 'no máximo 30 formações'),
  experiencias: z.array(experienciaSchema).max(30, 'no máximo 30 experiências').optional(),
});
export type MembroEtap = z.output<typeof membroEtapSchema>;

export const contextoQualificacaoSchema = z.strictObject({
  em: dataCivil,
  /** Coordenador Técnico: the technical course's area (and names of the same area). */
  areaDeAtuacao: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1).max(10)]).optional(),
});

export interface ResultadoAlinea {
  readonly inciso: Inciso;
  readonly alinea: string;
  readonly texto: string;
  readonly fonte: string;
  readonly atendida: boolean;
  readonly requisitos: readonly ResultadoRequisito[];
  /** pt-BR: each requisito not met, and why (empty when met). */
  readonly motivos: readonly string[];
  /** pt-BR: why the alínea is met, or every reason it is not. */
  readonly explicacao: string;
}

export interface ResultadoQualificacao {
  readonly funcao: FuncaoEtap;
  readonly inciso: Inciso;
  readonly atende: boolean;
  /** The first alínea met, in the seed's order. */
  readonly alineaAtendida?: string;
  readonly alineas: readonly ResultadoAlinea[];
  /** pt-BR summary for the COOIE. */
  readonly explicacao: string;
}

/** Evaluates one alínea: all its requisitos must be met. */
export function avaliarAlinea(
  a: Pick<AlineaQualificacao, 'inciso' | 'alinea' | 'texto' | 'fonte' | 'requisitos'> & { readonly rotulo?: string },
  pessoa: { formacoes: readonly Formacao[]; experiencias?: readonly Experiencia[] },
  ctx: ContextoAvaliacao,
): ResultadoAlinea {
  const requisitos = a.requisitos.map((r) => avaliarRequisito(r, pessoa, ctx));
  const atendida = requisitos.every((r) => r.atendido);
  const rotulo = a.rotulo ?? `alínea ${a.alinea} do inciso ${a.inciso}`;
  const motivos = requisitos.filter((r) => !r.atendido).map((r) => r.explicacao);
  const explicacao = atendida
    ? `Atende à ${rotulo} (${a.fonte}): ${requisitos.map((r) => r.explicacao).join('; ')}.`
    : `Não atende à ${rotulo}: ${motivos.join('; ')}.`;
  return { inciso: a.inciso, alinea: a.alinea, texto: a.texto, fonte: a.fonte, atendida, requisitos, motivos, explicacao };
}

/**
 * Which alínea of art. 14 a member meets for his function, or why he meets
 * none. `ctx.em` is the reference date (courses concluded after it do not
 * count); `ctx.areaDeAtuacao` is needed for the Coordenador Técnico.
 */
export function avaliarQualificacao(membro: MembroEtap, ctx: ContextoAvaliacao): ResultadoQualificacao {
  const inciso = incisoDaFuncao(membro.funcao);
  const alineas = inciso.alineas.map((a) => avaliarAlinea(a, membro, ctx));
  const primeira = alineas.find((a) => a.atendida);
  const nome = FUNCOES_ETAP[membro.funcao];
  const explicacao = primeira
    ? `${nome}: ${primeira.explicacao.charAt(0).toLowerCase()}${primeira.explicacao.slice(1)}`
    : `${nome}: não comprovou nenhuma das formações da ${FONTE_ART_14}, ${inciso.inciso}. ${alineas
        .map((a) => `${a.alinea}) ${a.motivos.join('; ')}.`)
        .join(' ')}`;
  return { funcao: membro.funcao, inciso: inciso.inciso, atende: !!primeira, alineaAtendida: primeira?.alinea, alineas, explicacao };
}
