/**
 * Which functions a private school's ETAP must have (seed 003: "As
 * Instituições de Ensino devem possuir e cadastrar junto à Secretaria de Estado
 * de Educação, Diretor, Diretor Substituto, Secretário Escolar, Coordenador
 * Pedagógico (para escolas acima de 200 alunos matriculados) e Coordenador
 * Técnico (para escolas que ofertem Educação Profissional), conforme dispõe o
 * artigo 14 da Deliberação CEE nº 388/2020"), and what a Quadro da ETAP lacks.
 *
 * CHOICE — one Coordenador Técnico per curso técnico offered: the Relatório
 * Anual's ofício names a "Coordenador(a) Técnico(a) de ____" and the CRT of
 * Enfermagem is per course; the same person may coordinate more than one
 * course (the seed does not forbid it).
 *
 * Pure and deterministic: safe to import from Temporal workflow code.
 */
import type { MembroQuadro } from './cobertura';
import { normalizarArea } from './formacoes';
import { coordenadorPedagogicoObrigatorio, FONTE_ART_14, FUNCOES_ETAP, MATRICULAS_COORDENADOR_PEDAGOGICO_OBRIGATORIO, type FuncaoEtap } from './qualificacao';

/** What decides the composition: the active enrolments and the cursos técnicos offered. */
export interface PerfilInstituicao {
  readonly matriculasAtivas: number;
  /** Names of the cursos técnicos (Educação Profissional Técnica de Nível Médio) offered; empty: none. */
  readonly cursosTecnicos: readonly string[];
}

export interface FuncaoExigida {
  /** The function, or one of them (Coordenador, Supervisor or Orientador Pedagógico). */
  readonly funcoes: readonly FuncaoEtap[];
  /** Coordenador Técnico: the course. */
  readonly curso?: string;
  /** pt-BR: 'Coordenador Técnico do curso Técnico em Enfermagem'. */
  readonly descricao: string;
  readonly fonte: string;
}

/** The functions the ETAP must have, in the seed's order. */
export function funcoesExigidas(perfil: PerfilInstituicao): FuncaoExigida[] {
  const out: FuncaoExigida[] = [
    { funcoes: ['diretor'], descricao: FUNCOES_ETAP.diretor, fonte: `${FONTE_ART_14}, I` },
    { funcoes: ['diretor-substituto'], descricao: FUNCOES_ETAP['diretor-substituto'], fonte: `${FONTE_ART_14}, I` },
    { funcoes: ['secretario-escolar'], descricao: FUNCOES_ETAP['secretario-escolar'], fonte: `${FONTE_ART_14}, III` },
  ];
  if (coordenadorPedagogicoObrigatorio(perfil.matriculasAtivas)) {
    out.push({
      funcoes: ['coordenador-pedagogico', 'supervisor-pedagogico', 'orientador-pedagogico'],
      descricao: `Coordenador, Supervisor ou Orientador Pedagógico, obrigatório a partir de ${MATRICULAS_COORDENADOR_PEDAGOGICO_OBRIGATORIO.minimo} matrículas ativas; a instituição tem ${perfil.matriculasAtivas}`,
      fonte: MATRICULAS_COORDENADOR_PEDAGOGICO_OBRIGATORIO.fonte,
    });
  }
  for (const curso of perfil.cursosTecnicos) {
    out.push({ funcoes: ['coordenador-tecnico'], curso, descricao: `Coordenador Técnico do curso ${curso}`, fonte: `${FONTE_ART_14}, IV` });
  }
  return out;
}

export interface ConferenciaComposicao {
  readonly completa: boolean;
  readonly faltam: readonly FuncaoExigida[];
  /** pt-BR, one line per function missing. */
  readonly problemas: readonly string[];
}

/** Which required functions no member of the Quadro da ETAP holds. */
export function conferirComposicao(membros: readonly MembroQuadro[], perfil: PerfilInstituicao): ConferenciaComposicao {
  const faltam = funcoesExigidas(perfil).filter(
    (f) =>
      !membros.some(
        (m) => f.funcoes.includes(m.funcao) && (f.curso === undefined || (m.curso !== undefined && normalizarArea(m.curso) === normalizarArea(f.curso))),
      ),
  );
  return {
    completa: faltam.length === 0,
    faltam,
    problemas: faltam.map((f) => `Falta no Quadro da ETAP: ${f.descricao} (${f.fonte}).`),
  };
}
