/**
 * From a stored account to the Ator of this request. Roles, mandates and
 * comissão designations are read on every request, so that an ended mandate,
 * a removed role or a deactivated account takes effect at once.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import { PAPEIS, type Ator, type Papel } from './ator';

export const papeisValidos = (papeis: readonly string[]): Papel[] =>
  papeis.filter((p): p is Papel => (PAPEIS as readonly string[]).includes(p));

/**
 * The columns of an account's scope, read in the same statement as the
 * account (and, for a session, as the session: api/auth/sessao.ts): its
 * current mandates (representante), its current designations (comissão) and
 * the processes its limited procurações name. One round trip per request
 * instead of two to four (issue 16).
 */
export function colunasDoEscopo(eb: ExpressionBuilder<Database, 'usuario'>, agora: Date) {
  const vigente = <T extends 'representacao' | 'designacao_comissao'>(t: T) =>
    sql<boolean>`${sql.ref(`${t}.inicio`)} <= ${agora} and (${sql.ref(`${t}.fim`)} is null or ${sql.ref(`${t}.fim`)} > ${agora})`;
  return [
    jsonArrayFrom(
      eb
        .selectFrom('representacao')
        .select(['representacao.instituicao_cnpj', 'representacao.processos'])
        .whereRef('representacao.usuario_id', '=', 'usuario.id')
        .where(sql<boolean>`'representante' = any(${sql.ref('usuario.papeis')})`)
        .where(vigente('representacao'))
        .orderBy('representacao.instituicao_cnpj'),
    ).as('representacoes'),
    jsonArrayFrom(
      eb
        .selectFrom('designacao_comissao')
        .select('designacao_comissao.processo_id')
        .distinct()
        .whereRef('designacao_comissao.usuario_id', '=', 'usuario.id')
        .where(sql<boolean>`'comissao' = any(${sql.ref('usuario.papeis')})`)
        .where(vigente('designacao_comissao'))
        .orderBy('designacao_comissao.processo_id'),
    ).as('designacoes'),
    // A procuração limited to named processes (by SEI number) reaches those processes of its institution.
    jsonArrayFrom(
      eb
        .selectFrom('processo')
        .innerJoin('representacao', 'representacao.instituicao_cnpj', 'processo.instituicao_cnpj')
        .select('processo.id')
        .distinct()
        .whereRef('representacao.usuario_id', '=', 'usuario.id')
        .where(sql<boolean>`'representante' = any(${sql.ref('usuario.papeis')})`)
        .where(vigente('representacao'))
        .where(sql<boolean>`${sql.ref('processo.numero_sei')} = any(${sql.ref('representacao.processos')})`)
        .orderBy('processo.id'),
    ).as('processos_representados'),
  ] as const;
}

/** An account's row with its scope columns (colunasDoEscopo), as an Ator. */
export function atorDaLinha(l: {
  usuario_id: string;
  nome: string;
  papeis: string[];
  unidade: string | null;
  representacoes: { instituicao_cnpj: string; processos: string[] | null }[];
  designacoes: { processo_id: string }[];
  processos_representados: { id: string }[];
}): Ator {
  const papeis = papeisValidos(l.papeis);
  const plenas = l.representacoes.filter((r) => r.processos === null);
  const limitadas = l.representacoes.filter((r) => r.processos !== null && r.processos.length > 0);
  return {
    id: l.usuario_id,
    nome: l.nome,
    papeis,
    unidade: l.unidade,
    instituicoes: [...new Set(plenas.map((r) => r.instituicao_cnpj))],
    comissoes: l.designacoes.map((d) => d.processo_id),
    ...(limitadas.length ? { processosRepresentados: l.processos_representados.map((p) => p.id) } : {}),
  };
}

/** The Ator of an active account, or null if it does not exist or is deactivated. One query. */
export async function atorDoUsuario(db: Db, usuarioId: string, agora = new Date()): Promise<Ator | null> {
  const linha = await db
    .selectFrom('usuario')
    .select(['usuario.id as usuario_id', 'usuario.nome', 'usuario.papeis', 'usuario.unidade'])
    .select((eb) => colunasDoEscopo(eb, agora))
    .where('usuario.id', '=', usuarioId)
    .where('usuario.ativo', '=', true)
    .executeTakeFirst();
  return linha ? atorDaLinha(linha) : null;
}
