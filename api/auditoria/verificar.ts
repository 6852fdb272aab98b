/**
 * Walks the audit chain from the first entry and names the first one that was
 * altered or removed:
 *   - an entry whose content no longer gives its stored hash was altered;
 *   - an entry whose hash_anterior is not the previous entry's hash follows an
 *     entry that was altered (and re-hashed) or removed;
 *   - a gap in seq means entries were removed.
 * Removing entries at the end leaves no trace inside the chain: compare the
 * head (last seq and hash, printed by `rito auditoria verificar`) with a copy
 * kept elsewhere, or pass it as an anchor (`--ancora seq:hash`).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { conteudoDaLinha, HASH_INICIAL, hashEntrada } from './registro';

export type ResultadoVerificacao =
  | { integra: true; total: number; ultima: { seq: number; hash: string } | null }
  | { integra: false; total: number; seq: number; motivo: string };

export async function verificarCadeia(
  db: Kysely<Database>,
  opts: { ancora?: { seq: number; hash: string }; lote?: number } = {},
): Promise<ResultadoVerificacao> {
  const lote = opts.lote ?? 1000;
  let anterior = { seq: 0, hash: HASH_INICIAL };
  let total = 0;
  let ancoraVista = false;
  for (;;) {
    const rows = await db.selectFrom('auditoria').selectAll().where('seq', '>', String(anterior.seq)).orderBy('seq').limit(lote).execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      total++;
      if (seq !== anterior.seq + 1) {
        const faltam = seq - anterior.seq - 1;
        return {
          integra: false,
          total,
          seq: anterior.seq + 1,
          motivo:
            faltam === 1
              ? `a entrada ${anterior.seq + 1} foi removida (a cadeia salta de ${anterior.seq} para ${seq})`
              : `as entradas ${anterior.seq + 1} a ${seq - 1} foram removidas (a cadeia salta de ${anterior.seq} para ${seq})`,
        };
      }
      const recalculado = hashEntrada(row.hash_anterior, conteudoDaLinha(row));
      if (recalculado !== row.hash) {
        return { integra: false, total, seq, motivo: `a entrada ${seq} foi alterada: seu conteúdo não corresponde ao hash registrado` };
      }
      if (row.hash_anterior !== anterior.hash) {
        const alvo = anterior.seq === 0 ? seq : anterior.seq;
        return {
          integra: false,
          total,
          seq: alvo,
          motivo:
            anterior.seq === 0
              ? `a entrada ${seq} não parte do início da cadeia`
              : `a entrada ${anterior.seq} foi alterada: seu hash não é o que a entrada ${seq} registrou como anterior`,
        };
      }
      if (opts.ancora && seq === opts.ancora.seq) {
        ancoraVista = true;
        if (row.hash !== opts.ancora.hash) {
          return { integra: false, total, seq, motivo: `a entrada ${seq} não tem o hash da âncora (cadeia reescrita a partir dela ou antes)` };
        }
      }
      anterior = { seq, hash: row.hash };
    }
    if (rows.length < lote) break;
  }
  if (opts.ancora && !ancoraVista) {
    return {
      integra: false,
      total,
      seq: Math.min(opts.ancora.seq, anterior.seq + 1),
      motivo: `a entrada ${opts.ancora.seq} da âncora não existe mais (entradas do fim da cadeia removidas a partir da ${anterior.seq + 1})`,
    };
  }
  return { integra: true, total, ultima: anterior.seq ? anterior : null };
}
