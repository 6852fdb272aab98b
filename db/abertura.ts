/**
 * A process's abertura in the read model (issue 16): its first step — the row at versao 1 with the rite's state,
 * and the abertura's event — and the calendar of its unit's seat, which the workflow starts with instead of
 * writing and reading them itself (workflows/processo/primeiro-passo.ts). Run inside the abertura's transaction,
 * before its workflow starts.
 */
import { formatarInstanteBrasilia } from '../rules/calendario';
import type { DefinicaoRito } from '../rules/ritos/definicao';
import { type AberturaRegistrada, primeiroPasso } from '../workflows/processo/primeiro-passo';
import type { AberturaProcesso } from '../workflows/processo/definitions';
import { calendarioDaUnidade } from './calendario-da-unidade';
import type { Db } from './connect';
import { registrarPrimeiroPasso } from './processos';
import type { Processo } from './schema';

/**
 * Writes the first step at `agora`; when this call wrote the row, reads the calendar from that day (Brasília) on
 * and returns both. Undefined: the row was there (an identical abertura committed first).
 */
export async function registrarAbertura(
  db: Db,
  abertura: AberturaProcesso,
  definicao: DefinicaoRito,
  agora: Date,
): Promise<{ processo: Processo; registrada: AberturaRegistrada } | undefined> {
  const processo = await registrarPrimeiroPasso(db, primeiroPasso(abertura, definicao, agora.toISOString()));
  if (!processo) return undefined;
  const calendario = await calendarioDaUnidade(db, abertura.unidade, formatarInstanteBrasilia(agora.getTime()).slice(0, 10));
  return { processo, registrada: { calendario } };
}
