/**
 * The pedidos de habilitação of the Sistema Presença (rules/habilitacao), and
 * the credenciamento of external users on the same engine (api/credenciamentos):
 * the pré-cadastro protocolado (its files stored, the account prepared, the
 * workflow started), and each act sent to the pedido's workflow. One path for
 * the API (routes.ts), the pages and the tests.
 */
import { executarAtualizacao } from '../temporal/atualizacao';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/connect';
import { hashAcesso } from '../../activities/habilitacao';
import { type Habilitacao, inserirPedidoHabilitacao, obterHabilitacao, obterUnidadeEnsino } from '../../db/habilitacoes';
import type { DocumentoHabilitacao } from '../../db/schema';
import { type ArquivoGuardado, ArquivoRecusado, type ArmazenamentoArquivos } from '../../documentos/arquivos';
import { type DadosRepresentacao, PROCURACAO, procuracaoVencida } from '../../rules/habilitacao/credenciamento';
import { definicaoDoPerfil, lugarDoPerfil, type PerfilPedido } from '../../rules/habilitacao/perfis';
import { ufDoCodigoIbge } from '../../rules/identificadores/ibge';
import {
  acaoHabilitacaoUpdate,
  idWorkflowHabilitacao,
  type PedidoAcaoHabilitacao,
  type PedidoHabilitacao,
  type ResultadoAcaoHabilitacao,
} from '../../workflows/habilitacao/definitions';
import { criarUsuario, usuarioPorEmail } from '../contas/service';
import { TERMO_USUARIO_EXTERNO } from '../credenciamentos/termo';
import { type CampoInvalido, conflito, HttpError, invalido } from '../errors';
import { TERMO_DE_RESPONSABILIDADE } from './termo';

export interface ArquivoEnviado {
  tipo: string;
  nomeOriginal: string;
  conteudo: Buffer;
}

export interface DadosPreCadastro {
  perfil: PerfilPedido;
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
  /** Credenciamento only: whom the external user represents. */
  representacao?: DadosRepresentacao;
}

const sha256Texto = (t: string) => createHash('sha256').update(t).digest('hex');
export const SHA256_TERMO = sha256Texto(TERMO_DE_RESPONSABILIDADE.texto);
export const SHA256_TERMO_USUARIO_EXTERNO = sha256Texto(TERMO_USUARIO_EXTERNO.texto);

/** The termo a pré-cadastro of `perfil` accepts, and its SHA-256 (recorded with the acceptance). */
export function termoDoPerfil(perfil: PerfilPedido) {
  return definicaoDoPerfil(perfil).especie === 'credenciamento'
    ? { ...TERMO_USUARIO_EXTERNO, sha256: SHA256_TERMO_USUARIO_EXTERNO }
    : { ...TERMO_DE_RESPONSABILIDADE, sha256: SHA256_TERMO };
}

/**
 * What a credenciamento requires beyond the table (seed 002 art. 16): the procuração of a
 * procurador; named processes only in a procuração; a validity not already over; an account
 * that is not a servidor's (an external user is never also internal, api/contas validarPapeis)
 * nor one deactivated under art. 19.
 */
async function conferirCredenciamento(db: Db, d: DadosPreCadastro, em: Date): Promise<CampoInvalido[]> {
  const erros: CampoInvalido[] = [];
  const r = d.representacao;
  if (!r) return [{ campo: 'representacao', mensagem: 'informe a instituição representada' }];
  if (r.tipo === 'procurador' && !d.documentos.some((x) => x.tipo === PROCURACAO.codigo)) erros.push({ campo: 'documentos', mensagem: `envie: ${PROCURACAO.rotulo}` });
  if (r.tipo === 'representante-legal' && r.processos) {
    erros.push({ campo: 'representacao.processos', mensagem: 'o representante legal representa a instituição em todos os processos; processos nomeados só numa procuração' });
  }
  if (r.ate && procuracaoVencida(r.ate, em.getTime())) erros.push({ campo: 'representacao.ate', mensagem: 'a procuração já venceu: envie uma procuração vigente' });
  const conta = await usuarioPorEmail(db, d.email);
  if (conta && conta.papeis.some((p) => p !== 'representante')) {
    erros.push({ campo: 'email', mensagem: 'este e-mail pertence a uma conta de servidor; o usuário externo usa um e-mail próprio' });
  } else if (conta && !conta.ativo) {
    erros.push({ campo: 'email', mensagem: 'o cadastro deste e-mail foi desativado (IN SEI-MEC, art. 19); procure a administração do rito' });
  }
  return erros;
}

