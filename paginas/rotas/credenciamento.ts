/**
 * The credenciamento of external users through the pages (seed 002, IN SEI-MEC
 * arts. 16–19), over the same bodies, rules and workflow as /v1/credenciamentos
 * (api/credenciamentos):
 *
 *   /credenciamento                       the external user registers himself: the terms of art. 17, his data, the
 *                                         institution, the procuração's validity and named processes, the documents
 *   /credenciamento/{id}#código           he follows it and answers a pendência with new documents (the 5 dias úteis
 *                                         restart); the code travels in the fragment and is posted, as in /habilitacao
 *   /administracao/credenciamentos        the administração's list, overdue analyses first
 *   /administracao/credenciamentos/{id}   one, with documents, representações, history and the decisions as forms
 *
 * Every act is the API's: same zod schemas (the forms are generated from them),
 * same service functions, same audit actions (credenciamento.*), the instant
 * of each act from the system's clock (deps.relogio), as the API's routes.
 */
import { credenciar, decidirCredenciamento, quemRepresenta, reenviarCredenciamento, resumo as resumoDaApi } from '../../api/credenciamentos/routes';
import { enviarArquivo } from '../../api/documentos/arquivos';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Ator } from '../../api/auth/ator';
import { ACOES_CREDENCIAMENTO, type AcaoCredenciamento, listaCredenciamentosQuery, preCadastroCredenciamentoSchema, reenvioCredenciamentoSchema } from '../../api/credenciamentos/schemas';
import { HttpError, invalido, naoEncontrado } from '../../api/errors';
import { agirNaHabilitacao, type ArquivoEnviado, guardarDocumentos, pedidoPeloAcesso, protocolarPreCadastro, termoDoPerfil } from '../../api/habilitacoes/service';
import { instante } from '../../api/instantes';
import { esquemaJson } from '../../api/ritos/disponiveis';
import { ArquivoNaoEncontrado } from '../../documentos/arquivos';
import { disposicao } from '../../api/documentos/disposicao';
import { eventosDaHabilitacao, type Habilitacao, listarHabilitacoes, obterHabilitacao } from '../../db/habilitacoes';
import { ATO_CONSTITUTIVO, dataBR, PERFIL_CREDENCIAMENTO, PROCURACAO, procuracaoVencida } from '../../rules/habilitacao/credenciamento';
import { LOCAL_DA_ADMINISTRACAO, PRAZO_ANALISE_HABILITACAO } from '../../rules/habilitacao/prazo';
import { formatarCnpj } from '../../rules/identificadores';
import { mascararCpf } from '../../rules/identificadores/cpf';
import { enviarFormulario } from '../envio';
import { type ArquivoPostado, lerFormulario } from '../formulario-http';
import { type Campo, campos, type Preenchimento, preenchimentoVazio, resolverRefs } from '../formularios';
import type { PaginasDeps } from '../plugin';
import { atorDoFormulario, exigirAtor } from '../sessao';
import { type Mensagem, renderizar } from '../visao';

const LEITORES = ['administrador', 'supervisor'] as const;
const DECIDEM = ['administrador'] as const;

const SCHEMA_PRE = preCadastroCredenciamentoSchema.omit({ documentos: true });
const ESQUEMA_PRE = resolverRefs(esquemaJson(SCHEMA_PRE));
const SCHEMA_REENVIO = reenvioCredenciamentoSchema.omit({ documentos: true });
const ESQUEMA_REENVIO = resolverRefs(esquemaJson(SCHEMA_REENVIO));
const ESQUEMAS_ACAO = Object.fromEntries(Object.entries(ACOES_CREDENCIAMENTO).map(([a, d]) => [a, resolverRefs(esquemaJson(d.corpo))])) as Record<AcaoCredenciamento, ReturnType<typeof resolverRefs>>;

