/**
 * Repository of processes: the read model a workflow keeps in step with itself
 * (processo, processo_evento, tarefa), served to the API, the activities and
 * the CLI. Functions take the database first; each write is idempotent, so a
 * retried activity leaves the same rows as a single run.
 */
import { type Kysely, type OperationNodeSource, type RawBuilder, sql } from 'kysely';
import type { PrazoAberto } from '../workflows/prazos/definitions';
import type { AberturaProcesso, EstadoProcesso } from '../workflows/processo/definitions';
import { escritaDaAlteracao, escritaDoPrazo, registrarPrazo } from './prazos';
import { emTransacao } from './transacao';
import type { Database, Processo } from './schema';

type Db = Kysely<Database>;

export interface EventoProcesso {
  processoId: string;
  seq: number;
  tipo: string;
  descricao: string;
  ator: string;
  ocorridoEm: string;
  dados: Record<string, unknown>;
}

export function obterProcesso(db: Db, id: string): Promise<Processo | undefined> {
  return db.selectFrom('processo').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The open process with this object and party (seed 002 art. 22 I: at most one). */
export function processoAbertoDaChave(db: Db, chave: string): Promise<Processo | undefined> {
  return db.selectFrom('processo').selectAll().where('chave', '=', chave).where('encerrado', '=', false).executeTakeFirst();
}

/** How many processes with this object and party have ended: the next one's ordinal follows. */
export async function encerradosDaChave(db: Db, chave: string): Promise<number> {
  const r = await db
    .selectFrom('processo')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('chave', '=', chave)
    .where('encerrado', '=', true)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * A process's snapshot as its workflow sends it. `rito` is the rite's state the
 * reads show (GET …/{rito}), without the answers kept for retried actions;
 * absent from snapshots of code before it was projected.
 */
export interface SnapshotProcesso {
  abertura: AberturaProcesso;
  estado: EstadoProcesso;
  rito?: Record<string, unknown> | null;
}

/** Writes the snapshot unless the row holds a newer one; returns the row written (undefined: an as new or newer one was there). */
export async function upsertProcesso(db: Db, snapshot: SnapshotProcesso): Promise<Processo | undefined> {
  // Inside a caller's transaction (the abertura writes its row and audit entry together), as part of it.
  return emTransacao(db, async (trx) => {
    const escrito = await escritaDoProcesso(trx, snapshot).returningAll().executeTakeFirst();
    if (escrito) for (const q of escritasDasTarefas(trx, snapshot.abertura.id, snapshot.estado, sql<boolean>`true`)) await q.execute();
    return escrito;
  });
}

/**
 * A process's first step as the abertura writes it (workflows/processo/primeiro-passo.ts): its row and the
 * abertura's event in ONE statement, inside the abertura's transaction. Returns the row when this call wrote
 * it; undefined when the row was there (an identical abertura committed first: its event is there too).
 */
export async function registrarPrimeiroPasso(db: Db, { processo, eventos }: PassoProcesso & { processo: SnapshotProcesso }): Promise<Processo | undefined> {
  // The event's foreign key is checked at the statement's end, when the row is there; a repeated event is skipped by its seq.
  const r = await sql<Processo>`with ${sql.table(ESCRITO)} as (${escritaDoProcesso(db, processo).returningAll()}),
    eventos as (${escritaDosEventos(db, eventos)}) select * from ${sql.table(ESCRITO)}`.execute(db);
  return r.rows[0];
}

/** The snapshot's row: inserted on first sight, afterwards replaced only by a higher versao. */
function escritaDoProcesso(db: Db, { abertura, estado, rito }: SnapshotProcesso) {
  return db
    .insertInto('processo')
    .values({
      id: abertura.id,
      tipo: abertura.tipo,
      chave: abertura.chave,
      ordinal: abertura.ordinal,
      fase: estado.fase,
      encerrado: estado.encerrado,
      instituicao_cnpj: abertura.instituicao.cnpj,
      instituicao_codigo_inep: abertura.instituicao.codigoInep,
      instituicao_nome: abertura.instituicao.nome,
      instituicao_endereco: abertura.instituicao.endereco ? JSON.stringify(abertura.instituicao.endereco) : null,
      instituicao_municipio: abertura.instituicao.municipio ?? null,
      mantenedora_nome: abertura.instituicao.mantenedora ?? null,
      unidade: abertura.unidade,
      numero_sei: estado.numeroSei,
      requerente_nome: abertura.requerente.nome,
      requerente_cpf: abertura.requerente.cpf,
      requerente_email: abertura.requerente.email,
      aberto_por: abertura.abertoPor,
      prazo_limite: estado.prazoLimite,
      versao: estado.versao,
      notificacao_pendente: estado.notificacaoPendente ?? null,
      estado_rito: rito ? JSON.stringify(rito) : null,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          fase: eb.ref('excluded.fase'),
          encerrado: eb.ref('excluded.encerrado'),
          numero_sei: eb.ref('excluded.numero_sei'),
          prazo_limite: eb.ref('excluded.prazo_limite'),
          versao: eb.ref('excluded.versao'),
          notificacao_pendente: eb.ref('excluded.notificacao_pendente'),
          estado_rito: eb.ref('excluded.estado_rito'),
          atualizado_em: eb.fn('now'),
        }))
        .where('processo.versao', '<', (eb) => eb.ref('excluded.versao')),
    );
}

