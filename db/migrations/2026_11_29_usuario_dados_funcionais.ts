import { type Kysely, sql } from 'kysely';

/**
 * What documents need of a person (issue 10, ofícios): a servidor signs with his
 * name, cargo and matrícula (ID funcional) as his account holds them, and a
 * person is addressed as Senhor or Senhora (Padrão Ofício, "formas de
 * tratamento"), never "o(a)" when rito knows him. All nullable: existing
 * accounts are completed by the administrator; until then documents fall back
 * to the role's cargo and to the neutral form.
 *
 * Documents are numbered in the series of the issuing unit under its sigla as
 * data (table unidade): the series kept until now under 'COOIE-' + the unit's
 * key continue under the sigla, so that no number is issued twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('usuario')
    .addColumn('matricula', 'text')
    .addColumn('cargo', 'text')
    .addColumn('tratamento', 'text', (c) => c.check(sql`tratamento in ('senhor', 'senhora')`))
    .execute();

  // A series under the old name and one under the sigla cannot both exist yet (the sigla is new): a plain rename.
  await sql`
    update documento_numeracao n set unidade = u.sigla
    from unidade u
    where n.unidade = 'COOIE-' || u.chave and u.tipo = 'cooie'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    update documento_numeracao n set unidade = 'COOIE-' || u.chave
    from unidade u
    where n.unidade = u.sigla and u.tipo = 'cooie'
  `.execute(db);
  await db.schema.alterTable('usuario').dropColumn('matricula').dropColumn('cargo').dropColumn('tratamento').execute();
}
