/** The process a document or an upload belongs to, as its caller may see it. */
import type { Db } from '../../db/connect';
import type { Ator } from '../auth/ator';
import { podeVer } from '../auth/escopo';

/** Whether `ator` may see process `processoId` (false when it does not exist): one read of its row. */
export async function podeVerProcesso(db: Db, ator: Ator, processoId: string): Promise<boolean> {
  const p = await db.selectFrom('processo').select(['id', 'unidade', 'instituicao_cnpj']).where('id', '=', processoId).executeTakeFirst();
  return !!p && podeVer(ator, p);
}
