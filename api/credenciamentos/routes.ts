/**
 * The credenciamento of external users over HTTP (/v1/credenciamentos; seed 002,
 * IN SEI-MEC arts. 16–19), on the pedido engine of the Sistema Presença
 * (api/habilitacoes/service.ts, workflows/habilitacao):
 *
 *   GET  /termo                 the terms of art. 17 with their SHA-256, the documents and the prazo (public)
 *   POST /                      pré-cadastro by the external user himself (public; documents in base64)
 *   GET  /{id}/acompanhamento   he follows his pedido with the secret of his e-mail's link (X-Acesso-Pedido)
 *   POST /{id}/reenvio          … and answers a pendência with new documents (the 5 dias úteis restart)
 *   GET  /                      the credenciamentos, overdue first (administrador, supervisor; CPF masked)
 *   GET  /{id}                  one, with documents, representações and history (audited read)
 *   POST /{id}/{acao}           aprovar, apontar-pendencia, recusar, desativar (administrador; Idempotency-Key)
 *
 * The public routes that act have the anonymous rate limit (api/plugins/limites.ts).
 */
import type { FastifyRequest } from 'fastify';
import type { ArquivoEnviado } from '../habilitacoes/service';
import { idempotencia } from '../schemas';
import { acessoDoPedido, decodificarDocumentos, LIMITE_CORPO_COM_DOCUMENTOS, requerente } from '../habilitacoes/requerente';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { eventosDaHabilitacao, type Habilitacao, listarHabilitacoes, obterHabilitacao } from '../../db/habilitacoes';
import { type ArmazenamentoArquivos, criarArmazenamentoArquivos } from '../../documentos/arquivos';
import { ATO_CONSTITUTIVO, DEFINICAO_CREDENCIAMENTO, PERFIL_CREDENCIAMENTO, PROCURACAO, procuracaoVencida } from '../../rules/habilitacao/credenciamento';
import { LOCAL_DA_ADMINISTRACAO, PRAZO_ANALISE_HABILITACAO } from '../../rules/habilitacao/prazo';
import { mascararCpf } from '../../rules/identificadores/cpf';
import type { Ator } from '../auth/ator';
import type { ApiDeps } from '../deps';
import { erroSchema, invalido, naoEncontrado } from '../errors';
import { instante } from '../instantes';
import { requireAtor } from '../plugins/autenticacao';
import { agirNaHabilitacao, guardarDocumentos, pedidoPeloAcesso, protocolarPreCadastro, termoDoPerfil } from '../habilitacoes/service';
import {
  ACOES_CREDENCIAMENTO,
  type AcaoCredenciamento,
  credenciamentoResumoSchema,
  credenciamentoSchema,
  listaCredenciamentosQuery,
  preCadastroCredenciamentoSchema,
  reenvioCredenciamentoSchema,
} from './schemas';

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema };


const iso = (d: Date | null) => (d ? instante(d) : null);
/** Whom the external user represents, as the audit trail and the pages name it. */
export const quemRepresenta = (h: Habilitacao) => (h.representacao ? `${h.representacao.instituicaoNome} (CNPJ ${h.representacao.cnpj})` : '');

/** A credenciamento as the API and the pages show it, CPF masked. */
export function resumo(h: Habilitacao) {
  return {
    id: h.id,
    nome: h.nome,
    cpf: mascararCpf(h.cpf),
    representacao: h.representacao,
    situacao: h.situacao,
    fase: h.fase,
    protocoladoEm: instante(h.protocolado_em),
    prazoAnalise: iso(h.prazo_analise),
    atrasado: h.atrasado,
    aprovadoPor: h.habilitado_por_nome,
    aprovadoEm: iso(h.habilitado_em),
    encerradoEm: iso(h.encerrado_em),
    motivoEncerramento: h.motivo_encerramento,
  };
}

