import {
  type AtorRito,
  type FaseRito,
  type GrafoRito,
  type PrazoRito,
  type ResultadoTransicao,
  type TransicaoRito,
  acoesDisponiveis as acoesDoGrafo,
  faseTerminal as faseTerminalDoGrafo,
  fasesAlcancaveis as alcancaveisNoGrafo,
  isAcao,
  isFase,
  transicaoPermitida as transicaoNoGrafo,
  transicoesDe as transicoesDoGrafo,
} from '../ritos/definicao';

/**
 * The vistoria rite as data (DOMAIN.md "Vistoria rites" steps 1–11; seed 003,
 * "Fluxo para o cadastramento de …", "Do Recurso", "Dos Ritos Administrativos").
 * The three kinds share this rite; they differ only in their checklists.
 *
 * - FASES_VISTORIA: every phase, its pt-BR label, who acts in it, and which prazo
 *   (if any) it waits on.
 * - ACOES_VISTORIA: every action, its label and actor.
 * - TRANSICOES_VISTORIA: (fase, ação) → fase. Deterministic: at most one row per
 *   (fase, ação).
 * - PRAZOS_VISTORIA: each prazo of the rite.
 *
 * Where the seed is silent the choice is written next to the data (DOMAIN: "choose
 * what a careful public servant would expect and write the choice down").
 *
 * Pure data and functions: safe to import from Temporal workflow code.
 */

// ---------------------------------------------------------------------------
// Prazos
// ---------------------------------------------------------------------------

export const CODIGOS_PRAZO_VISTORIA = [
  'exigencias-forma',
  'exigencias-merito',
  'reconsideracao',
  'estudo-tecnico',
  'recurso-cee',
] as const;

export type CodigoPrazoVistoria = (typeof CODIGOS_PRAZO_VISTORIA)[number];

export type PrazoVistoria = PrazoRito<CodigoPrazoVistoria>;

export const PRAZOS_VISTORIA: Readonly<Record<CodigoPrazoVistoria, PrazoVistoria>> = {
  'exigencias-forma': {
    codigo: 'exigencias-forma',
    rotulo: 'Cumprimento das exigências da análise de forma',
    dias: 10,
    uteis: false,
    contarDe: 'dia-seguinte',
    prorrogavel: false,
    improrrogavelExpresso: true,
    notificacao: 'notificacao-exigencias',
    // The seed gives no dispositivo for this prazo; it is set by the guide.
    baseLegal: 'Deliberação CEE nº 388/2020; Guia de Inspeção Escolar SEEDUC-RJ, Fluxo, item 3',
    fonte:
      'A COOIE analisará o processo, aplicando checklist de conferência documental de análise de forma e tendo sido identificadas exigências, deverá ser concedido prazo de 10 dias Improrrogáveis, para adequação ao previsto na norma',
  },
  'exigencias-merito': {
    codigo: 'exigencias-merito',
    rotulo: 'Cumprimento das exigências da Comissão de Vistoria',
    dias: 20,
    uteis: false,
    contarDe: 'dia-seguinte',
    prorrogavel: true,
    improrrogavelExpresso: false,
    notificacao: 'notificacao-exigencias',
    baseLegal: 'Deliberação CEE nº 388/2020; Guia de Inspeção Escolar SEEDUC-RJ, Fluxo, item 9',
    fonte:
      'Após a visita e tendo sido identificadas exigências pela Comissão de Vistoria (documentais ou físicas), será concedido ao Representante Legal o prazo de 20 (vinte) dias, prorrogáveis por igual período para cumprimento.',
  },
  reconsideracao: {
    codigo: 'reconsideracao',
    rotulo: 'Pedido de reconsideração do indeferimento',
    dias: 20,
    uteis: false,
    contarDe: 'primeiro-dia-util',
    prorrogavel: false,
    improrrogavelExpresso: false,
    notificacao: 'notificacao-indeferimento',
    baseLegal: 'Deliberação CEE nº 388/2020, art. 41, § 1º',
    fonte:
      'Caso a decisão da Comissão de Vistoria for de Indeferimento, o Representante Legal deverá ser cientificado do prazo de 20 (vinte) dias a contar do primeiro dia útil seguinte à comunicação, para interposição do recurso, nos termos do § 1º do Artigo 41 da Deliberação CEE nº 388/2020',
  },
  'estudo-tecnico': {
    codigo: 'estudo-tecnico',
    rotulo: 'Cumprimento integral das exigências do Estudo Técnico (COOGIE)',
    dias: 10,
    uteis: true,
    contarDe: 'dia-seguinte',
    prorrogavel: false,
    improrrogavelExpresso: false,
    notificacao: 'notificacao-exigencias',
    baseLegal:
      'Deliberação CEE nº 388/2020, art. 41, § 2º; Guia de Inspeção Escolar SEEDUC-RJ, Dos Ritos Administrativos – Órgão Central de Inspeção Escolar – COOGIE, alínea b',
    fonte:
      'Encaminhamento de e-mail ao Representante Legal ou Procurador Legalmente constituído, para ciência das exigências, concedendo o prazo de 10 (dez) dias úteis para cumprimento integral',
  },
  'recurso-cee': {
    codigo: 'recurso-cee',
    rotulo: 'Recurso ao Conselho Estadual de Educação',
    dias: 20,
    uteis: false,
    // The seed says only "o prazo de 20 dias"; the general rule (from the ciência,
    // day of ciência excluded) applies.
    contarDe: 'dia-seguinte',
    prorrogavel: false,
    improrrogavelExpresso: false,
    notificacao: 'notificacao-indeferimento',
    baseLegal: 'Deliberação CEE nº 388/2020, art. 44',
    fonte:
      'Deverá ser concedido ao Representante Legal ou Procurador Legalmente constituído o prazo de 20 dias para solicitar recurso ao Conselho Estadual de Educação, nos termos do artigo 44 da Deliberação CEE nº 388/2020.',
  },
};

