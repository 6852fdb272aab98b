/**
 * The catalogue of documents rito issues (DOMAIN.md, "Documents (ofícios)"): for
 * each one its template (templates/documentos/<tipo>.hbs), the zod schema of its
 * data, the espécie whose number series it takes, its assunto, who signs it, and
 * the values derived from rito's rules (prazos, labels) that the template shows.
 *
 * Two forms, both in the Padrão Ofício of the Manual de Redação da Presidência da
 * República (3ª ed.): 'comunicacao' — an ofício, with endereçamento, vocativo and
 * fecho — and 'ato' — Ordem de Serviço, termos, Pronunciamento, Estudo Técnico,
 * edital — which keep the cabeçalho, identificação, local e data, assunto, texto
 * and signature(s) but, not being addressed to anyone, have no endereçamento,
 * vocativo or fecho.
 *
 * Number series: one per (unidade, ano, espécie). Every ofício of a unit shares
 * the 'Ofício' series; each kind of act has its own ('Ordem de Serviço nº 1/2026/…'
 * and 'Ofício nº 1/2026/…' coexist), as units number their acts in practice.
 */
import { z } from 'zod';
import { dataNumerica, dataPorExtenso, indiceDiaDaSemana, nomeDoMes } from '../rules/datas/extenso';
import { formatarCnpj } from '../rules/identificadores/cnpj';
import { formatarCpf } from '../rules/identificadores/cpf';
import { formatarNis } from '../rules/identificadores/nis';
import { cpfSchema, codigoIbgeSchema, nisSchema, numeroSeiSchema, ufSchema } from '../rules/identificadores/schemas';
import {
  ANTECEDENCIA_MINIMA_VISITA,
  PRAZOS_VISTORIA,
  TIPOS_VISTORIA_INFO,
  type CodigoPrazoVistoria,
  type TipoVistoria,
} from '../rules/vistoria';
import {
  atoBase,
  atoReferido,
  comissao,
  comunicacaoBase,
  dataCivil,
  datasPrazo,
  destinatarioPessoa,
  endereco,
  escola,
  exigencia,
  fecho,
  hora,
  instituicaoComEndereco,
  instituicaoEnsino,
  mesCivil,
  paragrafos,
  signatario,
  texto,
  tipoVistoria,
  vocativo,
  emissor,
  type Endereco,
  type Signatario,
} from './campos';
import { numeroComExtenso, percentual } from './extenso';

// ---------------------------------------------------------------------------
// Espécies (number series)
// ---------------------------------------------------------------------------

export const ESPECIES = {
  oficio: 'Ofício',
  'ordem-servico': 'Ordem de Serviço',
  'termo-visita': 'Termo de Visita',
  pronunciamento: 'Pronunciamento',
  'estudo-tecnico': 'Estudo Técnico',
  edital: 'Edital',
  'termo-responsabilidade': 'Termo de Responsabilidade',
} as const;
export type Especie = keyof typeof ESPECIES;

// ---------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------

/** What the engine knows at emission time, besides the data. */
export interface ContextoEmissao {
  /** Issuing date in America/Sao_Paulo, 'YYYY-MM-DD'. */
  data: string;
  numero: number;
  ano: number;
  unidade: string;
}

export interface Assinatura {
  nome: string;
  cargo: string;
  detalhe?: string;
}

export interface CampoInvalido {
  campo: string;
  mensagem: string;
}

export interface DefinicaoDocumento<S extends z.ZodType = z.ZodType> {
  rotulo: string;
  especie: Especie;
  forma: 'comunicacao' | 'ato';
  schema: S;
  assunto(d: z.output<S>): string;
  assinaturas(d: z.output<S>): Assinatura[];
  /** Values computed from rito's rules for the template (available as `calc`). */
  derivar?(d: z.output<S>, ctx: ContextoEmissao): Record<string, unknown>;
  /** Checks that need the issuing date (e.g. the 5-day notice of a visit). */
  validarContexto?(d: z.output<S>, ctx: ContextoEmissao): CampoInvalido[];
  /** Signed by hand on paper (lines for the signatures). */
  assinaturaManual?: boolean;
}

function definir<S extends z.ZodType>(def: DefinicaoDocumento<S>): DefinicaoDocumento<S> {
  return def;
}

// ---------------------------------------------------------------------------
// Shared derivations
// ---------------------------------------------------------------------------

const rotuloVistoria = (t: TipoVistoria) => TIPOS_VISTORIA_INFO[t].rotulo;

