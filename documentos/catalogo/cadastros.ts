/**
 * The documents the cadastramentos of seed 003 share (ETAP, Alteração na
 * Composição da Entidade Mantenedora, and the Relatório Anual's pendências):
 * the notice of exigências, whose prazo is each rite's own, and the
 * mantenedora's edital.
 */
import { z } from 'zod';
import { PRAZOS_ETAP } from '../../rules/etap/rito';
import { numeroSeiSchema } from '../../rules/identificadores/schemas';
import { ALTERACOES_MANTENEDORA, type AlteracaoMantenedora, PRAZOS_MANTENEDORA } from '../../rules/mantenedora/rito';
import { PRAZOS_RELATORIO_ANUAL } from '../../rules/relatorio-anual/rito';
import { dataPorExtenso } from '../../rules/datas/extenso';
import { formatarCnpjValidado } from '../../rules/identificadores/cnpj';
import { atoBase, comunicacaoBase, dataCivil, datasPrazo, exigencia, instituicaoComEndereco, instituicaoEnsino, signatario, texto } from '../campos';
import { assinaturaDe, definir, enderecoEmLinha, exigenciasDerivadas, instituicaoDerivada, textoDoPrazo, validarDatasPrazo } from './definicao';

/** Every cadastramento's prazo of exigências, by code. */
const PRAZOS_CADASTRO = { ...PRAZOS_ETAP, ...PRAZOS_MANTENEDORA, ...PRAZOS_RELATORIO_ANUAL };
const CODIGOS_PRAZO = Object.keys(PRAZOS_CADASTRO) as [keyof typeof PRAZOS_CADASTRO, ...(keyof typeof PRAZOS_CADASTRO)[]];

const notificacaoExigenciasCadastro = definir({
  rotulo: 'Notificação de exigências (cadastramento)',
  especie: 'oficio',
  forma: 'comunicacao',
  schema: z.strictObject({
    ...comunicacaoBase,
    processoSei: numeroSeiSchema,
    instituicao: instituicaoEnsino,
    /** What was analysed: 'pedido de cadastramento da Equipe Técnico-Administrativo-Pedagógica (ETAP)', 'Relatório Anual do ano letivo de 2036'. */
    objeto: texto(300),
    codigoPrazo: z.enum(CODIGOS_PRAZO, { error: `prazo inválido: use ${CODIGOS_PRAZO.join(', ')}` }),
    exigencias: z.array(exigencia).min(1, 'informe ao menos uma exigência'),
    prazo: datasPrazo,
  }),
  assunto: (d) => `Notificação de exigências — ${d.objeto}`,
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  validarContexto: (d, ctx) => validarDatasPrazo('prazo', d.prazo, ctx),
  derivar: (d) => ({
    instituicao: instituicaoDerivada(d.instituicao),
    prazo: textoDoPrazo(PRAZOS_CADASTRO[d.codigoPrazo], d.prazo),
    exigencias: exigenciasDerivadas(d.exigencias),
  }),
});

const codigosAlteracao = Object.keys(ALTERACOES_MANTENEDORA) as [AlteracaoMantenedora, ...AlteracaoMantenedora[]];

const editalMantenedora = definir({
  rotulo: 'Edital de cadastramento de alteração da mantenedora',
  especie: 'edital',
  forma: 'ato',
  schema: z.strictObject({
    ...atoBase,
    processoSei: numeroSeiSchema,
    autoridade: texto(200),
    instituicao: instituicaoComEndereco,
    mantenedora: z.strictObject({ nome: texto(300), cnpj: instituicaoEnsino.shape.cnpj }),
    alteracoes: z.array(z.strictObject({ tipo: z.enum(codigosAlteracao), descricao: texto(2000) })).min(1, 'informe ao menos uma alteração'),
    signatario,
  }),
  assunto: () => 'Edital de cadastramento de alteração na composição da Entidade Mantenedora',
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  derivar: (d) => ({
    instituicao: { ...instituicaoDerivada(d.instituicao), endereco: enderecoEmLinha(d.instituicao.endereco) },
    mantenedora: { cnpj: instituicaoDerivada({ ...d.instituicao, cnpj: d.mantenedora.cnpj }).cnpj },
    alteracoes: d.alteracoes.map((a) => ({ tipo: ALTERACOES_MANTENEDORA[a.tipo], descricao: a.descricao })),
  }),
});

const editalTransferencia = definir({
  rotulo: 'Edital de cadastramento de transferência de mantença',
  especie: 'edital',
  forma: 'ato',
  schema: z.strictObject({
    ...atoBase,
    processoSei: numeroSeiSchema.optional(),
    autoridade: texto(200),
    instituicao: instituicaoComEndereco,
    mantenedoraAnterior: z.strictObject({ nome: texto(300), cnpj: instituicaoEnsino.shape.cnpj }),
    novaMantenedora: z.strictObject({ nome: texto(300), cnpj: instituicaoEnsino.shape.cnpj }),
    autorizacao: z.strictObject({ ato: texto(300), data: dataCivil }),
    signatario,
  }),
  assunto: () => 'Edital de cadastramento de transferência de mantença',
  assinaturas: (d) => [assinaturaDe(d.signatario)],
  derivar: (d) => ({
    instituicao: { ...instituicaoDerivada(d.instituicao), endereco: enderecoEmLinha(d.instituicao.endereco) },
    anterior: { cnpj: formatarCnpjValidado(d.mantenedoraAnterior.cnpj) },
    nova: { cnpj: formatarCnpjValidado(d.novaMantenedora.cnpj) },
    autorizacao: { data: dataPorExtenso(d.autorizacao.data) },
  }),
});

export const CATALOGO_CADASTROS = {
  // The name rules/cadastros/prazo.ts gives every cadastramento's prazo (NOTIFICACAO_EXIGENCIAS_CADASTRO).
  'notificacao-exigencias-cadastro': notificacaoExigenciasCadastro,
  'edital-alteracao-mantenedora': editalMantenedora,
  'edital-transferencia-mantenca': editalTransferencia,
} as const;
