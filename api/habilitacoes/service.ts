/**
 * The pedidos de habilitação of the Sistema Presença (rules/habilitacao): the
 * pré-cadastro protocolado (its files stored, the account prepared, the
 * workflow started), and each act sent to the pedido's workflow. One path for
 * the API (routes.ts), the pages and the tests.
 */
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../db/connect';
import { inserirPedidoHabilitacao, obterUnidadeEnsino } from '../../db/habilitacoes';
import type { DocumentoHabilitacao } from '../../db/schema';
import { type ArquivoGuardado, ArquivoRecusado, type ArmazenamentoArquivos } from '../../documentos/arquivos';
import { DEFINICOES_PERFIL, lugarDoPerfil, type PerfilPresenca } from '../../rules/habilitacao/perfis';
import { ufDoCodigoIbge } from '../../rules/identificadores/ibge';
import {
  acaoHabilitacaoUpdate,
  idWorkflowHabilitacao,
  type PedidoAcaoHabilitacao,
  type PedidoHabilitacao,
  type ResultadoAcaoHabilitacao,
} from '../../workflows/habilitacao/definitions';
import { criarUsuario, usuarioPorEmail } from '../contas/service';
import { type CampoInvalido, conflito, HttpError, invalido } from '../errors';
import { TERMO_DE_RESPONSABILIDADE } from './termo';

export interface ArquivoEnviado {
  tipo: string;
  nomeOriginal: string;
  conteudo: Buffer;
}

export interface DadosPreCadastro {
  perfil: PerfilPresenca;
  nome: string;
  cpf: string;
  email: string;
  telefone?: string | null;
  cargo?: string | null;
  uf: string;
  municipio?: string | null;
  codigoInep?: string | null;
  aceitaTermo?: boolean;
  documentos: ArquivoEnviado[];
}

export const SHA256_TERMO = createHash('sha256').update(TERMO_DE_RESPONSABILIDADE.texto).digest('hex');

/** What the table of profiles and the cadastro of schools require of a pré-cadastro, field by field. */
export async function conferirPreCadastro(db: Db, d: DadosPreCadastro): Promise<CampoInvalido[]> {
  const def = DEFINICOES_PERFIL[d.perfil];
  const erros: CampoInvalido[] = [];
  if (def.abrangencia !== 'uf') {
    if (!d.municipio) erros.push({ campo: 'municipio', mensagem: 'informe o código IBGE do município' });
    else if (ufDoCodigoIbge(d.municipio) !== d.uf) erros.push({ campo: 'municipio', mensagem: `o município ${d.municipio} não pertence à UF ${d.uf}` });
  }
  if (def.abrangencia === 'escola') {
    if (!d.codigoInep) erros.push({ campo: 'codigoInep', mensagem: 'informe o Código INEP da escola' });
    else {
      const escola = await obterUnidadeEnsino(db, d.codigoInep);
      if (!escola) erros.push({ campo: 'codigoInep', mensagem: `a escola de Código INEP ${d.codigoInep} não consta do cadastro de unidades de ensino` });
      else if (d.municipio && escola.municipio !== d.municipio) {
        erros.push({ campo: 'codigoInep', mensagem: `a escola ${escola.nome} (INEP ${d.codigoInep}) não fica no município informado` });
      }
    }
  }
  if (def.termoDeResponsabilidade && d.aceitaTermo !== true) {
    erros.push({ campo: 'aceitaTermo', mensagem: `o perfil de ${def.rotulo} exige assinar o Termo de Responsabilidade` });
  }
  for (const exigido of def.documentos) {
    if (!d.documentos.some((x) => x.tipo === exigido.codigo)) erros.push({ campo: 'documentos', mensagem: `envie: ${exigido.rotulo}` });
  }
  const tipos = new Set([...def.documentos.map((x) => x.codigo), 'outro']);
  d.documentos.forEach((x, i) => {
    if (!tipos.has(x.tipo)) erros.push({ campo: `documentos.${i}.tipo`, mensagem: `tipo de documento não previsto para ${def.rotulo}: ${x.tipo}` });
  });
  return erros;
}

/** Stores the files of a pedido; a refused file is a field error of its own. */
export async function guardarDocumentos(arquivos: ArmazenamentoArquivos, enviadoPor: string, docs: ArquivoEnviado[], em: string): Promise<DocumentoHabilitacao[]> {
  const guardados: DocumentoHabilitacao[] = [];
  for (const [i, d] of docs.entries()) {
    let g: ArquivoGuardado;
    try {
      g = await arquivos.guardarArquivo(d.conteudo, { nomeOriginal: d.nomeOriginal, enviadoPor });
    } catch (err) {
      if (err instanceof ArquivoRecusado) throw invalido([{ campo: `documentos.${i}`, mensagem: err.message }], 'Arquivo recusado.');
      throw err;
    }
    guardados.push({ tipo: d.tipo, arquivoId: g.id, sha256: g.sha256, nomeOriginal: g.nomeOriginal, enviadoEm: em });
  }
  return guardados;
}

