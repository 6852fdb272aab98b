/**
 * The Sistema Presença profiles over HTTP (/v1/habilitacoes; seed 000):
 *
 *   GET  /perfis                 the table of profiles: who enables each, documents, Termo, prazo (public)
 *   POST /                       pré-cadastro (public; the requester's documents in base64)
 *   GET  /{id}/acompanhamento    the requester follows his pedido with the secret of his e-mail's link
 *   POST /{id}/reenvio           … and answers a pendência with new documents (the analysis restarts)
 *   GET  /                       pedidos and profiles in the caller's scope, overdue first
 *   GET  /{id}                   one, with its documents and history (audited read of personal data)
 *   GET  /{id}/documentos/{arquivoId}  a document the pedido carries (audited read), for whoever sees the pedido
 *   POST /{id}/{acao}            habilitar, apontar-pendencia, recusar, excluir: the level that enables
 *
 * Scope (rules/habilitacao/escopo.ts): MEC sees every UF; a state coordination its
 * UF; a municipal one its município; a pedido outside scope is a 404.
 */
import { enviarArquivo } from '../documentos/arquivos';
import { idempotencia } from '../schemas';
import { acessoDoPedido, decodificarDocumentos, LIMITE_CORPO_COM_DOCUMENTOS, requerente } from './requerente';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashAcesso } from '../../activities/habilitacao';
import type { Db } from '../../db/connect';
import { eventosDaHabilitacao, type Habilitacao, listarHabilitacoes, obterHabilitacao, perfisAtivosDe } from '../../db/habilitacoes';
import { ArquivoNaoEncontrado, criarArmazenamentoArquivos, type ArmazenamentoArquivos } from '../../documentos/arquivos';
import { disposicao } from '../documentos/disposicao';
import { podeDecidir, podeVerPedido, type QuemAge, visaoDe } from '../../rules/habilitacao/escopo';
import { DEFINICOES_PERFIL, isPerfilPresenca, PERFIS_PRESENCA, type PerfilPresenca } from '../../rules/habilitacao/perfis';
import { PRAZO_ANALISE_HABILITACAO } from '../../rules/habilitacao/prazo';
import { mascararCpf } from '../../rules/identificadores/cpf';
import { type Ator, type Papel, PAPEIS_POR_HABILITACAO } from '../auth/ator';
import type { ApiDeps } from '../deps';
import { erroSchema, HttpError, naoEncontrado } from '../errors';
import { instante } from '../instantes';
import { requireAtor } from '../plugins/autenticacao';
import { acaoBodies, type AcaoDecisao, habilitacaoResumoSchema, habilitacaoSchema, listaQuery, preCadastroSchema, reenvioSchema, ROTULO_ACAO } from './schemas';
import { agirNaHabilitacao, type ArquivoEnviado, type DadosPreCadastro, guardarDocumentos, protocolarPreCadastro } from './service';
import { TERMO_DE_RESPONSABILIDADE } from './termo';
import oficiosSgpRoutes from './oficios-sgp';

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema, 409: erroSchema };
/** Who reads and decides pedidos: MEC, the Presença levels, and the auditing roles. */
export const PAPEIS_PRESENCA: Papel[] = ['mec', ...PAPEIS_POR_HABILITACAO, 'administrador', 'supervisor'];



const iso = (d: Date | null) => (d ? instante(d) : null);
const rotuloPerfil = (p: string) => (isPerfilPresenca(p) ? DEFINICOES_PERFIL[p].rotulo : p);

export async function quemAge(db: Db, request: FastifyRequest): Promise<QuemAge & { id: string }> {
  const ator = requireAtor(request);
  return { id: ator.id, papeis: ator.papeis, perfis: await perfisAtivosDe(db, ator.id) };
}

const noLugar = (h: Habilitacao) => ({ perfil: h.perfil as PerfilPresenca, uf: h.uf, municipio: h.municipio, usuarioId: h.usuario_id });

