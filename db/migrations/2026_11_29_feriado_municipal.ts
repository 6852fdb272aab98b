import { type Kysely, sql } from 'kysely';

/**
 * Municipal holidays as maintained data (issue 11): no reliable public list
 * exists and they change (Niterói dropped 22/11 in 2021; Petrópolis added
 * 19/10 in 2025), so administrators keep them, each with its act and
 * validity; a change re-times the running prazos of the units seated there.
 * Removal is recorded, never deleted. The first row is the one rito shipped
 * in code before (rules/calendario/feriados.ts, FERIADOS_MUNICIPAIS).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('feriado_municipal')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('municipio', 'text', (c) => c.notNull().check(sql`municipio ~ '^[0-9]{7}$'`))
    .addColumn('municipio_nome', 'text', (c) => c.notNull())
    .addColumn('uf', 'text', (c) => c.notNull())
    // A fixed day ('MM-DD') or days from Easter Sunday (e.g. −2, Good Friday; +60, Corpus Christi).
    .addColumn('dia', 'text', (c) => c.check(sql`dia ~ '^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$'`))
    .addColumn('pascoa', 'integer')
    .addColumn('nome', 'text', (c) => c.notNull())
    .addColumn('ato_legal', 'text', (c) => c.notNull())
    .addColumn('desde', 'date')
    .addColumn('ate', 'date')
    .addColumn('fonte', 'text', (c) => c.notNull())
    .addColumn('criado_por', 'text', (c) => c.notNull())
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('atualizado_por', 'text', (c) => c.notNull())
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('removido_por', 'text')
    .addColumn('removido_em', 'timestamptz')
    .addCheckConstraint('feriado_municipal_quando', sql`(dia is null) <> (pascoa is null)`)
    .addCheckConstraint('feriado_municipal_vigencia', sql`desde is null or ate is null or desde <= ate`)
    .execute();
  await sql`create unique index feriado_municipal_vigente_unique on feriado_municipal
    (municipio, coalesce(dia, ''), coalesce(pascoa, 0), coalesce(desde, '1900-01-01'::date)) where removido_em is null`.execute(db);
  await db
    .insertInto('feriado_municipal')
    .values({
      municipio: '3304557',
      municipio_nome: 'Rio de Janeiro',
      uf: 'RJ',
      dia: '01-20',
      nome: 'Dia de São Sebastião',
      ato_legal: 'Lei Municipal 1.271/1988',
      desde: '1988-06-27',
      fonte:
        'Lei Municipal 1.271/1988 (Rio de Janeiro). São Jorge (23/04) e 20/11 também são municipais no Rio (Lei Municipal 5.146/2010), ' +
        'mas já são feriados estadual e nacional: não repetidos.',
      criado_por: 'sistema:migracao',
      atualizado_por: 'sistema:migracao',
    })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('feriado_municipal').execute();
}