/**
 * Not a prazo the rite waits on but a constraint on scheduling: the visit is
 * scheduled by e-mail "com no mínimo 05 dias de antecedência" (Fluxo item 7, and
 * for the revisit after the COOGIE's deferimento "com antecedência mínima de 05
 * dias"; applied to every visit of the rite). DOMAIN prazos rule 8.
 */
export const ANTECEDENCIA_MINIMA_VISITA = {
  dias: 5,
  uteis: false,
  fonte: 'a Comissão de Vistoria deverá agendar a visita via e-mail, com no mínimo 05 dias de antecedência',
} as const;

// ---------------------------------------------------------------------------
// Atores, fases, ações
// ---------------------------------------------------------------------------

export type AtorVistoria = 'representante-legal' | 'cooie' | 'comissao' | 'coogie' | 'sistema';

/** Who acts in the rite, and which account role plays each actor. */
export const ATORES_VISTORIA: Readonly<Record<AtorVistoria, AtorRito>> = {
  'representante-legal': { rotulo: 'Representante Legal ou Procurador Legalmente constituído', papel: 'representante' },
  cooie: { rotulo: 'Coordenadoria Regional de Inspeção Escolar (COOIE)', papel: 'inspetor' },
  // Only the servidores the Ordem de Serviço names act as the Comissão of a process.
  comissao: { rotulo: 'Comissão de Vistoria', papel: 'comissao', designadoNoProcesso: true },
  coogie: { rotulo: 'Coordenadoria Geral de Inspeção Escolar (COOGIE)', papel: 'coogie' },
  sistema: { rotulo: 'Sistema (expiração de prazo)', papel: null },
};

export const FASES_VISTORIA_CODIGOS = [
  'requerimento',
  'analise-forma',
  'exigencias-forma',
  'reanalise-forma',
  'arquivado',
  'ordem-servico',
  'publicacao-ordem-servico',
  'analise-merito',
  'exigencias-documentais-merito',
  'visita-agendada',
  'exigencias-merito',
  'pronunciamento',
  'encaminhado-coogie',
  'edital-publicado',
  'indeferido',
  'reconsideracao-comissao',
  'visita-reconsideracao',
  'reconsideracao-coogie',
  'estudo-tecnico',
  'analise-coogie',
  'retorno-comissao',
  'visita-retorno',
  'prazo-recurso-cee',
  'recurso-cee',
  'art-49',
] as const;

