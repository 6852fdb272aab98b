/**
 * Each person's iCalendar feed (issue 12): its secret, stored as a SHA-256 as
 * sessions and API keys are (api/auth/segredos.ts), and the open prazos and
 * tasks it lists. The caller's scope comes in as the filter on `processo` that
 * api/auth/escopo.ts builds (noEscopo), so the feed and the API see the same processes.
 */
import type { ExpressionBuilder, ExpressionWrapper, SqlBool } from 'kysely';
import type { Db } from './connect';
import type { Database } from './schema';

type Escopo = (eb: ExpressionBuilder<Database, 'processo'>) => ExpressionWrapper<Database, 'processo', SqlBool> | ReturnType<ExpressionBuilder<Database, 'processo'>['val']>;

/** Records a new feed for the person, ending the one in force (a new URL revokes the old). */
export async function criarAssinaturaAgenda(db: Db, usuarioId: string, segredoHash: string): Promise<{ id: string; revogouAnterior: boolean }> {
  return db.transaction().execute(async (trx) => {
    const anteriores = await trx.updateTable('agenda_assinatura').set({ revogada_em: new Date() }).where('usuario_id', '=', usuarioId).where('revogada_em', 'is', null).executeTakeFirst();
    const { id } = await trx.insertInto('agenda_assinatura').values({ usuario_id: usuarioId, segredo_hash: segredoHash }).returning('id').executeTakeFirstOrThrow();
    return { id, revogouAnterior: Number(anteriores.numUpdatedRows) > 0 };
  });
}

/** Ends the person's feed; false when there was none in force. */
export async function revogarAssinaturaAgenda(db: Db, usuarioId: string): Promise<boolean> {
  const r = await db.updateTable('agenda_assinatura').set({ revogada_em: new Date() }).where('usuario_id', '=', usuarioId).where('revogada_em', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The feed in force of the person, if any (without its secret, which is not kept). */
export async function assinaturaAgendaVigente(db: Db, usuarioId: string) {
  return db.selectFrom('agenda_assinatura').select(['id', 'criada_em', 'ultimo_uso_em']).where('usuario_id', '=', usuarioId).where('revogada_em', 'is', null).executeTakeFirst();
}

/** The feed in force whose secret hashes to `segredoHash`. */
export async function assinaturaAgendaPorHash(db: Db, segredoHash: string) {
  return db.selectFrom('agenda_assinatura').select(['id', 'usuario_id', 'ultimo_uso_em']).where('segredo_hash', '=', segredoHash).where('revogada_em', 'is', null).executeTakeFirst();
}

export async function marcarUsoAgenda(db: Db, id: string, em: Date): Promise<void> {
  await db.updateTable('agenda_assinatura').set({ ultimo_uso_em: em }).where('id', '=', id).execute();
}

/** Open prazos of the processes in scope: the party's deadlines, each with its version (it grows at each re-timing). */
export async function prazosDaAgenda(db: Db, escopo: Escopo) {
  return db
    .selectFrom('prazo_processo')
    .innerJoin('processo', 'processo.id', 'prazo_processo.processo_id')
    .select(['prazo_processo.id', 'prazo_processo.rotulo', 'prazo_processo.limite', 'prazo_processo.versao', 'prazo_processo.atualizado_em', 'processo.id as processoId', 'processo.numero_sei', 'processo.instituicao_nome', 'processo.tipo'])
    .where('prazo_processo.situacao', '=', 'aberto')
    .where(escopo as never)
    .orderBy('prazo_processo.limite')
    .orderBy('prazo_processo.id')
    .execute();
}

/** Open tasks (decisions units owe) of the processes in scope. */
export async function tarefasDaAgenda(db: Db, escopo: Escopo) {
  return db
    .selectFrom('tarefa')
    .innerJoin('processo', 'processo.id', 'tarefa.processo_id')
    .select(['tarefa.id', 'tarefa.descricao', 'tarefa.responsavel', 'tarefa.limite', 'tarefa.aberta_em', 'processo.id as processoId', 'processo.numero_sei', 'processo.instituicao_nome', 'processo.tipo'])
    .where('tarefa.situacao', '=', 'aberta')
    .where('processo.encerrado', '=', false)
    .where(escopo as never)
    .orderBy('tarefa.limite')
    .orderBy('tarefa.id')
    .execute();
}