/**
 * Protocols a pré-cadastro: the account (inactive, without roles, until the
 * profile is enabled), the files, the read-model row and the workflow. The same
 * person asking again for the same profile and place while a pedido is open gets
 * that pedido back (a retried request protocols once).
 */
export async function protocolarPreCadastro(
  deps: { db: Db; temporal: Client; taskQueue: string; arquivos: ArmazenamentoArquivos },
  d: DadosPreCadastro,
  em: Date,
): Promise<{ id: string; novo: boolean }> {
  const { db } = deps;
  const erros = await conferirPreCadastro(db, d);
  if (erros.length) throw invalido(erros);
  const lugar = lugarDoPerfil(d.perfil, d);
  const aberto = await db
    .selectFrom('habilitacao')
    .select(['id', 'situacao'])
    .where('cpf', '=', d.cpf)
    .where('perfil', '=', d.perfil)
    .where('lugar', '=', lugar)
    .where('situacao', 'in', ['pedido', 'ativo'])
    .executeTakeFirst();
  if (aberto?.situacao === 'ativo') throw conflito('perfil-ativo', `Este CPF já tem o perfil de ${DEFINICOES_PERFIL[d.perfil].rotulo} ativo neste lugar.`);
  if (aberto) return { id: aberto.id, novo: false };

  const usuario =
    (await usuarioPorEmail(db, d.email)) ?? (await criarUsuario(db, { nome: d.nome, email: d.email, papeis: [], unidade: null }, 'pre-cadastro'));
  const protocoladoEm = em.toISOString();
  const documentos = await guardarDocumentos(deps.arquivos, usuario.id, d.documentos, protocoladoEm);
  const id = randomUUID();
  const termo = DEFINICOES_PERFIL[d.perfil].termoDeResponsabilidade ? { aceitoEm: protocoladoEm, sha256: SHA256_TERMO } : null;
  const pedido: PedidoHabilitacao = {
    id,
    perfil: d.perfil,
    usuarioId: usuario.id,
    nome: d.nome,
    uf: d.uf,
    municipio: d.municipio ?? null,
    codigoInep: d.codigoInep ?? null,
    protocoladoEm,
    documentos,
    termo,
  };
  await inserirPedidoHabilitacao(db, {
    ...pedido,
    cpf: d.cpf,
    email: d.email.trim().toLowerCase(),
    telefone: d.telefone ?? null,
    cargo: d.cargo ?? null,
    lugar,
  });
  try {
    await deps.temporal.workflow.start('habilitacaoWorkflow', {
      taskQueue: deps.taskQueue,
      workflowId: idWorkflowHabilitacao(id),
      args: [pedido],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) {
      // No row without its workflow: a pedido nobody conducts would be lost.
      await db.deleteFrom('habilitacao_evento').where('habilitacao_id', '=', id).execute();
      await db.deleteFrom('habilitacao').where('id', '=', id).execute();
      throw err;
    }
  }
  return { id, novo: true };
}

/** Sends an act to the pedido's workflow; its refusals become 409, its silence 503. */
export async function agirNaHabilitacao(temporal: Client, id: string, p: PedidoAcaoHabilitacao): Promise<ResultadoAcaoHabilitacao> {
  try {
    return await temporal.workflow.getHandle(idWorkflowHabilitacao(id)).executeUpdate(acaoHabilitacaoUpdate, { args: [p], updateId: `${p.acao}:${p.chave}` });
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError) {
      let causa: Error | undefined = err.cause;
      while (causa && (causa as { cause?: Error }).cause) causa = (causa as { cause?: Error }).cause;
      throw new HttpError(409, 'acao-recusada', causa?.message ?? err.message);
    }
    if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
      throw new HttpError(503, 'indisponivel', 'O pedido não respondeu a tempo; reenvie a ação com a mesma Idempotency-Key.');
    }
    if (err instanceof WorkflowNotFoundError || (err instanceof Error && /workflow.*(not found|completed|already)/i.test(err.message))) {
      throw new HttpError(409, 'pedido-encerrado', 'O pedido está encerrado; nenhuma ação é admitida.');
    }
    throw err;
  }
}