/** A credenciamento by id; any other id (or a Presença pedido) is a 404. */
async function credenciamento(db: Db, id: string): Promise<Habilitacao> {
  const h = z.uuid().safeParse(id).success ? await obterHabilitacao(db, id) : undefined;
  if (!h || h.perfil !== PERFIL_CREDENCIAMENTO) throw naoEncontrado('Credenciamento');
  return h;
}

/** What the credenciamento's acts need: the database, Temporal, the files, and the instant of receipt (the tests' server clock). */
export interface DepsCredenciamento {
  db: Db;
  temporal: ApiDeps['temporal'];
  taskQueue: string;
  arquivos: ArmazenamentoArquivos;
  agora(): Promise<Date>;
}

/** The external user's pré-cadastro, protocolado and audited as his act: the one path of the API and of the pages. */
export async function credenciar(deps: DepsCredenciamento, request: FastifyRequest, b: Omit<z.output<typeof preCadastroCredenciamentoSchema>, 'documentos'>, documentos: ArquivoEnviado[]) {
  const r = await protocolarPreCadastro(
    { db: deps.db, temporal: deps.temporal, taskQueue: deps.taskQueue, arquivos: deps.arquivos },
    {
      perfil: PERFIL_CREDENCIAMENTO,
      nome: b.nome,
      cpf: b.cpf,
      email: b.email,
      telefone: b.telefone ?? null,
      // The UF where the pedido is analysed (rules/habilitacao/prazo.ts): the row's place is the CNPJ.
      uf: LOCAL_DA_ADMINISTRACAO.uf,
      aceitaTermo: b.aceitaTermo,
      documentos,
      representacao: { cnpj: b.instituicao.cnpj, instituicaoNome: b.instituicao.nome, tipo: b.tipo, ate: b.validaAte ?? null, processos: b.processos ?? null },
    },
    await deps.agora(),
  );
  const h = (await obterHabilitacao(deps.db, r.id))!;
  await request.auditar({
    acao: 'credenciamento.protocolar',
    recurso: 'credenciamento',
    ator: requerente(h),
    recursoId: r.id,
    resumo: `Pré-cadastro de usuário externo: ${h.nome} (${mascararCpf(h.cpf)}), ${b.tipo} de ${quemRepresenta(h)}${r.novo ? '' : ' — repetição do pedido já protocolado'}`,
    dados: { representacao: h.representacao, documentos: h.documentos.map((d) => d.sha256), termo: { aceitoEm: iso(h.termo_aceito_em), sha256: h.termo_sha256 } },
    repeticao: !r.novo,
  });
  return { ...r, mensagem: `Pedido protocolado. Enviamos ao e-mail ${h.email} o link para acompanhá-lo.` };
}

/** The requerente's answer to a pendência (a new procuração may bring another validity or processes); the analysis restarts. */
export async function reenviarCredenciamento(
  deps: DepsCredenciamento,
  request: FastifyRequest,
  h: Habilitacao,
  b: { validaAte?: string | null; processos?: string[] | null },
  documentos: ArquivoEnviado[],
  chaveCliente: string,
) {
  const agora = await deps.agora();
  if (b.validaAte && procuracaoVencida(b.validaAte, agora.getTime())) {
    throw invalido([{ campo: 'validaAte', mensagem: 'a procuração já venceu: envie uma procuração vigente' }]);
  }
  const em = agora.toISOString();
  const guardados = await guardarDocumentos(deps.arquivos, h.usuario_id, documentos, em);
  const chave = `${h.usuario_id}:${chaveCliente}`;
  const procuracao = b.validaAte !== undefined || b.processos !== undefined ? { representacao: { ate: b.validaAte ?? h.representacao?.ate ?? null, processos: b.processos ?? h.representacao?.processos ?? null } } : {};
  const r = await agirNaHabilitacao(deps.temporal, h.id, { acao: 'reenviar', ator: { id: h.usuario_id, nome: h.nome }, em, chave, documentos: guardados, ...procuracao });
  await request.auditar({
    acao: 'credenciamento.reenviar',
    recurso: 'credenciamento',
    ator: requerente(h),
    recursoId: h.id,
    resumo: `Reenvio de documentos do credenciamento de ${h.nome} (${mascararCpf(h.cpf)})`,
    dados: { documentos: guardados.map((d) => d.sha256), chave, ...procuracao },
    chaveIdempotencia: chave,
  });
  return r;
}

