/**
 * Habilitação de Docente: the minimum formation to teach, per stage,
 * Deliberação CEE nº 388/2020 art. 15 as seed 003 ("Habilitação de Docente")
 * lists it, as data with the seed's words, and the evaluator that says which
 * formation habilitates a docente for a stage or why none does (pt-BR). The
 * inspeção checks it in the same visits as the ETAP.
 *
 * Pure and deterministic: safe to import from Temporal workflow code.
 */
import { z } from 'zod';
import { dataCivil } from '../campos';
import { experienciaSchema, formacaoSchema, type Requisito } from './formacoes';
import { avaliarAlinea, type ResultadoAlinea } from './qualificacao';

export const FONTE_ART_15 = 'Deliberação CEE nº 388/2020, art. 15';

/**
 * The stages the seed gives a rule for. The seed also names the Curso Normal
 * among the stages taught by licenciados em nível superior, but lists no rule
 * of its own for it: it is not evaluated here.
 */
export const ETAPAS_DOCENCIA = {
  'educacao-infantil': 'Educação Infantil',
  'anos-iniciais': 'Anos Iniciais do Ensino Fundamental',
  'anos-finais': 'Anos Finais do Ensino Fundamental',
  'ensino-medio': 'Ensino Médio',
  'educacao-profissional': 'Educação Profissional Técnica de Nível Médio, disciplinas técnicas',
} as const;
export type EtapaDocencia = keyof typeof ETAPAS_DOCENCIA;
const CODIGOS_ETAPA = Object.keys(ETAPAS_DOCENCIA) as [EtapaDocencia, ...EtapaDocencia[]];

/**
 * "O prazo para a o cumprimento da excepcionalidade prevista no inciso III deste
 * artigo, para formação pedagógica dos docentes em efetivo exercício da
 * profissão, encerrar-se-á no ano de 2025."
 *
 * CHOICE — "encerrar-se-á no ano de 2025" is read as: the exceptions a)–e) of
 * the Educação Profissional habilitate up to 31/12/2025 (the last day of that
 * year); from 01/01/2026 on only the licenciatura na área profissional does.
 * The limit applies to all five alíneas, since the seed calls all of them "em
 * caráter excepcional" under the same inciso III.
 */
export const LIMITE_EXCEPCIONALIDADE_EDUCACAO_PROFISSIONAL = {
  ate: '2025-12-31',
  fonte: `${FONTE_ART_15}, III`,
} as const;

/** One formation that habilitates: the rule itself ('regra') or an admitted alternative / exception. */
export interface HabilitacaoDocente {
  /** 'regra', 'admitida', or the exception's letter 'a'–'e'. */
  readonly alinea: string;
  readonly texto: string;
  readonly fonte: string;
  readonly requisitos: readonly Requisito[];
  /** Exceptions of the Educação Profissional, ended with 2025. */
  readonly excepcional?: true;
  /** What the alínea leaves to the COOIE's judgement, shown with the result. */
  readonly observacao?: string;
}

export interface RegraDocencia {
  /** Inciso of art. 15 as the seed's note numbers the Educação Profissional (III); I and II by the seed's order. */
  readonly inciso: 'I' | 'II' | 'III';
  /** The seed's heading. */
  readonly titulo: string;
  readonly etapas: readonly EtapaDocencia[];
  readonly habilitacoes: readonly HabilitacaoDocente[];
}

const fonte = (inciso: string, alinea?: string) => `${FONTE_ART_15}, ${inciso}${alinea ? `, ${alinea}` : ''}`;
const SEM_AREA = 'A alínea não exige que esta formação seja na área profissional do curso: a pertinência com as disciplinas fica à conferência da COOIE.';

