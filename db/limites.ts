/**
 * Repository of the rate limit's counts (table limite_requisicao), shared by
 * every API instance: one fixed window per key, timed by the database's clock
 * so that instances with skewed clocks still agree.
 */
import { type Kysely, sql } from 'kysely';
import { executarPreparada } from './preparadas';
import type { Database } from './schema';

export interface Contagem {
  /** Requests counted in the current window, this one included. */
  contagem: number;
  /** Milliseconds until the window ends. */
  restanteMs: number;
}

/**
 * Counts `quantidade` requests under `chave` (reserves them: api/plugins/limites.ts hands them out one by one);
 * opens a new window of `janelaMs` when there is none or it ended. `contagem` is the count after them.
 */
export async function contarRequisicao(db: Kysely<Database>, chave: string, janelaMs: number, quantidade = 1): Promise<Contagem> {
  const [r] = await executarPreparada(
    db,
    sql<{ contagem: number; restante_ms: string | number }>`
    insert into limite_requisicao as l (chave, contagem, expira_em)
    values (${chave}, ${quantidade}::int, clock_timestamp() + ${janelaMs} * interval '1 millisecond')
    on conflict (chave) do update set
      contagem = case when l.expira_em <= clock_timestamp() then excluded.contagem else l.contagem + excluded.contagem end,
      expira_em = case when l.expira_em <= clock_timestamp() then excluded.expira_em else l.expira_em end
    returning contagem, greatest(1, ceil(extract(epoch from (expira_em - clock_timestamp())) * 1000)) as restante_ms`,
  );
  return { contagem: Number(r!.contagem), restanteMs: Number(r!.restante_ms) };
}

/** What `chave` has counted in its current window, without counting. */
export async function lerContagem(db: Kysely<Database>, chave: string): Promise<Contagem> {
  const { rows } = await sql<{ contagem: number; restante_ms: string | number }>`
    select contagem, greatest(0, ceil(extract(epoch from (expira_em - clock_timestamp())) * 1000)) as restante_ms
    from limite_requisicao where chave = ${chave} and expira_em > clock_timestamp()`.execute(db);
  const r = rows[0];
  return r ? { contagem: Number(r.contagem), restanteMs: Number(r.restante_ms) } : { contagem: 0, restanteMs: 0 };
}

/** Deletes the rows whose window has ended; returns how many. */
export async function apagarContagensVencidas(db: Kysely<Database>): Promise<number> {
  const r = await db.deleteFrom('limite_requisicao').where('expira_em', '<', sql<Date>`clock_timestamp()`).executeTakeFirst();
  return Number(r.numDeletedRows);
}
