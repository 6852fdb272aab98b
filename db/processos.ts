/**
 * Repository of processes: the read model a workflow keeps in step with itself
 * (processo, processo_evento, tarefa), served to the API, the activities and
 * the CLI. Functions take the database first; each write is idempotent, so a
 * retried activity leaves the same rows as a single run.
 */
import type { Kysely } from 'kysely';
import type { PrazoAberto } from '../workflows/prazos/definitions';
import type { AberturaProcesso, EstadoProcesso } from '../workflows/processo/definitions';
import { registrarPrazo } from './prazos';
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
 * Writes a process snapshot and its open task. Inserts on first sight;
 * afterwards only a snapshot with a higher versao replaces the stored one, so
 * late retries cannot roll it back. Returns whether the snapshot was written.
 */
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
export async function upsertProcesso(db: Db, { abertura, estado, rito }: SnapshotProcesso): Promise<Processo | undefined> {
  // Inside a caller's transaction (the abertura writes its row and audit entry together), as part of it.
  return emTransacao(db, async (trx) => {
    const escrito = await trx
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
      )
      .returningAll()
      .executeTakeFirst();
    if (escrito) await sincronizarTarefas(trx, abertura.id, estado);
    return escrito;
  });
}

/** The open tasks of a process become exactly the snapshot's: the one it owes now is open, any other is concluded. */
async function sincronizarTarefas(trx: Db, processoId: string, estado: EstadoProcesso): Promise<void> {
  const t = estado.tarefa;
  // A snapshot of a run before the rite engine names its task by its phase.
  const id = t ? (t.id ?? `${processoId}:tarefa:${t.fase ?? estado.fase}`) : null;
  let concluir = trx.updateTable('tarefa').set({ situacao: 'concluida', concluida_em: new Date() }).where('processo_id', '=', processoId).where('situacao', '=', 'aberta');
  if (id) concluir = concluir.where('id', '!=', id);
  await concluir.execute();
  if (!t || !id) return;
  await trx
    .insertInto('tarefa')
    .values({
      id,
      processo_id: processoId,
      fase: t.fase ?? estado.fase,
      responsavel: t.responsavel,
      descricao: t.descricao,
      aberta_em: t.abertaEm ?? new Date(),
      limite: t.limite,
      situacao: 'aberta',
    })
    .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ limite: eb.ref('excluded.limite'), descricao: eb.ref('excluded.descricao') })))
    .execute();
}

/** What one step of a process changed: its snapshot (absent: unchanged), the prazos it opened or moved, its timeline's events. */
export interface PassoProcesso {
  processoId: string;
  processo?: SnapshotProcesso;
  prazos: { prazo: PrazoAberto; motivo: string }[];
  eventos: EventoProcesso[];
}

/**
 * Writes one step of a process in one transaction: the snapshot first (the
 * events and prazos refer to its row), then the prazos, then the events. Each
 * write is the idempotent one of its own (by versao, by seq), so the step
 * written twice leaves the rows of once.
 */
export async function registrarPasso(db: Db, passo: PassoProcesso): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const parte of partesDoPasso(passo)) await parte(trx);
  });
}

/** The writes of a step, each on its own, in the order registrarPasso makes them. */
export function partesDoPasso({ processoId, processo, prazos, eventos }: PassoProcesso): ((db: Db) => Promise<unknown>)[] {
  return [
    ...(processo ? [(db: Db) => upsertProcesso(db, processo)] : []),
    ...prazos.map((p) => (db: Db) => registrarPrazo(db, { processoId, ...p })),
    ...eventos.map((e) => (db: Db) => registrarEvento(db, e)),
  ];
}

export async function registrarEvento(db: Db, evento: EventoProcesso): Promise<void> {
  await db
    .insertInto('processo_evento')
    .values({
      processo_id: evento.processoId,
      seq: evento.seq,
      tipo: evento.tipo,
      descricao: evento.descricao,
      ator: evento.ator,
      ocorrido_em: evento.ocorridoEm,
      dados: JSON.stringify(evento.dados),
    })
    .onConflict((oc) => oc.columns(['processo_id', 'seq']).doNothing())
    .execute();
}