export const HABILITACAO_DOCENTE: readonly RegraDocencia[] = [
  {
    inciso: 'I',
    titulo: 'Para Docência na Educação Infantil e nos Anos Iniciais do Ensino Fundamental',
    etapas: ['educacao-infantil', 'anos-iniciais'],
    habilitacoes: [
      {
        alinea: 'regra',
        texto: 'Licenciatura Plena em Pedagogia',
        fonte: fonte('I'),
        requisitos: [{ tipo: 'formacao', descricao: 'Licenciatura Plena em Pedagogia', tipos: ['licenciatura'], plena: true, areas: ['Pedagogia'] }],
      },
      {
        alinea: 'admitida',
        texto: 'admitindo-se ainda a formação em Nível Médio, na Modalidade Normal',
        fonte: fonte('I'),
        requisitos: [{ tipo: 'formacao', descricao: 'formação em Nível Médio, na Modalidade Normal', tipos: ['normal-medio'] }],
      },
    ],
  },
  {
    inciso: 'II',
    titulo: 'Para docência nos Anos Finais do Ensino Fundamental e/ou no Ensino Médio',
    etapas: ['anos-finais', 'ensino-medio'],
    habilitacoes: [
      {
        alinea: 'regra',
        texto: 'Licenciatura Plena na disciplina específica',
        fonte: fonte('II'),
        requisitos: [{ tipo: 'formacao', descricao: 'Licenciatura Plena na disciplina', tipos: ['licenciatura'], plena: true, areas: 'area-de-atuacao' }],
      },
      {
        alinea: 'admitida',
        texto: 'admitindo-se a formação mediante complementação pedagógica em instituição de educação superior credenciada',
        fonte: fonte('II'),
        requisitos: [
          {
            tipo: 'formacao',
            descricao: 'complementação pedagógica na disciplina, em instituição de educação superior credenciada',
            tipos: ['complementacao-pedagogica'],
            areas: 'area-de-atuacao',
            instituicoes: ['ies-credenciada'],
          },
        ],
      },
    ],
  },
  {
    inciso: 'III',
    titulo: 'Para atuar na Educação Profissional Técnica de Nível Médio, exclusivamente nas disciplinas técnicas',
    etapas: ['educacao-profissional'],
    habilitacoes: [
      {
        alinea: 'regra',
        texto: 'Licenciatura na área profissional do curso ou no correspondente curricular',
        fonte: fonte('III'),
        requisitos: [{ tipo: 'formacao', descricao: 'Licenciatura na área profissional do curso ou no correspondente curricular', tipos: ['licenciatura'], areas: 'area-de-atuacao' }],
      },
      {
        alinea: 'a',
        texto: 'Bacharelado com Pós-graduação Lato Sensu nas áreas de Educação ou Ensino',
        fonte: fonte('III', 'a'),
        excepcional: true,
        requisitos: [
          { tipo: 'formacao', descricao: 'Bacharelado', tipos: ['bacharelado'] },
          { tipo: 'formacao', descricao: 'Pós-graduação Lato Sensu nas áreas de Educação ou Ensino', tipos: ['pos-lato-sensu'], areas: ['Educação', 'Ensino'] },
        ],
        observacao: SEM_AREA,
      },
      {
        alinea: 'b',
        texto: 'Reconhecimento total ou parcial dos saberes profissionais de docentes, com mais de 10 (dez) anos de efetivo exercício como professores da Educação Profissional',
        fonte: fonte('III', 'b'),
        excepcional: true,
        requisitos: [
          { tipo: 'formacao', descricao: 'reconhecimento total ou parcial dos saberes profissionais', tipos: ['reconhecimento-de-saberes'] },
          { tipo: 'experiencia', descricao: 'efetivo exercício como professor da Educação Profissional', funcao: 'docencia-educacao-profissional', maisDeAnos: 10 },
        ],
      },
      {
        alinea: 'c',
        texto: 'Segunda Licenciatura em Nível Superior, diversa da sua graduação original, a qual o habilitará ao exercício docente',
        fonte: fonte('III', 'c'),
        excepcional: true,
        requisitos: [{ tipo: 'formacao', descricao: 'Segunda Licenciatura em Nível Superior, diversa da graduação original', tipos: ['licenciatura'], segundaLicenciatura: true }],
        observacao: SEM_AREA,
      },
      {
        alinea: 'd',
        texto: 'Licenciatura em Nível Superior, acrescida de Formação em curso técnico na área de atuação',
        fonte: fonte('III', 'd'),
        excepcional: true,
        requisitos: [
          { tipo: 'formacao', descricao: 'Licenciatura em Nível Superior', tipos: ['licenciatura'] },
          { tipo: 'formacao', descricao: 'curso técnico na área de atuação', tipos: ['curso-tecnico'], areas: 'area-de-atuacao' },
        ],
      },
      {
        alinea: 'e',
        texto: 'Bacharelado com Pós-graduação na área de atuação, acrescido um programa especial de formação pedagógica em serviço, com no mínimo 120 horas, desenvolvido pela própria instituição de ensino',
        fonte: fonte('III', 'e'),
        excepcional: true,
        requisitos: [
          { tipo: 'formacao', descricao: 'Bacharelado', tipos: ['bacharelado'] },
          { tipo: 'formacao', descricao: 'Pós-graduação na área de atuação', tipos: ['pos-lato-sensu', 'pos-stricto-sensu'], areas: 'area-de-atuacao' },
          {
            tipo: 'formacao',
            descricao: 'programa especial de formação pedagógica em serviço, com no mínimo 120 horas, desenvolvido pela própria instituição de ensino',
            tipos: ['formacao-pedagogica'],
            horasMinimas: 120,
            instituicoes: ['propria-instituicao'],
          },
        ],
      },
    ],
  },
];

