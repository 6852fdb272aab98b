/**
 * Document checklists and visit checks of the three vistoria kinds, exactly as
 * seed 003 (SEEDUC-RJ guide) lists them. Every `descricao` is the seed's own
 * wording (alínea letter and the final ";"/"." removed), so it can be shown to a
 * Representante Legal as the guide states it; `baseLegal` is present only where
 * the seed cites a dispositivo for that alínea, normalised to
 * "Deliberação CEE nº 388/2020, art. N, INCISO".
 *
 * Three lists per kind, following the seed's structure:
 * - `documentos`: "Instrução Processual" — what the request must bring; the COOIE
 *   checks it in the análise de forma (Fluxo, item 3). Used by analisarForma.
 * - `verificacaoDocumental`: Fluxo item 6 — "aspectos mínimos" the Comissão de
 *   Vistoria observes in the documents during the análise de mérito.
 * - `visita`: Fluxo item 8 — the guideline of the Termo de Visita ("o qual terá
 *   como diretriz, no que couber em relação à inicial, verificar:"). The seed mixes
 *   physical checks with rules of conduct for the visit (esclarecimentos,
 *   exigências adicionais, two copies of the form); all are kept, told apart by
 *   `natureza` ('verificacao-fisica' vs 'procedimento').
 *
 * Pure data: safe to import from Temporal workflow code.
 */
import type { TipoVistoria } from './tipos';

/** Facts of the concrete case that make a conditional item apply. */
export const CONDICOES = {
  'alteracao-infraestrutura': 'Há alteração de infraestrutura que incide na construção ou modificação estrutural de espaços',
  'aumento-capacidade': 'O endereço apostilado incide no aumento da capacidade máxima de matrículas',
  'nova-edificacao': 'Ocorreu nova edificação',
  'anexacao-imovel': 'Há anexação de imóvel',
  piscina: 'A instituição de ensino possui piscina',
  autenticacao: 'Há documentos que precisam de autenticação (Deliberação CEE nº 388/2020, art. 22, XV)',
} as const;

export type CodigoCondicao = keyof typeof CONDICOES;

export interface CondicaoItem {
  readonly codigo: CodigoCondicao;
  /** The seed's words that make the item conditional. */
  readonly texto: string;
}

export type EtapaChecklist = 'documentos' | 'verificacaoDocumental' | 'visita';

export type NaturezaItem = 'documento' | 'verificacao-documental' | 'verificacao-fisica' | 'procedimento';

export interface ItemChecklist {
  /** Stable slug; the same concept keeps the same slug across kinds. Unique within a kind. */
  readonly codigo: string;
  /** The seed's alínea letter (note: Apostilamento's visit list has two "c)" in the seed). */
  readonly alinea: string;
  /** The seed's wording, verbatim. */
  readonly descricao: string;
  /** false exactly when `condicao` is set. */
  readonly obrigatorio: boolean;
  readonly condicao?: CondicaoItem;
  readonly baseLegal?: string;
  readonly natureza: NaturezaItem;
}

/** Alias used by analise-forma. */
export type Item = ItemChecklist;

export interface ChecklistVistoria {
  readonly tipo: TipoVistoria;
  readonly documentos: readonly ItemChecklist[];
  readonly verificacaoDocumental: readonly ItemChecklist[];
  readonly visita: readonly ItemChecklist[];
}

const DEL = 'Deliberação CEE nº 388/2020';

// ---------------------------------------------------------------------------
// Items that the seed words identically in more than one kind.
// ---------------------------------------------------------------------------

const QUALIFICACAO_DIRIGENTES: ItemChecklist = {
  codigo: 'qualificacao-dirigentes',
  alinea: 'b',
  // "e se for o caso de seu(s) sócio(s)" makes only the partners' documents
  // conditional; the item itself (the RL's documents) is always required.
  descricao:
    'Qualificação dos dirigentes: deve conter RG, CPF e comprovante de residência do Representante Legal e se for o caso de seu(s) sócio(s)',
  obrigatorio: true,
  natureza: 'documento',
};

