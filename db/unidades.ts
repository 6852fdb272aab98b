/**
 * Repository of the units that conduct processes (table `unidade`): the COOIEs
 * and the COOGIE, with their official name, the sigla documents are numbered
 * under, the seat whose calendar their prazos count on, address and contact.
 * Read by the API, the activities (a process's calendar, a document's place)
 * and the CLI.
 */
import type { Kysely } from 'kysely';
import type { Local, UF } from '../rules/calendario';
import type { Database, Unidade } from './schema';

export type TipoUnidade = Unidade['tipo'];

/** A unit as the rest of rito sees it (camelCase; null where the data is still to be filled in). */
export interface DadosUnidade {
  chave: string;
  nome: string;
  sigla: string;
  tipo: TipoUnidade;
  uf: UF;
  /** Seat município (IBGE code and name); null while not recorded. */
  sede: { municipio: string; nome: string } | null;
  endereco: string | null;
  email: string | null;
  telefone: string | null;
  vigenteDesde: string | null;
  /** Where each datum came from and what is still to be filled in. */
  fonte: string;
}

export interface AuditoriaUnidade {
  criadoPor: string;
  criadoEm: Date;
  atualizadoPor: string;
  atualizadoEm: Date;
}

export function dadosDaLinha(l: Unidade): DadosUnidade & AuditoriaUnidade {
  return {
    chave: l.chave,
    nome: l.nome,
    sigla: l.sigla,
    tipo: l.tipo,
    uf: l.uf as UF,
    sede: l.sede_municipio && l.sede_municipio_nome ? { municipio: l.sede_municipio, nome: l.sede_municipio_nome } : null,
    endereco: l.endereco,
    email: l.email,
    telefone: l.telefone,
    vigenteDesde: l.vigente_desde,
    fonte: l.fonte,
    criadoPor: l.criado_por,
    criadoEm: l.criado_em,
    atualizadoPor: l.atualizado_por,
    atualizadoEm: l.atualizado_em,
  };
}

/** Every unit, COOGIE first then the COOIEs by key; optionally only one kind. */
export async function listarUnidades(db: Kysely<Database>, filtro: { tipo?: TipoUnidade } = {}): Promise<(DadosUnidade & AuditoriaUnidade)[]> {
  let q = db.selectFrom('unidade').selectAll().orderBy('tipo').orderBy('chave') // 'coogie' < 'cooie';
  if (filtro.tipo) q = q.where('tipo', '=', filtro.tipo);
  return (await q.execute()).map(dadosDaLinha);
}

/** The unit of a key as processes write it ('METROPOLITANA I'), or undefined. */
export async function obterUnidade(db: Kysely<Database>, chave: string): Promise<(DadosUnidade & AuditoriaUnidade) | undefined> {
  const l = await db.selectFrom('unidade').selectAll().where('chave', '=', chave).executeTakeFirst();
  return l ? dadosDaLinha(l) : undefined;
}

/**
 * Creates the unit or replaces its data (the key stays). Returns the row
 * before (undefined when created) and after, so that the caller can audit the
 * difference in the same transaction.
 */
export async function gravarUnidade(
  db: Kysely<Database>,
  u: DadosUnidade,
  ator: string,
): Promise<{ antes: (DadosUnidade & AuditoriaUnidade) | undefined; depois: DadosUnidade & AuditoriaUnidade }> {
  const antesLinha = await db.selectFrom('unidade').selectAll().where('chave', '=', u.chave).forUpdate().executeTakeFirst();
  const valores = {
    nome: u.nome,
    sigla: u.sigla,
    tipo: u.tipo,
    uf: u.uf,
    sede_municipio: u.sede?.municipio ?? null,
    sede_municipio_nome: u.sede?.nome ?? null,
    endereco: u.endereco,
    email: u.email,
    telefone: u.telefone,
    vigente_desde: u.vigenteDesde,
    fonte: u.fonte,
    atualizado_por: ator,
    atualizado_em: new Date(),
  };
  const depois = antesLinha
    ? await db.updateTable('unidade').set(valores).where('chave', '=', u.chave).returningAll().executeTakeFirstOrThrow()
    : await db
        .insertInto('unidade')
        .values({ chave: u.chave, ...valores, criado_por: ator })
        .returningAll()
        .executeTakeFirstOrThrow();
  return { antes: antesLinha ? dadosDaLinha(antesLinha) : undefined, depois: dadosDaLinha(depois) };
}

/** The unit's key whose sigla is `sigla`, if another unit holds it (siglas are unique: documents are numbered under them). */
export async function chaveDaSigla(db: Kysely<Database>, sigla: string): Promise<string | undefined> {
  const l = await db.selectFrom('unidade').select('chave').where('sigla', '=', sigla).executeTakeFirst();
  return l?.chave;
}

/**
 * Where a unit's prazos count (DOMAIN prazos rule 10): its seat's UF and
 * município, and the unit itself for decreed days of the unit. A unit
 * without a recorded seat counts on its UF (the calendar warns that the
 * município is unknown); an unknown key counts on RJ, as before units were data.
 */
export async function localDaUnidade(db: Kysely<Database>, chave: string): Promise<Local> {
  const u = await db.selectFrom('unidade').select(['uf', 'sede_municipio']).where('chave', '=', chave).executeTakeFirst();
  return { uf: ((u?.uf as UF | undefined) ?? 'RJ'), ...(u?.sede_municipio ? { municipio: u.sede_municipio } : {}), unidade: chave };
}