export type FaseVistoria = (typeof FASES_VISTORIA_CODIGOS)[number];

export interface DescricaoFase extends FaseRito<AtorVistoria, CodigoPrazoVistoria> {
  readonly fase: FaseVistoria;
  readonly passo: string;
}

function fase(
  f: FaseVistoria,
  rotulo: string,
  responsavel: AtorVistoria | null,
  aguardaPrazo: CodigoPrazoVistoria | null,
  passo: string,
): DescricaoFase {
  return { fase: f, rotulo, responsavel, aguardaPrazo, terminal: responsavel === null, passo };
}

export const FASES_VISTORIA: Readonly<Record<FaseVistoria, DescricaoFase>> = {
  requerimento: fase('requerimento', 'Requerimento Inicial recebido', 'cooie', null, '1'),
  'analise-forma': fase('analise-forma', 'Análise de forma (checklist documental)', 'cooie', null, '2'),
  'exigencias-forma': fase(
    'exigencias-forma',
    'Exigências de forma — prazo de 10 dias improrrogáveis',
    'representante-legal',
    'exigencias-forma',
    '2',
  ),
  // Choice (seed silent): after the improrrogável prazo the COOIE re-examines what
  // was delivered once; it either finds everything in order (→ OS) or archives.
  // No second round of exigências de forma, which would extend an improrrogável prazo.
  'reanalise-forma': fase('reanalise-forma', 'Reanálise de forma após o prazo de exigências', 'cooie', null, '2'),
  // Choice (seed silent on non-compliance with the exigências de forma): the request
  // is archived, as in general administrative procedure when the party does not
  // bring documents needed to decide (cf. Lei federal nº 9.784/1999, art. 40). No
  // Comissão exists yet, so there is no Pronunciamento / indeferimento to appeal.
  arquivado: fase('arquivado', 'Arquivado por descumprimento das exigências de forma', null, null, '2'),
  'ordem-servico': fase(
    'ordem-servico',
    'Ordem de Serviço — designação da Comissão de Vistoria (publicação no DOERJ)',
    'cooie',
    null,
    '3',
  ),
  // Step 4: the Comissão acts once the OS is published in DOERJ; the publication
  // may come days after the OS is issued (recorded then, never dated before it).
  'publicacao-ordem-servico': fase(
    'publicacao-ordem-servico',
    'Ordem de Serviço emitida — aguardando a publicação no DOERJ',
    'cooie',
    null,
    '4',
  ),
  'analise-merito': fase(
    'analise-merito',
    'Análise de mérito — verificação dos documentos pela Comissão de Vistoria',
    'comissao',
    null,
    '4',
  ),
  // Aumento de capacidade, Fluxo 7: "Não restando nenhuma exigência documental, a Comissão … deverá
  // agendar a visita". Choice (seed silent on their prazo): the Comissão's exigências take the 20 days
  // prorrogáveis of Fluxo 9 ("exigências pela Comissão de Vistoria (documentais ou físicas)").
  'exigencias-documentais-merito': fase(
    'exigencias-documentais-merito',
    'Exigências documentais da Comissão antes da visita — prazo de 20 dias prorrogáveis por igual período',
    'representante-legal',
    'exigencias-merito',
    '6–7',
  ),
  'visita-agendada': fase('visita-agendada', 'Visita in loco agendada', 'comissao', null, '4'),
  'exigencias-merito': fase(
    'exigencias-merito',
    'Exigências da Comissão de Vistoria — prazo de 20 dias prorrogáveis por igual período',
    'representante-legal',
    'exigencias-merito',
    '6',
  ),
  pronunciamento: fase(
    'pronunciamento',
    'Pronunciamento da Comissão de Vistoria (deferimento ou indeferimento)',
    'comissao',
    null,
    '7',
  ),
  'encaminhado-coogie': fase(
    'encaminhado-coogie',
    'Deferido — encaminhado à COOGIE (Equipe de Atos Legais) para o edital de cadastramento',
    'coogie',
    null,
    '8',
  ),
  'edital-publicado': fase('edital-publicado', 'Edital de cadastramento publicado no DOERJ', null, null, '8'),
  indeferido: fase(
    'indeferido',
    'Indeferido — prazo de 20 dias, a contar do primeiro dia útil seguinte à comunicação, para pedido de reconsideração',
    'representante-legal',
    'reconsideracao',
    '9',
  ),
  'reconsideracao-comissao': fase(
    'reconsideracao-comissao',
    'Reconsideração pela Comissão de Vistoria (Órgão Regional)',
    'comissao',
    null,
    '10',
  ),
  'visita-reconsideracao': fase(
    'visita-reconsideracao',
    'Nova verificação in loco das exigências físicas (reconsideração pela Comissão)',
    'comissao',
    null,
    '10',
  ),
  'reconsideracao-coogie': fase(
    'reconsideracao-coogie',
    'Reconsideração pelo Órgão Central (COOGIE) — elaboração do Estudo Técnico',
    'coogie',
    null,
    '10–11',
  ),
  'estudo-tecnico': fase(
    'estudo-tecnico',
    'Estudo Técnico comunicado — prazo de 10 dias úteis para cumprimento integral',
    'representante-legal',
    'estudo-tecnico',
    '11',
  ),
  'analise-coogie': fase(
    'analise-coogie',
    'Análise pela COOGIE do cumprimento das exigências do Estudo Técnico',
    'coogie',
    null,
    '11',
  ),
  'retorno-comissao': fase(
    'retorno-comissao',
    'Reconsideração deferida pela COOGIE — restituído à Comissão de Vistoria para novo Pronunciamento',
    'comissao',
    null,
    '11',
  ),
  'visita-retorno': fase(
    'visita-retorno',
    'Nova visita in loco para verificar exigências físicas (após deferimento da COOGIE)',
    'comissao',
    null,
    '11',
  ),
  'prazo-recurso-cee': fase(
    'prazo-recurso-cee',
    'Indeferimento mantido — prazo de 20 dias para recurso ao Conselho Estadual de Educação',
    'representante-legal',
    'recurso-cee',
    '11',
  ),
  'recurso-cee': fase(
    'recurso-cee',
    'Recurso interposto — autos encaminhados ao Conselho Estadual de Educação',
    null,
    null,
    '11',
  ),
  'art-49': fase(
    'art-49',
    'Ritos administrativos do art. 49 da Deliberação CEE nº 388/2020',
    null,
    null,
    '9–11',
  ),
};

