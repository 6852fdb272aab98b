/**
 * Habilitação de Docente (Deliberação CEE nº 388/2020 art. 15, as seed 003
 * lists it under "Habilitação de Docente"). Each case names the rule it
 * exercises; the inciso numbers follow the seed's note ("a excepcionalidade
 * prevista no inciso III") for the Educação Profissional.
 */
import { describe, expect, it } from 'vitest';
import { avaliarDocente, HABILITACAO_DOCENTE, LIMITE_EXCEPCIONALIDADE_EDUCACAO_PROFISSIONAL, type Docente } from '../../rules/etap/docentes';
import type { Formacao } from '../../rules/etap/formacoes';
import { alineas, entre, LINHAS } from './seed';

const EM = '2026-12-01';

describe('a tabela do art. 15 é a do seed', () => {
  it('títulos de cada etapa e textos da regra e das formações admitidas, palavra por palavra', () => {
    for (const r of HABILITACAO_DOCENTE) {
      expect(LINHAS).toContain(r.titulo);
      const i = LINHAS.indexOf(r.titulo);
      const linha = LINHAS[i + 1];
      const [regra, ...admitidas] = r.habilitacoes.filter((h) => !h.excepcional);
      expect(linha.startsWith(regra.texto)).toBe(true);
      for (const a of admitidas) expect(linha).toContain(a.texto);
    }
  });

  it('Educação Profissional: as exceções a–e com o texto do seed', () => {
    const ep = HABILITACAO_DOCENTE.find((r) => r.inciso === 'III')!;
    const excecoes = ep.habilitacoes.filter((h) => h.excepcional).map((h) => ({ alinea: h.alinea, texto: h.texto }));
    expect(excecoes).toEqual(alineas(entre('Licenciatura na área profissional do curso', 'ATENÇÃO: O prazo')));
    expect(excecoes.map((e) => e.alinea).join('')).toBe('abcde');
  });
});

describe('Educação Infantil e Anos Iniciais (art. 15, I)', () => {
  it('Licenciatura Plena em Pedagogia habilita (regra); Normal médio é admitida; Letras não', () => {
    const ped: Formacao = { tipo: 'licenciatura', area: 'Pedagogia', conclusao: '2010-12-01' };
    expect(avaliarDocente({ etapa: 'educacao-infantil', formacoes: [ped] }, { em: EM }).habilitacaoAtendida).toBe('regra');
    const normal: Formacao = { tipo: 'normal-medio', area: 'Formação de Professores', conclusao: '1999-12-01' };
    expect(avaliarDocente({ etapa: 'anos-iniciais', formacoes: [normal] }, { em: EM }).habilitacaoAtendida).toBe('admitida');
    const letras = avaliarDocente({ etapa: 'anos-iniciais', formacoes: [{ tipo: 'licenciatura', area: 'Letras', conclusao: '2010-12-01' }] }, { em: EM });
    expect(letras.habilitado).toBe(false);
    expect(letras.explicacao).toContain('Não habilitado para Anos Iniciais do Ensino Fundamental (Deliberação CEE nº 388/2020, art. 15, I)');
    expect(letras.explicacao).toContain('é da área "Letras", não Pedagogia');
  });
});

describe('Anos Finais e Ensino Médio (art. 15, II)', () => {
  it('Licenciatura Plena em Matemática habilita para Matemática, não para Física', () => {
    const mat: Docente = { etapa: 'anos-finais', formacoes: [{ tipo: 'licenciatura', area: 'Matemática', conclusao: '2012-12-01' }] };
    expect(avaliarDocente(mat, { em: EM, areaDeAtuacao: 'Matemática' }).habilitacaoAtendida).toBe('regra');
    const r = avaliarDocente({ ...mat, etapa: 'ensino-medio' }, { em: EM, areaDeAtuacao: 'Física' });
    expect(r.habilitado).toBe(false);
    expect(r.habilitacoes[0].explicacao).toContain('Licenciatura em Matemática (conclusão em 01/12/2012) é da área "Matemática", não a área de atuação (Física)');
  });

  it('bacharel com complementação pedagógica na disciplina em IES credenciada é admitido; fora de IES não', () => {
    const comp: Formacao = { tipo: 'complementacao-pedagogica', area: 'Química', cargaHoraria: 540, tipoInstituicao: 'ies-credenciada', conclusao: '2019-07-01' };
    const doc: Docente = { etapa: 'ensino-medio', formacoes: [{ tipo: 'bacharelado', area: 'Química', conclusao: '2015-12-01' }, comp] };
    expect(avaliarDocente(doc, { em: EM, areaDeAtuacao: 'Química' }).habilitacaoAtendida).toBe('admitida');
    const fora = avaliarDocente({ ...doc, formacoes: [{ ...comp, tipoInstituicao: 'outra' }] }, { em: EM, areaDeAtuacao: 'Química' });
    expect(fora.habilitado).toBe(false);
  });
});

