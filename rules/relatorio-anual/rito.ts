/**
 * The Relatório Anual (seed 003; Portaria E/COIE.E nº 02/2001) as a rite: the
 * institution sends it with its ofício de encaminhamento by the last business
 * day of May (rules/obrigacoes, vencimentoRelatorioAnual); the COOIE autua it,
 * applies the checklist of conferência, and either archives it or notifies the
 * pendências with 30 days to meet them ("concedido o prazo de 30 dias para
 * cumprimento").
 *
 * Pure data: safe in workflow code.
 */
import { z } from 'zod';
import { numeroSeiSchema } from '../identificadores/schemas';
import type { ItemConferivel } from '../ritos/checklist';
import { ATORES_CADASTRO, type AtorCadastro, PRAZO_TAREFA_CADASTRO, acoesDoRito, arquivosEnviados, checklistDosItens, textoCampo } from '../cadastros/definicao';
import { ACAO_EXPIRAR_PRAZO, type DefinicaoRito, type PrazoRito } from '../ritos/definicao';
import { exigenciaSchema } from '../vistoria/acoes';

export type FaseRelatorioAnual = 'entrega' | 'autuacao' | 'analise' | 'pendencias' | 'arquivado';
export type AtorRelatorioAnual = Exclude<AtorCadastro, 'coogie'>;
export type CodigoPrazoRelatorioAnual = 'pendencias-relatorio-anual';

export interface ItemChecklistRelatorio extends ItemConferivel {
  readonly descricao: string;
  readonly baseLegal: string;
}

const PORTARIA = 'Portaria E/COIE.E Normativa nº 02, de 21 de agosto de 2001';
const GUIA = 'Guia de Inspeção Escolar SEEDUC-RJ, Relatório Anual';

/** What the Relatório Anual must contain (seed 003, items 1–4), checked item by item. */
export const CHECKLIST_RELATORIO_ANUAL: readonly ItemChecklistRelatorio[] = [
  {
    codigo: 'oficio-encaminhamento',
    alinea: '1',
    descricao:
      'Ofício de encaminhamento endereçado à Coordenadoria Regional, com o assunto "Relatório Anual Ano Letivo de XXXX" e a identificação da instituição, representantes legais e sócios, cursos autorizados, turnos, total de alunos, atos autorizativos e a equipe (Diretor, Diretor Adjunto ou substituto, Secretário, Coordenadores)',
    baseLegal: `${GUIA}, item 1`,
  },
  { codigo: 'sequencia-blocos', alinea: '2', descricao: `A sequência de BLOCOS da mesma forma como está na ${PORTARIA}`, baseLegal: PORTARIA },
  {
    codigo: 'assinaturas',
    alinea: '3',
    descricao:
      'O Ofício assinado pelo Diretor ou Diretor Substituto ou Secretário Escolar e todas as folhas dos blocos datadas e assinadas pelo Diretor ou Diretor Substituto e pelo Secretário Escolar',
    baseLegal: `${GUIA}, item 3`,
  },
  { codigo: 'formato-pdf', alinea: '4', descricao: 'Enviar o arquivo em Formato PDF', baseLegal: `${GUIA}, item 4` },
];
export const NOME_CHECKLIST_RELATORIO = 'checklist de conferência do Relatório Anual';

/** "concedido o prazo de 30 dias para cumprimento" (seed 003, Fluxo de Análise do Relatório Anual). */
export const PRAZOS_RELATORIO_ANUAL: Readonly<Record<CodigoPrazoRelatorioAnual, PrazoRito<CodigoPrazoRelatorioAnual>>> = {
  'pendencias-relatorio-anual': {
    codigo: 'pendencias-relatorio-anual',
    rotulo: 'Cumprimento das pendências do Relatório Anual',
    dias: 30,
    uteis: false,
    contarDe: 'dia-seguinte',
    prorrogavel: false,
    improrrogavelExpresso: false,
    notificacao: 'notificacao-exigencias-cadastro',
    baseLegal: `${GUIA}, Fluxo de Análise`,
    fonte: 'Caso existam pendências, a Instituição de Ensino deverá ser notificada das exigências e concedido o prazo de 30 dias para cumprimento',
  },
};

const texto = textoCampo;
const arquivos = arquivosEnviados;
const checklist = checklistDosItens(CHECKLIST_RELATORIO_ANUAL);

