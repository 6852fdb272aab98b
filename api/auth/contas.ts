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
          .select(['instituicao_cnpj', 'processos'])
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
  // A mandate over the whole institution, or a procuração limited to named processes (by SEI number).
  const plenas = representacoes.filter((r) => r.processos === null);
  const limitadas = representacoes.filter((r) => r.processos !== null && r.processos.length > 0);
  const processosRepresentados = limitadas.length
    ? (
        await db
          .selectFrom('processo')
          .select('id')
          .where((eb) => eb.or(limitadas.map((r) => eb.and([eb('instituicao_cnpj', '=', r.instituicao_cnpj), eb('numero_sei', 'in', r.processos!)]))))
          .orderBy('id')
          .execute()
      ).map((p) => p.id)
    : [];
  return {
    id: usuario.id,
    nome: usuario.nome,
    papeis,
    unidade: usuario.unidade,
    instituicoes: [...new Set(plenas.map((r) => r.instituicao_cnpj))],
    comissoes: designacoes.map((d) => d.processo_id),
    ...(limitadas.length ? { processosRepresentados } : {}),
  };
}
