/**
 * Walks the audit chain from the first entry and reports every entry that was
 * altered or removed, not only the first:
 *   - an entry whose content no longer gives its stored hash was altered;
 *   - an entry whose hash_anterior is not the previous entry's hash follows an
 *     entry that was altered (and re-hashed) or removed;
 *   - a gap in seq means entries were removed.
 * The chain alone cannot show entries cut from its end, nor a chain re-hashed
 * whole from some entry on: anchors kept outside the database can (ancora.ts,
 * written by the API; or a head printed earlier and passed back): an anchored
 * seq the chain no longer reaches, or whose hash differs, is reported too.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { conteudoDaLinha, HASH_INICIAL, hashEntrada } from './registro';

export interface AncoraConferida {
  seq: number;
  hash: string;
  /** How the report names it, e.g. "âncora de 2026-11-29T15:00:00-03:00". */
  descricao?: string;
}

export interface ProblemaCadeia {
  /** The first entry the problem concerns. */
  seq: number;
  motivo: string;
}

export interface ResultadoVerificacao {
  integra: boolean;
  /** Entries read. */
  total: number;
  /** The head as stored (last seq and its hash), null when the trail is empty. */
  ultima: { seq: number; hash: string } | null;
  /** Every problem found, in chain order; empty when intact. */
  problemas: ProblemaCadeia[];
  /** How many anchors the chain was checked against. */
  ancoras: number;
  /**
   * Entries committed to the outbox (auditoria_pendente) and not yet chained when the walk ended: protected
   * from change by their trigger, but not part of what was verified until the chainer moves them.
   */
  pendentes: number;
}

export async function verificarCadeia(
  db: Kysely<Database>,
  opts: { ancora?: AncoraConferida; ancoras?: AncoraConferida[]; lote?: number } = {},
): Promise<ResultadoVerificacao> {
  const lote = opts.lote ?? 1000;
  const ancoras = [...(opts.ancoras ?? []), ...(opts.ancora ? [opts.ancora] : [])];
  const porSeq = new Map<number, AncoraConferida[]>();
  for (const a of ancoras) porSeq.set(a.seq, [...(porSeq.get(a.seq) ?? []), a]);
  const nome = (a: AncoraConferida) => a.descricao ?? 'âncora';
  const problemas: ProblemaCadeia[] = [];
  let anterior = { seq: 0, hash: HASH_INICIAL };
  let total = 0;
  for (;;) {
    const rows = await db.selectFrom('auditoria').selectAll().where('seq', '>', String(anterior.seq)).orderBy('seq').limit(lote).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      total++;
      const lacuna = seq !== anterior.seq + 1;
      if (lacuna) {
        const faltam = seq - anterior.seq - 1;
        problemas.push({
          seq: anterior.seq + 1,
          motivo:
            faltam === 1
              ? `a entrada ${anterior.seq + 1} foi removida (a cadeia salta de ${anterior.seq} para ${seq})`
              : `as entradas ${anterior.seq + 1} a ${seq - 1} foram removidas (a cadeia salta de ${anterior.seq} para ${seq})`,
        });
      }
      if (hashEntrada(row.hash_anterior, conteudoDaLinha(row)) !== row.hash) {
        problemas.push({ seq, motivo: `a entrada ${seq} foi alterada: seu conteúdo não corresponde ao hash registrado` });
      }
      // After a gap the link cannot match; the gap already says why.
      if (!lacuna && row.hash_anterior !== anterior.hash) {
        problemas.push(
          anterior.seq === 0
            ? { seq, motivo: `a entrada ${seq} não parte do início da cadeia` }
            : { seq: anterior.seq, motivo: `a entrada ${anterior.seq} foi alterada: seu hash não é o que a entrada ${seq} registrou como anterior` },
        );
      }
      for (const a of porSeq.get(seq) ?? []) {
        if (row.hash !== a.hash) {
          problemas.push({ seq, motivo: `a entrada ${seq} não tem o hash da ${nome(a)} (cadeia reescrita a partir dela ou antes)` });
        }
      }
      anterior = { seq, hash: row.hash };
    }
    if (rows.length < lote) break;
  }
  // Anchored entries past the end: the chain was cut.
  const alem = ancoras.filter((a) => a.seq > anterior.seq).sort((x, y) => y.seq - x.seq)[0];
  if (alem) {
    problemas.push({
      seq: anterior.seq + 1,
      motivo:
        anterior.seq === 0
          ? `a trilha está vazia, mas a ${nome(alem)} registra a entrada ${alem.seq} (todas as entradas foram removidas)`
          : `a ${nome(alem)} registra a entrada ${alem.seq}, mas a cadeia termina na ${anterior.seq} (entradas do fim removidas a partir da ${anterior.seq + 1})`,
    });
  }
  const { n: pendentes } = await db.selectFrom('auditoria_pendente').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { integra: problemas.length === 0, total, ultima: anterior.seq ? anterior : null, problemas, ancoras: ancoras.length, pendentes: Number(pendentes) };
}
