/** The documents of the vistoria rite (seed 003): its ofícios and acts. */
import { z } from 'zod';
import { dataNumerica, dataPorExtenso, indiceDiaDaSemana } from '../../rules/datas/extenso';
import { formatarCnpjValidado } from '../../rules/identificadores/cnpj';
import { numeroSeiSchema } from '../../rules/identificadores/schemas';
import {
  ANTECEDENCIA_MINIMA_VISITA,
  PRAZOS_VISTORIA,
  TIPOS_VISTORIA_INFO,
  type CodigoPrazoVistoria,
  type TipoVistoria,
} from '../../rules/vistoria';
import {
  atoBase,
  atoReferido,
  comissao,
  comunicacaoBase,
  dataCivil,
  datasPrazo,
  destinatarioInstitucional,
  endereco,
  exigencia,
  hora,
  instituicaoComEndereco,
  instituicaoEnsino,
  membroComissao,
  paragrafos,
  signatario,
  texto,
  tipoVistoria,
} from '../campos';
import { numeroComExtenso } from '../extenso';
import {
  type Assinatura,
  type CampoInvalido,
  type ContextoEmissao,
  assinaturaDe,
  definir,
  enderecoEmLinha,
  exigenciasDerivadas,
  instituicaoDerivada,
  somarDias,
  textoDoPrazo,
  validarDatasPrazo,
} from './definicao';

const rotuloVistoria = (t: TipoVistoria) => TIPOS_VISTORIA_INFO[t].rotulo;


function assinaturasComissao(membros: z.output<typeof comissao>): Assinatura[] {
  return membros.map((m) => ({
    nome: m.nome,
    cargo: m.cargo ?? 'Membro da Comissão de Vistoria',
    detalhe: `Matrícula ${m.matricula}`,
  }));
}

/** Text of a prazo of the vistoria rite (rules/vistoria PRAZOS_VISTORIA), with its limit. */
export function descreverPrazo(codigo: CodigoPrazoVistoria, datas: { ciencia?: string; vencimento?: string } = {}) {
  return textoDoPrazo(PRAZOS_VISTORIA[codigo], datas);
}

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
    /** true: the COOGIE's Comissão for the reconsideração (seed 003, COOGIE, Observação), which has no set size. */
    central: z.boolean().default(false),
    comissao: z.array(membroComissao).min(1, 'informe ao menos um servidor').max(10),
    signatario,
  }).superRefine((d, ctx) => {
    // The regional Comissão de Vistoria: exactly 3 distinct servidores (Fluxo 4).
    if (d.central) return;
    const r = comissao.safeParse(d.comissao);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ ...i, path: ['comissao', ...i.path] } as never);
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

/**
 * The COOGIE's own Pronunciamento on the reconsideração (seed 003, "Pronunciamento do Órgão Central de
 * Inspeção Escolar, quanto ao pedido de reconsideração, será: I. Deferido … II. Indeferido …"): the final
 * technical step within SEEDUC, numbered in the COOGIE's series and signed by its servidor.
 */
const pronunciamentoCoogie = definir({
  rotulo: 'Pronunciamento da COOGIE',
  especie: 'pronunciamento',
  forma: 'ato',
  schema: z
    .strictObject({
      ...atoBase,
      processoSei: numeroSeiSchema,
      instituicao: instituicaoEnsino,
      tipoVistoria,
      /** The Estudo Técnico whose exigências were (or were not) met. */
      estudoTecnico: atoReferido,
      /** The regional unit the autos go back to on a deferimento. */
      unidadeRegional: texto(200),
      decisao: z.enum(['deferimento', 'indeferimento'], { error: 'use "deferimento" ou "indeferimento"' }),
      /** COOGIE II: no answer to the Estudo Técnico within its prazo. */
      semManifestacao: z.boolean(),
      fundamentacao: paragrafos(),
      exigenciasNaoAtendidas: z.array(exigencia),
      signatario,
    })
    .superRefine((d, ctx) => {
      if (d.decisao === 'indeferimento' && d.exigenciasNaoAtendidas.length === 0) {
        ctx.addIssue({ code: 'custom', path: ['exigenciasNaoAtendidas'], message: 'o indeferimento deve indicar cada exigência não atendida, com motivação e base legal' });
      }
      if (d.decisao === 'deferimento' && (d.exigenciasNaoAtendidas.length > 0 || d.semManifestacao)) {
        ctx.addIssue({ code: 'custom', path: ['decisao'], message: 'um deferimento não pode ter exigências não atendidas nem ocorrer sem manifestação do representante' });
      }
    }),
  assunto: (d) =>
    `Pronunciamento da Coordenadoria Geral de Inspeção Escolar (${d.decisao}) — pedido de reconsideração — ${rotuloVistoria(d.tipoVistoria)}`,
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  derivar: (d) => ({
    rotulo: rotuloVistoria(d.tipoVistoria),
    instituicao: instituicaoDerivada(d.instituicao),
    estudoTecnico: { data: dataPorExtenso(d.estudoTecnico.data) },
    deferimento: d.decisao === 'deferimento',
    exigencias: exigenciasDerivadas(d.exigenciasNaoAtendidas),
    estudo: descreverPrazo('estudo-tecnico'),
    recursoCee: descreverPrazo('recurso-cee'),
    antecedenciaVisita: numeroComExtenso(ANTECEDENCIA_MINIMA_VISITA.dias),
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
    mantenedora: { cnpj: formatarCnpjValidado(d.instituicao.mantenedora.cnpj) },
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
  // Addressed within the Secretaria (to the COOGIE): no postal address.
  destinatario: destinatarioInstitucional.extend({ endereco: endereco.optional() }),
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

export const CATALOGO_VISTORIA = {
  'notificacao-exigencias': notificacaoExigencias,
  'ordem-servico': ordemServico,
  'agendamento-visita': agendamentoVisita,
  'termo-visita': termoVisita,
  pronunciamento,
  'notificacao-indeferimento': notificacaoIndeferimento,
  'estudo-tecnico': estudoTecnico,
  'pronunciamento-coogie': pronunciamentoCoogie,
  'edital-cadastramento': editalCadastramento,
  'encaminhamento-cee': encaminhamentoCee,
} as const;
