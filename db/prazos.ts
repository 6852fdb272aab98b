/**
 * Repository of the prazos of processes (prazo_processo) and of each change of
 * their limit (prazo_alteracao), as the workflows record them.
 */
import type { Kysely } from 'kysely';
import type { PrazoAberto } from '../workflows/prazos/definitions';
import type { Database, PrazoAlteracao } from './schema';
import { emTransacao } from './transacao';

type Db = Kysely<Database>;

/** Why a prazo changed when the caller did not say (an activity scheduled by code older than `motivo`). */
function motivoDe(prazo: PrazoAberto): string {
  if (prazo.situacao === 'cumprido') return 'Prazo cumprido';
  if (prazo.situacao !== 'aberto') return 'Prazo encerrado sem manifestação';
  return prazo.historico.at(-1)?.motivo ?? 'Prazo aberto';
}

/**
 * Records a prazo as it is now (the highest versao wins) and the change that
 * made it so, once per versao. The process's own prazo_limite is the
 * workflow's snapshot's to write (db/processos.ts), once per change.
 */
export async function registrarPrazo(db: Db, p: { processoId: string; prazo: PrazoAberto; motivo?: string }): Promise<void> {
  // Inside a caller's transaction, as part of it.
  await emTransacao(db, async (trx) => {
    await escritaDoPrazo(trx, p).execute();
    await escritaDaAlteracao(trx, p).execute();
  });
}

/** The prazo's row, unless the stored one is as new or newer (registrarPrazo; a step's statement, db/processos.ts). */
export function escritaDoPrazo(db: Db, { processoId, prazo }: { processoId: string; prazo: PrazoAberto }) {
  return db
    .insertInto('prazo_processo')
    .values({
      id: prazo.id,
      processo_id: processoId,
      codigo: prazo.codigo,
      rotulo: prazo.rotulo,
      ciencia: prazo.ciencia,
      dias: prazo.dias,
      uteis: prazo.uteis,
      contar_de: prazo.contarDe,
      prorrogavel: prazo.prorrogavel,
      prorrogado: prazo.prorrogado,
      vencimento: prazo.vencimento,
      limite: prazo.limite,
      situacao: prazo.situacao,
      uf: prazo.local.uf,
      municipio: prazo.local.municipio ?? null,
      unidade: prazo.local.unidade ?? null,
      versao: prazo.versao,
    })
    .onConflict((oc) =>
      oc
        .column('id')
        .doUpdateSet((eb) => ({
          prorrogado: eb.ref('excluded.prorrogado'),
          vencimento: eb.ref('excluded.vencimento'),
          limite: eb.ref('excluded.limite'),
          situacao: eb.ref('excluded.situacao'),
          // Where it is counted follows its unit's seat (a seat recorded or changed while it runs).
          uf: eb.ref('excluded.uf'),
          municipio: eb.ref('excluded.municipio'),
          unidade: eb.ref('excluded.unidade'),
          versao: eb.ref('excluded.versao'),
          atualizado_em: eb.fn('now'),
        }))
        .where('prazo_processo.versao', '<', (eb) => eb.ref('excluded.versao')),
    );
}

/** The change that made the prazo what it is, once per versao. */
export function escritaDaAlteracao(db: Db, { processoId, prazo, motivo }: { processoId: string; prazo: PrazoAberto; motivo?: string }) {
  return db
    .insertInto('prazo_alteracao')
    .values({
      prazo_id: prazo.id,
      versao: prazo.versao,
      processo_id: processoId,
      em: new Date(),
      motivo: motivo ?? motivoDe(prazo),
      limite: prazo.limite,
      vencimento: prazo.vencimento,
      situacao: prazo.situacao,
    })
    .onConflict((oc) => oc.columns(['prazo_id', 'versao']).doNothing());
}

/** Every change of the prazos of a process, in the order they happened. */
export function alteracoesDosPrazos(db: Db, processoId: string): Promise<PrazoAlteracao[]> {
  return db.selectFrom('prazo_alteracao').selectAll().where('processo_id', '=', processoId).orderBy('prazo_id').orderBy('versao').execute();
}