/** The decisions each phase admits (the workflow's ADMITIDAS, in the routes' names); the workflow has the last word. */
const ACOES_POR_FASE: Record<string, AcaoCredenciamento[]> = {
  'em-analise': ['aprovar', 'apontar-pendencia', 'recusar'],
  pendente: ['aprovar', 'recusar'],
  habilitado: ['desativar'],
};

const ROTULO_SITUACAO: Record<string, string> = { pedido: 'Pedido', ativo: 'Credenciado', recusado: 'Recusado', desativado: 'Desativado', vencido: 'Encerrado (procuração vencida)' };
const ROTULO_FASE: Record<string, string> = {
  'em-analise': 'Em análise',
  pendente: 'Com pendência (aguarda o requerente)',
  habilitado: 'Credenciado',
  recusado: 'Recusado',
  desativado: 'Desativado (art. 19)',
  vencido: 'Encerrado pelo vencimento da procuração',
};
/**
 * The prazo of the analysis as the pages state it: for the credenciamento it is art. 16 itself, not the analogy
 * PRAZO_ANALISE_HABILITACAO.baseLegal names for the Sistema Presença (rules/habilitacao/prazo.ts).
 */
const PRAZO = { dias: PRAZO_ANALISE_HABILITACAO.dias, baseLegal: 'IN SEI-MEC (DOU 16/10/2025), art. 16, §§ 3º e 4º' };

const ROTULO_TIPO: Record<string, string> = { 'representante-legal': 'Representante legal', procurador: 'Procurador(a)' };

/** The documents the external user may send: the table's (ato constitutivo; procuração of a procurador) and any other. */
const DOCUMENTOS = [
  { codigo: ATO_CONSTITUTIVO.codigo, rotulo: ATO_CONSTITUTIVO.rotulo, ajuda: 'Exigido sempre. PDF, PNG ou JPEG.' },
  { codigo: PROCURACAO.codigo, rotulo: PROCURACAO.rotulo, ajuda: 'Exigida do procurador. PDF, PNG ou JPEG.' },
  { codigo: 'outro', rotulo: 'Outros documentos', ajuda: 'Opcional. PDF, PNG ou JPEG.' },
];

function camposDeDocumentos(prefixo: string, erros: Record<string, string>) {
  return DOCUMENTOS.map((d) => ({ nome: `documento.${d.codigo}`, id: `${prefixo}-documento-${d.codigo}`, rotulo: d.rotulo, ajuda: d.ajuda, erro: erros[`documento.${d.codigo}`] }));
}

const ROTULOS: Record<string, string> = {
  nome: 'Nome completo',
  cpf: 'CPF',
  email: 'E-mail',
  telefone: 'Telefone',
  instituicao: 'Instituição representada',
  'instituicao.cnpj': 'CNPJ da instituição',
  'instituicao.nome': 'Nome da instituição',
  tipo: 'Você representa a instituição como',
  validaAte: 'Procuração válida até (inclusive)',
  processos: 'Processos a que a procuração se limita (números SEI)',
  aceitaTermo: 'Li e aceito o termo acima',
  pendencias: 'Pendências (uma por linha)',
  motivo: 'Motivo',
};

function rotular(cs: Campo[]): Campo[] {
  return cs.map((c) => ({ ...c, rotulo: ROTULOS[c.nome] ?? c.rotulo, filhos: c.filhos ? rotular(c.filhos) : undefined }));
}

const arquivosDoFormulario = (arquivos: ArquivoPostado[]): ArquivoEnviado[] =>
  arquivos.filter((a) => a.campo.startsWith('documento.')).map((a) => ({ tipo: a.campo.slice('documento.'.length), nomeOriginal: a.filename, conteudo: a.conteudo }));

