/**
 * A short-lived cache of resolved sessions (session id -> its row and Ator),
 * so that a burst of requests of one session reads it from PostgreSQL once
 * instead of once each (issue 16: the session's statement was half of what
 * PostgreSQL did for a read of the case list).
 *
 * Nothing here may serve a session that was ended. Two guards:
 *
 * - invalidation: every instance LISTENs on rito_sessoes, to which the
 *   database's triggers (db/migrations/2026_11_30_sessao_notificacoes.ts) send,
 *   at commit, the session or account that changed: logout, revocation,
 *   expiry, an account deactivated or its roles, unit, password or scope
 *   changed, whoever wrote it (another instance, the worker, the CLI). The
 *   code paths of this instance that end sessions also forget them at once
 *   (api/auth/sessao.ts), before their own notification comes back;
 * - a hard bound: an entry is served at most `validadeMs` (default 5 s) after
 *   it was read, notification or not. While the listener is not connected
 *   (at start, after a dropped connection, until it LISTENs again) nothing is
 *   served from the cache and everything in it is dropped, so a notification
 *   missed while reconnecting cannot leave a stale entry behind.
 *
 * A read that started before an invalidation is not stored (generation count):
 * its row may predate the change the notification announced.
 *
 * What the bound still allows: a mandate or designation that begins or ends by
 * the clock alone (its inicio/fim passing, no write) takes effect up to
 * `validadeMs` late for a session cached just before. The session's own expiry
 * (absolute and idle) is checked on every request against the cached row.
 *
 * Only against a PostgreSQL server: the embedded PGlite multiplexes every
 * connection onto one session, and a NOTIFY sent on one connection of its
 * socket server never reaches a LISTEN on another (checked with
 * @electric-sql/pglite-socket 0.2.17: only the listener's own NOTIFY came
 * back). runtime/api.ts does not start the cache there; it is one process anyway.
 */
import pg from 'pg';

export const CANAL_SESSOES = 'rito_sessoes';
/** How long an entry may be served without a read of PostgreSQL, at most. */
export const VALIDADE_SESSAO_EM_CACHE_MS = 5000;
/** Wait before connecting the listener again after it dropped. */
const RECONEXAO_MS = 1000;
/** More entries than this (sessions seen within the bound) and the cache starts over instead of growing. */
const MAXIMO_ENTRADAS = 50_000;

interface Entrada<L> {
  valor: L;
  usuarioId: string;
  lidaEm: number;
}

export class CacheDeSessoes<L = unknown> {
  private readonly entradas = new Map<string, Entrada<L>>();
  private cliente: pg.Client | null = null;
  private ouvindo = false;
  private fechado = false;
  private reconexao: NodeJS.Timeout | null = null;
  private readonly limpeza: NodeJS.Timeout;
  /** Bumped by every invalidation: a read that started under another generation is not stored. */
  private geracaoAtual = 0;
  /** Notifications received (for the tests and the log). */
  notificacoes = 0;

  constructor(
    private readonly url: string,
    readonly validadeMs = VALIDADE_SESSAO_EM_CACHE_MS,
    private readonly aviso: (m: string) => void = () => {},
  ) {
    this.limpeza = setInterval(() => this.esquecerVencidas(Date.now()), Math.max(validadeMs, 1000));
    this.limpeza.unref();
  }

  /** Whether entries are served: the listener is connected and LISTENing. */
  get ativo(): boolean {
    return this.ouvindo && !this.fechado;
  }

  get geracao(): number {
    return this.geracaoAtual;
  }

  get tamanho(): number {
    return this.entradas.size;
  }

  /** The entry of a session, if the listener is up and it was read less than validadeMs ago. */
  obter(id: string, agora = Date.now()): L | undefined {
    if (!this.ativo) return undefined;
    const e = this.entradas.get(id);
    if (!e) return undefined;
    if (agora - e.lidaEm >= this.validadeMs || agora < e.lidaEm) {
      this.entradas.delete(id);
      return undefined;
    }
    return e.valor;
  }