const MERITO_REQUERIMENTO: ItemChecklist = {
  codigo: 'merito-requerimento-inicial',
  alinea: 'a',
  descricao: 'Requerimento inicial preenchido corretamente',
  obrigatorio: true,
  natureza: 'verificacao-documental',
};

function meritoAutenticacao(alinea: string): ItemChecklist {
  return {
    codigo: 'merito-autenticacao',
    alinea,
    descricao:
      'Conforme o caso, autenticação dos documentos de acordo com o previsto no inciso XV do artigo 22 da Deliberação CEE n° 388/2020',
    obrigatorio: false,
    condicao: { codigo: 'autenticacao', texto: 'Conforme o caso' },
    baseLegal: `${DEL}, art. 22, XV`,
    natureza: 'verificacao-documental',
  };
}

const VISITA_ESCLARECIMENTOS: ItemChecklist = {
  codigo: 'visita-esclarecimentos',
  alinea: 'c',
  descricao:
    'Durante a visita, a Comissão deverá prestar todos os esclarecimentos necessários quanto a eventuais adequações necessárias dos espaços físicos',
  obrigatorio: true,
  natureza: 'procedimento',
};

const VISITA_EXIGENCIAS_ADICIONAIS: ItemChecklist = {
  codigo: 'visita-exigencias-adicionais',
  alinea: 'd',
  descricao:
    'Exigências adicionais, não previstas, deverão ser identificadas expressamente de maneira inequívoca, sua motivação e base legal. Não sendo consideradas regulares exigências que não obedeçam a tais parâmetros',
  obrigatorio: true,
  natureza: 'procedimento',
};

const VISITA_TERMO_DUAS_VIAS: ItemChecklist = {
  codigo: 'visita-termo-duas-vias',
  alinea: 'e',
  descricao:
    'O formulário de visita deverá ser preenchido em duas vias, datadas e assinadas pelo Represente Legal ou seu Procurador e pelos componentes da Comissão de Vistoria. Sendo uma via disponibilizada para a instituição de ensino ao final a visita e a outra anexada ao processo',
  obrigatorio: true,
  natureza: 'procedimento',
};

// ---------------------------------------------------------------------------
// Aumento de Capacidade Máxima de Matrícula
// ---------------------------------------------------------------------------

