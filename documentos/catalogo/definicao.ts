/**
 * What a document of the catalogue is (its espécie, form, schema, assunto,
 * signatures and derived values), and the derivations every family shares.
 */
import { z } from 'zod';
import { formatarCnpj } from '../../rules/identificadores/cnpj';
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
  return { cnpj: formatarCnpj(i.cnpj), endereco: i.endereco ? enderecoEmLinha(i.endereco) : null };
}

export function assinaturaDe(s: Signatario): Assinatura {
  return s.matricula ? { nome: s.nome, cargo: s.cargo, detalhe: `Matrícula ${s.matricula}` } : { nome: s.nome, cargo: s.cargo };
}


export function somarDias(data: string, dias: number): string {
  const [a, m, d] = data.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(a, m - 1, d + dias)).toISOString().slice(0, 10);
}