export const docenteSchema = z.strictObject({
  etapa: z.enum(CODIGOS_ETAPA, { error: `etapa inválida: use ${CODIGOS_ETAPA.join(', ')}` }),
  formacoes: z.array(formacaoSchema).max(30, 'no máximo 30 formações'),
  experiencias: z.array(experienciaSchema).max(30, 'no máximo 30 experiências').optional(),
});
export type Docente = z.output<typeof docenteSchema>;

export const contextoDocenteSchema = z.strictObject({
  em: dataCivil,
  /** The disciplina (anos finais, ensino médio) or the course's área profissional and its correspondente curricular (EP). */
  areaDeAtuacao: z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1).max(10)]).optional(),
});
export type ContextoDocente = z.output<typeof contextoDocenteSchema>;

export interface ResultadoHabilitacao extends ResultadoAlinea {
  readonly excepcional: boolean;
  /** An exception whose formation is there but whose time ended (met it up to 31/12/2025). */
  readonly encerradaEm2025?: true;
  readonly observacao?: string;
}

export interface ResultadoDocente {
  readonly etapa: EtapaDocencia;
  readonly habilitado: boolean;
  /** 'regra', 'admitida' or the exception's letter: the first met, in the seed's order. */
  readonly habilitacaoAtendida?: string;
  readonly habilitacoes: readonly ResultadoHabilitacao[];
  readonly explicacao: string;
}

export function regraDaEtapa(etapa: EtapaDocencia): RegraDocencia {
  const r = HABILITACAO_DOCENTE.find((x) => x.etapas.includes(etapa));
  if (!r) throw new Error(`etapa sem regra: ${etapa}`);
  return r;
}

/**
 * Is a docente habilitated for a stage on `ctx.em`, and by which formation; or,
 * for each formation the seed admits, why not. The Educação Profissional's
 * exceptions count only up to LIMITE_EXCEPCIONALIDADE_EDUCACAO_PROFISSIONAL.
 */
export function avaliarDocente(docente: Docente, ctx: ContextoDocente): ResultadoDocente {
  const regra = regraDaEtapa(docente.etapa);
  const habilitacoes = regra.habilitacoes.map((h): ResultadoHabilitacao => {
    const rotulo =
      h.alinea === 'regra' ? `regra do inciso ${regra.inciso}` : h.alinea === 'admitida' ? `formação admitida pelo inciso ${regra.inciso}` : `alínea ${h.alinea} do inciso ${regra.inciso}`;
    const r = avaliarAlinea({ inciso: regra.inciso, alinea: h.alinea, texto: h.texto, fonte: h.fonte, requisitos: h.requisitos, rotulo }, docente, ctx);
    const base = { ...r, excepcional: !!h.excepcional, ...(h.observacao ? { observacao: h.observacao } : {}) };
    if (h.excepcional && r.atendida && ctx.em > LIMITE_EXCEPCIONALIDADE_EDUCACAO_PROFISSIONAL.ate) {
      return {
        ...base,
        atendida: false,
        encerradaEm2025: true,
        motivos: [`excepcionalidade encerrada no ano de 2025`],
        explicacao: `A formação corresponde à alínea ${h.alinea} do inciso III, mas o prazo da excepcionalidade encerrou-se no ano de 2025 (${LIMITE_EXCEPCIONALIDADE_EDUCACAO_PROFISSIONAL.fonte}); desde 01/01/2026 só a licenciatura na área profissional do curso ou no correspondente curricular habilita.`,
      };
    }
    return base;
  });
  const primeira = habilitacoes.find((h) => h.atendida);
  const etapa = ETAPAS_DOCENCIA[docente.etapa];
  const explicacao = primeira
    ? `Habilitado para ${etapa}: ${primeira.explicacao.charAt(0).toLowerCase()}${primeira.explicacao.slice(1)}${primeira.observacao ? ` ${primeira.observacao}` : ''}`
    : `Não habilitado para ${etapa} (${FONTE_ART_15}, ${regra.inciso}): ${habilitacoes.map((h) => h.explicacao).join(' ')}`;
  return { etapa: docente.etapa, habilitado: !!primeira, habilitacaoAtendida: primeira?.alinea, habilitacoes, explicacao };
}
