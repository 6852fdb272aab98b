/** Repository of operational alerts (table alerta_operacao). */
import type { Kysely } from 'kysely';
import type { AlertaOperacao, Database } from './schema';

export interface NovoAlerta {
  /** Identifies the failing activity execution; a later failure of the same one updates its alert. */
  chave: string;
  processoId: string | null;
  atividade: string;
  definitivo: boolean;
  tentativas: number;
  erro: string;
}

export async function registrarAlerta(db: Kysely<Database>, a: NovoAlerta): Promise<void> {
  await db
    .insertInto('alerta_operacao')
    .values({
      chave: a.chave,
      processo_id: a.processoId,
      atividade: a.atividade,
      definitivo: a.definitivo,
      tentativas: a.tentativas,
      erro: a.erro.slice(0, 2000),
    })
    .onConflict((oc) =>
      oc.column('chave').doUpdateSet((eb) => ({
        definitivo: eb.ref('excluded.definitivo'),
        tentativas: eb.ref('excluded.tentativas'),
        erro: eb.ref('excluded.erro'),
        ultima_em: eb.fn('now'),
        resolvido_em: null,
      })),
    )
    .execute();
}

/** Marks an execution's alert resolved: its activity finally succeeded. */
export async function resolverAlerta(db: Kysely<Database>, chave: string): Promise<void> {
  await db.updateTable('alerta_operacao').set({ resolvido_em: new Date() }).where('chave', '=', chave).where('resolvido_em', 'is', null).execute();
}

export async function listarAlertas(db: Kysely<Database>, opts: { abertos: boolean; limite: number }): Promise<AlertaOperacao[]> {
  let q = db.selectFrom('alerta_operacao').selectAll().orderBy('ultima_em', 'desc').limit(opts.limite);
  if (opts.abertos) q = q.where('resolvido_em', 'is', null);
  return q.execute();
}