const AUMENTO_CAPACIDADE: ChecklistVistoria = {
  tipo: 'aumento-capacidade',
  documentos: [
    {
      codigo: 'requerimento-inicial',
      alinea: 'a',
      descricao:
        'Requerimento inicial que deverá conter nome e qualificação do Representante Legal, nome da Instituição de Ensino, endereço, indicação do que está sendo pleiteado. Datado e assinado pelo Representante Legal',
      obrigatorio: true,
      natureza: 'documento',
    },
    QUALIFICACAO_DIRIGENTES,
    {
      codigo: 'documentos-art-30-ii',
      alinea: 'c',
      // The seed does not list what inciso II of art. 30 contains; kept as one item.
      descricao: 'Documentos previstos no inciso II do artigo 30 da Deliberação CEE n° 388/2020',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 30, II`,
      natureza: 'documento',
    },
    {
      codigo: 'declaracao-capacidade-maxima',
      alinea: 'd',
      descricao:
        'Declaração com a nova capacidade máxima de matrículas, nos termos do inciso IX, do artigo 22 da Deliberação CEE n° 388/2020',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 22, IX`,
      natureza: 'documento',
    },
    {
      codigo: 'laudo-seguranca-acessibilidade',
      alinea: 'e',
      descricao:
        'Quaisquer alterações de infraestrutura que incidam na construção ou modificação estrutural de espaços, deverão, por sua natureza específica, possuir laudo de acessibilidade e segurança predial',
      obrigatorio: false,
      condicao: {
        codigo: 'alteracao-infraestrutura',
        texto: 'Quaisquer alterações de infraestrutura que incidam na construção ou modificação estrutural de espaços',
      },
      // This alínea cites no dispositivo; the same section cites art. 22, VII for
      // the same laudos (Fluxo item 6, alínea e), so that is used here.
      baseLegal: `${DEL}, art. 22, VII`,
      natureza: 'documento',
    },
  ],
  verificacaoDocumental: [
    MERITO_REQUERIMENTO,
    {
      codigo: 'merito-habite-se',
      alinea: 'b',
      descricao: 'Caso tenha ocorrido nova edificação, verificar se a Certidão de Habite-se, está com o endereço do pleito',
      obrigatorio: false,
      condicao: { codigo: 'nova-edificacao', texto: 'Caso tenha ocorrido nova edificação' },
      natureza: 'verificacao-documental',
    },
    {
      codigo: 'merito-autorizacao-uso-imovel',
      alinea: 'c',
      descricao:
        'No caso de anexação de imóvel, deverá constar no processo documento que autoriza o uso do imóvel, com o mesmo endereço do pleito e em conformidade com o inciso VI, do art. 22 da Deliberação CEE nº 388/2020',
      obrigatorio: false,
      condicao: { codigo: 'anexacao-imovel', texto: 'No caso de anexação de imóvel' },
      baseLegal: `${DEL}, art. 22, VI`,
      natureza: 'verificacao-documental',
    },
    {
      codigo: 'merito-declaracao-capacidade-maxima',
      alinea: 'd',
      descricao:
        'Declaração da capacidade máxima de matrícula, sendo observado, a adoção do quadro definido pelo inciso IX, do artigo 22, da Deliberação CEE nº 388/2020',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 22, IX`,
      natureza: 'verificacao-documental',
    },
    {
      codigo: 'merito-laudo-seguranca-acessibilidade',
      alinea: 'e',
      // Unconditional here although the instrução (alínea e) requires the laudo only
      // when there is a structural alteration; kept as the seed words it — the visit
      // header "no que couber em relação à inicial" lets the Comissão skip it when
      // the inicial has no such alteration.
      descricao:
        'Laudo de Segurança Predial e Laudo de Acessibilidade, referentes a Instituição de Ensino e ao endereço informado na inicial, acompanhado do respectivo RRT ou ART, nos termos do inciso VII, do art. 22 da Deliberação CEE nº 388/2020',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 22, VII`,
      natureza: 'verificacao-documental',
    },
    {
      codigo: 'merito-piscina',
      alinea: 'f',
      // "Quando couber" read as: when the school has a swimming pool.
      descricao:
        'Quando couber, autorização de uso da piscina, emitida pelo Corpo de Bombeiros do Estado do Rio de Janeiro, na forma da legislação em vigor, acompanhado pelos documentos de identificação e registro do guardião de piscina, nos termos do inciso VIII, do art. 22 da Deliberação CEE nº 388/2020',
      obrigatorio: false,
      condicao: { codigo: 'piscina', texto: 'Quando couber' },
      baseLegal: `${DEL}, art. 22, VIII`,
      natureza: 'verificacao-documental',
    },
    meritoAutenticacao('g'),
  ],
  visita: [
    {
      codigo: 'visita-adequacao-salas',
      alinea: 'a',
      descricao:
        'A adequação das salas de aula ao disposto no art. 5º da Deliberação CEE nº 388/2020, com a nova capacidade máxima de matrículas',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 5º`,
      natureza: 'verificacao-fisica',
    },
    {
      codigo: 'visita-laudo-condiz',
      alinea: 'b',
      descricao:
        'Quando houver alterações de infraestrutura que incidam na construção ou modificação estrutural de espaços, se o Laudo de Segurança Predial e Laudo de Acessibilidade, condiz com as alterações',
      obrigatorio: false,
      condicao: {
        codigo: 'alteracao-infraestrutura',
        texto: 'Quando houver alterações de infraestrutura que incidam na construção ou modificação estrutural de espaços',
      },
      natureza: 'verificacao-fisica',
    },
    VISITA_ESCLARECIMENTOS,
    VISITA_EXIGENCIAS_ADICIONAIS,
    VISITA_TERMO_DUAS_VIAS,
  ],
};

// ---------------------------------------------------------------------------
// Entrada Suplementar
// ---------------------------------------------------------------------------

const ENTRADA_SUPLEMENTAR: ChecklistVistoria = {
  tipo: 'entrada-suplementar',
  documentos: [
    {
      codigo: 'requerimento-inicial',
      alinea: 'a',
      descricao:
        'Requerimento inicial que deverá conter nome e qualificação do Representante Legal, nome da Instituição de Ensino, endereço, indicação do que está pleiteando. Datado e assinado pelo Representante Legal',
      obrigatorio: true,
      natureza: 'documento',
    },
    QUALIFICACAO_DIRIGENTES,
    {
      codigo: 'alvara-localizacao',
      alinea: 'c',
      descricao: 'Alvará de Localização (inciso III do artigo 30 da Deliberação CEE n° 388/2020)',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 30, III`,
      natureza: 'documento',
    },
    {
      codigo: 'documentos-art-22-ii-iii-vi',
      alinea: 'd',
      // Wording copied in the seed from Apostilamento ("endereço anexado"); for an
      // entrada suplementar read as: the documents must show the address of the new
      // entrance. The seed does not list the content of incisos II, III and VI;
      // kept as one item.
      descricao:
        'Os documentos previstos nos incisos II, III, VI do artigo 22 da Deliberação CEE n° 388/2020, em que conste o endereço anexado incluído em todos os documentos',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 22, II, III e VI`,
      natureza: 'documento',
    },
    {
      codigo: 'laudo-seguranca-acessibilidade',
      alinea: 'e',
      // Always required; what varies is its form (adendo to the previous laudo, or a
      // laudo of the whole institution when there is no previous one).
      descricao:
        'Laudo de Segurança Predial e Acessibilidade referente à nova entrada. Este pode ser um adendo ao Laudo de segurança predial e acessibilidade anteriormente emitido. Caso a Instituição de Ensino não possua um laudo anterior, deverá ser solicitado um Laudo de toda a Instituição de Ensino nos termos do inciso VII, do artigo 22 da Deliberação CEE nº 388/2020',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 22, VII`,
      natureza: 'documento',
    },
  ],
  verificacaoDocumental: [
    MERITO_REQUERIMENTO,
    {
      codigo: 'merito-alvara-funcionamento',
      alinea: 'b',
      descricao:
        'Alvará de funcionamento, consulta prévia ou pedido de viabilidade com a descrição das atividades, endereço do pleito, razão social e nome fantasia (quando couber) em consonância com a inicial',
      obrigatorio: true,
      natureza: 'verificacao-documental',
    },
    {
      codigo: 'merito-laudo-seguranca-acessibilidade',
      alinea: 'c',
      // The seed cites no dispositivo in this alínea (instrução alínea e cites art. 22, VII).
      descricao:
        'Laudo de Segurança Predial e Laudo de Acessibilidade, referentes a Instituição de Ensino e ao endereço informado na inicial, acompanhado do respectivo RRT ou ART',
      obrigatorio: true,
      natureza: 'verificacao-documental',
    },
    meritoAutenticacao('d'),
  ],
  visita: [
    {
      codigo: 'visita-area-continua',
      alinea: 'a',
      descricao: 'Se a entrada suplementar está disposta em área contínua/terreno geminado integrante do imóvel escolar',
      obrigatorio: true,
      natureza: 'verificacao-fisica',
    },
    {
      codigo: 'visita-laudo-condiz',
      alinea: 'b',
      descricao:
        'Se o Laudo de Segurança Predial e Laudo de Acessibilidade, condiz com as alterações referentes a nova entrada suplementar',
      obrigatorio: true,
      natureza: 'verificacao-fisica',
    },
    VISITA_ESCLARECIMENTOS,
    VISITA_EXIGENCIAS_ADICIONAIS,
    VISITA_TERMO_DUAS_VIAS,
  ],
};

