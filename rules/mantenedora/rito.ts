/**
 * The cadastramento of an alteration in the composition of the Entidade
 * Mantenedora (seed 003, "Alteração na Composição da Entidade Mantenedora":
 * tipo de modelo societário, nome fantasia, representante legal, sócios) as one
 * definition for the rite engine: "Os processos serão analisados pelos Órgãos
 * Regionais de Inspeção Escolar (COOIE) e deferidos pelo Órgão Central (COOGIE)".
 *
 *   1–2. the representante sends the requerimento; the COOIE autua the SEI process;
 *   3.   the COOIE applies the checklist of conferência documental;
 *   4.   exigências go to the representante, who meets them;
 *   5.   with none left, the COOIE sends the process to the COOGIE for conferência;
 *   6.   after the conferência the COOGIE publishes the edital in DOERJ (or returns it to the COOIE).
 *
 * A change of representante legal changes who may act for the institution in
 * rito from the publication on (activities/mantenedora.ts).
 *
 * Pure data: safe in workflow code.
 */
import { z } from 'zod';
import { prazoExigenciasCadastro } from '../cadastros/prazo';
import { cpfSchema, numeroSeiSchema } from '../identificadores/schemas';
import type { ItemConferivel } from '../ritos/checklist';
import { ATORES_CADASTRO, type AtorCadastro, PRAZO_TAREFA_CADASTRO, acoesDoRito, arquivosEnviados, checklistDosItens, publicacaoDoerj, textoCampo } from '../cadastros/definicao';
import { ACAO_EXPIRAR_PRAZO, type DefinicaoRito, type PrazoRito } from '../ritos/definicao';
import { exigenciaSchema } from '../vistoria/acoes';

export type FaseMantenedora = 'requerimento' | 'autuacao' | 'analise' | 'exigencias' | 'conferencia-coogie' | 'cadastrado' | 'indeferido';
export type AtorMantenedora = AtorCadastro;
export type CodigoPrazoMantenedora = 'exigencias-mantenedora';

/** The alterations the seed names. */
export const ALTERACOES_MANTENEDORA = {
  'modelo-societario': 'Tipo de modelo societário',
  'nome-fantasia': 'Nome Fantasia',
  'representante-legal': 'Representante Legal',
  socios: 'Sócios',
} as const;
export type AlteracaoMantenedora = keyof typeof ALTERACOES_MANTENEDORA;
const CODIGOS_ALTERACAO = Object.keys(ALTERACOES_MANTENEDORA) as [AlteracaoMantenedora, ...AlteracaoMantenedora[]];

export interface ItemChecklistMantenedora extends ItemConferivel {
  readonly descricao: string;
  readonly baseLegal: string;
}

const GUIA = 'Guia de Inspeção Escolar SEEDUC-RJ, Instrução Processual da Alteração na Composição da Entidade Mantenedora';

/** The Instrução Processual, in the seed's words (typo "Datadi" corrected). */
export const CHECKLIST_MANTENEDORA: readonly ItemChecklistMantenedora[] = [
  {
    codigo: 'requerimento-inicial',
    alinea: 'a',
    descricao:
      'Requerimento inicial: deve conter nome e qualificação do Representante Legal, nome da Instituição de Ensino, endereço, citação da alteração que está pleiteando. Datado e assinado pelo Representante Legal',
    baseLegal: `${GUIA}, alínea a`,
  },
  {
    codigo: 'qualificacao-dirigentes',
    alinea: 'b',
    descricao: 'Qualificação dos dirigentes: deve conter RG, CPF e comprovante de residência do Representante Legal e se for o caso de seu(s) sócio(s)',
    baseLegal: `${GUIA}, alínea b`,
  },
  { codigo: 'ato-constitutivo', alinea: 'c', descricao: 'Ato constitutivo e suas alterações, que indiquem as alterações que estão sendo feitas', baseLegal: `${GUIA}, alínea c` },
  { codigo: 'cnpj', alinea: 'd', descricao: 'CNPJ que deve conter o endereço da unidade escolar e as etapas de ensino ofertadas', baseLegal: `${GUIA}, alínea d` },
];
export const NOME_CHECKLIST_MANTENEDORA = 'checklist de conferência documental da alteração da mantenedora';

const texto = textoCampo;
const arquivos = arquivosEnviados;
const checklist = checklistDosItens(CHECKLIST_MANTENEDORA);

const requerimento = z
  .object({
    alteracoes: z
      .array(
        z.object({
          tipo: z.enum(CODIGOS_ALTERACAO, { error: `alteração inválida: use ${CODIGOS_ALTERACAO.join(', ')}` }),
          descricao: texto('descrição da alteração', 5, 2000),
        }),
      )
      .min(1, 'informe ao menos uma alteração')
      .max(4),
    /** When the representante legal changes: who takes over (his account is found or created by e-mail). */
    novoRepresentante: z.object({ nome: texto('nome', 3, 200), cpf: cpfSchema, email: z.email({ error: 'e-mail inválido' }).max(254) }).optional(),
    arquivos,
  })
  .refine((r) => !r.alteracoes.some((a) => a.tipo === 'representante-legal') || r.novoRepresentante, {
    path: ['novoRepresentante'],
    message: 'informe o novo representante legal (nome, CPF e e-mail)',
  });
export type RequerimentoMantenedora = z.output<typeof requerimento>;

