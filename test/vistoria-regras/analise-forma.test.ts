import { describe, expect, it } from 'vitest';
import {
  analisarForma,
  exigenciaDeItem,
  exigenciasDeFaltantes,
  validarExigencia,
  validarExigencias,
} from '../../rules/vistoria/analise-forma';
import { CHECKLISTS_VISTORIA, itemPorCodigo } from '../../rules/vistoria/checklists';
import { TIPOS_VISTORIA, type TipoVistoria } from '../../rules/vistoria/tipos';

const codigos = (tipo: TipoVistoria) => CHECKLISTS_VISTORIA[tipo].documentos.map((i) => i.codigo);

describe('analisarForma', () => {
  it.each(TIPOS_VISTORIA)('%s: todos os documentos apresentados → completo', (tipo) => {
    const r = analisarForma(tipo, codigos(tipo));
    expect(r).toEqual({ completo: true, faltantes: [], indeterminados: [], naoReconhecidos: [] });
  });

  it.each(TIPOS_VISTORIA)('%s: nada apresentado → faltam todos os obrigatórios, na ordem do seed', (tipo) => {
    const r = analisarForma(tipo, [], {});
    const obrigatorios = CHECKLISTS_VISTORIA[tipo].documentos.filter((i) => i.obrigatorio);
    expect(r.completo).toBe(false);
    expect(r.faltantes).toEqual(obrigatorios);
  });

  it('Entrada Suplementar sem laudo e sem alvará', () => {
    const r = analisarForma('entrada-suplementar', ['requerimento-inicial', 'qualificacao-dirigentes', 'documentos-art-22-ii-iii-vi']);
    expect(r.completo).toBe(false);
    expect(r.faltantes.map((i) => i.codigo)).toEqual(['alvara-localizacao', 'laudo-seguranca-acessibilidade']);
  });

  it('condicional com circunstância desconhecida fica indeterminado e impede "completo"', () => {
    const semLaudo = codigos('aumento-capacidade').filter((c) => c !== 'laudo-seguranca-acessibilidade');
    const r = analisarForma('aumento-capacidade', semLaudo);
    expect(r.completo).toBe(false);
    expect(r.faltantes).toEqual([]);
    expect(r.indeterminados.map((i) => i.codigo)).toEqual(['laudo-seguranca-acessibilidade']);
  });

  it('condicional com circunstância verdadeira é faltante; falsa é dispensado', () => {
    const semLaudo = codigos('aumento-capacidade').filter((c) => c !== 'laudo-seguranca-acessibilidade');
    const sim = analisarForma('aumento-capacidade', semLaudo, { 'alteracao-infraestrutura': true });
    expect(sim.completo).toBe(false);
    expect(sim.faltantes.map((i) => i.codigo)).toEqual(['laudo-seguranca-acessibilidade']);
    const nao = analisarForma('aumento-capacidade', semLaudo, { 'alteracao-infraestrutura': false });
    expect(nao).toEqual({ completo: true, faltantes: [], indeterminados: [], naoReconhecidos: [] });
  });

  it('Apostilamento: declaração de capacidade exigida só quando o endereço aumenta a capacidade', () => {
    const semDecl = codigos('apostilamento-endereco').filter((c) => c !== 'declaracao-capacidade-maxima');
    expect(analisarForma('apostilamento-endereco', semDecl, { 'aumento-capacidade': false }).completo).toBe(true);
    expect(analisarForma('apostilamento-endereco', semDecl, { 'aumento-capacidade': true }).faltantes.map((i) => i.codigo)).toEqual([
      'declaracao-capacidade-maxima',
    ]);
  });

  it('condicional apresentado conta como apresentado, mesmo sem circunstância', () => {
    expect(analisarForma('aumento-capacidade', codigos('aumento-capacidade')).completo).toBe(true);
  });

  it('códigos desconhecidos ou de outras etapas são reportados e ignorados; duplicados não importam', () => {
    const r = analisarForma('entrada-suplementar', [...codigos('entrada-suplementar'), 'xyz', 'merito-cnpj', 'xyz']);
    expect(r.completo).toBe(true);
    expect(r.naoReconhecidos).toEqual(['xyz', 'merito-cnpj']);
  });

  it('tipo inválido é recusado', () => {
    expect(() => analisarForma('cadastro-etap' as TipoVistoria, [])).toThrow(/Tipo de vistoria desconhecido/);
  });

  it('é determinística', () => {
    const a = analisarForma('apostilamento-endereco', ['alvara-localizacao'], { 'aumento-capacidade': true });
    const b = analisarForma('apostilamento-endereco', ['alvara-localizacao'], { 'aumento-capacidade': true });
    expect(a).toEqual(b);
  });
});