function enderecoEmLinha(e: Endereco): string {
  return `${e.logradouro}${e.complemento ? `, ${e.complemento}` : ''}, ${e.bairro}, ${e.municipio}/${e.uf}, CEP ${e.cep}`;
}

function instituicaoDerivada(i: { nome: string; cnpj: string; codigoInep: string; endereco?: Endereco }) {
  return { cnpj: formatarCnpj(i.cnpj), endereco: i.endereco ? enderecoEmLinha(i.endereco) : null };
}

function assinaturaDe(s: Signatario): Assinatura {
  return s.matricula ? { nome: s.nome, cargo: s.cargo, detalhe: `Matrícula ${s.matricula}` } : { nome: s.nome, cargo: s.cargo };
}

function assinaturasComissao(membros: z.output<typeof comissao>): Assinatura[] {
  return membros.map((m) => ({
    nome: m.nome,
    cargo: m.cargo ?? 'Membro da Comissão de Vistoria',
    detalhe: `Matrícula ${m.matricula}`,
  }));
}

function somarDias(data: string, dias: number): string {
  const [a, m, d] = data.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(a, m - 1, d + dias)).toISOString().slice(0, 10);
}

/** Text of a prazo of the vistoria rite (rules/vistoria PRAZOS_VISTORIA), with its limit. */
export function descreverPrazo(codigo: CodigoPrazoVistoria, datas: { ciencia?: string; vencimento?: string } = {}) {
  const p = PRAZOS_VISTORIA[codigo];
  const aPartirDaComunicacao = p.contarDe === 'primeiro-dia-util';
  return {
    rotulo: p.rotulo,
    duracao: `${numeroComExtenso(p.dias)} ${p.uteis ? 'dias úteis' : 'dias'}`,
    regime: p.improrrogavelExpresso
      ? 'improrrogáveis'
      : p.prorrogavel
        ? 'prorrogáveis uma única vez por igual período, mediante pedido apresentado antes do seu término'
        : null,
    contagem: aPartirDaComunicacao
      ? 'a contar do primeiro dia útil seguinte à comunicação'
      : 'contados da ciência, excluído o dia da ciência e incluído o do vencimento',
    marco: aPartirDaComunicacao ? 'a comunicação' : 'a ciência',
    ciencia: datas.ciencia ? dataPorExtenso(datas.ciencia) : null,
    vencimento: datas.vencimento ? dataPorExtenso(datas.vencimento) : null,
    vencimentoNumerico: datas.vencimento ? dataNumerica(datas.vencimento) : null,
    baseLegal: p.baseLegal,
  };
}

function validarDatasPrazo(campo: string, datas: { ciencia?: string; vencimento?: string }, ctx: ContextoEmissao): CampoInvalido[] {
  const erros: CampoInvalido[] = [];
  if (datas.vencimento === undefined) {
    if (datas.ciencia !== undefined) erros.push({ campo: `${campo}.vencimento`, mensagem: 'com a data de ciência, informe também o vencimento' });
    return erros;
  }
  if (datas.vencimento <= ctx.data) {
    erros.push({
      campo: `${campo}.vencimento`,
      mensagem: `o vencimento do prazo (${dataNumerica(datas.vencimento)}) deve ser posterior à data do documento (${dataNumerica(ctx.data)})`,
    });
  }
  if (datas.ciencia !== undefined) {
    if (datas.ciencia < ctx.data) {
      erros.push({ campo: `${campo}.ciencia`, mensagem: 'a ciência não pode ser anterior à data do documento' });
    }
    if (datas.ciencia >= datas.vencimento) {
      erros.push({ campo: `${campo}.ciencia`, mensagem: 'a ciência deve ser anterior ao vencimento do prazo' });
    }
  }
  return erros;
}

function exigenciasDerivadas(lista: readonly { natureza: 'documental' | 'fisica' }[]) {
  return {
    naturezas: lista.map((e) => (e.natureza === 'fisica' ? 'física' : 'documental')),
    haFisicas: lista.some((e) => e.natureza === 'fisica'),
  };
}

const frequencia = z
  .strictObject({
    mes: mesCivil,
    /** Attendance over the month's dias letivos, in percent. */
    percentual: z.number({ error: 'informe o percentual de frequência' }).min(0).max(100),
    /** 60 (ages 4–5) or 75 (6 to under 21), Portaria Interministerial MEC/MC nº 3/2022, art. 2º. */
    minimo: z.union([z.literal(60), z.literal(75)], { error: 'o mínimo é 60 (4 e 5 anos) ou 75 (6 a 20 anos)' }),
  })
  .refine((f) => f.percentual < f.minimo, {
    message: 'a frequência informada não está abaixo do mínimo exigido',
    path: ['percentual'],
  });