export const DADOS_ACAO_RELATORIO_ANUAL = {
  'entregar-relatorio': z.object({
    anoLetivo: z.number().int().min(2000, 'ano letivo inválido').max(2100, 'ano letivo inválido'),
    cursosAutorizados: z.array(texto('curso', 3, 300)).min(1, 'informe os cursos autorizados').max(50),
    turnos: z.array(z.enum(['manha', 'tarde', 'noite'], { error: 'turno inválido: use manha, tarde ou noite' })).min(1, 'informe os turnos de funcionamento').max(3),
    totalAlunos: z.number().int().min(0).max(200_000),
    atosAutorizativos: z.array(texto('ato autorizativo', 3, 300)).min(1, 'informe os atos autorizativos (ou o processo em tramitação)').max(50),
    arquivos,
  }),
  autuar: z.object({ numeroSei: numeroSeiSchema }),
  'registrar-pendencias': z.object({ checklist, exigencias: z.array(exigenciaSchema).max(100).default([]) }),
  'cumprir-pendencias': z.object({ resposta: texto('resposta', 1, 20_000), arquivos }),
  arquivar: z.object({ checklist }),
  [ACAO_EXPIRAR_PRAZO]: z.object({}).strict(),
} as const;
export type AcaoRelatorioAnual = keyof typeof DADOS_ACAO_RELATORIO_ANUAL;

const ROTULOS: Record<AcaoRelatorioAnual, readonly [string, AtorRelatorioAnual]> = {
  'entregar-relatorio': ['Entregar o Relatório Anual com o ofício de encaminhamento', 'representante-legal'],
  autuar: ['Autuar o Relatório Anual no SEI', 'cooie'],
  'registrar-pendencias': ['Notificar as pendências do Relatório Anual', 'cooie'],
  'cumprir-pendencias': ['Cumprir as pendências', 'representante-legal'],
  arquivar: ['Arquivar o Relatório Anual (conferido, sem pendências)', 'cooie'],
  [ACAO_EXPIRAR_PRAZO]: ['Registrar o fim do prazo sem manifestação', 'sistema'],
};

const acoes = acoesDoRito(DADOS_ACAO_RELATORIO_ANUAL, ROTULOS, { autuar: ['numero-sei-livre'] });

export const RITO_RELATORIO_ANUAL: DefinicaoRito<FaseRelatorioAnual, AcaoRelatorioAnual, CodigoPrazoRelatorioAnual, AtorRelatorioAnual> = {
  codigo: 'relatorio-anual',
  rotulo: 'Relatório Anual',
  faseInicial: 'entrega',
  fases: {
    entrega: { rotulo: 'Aguardando a entrega do Relatório Anual', responsavel: 'representante-legal', aguardaPrazo: null, terminal: false },
    autuacao: { rotulo: 'Relatório Anual recebido — autuação no SEI pela COOIE', responsavel: 'cooie', aguardaPrazo: null, terminal: false },
    analise: { rotulo: 'Conferência do Relatório Anual pela COOIE', responsavel: 'cooie', aguardaPrazo: null, terminal: false },
    pendencias: { rotulo: 'Pendências notificadas — prazo de 30 dias', responsavel: 'representante-legal', aguardaPrazo: 'pendencias-relatorio-anual', terminal: false },
    arquivado: { rotulo: 'Relatório Anual conferido e arquivado', responsavel: null, aguardaPrazo: null, terminal: true },
  },
  acoes,
  transicoes: [
    { de: 'entrega', acao: 'entregar-relatorio', para: 'autuacao' },
    { de: 'autuacao', acao: 'autuar', para: 'analise' },
    { de: 'analise', acao: 'registrar-pendencias', para: 'pendencias' },
    { de: 'pendencias', acao: 'cumprir-pendencias', para: 'analise' },
    // After the 30 days the COOIE decides with what the autos hold: new pendências, or archive.
    { de: 'pendencias', acao: ACAO_EXPIRAR_PRAZO, para: 'analise' },
    { de: 'analise', acao: 'arquivar', para: 'arquivado', nota: '"Não possuindo exigências, o Relatório Anual deverá ser arquivado"' },
  ],
  prazos: PRAZOS_RELATORIO_ANUAL,
  // The COOGIE has no part in the Relatório Anual.
  atores: { 'representante-legal': ATORES_CADASTRO['representante-legal'], cooie: ATORES_CADASTRO.cooie, sistema: ATORES_CADASTRO.sistema },
  prazoTarefa: PRAZO_TAREFA_CADASTRO,
  mensagens: { acao: 'acaoRelatorioAnual', estado: 'estadoRelatorioAnual' },
};
