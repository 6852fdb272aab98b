/**
 * Repository of the institutions' registered ETAP (table etap_membro): written
 * by the ETAP rite when its edital is published, read by the API and later rites.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface CadastramentoEtap {
  processoId: string;
  cnpj: string;
  codigoInep: string;
  /** The act that registered them: edital and its DOERJ publication. */
  ato: string;
  membros: { nome: string; funcao: string; desde: string }[];
}

/**
 * Registers the members of a published cadastramento: each one holds his
 * function from his `desde`; whoever held the same function ends the day
 * before. Idempotent: a retry finds the rows of this process and changes nothing.
 */
export async function registrarEtap(db: Kysely<Database>, c: CadastramentoEtap): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const ja = await trx.selectFrom('etap_membro').select('id').where('processo_id', '=', c.processoId).executeTakeFirst();
    if (ja) return;
    for (const m of c.membros) {
      await trx
        .updateTable('etap_membro')
        .set({ ate: m.desde })
        .where('codigo_inep', '=', c.codigoInep)
        .where('funcao', '=', m.funcao)
        .where('ate', 'is', null)
        .where('desde', '<', m.desde)
        .execute();
      await trx
        .insertInto('etap_membro')
        .values({ instituicao_cnpj: c.cnpj, codigo_inep: c.codigoInep, funcao: m.funcao, nome: m.nome, desde: m.desde, processo_id: c.processoId, ato: c.ato })
        .execute();
    }
  });
}

/** The institution's ETAP: by default who holds each function now; `historico` adds those replaced. */
export async function etapDaInstituicao(db: Kysely<Database>, codigoInep: string, opcoes: { historico?: boolean } = {}) {
  let q = db.selectFrom('etap_membro').select(['funcao', 'nome', 'desde', 'ate', 'ato', 'processo_id']).where('codigo_inep', '=', codigoInep);
  if (!opcoes.historico) q = q.where('ate', 'is', null);
  return q.orderBy('funcao').orderBy('desde', 'desc').execute();
}