function frequenciaDerivada(f: z.output<typeof frequencia>) {
  const [ano, mes] = f.mes.split('-').map(Number) as [number, number];
  return { mes: `${nomeDoMes(mes)} de ${ano}`, percentual: percentual(f.percentual), minimo: percentual(f.minimo) };
}

const estudante = z.strictObject({
  nome: texto(150),
  dataNascimento: dataCivil,
  /** 'Turma 1201 — 2º ano do Ensino Médio'. */
  turma: texto(120),
});

const responsavel = z.strictObject({
  nome: texto(150),
  endereco,
  telefone: texto(40).optional(),
});

// ---------------------------------------------------------------------------
// The catalogue
// ---------------------------------------------------------------------------

const notificacaoExigencias = definir({
  rotulo: 'Notificação de exigências',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z.strictObject({
    ...comunicacaoBase,
    processoSei: numeroSeiSchema,
    instituicao: instituicaoEnsino,
    tipoVistoria,
    /** The document the exigências come from, when there is one: 'Termo de Visita nº 2/2026/COOIE-METROPOLITANA I'. */
    documentoOrigem: texto(200).optional(),
    exigencias: z.array(exigencia).min(1, 'informe ao menos uma exigência'),
    prazo: datasPrazo.extend({
      codigo: z.enum(['exigencias-forma', 'exigencias-merito', 'estudo-tecnico'], {
        error: 'prazo inválido: use "exigencias-forma" (10 dias improrrogáveis), "exigencias-merito" (20 dias prorrogáveis) ou "estudo-tecnico" (10 dias úteis)',
      }),
    }),
  }),
  assunto: (d) => `Notificação de exigências — ${rotuloVistoria(d.tipoVistoria)}`,
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  validarContexto: (d, ctx) => validarDatasPrazo('prazo', d.prazo, ctx),
  derivar: (d) => ({
    rotulo: rotuloVistoria(d.tipoVistoria),
    instituicao: instituicaoDerivada(d.instituicao),
    prazo: descreverPrazo(d.prazo.codigo, d.prazo),
    exigencias: exigenciasDerivadas(d.exigencias),
    origem: d.prazo.codigo,
  }),
});

const ordemServico = definir({
  rotulo: 'Ordem de Serviço',
  especie: 'ordem-servico',
  forma: 'ato',
  schema: z.strictObject({
    ...atoBase,
    processoSei: numeroSeiSchema,
    /** Subject of the preamble: 'A COORDENADORA REGIONAL DE INSPEÇÃO ESCOLAR METROPOLITANA I'. */
    autoridade: texto(200),
    instituicao: instituicaoComEndereco,
    tipoVistoria,
    comissao,
    signatario,
  }),
  assunto: (d) => `Designação de Comissão de Vistoria — ${rotuloVistoria(d.tipoVistoria)} — ${d.instituicao.nome}`,
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  derivar: (d) => ({
    rotulo: rotuloVistoria(d.tipoVistoria),
    instituicao: instituicaoDerivada(d.instituicao),
    antecedencia: numeroComExtenso(ANTECEDENCIA_MINIMA_VISITA.dias),
  }),
});

const agendamentoVisita = definir({
  rotulo: 'Agendamento de visita',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z.strictObject({
    ...comunicacaoBase,
    processoSei: numeroSeiSchema,
    instituicao: instituicaoComEndereco,
    tipoVistoria,
    ordemServico: atoReferido,
    visita: z.strictObject({ data: dataCivil, hora }),
    comissao,
    /** How to answer (e-mail of the Comissão). */
    contato: texto(200),
  }),
  assunto: (d) => `Agendamento de visita in loco — ${rotuloVistoria(d.tipoVistoria)}`,
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  validarContexto: (d, ctx) => {
    const erros: CampoInvalido[] = [];
    const minimo = somarDias(ctx.data, ANTECEDENCIA_MINIMA_VISITA.dias);
    if (d.visita.data < minimo) {
      erros.push({
        campo: 'visita.data',
        mensagem: `a visita deve ser agendada com antecedência mínima de ${ANTECEDENCIA_MINIMA_VISITA.dias} dias: a partir de ${dataNumerica(minimo)} para um documento de ${dataNumerica(ctx.data)}`,
      });
    }
    const dow = indiceDiaDaSemana(d.visita.data);
    if (dow === 0 || dow === 6) {
      erros.push({ campo: 'visita.data', mensagem: 'a visita deve ocorrer em dia útil, não em sábado ou domingo' });
    }
    return erros;
  },
  derivar: (d) => ({
    rotulo: rotuloVistoria(d.tipoVistoria),
    instituicao: instituicaoDerivada(d.instituicao),
    visita: { data: dataPorExtenso(d.visita.data, { diaDaSemana: true }) },
    ordemServico: { data: dataPorExtenso(d.ordemServico.data) },
  }),
});