export function resumoHabilitacao(h: Habilitacao, cpfInteiro: boolean) {
  return {
    id: h.id,
    perfil: h.perfil,
    perfilRotulo: rotuloPerfil(h.perfil),
    nome: h.nome,
    cpf: cpfInteiro ? h.cpf : mascararCpf(h.cpf),
    uf: h.uf,
    municipio: h.municipio,
    codigoInep: h.codigo_inep,
    situacao: h.situacao,
    fase: h.fase,
    habilitador: h.habilitador,
    protocoladoEm: instante(h.protocolado_em),
    prazoAnalise: iso(h.prazo_analise),
    atrasado: h.atrasado,
    habilitadoPor: h.habilitado_por_nome,
    habilitadoEm: iso(h.habilitado_em),
    encerradoEm: iso(h.encerrado_em),
    motivoEncerramento: h.motivo_encerramento,
  };
}

/** The decisions `quem` may take on `h` now (the workflow has the last word). */
export function acoesPossiveis(quem: QuemAge, h: Habilitacao): AcaoDecisao[] {
  if (!isPerfilPresenca(h.perfil) || !podeDecidir(quem, noLugar(h))) return [];
  if (h.fase === 'em-analise') return ['habilitar', 'apontar-pendencia', 'recusar'];
  if (h.fase === 'pendente') return ['habilitar', 'recusar'];
  if (h.fase === 'habilitado') return ['excluir'];
  return [];
}

/** One pedido in the caller's scope (404 outside it, as for processes). */
export async function habilitacaoNoEscopo(db: Db, quem: QuemAge & { id: string }, id: string): Promise<Habilitacao> {
  const h = z.uuid().safeParse(id).success ? await obterHabilitacao(db, id) : undefined;
  if (!h || !isPerfilPresenca(h.perfil) || !podeVerPedido(quem, noLugar(h))) throw naoEncontrado('Pedido de habilitação');
  return h;
}

export async function habilitacaoCompleta(db: Db, quem: QuemAge, h: Habilitacao) {
  const eventos = await eventosDaHabilitacao(db, h.id);
  const decide = isPerfilPresenca(h.perfil) && podeDecidir(quem, noLugar(h));
  return {
    ...resumoHabilitacao(h, decide),
    email: h.email,
    telefone: h.telefone,
    cargo: h.cargo,
    documentos: h.documentos,
    termo: h.termo_aceito_em && h.termo_sha256 ? { aceitoEm: instante(h.termo_aceito_em), sha256: h.termo_sha256 } : null,
    substituidoPor: h.substituido_por,
    eventos: eventos.map((e) => ({ tipo: e.tipo, descricao: e.descricao, ator: e.ator_nome, em: instante(e.em), dados: e.dados })),
    acoes: acoesPossiveis(quem, h).map((acao) => ({ acao, rotulo: ROTULO_ACAO[acao], url: `/v1/habilitacoes/${h.id}/${acao}` })),
  };
}

/** The pedido whose follow-up secret the requester presents; 404 for any mismatch (nothing tells which). */
export async function pedidoPeloAcesso(db: Db, id: string, segredo: string): Promise<Habilitacao> {
  const h = z.uuid().safeParse(id).success ? await obterHabilitacao(db, id) : undefined;
  const esperado = h?.acesso_hash ? Buffer.from(h.acesso_hash, 'hex') : Buffer.alloc(32);
  const dado = Buffer.from(hashAcesso(segredo), 'hex');
  const confere = timingSafeEqual(esperado, dado);
  if (!h || !confere || !h.acesso_expira_em || h.acesso_expira_em.getTime() < Date.now()) {
    throw naoEncontrado('Pedido de habilitação (o link pode ter expirado ou sido substituído por um mais recente)');
  }
  return h;
}