export const ACOES_VISTORIA_CODIGOS = [
  'autuar',
  'registrar-exigencias-forma',
  'aprovar-forma',
  'cumprir-exigencias',
  'concluir-cumprimento',
  'expirar-prazo',
  'prorrogar-prazo',
  'arquivar',
  'publicar-ordem-servico',
  'emitir-ordem-servico',
  'registrar-publicacao-ordem-servico',
  'agendar-visita',
  'reagendar-visita',
  'registrar-exigencias-documentais',
  'registrar-exigencias-merito',
  'concluir-visita-sem-exigencias',
  'registrar-termo-visita',
  'deferir',
  'indeferir',
  'publicar-edital',
  'pedir-reconsideracao',
  'pedir-reconsideracao-extemporanea',
  'reconsiderar',
  'ratificar-indeferimento',
  'emitir-estudo-tecnico',
  'responder-estudo-tecnico',
  'designar-comissao-verificacao',
  'deferir-reconsideracao',
  'indeferir-reconsideracao',
  'manter-indeferimento',
  'interpor-recurso-cee',
] as const;

export type AcaoVistoria = (typeof ACOES_VISTORIA_CODIGOS)[number];

export interface DescricaoAcao {
  readonly acao: AcaoVistoria;
  readonly rotulo: string;
  readonly ator: AtorVistoria;
}