// ---------------------------------------------------------------------------
// Apostilamento de Endereço
// ---------------------------------------------------------------------------

const APOSTILAMENTO_ENDERECO: ChecklistVistoria = {
  tipo: 'apostilamento-endereco',
  documentos: [
    {
      codigo: 'requerimento-inicial',
      alinea: 'a',
      // This kind's wording says "assinatura" but not "Datado"; kept as the seed has it.
      descricao:
        'Requerimento inicial que deverá conter nome e qualificação do Representante Legal, nome da Instituição de Ensino, endereço, citação do que está pleiteando e assinatura do Representante Legal',
      obrigatorio: true,
      natureza: 'documento',
    },
    QUALIFICACAO_DIRIGENTES,
    {
      codigo: 'alvara-localizacao',
      alinea: 'c',
      descricao: 'Alvará de Localização (Inciso III do artigo 30 da Deliberação CEE n° 388/2020)',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 30, III`,
      natureza: 'documento',
    },
    {
      codigo: 'documentos-art-22-ii-iii-vi',
      alinea: 'd',
      // The seed does not list the content of incisos II, III and VI; kept as one
      // item (Fluxo item 6, alíneas b–e, shows what the Comissão expects in them).
      descricao:
        'Os documentos previstos nos incisos II, III, VI do artigo 22 da Deliberação CEE n° 388/2020, em que conste o endereço anexado incluído em todos os documentos',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 22, II, III e VI`,
      natureza: 'documento',
    },
    {
      codigo: 'laudo-seguranca-acessibilidade',
      alinea: 'e',
      // The seed cites no dispositivo anywhere in this kind's section for the laudo.
      descricao:
        'Laudo de Segurança Predial e Acessibilidade referente ao novo imóvel, sendo admitido apostilamento ao laudo anterior',
      obrigatorio: true,
      natureza: 'documento',
    },
    {
      codigo: 'declaracao-capacidade-maxima',
      alinea: 'f',
      descricao:
        'Declaração de Capacidade Máxima de Matrículas (inciso IX do artigo 22 da da Deliberação CEE n° 388/2020), quando o endereço apostilado incidir no aumento da capacidade máxima de matrículas',
      obrigatorio: false,
      condicao: {
        codigo: 'aumento-capacidade',
        texto: 'quando o endereço apostilado incidir no aumento da capacidade máxima de matrículas',
      },
      baseLegal: `${DEL}, art. 22, IX`,
      natureza: 'documento',
    },
  ],
  verificacaoDocumental: [
    MERITO_REQUERIMENTO,
    {
      codigo: 'merito-alvara-funcionamento',
      alinea: 'b',
      descricao:
        'Alvará de funcionamento, consulta prévia ou pedido de viabilidade com a descrição das atividades, endereço do pleito, razão social e nome fantasia (quando couber) em consonância com a inicial e que conste o endereço anexado incluído',
      obrigatorio: true,
      natureza: 'verificacao-documental',
    },
    {
      codigo: 'merito-natureza-juridica',
      alinea: 'c',
      descricao:
        'Comprovante de natureza jurídica com a descrição das atividades, endereço do pleito e nome fantasia (quando couber) em consonância com a inicial, que contenha registro no órgão, admitidos registro na JUCERJA ou RCPJ (Registro Civil de Pessoas Jurídicas) e que conste o endereço anexado incluído',
      obrigatorio: true,
      natureza: 'verificacao-documental',
    },
    {
      codigo: 'merito-cnpj',
      alinea: 'd',
      descricao:
        'Cadastro Nacional de Pessoa Jurídica – CNPJ, com a descrição das atividades, endereço do pleito, razão social e nome fantasia (quando couber) em consonância com a inicial e que conste o endereço anexado incluído',
      obrigatorio: true,
      natureza: 'verificacao-documental',
    },
    {
      codigo: 'merito-autorizacao-uso-imovel',
      alinea: 'e',
      descricao:
        'Documento que autoriza o uso do imóvel, com o mesmo endereço do pleito e em conformidade com o inciso VI, do art. 22 da Deliberação CEE nº 388/2020 e que conste o endereço anexado incluído',
      obrigatorio: true,
      baseLegal: `${DEL}, art. 22, VI`,
      natureza: 'verificacao-documental',
    },
    {
      codigo: 'merito-laudo-seguranca-acessibilidade',
      alinea: 'f',
      descricao:
        'Laudo de Segurança Predial e Laudo de Acessibilidade, referentes ao novo imóvel escolar, acompanhado do respectivo RRT ou ART',
      obrigatorio: true,
      natureza: 'verificacao-documental',
    },
    meritoAutenticacao('g'),
  ],
  visita: [
    {
      codigo: 'visita-area-continua',
      alinea: 'a',
      descricao: 'Se o novo imóvel está disposto em área contínua/terreno geminado integrante do imóvel escolar',
      obrigatorio: true,
      natureza: 'verificacao-fisica',
    },
    {
      codigo: 'visita-laudo-condiz',
      alinea: 'b',
      descricao: 'Se o Laudo de Segurança Predial e Laudo de Acessibilidade, condiz com as alterações referentes ao novo imóvel',
      obrigatorio: true,
      natureza: 'verificacao-fisica',
    },
    {
      // The seed labels both this alínea and the next one "c)"; both are kept, with
      // the seed's letter, and told apart by codigo.
      codigo: 'visita-piscina',
      alinea: 'c',
      descricao:
        'No caso de existência de piscina, solicitar do Representante Legal, documento de uso da piscina, emitido pelo Corpo de Bombeiros do Estado do Rio de Janeiro, incluído preenchimento do Anexo VIII da Deliberação CEE nº388/2020',
      obrigatorio: false,
      condicao: { codigo: 'piscina', texto: 'No caso de existência de piscina' },
      baseLegal: `${DEL}, Anexo VIII`,
      natureza: 'verificacao-fisica',
    },
    VISITA_ESCLARECIMENTOS,
    VISITA_EXIGENCIAS_ADICIONAIS,
    VISITA_TERMO_DUAS_VIAS,
  ],
};