const termoVisita = definir({
  rotulo: 'Termo de Visita',
  especie: 'termo-visita',
  forma: 'ato',
  assinaturaManual: true,
  schema: z.strictObject({
    ...atoBase,
    processoSei: numeroSeiSchema,
    instituicao: instituicaoComEndereco,
    tipoVistoria,
    ordemServico: atoReferido,
    visita: z.strictObject({ data: dataCivil, horaInicio: hora, horaFim: hora }).refine((v) => v.horaFim > v.horaInicio, {
      message: 'o término da visita deve ser posterior ao início',
      path: ['horaFim'],
    }),
    comissao,
    representante: z.strictObject({
      nome: texto(150),
      qualidade: z.enum(['representante-legal', 'procurador'], { error: 'use "representante-legal" ou "procurador"' }),
    }),
    verificacoes: z
      .array(
        z.strictObject({
          item: texto(500),
          situacao: z.enum(['atende', 'nao-atende', 'nao-se-aplica'], { error: 'use "atende", "nao-atende" ou "nao-se-aplica"' }),
          observacao: texto(1000).optional(),
        }),
      )
      .min(1, 'informe ao menos um item verificado'),
    exigencias: z.array(exigencia),
    observacoes: paragrafos().optional(),
  }),
  assunto: (d) => `Visita in loco da Comissão de Vistoria — ${rotuloVistoria(d.tipoVistoria)}`,
  assinaturas: (d) => [
    ...assinaturasComissao(d.comissao),
    {
      nome: d.representante.nome,
      cargo: d.representante.qualidade === 'procurador' ? 'Procurador(a) legalmente constituído(a)' : 'Representante Legal',
      detalhe: d.instituicao.nome,
    },
  ],
  validarContexto: (d, ctx) =>
    d.visita.data > ctx.data ? [{ campo: 'visita.data', mensagem: 'o Termo de Visita não pode ser lavrado antes da visita' }] : [],
  derivar: (d) => ({
    rotulo: rotuloVistoria(d.tipoVistoria),
    instituicao: instituicaoDerivada(d.instituicao),
    visita: { data: dataPorExtenso(d.visita.data) },
    ordemServico: { data: dataPorExtenso(d.ordemServico.data) },
    representante: d.representante.qualidade === 'procurador' ? 'Procurador(a) legalmente constituído(a)' : 'Representante Legal',
    situacoes: d.verificacoes.map((v) => ({ atende: 'Atende', 'nao-atende': 'Não atende', 'nao-se-aplica': 'Não se aplica' })[v.situacao]),
    haExigencias: d.exigencias.length > 0,
    exigencias: exigenciasDerivadas(d.exigencias),
    prazo: d.exigencias.length > 0 ? descreverPrazo('exigencias-merito') : null,
  }),
});

