/**
 * The cadastramento of the ETAP (seed 003, "Cadastramento de Alteração da
 * Equipe Técnico-Administrativo-Pedagógica - ETAP", Fluxo items 1–5) as one
 * definition for the rite engine:
 *
 *   1. the representante sends the requerimento (members, Quadro, opening hours);
 *   2. the COOIE autua the SEI process;
 *   3. the COOIE applies the checklist, and asks the COOGIE whether any member
 *      was penalised under Lei Estadual nº 6.533/2013 (Del. CEE 388/2020 art. 19 § 3º);
 *   4. exigências go to the representante, who meets them;
 *   5. with none left, the COOGIE publishes the edital of cadastramento in DOERJ.
 *
 * Pure data: safe in workflow code.
 */
import { ATORES_CADASTRO, type AtorCadastro, PRAZO_TAREFA_CADASTRO, acoesDoRito } from '../cadastros/definicao';
import { ACAO_EXPIRAR_PRAZO, type DefinicaoRito, type PrazoRito } from '../ritos/definicao';
import { prazoExigenciasCadastro } from '../cadastros/prazo';
import { type AcaoEtap, DADOS_ACAO_ETAP } from './acoes';

export type FaseEtap = 'requerimento' | 'autuacao' | 'analise' | 'consulta-coogie' | 'exigencias' | 'edital' | 'cadastrado' | 'indeferido';
export type AtorEtap = AtorCadastro;
export type CodigoPrazoEtap = 'exigencias-etap';

/** The seed gives no prazo for the ETAP's exigências: the one chosen for every cadastramento (rules/cadastros/prazo.ts). */
export const PRAZOS_ETAP: Readonly<Record<CodigoPrazoEtap, PrazoRito<CodigoPrazoEtap>>> = {
  'exigencias-etap': prazoExigenciasCadastro('exigencias-etap', 'Cumprimento das exigências do cadastramento da ETAP', 'Fluxo para o cadastramento ETAP, item 4'),
};

const ROTULOS: Record<AcaoEtap, readonly [string, AtorEtap]> = {
  'apresentar-requerimento': ['Apresentar o requerimento de cadastramento da ETAP', 'representante-legal'],
  autuar: ['Autuar o processo SEI de cadastramento da ETAP', 'cooie'],
  'consultar-coogie': ['Consultar a COOGIE sobre apenação dos membros (Lei Estadual nº 6.533/2013)', 'cooie'],
  'responder-consulta': ['Responder à consulta sobre apenação dos membros', 'coogie'],
  'registrar-exigencias': ['Registrar exigências do cadastramento', 'cooie'],
  'cumprir-exigencias': ['Cumprir as exigências', 'representante-legal'],
  'aprovar-cadastramento': ['Aprovar o cadastramento (sem exigências restantes)', 'cooie'],
  indeferir: ['Indeferir o cadastramento', 'cooie'],
  'publicar-edital': ['Publicar o edital de cadastramento da ETAP no DOERJ', 'coogie'],
  [ACAO_EXPIRAR_PRAZO]: ['Registrar o fim do prazo sem manifestação', 'sistema'],
};

const acoes = acoesDoRito(DADOS_ACAO_ETAP, ROTULOS, { autuar: ['numero-sei-livre'] });

const fase = (rotulo: string, responsavel: AtorEtap | null, aguardaPrazo: CodigoPrazoEtap | null, passo: string, terminal = false) => ({
  rotulo,
  responsavel,
  aguardaPrazo,
  terminal,
  passo,
});

export const RITO_ETAP: DefinicaoRito<FaseEtap, AcaoEtap, CodigoPrazoEtap, AtorEtap> = {
  codigo: 'etap',
  rotulo: 'Cadastramento da Equipe Técnico-Administrativo-Pedagógica (ETAP)',
  faseInicial: 'requerimento',
  fases: {
    requerimento: fase('Processo aberto — aguardando o requerimento com os membros e o Quadro da ETAP', 'representante-legal', null, '1'),
    autuacao: fase('Requerimento recebido — autuação do processo SEI pela COOIE', 'cooie', null, '2'),
    analise: fase('Análise da COOIE: checklist de conferência documental e habilitações', 'cooie', null, '3'),
    'consulta-coogie': fase('Consulta à COOGIE sobre apenação dos membros (Lei Estadual nº 6.533/2013)', 'coogie', null, '3'),
    exigencias: fase('Exigências comunicadas — prazo de 20 dias para cumprimento', 'representante-legal', 'exigencias-etap', '4'),
    edital: fase('Sem exigências — edital de cadastramento para publicação no DOERJ', 'coogie', null, '5'),
    cadastrado: fase('ETAP cadastrada (edital publicado no DOERJ)', null, null, '5', true),
    indeferido: fase('Cadastramento indeferido', null, null, '4', true),
  },
  acoes,
  transicoes: [
    { de: 'requerimento', acao: 'apresentar-requerimento', para: 'autuacao', nota: 'Fluxo 1' },
    { de: 'autuacao', acao: 'autuar', para: 'analise', nota: 'Fluxo 2' },
    { de: 'analise', acao: 'consultar-coogie', para: 'consulta-coogie', nota: 'Fluxo 3: pesquisa junto à COOGIE (Del. CEE 388/2020 art. 19 § 3º)' },
    { de: 'consulta-coogie', acao: 'responder-consulta', para: 'analise' },
    { de: 'analise', acao: 'registrar-exigencias', para: 'exigencias', nota: 'Fluxo 4' },
    { de: 'exigencias', acao: 'cumprir-exigencias', para: 'analise' },
    // After the prazo, with or without an answer, the COOIE decides: new exigências, approval or indeferimento.
    { de: 'exigencias', acao: ACAO_EXPIRAR_PRAZO, para: 'analise' },
    { de: 'analise', acao: 'aprovar-cadastramento', para: 'edital', nota: 'Fluxo 5' },
    { de: 'analise', acao: 'indeferir', para: 'indeferido' },
    { de: 'edital', acao: 'publicar-edital', para: 'cadastrado', nota: 'Fluxo 5: Edital de Publicação em Diário Oficial' },
  ],
  prazos: PRAZOS_ETAP,
  atores: ATORES_CADASTRO,
  prazoTarefa: PRAZO_TAREFA_CADASTRO,
  mensagens: { acao: 'acaoEtap', estado: 'estadoEtap' },
  // The representante sees his own request whole (it is his data); the CPFs are masked by the API's listings.
};
