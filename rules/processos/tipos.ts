/** The kinds of administrative process rito runs, and the rite each follows. */
export const TIPOS_PROCESSO = {
  'apostilamento-endereco': { rotulo: 'Apostilamento de Endereço', rito: 'vistoria' },
  'aumento-capacidade': { rotulo: 'Aumento de Capacidade Máxima de Matrícula', rito: 'vistoria' },
  'entrada-suplementar': { rotulo: 'Entrada Suplementar', rito: 'vistoria' },
  'cadastro-etap': { rotulo: 'Cadastro de ETAP', rito: 'etap' },
} as const;

export type TipoProcesso = keyof typeof TIPOS_PROCESSO;
export const tiposProcesso = Object.keys(TIPOS_PROCESSO) as [TipoProcesso, ...TipoProcesso[]];

/**
 * Seed 002 art. 22 I forbids two processes with the same object and party: for a
 * school request that is the kind of request, the mantenedora (CNPJ) and the school (INEP).
 */
export function chaveProcesso(tipo: TipoProcesso, cnpj: string, codigoInep: string): string {
  return `${tipo}:${cnpj}:${codigoInep}`;
}

/** Process id and Temporal workflow id: readable, and the same for the same chave and ordinal. */
export function idProcesso(tipo: TipoProcesso, cnpj: string, codigoInep: string, ordinal: number): string {
  return `${tipo}-${cnpj}-${codigoInep}-${ordinal}`;
}