const pronunciamento = definir({
  rotulo: 'Pronunciamento',
  especie: 'pronunciamento',
  forma: 'ato',
  schema: z
    .strictObject({
      ...atoBase,
      processoSei: numeroSeiSchema,
      instituicao: instituicaoEnsino,
      tipoVistoria,
      /** 'original' (after the visit), 'reconsideracao' (Comissão's reconsideração), 'apos-coogie' (after the COOGIE's deferimento of the reconsideração). */
      instancia: z.enum(['original', 'reconsideracao', 'apos-coogie'], {
        error: 'use "original", "reconsideracao" ou "apos-coogie"',
      }),
      decisao: z.enum(['deferimento', 'indeferimento'], { error: 'use "deferimento" ou "indeferimento"' }),
      fundamentacao: paragrafos(),
      /** Required for an indeferimento: every exigência not met, with motivação and base legal. */
      exigenciasNaoAtendidas: z.array(exigencia),
      comissao,
    })
    .superRefine((d, ctx) => {
      if (d.decisao === 'indeferimento' && d.exigenciasNaoAtendidas.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['exigenciasNaoAtendidas'],
          message: 'o indeferimento deve indicar cada exigência não atendida, com motivação e base legal',
        });
      }
      if (d.decisao === 'deferimento' && d.exigenciasNaoAtendidas.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['exigenciasNaoAtendidas'],
          message: 'um deferimento não pode ter exigências não atendidas',
        });
      }
    }),
  assunto: (d) =>
    `Pronunciamento da Comissão de Vistoria (${d.decisao === 'deferimento' ? 'deferimento' : 'indeferimento'}) — ${rotuloVistoria(d.tipoVistoria)}`,
  assinaturas: (d) => assinaturasComissao(d.comissao),
  derivar: (d) => ({
    rotulo: rotuloVistoria(d.tipoVistoria),
    instituicao: instituicaoDerivada(d.instituicao),
    deferimento: d.decisao === 'deferimento',
    ratificacao: d.decisao === 'indeferimento' && d.instancia === 'reconsideracao',
    mantido: d.decisao === 'indeferimento' && d.instancia === 'apos-coogie',
    inicial: d.decisao === 'indeferimento' && d.instancia === 'original',
    exigencias: exigenciasDerivadas(d.exigenciasNaoAtendidas),
    reconsideracao: descreverPrazo('reconsideracao'),
    recursoCee: descreverPrazo('recurso-cee'),
  }),
});

const notificacaoIndeferimento = definir({
  rotulo: 'Notificação de indeferimento',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z.strictObject({
    ...comunicacaoBase,
    processoSei: numeroSeiSchema,
    instituicao: instituicaoEnsino,
    tipoVistoria,
    /** The decision notified. */
    decisao: atoReferido,
    motivos: z.array(exigencia).min(1, 'informe ao menos um motivo do indeferimento'),
    fundamentacao: paragrafos().optional(),
    /** 'reconsideracao': 20 dias from the first business day after the comunicação (art. 41 § 1º); 'recurso-cee': 20 dias to appeal to the CEE (art. 44). */
    recurso: z.enum(['reconsideracao', 'recurso-cee'], { error: 'use "reconsideracao" ou "recurso-cee"' }),
    prazo: datasPrazo,
  }),
  assunto: (d) => `Notificação de indeferimento — ${rotuloVistoria(d.tipoVistoria)}`,
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  validarContexto: (d, ctx) => validarDatasPrazo('prazo', d.prazo, ctx),
  derivar: (d) => ({
    rotulo: rotuloVistoria(d.tipoVistoria),
    instituicao: instituicaoDerivada(d.instituicao),
    decisao: { data: dataPorExtenso(d.decisao.data) },
    prazo: descreverPrazo(d.recurso, d.prazo),
    reconsideracao: d.recurso === 'reconsideracao',
  }),
});

const estudoTecnico = definir({
  rotulo: 'Estudo Técnico',
  especie: 'estudo-tecnico',
  forma: 'ato',
  schema: z.strictObject({
    ...atoBase,
    processoSei: numeroSeiSchema,
    instituicao: instituicaoEnsino,
    tipoVistoria,
    /** The Comissão's Pronunciamento ratifying the indeferimento. */
    pronunciamento: atoReferido,
    historico: paragrafos(),
    exigencias: z.array(exigencia).min(1, 'o Estudo Técnico deve identificar ao menos uma exigência'),
    analise: paragrafos().optional(),
    signatarios: z.array(signatario).min(1, 'informe quem assina o Estudo Técnico').max(5),
  }),
  assunto: (d) => `Estudo Técnico — pedido de reconsideração — ${rotuloVistoria(d.tipoVistoria)}`,
  assinaturas: (d) => d.signatarios.map(assinaturaDe),
  derivar: (d) => ({
    rotulo: rotuloVistoria(d.tipoVistoria),
    instituicao: instituicaoDerivada(d.instituicao),
    pronunciamento: { data: dataPorExtenso(d.pronunciamento.data) },
    exigencias: exigenciasDerivadas(d.exigencias),
    prazo: descreverPrazo('estudo-tecnico'),
  }),
});

