/**
 * What the school requests of seed 003 run on the rite engine share (ETAP,
 * Alteração na Composição da Entidade Mantenedora, Relatório Anual): their
 * actors, the deadline of the units' tasks, the blocks of their actions' data
 * (text with pt-BR messages, uploaded files, a checklist applied item by item,
 * a DOERJ publication), and how an action table becomes the definition's.
 *
 * Pure: safe in workflow code.
 */
import { z } from 'zod';
import { dataCivil } from '../campos';
import type { AcaoRito, AtorRito, VerificacaoPrevia } from '../ritos/definicao';

export type AtorCadastro = 'representante-legal' | 'cooie' | 'coogie' | 'sistema';

export const ATORES_CADASTRO: Readonly<Record<AtorCadastro, AtorRito>> = {
  'representante-legal': { rotulo: 'Representante Legal ou Procurador', papel: 'representante' },
  cooie: { rotulo: 'Coordenadoria Regional de Inspeção Escolar (COOIE)', papel: 'inspetor' },
  coogie: { rotulo: 'Coordenadoria Geral de Inspeção Escolar (COOGIE)', papel: 'coogie' },
  sistema: { rotulo: 'rito (sistema)', papel: null },
};

/** As the vistoria's: a decision the Administration owes after instruction (Lei 9.784/1999 art. 49, subsidiarily: the seed sets none for the units). */
export const PRAZO_TAREFA_CADASTRO = { dias: 30, baseLegal: 'Lei federal nº 9.784/1999, art. 49 (aplicação subsidiária)' } as const;

/** A required text, its messages naming the field. */
export const textoCampo = (campo: string, min = 1, max = 2000) =>
  z
    .string({ error: `${campo} é obrigatório` })
    .trim()
    .min(min, min > 1 ? `${campo} deve ter ao menos ${min} caracteres` : `${campo} é obrigatório`)
    .max(max, `${campo} deve ter no máximo ${max} caracteres`);

export const arquivosEnviados = z.array(z.string().min(1).max(100)).max(50).default([]).describe('ids de arquivos já enviados em POST /v1/arquivos');

/** A checklist applied item by item (rules/ritos/checklist.ts checks it against the rite's list). */
export const checklistAplicado = z
  .array(
    z.object({
      codigo: z.string().trim().min(1).max(80),
      situacao: z.enum(['conforme', 'nao-conforme', 'nao-se-aplica'], { error: 'use "conforme", "nao-conforme" ou "nao-se-aplica"' }),
      observacao: z.string().trim().min(1).max(1000).optional(),
    }),
  )
  .max(50);

/**
 * The checklist of a rite's list: the same data, and in its JSON Schema the
 * items the list must hold, in order (`x-itens`: each one's code) with the
 * source's words for each (`x-rotulos-itens`), so that a client — the pages'
 * generated form among them — shows one row per item instead of asking for
 * the codes. The list itself is still checked whole by the rite (conferirItens).
 */
export function checklistDosItens(itens: readonly { codigo: string; alinea: string; descricao: string }[]) {
  return checklistAplicado.meta({
    'x-itens': itens.map((i) => ({ codigo: i.codigo })),
    'x-rotulos-itens': itens.map((i) => `${i.alinea}) ${i.descricao}`),
  });
}

export const publicacaoDoerj = z.object({ data: dataCivil, pagina: z.coerce.number().int().min(1, 'página deve ser positiva').max(10_000) });

/** The definition's actions from the rite's table of data (zod) and of labels and actors. */
export function acoesDoRito<A extends string, Ator extends string>(
  dados: Readonly<Record<A, z.ZodType>>,
  rotulos: Readonly<Record<A, readonly [string, Ator]>>,
  verificacoes: Partial<Record<A, readonly VerificacaoPrevia[]>> = {},
): Record<A, AcaoRito<Ator>> {
  return Object.fromEntries(
    (Object.keys(dados) as A[]).map((a): [A, AcaoRito<Ator>] => [a, { rotulo: rotulos[a][0], ator: rotulos[a][1], schema: dados[a], ...(verificacoes[a] ? { verificacoes: verificacoes[a] } : {}) }]),
  ) as Record<A, AcaoRito<Ator>>;
}
