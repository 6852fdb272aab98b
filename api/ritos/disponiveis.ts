/**
 * The actions a caller may take on a process now, each with the JSON schema of
 * its data and the prazo it answers: what GET /v1/processos/{id} lists, so that
 * a form can be built for any rite without code of its own. Judged like the
 * workflow judges (the phase's transitions, the actor's role, designation in
 * the process); the workflow's validator still has the last word.
 */
import { z } from 'zod';
import { ACAO_TOMAR_CIENCIA, acoesDisponiveis, type AtorRito, type DefinicaoRito, parteDoRito } from '../../rules/ritos/definicao';
import { ritoDoTipo } from '../../rules/ritos/registro';
import type { Ator } from '../auth/ator';
import { papelDoAtor, urlAcao } from './routes';

export const acaoDisponivelSchema = z
  .object({
    acao: z.string(),
    rotulo: z.string(),
    metodo: z.literal('POST'),
    url: z.string().describe('Envie com o cabeçalho Idempotency-Key'),
    esquema: z.record(z.string(), z.unknown()).describe('JSON Schema dos dados da ação (corpo da requisição)'),
    prazo: z.object({ limite: z.string() }).nullable().describe('O prazo em curso que a ação atende, se houver'),
  })
  .meta({ id: 'AcaoDisponivel' });
export type AcaoDisponivel = z.infer<typeof acaoDisponivelSchema>;

/** What the workflow says of the process now (EstadoProcesso, or the read model when it cannot answer). */
export interface SituacaoProcesso {
  id: string;
  tipo: string;
  fase: string;
  encerrado: boolean;
  prazoLimite: string | null;
  notificacaoPendente: boolean;
}

const esquemas = new WeakMap<z.ZodType, Record<string, unknown>>();
/** The JSON Schema of an action's data, as GET /v1/processos/{id} lists it and the pages build their forms from it. */
export function esquemaJson(schema: z.ZodType): Record<string, unknown> {
  let s = esquemas.get(schema);
  if (!s) {
    s = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    esquemas.set(schema, s);
  }
  return s;
}

function atua(def: DefinicaoRito, ator: Ator, processoId: string, quem: string): boolean {
  const desc = (def.atores as Record<string, AtorRito>)[quem];
  if (!desc?.papel || !ator.papeis.includes(desc.papel as Ator['papeis'][number])) return false;
  return !desc.designadoNoProcesso || ator.comissoes.includes(processoId);
}

export function acoesDoAtor(situacao: SituacaoProcesso, ator: Ator): AcaoDisponivel[] {
  const def = ritoDoTipo(situacao.tipo);
  if (!def || situacao.encerrado || !Object.hasOwn(def.fases, situacao.fase)) return [];
  const fase = def.fases[situacao.fase]!;
  const prazoDe = (quem: string) => (situacao.prazoLimite && quem === fase.responsavel && fase.aguardaPrazo ? { limite: situacao.prazoLimite } : null);
  const acoes: AcaoDisponivel[] = acoesDisponiveis(def, situacao.fase)
    .filter((a) => papelDoAtor(def, def.acoes[a]!.ator) !== null && atua(def, ator, situacao.id, def.acoes[a]!.ator))
    .map((a) => {
      const desc = def.acoes[a]!;
      return { acao: a, rotulo: desc.rotulo, metodo: 'POST', url: urlAcao(situacao.id, def.codigo, a), esquema: esquemaJson(desc.schema), prazo: prazoDe(desc.ator) };
    });
  const parte = parteDoRito(def);
  if (situacao.notificacaoPendente && atua(def, ator, situacao.id, parte)) {
    acoes.unshift({
      acao: ACAO_TOMAR_CIENCIA,
      rotulo: 'Tomar ciência da notificação pendente',
      metodo: 'POST',
      url: urlAcao(situacao.id, def.codigo, ACAO_TOMAR_CIENCIA),
      esquema: esquemaJson(z.object({}).strict()),
      prazo: null,
    });
  }
  return acoes;
}