const objetoEdital = z.discriminatedUnion(
  'tipoVistoria',
  [
    z.strictObject({
      tipoVistoria: z.literal('aumento-capacidade'),
      capacidadeAnterior: z.number().int().positive(),
      capacidadeNova: z.number().int().positive(),
      /** 'em cada turno', 'no turno da manhã'. */
      turnos: texto(120),
    }),
    z.strictObject({ tipoVistoria: z.literal('apostilamento-endereco'), enderecoApostilado: endereco }),
    z.strictObject({
      tipoVistoria: z.literal('entrada-suplementar'),
      /** Where the new gate opens. */
      enderecoEntrada: endereco,
    }),
  ],
  { error: 'informe objeto.tipoVistoria: "aumento-capacidade", "apostilamento-endereco" ou "entrada-suplementar"' },
);

const editalCadastramento = definir({
  rotulo: 'Edital de cadastramento',
  especie: 'edital',
  forma: 'ato',
  schema: z.strictObject({
    ...atoBase,
    processoSei: numeroSeiSchema,
    /** 'A COORDENADORIA GERAL DE INSPEÇÃO ESCOLAR, por meio de sua Equipe de Atos Legais'. */
    autoridade: texto(200),
    instituicao: instituicaoComEndereco.extend({
      mantenedora: z.strictObject({ nome: texto(200), cnpj: instituicaoEnsino.shape.cnpj }),
    }),
    objeto: objetoEdital.refine(
      (o) => o.tipoVistoria !== 'aumento-capacidade' || o.capacidadeNova > o.capacidadeAnterior,
      { message: 'a nova capacidade deve ser maior que a anterior', path: ['capacidadeNova'] },
    ),
    pronunciamento: atoReferido,
    signatario,
  }),
  assunto: (d) => TIPOS_VISTORIA_INFO[d.objeto.tipoVistoria].titulo,
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  derivar: (d) => ({
    titulo: TIPOS_VISTORIA_INFO[d.objeto.tipoVistoria].titulo.toLocaleUpperCase('pt-BR'),
    instituicao: instituicaoDerivada(d.instituicao),
    mantenedora: { cnpj: formatarCnpj(d.instituicao.mantenedora.cnpj) },
    pronunciamento: { data: dataPorExtenso(d.pronunciamento.data) },
    aumento: d.objeto.tipoVistoria === 'aumento-capacidade'
      ? { anterior: numeroComExtenso(d.objeto.capacidadeAnterior), nova: numeroComExtenso(d.objeto.capacidadeNova) }
      : null,
    apostilamento: d.objeto.tipoVistoria === 'apostilamento-endereco' ? enderecoEmLinha(d.objeto.enderecoApostilado) : null,
    entrada: d.objeto.tipoVistoria === 'entrada-suplementar' ? enderecoEmLinha(d.objeto.enderecoEntrada) : null,
  }),
});

const encaminhamentoComum = {
  ...comunicacaoBase,
  processoSei: numeroSeiSchema,
  instituicao: instituicaoEnsino,
  tipoVistoria,
  /** The decision the case is about (the last indeferimento). */
  decisao: atoReferido,
};

const encaminhamentoCee = definir({
  rotulo: 'Encaminhamento ao CEE / art. 49',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z.discriminatedUnion(
    'destino',
    [
      z.strictObject({
        ...encaminhamentoComum,
        destino: z.literal('cee'),
        /** Date the appeal was filed (within the 20 dias of art. 44). */
        recursoProtocoladoEm: dataCivil,
      }),
      z.strictObject({
        ...encaminhamentoComum,
        destino: z.literal('art-49'),
        /** The prazo that ran out without an appeal. */
        prazoEncerrado: z.strictObject({
          codigo: z.enum(['reconsideracao', 'recurso-cee'], { error: 'use "reconsideracao" ou "recurso-cee"' }),
          vencimento: dataCivil,
        }),
        /** An appeal filed after the prazo (its indeferimento is compulsory). */
        pedidoExtemporaneoEm: dataCivil.optional(),
      }),
    ],
    { error: 'informe destino: "cee" (recurso interposto) ou "art-49" (sem recurso no prazo)' },
  ),
  assunto: (d) =>
    d.destino === 'cee'
      ? 'Encaminhamento de recurso ao Conselho Estadual de Educação'
      : 'Encaminhamento para os ritos do art. 49 da Deliberação CEE nº 388/2020',
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  validarContexto: (d, ctx) => {
    const erros: CampoInvalido[] = [];
    if (d.destino === 'art-49') {
      if (d.prazoEncerrado.vencimento >= ctx.data) {
        erros.push({ campo: 'prazoEncerrado.vencimento', mensagem: 'o prazo ainda não se encerrou na data do documento' });
      }
      if (d.pedidoExtemporaneoEm !== undefined && d.pedidoExtemporaneoEm <= d.prazoEncerrado.vencimento) {
        erros.push({ campo: 'pedidoExtemporaneoEm', mensagem: 'um pedido apresentado até o vencimento do prazo não é extemporâneo' });
      }
    }
    return erros;
  },
  derivar: (d) => ({
    rotulo: rotuloVistoria(d.tipoVistoria),
    instituicao: instituicaoDerivada(d.instituicao),
    decisao: { data: dataPorExtenso(d.decisao.data) },
    cee: d.destino === 'cee' ? { protocolo: dataPorExtenso(d.recursoProtocoladoEm) } : null,
    art49:
      d.destino === 'art-49'
        ? {
            prazo: descreverPrazo(d.prazoEncerrado.codigo, { vencimento: d.prazoEncerrado.vencimento }),
            extemporaneo: d.pedidoExtemporaneoEm ? dataPorExtenso(d.pedidoExtemporaneoEm) : null,
          }
        : null,
  }),
});