/**
 * The open tasks of a process become exactly the snapshot's: the one it owes now is open, any other is
 * concluded — when `seEscrito` holds (the snapshot was written, not refused as older than the row's).
 */
function escritasDasTarefas(db: Db, processoId: string, estado: EstadoProcesso, seEscrito: RawBuilder<boolean>) {
  const t = estado.tarefa;
  // A snapshot of a run before the rite engine names its task by its phase.
  const id = t ? (t.id ?? `${processoId}:tarefa:${t.fase ?? estado.fase}`) : null;
  let concluir = db
    .updateTable('tarefa')
    .set({ situacao: 'concluida', concluida_em: new Date() })
    .where('processo_id', '=', processoId)
    .where('situacao', '=', 'aberta')
    .where(seEscrito);
  if (id) concluir = concluir.where('id', '!=', id);
  if (!t || !id) return [concluir];
  // INSERT … SELECT, so that the condition can stand in its WHERE; the casts, for want of a VALUES list's column types.
  const abrir = db
    .insertInto('tarefa')
    .columns(['id', 'processo_id', 'fase', 'responsavel', 'descricao', 'aberta_em', 'limite', 'situacao'])
    .expression(
      sql`select ${id}::text, ${processoId}::text, ${t.fase ?? estado.fase}::text, ${t.responsavel}::text, ${t.descricao}::text,
        ${t.abertaEm ?? new Date()}::timestamptz, ${t.limite}::timestamptz, 'aberta' where ${seEscrito}`,
    )
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ limite: eb.ref('excluded.limite'), descricao: eb.ref('excluded.descricao') })));
  return [concluir, abrir];
}

/** What one step of a process changed: its snapshot (absent: unchanged), the prazos it opened or moved, its timeline's events. */
export interface PassoProcesso {
  processoId: string;
  processo?: SnapshotProcesso;
  prazos: { prazo: PrazoAberto; motivo: string }[];
  eventos: EventoProcesso[];
}

/**
 * Writes one step of a process in ONE statement — the snapshot (with its tasks, when it was written), the
 * prazos and their changes, the events — each sub-statement a CTE: atomic as a transaction, in one round trip
 * instead of one per row plus BEGIN and COMMIT (issue 16: every round trip wakes PostgreSQL, and the worker
 * pays for it). The foreign keys (an event's, a prazo's process) are checked at the statement's end, when
 * the process's row is there. Each write is the idempotent one of its own (by versao, by seq), so the step
 * written twice leaves the rows of once.
 */
export async function registrarPasso(db: Db, { processoId, processo, prazos, eventos }: PassoProcesso): Promise<void> {
  const escritas: OperationNodeSource[] = [];
  if (processo) {
    escritas.push(escritaDoProcesso(db, processo).returning('processo.id'));
    escritas.push(...escritasDasTarefas(db, processoId, processo.estado, sql<boolean>`exists (select 1 from ${sql.table(ESCRITO)})`));
  }
  // A prazo moved twice in the step: its row takes the last versao (as the writes one by one would leave it), each change its own row.
  const ultimos = new Map<string, PassoProcesso['prazos'][number]>();
  for (const p of prazos) if ((ultimos.get(p.prazo.id)?.prazo.versao ?? -Infinity) < p.prazo.versao) ultimos.set(p.prazo.id, p);
  for (const p of ultimos.values()) escritas.push(escritaDoPrazo(db, { processoId, ...p }));
  const alteracoes = new Map(prazos.map((p) => [`${p.prazo.id}:${p.prazo.versao}`, p]));
  for (const p of alteracoes.values()) escritas.push(escritaDaAlteracao(db, { processoId, ...p }));
  if (eventos.length) escritas.push(escritaDosEventos(db, [...new Map(eventos.map((e) => [e.seq, e])).values()]));
  if (!escritas.length) return;
  const ctes = escritas.map((q, i) => sql`${sql.table(i === 0 && processo ? ESCRITO : `escrita_${i}`)} as (${q})`);
  await sql`with ${sql.join(ctes)} select 1`.execute(db);
}

/** The CTE of registrarPasso's snapshot: its tasks change only when it returns the row. */
const ESCRITO = 'processo_escrito';

/** The writes of a step, each on its own, in the order registrarPasso makes them. */
export function partesDoPasso({ processoId, processo, prazos, eventos }: PassoProcesso): ((db: Db) => Promise<unknown>)[] {
  return [
    ...(processo ? [(db: Db) => upsertProcesso(db, processo)] : []),
    ...prazos.map((p) => (db: Db) => registrarPrazo(db, { processoId, ...p })),
    ...eventos.map((e) => (db: Db) => registrarEvento(db, e)),
  ];
}

export async function registrarEvento(db: Db, evento: EventoProcesso): Promise<void> {
  await escritaDosEventos(db, [evento]).execute();
}

/** Events of a process's timeline, each once (by seq). */
function escritaDosEventos(db: Db, eventos: EventoProcesso[]) {
  return db
    .insertInto('processo_evento')
    .values(
      eventos.map((evento) => ({
        processo_id: evento.processoId,
        seq: evento.seq,
        tipo: evento.tipo,
        descricao: evento.descricao,
        ator: evento.ator,
        ocorrido_em: evento.ocorridoEm,
        dados: JSON.stringify(evento.dados),
      })),
    )
    .onConflict((oc) => oc.columns(['processo_id', 'seq']).doNothing());
}
