/**
 * What the COOIE checks in a cadastramento of the ETAP (seed 003, "Instrução
 * Processual nos processos de cadastramento da Equipe Técnico-Administrativo-
 * Pedagógica - ETAP" and "Fluxo para o cadastramento ETAP", item 3): the
 * documents of the request, then the conferência. Each item with the seed's
 * words; applied item by item (rules/ritos/checklist.ts).
 *
 * Pure data: safe in workflow code.
 */
import type { ItemConferivel } from '../ritos/checklist';

export interface ItemChecklistEtap extends ItemConferivel {
  readonly descricao: string;
  readonly baseLegal: string;
  /** Facts that make the item apply; absent: always. */
  readonly condicao?: { readonly codigo: 'educacao-profissional' | 'enfermagem'; readonly texto: string };
}

const DEL_388 = 'Deliberação CEE nº 388/2020';
const GUIA = 'Guia de Inspeção Escolar SEEDUC-RJ, Instrução Processual da ETAP';
const FLUXO = 'Guia de Inspeção Escolar SEEDUC-RJ, Fluxo para o cadastramento ETAP, item 3';

export const CHECKLIST_ETAP: readonly ItemChecklistEtap[] = [
  {
    codigo: 'requerimento-inicial',
    alinea: 'a',
    descricao:
      'Requerimento inicial deverá conter nome e qualificação do Representante Legal, nome da Instituição de Ensino, endereço, indicando o novo membro da ETAP, a partir de quando está assumindo a função e quem está substituindo. Deve estar datado e assinado pelo Representante Legal',
    baseLegal: `${GUIA}, alínea a`,
  },
  { codigo: 'qualificacao-representante', alinea: 'b', descricao: 'Qualificação do RL: deve conter RG, CPF e comprovante de residência do Representante Legal', baseLegal: `${GUIA}, alínea b` },
  {
    codigo: 'ato-cadastramento-anterior',
    alinea: 'c',
    descricao:
      'Ato de cadastramento anterior, emitido através de Ofício do Órgão Central de Inspeção Escolar ou ato de publicação em DOERJ, quando este tiver sido emitido após o ano de 2019 ou número do processo em que foi solicitado o cadastramento anterior, caso o mesmo não tenha sido finalizado',
    baseLegal: `${GUIA}, alínea c`,
  },
  {
    codigo: 'quadro-etap',
    alinea: 'd',
    descricao:
      'Quadro da Equipe Técnico-Administrativo-Pedagógica - ETAP, previsto no anexo XIV da Deliberação CEE nº 388/2020, com disposição da carga horária do(s) membro(s), de modo que durante todo o horário de funcionamento, pelo menos um dos membros da ETAP esteja presente na instituição de ensino',
    baseLegal: `${DEL_388}, art. 14, § 4º, e anexo XIV`,
  },
  { codigo: 'documentos-membros', alinea: 'e', descricao: 'RG, CPF e Comprovante de Residência do(s) membro(s) da ETAP que está(ão) sendo cadastrado(s)', baseLegal: `${GUIA}, alínea e` },
  {
    codigo: 'coerencia-documentacao',
    alinea: '3.1',
    descricao: 'Coerência entre a documentação pessoal e profissional apresentada e o quadro de indicação da ETAP',
    baseLegal: FLUXO,
  },
  {
    codigo: 'habilitacoes',
    alinea: '3.2',
    descricao: 'Conferência se as respectivas habilitações profissionais apresentadas atendem ao mínimo exigido pela legislação vigente para o exercício da função',
    baseLegal: `${DEL_388}, art. 14`,
  },
  {
    codigo: 'horario-coordenador-tecnico',
    alinea: '3.3',
    descricao:
      'Quando couber, verificação se o quadro de horário referente ao coordenador técnico do curso técnico, é coerente com o horário de oferta do curso e com o horário informado no CRT, no caso de Coordenador Técnico do Curso de Enfermagem',
    baseLegal: FLUXO,
    condicao: { codigo: 'educacao-profissional', texto: 'Quando couber' },
  },
  {
    codigo: 'crt-enfermagem',
    alinea: '3.4',
    descricao:
      'No caso específico do Curso Técnico em Enfermagem e suas especializações, Certificado de Responsabilidade Técnica - CRT, emitido pelo COREN-RJ, na validade e em nome do membro da ETAP indicado',
    baseLegal: 'Deliberação CEE nº 378/2020, art. 29',
    condicao: { codigo: 'enfermagem', texto: 'No caso específico do Curso Técnico em Enfermagem' },
  },
];

export const NOME_CHECKLIST_ETAP = 'checklist de conferência documental do cadastramento da ETAP';