function acao(a: AcaoVistoria, rotulo: string, ator: AtorVistoria): DescricaoAcao {
  return { acao: a, rotulo, ator };
}

export const ACOES_VISTORIA: Readonly<Record<AcaoVistoria, DescricaoAcao>> = {
  autuar: acao('autuar', 'Autuar o processo SEI', 'cooie'),
  'registrar-exigencias-forma': acao('registrar-exigencias-forma', 'Registrar exigências da análise de forma', 'cooie'),
  'aprovar-forma': acao('aprovar-forma', 'Concluir a análise de forma sem exigências pendentes', 'cooie'),
  'cumprir-exigencias': acao('cumprir-exigencias', 'Apresentar o cumprimento das exigências', 'representante-legal'),
  'concluir-cumprimento': acao(
    'concluir-cumprimento',
    'Declarar concluída a apresentação do cumprimento das exigências',
    'representante-legal',
  ),
  'expirar-prazo': acao('expirar-prazo', 'Registrar o fim do prazo sem manifestação', 'sistema'),
  'prorrogar-prazo': acao('prorrogar-prazo', 'Prorrogar o prazo por igual período', 'representante-legal'),
  arquivar: acao('arquivar', 'Arquivar por descumprimento das exigências de forma', 'cooie'),
  'publicar-ordem-servico': acao(
    'publicar-ordem-servico',
    'Emitir e publicar no DOERJ a Ordem de Serviço que designa a Comissão de Vistoria',
    'cooie',
  ),
  'emitir-ordem-servico': acao(
    'emitir-ordem-servico',
    'Emitir a Ordem de Serviço que designa a Comissão de Vistoria (publicação no DOERJ a registrar)',
    'cooie',
  ),
  'registrar-publicacao-ordem-servico': acao(
    'registrar-publicacao-ordem-servico',
    'Registrar a publicação da Ordem de Serviço no DOERJ',
    'cooie',
  ),
  'agendar-visita': acao('agendar-visita', 'Agendar visita in loco (antecedência mínima de 5 dias)', 'comissao'),
  'reagendar-visita': acao('reagendar-visita', 'Reagendar a visita in loco', 'comissao'),
  'registrar-exigencias-documentais': acao(
    'registrar-exigencias-documentais',
    'Registrar exigências documentais antes de agendar a visita (aumento de capacidade)',
    'comissao',
  ),
  'registrar-exigencias-merito': acao(
    'registrar-exigencias-merito',
    'Registrar exigências (documentais ou físicas) no Termo de Visita',
    'comissao',
  ),
  'concluir-visita-sem-exigencias': acao('concluir-visita-sem-exigencias', 'Concluir a visita sem exigências', 'comissao'),
  'registrar-termo-visita': acao(
    'registrar-termo-visita',
    'Registrar o Termo de Visita da nova verificação in loco',
    'comissao',
  ),
  deferir: acao('deferir', 'Emitir Pronunciamento de deferimento', 'comissao'),
  indeferir: acao('indeferir', 'Emitir Pronunciamento de indeferimento', 'comissao'),
  'publicar-edital': acao('publicar-edital', 'Publicar o edital de cadastramento no DOERJ', 'coogie'),
  'pedir-reconsideracao': acao(
    'pedir-reconsideracao',
    'Pedir reconsideração do indeferimento (dentro do prazo)',
    'representante-legal',
  ),
  'pedir-reconsideracao-extemporanea': acao(
    'pedir-reconsideracao-extemporanea',
    'Registrar pedido de reconsideração extemporâneo (indeferimento compulsório)',
    'cooie',
  ),
  reconsiderar: acao('reconsiderar', 'Reconsiderar: novo Pronunciamento de deferimento', 'comissao'),
  'ratificar-indeferimento': acao(
    'ratificar-indeferimento',
    'Não reconsiderar: novo Pronunciamento ratificando o indeferimento e encaminhamento à COOGIE',
    'comissao',
  ),
  'emitir-estudo-tecnico': acao(
    'emitir-estudo-tecnico',
    'Emitir Estudo Técnico e comunicar as exigências ao Representante Legal',
    'coogie',
  ),
  'responder-estudo-tecnico': acao(
    'responder-estudo-tecnico',
    'Apresentar documentos e/ou registros fotográficos do cumprimento das exigências',
    'representante-legal',
  ),
  'designar-comissao-verificacao': acao(
    'designar-comissao-verificacao',
    'Nomear Comissão de Vistoria para verificação de exigências físicas',
    'coogie',
  ),
  'deferir-reconsideracao': acao('deferir-reconsideracao', 'Deferir o pedido de reconsideração', 'coogie'),
  'indeferir-reconsideracao': acao('indeferir-reconsideracao', 'Indeferir o pedido de reconsideração', 'coogie'),
  'manter-indeferimento': acao(
    'manter-indeferimento',
    'Emitir novo Pronunciamento mantendo o indeferimento',
    'comissao',
  ),
  'interpor-recurso-cee': acao(
    'interpor-recurso-cee',
    'Interpor recurso ao Conselho Estadual de Educação',
    'representante-legal',
  ),
};