  /** Stores what a read begun under `geracao` found, unless something was invalidated since (or the listener is down). */
  guardar(id: string, usuarioId: string, valor: L, geracao: number, lidaEm = Date.now()): void {
    if (!this.ativo || geracao !== this.geracaoAtual) return;
    if (this.entradas.size >= MAXIMO_ENTRADAS) this.entradas.clear();
    this.entradas.set(id, { valor, usuarioId, lidaEm });
  }

  esquecer(id: string): void {
    this.geracaoAtual++;
    this.entradas.delete(id);
  }

  esquecerUsuario(usuarioId: string): void {
    this.geracaoAtual++;
    for (const [id, e] of this.entradas) if (e.usuarioId === usuarioId) this.entradas.delete(id);
  }

  esquecerTudo(): void {
    this.geracaoAtual++;
    this.entradas.clear();
  }

  private esquecerVencidas(agora: number): void {
    for (const [id, e] of this.entradas) if (agora - e.lidaEm >= this.validadeMs) this.entradas.delete(id);
  }

  private aoNotificar(payload: string | undefined): void {
    this.notificacoes++;
    if (!payload || payload === '*') this.esquecerTudo();
    else if (payload.startsWith('s:')) this.esquecer(payload.slice(2));
    else if (payload.startsWith('u:')) this.esquecerUsuario(payload.slice(2));
    else this.esquecerTudo();
  }

  /** Connects the listener; resolves once it LISTENs or the attempt failed (it then retries in the background). */
  async conectar(): Promise<void> {
    if (this.fechado) return;
    const cliente = new pg.Client({ connectionString: this.url });
    this.cliente = cliente;
    const caiu = (motivo: string) => {
      if (this.cliente !== cliente) return;
      this.cliente = null;
      this.ouvindo = false;
      this.esquecerTudo();
      cliente.removeAllListeners('notification');
      cliente.end().catch(() => {});
      if (this.fechado) return;
      this.aviso(`cache de sessões desligado até o LISTEN voltar (${motivo})`);
      this.reconexao = setTimeout(() => {
        this.reconexao = null;
        void this.conectar();
      }, RECONEXAO_MS);
      this.reconexao.unref();
    };
    cliente.on('error', (err) => caiu(err.message));
    cliente.on('end', () => caiu('conexão encerrada'));
    cliente.on('notification', (n) => {
      if (n.channel === CANAL_SESSOES) this.aoNotificar(n.payload);
    });
    try {
      await cliente.connect();
      await cliente.query(`listen ${CANAL_SESSOES}`);
      if (this.cliente !== cliente || this.fechado) return;
      // Whatever changed while nobody listened is unknown: start empty.
      this.esquecerTudo();
      this.ouvindo = true;
    } catch (err) {
      caiu((err as Error).message);
    }
  }

  async fechar(): Promise<void> {
    this.fechado = true;
    this.ouvindo = false;
    this.esquecerTudo();
    clearInterval(this.limpeza);
    if (this.reconexao) clearTimeout(this.reconexao);
    const cliente = this.cliente;
    this.cliente = null;
    if (cliente) await cliente.end().catch(() => {});
  }
}

/** The cache of each database handle: the one autenticarSessao consults and the code that ends sessions clears. */
const caches = new WeakMap<object, CacheDeSessoes>();

export function cacheDeSessoes(db: object): CacheDeSessoes | undefined {
  return caches.get(db);
}

/**
 * Starts the cache of sessions read through `db` (whose server `url` names, for the listener). Returns it once
 * the listener LISTENs (or its first attempt failed: it keeps trying, serving nothing meanwhile); close it with fechar().
 */
export async function iniciarCacheDeSessoes(
  db: object,
  url: string,
  opcoes: { validadeMs?: number; aviso?: (m: string) => void } = {},
): Promise<CacheDeSessoes> {
  const anterior = caches.get(db);
  if (anterior) await anterior.fechar();
  const cache = new CacheDeSessoes(url, opcoes.validadeMs, opcoes.aviso);
  caches.set(db, cache);
  await cache.conectar();
  const fechar = cache.fechar.bind(cache);
  cache.fechar = async () => {
    if (caches.get(db) === cache) caches.delete(db);
    await fechar();
  };
  return cache;
}