/** Decides a pedido as the request's actor: scope, the level's power, the workflow's update, the audit entry. */
export async function decidirHabilitacao(
  deps: { db: Db; temporal: ApiDeps['temporal'] },
  request: FastifyRequest,
  id: string,
  acao: AcaoDecisao,
  dados: { pendencias?: string[]; motivo?: string },
  chaveCliente: string,
) {
  const ator = requireAtor(request);
  const quem = await quemAge(deps.db, request);
  const h = await habilitacaoNoEscopo(deps.db, quem, id);
  if (!podeDecidir(quem, noLugar(h))) {
    const def = DEFINICOES_PERFIL[h.perfil as PerfilPresenca];
    throw new HttpError(403, 'sem-permissao', `Quem decide o pedido de ${def.rotulo} é: ${rotuloHabilitador(def.habilitadoPor)}${def.habilitadoPor === 'mec' ? '' : ' do lugar do pedido'}.`);
  }
  const chave = `${ator.id}:${chaveCliente}`;
  const em = new Date().toISOString();
  const r = await agirNaHabilitacao(deps.temporal, id, { acao, ator: { id: ator.id, nome: ator.nome }, em, chave, ...dados });
  await request.auditar({
    acao: `habilitacao.${acao}`,
    recurso: 'habilitacao',
    recursoId: id,
    resumo: `${ROTULO_ACAO[acao]}: ${rotuloPerfil(h.perfil)} ${h.nome} (${mascararCpf(h.cpf)})${r.substituiu ? `, em substituição ao perfil ${r.substituiu}` : ''}`,
    dados: { acao, chave, ...dados, fase: r.fase, substituiu: r.substituiu },
    chaveIdempotencia: chave,
  });
  return r;
}

export const rotuloHabilitador = (h: string) => (h === 'mec' ? 'o MEC (SEB/DARE/CGAR)' : h === 'coordenador-estadual' ? 'a Coordenação Estadual' : 'a Coordenação Municipal');

/** The table of profiles as the pages and clients need it. */
export function tabelaDePerfis() {
  return {
    perfis: PERFIS_PRESENCA.map((p) => {
      const d = DEFINICOES_PERFIL[p];
      return {
        perfil: p,
        rotulo: d.rotulo,
        habilitadoPor: d.habilitadoPor,
        habilitadoPorRotulo: rotuloHabilitador(d.habilitadoPor),
        abrangencia: d.abrangencia,
        unicoPorLugar: d.unicoPorLugar,
        termoDeResponsabilidade: d.termoDeResponsabilidade,
        documentos: d.documentos.map((x) => ({ codigo: x.codigo, rotulo: x.rotulo })),
        baseLegal: d.baseLegal,
        fonte: d.fonte,
      };
    }),
    prazoAnalise: PRAZO_ANALISE_HABILITACAO,
    termo: TERMO_DE_RESPONSABILIDADE,
  };
}

/** A pré-cadastro protocolado and audited as its requerente's act: the one path of the API and of the pages. */
export async function preCadastrar(deps: Pick<ApiDeps, 'db' | 'temporal' | 'taskQueue'> & { arquivos: ArmazenamentoArquivos }, request: FastifyRequest, d: DadosPreCadastro) {
  const r = await protocolarPreCadastro(deps, d, new Date());
  const h = (await obterHabilitacao(deps.db, r.id))!;
  await request.auditar({
    acao: 'habilitacao.protocolar',
    recurso: 'habilitacao',
    ator: requerente(h),
    recursoId: r.id,
    resumo: `Pré-cadastro de ${rotuloPerfil(h.perfil)}: ${h.nome} (${mascararCpf(h.cpf)})${r.novo ? '' : ' — repetição do pedido já protocolado'}`,
    dados: { perfil: h.perfil, uf: h.uf, municipio: h.municipio, codigoInep: h.codigo_inep, documentos: h.documentos.map((x) => x.sha256) },
    repeticao: !r.novo,
  });
  return { ...r, mensagem: `Pedido protocolado. Enviamos ao e-mail ${h.email} o link para acompanhá-lo.` };
}

/** The requerente's answer to a pendência: the files stored, the workflow told (the analysis restarts), the act audited. */
export async function reenviarDocumentos(
  deps: Pick<ApiDeps, 'temporal'> & { arquivos: ArmazenamentoArquivos },
  request: FastifyRequest,
  h: Habilitacao,
  docs: ArquivoEnviado[],
  chaveCliente: string,
) {
  const em = new Date().toISOString();
  const documentos = await guardarDocumentos(deps.arquivos, h.usuario_id, docs, em);
  const chave = `${h.usuario_id}:${chaveCliente}`;
  const r = await agirNaHabilitacao(deps.temporal, h.id, { acao: 'reenviar', ator: { id: h.usuario_id, nome: h.nome }, em, chave, documentos });
  await request.auditar({
    acao: 'habilitacao.reenviar',
    recurso: 'habilitacao',
    ator: requerente(h),
    recursoId: h.id,
    resumo: `Reenvio de documentos do pedido de ${rotuloPerfil(h.perfil)}: ${h.nome}`,
    dados: { documentos: documentos.map((x) => x.sha256), chave },
    chaveIdempotencia: chave,
  });
  return r;
}