// ---------------------------------------------------------------------------
// Transições
// ---------------------------------------------------------------------------

export type TransicaoVistoria = TransicaoRito<FaseVistoria, AcaoVistoria>;

function t(de: FaseVistoria, a: AcaoVistoria, para: FaseVistoria, nota?: string): TransicaoVistoria {
  return nota === undefined ? { de, acao: a, para } : { de, acao: a, para, nota };
}

export const TRANSICOES_VISTORIA: readonly TransicaoVistoria[] = [
  // 1. Requerimento
  t('requerimento', 'autuar', 'analise-forma', 'Fluxo 2: a COOIE autua processo SEI do tipo'),

  // 2. Análise de forma
  t('analise-forma', 'aprovar-forma', 'ordem-servico', 'Fluxo 4'),
  t('analise-forma', 'registrar-exigencias-forma', 'exigencias-forma', 'Fluxo 3: 10 dias improrrogáveis'),
  t('exigencias-forma', 'cumprir-exigencias', 'reanalise-forma'),
  t('exigencias-forma', 'expirar-prazo', 'reanalise-forma'),
  t('reanalise-forma', 'aprovar-forma', 'ordem-servico', 'Fluxo 4: cumpridas todas as exigências documentais'),
  t('reanalise-forma', 'arquivar', 'arquivado', 'Escolha: seed silente sobre o descumprimento'),

  // 3. Ordem de Serviço
  t('ordem-servico', 'publicar-ordem-servico', 'analise-merito', 'Fluxo 4: OS publicada no DOERJ, Comissão de 3 servidores'),
  t('ordem-servico', 'emitir-ordem-servico', 'publicacao-ordem-servico', 'Fluxo 4: a OS emitida aguarda a publicação no DOERJ'),
  t('publicacao-ordem-servico', 'registrar-publicacao-ordem-servico', 'analise-merito', 'Fluxo 4: publicada, a Comissão atua'),

  // 4. Análise de mérito e visita.
  // Choice: documental exigências found in the merit check are notified at/after the
  // visit (Fluxo 8: the visit also serves to "dar ciência de possíveis exigências
  // documentais") under the 20-day prazo; the seed gives no separate prazo for them
  // before the visit.
  t('analise-merito', 'agendar-visita', 'visita-agendada', 'Fluxo 7: mínimo 5 dias de antecedência'),
  t('analise-merito', 'registrar-exigencias-documentais', 'exigencias-documentais-merito', 'Aumento de capacidade, Fluxo 6–7'),
  t('exigencias-documentais-merito', 'prorrogar-prazo', 'exigencias-documentais-merito', 'Fluxo 9: prorrogáveis por igual período (uma vez)'),
  t('exigencias-documentais-merito', 'cumprir-exigencias', 'analise-merito', 'Fluxo 7: a Comissão confere de novo os documentos'),
  t('exigencias-documentais-merito', 'expirar-prazo', 'pronunciamento', 'Fluxo 10: após o prazo estabelecido'),
  t('visita-agendada', 'reagendar-visita', 'visita-agendada', 'Escolha: seed silente; p.ex. ausência do RL'),
  t('visita-agendada', 'registrar-exigencias-merito', 'exigencias-merito', 'Fluxo 9'),
  t('visita-agendada', 'concluir-visita-sem-exigencias', 'pronunciamento', 'Fluxo 10'),

  // 6. Exigências de mérito
  t('exigencias-merito', 'prorrogar-prazo', 'exigencias-merito', 'Fluxo 9: prorrogáveis por igual período (uma vez)'),
  // Choice (issue 10 item 12): the first filing does not end the 20 days; the RL may add to it until
  // the limit, and the Comissão decides after the limit or once the RL declares he is done (Fluxo 10).
  t('exigencias-merito', 'cumprir-exigencias', 'exigencias-merito', 'Fluxo 9: entregas até o limite do prazo'),
  t('exigencias-merito', 'concluir-cumprimento', 'pronunciamento', 'Fluxo 10'),
  t('exigencias-merito', 'expirar-prazo', 'pronunciamento', 'Fluxo 10: após o prazo estabelecido'),

  // 7. Pronunciamento
  t('pronunciamento', 'deferir', 'encaminhado-coogie', 'Fluxo 11'),
  t('pronunciamento', 'indeferir', 'indeferido', 'Fluxo 12'),

  // 8. Edital
  t('encaminhado-coogie', 'publicar-edital', 'edital-publicado', 'Fluxo 11: Equipe de Atos Legais'),

  // 9. Indeferimento
  t('indeferido', 'pedir-reconsideracao', 'reconsideracao-comissao', 'Do Recurso (a); art. 41 § 2º'),
  t('indeferido', 'expirar-prazo', 'art-49', 'Fluxo 13'),
  t('indeferido', 'pedir-reconsideracao-extemporanea', 'art-49', 'Requisições extemporâneas: indeferimento compulsório'),

  // 10. Reconsideração pela Comissão
  t('reconsideracao-comissao', 'agendar-visita', 'visita-reconsideracao', 'Quando couber, nova verificação in loco'),
  t('reconsideracao-comissao', 'reconsiderar', 'encaminhado-coogie', 'Novo Pronunciamento; deferimento → edital'),
  t('reconsideracao-comissao', 'ratificar-indeferimento', 'reconsideracao-coogie', 'Autos ao Órgão Central'),
  t('visita-reconsideracao', 'reagendar-visita', 'visita-reconsideracao'),
  t('visita-reconsideracao', 'registrar-termo-visita', 'visita-reconsideracao', 'Toda visita tem seu Termo de Visita'),
  t('visita-reconsideracao', 'reconsiderar', 'encaminhado-coogie'),
  t('visita-reconsideracao', 'ratificar-indeferimento', 'reconsideracao-coogie'),

  // 11. Reconsideração pela COOGIE
  t('reconsideracao-coogie', 'emitir-estudo-tecnico', 'estudo-tecnico', 'COOGIE (a)–(b): 10 dias úteis'),
  t('estudo-tecnico', 'responder-estudo-tecnico', 'analise-coogie'),
  t('estudo-tecnico', 'expirar-prazo', 'analise-coogie', 'COOGIE II: sem manifestação no prazo, a COOGIE indefere por Pronunciamento próprio'),
  t('analise-coogie', 'designar-comissao-verificacao', 'analise-coogie', 'Observação: a COOGIE poderá nomear Comissão'),
  t('analise-coogie', 'deferir-reconsideracao', 'retorno-comissao', 'COOGIE I: restituído à Comissão'),
  t('analise-coogie', 'indeferir-reconsideracao', 'prazo-recurso-cee', 'COOGIE II'),
  t('retorno-comissao', 'deferir', 'encaminhado-coogie', 'COOGIE I (a): só documentais, sem nova vistoria'),
  t('retorno-comissao', 'manter-indeferimento', 'prazo-recurso-cee', 'COOGIE I: art. 44'),
  t('retorno-comissao', 'agendar-visita', 'visita-retorno', 'COOGIE I (b): exigências físicas, 5 dias'),
  t('visita-retorno', 'reagendar-visita', 'visita-retorno'),
  t('visita-retorno', 'registrar-termo-visita', 'visita-retorno', 'Toda visita tem seu Termo de Visita'),
  t('visita-retorno', 'deferir', 'encaminhado-coogie'),
  t('visita-retorno', 'manter-indeferimento', 'prazo-recurso-cee'),
  t('prazo-recurso-cee', 'interpor-recurso-cee', 'recurso-cee', 'Autos ao CEE por meio da COOGIE'),
  t('prazo-recurso-cee', 'expirar-prazo', 'art-49'),
];

