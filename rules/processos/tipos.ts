/**
 * The kinds of administrative process rito runs, and the rite each follows
 * (rules/ritos/registro.ts). A kind whose rite is not registered cannot be opened.
 */
export interface TipoProcessoInfo {
  readonly rotulo: string;
  /** Code of the rite the kind follows. */
  readonly rito: string;
}

export const TIPOS_PROCESSO: Readonly<Record<string, TipoProcessoInfo>> = {
  'apostilamento-endereco': { rotulo: 'Apostilamento de Endereço', rito: 'vistoria' },
  'aumento-capacidade': { rotulo: 'Aumento de Capacidade Máxima de Matrícula', rito: 'vistoria' },
  'entrada-suplementar': { rotulo: 'Entrada Suplementar', rito: 'vistoria' },
  'cadastro-etap': { rotulo: 'Cadastro de ETAP', rito: 'etap' },
  'alteracao-mantenedora': { rotulo: 'Alteração na Composição da Entidade Mantenedora', rito: 'mantenedora' },
  'relatorio-anual': { rotulo: 'Relatório Anual', rito: 'relatorio-anual' },
  'transferencia-mantenca': { rotulo: 'Transferência de Mantença', rito: 'transferencia-mantenca' },
};

const tipos = new Map<string, TipoProcessoInfo>(Object.entries(TIPOS_PROCESSO));

/** Adds a kind (a new rite's, or a test's). */
export function registrarTipoProcesso(tipo: string, info: TipoProcessoInfo): void {
  tipos.set(tipo, info);
}

export function tipoProcesso(tipo: string): TipoProcessoInfo | undefined {
  return tipos.get(tipo);
}

export function tiposProcesso(): string[] {
  return [...tipos.keys()];
}

/** The kind's label, or the code itself for a kind no longer known. */
export function rotuloTipoProcesso(tipo: string): string {
  return tipos.get(tipo)?.rotulo ?? tipo;
}

/**
 * Seed 002 art. 22 I forbids two processes with the same object and party: for a
 * school request that is the kind of request, the mantenedora (CNPJ) and the school (INEP).
 */
export function chaveProcesso(tipo: string, cnpj: string, codigoInep: string): string {
  return `${tipo}:${cnpj}:${codigoInep}`;
}

/** Process id and Temporal workflow id: readable, and the same for the same chave and ordinal. */
export function idProcesso(tipo: string, cnpj: string, codigoInep: string, ordinal: number): string {
  return `${tipo}-${cnpj}-${codigoInep}-${ordinal}`;
}
