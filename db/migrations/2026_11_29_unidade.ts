import { type Kysely, sql } from 'kysely';

/**
 * The units that conduct processes, as data (issue 11): the COOIEs and the
 * COOGIE. The key is the free text accounts, processes, decreed days and
 * prazos already carry in their `unidade` column ('METROPOLITANA I'), so that
 * none of them is renamed. The seat (município, UF) decides the calendar a
 * process's prazos count on (Lei 9.784/1999 art. 66 § 1: the expediente of the
 * órgão where the act is done) and the place documents are dated from.
 *
 * The rows inserted here are frozen reference data of 2026-11-29 (a migration
 * never changes once applied); administrators complete and correct them
 * through /v1/unidades. What the sources do not say is left null and read as
 * "a cadastrar", never invented: see `fonte` on each row.
 */

/** 'COOIE-' + the regional's name upper-cased, without accents or spaces: the Padrão Ofício writes a sigla as one word. */
const sigla = (nome: string) =>
  'COOIE-' +
  nome
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '')
    .toUpperCase();

const FONTE_REGIONAL =
  'Nome: regional da SEEDUC-RJ (Educacenso, órgãos regionais 11001–11014; shared/reference/feriados-estaduais.md), uma COOIE por regional. ' +
  'Sede, endereço, contato e início de vigência não constam das fontes: a cadastrar pelo administrador.';

const FONTE_METROPOLITANA_I =
  'Nome: regional da SEEDUC-RJ (Educacenso, órgãos regionais 11001–11014; shared/reference/feriados-estaduais.md). ' +
  'Sede: Rio de Janeiro, onde o exemplo do Padrão Ofício de DOMAIN.md data os seus documentos (a confirmar). ' +
  'Endereço, contato e início de vigência não constam das fontes: a cadastrar pelo administrador.';

const REGIONAIS = [
  'Baixadas Litorâneas',
  'Centro Sul',
  'Médio Paraíba',
  'Metropolitana I',
  'Metropolitana II',
  'Metropolitana III',
  'Metropolitana IV',
  'Metropolitana V',
  'Metropolitana VI',
  'Metropolitana VII',
  'Noroeste Fluminense',
  'Norte Fluminense',
  'Serrana I',
  'Serrana II',
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('unidade')
    // As processes and accounts write it: 'METROPOLITANA I', 'COOGIE'.
    .addColumn('chave', 'text', (c) => c.primaryKey())
    .addColumn('nome', 'text', (c) => c.notNull())
    .addColumn('sigla', 'text', (c) => c.notNull().unique().check(sql`sigla ~ '^[A-Z0-9][A-Z0-9-]*$'`))
    .addColumn('tipo', 'text', (c) => c.notNull().check(sql`tipo in ('cooie', 'coogie')`))
    .addColumn('uf', 'text', (c) => c.notNull())
    // IBGE code and name of the seat município; null: not known yet (the calendar then counts on the UF and warns).
    .addColumn('sede_municipio', 'text')
    .addColumn('sede_municipio_nome', 'text')
    .addColumn('endereco', 'text')
    .addColumn('email', 'text')
    .addColumn('telefone', 'text')
    .addColumn('vigente_desde', 'date')
    .addColumn('fonte', 'text', (c) => c.notNull())
    .addColumn('criado_por', 'text', (c) => c.notNull())
    .addColumn('criado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('atualizado_por', 'text', (c) => c.notNull())
    .addColumn('atualizado_em', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('unidade_sede_completa', sql`(sede_municipio is null) = (sede_municipio_nome is null)`)
    .execute();

  const linhas = [
    ...REGIONAIS.map((nome) => ({
      chave: nome.toUpperCase(),
      nome: `Coordenadoria Regional de Inspeção Escolar ${nome}`,
      sigla: sigla(nome),
      tipo: 'cooie',
      uf: 'RJ',
      // Metropolitana I: the Padrão Ofício example of docs/DOMAIN ("Ofício nº 12/2026/COOIE-METROPOLITANA I",
      // "Rio de Janeiro, 21 de novembro de 2026.") dates its documents from Rio de Janeiro, as rito has done so far.
      ...(nome === 'Metropolitana I' ? { sede_municipio: '3304557', sede_municipio_nome: 'Rio de Janeiro' } : {}),
      fonte: nome === 'Metropolitana I' ? FONTE_METROPOLITANA_I : FONTE_REGIONAL,
      criado_por: 'sistema:migracao',
      atualizado_por: 'sistema:migracao',
    })),
    {
      chave: 'COOGIE',
      nome: 'Coordenadoria Geral de Inspeção Escolar, Certificação e Acervo',
      sigla: 'COOGIE',
      tipo: 'coogie',
      uf: 'RJ',
      sede_municipio: '3304557',
      sede_municipio_nome: 'Rio de Janeiro',
      fonte:
        'Nome e sigla: seed 003 ("Coordenadoria Geral de Inspeção Escolar, Certificação e Acervo - COOGIE"), órgão central da SEEDUC-RJ, ' +
        'sediado na capital. Endereço, contato e início de vigência: a cadastrar pelo administrador.',
      criado_por: 'sistema:migracao',
      atualizado_por: 'sistema:migracao',
    },
  ];
  await db.insertInto('unidade').values(linhas).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('unidade').execute();
}