export const FASE_INICIAL: FaseVistoria = 'requerimento';

/**
 * Reasons of the vistoria's own for refusing an action no transition admits
 * (the rite engine asks before its generic reasons): where the appeals stand.
 */
export function motivoRecusaVistoria(fase: FaseVistoria, acao: AcaoVistoria): string | undefined {
  if (acao === 'pedir-reconsideracao' && (fase === 'art-49' || fase === 'prazo-recurso-cee' || fase === 'recurso-cee')) {
    if (fase === 'art-49')
      return 'O prazo para o pedido de reconsideração já se encerrou: o pedido é extemporâneo e seu indeferimento é compulsório; seguem-se os ritos administrativos do art. 49 da Deliberação CEE nº 388/2020.';
    return 'As instâncias de reconsideração no âmbito da SEEDUC já se esgotaram; cabe apenas recurso ao Conselho Estadual de Educação (Deliberação CEE nº 388/2020, art. 44).';
  }
  if (acao === 'interpor-recurso-cee' && fase !== 'prazo-recurso-cee' && !FASES_VISTORIA[fase].terminal)
    return 'O recurso ao Conselho Estadual de Educação somente é cabível contra decisão denegatória emitida por todas as instâncias da Secretaria de Estado de Educação (reconsideração pela Comissão de Vistoria e pela COOGIE).';
  return undefined;
}

