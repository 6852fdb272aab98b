/**
 * Repository of the schools' mantenedoras over time (table instituicao_mantenedora),
 * written when a transferência de mantença is published; read by the API.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface Transferencia {
  processoId: string;
  codigoInep: string;
  anterior: { cnpj: string; nome: string };
  nova: { cnpj: string; nome: string };
  /** The day the new mantenedora begins: the edital's publication. */
  desde: string;
  ato: string;
}

/**
 * From `desde` the school is maintained by `nova`; the previous mantença ends
 * then (recorded too when rito had none yet, with the process's own data, so
 * the history shows from whom it was transferred). Idempotent.
 */
export async function registrarTransferencia(db: Kysely<Database>, t: Transferencia): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ja = await trx.selectFrom('instituicao_mantenedora').select('id').where('processo_id', '=', t.processoId).executeTakeFirst();
    if (ja) return;
    const encerradas = await trx
      .updateTable('instituicao_mantenedora')
      .set({ ate: t.desde })
      .where('codigo_inep', '=', t.codigoInep)
      .where('ate', 'is', null)
      .returning('id')
      .execute();
    if (encerradas.length === 0) {
      await trx
        .insertInto('instituicao_mantenedora')
        .values({ codigo_inep: t.codigoInep, cnpj: t.anterior.cnpj, nome: t.anterior.nome, desde: null, ate: t.desde, ato: 'mantença anterior ao registro no rito', processo_id: t.processoId })
        .execute();
    }
    await trx
      .insertInto('instituicao_mantenedora')
      .values({ codigo_inep: t.codigoInep, cnpj: t.nova.cnpj, nome: t.nova.nome, desde: t.desde, ate: null, ato: t.ato, processo_id: t.processoId })
      .execute();
  });
}

/** The school's mantenedoras, the current one first. */
export async function mantenedorasDaInstituicao(db: Kysely<Database>, codigoInep: string) {
  return db
    .selectFrom('instituicao_mantenedora')
    .select(['cnpj', 'nome', 'desde', 'ate', 'ato', 'processo_id'])
    .where('codigo_inep', '=', codigoInep)
    .orderBy(({ eb }) => eb.case().when('ate', 'is', null).then(0).else(1).end())
    .orderBy('desde', 'desc')
    .execute();
}