const habilitacoesRoutes: FastifyPluginAsyncZod<ApiDeps & { arquivos?: ArmazenamentoArquivos }> = async (app, deps) => {
  const { db } = deps;
  const arquivos = deps.arquivos ?? criarArmazenamentoArquivos({ db });
  await app.register(oficiosSgpRoutes, { db });

  app.get(
    '/perfis',
    {
      config: { publica: true, auditoria: { dadosPessoais: false } },
      schema: { tags: ['presenca'], summary: 'Tabela de perfis do Sistema Presença: quem habilita, documentos, Termo e prazo de análise', response: { 200: z.unknown() } },
    },
    async () => tabelaDePerfis(),
  );

  app.post(
    '',
    {
      bodyLimit: LIMITE_CORPO_COM_DOCUMENTOS,
      config: { publica: true, auditoria: { acao: 'habilitacao.protocolar', recurso: 'habilitacao' } },
      schema: {
        tags: ['presenca'],
        summary: 'Pré-cadastro de um perfil do Sistema Presença',
        description:
          'Protocola o pedido e envia ao e-mail informado o link para acompanhá-lo. Quem habilita decide em até ' +
          `${PRAZO_ANALISE_HABILITACAO.dias} dias úteis (${PRAZO_ANALISE_HABILITACAO.baseLegal}). O mesmo pedido reenviado devolve o já protocolado (200).`,
        body: preCadastroSchema,
        response: { 201: z.object({ id: z.string(), mensagem: z.string() }), 200: z.object({ id: z.string(), mensagem: z.string() }), ...erros },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const r = await preCadastrar({ ...deps, arquivos }, request, { ...b, documentos: decodificarDocumentos(b.documentos) });
      return reply.code(r.novo ? 201 : 200).send({ id: r.id, mensagem: r.mensagem });
    },
  );

  app.get(
    '/:id/acompanhamento',
    {
      config: { publica: true, auditoria: { acao: 'habilitacao.acompanhar', recurso: 'habilitacao', dadosPessoais: true } },
      schema: { tags: ['presenca'], summary: 'O requerente acompanha o seu pedido (código do link recebido por e-mail)', params: z.object({ id: z.string() }), headers: acessoDoPedido, response: { 200: z.unknown(), ...erros } },
    },
    async (request) => {
      const h = await pedidoPeloAcesso(db, request.params.id, request.headers['x-acesso-pedido']);
      const eventos = await eventosDaHabilitacao(db, h.id);
      const pendencia = [...eventos].reverse().find((e) => e.tipo === 'pendencia');
      // The requerente reads his own pedido: the read is his, by the link's secret.
      await request.auditar({ ator: requerente(h), recursoId: h.id, resumo: `Acompanhamento do pedido de ${rotuloPerfil(h.perfil)} pelo requerente ${h.nome}` });
      return {
        ...resumoHabilitacao(h, false),
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
      config: { publica: true, auditoria: { acao: 'habilitacao.reenviar', recurso: 'habilitacao' } },
      schema: {
        tags: ['presenca'],
        summary: 'O requerente responde às pendências com novos documentos; a análise recomeça a contar deste envio',
        params: z.object({ id: z.string() }),
        headers: acessoDoPedido.extend(idempotencia.shape),
        body: reenvioSchema,
        response: { 200: z.unknown(), ...erros },
      },
    },
    async (request) => {
      const h = await pedidoPeloAcesso(db, request.params.id, request.headers['x-acesso-pedido']);
      return reenviarDocumentos({ ...deps, arquivos }, request, h, decodificarDocumentos(request.body.documentos), request.headers['idempotency-key']);
    },
  );

  app.get(
    '',
    {
      config: { papeis: PAPEIS_PRESENCA, auditoria: { acao: 'habilitacao.listar', recurso: 'habilitacao', dadosPessoais: true } },
      schema: {
        tags: ['presenca'],
        summary: 'Pedidos e perfis no escopo de quem consulta (atrasados primeiro)',
        description: 'Os pedidos cujo prazo de análise venceu sem decisão (`atrasado`) aparecem também ao nível acima de quem os deve decidir. CPF mascarado.',
        querystring: listaQuery,
        response: { 200: z.object({ itens: z.array(habilitacaoResumoSchema), total: z.number(), pagina: z.number(), limite: z.number() }), ...erros },
      },
    },
    async (request) => {
      const q = request.query;
      const quem = await quemAge(db, request);
      const r = await listarHabilitacoes(db, visaoDe(quem), quem.id, { ...q, deslocamento: (q.pagina - 1) * q.limite });
      return { itens: r.itens.map((h) => resumoHabilitacao(h, false)), total: r.total, pagina: q.pagina, limite: q.limite };
    },
  );

  app.get(
    '/:id',
    {
      config: { papeis: PAPEIS_PRESENCA, auditoria: { acao: 'habilitacao.ler', recurso: 'habilitacao', dadosPessoais: true } },
      schema: { tags: ['presenca'], summary: 'Um pedido ou perfil: quem habilitou, quando, com quais documentos, e o histórico', params: z.object({ id: z.string() }), response: { 200: habilitacaoSchema, ...erros } },
    },
    async (request) => {
      const quem = await quemAge(db, request);
      return habilitacaoCompleta(db, quem, await habilitacaoNoEscopo(db, quem, request.params.id));
    },
  );

  app.get(
    '/:id/documentos/:arquivoId',
    {
      config: { papeis: PAPEIS_PRESENCA, auditoria: { acao: 'habilitacao.documento.ler', recurso: 'habilitacao', dadosPessoais: true } },
      schema: {
        tags: ['presenca'],
        summary: 'Um documento do pedido (PDF, PNG ou JPEG), para quem vê o pedido',
        description: 'Cada nível guarda os documentos que comprovam os perfis sob sua responsabilidade (Guia do Sistema Presença, "Atenção!"). Leitura auditada.',
        params: z.object({ id: z.string(), arquivoId: z.string() }),
        response: erros,
      },
    },
    async (request, reply) => {
      const quem = await quemAge(db, request);
      const h = await habilitacaoNoEscopo(db, quem, request.params.id);
      const doc = h.documentos.find((d) => d.arquivoId === request.params.arquivoId);
      if (!doc) throw naoEncontrado('Documento');
      let arquivo: Awaited<ReturnType<ArmazenamentoArquivos['abrirArquivo']>>;
      try {
        arquivo = await arquivos.abrirArquivo(doc.arquivoId);
      } catch (err) {
        if (err instanceof ArquivoNaoEncontrado) throw naoEncontrado('Documento');
        throw err;
      }
      await request.auditar({
        recursoId: h.id,
        resumo: `Leitura do documento "${arquivo.nomeOriginal}" do pedido de ${rotuloPerfil(h.perfil)} ${h.nome}`,
        dados: { arquivoId: arquivo.id, sha256: arquivo.sha256, tipo: doc.tipo },
      });
      return enviarArquivo(reply, arquivo);
    },
  );

  for (const acao of Object.keys(acaoBodies) as AcaoDecisao[]) {
    app.post(
      `/:id/${acao}`,
      {
        config: { papeis: PAPEIS_PRESENCA, auditoria: { acao: `habilitacao.${acao}`, recurso: 'habilitacao' } },
        schema: {
          tags: ['presenca'],
          summary: ROTULO_ACAO[acao],
          description: 'Cabe ao nível que habilita o perfil (MEC, Coordenação Estadual da UF ou Municipal do município). Repetir com a mesma Idempotency-Key não repete a ação.',
          params: z.object({ id: z.string() }),
          headers: idempotencia,
          body: acaoBodies[acao],
          response: { 200: z.object({ acao: z.string(), fase: z.string(), mensagem: z.string(), substituiu: z.string().nullable() }), ...erros, 503: erroSchema },
        },
      },
      async (request) => decidirHabilitacao(deps, request, request.params.id, acao, request.body as { pendencias?: string[]; motivo?: string }, request.headers['idempotency-key']),
    );
  }
};

export default habilitacoesRoutes;