/** The service names fields as its data does (representacao.ate, documentos): the form's names, beside the fields. */
function nosCamposDoFormulario(err: unknown): never {
  if (err instanceof HttpError && err.campos?.length) {
    const campo = (c: { campo: string; mensagem: string }) => {
      if (c.campo === 'representacao.ate') return 'validaAte';
      if (c.campo === 'representacao.processos') return 'processos';
      if (c.campo.startsWith('documentos')) return c.mensagem.includes(PROCURACAO.rotulo) ? `documento.${PROCURACAO.codigo}` : c.mensagem.includes(ATO_CONSTITUTIVO.rotulo) ? `documento.${ATO_CONSTITUTIVO.codigo}` : 'documento.outro';
      return c.campo;
    };
    throw new HttpError(err.statusCode, err.codigo, err.message, err.campos.map((c) => ({ ...c, campo: campo(c) })));
  }
  throw err;
}

/** The external user acts before his account has a role: identified by his pedido (the e-mail's link proves the address). */
const requerente = (h: Habilitacao): Ator => ({ id: h.usuario_id, nome: h.nome, papeis: [], unidade: null, instituicoes: [], comissoes: [] });
/** What every page shows of a credenciamento: the API's view with the labels and dates a person reads (CPF masked unless `cpfInteiro`). */
function resumo(h: Habilitacao, cpfInteiro: boolean) {
  const r = h.representacao;
  return {
    ...resumoDaApi(h),
    cpf: cpfInteiro ? h.cpf : mascararCpf(h.cpf),
    instituicao: r ? { nome: r.instituicaoNome, cnpj: formatarCnpj(r.cnpj) } : null,
    tipoRotulo: r ? (ROTULO_TIPO[r.tipo] ?? r.tipo) : '',
    ate: r?.ate ? dataBR(r.ate) : null,
    processos: r?.processos ?? null,
    situacaoRotulo: ROTULO_SITUACAO[h.situacao] ?? h.situacao,
    faseRotulo: ROTULO_FASE[h.fase] ?? h.fase,
  };
}

async function credenciamentoPorId(deps: PaginasDeps, id: string): Promise<Habilitacao> {
  const h = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? await obterHabilitacao(deps.db, id) : undefined;
  if (!h || h.perfil !== PERFIL_CREDENCIAMENTO) throw naoEncontrado('Credenciamento');
  return h;
}