describe('Educação Profissional, disciplinas técnicas (art. 15, III) e o limite de 2025', () => {
  const ctx = (em: string) => ({ em, areaDeAtuacao: ['Enfermagem'] });
  const bach: Formacao = { tipo: 'bacharelado', area: 'Enfermagem', conclusao: '2010-12-01' };

  it('regra: licenciatura em Enfermagem habilita, antes e depois de 2025', () => {
    const lic: Docente = { etapa: 'educacao-profissional', formacoes: [{ tipo: 'licenciatura', area: 'Enfermagem', conclusao: '2014-12-01' }] };
    expect(avaliarDocente(lic, ctx('2025-06-01')).habilitacaoAtendida).toBe('regra');
    expect(avaliarDocente(lic, ctx(EM)).habilitacaoAtendida).toBe('regra');
  });

  it('a) bacharel com lato sensu em Educação: habilita em 31/12/2025, não em 01/01/2026', () => {
    const lato: Formacao = { tipo: 'pos-lato-sensu', area: 'Ensino', cargaHoraria: 360, conclusao: '2018-12-01' };
    const doc: Docente = { etapa: 'educacao-profissional', formacoes: [bach, lato] };
    expect(LIMITE_EXCEPCIONALIDADE_EDUCACAO_PROFISSIONAL.ate).toBe('2025-12-31');
    const ate = avaliarDocente(doc, ctx('2025-12-31'));
    expect(ate.habilitacaoAtendida).toBe('a');
    expect(ate.explicacao).toContain('A alínea não exige que esta formação seja na área profissional do curso');
    const depois = avaliarDocente(doc, ctx('2026-01-01'));
    expect(depois.habilitado).toBe(false);
    const a = depois.habilitacoes.find((h) => h.alinea === 'a')!;
    expect(a.encerradaEm2025).toBe(true);
    expect(a.explicacao).toBe(
      'A formação corresponde à alínea a do inciso III, mas o prazo da excepcionalidade encerrou-se no ano de 2025 (Deliberação CEE nº 388/2020, art. 15, III); desde 01/01/2026 só a licenciatura na área profissional do curso ou no correspondente curricular habilita.',
    );
  });

  it('b) reconhecimento de saberes exige MAIS de 10 anos: 10 não bastam, 11 sim (em 2025)', () => {
    const rec: Formacao = { tipo: 'reconhecimento-de-saberes', area: 'Enfermagem', conclusao: '2020-01-01' };
    const doc = (anos: number): Docente => ({ etapa: 'educacao-profissional', formacoes: [rec], experiencias: [{ funcao: 'docencia-educacao-profissional', anos }] });
    const dez = avaliarDocente(doc(10), ctx('2025-03-01'));
    expect(dez.habilitado).toBe(false);
    expect(dez.habilitacoes.find((h) => h.alinea === 'b')!.motivos).toEqual([expect.stringContaining('comprovados 10 anos de efetivo exercício como professor da Educação Profissional; a alínea exige mais de 10 anos')]);
    expect(avaliarDocente(doc(11), ctx('2025-03-01')).habilitacaoAtendida).toBe('b');
  });

  it('c) segunda licenciatura, diversa da graduação original; uma licenciatura só não é segunda', () => {
    const segunda: Formacao = { tipo: 'licenciatura', area: 'Biologia', conclusao: '2016-12-01' };
    expect(avaliarDocente({ etapa: 'educacao-profissional', formacoes: [bach, segunda] }, ctx('2024-05-01')).habilitacaoAtendida).toBe('c');
    const so = avaliarDocente({ etapa: 'educacao-profissional', formacoes: [segunda] }, ctx('2024-05-01'));
    expect(so.habilitacoes.find((h) => h.alinea === 'c')!.explicacao).toContain('não há graduação anterior, em outra área');
  });

  it('d) licenciatura e curso técnico em Enfermagem', () => {
    const doc: Docente = {
      etapa: 'educacao-profissional',
      formacoes: [
        { tipo: 'licenciatura', area: 'Biologia', conclusao: '2012-12-01' },
        { tipo: 'curso-tecnico', area: 'Enfermagem', conclusao: '2005-12-01' },
      ],
    };
    expect(avaliarDocente(doc, ctx('2025-01-15')).habilitacaoAtendida).toBe('d');
  });

  it('e) bacharel com pós na área e formação pedagógica em serviço de 120 h pela própria instituição; por IES não é a alínea', () => {
    const pos: Formacao = { tipo: 'pos-lato-sensu', area: 'Enfermagem', cargaHoraria: 360, conclusao: '2014-12-01' };
    const fp: Formacao = { tipo: 'formacao-pedagogica', area: 'Formação Pedagógica', cargaHoraria: 120, tipoInstituicao: 'propria-instituicao', conclusao: '2021-12-01' };
    expect(avaliarDocente({ etapa: 'educacao-profissional', formacoes: [bach, pos, fp] }, ctx('2025-01-15')).habilitacaoAtendida).toBe('e');
    const ies = avaliarDocente({ etapa: 'educacao-profissional', formacoes: [bach, pos, { ...fp, tipoInstituicao: 'ies-credenciada' }] }, ctx('2025-01-15'));
    expect(ies.habilitacoes.find((h) => h.alinea === 'e')!.explicacao).toContain('a alínea exige a própria instituição de ensino');
  });
});