/** What the table of profiles and the cadastro of schools require of a pré-cadastro, field by field. */
export async function conferirPreCadastro(db: Db, d: DadosPreCadastro, em = new Date()): Promise<CampoInvalido[]> {
  const def = definicaoDoPerfil(d.perfil);
  const erros: CampoInvalido[] = [];
  if (def.especie === 'credenciamento') erros.push(...(await conferirCredenciamento(db, d, em)));
  else if (def.abrangencia !== 'uf') {
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
    erros.push({ campo: 'aceitaTermo', mensagem: `o pedido de ${def.rotulo} exige aceitar o ${termoDoPerfil(d.perfil).titulo}` });
  }
  for (const exigido of def.documentos) {
    if (!d.documentos.some((x) => x.tipo === exigido.codigo)) erros.push({ campo: 'documentos', mensagem: `envie: ${exigido.rotulo}` });
  }
  const tipos = new Set([...def.documentos, ...(def.documentosCondicionais ?? [])].map((x) => x.codigo).concat('outro'));
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
  const erros = await conferirPreCadastro(db, d, em);
  if (erros.length) throw invalido(erros);
  const def = definicaoDoPerfil(d.perfil);
  const lugar = lugarDoPerfil(d.perfil, { ...d, cnpj: d.representacao?.cnpj ?? null });
  const aberto = await db
    .selectFrom('habilitacao')
    .select(['id', 'situacao'])
    .where('cpf', '=', d.cpf)
    .where('perfil', '=', d.perfil)
    .where('lugar', '=', lugar)
    .where('situacao', 'in', ['pedido', 'ativo'])
    .executeTakeFirst();
  if (aberto?.situacao === 'ativo') {
    throw conflito('perfil-ativo', def.especie === 'credenciamento' ? 'Este CPF já está credenciado como representante desta instituição.' : `Este CPF já tem o perfil de ${def.rotulo} ativo neste lugar.`);
  }
  if (aberto) return { id: aberto.id, novo: false };

  const usuario =
    (await usuarioPorEmail(db, d.email)) ?? (await criarUsuario(db, { nome: d.nome, email: d.email, papeis: [], unidade: null }, 'pre-cadastro'));
  const protocoladoEm = em.toISOString();
  const documentos = await guardarDocumentos(deps.arquivos, usuario.id, d.documentos, protocoladoEm);
  const id = randomUUID();
  const termo = def.termoDeResponsabilidade ? { aceitoEm: protocoladoEm, sha256: termoDoPerfil(d.perfil).sha256 } : null;
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
    ...(d.representacao ? { representacao: d.representacao } : {}),
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

/**
 * The pedido whose follow-up secret (the e-mail's link, activities/habilitacao.ts) the requester
 * presents: the requester's only credential before his account is enabled. 404 for any mismatch,
 * an expired or replaced link alike (nothing tells which).
 */
export async function pedidoPeloAcesso(db: Db, id: string, segredo: string): Promise<Habilitacao> {
  const h = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await obterHabilitacao(db, id) : undefined;
  const esperado = h?.acesso_hash ? Buffer.from(h.acesso_hash, 'hex') : Buffer.alloc(32);
  const confere = timingSafeEqual(esperado, Buffer.from(hashAcesso(segredo), 'hex'));
  if (!h || !confere || !h.acesso_expira_em || h.acesso_expira_em.getTime() < Date.now()) {
    throw new HttpError(404, 'nao-encontrado', 'Pedido não encontrado: o link pode ter expirado ou sido substituído por um mais recente.');
  }
  return h;
}

/** Sends an act to the pedido's workflow (api/temporal/atualizacao.ts says what its refusals become). */
export async function agirNaHabilitacao(temporal: Client, id: string, p: PedidoAcaoHabilitacao): Promise<ResultadoAcaoHabilitacao> {
  return executarAtualizacao({ nome: 'O pedido', codigoEncerrado: 'pedido-encerrado' }, () =>
    temporal.workflow.getHandle(idWorkflowHabilitacao(id)).executeUpdate(acaoHabilitacaoUpdate, { args: [p], updateId: `${p.acao}:${p.chave}` }),
  );
}
