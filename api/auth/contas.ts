/**
 * From a stored account to the Ator of this request. Roles, mandates and
 * comissão designations are read on every request, so that an ended mandate,
 * a removed role or a deactivated account takes effect at once.
 */
import type { Db } from '../../db/connect';
import { PAPEIS, type Ator, type Papel } from './ator';

export const papeisValidos = (papeis: readonly string[]): Papel[] =>
  papeis.filter((p): p is Papel => (PAPEIS as readonly string[]).includes(p));

/** The Ator of an active account, or null if it does not exist or is deactivated. */
export async function atorDoUsuario(db: Db, usuarioId: string, agora = new Date()): Promise<Ator | null> {
  const usuario = await db
    .selectFrom('usuario')
    .select(['id', 'nome', 'papeis', 'unidade'])
    .where('id', '=', usuarioId)
    .where('ativo', '=', true)
    .executeTakeFirst();
  if (!usuario) return null;
  const papeis = papeisValidos(usuario.papeis);
  const [representacoes, designacoes] = await Promise.all([
    papeis.includes('representante')
      ? db
          .selectFrom('representacao')
          .select('instituicao_cnpj')
          .distinct()
          .where('usuario_id', '=', usuarioId)
          .where('inicio', '<=', agora)
          .where((eb) => eb.or([eb('fim', 'is', null), eb('fim', '>', agora)]))
          .orderBy('instituicao_cnpj')
          .execute()
      : [],
    papeis.includes('comissao')
      ? db
          .selectFrom('designacao_comissao')
          .select('processo_id')
          .distinct()
          .where('usuario_id', '=', usuarioId)
          .where('inicio', '<=', agora)
          .where((eb) => eb.or([eb('fim', 'is', null), eb('fim', '>', agora)]))
          .orderBy('processo_id')
          .execute()
      : [],
  ]);
  return {
    id: usuario.id,
    nome: usuario.nome,
    papeis,
    unidade: usuario.unidade,
    instituicoes: representacoes.map((r) => r.instituicao_cnpj),
    comissoes: designacoes.map((d) => d.processo_id),
  };
}