describe('exigências a partir dos faltantes', () => {
  it.each(TIPOS_VISTORIA)('%s: toda exigência gerada é válida (motivação e base legal)', (tipo) => {
    const { faltantes } = analisarForma(tipo, [], {
      'alteracao-infraestrutura': true,
      'aumento-capacidade': true,
    });
    const exigencias = exigenciasDeFaltantes(tipo, faltantes);
    expect(exigencias).toHaveLength(CHECKLISTS_VISTORIA[tipo].documentos.length);
    for (const e of exigencias) {
      expect(validarExigencia(e)).toEqual({ valida: true, erros: {} });
      expect(e.natureza).toBe('documental');
    }
    expect(validarExigencias(exigencias).valida).toBe(true);
  });

  it('usa a base legal do seed quando existe, e a norma + alínea do guia quando o seed não cita dispositivo', () => {
    const [alvara, req] = exigenciasDeFaltantes('entrada-suplementar', [
      itemPorCodigo('entrada-suplementar', 'alvara-localizacao')!,
      itemPorCodigo('entrada-suplementar', 'requerimento-inicial')!,
    ]);
    expect(alvara.baseLegal).toBe('Deliberação CEE nº 388/2020, art. 30, III');
    expect(alvara.codigo).toBe('alvara-localizacao');
    expect(alvara.descricao).toBe('Alvará de Localização (inciso III do artigo 30 da Deliberação CEE n° 388/2020)');
    expect(req.baseLegal).toBe(
      'Deliberação CEE nº 388/2020; Guia de Inspeção Escolar SEEDUC-RJ, Cadastramento de Entrada Suplementar, alínea "a"',
    );
    expect(req.motivacao).toContain('Instrução Processual do Cadastramento de Entrada Suplementar (alínea "a")');
  });

  it('condicional explica por que se aplica', () => {
    const [e] = exigenciasDeFaltantes('aumento-capacidade', [itemPorCodigo('aumento-capacidade', 'laudo-seguranca-acessibilidade')!]);
    expect(e.motivacao).toContain('Aplica-se ao caso porque: Há alteração de infraestrutura');
  });

  it('item físico da visita gera exigência física; motivação própria prevalece', () => {
    const item = itemPorCodigo('entrada-suplementar', 'visita-area-continua')!;
    const e = exigenciaDeItem('entrada-suplementar', item, 'O portão fica em lote vizinho não integrante do imóvel escolar.');
    expect(e.natureza).toBe('fisica');
    expect(e.motivacao).toBe('O portão fica em lote vizinho não integrante do imóvel escolar.');
    expect(validarExigencia(e).valida).toBe(true);
  });
});

describe('validarExigencia', () => {
  const boa = {
    codigo: 'laudo-seguranca-acessibilidade',
    descricao: 'Apresentar laudo de acessibilidade que contemple a nova rampa.',
    motivacao: 'O laudo apresentado não contempla a rampa construída no acesso lateral.',
    baseLegal: 'Deliberação CEE nº 388/2020, art. 22, VII',
  };

  it('aceita exigência completa', () => {
    expect(validarExigencia(boa)).toEqual({ valida: true, erros: {} });
  });

  it('sem motivação é irregular', () => {
    const r = validarExigencia({ ...boa, motivacao: '   ' });
    expect(r.valida).toBe(false);
    expect(Object.keys(r.erros)).toEqual(['motivacao']);
    expect(r.erros.motivacao).toMatch(/sem motivação é irregular/);
  });

  it('sem base legal é irregular', () => {
    const { baseLegal: _omitida, ...semBase } = boa;
    const r = validarExigencia(semBase);
    expect(r.valida).toBe(false);
    expect(Object.keys(r.erros)).toEqual(['baseLegal']);
    expect(r.erros.baseLegal).toMatch(/sem base legal é irregular/);
  });

  it('base legal que não cita ato normativo com número é recusada', () => {
    for (const baseLegal of ['conforme a norma', 'Deliberação do CEE', 'porque sim 123']) {
      const r = validarExigencia({ ...boa, baseLegal });
      expect(r.erros.baseLegal, baseLegal).toMatch(/ato normativo/);
    }
    for (const baseLegal of ['Lei Federal nº 13.722/2018, art. 2º', 'art. 5º da Deliberação CEE nº 388/2020', 'Decreto 897/1976', 'Resolução SEEDUC nº 5.664/2018']) {
      expect(validarExigencia({ ...boa, baseLegal }).valida, baseLegal).toBe(true);
    }
  });

  it('motivação curta demais e código mal formado', () => {
    const r = validarExigencia({ ...boa, codigo: 'Laudo Acessível', motivacao: 'falta' });
    expect(Object.keys(r.erros).sort()).toEqual(['codigo', 'motivacao']);
  });

  it('descrição vazia, natureza inválida', () => {
    const r = validarExigencia({ ...boa, descricao: '', natureza: 'moral' });
    expect(Object.keys(r.erros).sort()).toEqual(['descricao', 'natureza']);
  });

  it('valor que não é objeto: erro em todos os campos obrigatórios', () => {
    expect(Object.keys(validarExigencia(null).erros).sort()).toEqual(['baseLegal', 'codigo', 'descricao', 'motivacao']);
  });

  it('lista: vazia, códigos repetidos e erros numerados', () => {
    expect(validarExigencias([]).erros).toEqual(['Informe ao menos uma exigência.']);
    const r = validarExigencias([boa, { ...boa, motivacao: '' }]);
    expect(r.valida).toBe(false);
    expect(r.erros[0]).toMatch(/^Exigência 2: o código "laudo-seguranca-acessibilidade" está repetido/);
    expect(r.erros[1]).toMatch(/^Exigência 2: Informe a motivação/);
  });
});
