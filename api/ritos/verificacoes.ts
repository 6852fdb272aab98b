/**
 * The checks an action declares (AcaoRito.verificacoes) that need the
 * database, run by the API before the action reaches the workflow, plus the
 * one every action with files gets. Each refuses with a clear 4xx in pt-BR.
 */
import type { Db } from '../../db/connect';
import type { VerificacaoPrevia } from '../../rules/ritos/definicao';
import { HttpError, invalido } from '../errors';

type Verificacao = (db: Db, processoId: string, dados: Record<string, any>) => Promise<void>;

export const VERIFICACOES: Record<VerificacaoPrevia, Verificacao> = {
  /** One SEI number, one process (the read model enforces it too). */
  'numero-sei-livre': async (db, processoId, { numeroSei }) => {
    const outro = await db.selectFrom('processo').select('id').where('numero_sei', '=', numeroSei).where('id', '!=', processoId).executeTakeFirst();
    if (outro) throw new HttpError(409, 'numero-sei-em-uso', `O número ${numeroSei} já identifica outro processo.`);
  },

  /** Only servidores with an account and the comissao role can be designated: they must be able to act. */
  'comissao-com-contas': async (db, _processoId, { comissao }) => {
    const membros = comissao as { usuarioId: string }[];
    const ids = membros.map((m) => m.usuarioId);
    const contas = await db.selectFrom('usuario').select(['id', 'papeis', 'ativo']).where('id', 'in', ids).execute();
    const campos = membros.flatMap((m, i) => {
      const conta = contas.find((c) => c.id === m.usuarioId);
      if (!conta || !conta.ativo) return [{ campo: `comissao.${i}.usuarioId`, mensagem: 'conta inexistente ou inativa' }];
      if (!conta.papeis.includes('comissao')) return [{ campo: `comissao.${i}.usuarioId`, mensagem: 'a conta não tem o perfil de membro de comissão' }];
      return [];
    });
    if (campos.length) throw invalido(campos, 'Comissão de Vistoria inválida.');
  },
};

/** Files cited by an action must have been uploaded to this process (POST /v1/arquivos). */
export async function conferirArquivos(db: Db, processoId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const validos = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const encontrados = validos.length ? await db.selectFrom('arquivo').select('id').where('id', 'in', validos).where('processo_id', '=', processoId).execute() : [];
  const campos = ids.flatMap((id, i) =>
    encontrados.some((a) => a.id === id) ? [] : [{ campo: `arquivos.${i}`, mensagem: 'arquivo não encontrado neste processo (envie-o antes por POST /v1/arquivos)' }],
  );
  if (campos.length) throw invalido(campos, 'Arquivos inválidos.');
}