export const DADOS_ACAO_MANTENEDORA = {
  'apresentar-requerimento': requerimento,
  autuar: z.object({ numeroSei: numeroSeiSchema }),
  'registrar-exigencias': z.object({ checklist, exigencias: z.array(exigenciaSchema).max(100).default([]) }),
  'cumprir-exigencias': z.object({ resposta: texto('resposta', 1, 20_000), arquivos, requerimento: requerimento.optional() }),
  'encaminhar-coogie': z.object({ checklist }),
  'devolver-cooie': z.object({ motivo: texto('motivo', 10, 5000) }),
  indeferir: z.object({ fundamentacao: texto('fundamentação', 20, 20_000) }),
  'publicar-edital': z.object({ publicacao: publicacaoDoerj }),
  [ACAO_EXPIRAR_PRAZO]: z.object({}).strict(),
} as const;
export type AcaoMantenedora = keyof typeof DADOS_ACAO_MANTENEDORA;

/** The seed gives no prazo for these exigências: the one chosen for every cadastramento (rules/cadastros/prazo.ts). */
export const PRAZOS_MANTENEDORA: Readonly<Record<CodigoPrazoMantenedora, PrazoRito<CodigoPrazoMantenedora>>> = {
  'exigencias-mantenedora': prazoExigenciasCadastro(
    'exigencias-mantenedora',
    'Cumprimento das exigências da alteração da mantenedora',
    'Fluxo para o cadastramento da Alteração na Composição da Entidade Mantenedora, item 4',
  ),
};

const ROTULOS: Record<AcaoMantenedora, readonly [string, AtorMantenedora]> = {
  'apresentar-requerimento': ['Apresentar o requerimento de alteração da mantenedora', 'representante-legal'],
  autuar: ['Autuar o processo SEI de alteração da mantenedora', 'cooie'],
  'registrar-exigencias': ['Registrar exigências', 'cooie'],
  'cumprir-exigencias': ['Cumprir as exigências', 'representante-legal'],
  'encaminhar-coogie': ['Encaminhar à COOGIE para conferência (sem exigências restantes)', 'cooie'],
  'devolver-cooie': ['Devolver à COOIE, com o motivo', 'coogie'],
  indeferir: ['Indeferir a alteração', 'cooie'],
  'publicar-edital': ['Publicar o edital de cadastramento da alteração no DOERJ', 'coogie'],
  [ACAO_EXPIRAR_PRAZO]: ['Registrar o fim do prazo sem manifestação', 'sistema'],
};

const acoes = acoesDoRito(DADOS_ACAO_MANTENEDORA, ROTULOS, { autuar: ['numero-sei-livre'] });

const fase = (rotulo: string, responsavel: AtorMantenedora | null, aguardaPrazo: CodigoPrazoMantenedora | null, passo: string, terminal = false) => ({
  rotulo,
  responsavel,
  aguardaPrazo,
  terminal,
  passo,
});

export const RITO_MANTENEDORA: DefinicaoRito<FaseMantenedora, AcaoMantenedora, CodigoPrazoMantenedora, AtorMantenedora> = {
  codigo: 'mantenedora',
  rotulo: 'Alteração na Composição da Entidade Mantenedora',
  faseInicial: 'requerimento',
  fases: {
    requerimento: fase('Processo aberto — aguardando o requerimento com as alterações', 'representante-legal', null, '1'),
    autuacao: fase('Requerimento recebido — autuação do processo SEI pela COOIE', 'cooie', null, '2'),
    analise: fase('Análise da COOIE: checklist de conferência documental', 'cooie', null, '3'),
    exigencias: fase('Exigências comunicadas — prazo de 20 dias para cumprimento', 'representante-legal', 'exigencias-mantenedora', '4'),
    'conferencia-coogie': fase('Conferência pela COOGIE e edital de cadastramento', 'coogie', null, '5–6'),
    cadastrado: fase('Alteração cadastrada (edital publicado no DOERJ)', null, null, '6', true),
    indeferido: fase('Alteração indeferida', null, null, '4', true),
  },
  acoes,
  transicoes: [
    { de: 'requerimento', acao: 'apresentar-requerimento', para: 'autuacao', nota: 'Fluxo 1' },
    { de: 'autuacao', acao: 'autuar', para: 'analise', nota: 'Fluxo 2' },
    { de: 'analise', acao: 'registrar-exigencias', para: 'exigencias', nota: 'Fluxo 4' },
    { de: 'exigencias', acao: 'cumprir-exigencias', para: 'analise' },
    { de: 'exigencias', acao: ACAO_EXPIRAR_PRAZO, para: 'analise' },
    { de: 'analise', acao: 'encaminhar-coogie', para: 'conferencia-coogie', nota: 'Fluxo 5' },
    { de: 'analise', acao: 'indeferir', para: 'indeferido' },
    { de: 'conferencia-coogie', acao: 'devolver-cooie', para: 'analise', nota: 'Fluxo 6: "Após conferência"' },
    { de: 'conferencia-coogie', acao: 'publicar-edital', para: 'cadastrado', nota: 'Fluxo 6' },
  ],
  prazos: PRAZOS_MANTENEDORA,
  atores: ATORES_CADASTRO,
  prazoTarefa: PRAZO_TAREFA_CADASTRO,
  mensagens: { acao: 'acaoMantenedora', estado: 'estadoMantenedora' },
};
