/**
 * The profiles of the Sistema Presença (seed 000; Portaria Interministerial
 * MEC/MC nº 3/2022, seed 004, arts. 5–8 and 10) as data: who enables each, over
 * which place, which documents its pedido carries, and which are unique per
 * place. One workflow (workflows/habilitacao) runs the pedido of every profile;
 * the API and the pages read this table for their forms and their checks.
 *
 * Pure data: safe to import from Temporal workflow code.
 */
import { DEFINICAO_CREDENCIAMENTO, PERFIL_CREDENCIAMENTO } from './credenciamento';

export const PERFIS_PRESENCA = [
  'coordenador-estadual',
  'auxiliar-estadual',
  'coordenador-municipal',
  'auxiliar-municipal',
  'operador-escolar',
] as const;
export type PerfilPresenca = (typeof PERFIS_PRESENCA)[number];

/**
 * Who enables: MEC (SEB/DARE/CGAR), or the coordinator of the level above; the
 * administrador for the credenciamento of an external user (credenciamento.ts).
 */
export type Habilitador = 'mec' | 'coordenador-estadual' | 'coordenador-municipal' | 'administrador';

/**
 * The place a profile acts on: a UF, a município (the DF is one, art. 10) or a
 * school by its Código INEP; an institution by its CNPJ (credenciamento).
 */
export type Abrangencia = 'uf' | 'municipio' | 'escola' | 'instituicao';

/**
 * The kinds of pedido the one workflow runs: a Sistema Presença profile, or the
 * credenciamento of an external user (seed 002 arts. 16–19). The workflow and
 * its activities differ only where the kind says (what enabling creates, how an
 * active profile ends, the e-mails' wording).
 */
export type EspeciePedido = 'presenca' | 'credenciamento';

/** A document the pedido must carry. */
export interface DocumentoExigido {
  readonly codigo: string;
  readonly rotulo: string;
  readonly fonte: string;
}

export interface DefinicaoPerfil {
  readonly rotulo: string;
  /** Absent: a Sistema Presença profile. */
  readonly especie?: EspeciePedido;
  readonly habilitadoPor: Habilitador;
  readonly abrangencia: Abrangencia;
  /** "terá apenas 1 (um)": at most one active per place; a new one replaces the old (substituição). */
  readonly unicoPorLugar: boolean;
  /** A termo must be accepted in the system with the pré-cadastro (the Termo de Responsabilidade; art. 17's terms for the credenciamento). */
  readonly termoDeResponsabilidade: boolean;
  readonly documentos: readonly DocumentoExigido[];
  /** Documents admitted beside those, required only by a rule of the kind (the procuração of a procurador). */
  readonly documentosCondicionais?: readonly DocumentoExigido[];
  readonly baseLegal: string;
  /** The seed's words. */
  readonly fonte: string;
}

const OFICIO_NOMEACAO: DocumentoExigido = {
  codigo: 'oficio-nomeacao',
  rotulo: 'Ofício de nomeação assinado pelo(a) Secretário(a) Estadual de Educação',
  fonte: 'Seed 000: "Enviar ofício de nomeação assinado pelo(a) Secretário(a) Estadual de Educação para o MEC (MEC/SEB/DARE/CGAR)".',
};

const COMPROBATORIOS: DocumentoExigido = {
  codigo: 'documentos-comprobatorios',
  rotulo: 'Documentos comprobatórios exigidos pela Coordenação Estadual do programa',
  fonte: 'Seed 000: "Enviar documentos comprobatórios exigidos pela Coordenação Estadual do programa".',
};

