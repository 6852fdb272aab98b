/** The edital of the ETAP's cadastramento (seed 003); its notice of exigências is every cadastramento's (./cadastros.ts). */
import { z } from 'zod';
import { formatarCnpjValidado } from '../../rules/identificadores/cnpj';
import { FUNCOES_ETAP } from '../../rules/etap/qualificacao';
import { dataPorExtenso } from '../../rules/datas/extenso';
import { atoBase, dataCivil, instituicaoComEndereco, signatario, texto } from '../campos';
import { numeroSeiSchema } from '../../rules/identificadores/schemas';
import { assinaturaDe, definir, enderecoEmLinha, instituicaoDerivada } from './definicao';

const funcoes = Object.keys(FUNCOES_ETAP) as [keyof typeof FUNCOES_ETAP, ...(keyof typeof FUNCOES_ETAP)[]];

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
    instituicao: { ...instituicaoDerivada(d.instituicao), cnpj: formatarCnpjValidado(d.instituicao.cnpj), endereco: enderecoEmLinha(d.instituicao.endereco) },
    membros: d.membros.map((m) => ({ ...m, funcao: FUNCOES_ETAP[m.funcao], desde: dataPorExtenso(m.desde) })),
  }),
});

export const CATALOGO_ETAP = {
  'edital-cadastramento-etap': editalEtap,
} as const;
