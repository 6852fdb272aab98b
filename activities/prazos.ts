/**
 * I/O for prazos: the decreed days a workflow's calendar needs, and the prazo
 * read model. The computation itself is pure (rules/prazos) and runs in the workflow.
 */
import type { DiaDecretado, Local, UF } from '../rules/calendario';
import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../db/connect';
import type { Database } from '../db/schema';
import type { PrazoAberto } from '../workflows/prazos/definitions';

/** The decreed days that count at a place: national ones, and those of its UF, município and unit. */
export function aplicaAoLocal(local: Local) {
  return (eb: ExpressionBuilder<Database, 'dia_decretado'>) =>
    eb.or([
      eb('escopo', '=', 'nacional'),
      eb.and([eb('escopo', '=', 'uf'), eb('uf', '=', local.uf)]),
      ...(local.municipio ? [eb.and([eb('escopo', '=', 'municipio'), eb('municipio', '=', local.municipio)])] : []),
      ...(local.unidade ? [eb.and([eb('escopo', '=', 'unidade'), eb('unidade', '=', local.unidade)])] : []),
    ]);
}

export async function lerDiasDecretados(db: Db, local: Local, desde: string): Promise<DiaDecretado[]> {
  const rows = await db
    .selectFrom('dia_decretado')
    .selectAll()
    .where('removido_em', 'is', null)
    .where('data', '>=', desde)
    .where(aplicaAoLocal(local))
    .orderBy('data')
    .execute();
  return rows.map((r) => ({
    data: r.data,
    escopo: r.escopo,
    ...(r.uf ? { uf: r.uf as UF } : {}),
    ...(r.municipio ? { municipio: r.municipio } : {}),
    ...(r.unidade ? { unidade: r.unidade } : {}),
    motivo: r.motivo,
    atoLegal: r.ato_legal,
  }));
}

export function createPrazoActivities(db: Db) {
  return {
    async diasDecretados({ local, desde }: { local: Local; desde: string }): Promise<DiaDecretado[]> {
      return lerDiasDecretados(db, local, desde);
    },

    /** Upserts the prazo (highest versao wins) and mirrors the open limit onto the process row. */
    async registrarPrazo({ processoId, prazo }: { processoId: string; prazo: PrazoAberto }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const row = {
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
        };
        const written = await trx
          .insertInto('prazo_processo')
          .values(row)
          .onConflict((oc) =>
            oc
              .column('id')
              .doUpdateSet((eb) => ({
                prorrogado: eb.ref('excluded.prorrogado'),
                vencimento: eb.ref('excluded.vencimento'),
                limite: eb.ref('excluded.limite'),
                situacao: eb.ref('excluded.situacao'),
                versao: eb.ref('excluded.versao'),
                atualizado_em: eb.fn('now'),
              }))
              .where('prazo_processo.versao', '<', (eb) => eb.ref('excluded.versao')),
          )
          .returning('id')
          .executeTakeFirst();
        if (!written) return;
        await trx
          .updateTable('processo')
          .set({ prazo_limite: prazo.situacao === 'aberto' ? prazo.limite : null, atualizado_em: new Date() })
          .where('id', '=', processoId)
          .execute();
      });
    },
  };
}

export type PrazoActivities = ReturnType<typeof createPrazoActivities>;
