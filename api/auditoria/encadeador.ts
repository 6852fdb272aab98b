/**
 * The audit trail's chainer (issue 16). Requests only write their entries to
 * the outbox, `auditoria_pendente`, without any lock (registro.ts); this moves
 * them into the chain by calling the database's `auditoria_encadear()`
 * (db/migrations/2026_11_30_auditoria_pendente.ts), which takes the chain's
 * advisory lock for its own short transaction: whichever instance calls it, one
 * chainer at a time across all instances, each batch chained in id order and
 * moved in one transaction.
 *
 * One chainer per database pool (every API instance, `rito dev`'s embedded
 * one, a test's pool). It runs when an entry it wrote must be answered with its
 * seq (a write's request waits, bounded, for its own entry: nothing it changed
 * is answered before its entry is in the chain, unless the chainer cannot keep
 * up within the bound, and then it is safe in the outbox), when someone reads
 * the trail, and every
 * `intervaloMs` while an API instance is up — which is what chains entries
 * whose writer died between its commit and the chaining (an instance that
 * crashed, a worker's activity, the seed) and the reads of personal data, whose
 * answers do not wait for their chaining (avisar). No LISTEN/NOTIFY: the instance that
 * wrote an entry wakes its own chainer right after the commit, and one run
 * chains every instance's pending entries; NOTIFY would only add a connection
 * held open per instance (and PGlite's socket server shares one session).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/connect';

/** Entries per call of auditoria_encadear (one transaction): a long batch holds the chain's lock the longer. */
const LOTE = 1000;
/** How long a chainer that found another at work waits before it looks again (doubling while it stays busy, up to 50 ms). */
const OCUPADO_MS = 2;
/** After a failed run (the database away, say), before the next. */
const ESPERA_APOS_ERRO_MS = 100;

export interface Encadeada {
  seq: number;
  hash: string;
}

type Espera = (r: Encadeada | null) => void;

class Encadeador {
  private rodando = false;
  private deNovo = false;
  /** Resolved at the end of the first run that starts after they were queued. */
  private aoFim: (() => void)[] = [];
  private esperando = new Map<string, Espera[]>();
  private intervalo: NodeJS.Timeout | null = null;
  /** The next run chains whatever is pending, not only when an awaited entry is (a reader, the interval asked). */
  private todas = false;
  private ocupadoSeguidas = 0;
  private usos = 0;
  private ultimoErro: string | null = null;

  constructor(private readonly db: Db) {}

  /** A run that begins after this call, and its end (whatever it chained). */
  encadear(): Promise<void> {
    return new Promise((resolve) => {
      this.aoFim.push(resolve);
      this.todas = true;
      this.acordar();
    });
  }

  /**
   * Waits for these entries (committed, pending or already chained) to be in the chain: each one's seq and hash,
   * or null if it is not chained within `limiteMs` or is gone (its transaction rolled back).
   */
  aguardar(ids: readonly string[], limiteMs: number): Promise<(Encadeada | null)[]> {
    const r = Promise.all(
      ids.map(
        (id) =>
          new Promise<Encadeada | null>((resolve) => {
            const fim = (x: Encadeada | null) => {
              clearTimeout(timer);
              resolve(x);
            };
            const timer = setTimeout(() => {
              const lista = this.esperando.get(id)?.filter((f) => f !== fim);
              if (lista?.length) this.esperando.set(id, lista);
              else this.esperando.delete(id);
              resolve(null);
            }, limiteMs);
            timer.unref();
            this.esperando.set(id, [...(this.esperando.get(id) ?? []), fim]);
          }),
      ),
    );
    this.acordar();
    return r;
  }

  /**
   * An entry nobody waits for was committed (a read's): chained by the next periodic run when there is one — one
   * run then moves every read of that interval in a single transaction, instead of one run per batch of reads —
   * or by a run now when no API instance keeps the interval on this pool.
   */
  avisar(): void {
    if (this.intervalo) return;
    void this.encadear();
  }

