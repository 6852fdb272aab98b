/**
 * One student's follow-up case, from the apuração below the minimum to the
 * Conselho Tutelar (Portaria Interministerial MEC/MC nº 3/2022, seed 004):
 *
 *   notificacao-familia           art. 2º § 2º (the direção evaluates, "com vistas à
 *                                 comunicação aos pais ou responsáveis"), art. 8º VII–VIII
 *   averiguacao-motivos           art. 8º IX ("averiguar com famílias os motivos"), art. 3º § 2º
 *   encaminhamento-assistencia    art. 8º IX ("encaminhamento para a área de assistência
 *                                 social … os casos de vulnerabilidade ou risco social")
 *   acompanhamento                the school follows the next apurações (art. 2º caput)
 *   comunicacao-conselho-tutelar  art. 8º X; ECA art. 56 (faltas reiteradas and evasão once
 *                                 the school's means are exhausted; maus-tratos; repetência)
 *
 * The Portaria sets no deadline for any step. rito's defaults (PRAZOS_PADRAO) are
 * counted in dias úteis of the school's município (rules/prazos, as every prazo of
 * rito), drawn from Busca Ativa Escolar's per-município defaults (UNICEF/Undime:
 * pesquisa 15 days, análise técnica 5) and shortened where a month's apuração would
 * otherwise arrive before the family heard of the previous one; each município may
 * set its own (table caso_frequencia_prazos), read when a case opens.
 *
 * Pure: safe to import from Temporal workflow code.
 */
import { z } from 'zod';

export const ETAPAS_CASO = ['notificacao-familia', 'averiguacao-motivos', 'encaminhamento-assistencia', 'acompanhamento', 'comunicacao-conselho-tutelar'] as const;
export type EtapaCaso = (typeof ETAPAS_CASO)[number];

export const ROTULO_ETAPA: Record<EtapaCaso, string> = {
  'notificacao-familia': 'avaliação pela direção e notificação à família',
  'averiguacao-motivos': 'averiguação dos motivos com a família',
  'encaminhamento-assistencia': 'encaminhamento à assistência social (CRAS/CREAS)',
  acompanhamento: 'acompanhamento da frequência',
  'comunicacao-conselho-tutelar': 'comunicação ao Conselho Tutelar',
};

/** Dias úteis each step has, and how many more pass before the municipal coordinator sees the delay. */
export interface PrazosCaso {
  notificacaoFamilia: number;
  averiguacaoMotivos: number;
  encaminhamentoAssistencia: number;
  comunicacaoConselhoTutelar: number;
  /** After a step's limit passes without action: dias úteis until it is escalated to the coordenação municipal. */
  escalonamento: number;
}

export const PRAZOS_PADRAO: PrazosCaso & { fonte: string } = {
  // The family should hear before the next month's apuração: a school week.
  notificacaoFamilia: 5,
  // Busca Ativa Escolar: "pesquisa" (visit and interview of the family), 15 days.
  averiguacaoMotivos: 15,
  // Busca Ativa Escolar: "análise técnica", 5 days.
  encaminhamentoAssistencia: 5,
  // ECA art. 56 names no term; the facts are already established by then: a school week.
  comunicacaoConselhoTutelar: 5,
  // The coordenação municipal oversees the schools (art. 7º I a–b): one more school week.
  escalonamento: 5,
  fonte:
    'Padrão do rito (a Portaria Interministerial MEC/MC nº 3/2022 não fixa prazos): dias úteis do município da escola; referência: prazos padrão da Busca Ativa Escolar (UNICEF/Undime).',
};

export const prazosCasoSchema = z.strictObject({
  notificacaoFamilia: z.int().min(1).max(60),
  averiguacaoMotivos: z.int().min(1).max(60),
  encaminhamentoAssistencia: z.int().min(1).max(60),
  comunicacaoConselhoTutelar: z.int().min(1).max(60),
  escalonamento: z.int().min(1).max(60),
});

/** The dias úteis of a step; null: the step waits without a deadline (acompanhamento). */
export function diasDaEtapa(etapa: EtapaCaso, p: PrazosCaso): number | null {
  switch (etapa) {
    case 'notificacao-familia':
      return p.notificacaoFamilia;
    case 'averiguacao-motivos':
      return p.averiguacaoMotivos;
    case 'encaminhamento-assistencia':
      return p.encaminhamentoAssistencia;
    case 'comunicacao-conselho-tutelar':
      return p.comunicacaoConselhoTutelar;
    case 'acompanhamento':
      return null;
  }
}

/** The occurrences of art. 8º III–V and art. 7º I q that change a case. */
export const OCORRENCIAS = ['transferencia', 'conclusao', 'abandono', 'obito', 'mudanca-endereco'] as const;
export type Ocorrencia = (typeof OCORRENCIAS)[number];

/** How a case ends. */
export const ENCERRAMENTOS = ['frequencia-restabelecida', 'sem-minimo', 'transferencia', 'conclusao', 'obito'] as const;
export type Encerramento = (typeof ENCERRAMENTOS)[number];

export const ROTULO_ENCERRAMENTO: Record<Encerramento, string> = {
  'frequencia-restabelecida': 'frequência restabelecida acima do mínimo',
  // 21 years completed, or 18 to 20 with basic education concluded: art. 2º sets no minimum any more.
  'sem-minimo': 'estudante fora da faixa etária com frequência mínima (art. 2º)',
  transferencia: 'transferência para outra escola',
  conclusao: 'conclusão da educação básica',
  obito: 'óbito do(a) estudante',
};
