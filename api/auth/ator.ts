/** Who is acting. Every state-changing action in rito is attributed to one Ator. */
export const PAPEIS = ['inspetor', 'comissao', 'coogie', 'supervisor', 'representante', 'administrador', 'sistema'] as const;
export type Papel = (typeof PAPEIS)[number];

export interface Ator {
  /** Stable id written into workflows, timelines and the audit log. */
  id: string;
  nome: string;
  papeis: Papel[];
  /** COOIE the internal user belongs to (null for central or external users). */
  unidade: string | null;
  /** CNPJs of the institutions an external user represents today. */
  instituicoes: string[];
}

/** The one seam behind which every way of logging in sits (password session, API key, gov.br OIDC). */
export interface Autenticador {
  autenticar(request: import('fastify').FastifyRequest): Promise<Ator | null>;
}