  /** While at least one user (an API instance on this pool) wants it: a run every `intervaloMs`. */
  iniciar(intervaloMs: number): () => Promise<void> {
    this.usos++;
    if (!this.intervalo) {
      this.intervalo = setInterval(() => {
        this.todas = true;
        this.acordar();
      }, intervaloMs);
      this.intervalo.unref();
    }
    let parado = false;
    return async () => {
      if (parado) return;
      parado = true;
      if (--this.usos === 0 && this.intervalo) {
        clearInterval(this.intervalo);
        this.intervalo = null;
      }
      // The pool may be closed next: let the run under way finish.
      while (this.rodando) await new Promise((r) => setTimeout(r, 5));
    };
  }

  private acordar() {
    if (this.rodando) {
      this.deNovo = true;
      return;
    }
    void this.rodar();
  }

  private async rodar() {
    this.rodando = true;
    try {
      do {
        this.deNovo = false;
        const fim = this.aoFim.splice(0);
        const todas = this.todas;
        this.todas = false;
        try {
          if (await this.umaRodada(todas)) {
            // Another chainer was at work: this was no run for those who asked for one; the next is.
            this.aoFim.unshift(...fim.splice(0));
          }
          this.ultimoErro = null;
        } catch (err) {
          // The entries stay safe in the outbox; the next run (a request, the interval) tries again. Said once per cause.
          const msg = (err as Error)?.message ?? String(err);
          if (msg !== this.ultimoErro && !/pool|Cannot use a pool|terminat|destroy/i.test(msg)) process.emitWarning(`auditoria: encadeamento falhou: ${msg}`);
          this.ultimoErro = msg;
          await new Promise((r) => setTimeout(r, ESPERA_APOS_ERRO_MS));
        }
        for (const f of fim) f();
      } while (this.deNovo || this.aoFim.length);
    } finally {
      this.rodando = false;
    }
  }

  /** One run; true when another instance's chainer held the lock and nothing was chained (then look again shortly). */
  private async umaRodada(todas: boolean): Promise<boolean> {
    for (;;) {
      const ids = [...this.esperando.keys()];
      // One round trip: the move, then where each awaited entry is, in one snapshot taken after it.
      const { rows } = await sql<{ entrada_id: string | null; entrada_seq: string | null; entrada_hash: string | null; movidas: number | null }>`
        select entrada_id::text as entrada_id, entrada_seq::text as entrada_seq, entrada_hash, movidas
        from auditoria_encadear_e_conferir(${ids}::bigint[], ${todas}, ${LOTE}::integer)`.execute(this.db);
      const achadas = new Map(rows.filter((r) => r.entrada_id !== null).map((r) => [r.entrada_id!, r]));
      for (const id of ids) {
        const r = achadas.get(id);
        // Still pending: committed after this run's snapshot, or beyond this batch; the next run takes it.
        if (r && r.entrada_seq === null) continue;
        const esperas = this.esperando.get(id) ?? [];
        this.esperando.delete(id);
        // Neither chained nor pending: its transaction rolled back.
        for (const f of esperas) f(r ? { seq: Number(r.entrada_seq), hash: r.entrada_hash! } : null);
      }
      const movidas = Number(rows.find((r) => r.entrada_id === null)?.movidas ?? 0);
      if (movidas < 0) {
        // Another instance's chainer holds the lock: look again shortly (this run's waiters and `todas` carry over).
        this.todas ||= todas;
        this.deNovo = true;
        await new Promise((r) => setTimeout(r, Math.min(OCUPADO_MS * 2 ** this.ocupadoSeguidas++, 50)));
        return true;
      }
      this.ocupadoSeguidas = 0;
      if (movidas < LOTE) break;
    }
    if (this.esperando.size) this.deNovo = true;
    return false;
  }
}

const encadeadores = new WeakMap<Db, Encadeador>();

export function encadeador(db: Db): Encadeador {
  let e = encadeadores.get(db);
  if (!e) encadeadores.set(db, (e = new Encadeador(db)));
  return e;
}

/** How long a request waits for its entry to be chained before it is answered anyway (the entry is safe in the outbox). */
export const ESPERA_ENCADEAMENTO_MS = 5000;

/** Chains what is pending now (every instance's entries), waiting at most `limiteMs`: before the trail is read. */
export async function encadearPendentes(db: Db, limiteMs = ESPERA_ENCADEAMENTO_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([encadeador(db).encadear(), new Promise<void>((r) => (timer = setTimeout(r, limiteMs)))]);
  clearTimeout(timer);
}
