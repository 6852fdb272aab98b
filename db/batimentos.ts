/**
 * rito's own health record (table batimento): the minutes in which some API
 * instance was up, and the stretches without any, which an administrator may
 * confirm as outages (db/indisponibilidades.ts).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema';

/** Records that the API is up this minute (idempotent: one row per minute, whatever the instances). */
export async function registrarBatimento(db: Kysely<Database>, agora: Date = new Date()): Promise<void> {
  const minuto = new Date(Math.floor(agora.getTime() / 60_000) * 60_000);
  await db.insertInto('batimento').values({ minuto }).onConflict((oc) => oc.column('minuto').doNothing()).execute();
}

export interface Lacuna {
  /** The first minute without a heartbeat. */
  inicio: Date;
  /** The minute the next heartbeat came. */
  fim: Date;
  minutos: number;
  /** Whether a recorded outage (not removed) already overlaps it. */
  registrada: boolean;
}

/**
 * The stretches of at least `minimoMinutos` without a heartbeat between two
 * heartbeats in [de, ate]. A stretch before the first or after the last
 * heartbeat of the window is not reported (rito may not have been installed, or
 * may still be down).
 */
export async function lacunasDeBatimento(db: Kysely<Database>, de: Date, ate: Date, minimoMinutos: number): Promise<Lacuna[]> {
  const { rows } = await sql<{ anterior: Date; minuto: Date; registrada: boolean }>`
    select t.anterior, t.minuto,
      exists (select 1 from indisponibilidade i where i.removido_em is null
              and i.inicio < t.minuto and i.fim > t.anterior + interval '1 minute') as registrada
    from (select minuto, lag(minuto) over (order by minuto) as anterior from batimento where minuto between ${de} and ${ate}) t
    where t.anterior is not null and t.minuto - t.anterior > make_interval(mins => ${minimoMinutos})
    order by t.minuto`.execute(db);
  return rows.map((r) => {
    const inicio = new Date(new Date(r.anterior).getTime() + 60_000);
    const fim = new Date(r.minuto);
    return { inicio, fim, minutos: Math.round((fim.getTime() - inicio.getTime()) / 60_000), registrada: r.registrada };
  });
}
