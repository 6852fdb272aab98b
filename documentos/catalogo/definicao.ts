/**
 * What a document of the catalogue is (its espécie, form, schema, assunto,
 * signatures and derived values), and the derivations every family shares.
 */
import { z } from 'zod';
import { dataNumerica, dataPorExtenso } from '../../rules/datas/extenso';
import { formatarCnpjValidado } from '../../rules/identificadores/cnpj';
import type { PrazoRito } from '../../rules/ritos/definicao';
import { numeroComExtenso } from '../extenso';
import type { Endereco, Signatario } from '../campos';

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

export function definir<S extends z.ZodType>(def: DefinicaoDocumento<S>): DefinicaoDocumento<S> {
  return def;
}


// ---------------------------------------------------------------------------
// Shared derivations
// ---------------------------------------------------------------------------

export function enderecoEmLinha(e: Endereco): string {
  return `${e.logradouro}${e.complemento ? `, ${e.complemento}` : ''}, ${e.bairro}, ${e.municipio}/${e.uf}, CEP ${e.cep}`;
}

export function instituicaoDerivada(i: { nome: string; cnpj: string; codigoInep: string; endereco?: Endereco }) {
  return { cnpj: formatarCnpjValidado(i.cnpj), endereco: i.endereco ? enderecoEmLinha(i.endereco) : null };
}

export function assinaturaDe(s: Signatario): Assinatura {
  return s.matricula ? { nome: s.nome, cargo: s.cargo, detalhe: `Matrícula ${s.matricula}` } : { nome: s.nome, cargo: s.cargo };
}


export function somarDias(data: string, dias: number): string {
  const [a, m, d] = data.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(a, m - 1, d + dias)).toISOString().slice(0, 10);
}

/** Text of a rite's prazo (its definition's data: duration, counting, extension, base legal), with its limit when known. */
export function textoDoPrazo(p: PrazoRito, datas: { ciencia?: string; vencimento?: string } = {}) {
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

/** The dates of a running prazo against the document's date. */
export function validarDatasPrazo(campo: string, datas: { ciencia?: string; vencimento?: string }, ctx: ContextoEmissao): CampoInvalido[] {
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

/** What templates say of a list of exigências: each one's nature, and whether any is física. */
export function exigenciasDerivadas(lista: readonly { natureza: 'documental' | 'fisica' }[]) {
  return {
    naturezas: lista.map((e) => (e.natureza === 'fisica' ? 'física' : 'documental')),
    haFisicas: lista.some((e) => e.natureza === 'fisica'),
  };
}
