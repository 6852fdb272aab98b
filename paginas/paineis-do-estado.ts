/**
 * The parts of a rite's state that the process page shows to the servidores
 * besides what every rite has (notice, prazo, task): each rite that keeps such
 * a field names here the partial that renders it (paginas/templates/_<parcial>.hbs)
 * and shapes the data for it. A rite without an entry shows nothing more.
 */
import type { DefinicaoRito } from '../rules/ritos/definicao';
import type { AvaliacaoEtap } from '../rules/etap/avaliacao';
import { DIAS_SEMANA } from '../rules/etap/cobertura';
import type { EstadoRitoProjetado } from '../workflows/ritos/definitions';

export interface PainelDoEstado {
  parcial: string;
  dados: unknown;
}

const PAINEIS: Record<string, (estado: Record<string, unknown>) => PainelDoEstado | null> = {
  // The ETAP: what rito checked of the request (rules/etap/avaliacao.ts), as the COOIE reads it.
  etap: (estado) => {
    const a = estado.avaliacao as AvaliacaoEtap | null | undefined;
    if (!a) return null;
    return {
      parcial: 'avaliacao-etap',
      dados: {
        ...a,
        lacunas: a.lacunas.map((l) => ({ ...l, diaRotulo: DIAS_SEMANA[l.dia] ?? l.dia })),
        membros: a.membros.map((m) => ({ ...m, temProblemas: m.problemas.length > 0 })),
        semProblemas: a.problemas.length === 0,
      },
    };
  },
};

export function painelDoEstado(def: Pick<DefinicaoRito, 'codigo'>, estado: EstadoRitoProjetado): PainelDoEstado | null {
  return PAINEIS[def.codigo]?.(estado as unknown as Record<string, unknown>) ?? null;
}
