/**
 * ETAP qualification (Deliberação CEE nº 388/2020 art. 14, I–IV, as seed 003
 * lists it under "Cadastramento de Alteração da Equipe Técnico-Administrativo-
 * Pedagógica - ETAP"). Each case names the inciso and alínea it exercises.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Formacao } from '../../rules/etap/formacoes';
import {
  avaliarQualificacao,
  coordenadorPedagogicoObrigatorio,
  membroEtapSchema,
  QUALIFICACAO_ETAP,
  VIGENCIA_RESOLUCAO_CNE_CEB_5_2005,
  type MembroEtap,
} from '../../rules/etap/qualificacao';
import { alineas, CAMINHO_SEED_COMPARTILHADA, entre, LINHAS, SEED_ETAP } from './seed';

const EM = '2026-12-01';

const pedagogia: Formacao = { tipo: 'licenciatura', area: 'Pedagogia', instituicao: 'UERJ', tipoInstituicao: 'ies-credenciada', inicio: '2008-02-01', conclusao: '2011-12-15' };

describe('fixture do seed 003', () => {
  it.runIf(existsSync(CAMINHO_SEED_COMPARTILHADA))('é cópia literal do seed compartilhado', () => {
    const seed = readFileSync(CAMINHO_SEED_COMPARTILHADA, 'utf8');
    for (const bloco of SEED_ETAP.split('Relatório Anual\nO que é')) expect(seed.includes(bloco.trimEnd())).toBe(true);
  });
});

describe('a tabela do art. 14 é a do seed, palavra por palavra', () => {
  const BLOCOS = {
    I: entre('I. Diretor', 'II. Coordenador'),
    II: entre('II. Coordenador', 'III. Secretário'),
    III: entre('III. Secretário', 'IV. Coordenador'),
    IV: entre('IV. Coordenador', 'Instrução Processual'),
  } as const;

  it.each(QUALIFICACAO_ETAP.map((i) => [i.inciso, i] as const))('inciso %s: título, alíneas, textos e fonte', (inciso, dados) => {
    expect(LINHAS).toContain(`${inciso}. ${dados.texto}:`);
    const doSeed = alineas(BLOCOS[inciso]);
    expect(dados.alineas.map((a) => ({ alinea: a.alinea, texto: a.texto }))).toEqual(doSeed);
    for (const a of dados.alineas) expect(a.fonte).toBe(`Deliberação CEE nº 388/2020, art. 14, ${inciso}, ${a.alinea}`);
  });

  it('contagens do seed: I a–d, II a–d, III a–f, IV a–c', () => {
    expect(QUALIFICACAO_ETAP.map((i) => i.alineas.map((a) => a.alinea).join(''))).toEqual(['abcd', 'abcd', 'abcdef', 'abc']);
  });
});

describe('Coordenador Pedagógico obrigatório (art. 14, II: "igual ou superior a 200 matrículas ativas")', () => {
  it('199 matrículas: não obrigatório; 200: obrigatório', () => {
    expect(coordenadorPedagogicoObrigatorio(199)).toBe(false);
    expect(coordenadorPedagogicoObrigatorio(200)).toBe(true);
    expect(coordenadorPedagogicoObrigatorio(0)).toBe(false);
  });
  it('recusa número que não seja inteiro não negativo', () => {
    expect(() => coordenadorPedagogicoObrigatorio(-1)).toThrow(/inteiro não negativo/);
    expect(() => coordenadorPedagogicoObrigatorio(199.5)).toThrow(/inteiro não negativo/);
  });
});

describe('Diretor e Diretor-substituto (art. 14, I)', () => {
  it('I a: Licenciatura Plena em Pedagogia', () => {
    const r = avaliarQualificacao({ funcao: 'diretor', formacoes: [pedagogia] }, { em: EM });
    expect(r.atende).toBe(true);
    expect(r.alineaAtendida).toBe('a');
    expect(r.explicacao).toBe(
      'Diretor: atende à alínea a do inciso I (Deliberação CEE nº 388/2020, art. 14, I, a): Licenciatura Plena em Pedagogia ou com habilitação em Administração Escolar, Administração Educacional, Gestão Escolar ou Gestão Educacional: comprovado por Licenciatura em Pedagogia (UERJ, conclusão em 15/12/2011).',
    );
  });

  it('I a: licenciatura com habilitação em Administração Escolar (diretor-substituto)', () => {
    const f: Formacao = { tipo: 'licenciatura', area: 'Letras', habilitacoes: ['Administração Escolar'], conclusao: '1990-12-01' };
    expect(avaliarQualificacao({ funcao: 'diretor-substituto', formacoes: [f] }, { em: EM }).alineaAtendida).toBe('a');
  });

  it('I a: licenciatura curta em Pedagogia não é plena', () => {
    const r = avaliarQualificacao({ funcao: 'diretor', formacoes: [{ ...pedagogia, licenciaturaCurta: true }] }, { em: EM });
    expect(r.atende).toBe(false);
    expect(r.alineas[0].explicacao).toContain('é licenciatura curta; a alínea exige licenciatura plena');
  });

  it('I b: lato sensu em Gestão Escolar com 300 horas não basta, com 360 sim', () => {
    const lato: Formacao = { tipo: 'pos-lato-sensu', area: 'Gestão Escolar', cargaHoraria: 300, instituicao: 'UCAM', tipoInstituicao: 'ies-credenciada', conclusao: '2020-06-30' };
    const nao = avaliarQualificacao({ funcao: 'diretor', formacoes: [lato] }, { em: EM });
    expect(nao.atende).toBe(false);
    expect(nao.alineas[1].explicacao).toContain('Pós-graduação lato sensu em Gestão Escolar (UCAM, conclusão em 30/06/2020) tem 300 horas; a alínea exige no mínimo 360 horas');
    // Each alínea says why not: a) no licenciatura, c) no stricto sensu, d) no licenciatura nor extensão.
    expect(nao.explicacao).toMatch(/^Diretor: não comprovou nenhuma das formações da Deliberação CEE nº 388\/2020, art\. 14, I\. a\) falta Licenciatura Plena/);
    expect(nao.explicacao).toContain('c) falta Pós-graduação stricto sensu em Educação: nenhuma formação declarada do tipo Pós-graduação stricto sensu');
    expect(nao.explicacao).toContain('d) falta Licenciatura em Nível Superior');
    expect(avaliarQualificacao({ funcao: 'diretor', formacoes: [{ ...lato, cargaHoraria: 360 }] }, { em: EM }).alineaAtendida).toBe('b');
  });

  it('I b: lato sensu em instituição que não é IES credenciada não serve', () => {
    const lato: Formacao = { tipo: 'pos-lato-sensu', area: 'Gestão Educacional', cargaHoraria: 400, tipoInstituicao: 'outra', conclusao: '2020-06-30' };
    const r = avaliarQualificacao({ funcao: 'diretor', formacoes: [lato] }, { em: EM });
    expect(r.alineas[1].explicacao).toContain('foi oferecido por outra instituição; a alínea exige instituição de educação superior credenciada');
  });

  it('I c: mestrado em Educação', () => {
    const f: Formacao = { tipo: 'pos-stricto-sensu', area: 'educação', conclusao: '2015-03-01' };
    expect(avaliarQualificacao({ funcao: 'diretor', formacoes: [f] }, { em: EM }).alineaAtendida).toBe('c');
  });

  it('I d: licenciatura e extensão em Gestão Escolar de 120 horas por parceria com agência pública; 119 horas não', () => {
    const lic: Formacao = { tipo: 'licenciatura', area: 'História', conclusao: '2005-12-01' };
    const ext: Formacao = { tipo: 'formacao-em-servico', area: 'Gestão Escolar', cargaHoraria: 120, tipoInstituicao: 'parceria-agencia-publica', conclusao: '2019-11-01' };
    expect(avaliarQualificacao({ funcao: 'diretor', formacoes: [lic, ext] }, { em: EM }).alineaAtendida).toBe('d');
    const r = avaliarQualificacao({ funcao: 'diretor', formacoes: [lic, { ...ext, cargaHoraria: 119 }] }, { em: EM });
    expect(r.atende).toBe(false);
    expect(r.alineas[3].motivos).toEqual([expect.stringContaining('tem 119 horas; a alínea exige no mínimo 120 horas')]);
  });

  it('curso concluído depois da data de referência não conta', () => {
    const r = avaliarQualificacao({ funcao: 'diretor', formacoes: [{ ...pedagogia, conclusao: '2027-01-10' }] }, { em: EM });
    expect(r.atende).toBe(false);
    expect(r.alineas[0].explicacao).toContain('tem conclusão em 10/01/2027, depois da data de referência 01/12/2026');
  });

  it('curso sem data de conclusão não conta', () => {
    const { conclusao: _, ...semConclusao } = pedagogia;
    const r = avaliarQualificacao({ funcao: 'diretor', formacoes: [semConclusao] }, { em: EM });
    expect(r.alineas[0].explicacao).toContain('não informa a data de conclusão');
  });
});

describe('Coordenador, Supervisor ou Orientador Pedagógico (art. 14, II)', () => {
  it('II a: Pedagogia; II b: lato sensu em Orientação Educacional 360 h; II d: lato sensu em Gestão não é Supervisão', () => {
    expect(avaliarQualificacao({ funcao: 'coordenador-pedagogico', formacoes: [pedagogia] }, { em: EM }).alineaAtendida).toBe('a');
    const orient: Formacao = { tipo: 'pos-lato-sensu', area: 'Orientação Educacional', cargaHoraria: 360, tipoInstituicao: 'ies-credenciada', conclusao: '2018-01-01' };
    expect(avaliarQualificacao({ funcao: 'orientador-pedagogico', formacoes: [orient] }, { em: EM }).alineaAtendida).toBe('b');
    const gestao = { ...orient, area: 'Gestão Escolar' };
    const r = avaliarQualificacao({ funcao: 'supervisor-pedagogico', formacoes: [gestao] }, { em: EM });
    expect(r.atende).toBe(false);
    expect(r.alineas[1].explicacao).toContain('é da área "Gestão Escolar", não Supervisão Educacional');
  });
});

describe('Secretário Escolar (art. 14, III)', () => {
  const qualificacao = (inicio: string): Formacao => ({
    tipo: 'qualificacao-profissional',
    area: 'Secretário de Escola',
    instituicao: 'SENAC',
    tipoInstituicao: 'outra',
    inicio,
    conclusao: '2006-12-20',
  });

  it(`III d: curso de Qualificação de Secretário de Escola iniciado em 2004, antes da vigência da Res. CNE/CEB 5/2005 (${VIGENCIA_RESOLUCAO_CNE_CEB_5_2005.data})`, () => {
    const r = avaliarQualificacao({ funcao: 'secretario-escolar', formacoes: [qualificacao('2004-03-01')] }, { em: EM });
    expect(r.atende).toBe(true);
    expect(r.alineaAtendida).toBe('d');
  });

  it('III d: iniciado em 24/11/2005 ainda vale; em 25/11/2005 (publicação no DOU, início da vigência) não', () => {
    expect(avaliarQualificacao({ funcao: 'secretario-escolar', formacoes: [qualificacao('2005-11-24')] }, { em: EM }).alineaAtendida).toBe('d');
    const r = avaliarQualificacao({ funcao: 'secretario-escolar', formacoes: [qualificacao('2005-11-25')] }, { em: EM });
    expect(r.atende).toBe(false);
    expect(r.alineas[3].explicacao).toContain(
      'começou em 25/11/2005; a alínea exige início antes de 25/11/2005 (vigência da Resolução CNE/CEB nº 5, de 22 de novembro de 2005, publicada no DOU de 25/11/2005)',
    );
  });

  it('III d: sem data de início não se pode conferir', () => {
    const { inicio: _, ...sem } = qualificacao('2004-01-01');
    const r = avaliarQualificacao({ funcao: 'secretario-escolar', formacoes: [sem] }, { em: EM });
    expect(r.alineas[3].explicacao).toContain('não informa a data de início');
  });

  it('III a: Curso Técnico em Secretaria Escolar; III f: Normal médio + extensão em Secretaria Escolar 120 h', () => {
    const tec: Formacao = { tipo: 'curso-tecnico', area: 'Secretaria Escolar', conclusao: '2015-07-01' };
    expect(avaliarQualificacao({ funcao: 'secretario-escolar', formacoes: [tec] }, { em: EM }).alineaAtendida).toBe('a');
    const normal: Formacao = { tipo: 'normal-medio', area: 'Formação de Professores', conclusao: '2001-12-01' };
    const ext: Formacao = { tipo: 'formacao-em-servico', area: 'Secretaria Escolar', cargaHoraria: 160, tipoInstituicao: 'ies-credenciada', conclusao: '2022-05-01' };
    expect(avaliarQualificacao({ funcao: 'secretario-escolar', formacoes: [normal, ext] }, { em: EM }).alineaAtendida).toBe('f');
  });
});

describe('Coordenador Técnico (art. 14, IV)', () => {
  const ctx = { em: EM, areaDeAtuacao: ['Enfermagem'] };
  const bach: Formacao = { tipo: 'bacharelado', area: 'Enfermagem', instituicao: 'UFF', tipoInstituicao: 'ies-credenciada', conclusao: '2012-12-01' };
  const fp = (cargaHoraria: number): Formacao => ({ tipo: 'formacao-pedagogica', area: 'Formação Pedagógica', cargaHoraria, tipoInstituicao: 'ies-credenciada', conclusao: '2016-06-01' });

  it('IV a: bacharel em Enfermagem com 120 horas de formação pedagógica em IES credenciada', () => {
    const r = avaliarQualificacao({ funcao: 'coordenador-tecnico', formacoes: [bach, fp(120)] }, ctx);
    expect(r.atende).toBe(true);
    expect(r.alineaAtendida).toBe('a');
  });

  it('IV a: 100 horas não bastam; bacharel em outra área também não', () => {
    const r = avaliarQualificacao({ funcao: 'coordenador-tecnico', formacoes: [bach, fp(100)] }, ctx);
    expect(r.atende).toBe(false);
    expect(r.alineas[0].motivos).toEqual([expect.stringContaining('tem 100 horas; a alínea exige no mínimo 120 horas')]);
    const outra = avaliarQualificacao({ funcao: 'coordenador-tecnico', formacoes: [{ ...bach, area: 'Farmácia' }, fp(120)] }, ctx);
    expect(outra.alineas[0].explicacao).toContain('Bacharelado em Farmácia (UFF, conclusão em 01/12/2012) é da área "Farmácia", não a área de atuação (Enfermagem)');
  });

  it('IV c: licenciatura, curso técnico em Enfermagem e 5 anos de experiência na área; 4,5 anos não', () => {
    const lic: Formacao = { tipo: 'licenciatura', area: 'Biologia', conclusao: '2010-12-01' };
    const tec: Formacao = { tipo: 'curso-tecnico', area: 'Enfermagem', conclusao: '2003-12-01' };
    const membro = (anos: number[]): MembroEtap => ({
      funcao: 'coordenador-tecnico',
      formacoes: [lic, tec],
      experiencias: anos.map((a) => ({ funcao: 'profissional-na-area', area: 'Enfermagem', anos: a })),
    });
    expect(avaliarQualificacao(membro([3, 2]), ctx).alineaAtendida).toBe('c');
    const r = avaliarQualificacao(membro([4.5]), ctx);
    expect(r.atende).toBe(false);
    expect(r.alineas[2].motivos).toEqual(['experiência profissional na área de atuação: comprovados 4,5 anos de experiência profissional na área de atuação (Enfermagem); a alínea exige no mínimo 5 anos']);
  });

  it('sem área de atuação informada, a alínea diz que não se pôde conferir', () => {
    const r = avaliarQualificacao({ funcao: 'coordenador-tecnico', formacoes: [bach, fp(120)] }, { em: EM });
    expect(r.atende).toBe(false);
    expect(r.alineas[0].explicacao).toContain('a área de atuação do cargo não foi informada');
  });
});

describe('entrada validada (membroEtapSchema)', () => {
  it('recusa tipo de formação desconhecido e conclusão antes do início, com o campo', () => {
    const r = membroEtapSchema.safeParse({
      funcao: 'diretor',
      formacoes: [
        { tipo: 'doutorado', area: 'Educação' },
        { tipo: 'licenciatura', area: 'Pedagogia', inicio: '2010-01-01', conclusao: '2009-01-01' },
      ],
    });
    expect(r.success).toBe(false);
    const caminhos = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(caminhos).toContainEqual(['formacoes.0.tipo', expect.stringMatching(/^tipo de formação inválido/)]);
    expect(caminhos).toContainEqual(['formacoes.1.conclusao', 'a conclusão não pode ser anterior ao início']);
  });
});
