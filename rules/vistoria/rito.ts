/**
 * The vistoria rite as one definition for the rite engine: the graph of
 * ./fases.ts, the data of each action (./acoes.ts), its actors, the deadline
 * of the units' tasks, and the checks the API runs before an action.
 */
import type { AcaoRito, DefinicaoRito, VerificacaoPrevia } from '../ritos/definicao';
import { DADOS_ACAO_VISTORIA } from './acoes';
import {
  ACOES_VISTORIA,
  type AcaoVistoria,
  ATORES_VISTORIA,
  type AtorVistoria,
  type CodigoPrazoVistoria,
  type FaseVistoria,
  GRAFO_VISTORIA,
} from './fases';
import { projetarVistoriaParaParte } from './parte';

/** Checks that need the database, run by the API before the action reaches the workflow. */
const VERIFICACOES: Partial<Record<AcaoVistoria, readonly VerificacaoPrevia[]>> = {
  autuar: ['numero-sei-livre'],
  'publicar-ordem-servico': ['comissao-com-contas'],
  'emitir-ordem-servico': ['comissao-com-contas'],
  'designar-comissao-verificacao': ['comissao-com-contas'],
};

/** Del. CEE nº 388/2020: a request after the prazo is extemporânea and its indeferimento compulsory. */
const RECONSIDERACAO_EXTEMPORANEA = {
  destino: 'art-49' satisfies FaseVistoria,
  mensagem: (limite: string) =>
    `Pedido de reconsideração extemporâneo (prazo encerrado em ${limite}): indeferimento compulsório; seguem-se os ritos do art. 49 da Deliberação CEE nº 388/2020.`,
};

const acoes = Object.fromEntries(
  (Object.keys(ACOES_VISTORIA) as AcaoVistoria[]).map((a): [AcaoVistoria, AcaoRito<AtorVistoria>] => [
    a,
    {
      rotulo: ACOES_VISTORIA[a].rotulo,
      ator: ACOES_VISTORIA[a].ator,
      schema: DADOS_ACAO_VISTORIA[a],
      ...(VERIFICACOES[a] ? { verificacoes: VERIFICACOES[a] } : {}),
      ...(a === 'pedir-reconsideracao' ? { foraDoPrazo: RECONSIDERACAO_EXTEMPORANEA } : {}),
    },
  ]),
) as Record<AcaoVistoria, AcaoRito<AtorVistoria>>;

export const RITO_VISTORIA: DefinicaoRito<FaseVistoria, AcaoVistoria, CodigoPrazoVistoria, AtorVistoria> = {
  ...GRAFO_VISTORIA,
  codigo: 'vistoria',
  rotulo: 'Vistoria (apostilamento de endereço, aumento de capacidade, entrada suplementar)',
  acoes,
  atores: ATORES_VISTORIA,
  /**
   * A decision the Administration owes after instruction: 30 days (Lei federal
   * nº 9.784/1999, art. 49, applied subsidiarily: the seed sets no prazo for the units).
   */
  prazoTarefa: { dias: 30, baseLegal: 'Lei federal nº 9.784/1999, art. 49 (aplicação subsidiária)' },
  mensagens: { acao: 'acaoVistoria', estado: 'estadoVistoria' },
  projetarParaParte: projetarVistoriaParaParte,
};