/** The administração's decision on a credenciamento (art. 16 § 2º), audited. */
export async function decidirCredenciamento(deps: DepsCredenciamento, request: FastifyRequest, h: Habilitacao, nome: AcaoCredenciamento, dados: { pendencias?: string[]; motivo?: string }, chaveCliente: string) {
  const ator = requireAtor(request);
  const def = ACOES_CREDENCIAMENTO[nome];
  const chave = `${ator.id}:${chaveCliente}`;
  const r = await agirNaHabilitacao(deps.temporal, h.id, { acao: def.acao, ator: { id: ator.id, nome: ator.nome }, em: (await deps.agora()).toISOString(), chave, ...dados });
  await request.auditar({
    acao: `credenciamento.${nome}`,
    recurso: 'credenciamento',
    recursoId: h.id,
    resumo: `${def.rotulo}: ${h.nome} (${mascararCpf(h.cpf)}), ${quemRepresenta(h)}`,
    dados: { acao: nome, ...dados, fase: r.fase },
    chaveIdempotencia: chave,
  });
  return { acao: nome, fase: r.fase, mensagem: r.mensagem };
}

const credenciamentosRoutes: FastifyPluginAsyncZod<ApiDeps & { arquivos?: ArmazenamentoArquivos }> = async (app, deps) => {
  const { db } = deps;
  const arquivos = deps.arquivos ?? criarArmazenamentoArquivos({ db });
  /** The instant an act is received (the time-skipping tests pass their server's clock). */
  const agora = async () => new Date(Number(await (deps.relogio ?? Date.now)()));
  const atos: DepsCredenciamento = { db, temporal: deps.temporal, taskQueue: deps.taskQueue, arquivos, agora };

  app.get(
    '/termo',
    {
      config: { publica: true, auditoria: { dadosPessoais: false } },
      schema: {
        tags: ['credenciamento'],
        summary: 'O termo de aceitação do usuário externo (IN SEI-MEC art. 17), os documentos exigidos e o prazo de análise',
        response: { 200: z.unknown() },
      },
    },
    async () => ({
      termo: termoDoPerfil(PERFIL_CREDENCIAMENTO),
      documentos: [
        { codigo: ATO_CONSTITUTIVO.codigo, rotulo: ATO_CONSTITUTIVO.rotulo, exigido: 'sempre' },
        { codigo: PROCURACAO.codigo, rotulo: PROCURACAO.rotulo, exigido: 'do procurador' },
        { codigo: 'outro', rotulo: 'Outro documento', exigido: 'não' },
      ],
      prazoAnalise: PRAZO_ANALISE_HABILITACAO,
      quemAnalisa: { papel: DEFINICAO_CREDENCIAMENTO.habilitadoPor, fonte: DEFINICAO_CREDENCIAMENTO.fonte },
    }),
  );

  app.post(
    '/',
    {
      prefixTrailingSlash: 'no-slash', // the prefix itself, as every other collection
      bodyLimit: LIMITE_CORPO_COM_DOCUMENTOS,
      config: { publica: true, auditoria: { acao: 'credenciamento.protocolar', recurso: 'credenciamento' } },
      schema: {
        tags: ['credenciamento'],
        summary: 'Pré-cadastro de usuário externo (representante legal ou procurador de instituição)',
        description:
          'O próprio usuário externo se cadastra: dados, aceitação do termo (GET /v1/credenciamentos/termo) e os documentos que comprovam a representação ' +
          '(ato constitutivo e alterações; a procuração, com a sua validade e os processos a que se limita). O resultado da análise chega ao e-mail informado ' +
          `em até ${PRAZO_ANALISE_HABILITACAO.dias} dias úteis (${PRAZO_ANALISE_HABILITACAO.baseLegal}). O mesmo pedido reenviado devolve o já protocolado (200).`,
        body: preCadastroCredenciamentoSchema,
        response: { 201: z.object({ id: z.string(), mensagem: z.string() }), 200: z.object({ id: z.string(), mensagem: z.string() }), ...erros },
      },
    },
    async (request, reply) => {
      const r = await credenciar(atos, request, request.body, decodificarDocumentos(request.body.documentos));
      return reply.code(r.novo ? 201 : 200).send({ id: r.id, mensagem: r.mensagem });
    },
  );

  app.get(
    '/:id/acompanhamento',
    {
      config: { publica: true, auditoria: { acao: 'credenciamento.acompanhar', recurso: 'credenciamento', dadosPessoais: true } },
      schema: {
        tags: ['credenciamento'],
        summary: 'O requerente acompanha o seu credenciamento (código do link recebido por e-mail)',
        params: z.object({ id: z.string() }),
        headers: acessoDoPedido,
        response: { 200: z.unknown(), ...erros },
      },
    },
    async (request) => {
      const h = await pedidoPeloAcesso(db, request.params.id, request.headers['x-acesso-pedido']);
      if (h.perfil !== PERFIL_CREDENCIAMENTO) throw naoEncontrado('Credenciamento');
      const eventos = await eventosDaHabilitacao(db, h.id);
      const pendencia = [...eventos].reverse().find((e) => e.tipo === 'pendencia');
      await request.auditar({ ator: requerente(h), recursoId: h.id, resumo: `Acompanhamento do credenciamento pelo requerente ${h.nome}` });
      return {
        ...resumo(h),
        documentos: h.documentos.map((d) => ({ tipo: d.tipo, nomeOriginal: d.nomeOriginal, sha256: d.sha256, enviadoEm: d.enviadoEm })),
        pendencias: h.fase === 'pendente' ? ((pendencia?.dados.pendencias as string[] | undefined) ?? []) : [],
        eventos: eventos.map((e) => ({ tipo: e.tipo, descricao: e.descricao, em: instante(e.em) })),
      };
    },
  );

  app.post(
    '/:id/reenvio',
    {
      bodyLimit: LIMITE_CORPO_COM_DOCUMENTOS,
      config: { publica: true, auditoria: { acao: 'credenciamento.reenviar', recurso: 'credenciamento' } },
      schema: {
        tags: ['credenciamento'],
        summary: 'O requerente responde às pendências com novos documentos; a análise recomeça a contar deste envio (art. 16, § 4º)',
        description: 'Uma nova procuração pode trazer outra validade (validaAte) e outros processos. Repetir com a mesma Idempotency-Key não repete o envio.',
        params: z.object({ id: z.string() }),
        headers: acessoDoPedido.extend(idempotencia.shape),
        body: reenvioCredenciamentoSchema,
        response: { 200: z.unknown(), ...erros, 503: erroSchema },
      },
    },
    async (request) => {
      const h = await pedidoPeloAcesso(db, request.params.id, request.headers['x-acesso-pedido']);
      if (h.perfil !== PERFIL_CREDENCIAMENTO) throw naoEncontrado('Credenciamento');
      return reenviarCredenciamento(atos, request, h, request.body, decodificarDocumentos(request.body.documentos), request.headers['idempotency-key']);
    },
  );

  app.get(
    '/',
    {
      prefixTrailingSlash: 'no-slash',
      config: { papeis: ['administrador', 'supervisor'], auditoria: { acao: 'credenciamento.listar', recurso: 'credenciamento', dadosPessoais: true } },
      schema: {
        tags: ['credenciamento'],
        summary: 'Credenciamentos de usuários externos (atrasados primeiro; CPF mascarado)',
        querystring: listaCredenciamentosQuery,
        response: { 200: z.object({ itens: z.array(credenciamentoResumoSchema), total: z.number(), pagina: z.number(), limite: z.number() }), ...erros },
      },
    },
    async (request) => {
      const ator = requireAtor(request);
      const q = request.query;
      const r = await listarHabilitacoes(db, { tudo: true }, ator.id, {
        perfil: PERFIL_CREDENCIAMENTO,
        situacao: q.situacao,
        atrasados: q.atrasados,
        limite: q.limite,
        deslocamento: (q.pagina - 1) * q.limite,
      });
      await request.auditar({ resumo: `Listagem de credenciamentos (${r.itens.length} de ${r.total})` });
      return { itens: r.itens.map(resumo), total: r.total, pagina: q.pagina, limite: q.limite };
    },
  );

  app.get(
    '/:id',
    {
      config: { papeis: ['administrador', 'supervisor'], auditoria: { acao: 'credenciamento.ler', recurso: 'credenciamento', dadosPessoais: true } },
      schema: {
        tags: ['credenciamento'],
        summary: 'Um credenciamento: documentos, termo aceito, representações criadas e histórico',
        params: z.object({ id: z.string() }),
        response: { 200: credenciamentoSchema, ...erros },
      },
    },
    async (request) => {
      const h = await credenciamento(db, request.params.id);
      const [eventos, representacoes] = await Promise.all([
        eventosDaHabilitacao(db, h.id),
        db.selectFrom('representacao').selectAll().where('habilitacao_id', '=', h.id).orderBy('inicio').execute(),
      ]);
      await request.auditar({ recursoId: h.id, resumo: `Leitura do credenciamento de ${h.nome} (${mascararCpf(h.cpf)})` });
      const agoraMs = (await agora()).getTime();
      return {
        ...resumo(h),
        cpf: h.cpf,
        email: h.email,
        telefone: h.telefone,
        documentos: h.documentos,
        termo: h.termo_aceito_em && h.termo_sha256 ? { aceitoEm: instante(h.termo_aceito_em), sha256: h.termo_sha256 } : null,
        representacoes: representacoes.map((x) => ({
          id: x.id,
          inicio: instante(x.inicio),
          fim: iso(x.fim),
          vigente: x.inicio.getTime() <= agoraMs && (!x.fim || x.fim.getTime() > agoraMs),
          processos: x.processos,
          motivoFim: x.motivo_fim,
        })),
        eventos: eventos.map((e) => ({ tipo: e.tipo, descricao: e.descricao, ator: e.ator_nome, em: instante(e.em), dados: e.dados })),
      };
    },
  );

  for (const nome of Object.keys(ACOES_CREDENCIAMENTO) as AcaoCredenciamento[]) {
    const def = ACOES_CREDENCIAMENTO[nome];
    app.post(
      `/:id/${nome}`,
      {
        config: { papeis: ['administrador'], auditoria: { acao: `credenciamento.${nome}`, recurso: 'credenciamento' } },
        schema: {
          tags: ['credenciamento'],
          summary: def.rotulo,
          description:
            'Cabe à administração do rito (IN SEI-MEC art. 16, § 2º: a liberação do cadastro, mediante conferência dos documentos, pela unidade de gestão). ' +
            'O resultado chega ao requerente por e-mail. Repetir com a mesma Idempotency-Key não repete a ação.',
          params: z.object({ id: z.string() }),
          headers: idempotencia,
          body: def.corpo,
          response: { 200: z.object({ acao: z.string(), fase: z.string(), mensagem: z.string() }), ...erros, 503: erroSchema },
        },
      },
      async (request) =>
        decidirCredenciamento(atos, request, await credenciamento(db, request.params.id), nome, (request.body ?? {}) as { pendencias?: string[]; motivo?: string }, request.headers['idempotency-key']),
    );
  }
};

export default credenciamentosRoutes;
