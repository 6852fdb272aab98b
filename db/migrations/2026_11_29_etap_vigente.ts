import { type Kysely, sql } from 'kysely';

/**
 * The institution's registered ETAP (seed 003: "devem contar com uma Equipe
 * Técnico-Administrativo-Pedagógica cadastrada junto à Secretaria de Estado de
 * Educação"): who holds each function, since when, under which act. A member
 * replaced is kept with the day his successor took over (`ate`), so the history
 * of the team stays. Written when the edital of a cadastramento is published;
 * later processes and the Relatório Anual read it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('etap_membro')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('instituicao_cnpj', 'text', (c) => c.notNull())
    .addColumn('codigo_inep', 'text', (c) => c.notNull())
    .addColumn('funcao', 'text', (c) => c.notNull())
    .addColumn('nome', 'text', (c) => c.notNull())
    .addColumn('desde', 'date', (c) => c.notNull())
    .addColumn('ate', 'date')
    .addColumn('processo_id', 'text', (c) => c.notNull())
    /** 'Edital nº 3/2037/COOGIE, DOERJ de 09/03/2037, p. 12'. */
    .addColumn('ato', 'text', (c) => c.notNull())
    .addColumn('registrado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Recorded once per process and member: a retried activity writes nothing twice.
  await db.schema.createIndex('etap_membro_processo_unico').on('etap_membro').columns(['processo_id', 'funcao', 'nome']).unique().execute();
  await db.schema.createIndex('etap_membro_vigente').on('etap_membro').columns(['codigo_inep', 'funcao']).where(sql.ref('ate'), 'is', null).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('etap_membro').execute();
}