const nomeacaoCoordenador = definir({
  rotulo: 'Ofício de nomeação de coordenador(a)',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z.strictObject({
    ...comunicacaoBase,
    uf: ufSchema,
    /** Program whose state coordination is being designated, e.g. 'Programa Bolsa Família na Educação (Sistema Presença)'. */
    programa: texto(200),
    coordenador: z.strictObject({
      nome: texto(150),
      cpf: cpfSchema,
      cargo: texto(200),
      email: z.email({ error: 'e-mail inválido' }),
      telefone: texto(40),
    }),
    /** The coordinator being replaced (at most one active per UF). */
    substitui: z.strictObject({ nome: texto(150) }).optional(),
  }),
  assunto: (d) => `Nomeação de Coordenador(a) Estadual — ${d.programa}`,
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  derivar: (d) => ({
    cpf: formatarCpf(d.coordenador.cpf),
  }),
});

const termoResponsabilidade = definir({
  rotulo: 'Termo de Responsabilidade',
  especie: 'termo-responsabilidade',
  forma: 'ato',
  assinaturaManual: true,
  schema: z.strictObject({
    ...atoBase,
    programa: texto(200),
    municipio: z.strictObject({ nome: texto(120), codigoIbge: codigoIbgeSchema, uf: ufSchema }),
    coordenador: z.strictObject({
      nome: texto(150),
      cpf: cpfSchema,
      /** Shown under the signature: 'Coordenadora Municipal do Programa … — Niterói/RJ'. */
      cargo: texto(200),
      email: z.email({ error: 'e-mail inválido' }),
    }),
  }),
  assunto: (d) => `Termo de Responsabilidade — Coordenação Municipal — ${d.programa}`,
  assinaturas: (d) => [{ nome: d.coordenador.nome, cargo: d.coordenador.cargo }],
  derivar: (d) => ({
    cpf: formatarCpf(d.coordenador.cpf),
  }),
});

const notificacaoFamilia = definir({
  rotulo: 'Notificação à família',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z.strictObject({
    ...comunicacaoBase,
    destinatario: destinatarioPessoa,
    escola,
    estudante: z.strictObject({ nome: texto(150), turma: texto(120) }),
    frequencia,
    /** Meeting the family is invited to. */
    comparecimento: z.strictObject({ data: dataCivil, hora, local: texto(200) }).optional(),
  }),
  assunto: (d) => `Frequência escolar abaixo do mínimo — estudante ${d.estudante.nome}`,
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  validarContexto: (d, ctx) =>
    d.comparecimento && d.comparecimento.data <= ctx.data
      ? [{ campo: 'comparecimento.data', mensagem: 'o comparecimento deve ser marcado para data posterior à do documento' }]
      : [],
  derivar: (d) => ({
    frequencia: frequenciaDerivada(d.frequencia),
    faixa: d.frequencia.minimo === 60 ? 'de 4 e 5 anos' : 'de 6 a 20 anos',
    comparecimento: d.comparecimento ? { data: dataPorExtenso(d.comparecimento.data, { diaDaSemana: true }) } : null,
  }),
});

