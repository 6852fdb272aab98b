/** The documents of the Sistema Presença rites (seeds 000, 001, 004): nominations and the attendance follow-up. */
import { z } from 'zod';
import { dataNumerica, dataPorExtenso, nomeDoMes } from '../../rules/datas/extenso';
import { formatarCpf } from '../../rules/identificadores/cpf';
import { formatarNis } from '../../rules/identificadores/nis';
import { cpfSchema, codigoIbgeSchema, codigoInepSchema, nisSchema, ufSchema } from '../../rules/identificadores/schemas';
import {
  atoBase,
  comunicacaoBase,
  dataCivil,
  destinatarioPessoa,
  endereco,
  escola,
  hora,
  mesCivil,
  paragrafos,
  signatario,
  texto,
} from '../campos';
import { percentual } from '../extenso';
import { assinaturaDe, definir, enderecoEmLinha } from './definicao';

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

/** What the network asks of MEC for its operadores in the Sistema Gestão Presente (seed 001: "Modelos de ofícios para solicitações de inclusão, substituição e exclusão de operadores no SGP"). */
export const PEDIDOS_OPERADORES_SGP = { inclusao: 'inclusão', substituicao: 'substituição', exclusao: 'exclusão' } as const;

const pessoaSgp = { nome: texto(150), cpf: cpfSchema };

const operadoresSgp = definir({
  rotulo: 'Ofício de inclusão, substituição ou exclusão de operadores no Sistema Gestão Presente',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z
    .strictObject({
      ...comunicacaoBase,
      pedido: z.enum(['inclusao', 'substituicao', 'exclusao'], { error: 'pedido: inclusao, substituicao ou exclusao' }),
      /** 'Rede Municipal de Ensino do Rio de Janeiro'. */
      rede: texto(200),
      operadores: z
        .array(
          z.strictObject({
            ...pessoaSgp,
            email: z.email({ error: 'e-mail inválido' }),
            codigoInep: codigoInepSchema,
            escola: texto(200),
            /** Substituição: who leaves. */
            substitui: z.strictObject(pessoaSgp).optional(),
            /** Exclusão: why. */
            motivo: texto(500).optional(),
          }),
        )
        .min(1, 'informe ao menos um operador')
        .max(200, 'no máximo 200 operadores por ofício'),
    })
    .superRefine((d, ctx) => {
      d.operadores.forEach((o, i) => {
        if (d.pedido === 'substituicao' && !o.substitui) ctx.addIssue({ code: 'custom', path: ['operadores', i, 'substitui'], message: 'na substituição, informe quem o operador substitui' });
        if (d.pedido !== 'substituicao' && o.substitui) ctx.addIssue({ code: 'custom', path: ['operadores', i, 'substitui'], message: 'só a substituição indica quem sai' });
      });
    }),
  assunto: (d) => `Solicitação de ${PEDIDOS_OPERADORES_SGP[d.pedido]} de operadores no Sistema Gestão Presente — ${d.rede}`,
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  derivar: (d) => ({
    pedido: PEDIDOS_OPERADORES_SGP[d.pedido],
    substituicao: d.pedido === 'substituicao',
    exclusao: d.pedido === 'exclusao',
    operadores: d.operadores.map((o) => ({ ...o, cpf: formatarCpf(o.cpf), substitui: o.substitui ? { nome: o.substitui.nome, cpf: formatarCpf(o.substitui.cpf) } : null })),
  }),
});

export const CATALOGO_PRESENCA = {
  'nomeacao-coordenador': nomeacaoCoordenador,
  'termo-responsabilidade': termoResponsabilidade,
  'notificacao-familia': notificacaoFamilia,
  'encaminhamento-assistencia-social': encaminhamentoAssistenciaSocial,
  'comunicacao-conselho-tutelar': comunicacaoConselhoTutelar,
  'operadores-sgp': operadoresSgp,
} as const;
