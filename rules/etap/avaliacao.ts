/**
 * What the COOIE checks of an ETAP request by hand today, as explained results
 * (seed 003, Fluxo para o cadastramento ETAP, item 3): each member's
 * qualification for his function (art. 14 I–IV), the functions the ETAP must
 * have (composição), someone present during all the opening hours (§ 4º),
 * the Coordenador Técnico's hours within the course's and, for Enfermagem,
 * within his CRT, which must be valid and his. Pure: the rite's workflow
 * computes it when the request arrives or is corrected, and refuses the
 * approval while it finds a problem.
 */
import type { RequerimentoEtap } from './acoes';
import { conferirHorarioCoordenadorTecnico, explicarCobertura, lacunasDeCobertura, type Lacuna } from './cobertura';
import { conferirComposicao } from './composicao';
import { conferirCrt } from './crt';
import { normalizarArea } from './formacoes';
import { avaliarQualificacao, FUNCOES_ETAP } from './qualificacao';

export interface AvaliacaoMembro {
  nome: string;
  funcao: string;
  atende: boolean;
  /** The alínea of art. 14 met, or why none is (pt-BR, for the COOIE). */
  explicacao: string;
  /** Coordenador Técnico: hours and CRT findings. */
  problemas: string[];
}

export interface AvaliacaoEtap {
  /** The reference date: courses concluded after it do not count. */
  em: string;
  membros: AvaliacaoMembro[];
  lacunas: Lacuna[];
  cobertura: string;
  composicao: string[];
  /** Every finding that stops the approval, in pt-BR; empty: nothing found. */
  problemas: string[];
}

/** Evaluates the request as it stands on `em` (YYYY-MM-DD). */
export function avaliarRequerimento(r: RequerimentoEtap, em: string): AvaliacaoEtap {
  const cursoDe = (nome?: string) => (nome ? r.cursosTecnicos.find((c) => normalizarArea(c.nome) === normalizarArea(nome)) : undefined);
  const membros = r.membros.map((m): AvaliacaoMembro => {
    const curso = cursoDe(m.curso);
    const q = avaliarQualificacao(
      { funcao: m.funcao, formacoes: m.formacoes, experiencias: m.experiencias },
      { em, ...(m.funcao === 'coordenador-tecnico' && m.curso ? { areaDeAtuacao: m.curso } : {}) },
    );
    const problemas: string[] = [];
    if (m.funcao === 'coordenador-tecnico') {
      if (!curso) problemas.push(`${m.nome}: indique o curso técnico que coordena, entre os cursos informados.`);
      else {
        const h = conferirHorarioCoordenadorTecnico({ coordenador: m.horarios, curso: curso.horarios, enfermagem: curso.enfermagem, ...(m.crt?.horarios ? { horariosCrt: m.crt.horarios } : {}) });
        problemas.push(...h.problemas.map((p) => `${m.nome}: ${p}`));
        if (curso.enfermagem) {
          if (!m.crt) problemas.push(`${m.nome}: apresente o CRT emitido pelo COREN-RJ (Deliberação CEE nº 378/2020, art. 29).`);
          else problemas.push(...conferirCrt(m.crt, { nome: m.nome, cpf: m.cpf }, em).problemas.map((p) => `${m.nome}: ${p}`));
        }
      }
    }
    return { nome: m.nome, funcao: FUNCOES_ETAP[m.funcao], atende: q.atende, explicacao: q.explicacao, problemas };
  });
  const quadro = { membros: r.membros.map((m) => ({ nome: m.nome, funcao: m.funcao, horarios: m.horarios, ...(m.curso ? { curso: m.curso } : {}) })) };
  const lacunas = lacunasDeCobertura(quadro, r.horarioFuncionamento);
  const composicao = conferirComposicao(quadro.membros, { matriculasAtivas: r.matriculasAtivas, cursosTecnicos: r.cursosTecnicos.map((c) => c.nome) }).problemas;
  const problemas = [
    ...membros.filter((m) => !m.atende).map((m) => m.explicacao),
    ...membros.flatMap((m) => m.problemas),
    ...(lacunas.length ? [explicarCobertura(lacunas)] : []),
    ...composicao,
  ];
  return { em, membros, lacunas, cobertura: explicarCobertura(lacunas), composicao: [...composicao], problemas };
}
