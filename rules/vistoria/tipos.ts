/**
 * The three kinds of request that follow the vistoria rite (seed 003, SEEDUC-RJ
 * guide: "Cadastramento de Aumento de Capacidade Máxima de Matrícula",
 * "Cadastramento de Entrada Suplementar", "Cadastramento de Apostilamento de Endereço").
 *
 * Pure data: safe to import from Temporal workflow code (no I/O, no Node built-ins,
 * no clock).
 */

export const TIPOS_VISTORIA = ['apostilamento-endereco', 'aumento-capacidade', 'entrada-suplementar'] as const;

export type TipoVistoria = (typeof TIPOS_VISTORIA)[number];

export function isTipoVistoria(valor: unknown): valor is TipoVistoria {
  return typeof valor === 'string' && (TIPOS_VISTORIA as readonly string[]).includes(valor);
}

/** Dispositivos of Deliberação CEE nº 388/2020 that govern the rite shared by the three kinds (seed 003, "Fluxo" items 12–13 and "Do Recurso"). */
export const BASE_LEGAL_RITO_VISTORIA = [
  'Deliberação CEE nº 388/2020, art. 41, § 1º (prazo de 20 dias para recurso contra o indeferimento)',
  'Deliberação CEE nº 388/2020, art. 41, § 2º (recurso em forma de reconsideração no âmbito da SEEDUC)',
  'Deliberação CEE nº 388/2020, art. 44 (recurso ao Conselho Estadual de Educação)',
  'Deliberação CEE nº 388/2020, art. 49 (ritos administrativos quando não há recurso)',
] as const;

export interface DescricaoTipoVistoria {
  readonly tipo: TipoVistoria;
  /** Short pt-BR label (same as rules/processos TIPOS_PROCESSO). */
  readonly rotulo: string;
  /** Title of the seed section. */
  readonly titulo: string;
  /** How the seed names the SEI process the COOIE opens (Fluxo, item 2). */
  readonly processoSei: string;
  /** The seed's definition, verbatim. */
  readonly definicao: string;
  /**
   * The legal basis the seed gives for the kind itself. Only Aumento de Capacidade
   * has an article in its definition (art. 5º); for the other two the seed cites
   * no article in the definition, so the basis is the Deliberação as a whole and
   * the specific dispositivos are in `dispositivosCitados` and on each checklist item.
   */
  readonly baseLegal: string;
  /** Every dispositivo the seed cites in this kind's section (instrução, análise, visita), besides the rite's (BASE_LEGAL_RITO_VISTORIA). */
  readonly dispositivosCitados: readonly string[];
  /** Cases the seed enumerates as falling under this kind (only Aumento de Capacidade has them). */
  readonly hipoteses: readonly string[];
}

export const TIPOS_VISTORIA_INFO: Readonly<Record<TipoVistoria, DescricaoTipoVistoria>> = {
  'apostilamento-endereco': {
    tipo: 'apostilamento-endereco',
    rotulo: 'Apostilamento de Endereço',
    titulo: 'Cadastramento de Apostilamento de Endereço',
    processoSei: 'Cadastramento de Apostilamento de Endereço',
    definicao:
      'Considera-se Apostilamento de Endereço a inclusão de um novo imóvel ao ato autorizativo da unidade escolar. O mesmo deve estar em área contínua ou terreno geminado.',
    baseLegal: 'Deliberação CEE nº 388/2020',
    dispositivosCitados: [
      'Deliberação CEE nº 388/2020, art. 30, III',
      'Deliberação CEE nº 388/2020, art. 22, II, III e VI',
      'Deliberação CEE nº 388/2020, art. 22, IX',
      'Deliberação CEE nº 388/2020, art. 22, XV',
      'Deliberação CEE nº 388/2020, Anexo VIII',
    ],
    hipoteses: [],
  },
  'aumento-capacidade': {
    tipo: 'aumento-capacidade',
    rotulo: 'Aumento de Capacidade Máxima de Matrícula',
    titulo: 'Cadastramento de Aumento de Capacidade Máxima de Matrícula',
    // Seed Fluxo item 2 says "processo SEI de Aumento de Capacidade Máxima de Matrícula"
    // (without "Cadastramento de", unlike the other two kinds).
    processoSei: 'Aumento de Capacidade Máxima de Matrícula',
    definicao:
      'Considera-se aumento de capacidade máxima de matrícula, nos termos do artigo 5º da Deliberação CEE nº 388/2020, os seguintes casos:',
    baseLegal: 'Deliberação CEE nº 388/2020, art. 5º',
    dispositivosCitados: [
      'Deliberação CEE nº 388/2020, art. 5º',
      'Deliberação CEE nº 388/2020, art. 30, II',
      'Deliberação CEE nº 388/2020, art. 22, VI',
      'Deliberação CEE nº 388/2020, art. 22, VII',
      'Deliberação CEE nº 388/2020, art. 22, VIII',
      'Deliberação CEE nº 388/2020, art. 22, IX',
      'Deliberação CEE nº 388/2020, art. 22, XV',
    ],
    hipoteses: [
      'Ampliação da área da sala de aula, é quando uma sala de aula passa a ter uma metragem maior do que a medida anteriormente',
      'Reorganização dos espaços, é quando um espaço que anteriormente não era sala de aula, passa a ser sala de aula',
      'Nova edificação, é quando a unidade escolar constrói de fato um andar ou novo prédio que possuem salas de aula',
      // The seed says this case "será tratado no processo de específico de apostilamento
      // de endereço": it is listed for completeness, a request of this kind should be
      // routed to 'apostilamento-endereco' (whose checklist has the conditional
      // Declaração de Capacidade Máxima item).
      'Em decorrência do Apostilamento de endereço, é quando a unidade escolar adquire um imóvel com área contínua ou terreno geminado (que será tratado no processo de específico de apostilamento de endereço)',
    ],
  },
  'entrada-suplementar': {
    tipo: 'entrada-suplementar',
    rotulo: 'Entrada Suplementar',
    titulo: 'Cadastramento de Entrada Suplementar',
    processoSei: 'Cadastramento de Entrada Suplementar',
    definicao:
      'Considera-se entrada suplementar, a inclusão de um novo portão de entrada, integrante do imóvel escolar. O mesmo deve estar em área contínua ou terreno geminado.',
    baseLegal: 'Deliberação CEE nº 388/2020',
    dispositivosCitados: [
      'Deliberação CEE nº 388/2020, art. 30, III',
      'Deliberação CEE nº 388/2020, art. 22, II, III e VI',
      'Deliberação CEE nº 388/2020, art. 22, VII',
      'Deliberação CEE nº 388/2020, art. 22, XV',
    ],
    hipoteses: [],
  },
};

export function rotuloTipoVistoria(tipo: TipoVistoria): string {
  return TIPOS_VISTORIA_INFO[tipo].rotulo;
}
