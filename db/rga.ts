/**
 * Repository of the RGA (db/migrations/2026_11_29_rga.ts): which institutions
 * offer EAD over time (instituicao_ead), and the RGA each delivered per month
 * (rga_entrega). Written and read by the API (api/instituicoes, api/obrigacoes).
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export interface OfertaEad {
  codigoInep: string;
  ead: boolean;
  desde: string;
  ato: string;
  registradoPor: string;
}

/** The offer's records of these institutions, in the order they were made. */
export async function ofertasEad(db: Kysely<Database>, ineps: readonly string[]) {
  if (ineps.length === 0) return new Map<string, { ead: boolean; desde: string; ato: string; registradoEm: Date }[]>();
  const linhas = await db
    .selectFrom('instituicao_ead')
    .select(['codigo_inep', 'ead', 'desde', 'ato', 'registrado_em'])
    .where('codigo_inep', 'in', ineps)
    .orderBy('registrado_em')
    .orderBy('id')
    .execute();
  const porInep = new Map<string, { ead: boolean; desde: string; ato: string; registradoEm: Date }[]>();
  for (const l of linhas) {
    const lista = porInep.get(l.codigo_inep) ?? [];
    lista.push({ ead: l.ead, desde: String(l.desde), ato: l.ato, registradoEm: l.registrado_em });
    porInep.set(l.codigo_inep, lista);
  }
  return porInep;
}

/**
 * Records the offer from `desde` on, unless the last record of the institution
 * already says the same (a retried request changes nothing): `novo` tells which.
 * `naMesmaTransacao` records the audit entry with the change.
 */
export async function registrarOfertaEad(db: Kysely<Database>, o: OfertaEad, naMesmaTransacao: (trx: Kysely<Database>, novo: boolean) => Promise<void>) {
  return db.transaction().execute(async (trx) => {
    const ultimo = await trx
      .selectFrom('instituicao_ead')
      .select(['ead', 'desde', 'ato'])
      .where('codigo_inep', '=', o.codigoInep)
      .orderBy('registrado_em', 'desc')
      .orderBy('id', 'desc')
      .forUpdate()
      .executeTakeFirst();
    const igual = ultimo !== undefined && ultimo.ead === o.ead && String(ultimo.desde) === o.desde && ultimo.ato === o.ato;
    if (!igual) {
      await trx.insertInto('instituicao_ead').values({ codigo_inep: o.codigoInep, ead: o.ead, desde: o.desde, ato: o.ato, registrado_por: o.registradoPor }).execute();
    }
    await naMesmaTransacao(trx, !igual);
    return { novo: !igual };
  });
}

export interface EntregaRga {
  id: string;
  codigoInep: string;
  ano: number;
  mes: number;
  arquivoId: string;
  sha256: string;
  nomeArquivo: string;
  entregueEm: Date;
  entreguePor: string;
}

const colunas = ['id', 'codigo_inep', 'ano', 'mes', 'arquivo_id', 'sha256', 'nome_arquivo', 'entregue_em', 'entregue_por'] as const;
const entrega = (l: { id: string; codigo_inep: string; ano: number; mes: number; arquivo_id: string; sha256: string; nome_arquivo: string; entregue_em: Date; entregue_por: string }): EntregaRga => ({
  id: l.id,
  codigoInep: l.codigo_inep,
  ano: l.ano,
  mes: l.mes,
  arquivoId: l.arquivo_id,
  sha256: l.sha256,
  nomeArquivo: l.nome_arquivo,
  entregueEm: l.entregue_em,
  entreguePor: l.entregue_por,
});

/** The delivery of this file for this month, if it was delivered already. */
export async function entregaDoArquivo(db: Kysely<Database>, codigoInep: string, ano: number, mes: number, sha256: string): Promise<EntregaRga | undefined> {
  const l = await db.selectFrom('rga_entrega').select(colunas).where('codigo_inep', '=', codigoInep).where('ano', '=', ano).where('mes', '=', mes).where('sha256', '=', sha256).executeTakeFirst();
  return l ? entrega(l) : undefined;
}

/** Records a delivery (in the transaction that stored its file); a repeated one (same month and file) is left as it was and returned. */
export async function registrarEntregaRga(trx: Kysely<Database>, e: Omit<EntregaRga, 'id'>): Promise<{ entrega: EntregaRga; nova: boolean }> {
  const inserida = await trx
    .insertInto('rga_entrega')
    .values({ codigo_inep: e.codigoInep, ano: e.ano, mes: e.mes, arquivo_id: e.arquivoId, sha256: e.sha256, nome_arquivo: e.nomeArquivo, entregue_em: e.entregueEm, entregue_por: e.entreguePor })
    .onConflict((oc) => oc.columns(['codigo_inep', 'ano', 'mes', 'sha256']).doNothing())
    .returning(colunas)
    .executeTakeFirst();
  if (inserida) return { entrega: entrega(inserida), nova: true };
  return { entrega: (await entregaDoArquivo(trx, e.codigoInep, e.ano, e.mes, e.sha256))!, nova: false };
}

/** The deliveries of these institutions in `ano`, the first of each month first. */
export async function entregasRga(db: Kysely<Database>, ineps: readonly string[], ano: number): Promise<EntregaRga[]> {
  if (ineps.length === 0) return [];
  const linhas = await db.selectFrom('rga_entrega').select(colunas).where('codigo_inep', 'in', ineps).where('ano', '=', ano).orderBy('entregue_em').execute();
  return linhas.map(entrega);
}
