/**
 * Every template of the catalogue renders realistic data in the Padrão Ofício,
 * refuses incomplete data with pt-BR messages, and escapes what the user typed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGO, TIPOS_DOCUMENTO, type TipoDocumento } from '../../documentos/catalogo';
import { numeroPorExtenso, numeroComExtenso, percentual } from '../../documentos/extenso';
import {
  DadosDocumentoInvalidos,
  DIRETORIO_TEMPLATES,
  TipoDocumentoDesconhecido,
  identificar,
  normalizarUnidade,
  renderizarDocumento,
} from '../../documentos/render';
import { DADOS, UNIDADES } from './fixtures';

const DATA = '2026-11-23';
const clone = <T>(v: T): T => structuredClone(v);

function render(tipo: TipoDocumento, dados: unknown = DADOS[tipo], data = DATA, numero = 12) {
  return renderizarDocumento(tipo, dados, { data, numero, ano: Number(data.slice(0, 4)), unidade: UNIDADES[tipo] });
}

/** The visible text of the HTML (tags dropped, entities of the escaped characters decoded). */
function textoDe(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<\/?(span|strong|em)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function erroDe(fn: () => unknown): DadosDocumentoInvalidos {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DadosDocumentoInvalidos);
    return err as DadosDocumentoInvalidos;
  }
  throw new Error('esperava DadosDocumentoInvalidos');
}

