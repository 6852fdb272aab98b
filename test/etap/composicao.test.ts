/**
 * Composition of a private school's ETAP (seed 003, Cadastramento … ETAP: "Diretor, Diretor Substituto, Secretário
 * Escolar, Coordenador Pedagógico (para escolas acima de 200 alunos matriculados) e Coordenador Técnico (para escolas
 * que ofertem Educação Profissional)"; art. 14, II: "igual ou superior a 200 matrículas ativas").
 */
import { describe, expect, it } from 'vitest';
import type { MembroQuadro } from '../../rules/etap/cobertura';
import { conferirComposicao, funcoesExigidas } from '../../rules/etap/composicao';

const membro = (funcao: MembroQuadro['funcao'], curso?: string): MembroQuadro => ({ nome: funcao, funcao, horarios: [], ...(curso ? { curso } : {}) });
const BASE = [membro('diretor'), membro('diretor-substituto'), membro('secretario-escolar')];

describe('funções exigidas na ETAP', () => {
  it('escola de 199 matrículas sem curso técnico: Diretor, Diretor-substituto e Secretário', () => {
    expect(funcoesExigidas({ matriculasAtivas: 199, cursosTecnicos: [] }).map((f) => f.funcoes[0])).toEqual(['diretor', 'diretor-substituto', 'secretario-escolar']);
    expect(conferirComposicao(BASE, { matriculasAtivas: 199, cursosTecnicos: [] })).toEqual({ completa: true, faltam: [], problemas: [] });
  });

  it('escola de 200 matrículas: falta o Coordenador Pedagógico; um Orientador Pedagógico o supre', () => {
    const r = conferirComposicao(BASE, { matriculasAtivas: 200, cursosTecnicos: [] });
    expect(r.problemas).toEqual([
      'Falta no Quadro da ETAP: Coordenador, Supervisor ou Orientador Pedagógico, obrigatório a partir de 200 matrículas ativas; a instituição tem 200 (Deliberação CEE nº 388/2020, art. 14, II).',
    ]);
    expect(conferirComposicao([...BASE, membro('orientador-pedagogico')], { matriculasAtivas: 200, cursosTecnicos: [] }).completa).toBe(true);
  });

  it('um Coordenador Técnico por curso técnico', () => {
    const perfil = { matriculasAtivas: 120, cursosTecnicos: ['Técnico em Enfermagem', 'Técnico em Administração'] };
    const r = conferirComposicao([...BASE, membro('coordenador-tecnico', 'tecnico em enfermagem')], perfil);
    expect(r.problemas).toEqual(['Falta no Quadro da ETAP: Coordenador Técnico do curso Técnico em Administração (Deliberação CEE nº 388/2020, art. 14, IV).']);
    const faltaDiretor = conferirComposicao(BASE.slice(1), { matriculasAtivas: 10, cursosTecnicos: [] });
    expect(faltaDiretor.problemas).toEqual(['Falta no Quadro da ETAP: Diretor (Deliberação CEE nº 388/2020, art. 14, I).']);
  });
});