export const DEFINICOES_PERFIL: Readonly<Record<PerfilPresenca, DefinicaoPerfil>> = {
  'coordenador-estadual': {
    rotulo: 'Coordenador(a) Estadual',
    habilitadoPor: 'mec',
    abrangencia: 'uf',
    unicoPorLugar: true,
    termoDeResponsabilidade: false,
    documentos: [OFICIO_NOMEACAO],
    baseLegal: 'Portaria Interministerial MEC/MC nº 3/2022, arts. 5º e 6º',
    fonte: 'Seed 000: "O MEC é responsável por habilitar os perfis de Coordenadores(as) Estaduais e do Distrito Federal"; "Cada estado e o Distrito Federal terá apenas 1 (um) Coordenador(a) Estadual".',
  },
  'auxiliar-estadual': {
    rotulo: 'Auxiliar Estadual',
    habilitadoPor: 'coordenador-estadual',
    abrangencia: 'uf',
    unicoPorLugar: false,
    termoDeResponsabilidade: false,
    documentos: [],
    baseLegal: 'Portaria Interministerial MEC/MC nº 3/2022, art. 6º',
    fonte: 'Seed 000: o(a) Coordenador(a) Estadual "poderá habilitar diversos" Auxiliares Estaduais.',
  },
  'coordenador-municipal': {
    rotulo: 'Coordenador(a) Municipal',
    habilitadoPor: 'coordenador-estadual',
    abrangencia: 'municipio',
    unicoPorLugar: true,
    termoDeResponsabilidade: true,
    documentos: [COMPROBATORIOS],
    baseLegal: 'Portaria Interministerial MEC/MC nº 3/2022, arts. 6º, 7º e 10',
    fonte: 'Seed 000: "Preencher os dados de pré-cadastro e assinar o Termo de Responsabilidade disponível no sistema"; "A ativação deste perfil é feita pela Coordenação Estadual"; "Cada município e o Distrito Federal terá apenas 1 (um) Coordenador(a) Municipal".',
  },
  'auxiliar-municipal': {
    rotulo: 'Auxiliar Municipal',
    habilitadoPor: 'coordenador-municipal',
    abrangencia: 'municipio',
    unicoPorLugar: false,
    termoDeResponsabilidade: false,
    documentos: [],
    baseLegal: 'Portaria Interministerial MEC/MC nº 3/2022, art. 7º',
    fonte: 'Seed 000: o(a) Coordenador(a) Municipal "poderá habilitar diversos Auxiliares Municipais".',
  },
  'operador-escolar': {
    rotulo: 'Operador(a) Escolar',
    habilitadoPor: 'coordenador-municipal',
    abrangencia: 'escola',
    // "um por escola, sempre que possível" (art. 8º I): a second one is admitted, not replaced.
    unicoPorLugar: false,
    termoDeResponsabilidade: false,
    documentos: [],
    baseLegal: 'Portaria Interministerial MEC/MC nº 3/2022, arts. 7º e 8º, I',
    fonte: 'Seed 000: "O sistema solicitará o Código INEP da escola para vinculação do cadastro"; "O(A) Coordenador(a) Municipal e do Distrito é responsável por habilitar este perfil".',
  },
};

export function isPerfilPresenca(v: unknown): v is PerfilPresenca {
  return typeof v === 'string' && (PERFIS_PRESENCA as readonly string[]).includes(v);
}

/** Every profile a pedido may ask for: the Presença ones and the external user's (credenciamento.ts). */
export type PerfilPedido = PerfilPresenca | typeof PERFIL_CREDENCIAMENTO;

export function isPerfilPedido(v: unknown): v is PerfilPedido {
  return isPerfilPresenca(v) || v === PERFIL_CREDENCIAMENTO;
}

/** The row of the table that governs a pedido of `perfil`. */
export function definicaoDoPerfil(perfil: PerfilPedido): DefinicaoPerfil {
  return perfil === PERFIL_CREDENCIAMENTO ? DEFINICAO_CREDENCIAMENTO : DEFINICOES_PERFIL[perfil];
}

export const especieDoPerfil = (perfil: PerfilPedido): EspeciePedido => definicaoDoPerfil(perfil).especie ?? 'presenca';

/** The place key of a profile: the UF, the município's IBGE code, the school's INEP or the institution's CNPJ. */
export function lugarDoPerfil(perfil: PerfilPedido, l: { uf: string; municipio?: string | null; codigoInep?: string | null; cnpj?: string | null }): string {
  const a = definicaoDoPerfil(perfil).abrangencia;
  if (a === 'uf') return l.uf;
  if (a === 'municipio') return l.municipio ?? '';
  if (a === 'instituicao') return l.cnpj ?? '';
  return l.codigoInep ?? '';
}

/** The profiles a habilitador enables (the reverse of `habilitadoPor`). */
export function perfisHabilitadosPor(h: Habilitador): PerfilPresenca[] {
  return PERFIS_PRESENCA.filter((p) => DEFINICOES_PERFIL[p].habilitadoPor === h);
}

/**
 * Who sees an overdue pedido: the level above the one that owes the decision.
 * MEC has none above it inside rito: its overdue pedidos are shown to MEC itself.
 */
export function nivelAcima(h: Habilitador): Habilitador {
  if (h === 'coordenador-municipal') return 'coordenador-estadual';
  // The administração has none above it inside rito either (supervisors see every overdue pedido).
  if (h === 'administrador') return 'administrador';
  return 'mec';
}