const encaminhamentoAssistenciaSocial = definir({
  rotulo: 'Encaminhamento à assistência social',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z.strictObject({
    ...comunicacaoBase,
    escola,
    estudante: estudante.extend({ nis: nisSchema.optional() }),
    responsavel,
    frequencia: frequencia.optional(),
    /** Motivo de baixa frequência from the official coded list. */
    motivoBaixaFrequencia: z.strictObject({ codigo: texto(20), descricao: texto(300) }).optional(),
    situacao: paragrafos(),
    providenciasEscola: z.array(texto(1000)).optional(),
  }),
  assunto: () => 'Encaminhamento de estudante à rede de assistência social',
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  derivar: (d) => ({
    nascimento: dataNumerica(d.estudante.dataNascimento),
    nis: d.estudante.nis ? formatarNis(d.estudante.nis) : null,
    frequencia: d.frequencia ? frequenciaDerivada(d.frequencia) : null,
    responsavel: { endereco: enderecoEmLinha(d.responsavel.endereco) },
  }),
});

const HIPOTESES_ECA_56 = {
  'maus-tratos': 'maus-tratos envolvendo o(a) estudante (inciso I)',
  'faltas-evasao': 'reiteração de faltas injustificadas e de evasão escolar, esgotados os recursos escolares (inciso II)',
  repetencia: 'elevados níveis de repetência (inciso III)',
} as const;

const comunicacaoConselhoTutelar = definir({
  rotulo: 'Comunicação ao Conselho Tutelar',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z
    .strictObject({
      ...comunicacaoBase,
      escola,
      estudante,
      responsavel,
      /** ECA art. 56: I maus-tratos; II faltas reiteradas e evasão, esgotados os recursos escolares; III repetência. */
      hipoteses: z
        .array(z.enum(['maus-tratos', 'faltas-evasao', 'repetencia'], { error: 'use "maus-tratos", "faltas-evasao" ou "repetencia"' }))
        .min(1, 'indique ao menos uma hipótese do art. 56 do ECA'),
      fatos: paragrafos(),
      frequencia: frequencia.optional(),
      providenciasEscola: z.array(texto(1000)),
    })
    .superRefine((d, ctx) => {
      if (d.hipoteses.includes('faltas-evasao') && d.providenciasEscola.length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['providenciasEscola'],
          message: 'na hipótese de faltas reiteradas ou evasão, informe as providências da escola (o art. 56, II, do ECA exige que os recursos escolares estejam esgotados)',
        });
      }
    }),
  assunto: () => 'Comunicação ao Conselho Tutelar (Lei nº 8.069/1990, art. 56)',
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  derivar: (d) => ({
    hipoteses: d.hipoteses.map((h) => HIPOTESES_ECA_56[h]),
    nascimento: dataNumerica(d.estudante.dataNascimento),
    frequencia: d.frequencia ? frequenciaDerivada(d.frequencia) : null,
    responsavel: { endereco: enderecoEmLinha(d.responsavel.endereco) },
  }),
});

export const CATALOGO = {
  'notificacao-exigencias': notificacaoExigencias,
  'ordem-servico': ordemServico,
  'agendamento-visita': agendamentoVisita,
  'termo-visita': termoVisita,
  pronunciamento,
  'notificacao-indeferimento': notificacaoIndeferimento,
  'estudo-tecnico': estudoTecnico,
  'edital-cadastramento': editalCadastramento,
  'encaminhamento-cee': encaminhamentoCee,
  'nomeacao-coordenador': nomeacaoCoordenador,
  'termo-responsabilidade': termoResponsabilidade,
  'notificacao-familia': notificacaoFamilia,
  'encaminhamento-assistencia-social': encaminhamentoAssistenciaSocial,
  'comunicacao-conselho-tutelar': comunicacaoConselhoTutelar,
} as const;

export type TipoDocumento = keyof typeof CATALOGO;
export const TIPOS_DOCUMENTO = Object.keys(CATALOGO) as TipoDocumento[];
/** The data each template takes (after validation). */
export type DadosDocumento<T extends TipoDocumento> = z.output<(typeof CATALOGO)[T]['schema']>;
/** The data each template accepts (before normalisation). */
export type EntradaDocumento<T extends TipoDocumento> = z.input<(typeof CATALOGO)[T]['schema']>;

export function isTipoDocumento(v: unknown): v is TipoDocumento {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(CATALOGO, v);
}

export function definicao(tipo: TipoDocumento): DefinicaoDocumento {
  return CATALOGO[tipo] as unknown as DefinicaoDocumento;
}

// Re-exported for callers building data.
export { emissor, fecho, vocativo, signatario };
