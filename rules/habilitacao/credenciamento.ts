/**
 * The credenciamento of an external user (representante legal or procurador of
 * an institution) as a pedido of the same engine as the Sistema Presença
 * profiles (workflows/habilitacao): IN SEI-MEC (DOU 16/10/2025), seed 002,
 * arts. 16–19. Its row of the table of profiles, what the representation it
 * creates says, and when that representation ends.
 *
 * Pure data and arithmetic: safe to import from Temporal workflow code.
 */
import { inicioDoDiaBrasilia, lerData } from '../calendario';
import type { DefinicaoPerfil, DocumentoExigido } from './perfis';

/** The profile of the credenciamento: the account role it grants (api/auth/ator.ts). */
export const PERFIL_CREDENCIAMENTO = 'representante' as const;

export const TIPOS_REPRESENTACAO = ['representante-legal', 'procurador'] as const;
export type TipoRepresentacao = (typeof TIPOS_REPRESENTACAO)[number];

/**
 * Whom the external user represents and how far, as declared in the pré-cadastro
 * (and corrected at a new sending after a pendência); the analysing unit checks
 * it against the documents before approving.
 */
export interface DadosRepresentacao {
  /** CNPJ of the institution (the mantenedora's; 14 characters, numeric or alphanumeric). */
  cnpj: string;
  instituicaoNome: string;
  tipo: TipoRepresentacao;
  /** Last day of validity of the procuração (or of the mandate in the ato constitutivo), YYYY-MM-DD; null: no end date. */
  ate: string | null;
  /** Numbers of the processes the procuração is limited to (SEI numbers); null: every process of the institution. */
  processos: string[] | null;
}

export const ATO_CONSTITUTIVO: DocumentoExigido = {
  codigo: 'ato-constitutivo',
  rotulo: 'Ato constitutivo da instituição (contrato social ou estatuto) e suas alterações',
  fonte:
    'Seed 002, art. 16: cadastro "mediante prévio credenciamento e envio da documentação requerida"; o ato constitutivo prova quem representa a entidade (issue 14).',
};

export const PROCURACAO: DocumentoExigido = {
  codigo: 'procuracao',
  rotulo: 'Procuração, com a sua validade e os poderes (todos os processos da instituição ou processos nomeados)',
  fonte: 'Seed 002, art. 16 ("envio da documentação requerida"); exigida do procurador, não do representante legal (issue 14).',
};

/**
 * Who decides: the administrador. Choice (seed 002 art. 16 § 2º: "A liberação do
 * cadastro, mediante conferência dos documentos, será realizada pela Unidade de
 * Gestão do SEI-MEC"): in rito the unit that manages accounts and representações
 * is the administração (api/contas, the only role that registers a representação
 * by hand today). A COOIE inspetor was the alternative; it was not chosen because
 * an institution asking for its first credenciamento may have no process in rito,
 * and so no COOIE rito knows of.
 */
export const DEFINICAO_CREDENCIAMENTO: DefinicaoPerfil = {
  rotulo: 'Usuário externo (representante de instituição)',
  especie: 'credenciamento',
  habilitadoPor: 'administrador',
  abrangencia: 'instituicao',
  unicoPorLugar: false,
  // The acceptance of the terms of art. 17 (api/credenciamentos/termo.ts), recorded with its SHA-256.
  termoDeResponsabilidade: true,
  // The procuração is required of a procurador only (conferirCredenciamento in api/habilitacoes/service.ts).
  documentos: [ATO_CONSTITUTIVO],
  documentosCondicionais: [PROCURACAO],
  baseLegal: 'IN SEI-MEC (DOU 16/10/2025), arts. 16 a 19',
  fonte:
    'Seed 002, art. 16: "O cadastro como usuário externo é ato pessoal, intransferível, indelegável e irrevogável, e dar-se-á mediante prévio credenciamento e envio da documentação requerida"; § 2º "A liberação do cadastro, mediante conferência dos documentos, será realizada pela Unidade de Gestão".',
};

/**
 * The instant a representation ends: a procuração valid "até" a day is valid
 * through that whole day, Brasília time (the same rule as api/contas fimDe):
 * it ends at 00:00 of the next day.
 */
export function fimDaVigencia(ate: string): number {
  return inicioDoDiaBrasilia(lerData(ate, 'ate') + 1);
}

/** Whether a procuração valid until `ate` is already over at `emMs`: refused at the pré-cadastro, a new sending and the approval. */
export const procuracaoVencida = (ate: string, emMs: number) => fimDaVigencia(ate) <= emMs;

/** A civil date as people read it: '2027-06-30' → '30/06/2027'. */
export const dataBR = (data: string) => data.slice(0, 10).split('-').reverse().join('/');