describe('catálogo', () => {
  it('has one template file per document of the DOMAIN catalogue', () => {
    // DOMAIN's 14, plus the COOGIE's own Pronunciamento on the reconsideração (seed 003, issue 10 item 7)
    // and the cadastramentos' notice of exigências, the editais of the ETAP, the mantenedora's alteration and the transferência de mantença (seed 003),
    // and the network's ofício to MEC on its operadores in the Sistema Gestão Presente (seed 001).
    expect(TIPOS_DOCUMENTO).toHaveLength(20);
    expect(TIPOS_DOCUMENTO).toContain('operadores-sgp');
    expect(TIPOS_DOCUMENTO).toContain('pronunciamento-coogie');
    for (const tipo of TIPOS_DOCUMENTO) expect(fs.existsSync(path.join(DIRETORIO_TEMPLATES, `${tipo}.hbs`))).toBe(true);
    expect(fs.existsSync(path.join(DIRETORIO_TEMPLATES, 'partials', 'layout.hbs'))).toBe(true);
  });

  it('never nests parentheses in the text (a legal citation inside parentheses cites without inner ones)', () => {
    for (const tipo of TIPOS_DOCUMENTO) {
      const texto = render(tipo).html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
      let profundidade = 0;
      let inicio = 0;
      for (let i = 0; i < texto.length; i++) {
        if (texto[i] === '(') {
          if (profundidade === 0) inicio = i;
          profundidade++;
          expect(profundidade, `${tipo}: parênteses aninhados em "${texto.slice(inicio, i + 60)}"`).toBeLessThan(2);
        } else if (texto[i] === ')') profundidade = Math.max(0, profundidade - 1);
      }
    }
  });

  it('no template outputs unescaped data (no triple-stash, no {{& }})', () => {
    const arquivos = [
      ...fs.readdirSync(DIRETORIO_TEMPLATES).filter((f) => f.endsWith('.hbs')).map((f) => path.join(DIRETORIO_TEMPLATES, f)),
      ...fs.readdirSync(path.join(DIRETORIO_TEMPLATES, 'partials')).map((f) => path.join(DIRETORIO_TEMPLATES, 'partials', f)),
    ];
    for (const f of arquivos) {
      const src = fs.readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(/\{\{\{|\{\{~?\s*&/);
    }
  });
});

describe.each(TIPOS_DOCUMENTO)('%s', (tipo) => {
  const def = CATALOGO[tipo];

  it('renders the Padrão Ofício parts', () => {
    const r = render(tipo);
    const texto = textoDe(r.html);
    const dados = DADOS[tipo] as Record<string, any>;
    const unidade = UNIDADES[tipo].toLocaleUpperCase('pt-BR');
    const titulo = { oficio: 'OFÍCIO' }[def.especie as 'oficio'] ?? r.identificacao.split(' nº')[0]!.toLocaleUpperCase('pt-BR');

    expect(r.html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(r.identificacao).toBe(`${r.identificacao.split(' nº')[0]} nº 12/2026/${unidade}`);
    expect(texto).toContain(`${titulo} Nº 12/2026/${unidade}`);
    expect(texto).toContain(`${dados.local}, 23 de novembro de 2026.`);
    expect(texto).toContain(`Assunto: ${r.assunto}.`);
    for (const linha of dados.emissor.orgao) expect(texto).toContain(linha);

    if (def.forma === 'comunicacao') {
      expect(texto).toContain(`${dados.fecho},`);
      expect(texto).toContain(`${dados.vocativo.replace(/,$/, '')},`);
      expect(texto).toContain(dados.destinatario.tratamento);
      expect(texto).toContain(dados.destinatario.nome);
      expect(texto).toContain(dados.destinatario.cargo ?? dados.destinatario.qualificacao);
      expect(texto).toContain(dados.destinatario.endereco.municipio);
      expect(texto).toContain(dados.signatario.nome);
      expect(texto).toContain(dados.signatario.cargo);
    } else {
      expect(texto).not.toMatch(/Atenciosamente|Respeitosamente/);
    }
    const assinaturas = def.assinaturas(def.schema.parse(dados) as never);
    expect(assinaturas.length).toBeGreaterThan(0);
    for (const a of assinaturas) {
      expect(texto).toContain(a.nome);
      expect(texto).toContain(a.cargo);
    }
    // Nothing left blank or half-filled.
    expect(texto).not.toMatch(/undefined|null|NaN|\[object Object\]|\{\{/);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses data with a missing field, in pt-BR, naming the field', () => {
    const dados = clone(DADOS[tipo]) as Record<string, unknown>;
    delete dados.emissor;
    delete dados.local;
    const e = erroDe(() => render(tipo, dados));
    expect(e.campos).toEqual(
      expect.arrayContaining([
        { campo: 'emissor', mensagem: 'campo obrigatório não informado' },
        { campo: 'local', mensagem: 'campo obrigatório não informado' },
      ]),
    );
    expect(e.message).toMatch(new RegExp(`^Dados inválidos para o documento "${def.rotulo.replace(/[()]/g, '\\$&')}": `));
  });

  it('refuses a blank field and a field the template does not know', () => {
    const dados = clone(DADOS[tipo]) as Record<string, any>;
    dados.local = '   ';
    dados.observacaoLivre = 'x';
    const e = erroDe(() => render(tipo, dados));
    expect(e.campos).toEqual(
      expect.arrayContaining([
        { campo: 'local', mensagem: 'não pode ficar em branco' },
        { campo: 'observacaoLivre', mensagem: 'campo não previsto neste documento' },
      ]),
    );
  });

  it('escapes what the user typed', () => {
    const dados = clone(DADOS[tipo]) as Record<string, any>;
    const ataque = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    dados.local = `Rio ${ataque}`;
    dados.emissor.orgao[0] = `ÓRGÃO ${ataque}`;
    const r = render(tipo, dados);
    expect(r.html).not.toContain('<script>');
    expect(r.html).not.toContain('<img');
    expect(r.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(textoDe(r.html)).toContain(`ÓRGÃO ${ataque}`);
  });
});

describe('conteúdo específico', () => {
  it('notificação de exigências: each exigência with motivação and base legal, and the prazo with its limit and legal basis', () => {
    const t = textoDe(render('notificacao-exigencias').html);
    expect(t).toContain('Exigência a) (documental): Apresentar o Auto de Vistoria do Corpo de Bombeiros');
    expect(t).toContain('Motivação: O certificado apresentado refere-se apenas ao pavimento térreo');
    expect(t).toContain('Base legal: Deliberação CEE nº 388/2020, art. 22, IX');
    expect(t).toContain('Exigência b) (física)');
    expect(t).toContain('20 (vinte) dias, prorrogáveis uma única vez por igual período');
    expect(t).toContain('Considerada a ciência em 24 de novembro de 2026, o prazo encerra-se às 23:59:59 (horário de Brasília) de 14 de dezembro de 2026 (14/12/2026)');
    expect(t).toContain('Guia de Inspeção Escolar SEEDUC-RJ, Fluxo, item 9');
    expect(t).toContain('Ao responder este ofício, favor indicar expressamente o Processo SEI nº SEI-030001/016815/2024.');
  });

  it('notificação de exigências: every prazo kind of the rite', () => {
    const forma = clone(DADOS['notificacao-exigencias']);
    forma.prazo = { codigo: 'exigencias-forma', vencimento: '2026-12-03' };
    const tf = textoDe(render('notificacao-exigencias', forma).html);
    expect(tf).toContain('10 (dez) dias, improrrogáveis, contados da ciência');
    expect(tf).toContain('O prazo encerra-se às 23:59:59 (horário de Brasília) de 3 de dezembro de 2026');
    expect(tf).toContain('não atendidas as exigências, o pedido será arquivado');

    const estudo = clone(DADOS['notificacao-exigencias']);
    estudo.prazo = { codigo: 'estudo-tecnico', ciencia: '2026-11-23', vencimento: '2026-12-07' };
    const te = textoDe(render('notificacao-exigencias', estudo).html);
    expect(te).toContain('10 (dez) dias úteis contados da ciência');
    expect(te).toContain('Deliberação CEE nº 388/2020, art. 41, § 2º');
    expect(te).toContain('recurso ao Conselho Estadual de Educação');

    const errado = clone(DADOS['notificacao-exigencias']) as any;
    errado.prazo.codigo = 'trinta-dias';
    expect(erroDe(() => render('notificacao-exigencias', errado)).campos[0]!.campo).toBe('prazo.codigo');
  });

  it('an exigência without motivação or base legal is refused', () => {
    const dados = clone(DADOS['notificacao-exigencias']) as any;
    delete dados.exigencias[1].motivacao;
    dados.exigencias[0].baseLegal = '';
    const e = erroDe(() => render('notificacao-exigencias', dados));
    expect(e.campos).toEqual([
      { campo: 'exigencias[0].baseLegal', mensagem: 'não pode ficar em branco' },
      { campo: 'exigencias[1].motivacao', mensagem: 'campo obrigatório não informado' },
    ]);
    expect(e.message).toContain('exigencias[1].motivacao: campo obrigatório não informado');
  });

  it('a prazo that ends before the document is refused', () => {
    const dados = clone(DADOS['notificacao-exigencias']);
    dados.prazo = { codigo: 'exigencias-merito', vencimento: '2026-11-20' };
    expect(erroDe(() => render('notificacao-exigencias', dados)).campos).toEqual([
      { campo: 'prazo.vencimento', mensagem: 'o vencimento do prazo (20/11/2026) deve ser posterior à data do documento (23/11/2026)' },
    ]);
  });

  it('Ordem de Serviço designates a Comissão of exactly 3 distinct servidores', () => {
    const t = textoDe(render('ordem-servico').html);
    expect(t).toContain('RESOLVE:');
    expect(t).toContain('Art. 1º Designar os servidores abaixo relacionados para compor a Comissão de Vistoria');
    for (const m of DADOS['ordem-servico'].comissao) expect(t).toContain(`${m.nome} ${m.matricula}`);
    expect(t).toContain('publicação no Diário Oficial do Estado do Rio de Janeiro (DOERJ)');

    const dois = clone(DADOS['ordem-servico']);
    dois.comissao = dois.comissao.slice(0, 2);
    expect(erroDe(() => render('ordem-servico', dois)).campos).toEqual([
      { campo: 'comissao', mensagem: 'a Comissão de Vistoria deve ter exatamente 3 servidores' },
    ]);
    const repetido = clone(DADOS['ordem-servico']);
    repetido.comissao[2] = { ...repetido.comissao[2]!, matricula: '0845123-1' };
    expect(erroDe(() => render('ordem-servico', repetido)).campos[0]).toMatchObject({ campo: 'comissao[2].matricula' });
  });

  it('agendamento de visita: at least 5 days of notice, on a weekday', () => {
    const t = textoDe(render('agendamento-visita').html);
    expect(t).toContain('segunda-feira, 30 de novembro de 2026, às 09:30');
    const cedo = clone(DADOS['agendamento-visita']);
    cedo.visita.data = '2026-11-27';
    expect(erroDe(() => render('agendamento-visita', cedo)).campos).toEqual([
      {
        campo: 'visita.data',
        mensagem: 'a visita deve ser agendada com antecedência mínima de 5 dias: a partir de 28/11/2026 para um documento de 23/11/2026',
      },
    ]);
    const sabado = clone(DADOS['agendamento-visita']);
    sabado.visita.data = '2026-12-05';
    expect(erroDe(() => render('agendamento-visita', sabado)).campos[0]!.mensagem).toContain('dia útil');
  });

  it('Termo de Visita: items, exigências, prazo and the signatures of the Comissão and the RL, in two copies', () => {
    const r = render('termo-visita');
    const t = textoDe(r.html);
    expect(t).toContain('Escada de acesso ao segundo pavimento com corrimão nas duas laterais Não atende Corrimão em uma só lateral.');
    expect(t).toContain('20 (vinte) dias, prorrogáveis');
    expect(t).toContain('2 (duas) vias');
    expect(r.html).toContain('assinaturas manual');
    const sem = clone(DADOS['termo-visita']);
    sem.exigencias = [];
    expect(textoDe(render('termo-visita', sem).html)).toContain('Não foram formuladas exigências.');
  });

  it('Pronunciamento: deferimento or indeferimento with fundamentação', () => {
    const ind = textoDe(render('pronunciamento').html);
    expect(ind).toContain('FUNDAMENTAÇÃO');
    expect(ind).toContain('INDEFERIMENTO do pedido');
    expect(ind).toContain('20 (vinte) dias, a contar do primeiro dia útil seguinte à comunicação');
    expect(ind).toContain('Deliberação CEE nº 388/2020, art. 41, § 1º');

    const def = clone(DADOS.pronunciamento);
    def.decisao = 'deferimento';
    def.exigenciasNaoAtendidas = [];
    const t = textoDe(render('pronunciamento', def).html);
    expect(t).toContain('DEFERIMENTO do pedido');
    expect(t).toContain('edital de cadastramento');

    const rat = clone(DADOS.pronunciamento);
    rat.instancia = 'reconsideracao';
    expect(textoDe(render('pronunciamento', rat).html)).toContain('RATIFICA O INDEFERIMENTO');

    const semMotivo = clone(DADOS.pronunciamento);
    semMotivo.exigenciasNaoAtendidas = [];
    expect(erroDe(() => render('pronunciamento', semMotivo)).campos).toEqual([
      { campo: 'exigenciasNaoAtendidas', mensagem: 'o indeferimento deve indicar cada exigência não atendida, com motivação e base legal' },
    ]);
  });

  it('notificação de indeferimento: the 20-day reconsideração prazo from the first business day after the comunicação', () => {
    const t = textoDe(render('notificacao-indeferimento').html);
    expect(t).toContain('foi INDEFERIDO por meio do Pronunciamento nº 4/2026/COOIE-METROPOLITANA I, de 20 de novembro de 2026');
    expect(t).toContain(
      'O prazo para apresentar pedido de reconsideração é de 20 (vinte) dias a contar do primeiro dia útil seguinte à comunicação (Deliberação CEE nº 388/2020, art. 41, § 1º).',
    );
    expect(t).toContain('Considerada a comunicação em 23 de novembro de 2026, o prazo encerra-se às 23:59:59 (horário de Brasília) de 14 de dezembro de 2026');
    expect(t).toContain('indeferimento compulsório');
    expect(t).toContain('art. 49 da Deliberação CEE nº 388/2020');

    const cee = clone(DADOS['notificacao-indeferimento']);
    cee.recurso = 'recurso-cee';
    expect(textoDe(render('notificacao-indeferimento', cee).html)).toContain('Deliberação CEE nº 388/2020, art. 44');
  });

  it('encaminhamento: to the CEE (with "Respeitosamente") or to the art. 49 rites', () => {
    const t = textoDe(render('encaminhamento-cee').html);
    expect(t).toContain('Respeitosamente,');
    expect(t).toContain('recurso interposto em 5 de novembro de 2026');

    const a49 = clone(DADOS['encaminhamento-cee']) as any;
    delete a49.recursoProtocoladoEm;
    a49.destino = 'art-49';
    a49.prazoEncerrado = { codigo: 'reconsideracao', vencimento: '2026-11-16' };
    a49.pedidoExtemporaneoEm = '2026-11-18';
    const t49 = textoDe(render('encaminhamento-cee', a49).html);
    expect(t49).toContain('encerrou-se às 23:59:59 (horário de Brasília) de 16 de novembro de 2026');
    expect(t49).toContain('O pedido apresentado em 18 de novembro de 2026 é extemporâneo, sendo compulsório o seu indeferimento.');
    expect(t49).toContain('ritos administrativos previstos no art. 49');
    expect(render('encaminhamento-cee', a49).assunto).toBe('Encaminhamento para os ritos do art. 49 da Deliberação CEE nº 388/2020');
  });

  it('edital: the object of each kind of request', () => {
    const t = textoDe(render('edital-cadastramento').html);
    expect(t).toContain('CADASTRAMENTO DE AUMENTO DE CAPACIDADE MÁXIMA DE MATRÍCULA');
    expect(t).toContain('passa de 480 (quatrocentos e oitenta) para 640 (seiscentos e quarenta) estudantes');
    const ap = clone(DADOS['edital-cadastramento']) as any;
    ap.objeto = {
      tipoVistoria: 'apostilamento-endereco',
      enderecoApostilado: { logradouro: 'Rua São Clemente, 252', bairro: 'Botafogo', cep: '22260001', municipio: 'Rio de Janeiro', uf: 'rj' },
    };
    expect(textoDe(render('edital-cadastramento', ap).html)).toContain('Rua São Clemente, 252, Botafogo, Rio de Janeiro/RJ, CEP 22260-001');
    const menor = clone(DADOS['edital-cadastramento']) as any;
    menor.objeto.capacidadeNova = 400;
    expect(erroDe(() => render('edital-cadastramento', menor)).campos[0]!.campo).toBe('objeto.capacidadeNova');
  });

  it('families and the protection network: thresholds, ECA art. 56 and LGPD notice', () => {
    const fam = textoDe(render('notificacao-familia').html);
    expect(fam).toContain('frequência escolar de 58,3% em outubro de 2026, abaixo do mínimo de 75%');
    expect(fam).toContain('sexta-feira, 27 de novembro de 2026, às 14:00');
    const acima = clone(DADOS['notificacao-familia']);
    acima.frequencia.percentual = 80;
    expect(erroDe(() => render('notificacao-familia', acima)).campos).toEqual([
      { campo: 'frequencia.percentual', mensagem: 'a frequência informada não está abaixo do mínimo exigido' },
    ]);

    const cras = textoDe(render('encaminhamento-assistencia-social').html);
    expect(cras).toContain('NIS 120.56412.54-5');
    expect(cras).toContain('Lei nº 13.709/2018, art. 14');

    const ct = textoDe(render('comunicacao-conselho-tutelar').html);
    expect(ct).toContain('reiteração de faltas injustificadas e de evasão escolar, esgotados os recursos escolares (inciso II)');
    const semProvidencias = clone(DADOS['comunicacao-conselho-tutelar']);
    semProvidencias.providenciasEscola = [];
    expect(erroDe(() => render('comunicacao-conselho-tutelar', semProvidencias)).campos[0]!.campo).toBe('providenciasEscola');
  });

  it('ofício de nomeação and Termo de Responsabilidade validate CPF and IBGE codes', () => {
    expect(textoDe(render('nomeacao-coordenador').html)).toContain('CPF 529.982.247-25');
    const cpf = clone(DADOS['nomeacao-coordenador']);
    cpf.coordenador.cpf = '529.982.247-26';
    expect(erroDe(() => render('nomeacao-coordenador', cpf)).campos[0]!.campo).toBe('coordenador.cpf');
    const ibge = clone(DADOS['termo-responsabilidade']);
    ibge.municipio.codigoIbge = '3303303';
    expect(erroDe(() => render('termo-responsabilidade', ibge)).campos[0]!.campo).toBe('municipio.codigoIbge');
  });

  it('does not double the period of an assunto ending in an abbreviation', () => {
    const r = render('ordem-servico');
    expect(r.assunto).toBe('Designação de Comissão de Vistoria — Aumento de Capacidade Máxima de Matrícula — Colégio Horizonte Azul Ltda');
    expect(textoDe(r.html)).toContain('Colégio Horizonte Azul Ltda. Referência');
  });

  it('the first day of a month is written as an ordinal', () => {
    expect(textoDe(render('ordem-servico', DADOS['ordem-servico'], '2026-12-01').html)).toContain('Rio de Janeiro, 1º de dezembro de 2026.');
  });

  it('an unknown type is refused in pt-BR', () => {
    expect(() => renderizarDocumento('memorando', {}, { data: DATA, numero: 1, ano: 2026, unidade: 'X' })).toThrow(TipoDocumentoDesconhecido);
    expect(() => renderizarDocumento('memorando', {}, { data: DATA, numero: 1, ano: 2026, unidade: 'X' })).toThrow(
      /Tipo de documento desconhecido: "memorando"/,
    );
  });
});

describe('identificação e números', () => {
  it('identifies as the Manual does', () => {
    expect(identificar('oficio', 12, 2026, 'COOIE-METROPOLITANA I')).toEqual({
      identificacao: 'Ofício nº 12/2026/COOIE-METROPOLITANA I',
      cabecalho: 'OFÍCIO Nº 12/2026/COOIE-METROPOLITANA I',
    });
    expect(identificar('ordem-servico', 3, 2027, 'COOIE-NORTE').cabecalho).toBe('ORDEM DE SERVIÇO Nº 3/2027/COOIE-NORTE');
  });

  it('normalises the issuing unit and refuses what cannot be a sigla', () => {
    expect(normalizarUnidade('  cooie-metropolitana   i ')).toBe('COOIE-METROPOLITANA I');
    expect(normalizarUnidade('sme-niterói/pmn')).toBe('SME-NITERÓI/PMN');
    for (const ruim of ['', '   ', 'COOIE<script>', 'A//B', 'COOIE/', '-X']) {
      expect(() => normalizarUnidade(ruim), ruim).toThrow(DadosDocumentoInvalidos);
    }
  });

  it('writes numbers by extenso', () => {
    expect([1, 10, 16, 20, 21, 100, 101, 480, 640, 1000, 1200, 1250, 2015].map(numeroPorExtenso)).toEqual([
      'um', 'dez', 'dezesseis', 'vinte', 'vinte e um', 'cem', 'cento e um', 'quatrocentos e oitenta', 'seiscentos e quarenta',
      'mil', 'mil e duzentos', 'mil duzentos e cinquenta', 'dois mil e quinze',
    ]);
    expect(numeroComExtenso(1250)).toBe('1.250 (mil duzentos e cinquenta)');
    expect(percentual(58.333)).toBe('58,3%');
    expect(() => numeroPorExtenso(-1)).toThrow(RangeError);
  });
});
