/**
 * What the vistoria's workflow sends for each document it issues: one type per
 * document of the rite, so that `emitir` is checked per document at compile
 * time on both sides (the hooks that ask, the builders that assemble the
 * ofício from it and the process: activities/vistoria-documentos.ts).
 */
import type { z } from 'zod';
import type { ExigenciaVistoria, MembroComissaoVistoria, objetoEditalSchema } from './acoes';
import type { CodigoPrazoVistoria } from './fases';

type Termo = {
  realizadaEm: string;
  horaInicio: string;
  horaFim: string;
  representante: { nome: string; qualidade: 'representante-legal' | 'procurador' };
  verificacoes: { codigo?: string; item: string; situacao: 'atende' | 'nao-atende' | 'nao-se-aplica'; observacao?: string }[];
  observacoes?: string;
};

export interface ContextosDocumentoVistoria {
  'ordem-servico': { comissao: MembroComissaoVistoria[]; publicacao: { data: string; pagina: number } | null; central?: boolean };
  'agendamento-visita': { visita: { data: string; hora: string }; comissao: MembroComissaoVistoria[]; motivo: string | null };
  'termo-visita': { termoVisita: Termo; exigencias: ExigenciaVistoria[]; comissao: MembroComissaoVistoria[] };
  pronunciamento: {
    decisao: 'deferimento' | 'indeferimento';
    instancia: 'original' | 'reconsideracao' | 'apos-coogie';
    fundamentacao: string;
    exigenciasNaoAtendidas: ExigenciaVistoria[];
    comissao: MembroComissaoVistoria[];
  };
  /** The COOGIE's own Pronunciamento on the reconsideração (seed 003, "Pronunciamento do Órgão Central … será: I. Deferido … II. Indeferido"). */
  'pronunciamento-coogie': {
    decisao: 'deferimento' | 'indeferimento';
    fundamentacao: string;
    exigenciasNaoAtendidas: ExigenciaVistoria[];
    /** II: the representante did not answer the Estudo Técnico within its prazo. */
    semManifestacao: boolean;
  };
  'notificacao-exigencias': { codigoPrazo: CodigoPrazoVistoria; exigencias: ExigenciaVistoria[] };
  'notificacao-indeferimento': { recurso: 'reconsideracao' | 'recurso-cee'; motivos: ExigenciaVistoria[] };
  'estudo-tecnico': { exigencias: ExigenciaVistoria[]; analise: string };
  'edital-cadastramento': { objeto: z.output<typeof objetoEditalSchema>; publicacao: { data: string; pagina: number } };
  'encaminhamento-cee':
    | { destino: 'cee'; recursoProtocoladoEm: string }
    | { destino: 'art-49'; prazoEncerrado: { codigo: string; vencimento: string } | null; pedidoExtemporaneoEm: string | null };
}

export type DocumentoVistoria = keyof ContextosDocumentoVistoria;