export default async function credenciamentoPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const { db } = deps;
  const arquivos = deps.arquivos!;
  /** The instant an act is received: the system's clock, as the API's routes (the time-skipping tests move it). */
  const agora = async () => new Date(Number(await (deps.relogio ?? Date.now)()));
  const atos = { db, temporal: deps.temporal, taskQueue: deps.taskQueue, arquivos, agora };
  const termo = termoDoPerfil(PERFIL_CREDENCIAMENTO);

  // ---- the external user's pré-cadastro ----

  const paginaPre = (request: FastifyRequest, reply: FastifyReply, p: Preenchimento, status = 200, mensagens: Mensagem[] = []) =>
    renderizar(
      request,
      reply,
      'credenciamento',
      {
        titulo: 'Credenciamento de usuário externo',
        enderecoDaPagina: '/credenciamento',
        migalhas: [{ rotulo: 'Credenciamento de usuário externo' }],
        mensagens,
        prazo: PRAZO,
        termo: { titulo: termo.titulo, linhas: termo.texto.split('\n'), baseLegal: termo.baseLegal, sha256: termo.sha256 },
        campos: rotular(campos(ESQUEMA_PRE, 'cred', p)),
        documentos: camposDeDocumentos('cred', p.erros),
      },
      status,
    );

  app.get('/credenciamento', { config: { publica: true }, schema: { hide: true } }, async (request, reply) => paginaPre(request, reply, preenchimentoVazio()));

  app.post('/credenciamento', { config: { publica: true }, schema: { hide: true } }, async (request, reply) => {
    const { valores, arquivos: postados } = await lerFormulario(request);
    const documentos = arquivosDoFormulario(postados);
    const envio = await enviarFormulario(SCHEMA_PRE, ESQUEMA_PRE, valores, async (b) => {
      if (!documentos.length) throw invalido([{ campo: 'documentos', mensagem: 'envie os documentos que comprovam a representação' }]);
      const r = await credenciar(atos, request, b, documentos).catch(nosCamposDoFormulario);
      return { id: r.id, mensagem: r.mensagem };
    });
    if (!envio.ok) return paginaPre(request, reply, { valores, erros: envio.erros, itens: {} }, envio.status, [{ tipo: 'danger', texto: envio.mensagem }]);
    return renderizar(request, reply, 'credenciamento-protocolado', {
      titulo: 'Credenciamento protocolado',
      migalhas: [{ rotulo: 'Credenciamento de usuário externo', href: '/credenciamento' }, { rotulo: 'Protocolado' }],
      mensagens: [{ tipo: 'success', texto: envio.resultado.mensagem }],
      protocolo: envio.resultado.id,
      prazo: PRAZO,
    });
  });

  // ---- his follow-up, by the e-mail's link ----

  const paginaAcompanhamento = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    codigo: string | null,
    o: { mensagens?: Mensagem[]; status?: number; reenvio?: Preenchimento } = {},
  ) => {
    const base = { titulo: 'Acompanhar credenciamento', migalhas: [{ rotulo: 'Acompanhar credenciamento' }], id, mensagens: o.mensagens ?? [] };
    if (!codigo) return renderizar(request, reply, 'credenciamento-acompanhamento', base, o.status ?? 200);
    const h = await pedidoPeloAcesso(db, id, codigo);
    if (h.perfil !== PERFIL_CREDENCIAMENTO) throw naoEncontrado('Credenciamento');
    const eventos = await eventosDaHabilitacao(db, h.id);
    const pendencia = [...eventos].reverse().find((e) => e.tipo === 'pendencia');
    const reenvio = o.reenvio ?? preenchimentoVazio();
    return renderizar(
      request,
      reply,
      'credenciamento-acompanhamento',
      {
        ...base,
        codigo,
        pedido: resumo(h, false),
        pendencias: h.fase === 'pendente' ? ((pendencia?.dados.pendencias as string[] | undefined) ?? []) : [],
        documentos: h.documentos,
        eventos: eventos.map((e) => ({ descricao: e.descricao, em: instante(e.em) })),
        camposReenvio: rotular(campos(ESQUEMA_REENVIO, 'reenvio', reenvio)),
        documentosReenvio: camposDeDocumentos('reenvio', reenvio.erros),
        prazo: PRAZO,
        chave: randomUUID(),
      },
      o.status ?? 200,
    );
  };

  app.get('/credenciamento/:id', { config: { publica: true }, schema: { hide: true } }, async (request, reply) =>
    paginaAcompanhamento(request, reply, (request.params as { id: string }).id, null),
  );

  app.post(
    '/credenciamento/:id',
    { config: { publica: true, auditoria: { acao: 'credenciamento.acompanhar', recurso: 'credenciamento', dadosPessoais: true } }, schema: { hide: true } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { valores, arquivos: postados } = await lerFormulario(request);
      const codigo = valores.token ?? '';
      if (codigo.length < 20) return paginaAcompanhamento(request, reply, id, null, { mensagens: [{ tipo: 'danger', texto: 'Informe o código do link recebido por e-mail.' }], status: 400 });
      const h = await pedidoPeloAcesso(db, id, codigo);
      if (h.perfil !== PERFIL_CREDENCIAMENTO) throw naoEncontrado('Credenciamento');
      await request.auditar({ ator: requerente(h), recursoId: h.id, resumo: `Acompanhamento do credenciamento pelo requerente ${h.nome}` });
      if (!valores._reenviar) return paginaAcompanhamento(request, reply, id, codigo);

      const documentos = arquivosDoFormulario(postados);
      const envio = await enviarFormulario(SCHEMA_REENVIO, ESQUEMA_REENVIO, valores, async (b) => {
        if (!documentos.length) throw invalido([{ campo: 'documento.outro', mensagem: 'envie ao menos um documento' }]);
        return reenviarCredenciamento(atos, request, h, b, documentos, valores._chave || randomUUID()).catch(nosCamposDoFormulario);
      });
      if (!envio.ok) {
        return paginaAcompanhamento(request, reply, id, codigo, { mensagens: [{ tipo: 'danger', texto: envio.mensagem }], status: envio.status, reenvio: { valores, erros: envio.erros, itens: {} } });
      }
      // The workflow records the new analysis (phase and limit) in the read model just after answering the update:
      // wait for it a few seconds, so that the page he gets shows the limit counted from this sending.
      for (let i = 0; i < 40; i++) {
        const lido = await obterHabilitacao(db, h.id);
        if (!lido || lido.fase !== 'pendente' || lido.prazo_analise) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      return paginaAcompanhamento(request, reply, id, codigo, { mensagens: [{ tipo: 'success', texto: envio.resultado.mensagem }] });
    },
  );

  // ---- the administração ----

  app.get(
    '/administracao/credenciamentos',
    { config: { auditoria: { acao: 'pagina.credenciamentos.ler', recurso: 'credenciamento', dadosPessoais: true } }, schema: { hide: true } },
    async (request, reply) => {
      const ator = exigirAtor(request, LEITORES);
      const q = listaCredenciamentosQuery.safeParse(request.query);
      const filtro = q.success ? q.data : listaCredenciamentosQuery.parse({});
      const r = await listarHabilitacoes(db, { tudo: true }, ator.id, {
        perfil: PERFIL_CREDENCIAMENTO,
        situacao: filtro.situacao,
        atrasados: filtro.atrasados,
        limite: filtro.limite,
        deslocamento: (filtro.pagina - 1) * filtro.limite,
      });
      const linhas = r.itens.map((h) => resumo(h, false));
      return renderizar(request, reply, 'credenciamentos', {
        titulo: 'Credenciamentos de usuários externos',
        migalhas: [{ rotulo: 'Administração', href: '/administracao' }, { rotulo: 'Credenciamentos' }],
        busca: true,
        linhas,
        total: r.total,
        prazo: PRAZO,
        filtro: { atrasados: filtro.atrasados },
        situacoes: Object.entries(ROTULO_SITUACAO).map(([valor, rotulo]) => ({ valor, rotulo, selecionada: filtro.situacao === valor })),
        atrasados: linhas.filter((l) => l.atrasado).length,
      });
    },
  );

  const paginaCredenciamento = async (request: FastifyRequest, reply: FastifyReply, id: string, mensagens: Mensagem[] = [], erros: Partial<Record<AcaoCredenciamento, Record<string, string>>> = {}, status = 200) => {
    const ator = request.ator!;
    const h = await credenciamentoPorId(deps, id);
    const [eventos, representacoes] = await Promise.all([
      eventosDaHabilitacao(db, h.id),
      db.selectFrom('representacao').selectAll().where('habilitacao_id', '=', h.id).orderBy('inicio').execute(),
    ]);
    const agoraMs = (await agora()).getTime();
    const decide = ator.papeis.includes('administrador');
    const acoes = (decide ? (ACOES_POR_FASE[h.fase] ?? []) : []).map((acao) => ({
      acao,
      rotulo: ACOES_CREDENCIAMENTO[acao].rotulo,
      campos: rotular(campos(ESQUEMAS_ACAO[acao], `acao-${acao}`, { valores: {}, erros: erros[acao] ?? {}, itens: {} })),
      chave: randomUUID(),
      perigo: acao === 'recusar' || acao === 'desativar',
    }));
    return renderizar(
      request,
      reply,
      'credenciamento-detalhe',
      {
        titulo: `Credenciamento: ${h.nome}`,
        migalhas: [{ rotulo: 'Administração', href: '/administracao' }, { rotulo: 'Credenciamentos', href: '/administracao/credenciamentos' }, { rotulo: h.nome }],
        mensagens,
        h: {
          ...resumo(h, true),
          email: h.email,
          telefone: h.telefone,
          // Stored in UTC (toISOString): shown in Brasília time as every instant of the pages.
          documentos: h.documentos.map((d) => ({ ...d, enviadoEm: instante(new Date(d.enviadoEm)) })),
          termo: h.termo_aceito_em && h.termo_sha256 ? { aceitoEm: instante(h.termo_aceito_em), sha256: h.termo_sha256 } : null,
          eventos: eventos.map((e) => ({ descricao: e.descricao, ator: e.ator_nome, em: instante(e.em) })),
        },
        representacoes: representacoes.map((x) => ({
          inicio: instante(x.inicio),
          fim: x.fim ? instante(x.fim) : null,
          vigente: x.inicio.getTime() <= agoraMs && (!x.fim || x.fim.getTime() > agoraMs),
          processos: x.processos,
          motivoFim: x.motivo_fim,
        })),
        acoes,
      },
      status,
    );
  };

  app.get(
    '/administracao/credenciamentos/:id',
    { config: { auditoria: { acao: 'pagina.credenciamento.ler', recurso: 'credenciamento', dadosPessoais: true } }, schema: { hide: true } },
    async (request, reply) => {
      exigirAtor(request, LEITORES);
      return paginaCredenciamento(request, reply, (request.params as { id: string }).id);
    },
  );

  app.get(
    '/administracao/credenciamentos/:id/documentos/:arquivoId',
    { config: { auditoria: { acao: 'credenciamento.documento.ler', recurso: 'credenciamento', dadosPessoais: true } }, schema: { hide: true } },
    async (request, reply) => {
      exigirAtor(request, LEITORES);
      const { id, arquivoId } = request.params as { id: string; arquivoId: string };
      const h = await credenciamentoPorId(deps, id);
      const doc = h.documentos.find((d) => d.arquivoId === arquivoId);
      if (!doc) throw naoEncontrado('Documento');
      let arquivo: Awaited<ReturnType<typeof arquivos.abrirArquivo>>;
      try {
        arquivo = await arquivos.abrirArquivo(doc.arquivoId);
      } catch (err) {
        if (err instanceof ArquivoNaoEncontrado) throw naoEncontrado('Documento');
        throw err;
      }
      await request.auditar({ recursoId: h.id, resumo: `Leitura do documento "${arquivo.nomeOriginal}" do credenciamento de ${h.nome}`, dados: { arquivoId: arquivo.id, sha256: arquivo.sha256, tipo: doc.tipo } });
      return enviarArquivo(reply, arquivo);
    },
  );

  app.post('/administracao/credenciamentos/:id/:acao', { schema: { hide: true } }, async (request, reply) => {
    const { id, acao } = request.params as { id: string; acao: string };
    const { valores } = await lerFormulario(request);
    const ator = await atorDoFormulario(request, deps.autenticador, valores._csrf, DECIDEM);
    if (!(acao in ACOES_CREDENCIAMENTO)) throw naoEncontrado('Ação');
    const a = acao as AcaoCredenciamento;
    const def = ACOES_CREDENCIAMENTO[a];
    const h = await credenciamentoPorId(deps, id);
    const envio = await enviarFormulario(def.corpo, ESQUEMAS_ACAO[a], valores, async (dados) => {
      return decidirCredenciamento(atos, request, h, a, (dados ?? {}) as { pendencias?: string[]; motivo?: string }, valores._chave || randomUUID());
    });
    if (!envio.ok) return paginaCredenciamento(request, reply, id, [{ tipo: 'danger', texto: envio.mensagem }], { [a]: envio.erros }, envio.status);
    return paginaCredenciamento(request, reply, id, [{ tipo: 'success', texto: envio.resultado.mensagem }]);
  });
}
