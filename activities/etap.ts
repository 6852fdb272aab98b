/** What the ETAP rite records outside its workflow: the registered team, once its edital is published. */
import type { Db } from '../db/connect';
import { registrarEtap } from '../db/etap';
import { dataNumerica } from '../rules/datas/extenso';

export function createEtapActivities(db: Db) {
  return {
    /** The members become the institution's registered ETAP, under the edital and its DOERJ publication (db/etap.ts). */
    async registrarEtapCadastrada(c: {
      processoId: string;
      edital: string;
      publicacao: { data: string; pagina: number };
      membros: { nome: string; funcao: string; desde: string }[];
    }): Promise<void> {
      const p = await db.selectFrom('processo').select(['instituicao_cnpj', 'instituicao_codigo_inep']).where('id', '=', c.processoId).executeTakeFirstOrThrow();
      await registrarEtap(db, {
        processoId: c.processoId,
        cnpj: p.instituicao_cnpj,
        codigoInep: p.instituicao_codigo_inep,
        ato: `${c.edital}, DOERJ de ${dataNumerica(c.publicacao.data)}, p. ${c.publicacao.pagina}`,
        membros: c.membros,
      });
    },
  };
}

export type EtapActivities = ReturnType<typeof createEtapActivities>;
