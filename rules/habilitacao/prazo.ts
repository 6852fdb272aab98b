/**
 * The prazo of the analysis of a pedido de habilitação.
 *
 * Seed 000 gives none for the Sistema Presença. rito uses the one the same
 * Administration set for the analogous act (the conference of the documents of
 * an external user's registration), seed 002 art. 16:
 *   § 3º "O resultado da análise da documentação será informado … em até cinco
 *   dias úteis a partir da protocolização do pedido."
 *   § 4º "Em caso de verificação de pendências … o prazo de análise … será
 *   reiniciado a cada novo envio."
 * For the credenciamento of external users (credenciamento.ts) it is that
 * article itself, not an analogy.
 * Counted like every prazo of rito (rules/prazos): the day of the protocol is
 * excluded, business days of the place of the level that decides.
 * When it passes without a decision the pedido is shown as overdue to the level
 * above (rules/habilitacao/perfis.ts nivelAcima); nothing is decided by silence.
 *
 * Pure: safe to import from Temporal workflow code.
 */
import { type DiaDecretado, diaCivilBrasilia, formatarData, type Local } from '../calendario';
import { calcularPrazo } from '../prazos';
import type { ResultadoPrazo } from '../prazos/tipos';
import type { Habilitador } from './perfis';

export const PRAZO_ANALISE_HABILITACAO = {
  dias: 5,
  uteis: true,
  baseLegal: 'IN SEI-MEC (DOU 16/10/2025), art. 16, §§ 3º e 4º, aplicada por analogia',
  fonte: '"O resultado da análise da documentação será informado … em até cinco dias úteis a partir da protocolização do pedido"; "o prazo de análise … será reiniciado a cada novo envio".',
} as const;

/**
 * Brasília (DF) for MEC; the UF for the state coordination; the município for the municipal one.
 * The administrador (credenciamento of external users): the capital of RJ, Rio de Janeiro (IBGE
 * 3304557), seat of the SEEDUC-RJ whose administração keeps rito's accounts. Choice (seed 002 is
 * MEC's IN and names no calendar): the business days of the órgão where the act is done, as every
 * prazo of rito (Lei 9.784/1999 art. 66 § 1º; docs/dominio.md, "whose calendar").
 */
export const LOCAL_DA_ADMINISTRACAO: Local = { uf: 'RJ', municipio: '3304557' };

export function localDaAnalise(habilitador: Habilitador, pedido: { uf: string; municipio?: string | null }): Local {
  if (habilitador === 'mec') return { uf: 'DF', municipio: '5300108' };
  if (habilitador === 'administrador') return LOCAL_DA_ADMINISTRACAO;
  if (habilitador === 'coordenador-estadual') return { uf: pedido.uf as Local['uf'] };
  return { uf: pedido.uf as Local['uf'], ...(pedido.municipio ? { municipio: pedido.municipio } : {}) };
}

/** The end of the analysis of a pedido protocolado (or sent again) at `protocoladoEmMs`. */
export function prazoDeAnalise(protocoladoEmMs: number, local: Local, diasDecretados: readonly DiaDecretado[] = []): ResultadoPrazo {
  return calcularPrazo({
    ciencia: formatarData(diaCivilBrasilia(protocoladoEmMs)),
    dias: PRAZO_ANALISE_HABILITACAO.dias,
    uteis: PRAZO_ANALISE_HABILITACAO.uteis,
    local,
    diasDecretados,
  });
}
