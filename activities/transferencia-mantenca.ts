/** What the transferência de mantença changes outside its workflow: the school's mantenedora, from the edital's publication on. */
import type { Db } from '../db/connect';
import { registrarTransferencia } from '../db/mantenedoras';
import { dataNumerica } from '../rules/datas/extenso';

export function createTransferenciaActivities(db: Db) {
  return {
    async registrarTransferenciaMantenca(t: {
      processoId: string;
      edital: string;
      autorizacao: string;
      publicacao: { data: string; pagina: number };
      nova: { cnpj: string; nome: string };
    }): Promise<void> {
      const p = await db.selectFrom('processo').select(['instituicao_codigo_inep', 'instituicao_cnpj', 'mantenedora_nome', 'instituicao_nome']).where('id', '=', t.processoId).executeTakeFirstOrThrow();
      await registrarTransferencia(db, {
        processoId: t.processoId,
        codigoInep: p.instituicao_codigo_inep,
        anterior: { cnpj: p.instituicao_cnpj, nome: p.mantenedora_nome ?? p.instituicao_nome },
        nova: t.nova,
        desde: t.publicacao.data,
        ato: `${t.edital}, DOERJ de ${dataNumerica(t.publicacao.data)}, p. ${t.publicacao.pagina} (autorização: ${t.autorizacao})`,
      });
    },
  };
}

export type TransferenciaActivities = ReturnType<typeof createTransferenciaActivities>;
