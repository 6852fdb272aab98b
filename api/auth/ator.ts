/** Who is acting. Every state-changing action in rito is attributed to one Ator. */
export const PAPEIS = [
  'inspetor',
  'comissao',
  'coogie',
  'supervisor',
  'representante',
  'administrador',
  'sistema',
  // Sistema Presença (seed 000): MEC is granted by the administrator; the others only by a habilitação (api/habilitacoes).
  'mec',
  'coordenador-estadual',
  'auxiliar-estadual',
  'coordenador-municipal',
  'auxiliar-municipal',
  'operador-escolar',
] as const;
export type Papel = (typeof PAPEIS)[number];

/** What each role means (OpenAPI descriptions, admin screens). */
export const PAPEL_DESCRICAO: Record<Papel, string> = {
  inspetor: 'Inspetor(a) de uma COOIE: vê e conduz os processos da sua unidade',
  comissao: 'Membro de Comissão de Vistoria: vê os processos cuja Ordem de Serviço o(a) designa',
  coogie: 'COOGIE (central): vê todos os processos; instância central de reconsideração',
  supervisor: 'Supervisor(a): lê tudo no seu escopo, audita prazos e a trilha de auditoria',
  representante: 'Representante legal ou procurador(a) de instituições de ensino (usuário externo)',
  administrador: 'Administrador(a): contas, representações e chaves de API',
  sistema: 'Integração de sistema (somente chaves de API)',
  mec: 'MEC (SEB/DARE/CGAR): habilita os(as) Coordenadores(as) Estaduais do Sistema Presença',
  'coordenador-estadual': 'Coordenador(a) Estadual do Sistema Presença: habilita auxiliares estaduais e coordenadores(as) municipais da sua UF',
  'auxiliar-estadual': 'Auxiliar Estadual do Sistema Presença: acompanha a sua UF',
  'coordenador-municipal': 'Coordenador(a) Municipal do Sistema Presença: habilita auxiliares municipais e operadores(as) escolares do seu município',
  'auxiliar-municipal': 'Auxiliar Municipal do Sistema Presença: acompanha o seu município',
  'operador-escolar': 'Operador(a) Escolar do Sistema Presença: acompanha a sua escola (Código INEP)',
};

/** The Sistema Presença roles that only a habilitação grants and ends (rules/habilitacao/perfis.ts). */
export const PAPEIS_POR_HABILITACAO: readonly Papel[] = ['coordenador-estadual', 'auxiliar-estadual', 'coordenador-municipal', 'auxiliar-municipal', 'operador-escolar'];

/** Roles a person may hold (sistema is for machines only). */
export const PAPEIS_DE_PESSOA = PAPEIS.filter((p) => p !== 'sistema') as Exclude<Papel, 'sistema'>[];

export interface Ator {
  /** Stable id written into workflows, timelines and the audit log. */
  id: string;
  nome: string;
  papeis: Papel[];
  /** COOIE the internal user belongs to (null for central or external users). */
  unidade: string | null;
  /** CNPJs of the institutions an external user represents today (mandates resolved at request time). */
  instituicoes: string[];
  /** Processes whose Ordem de Serviço names this user in the Comissão de Vistoria (designations in force today). */
  comissoes: string[];
  /**
   * Processes (ids) of a procuração limited to named processes (representacao.processos), in force today:
   * the representante acts on these, not on the rest of their institution's. Absent: none.
   */
  processosRepresentados?: string[];
}

/** How the caller proved who it is. A gov.br (OpenID Connect) login ends in a `sessao` too. */
export type MeioAutenticacao = 'sessao' | 'chave-api';

export interface Autenticacao {
  ator: Ator;
  meio: MeioAutenticacao;
  /** Id of the session or API key used (never the secret itself). */
  credencialId: string;
  /** Session only: the token that unsafe requests must echo in X-CSRF-Token. */
  csrfToken?: string;
  /** Session only: when it expires. */
  expiraEm?: Date;
  /** API key only: its environment and the network it sends for (seed 001; api/lotes/rede.ts). */
  chave?: { ambiente: 'homologacao' | 'producao'; rede: string | null };
}

/**
 * The one seam behind which every way of logging in sits (password session, API
 * key, gov.br OIDC). Returns null for an anonymous caller or an invalid credential.
 */
export interface Autenticador {
  autenticar(request: import('fastify').FastifyRequest): Promise<Autenticacao | null>;
}