export const CHECKLISTS_VISTORIA: Readonly<Record<TipoVistoria, ChecklistVistoria>> = {
  'apostilamento-endereco': APOSTILAMENTO_ENDERECO,
  'aumento-capacidade': AUMENTO_CAPACIDADE,
  'entrada-suplementar': ENTRADA_SUPLEMENTAR,
};

export function checklistVistoria(tipo: TipoVistoria): ChecklistVistoria {
  return CHECKLISTS_VISTORIA[tipo];
}

/** Every item of a kind, in seed order: documentos, verificacaoDocumental, visita. */
export function todosItens(tipo: TipoVistoria): readonly ItemChecklist[] {
  const c = CHECKLISTS_VISTORIA[tipo];
  return [...c.documentos, ...c.verificacaoDocumental, ...c.visita];
}

/** Looks an item up by codigo in any of a kind's lists. */
export function itemPorCodigo(tipo: TipoVistoria, codigo: string): ItemChecklist | undefined {
  return todosItens(tipo).find((i) => i.codigo === codigo);
}

/**
 * Whether an item applies to a concrete case. Unconditional items always apply; a
 * conditional one applies when its condition is true, does not when false, and is
 * `undefined` (unknown) when the case does not say.
 */
export function itemAplicavel(
  item: ItemChecklist,
  circunstancias: Partial<Record<CodigoCondicao, boolean>> = {},
): boolean | undefined {
  if (!item.condicao) return true;
  return circunstancias[item.condicao.codigo];
}