/** Phases, actions, transitions and prazos of the vistoria (its schemas join them in ./rito.ts). */
export const GRAFO_VISTORIA: GrafoRito<FaseVistoria, AcaoVistoria, CodigoPrazoVistoria, AtorVistoria> = {
  faseInicial: FASE_INICIAL,
  fases: FASES_VISTORIA,
  acoes: ACOES_VISTORIA,
  transicoes: TRANSICOES_VISTORIA,
  prazos: PRAZOS_VISTORIA,
  motivoRecusa: motivoRecusaVistoria,
};

// The questions of rules/ritos asked of the vistoria.
export const isFaseVistoria = (valor: unknown): valor is FaseVistoria => isFase(GRAFO_VISTORIA, valor);
export const isAcaoVistoria = (valor: unknown): valor is AcaoVistoria => isAcao(GRAFO_VISTORIA, valor);
export const transicoesDe = (f: FaseVistoria): TransicaoVistoria[] => transicoesDoGrafo(GRAFO_VISTORIA, f);
export const acoesDisponiveis = (f: FaseVistoria): AcaoVistoria[] => acoesDoGrafo(GRAFO_VISTORIA, f);
export const faseTerminal = (f: FaseVistoria): boolean => faseTerminalDoGrafo(GRAFO_VISTORIA, f);
export const transicaoPermitida = (fase: string, acao: string): ResultadoTransicao<FaseVistoria> => transicaoNoGrafo(GRAFO_VISTORIA, fase, acao);
export const fasesAlcancaveis = (origem: FaseVistoria = FASE_INICIAL): Set<FaseVistoria> => alcancaveisNoGrafo(GRAFO_VISTORIA, origem);
