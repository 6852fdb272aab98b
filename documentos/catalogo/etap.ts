/** The documents of the ETAP's cadastramento (seed 003): the notice of exigências and the edital. */
import { z } from 'zod';
import { formatarCnpj } from '../../rules/identificadores/cnpj';
import { FUNCOES_ETAP } from '../../rules/etap/qualificacao';
import { PRAZOS_ETAP } from '../../rules/etap/rito';
import { dataPorExtenso } from '../../rules/datas/extenso';
import { atoBase, comunicacaoBase, dataCivil, datasPrazo, exigencia, instituicaoComEndereco, instituicaoEnsino, signatario, texto } from '../campos';
import { numeroSeiSchema } from '../../rules/identificadores/schemas';
import { assinaturaDe, definir, enderecoEmLinha, exigenciasDerivadas, instituicaoDerivada, textoDoPrazo, validarDatasPrazo } from './definicao';

const funcoes = Object.keys(FUNCOES_ETAP) as [keyof typeof FUNCOES_ETAP, ...(keyof typeof FUNCOES_ETAP)[]];

const notificacaoExigenciasEtap = definir({
  rotulo: 'Notificação de exigências (ETAP)',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z.strictObject({
    ...comunicacaoBase,
    processoSei: numeroSeiSchema,
    instituicao: instituicaoEnsino,
    exigencias: z.array(exigencia).min(1, 'informe ao menos uma exigência'),
    prazo: datasPrazo,
  }),
  assunto: () => 'Notificação de exigências — cadastramento da Equipe Técnico-Administrativo-Pedagógica (ETAP)',
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  validarContexto: (d, ctx) => validarDatasPrazo('prazo', d.prazo, ctx),
  derivar: (d) => ({
    instituicao: instituicaoDerivada(d.instituicao),
    prazo: textoDoPrazo(PRAZOS_ETAP['exigencias-etap'], d.prazo),
    exigencias: exigenciasDerivadas(d.exigencias),
  }),
});

const editalEtap = definir({
  rotulo: 'Edital de cadastramento da ETAP',
  especie: 'edital',
  forma: 'ato',
  schema: z.strictObject({
    ...atoBase,
    processoSei: numeroSeiSchema,
    autoridade: texto(200),
    instituicao: instituicaoComEndereco,
    membros: z
      .array(z.strictObject({ nome: texto(200), funcao: z.enum(funcoes), desde: dataCivil, substitui: texto(200).optional() }))
      .min(1, 'informe ao menos um membro'),
    signatario,
  }),
  assunto: () => 'Edital de cadastramento da Equipe Técnico-Administrativo-Pedagógica (ETAP)',
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  derivar: (d) => ({
    instituicao: { ...instituicaoDerivada(d.instituicao), cnpj: formatarCnpj(d.instituicao.cnpj), endereco: enderecoEmLinha(d.instituicao.endereco) },
    membros: d.membros.map((m) => ({ ...m, funcao: FUNCOES_ETAP[m.funcao], desde: dataPorExtenso(m.desde) })),
  }),
});

export const CATALOGO_ETAP = {
  'notificacao-exigencias-etap': notificacaoExigenciasEtap,
  'edital-cadastramento-etap': editalEtap,
} as const;
