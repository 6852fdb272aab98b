/**
 * The Sistema Presença's pages (seed 000), over the same functions as
 * /v1/habilitacoes (api/habilitacoes/routes.ts):
 *
 *   /presenca/pre-cadastro        anyone asks for a profile (form from the API's schema; documents per the table of profiles)
 *   /habilitacao/{id}#código      the requerente follows his pedido and answers a pendência (the code never reaches a server log:
 *                                 it travels in the fragment and is posted in the form, as the password link)
 *   /presenca                     pedidos and profiles in the caller's scope, overdue first
 *   /presenca/{id}                one, with its documents and history, and the decisions the caller may take now
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { HttpError } from '../../api/errors';
import {
  acoesPossiveis,
  decidirHabilitacao,
  habilitacaoCompleta,
  habilitacaoNoEscopo,
  PAPEIS_PRESENCA,
  pedidoPeloAcesso,
  preCadastrar,
  quemAge,
  reenviarDocumentos,
  resumoHabilitacao,
  rotuloHabilitador,
  tabelaDePerfis,
} from '../../api/habilitacoes/routes';
import { acaoBodies, type AcaoDecisao, listaQuery, preCadastroSchema, ROTULO_ACAO } from '../../api/habilitacoes/schemas';
import type { ArquivoEnviado } from '../../api/habilitacoes/service';
import { esquemaJson } from '../../api/ritos/disponiveis';
import { eventosDaHabilitacao, listarHabilitacoes } from '../../db/habilitacoes';
import { visaoDe } from '../../rules/habilitacao/escopo';
import { DEFINICOES_PERFIL, PERFIS_PRESENCA } from '../../rules/habilitacao/perfis';
import { enviarFormulario } from '../envio';
import { type ArquivoPostado, lerFormulario } from '../formulario-http';
import { type Campo, campos, type Preenchimento, preenchimentoVazio, resolverRefs } from '../formularios';
import type { PaginasDeps } from '../plugin';
import { atorDoFormulario, exigirAtor } from '../sessao';
import { type Mensagem, renderizar } from '../visao';

const ESQUEMA_PRE = resolverRefs(esquemaJson(preCadastroSchema.omit({ documentos: true })));
const ESQUEMAS_ACAO = Object.fromEntries(Object.entries(acaoBodies).map(([a, s]) => [a, resolverRefs(esquemaJson(s))])) as Record<AcaoDecisao, ReturnType<typeof resolverRefs>>;

const ROTULO_SITUACAO: Record<string, string> = { pedido: 'Pedido', ativo: 'Ativo', substituido: 'Substituído', excluido: 'Excluído', recusado: 'Recusado' };
const ROTULO_FASE: Record<string, string> = {
  'em-analise': 'Em análise',
  pendente: 'Com pendência (aguarda o requerente)',
  habilitado: 'Habilitado',
  recusado: 'Recusado',
  substituido: 'Substituído',
  excluido: 'Excluído',
};

/** Every document code any profile asks for, plus "outro": one file field each. */
function camposDeDocumentos(erros: Record<string, string>) {
  const tabela = tabelaDePerfis();
  const codigos = new Map<string, { rotulo: string; perfis: string[] }>();
  for (const p of tabela.perfis) {
    for (const d of p.documentos) {
      const c = codigos.get(d.codigo) ?? { rotulo: d.rotulo, perfis: [] };
      c.perfis.push(p.rotulo);
      codigos.set(d.codigo, c);
    }
  }
  codigos.set('outro', { rotulo: 'Outros documentos', perfis: [] });
  return [...codigos].map(([codigo, c]) => ({
    nome: `documento.${codigo}`,
    id: `pre-documento-${codigo}`,
    rotulo: c.rotulo,
    ajuda: c.perfis.length ? `Exigido para: ${c.perfis.join(', ')}. PDF, PNG ou JPEG.` : 'Opcional. PDF, PNG ou JPEG.',
    erro: erros[`documento.${codigo}`],
  }));
}

/** The generated fields, with the choices and words of the Sistema Presença. */
function camposDoPreCadastro(p: Preenchimento): Campo[] {
  return campos(ESQUEMA_PRE, 'pre', p).map((c) => {
    if (c.nome === 'perfil') {
      return {
        ...c,
        rotulo: 'Perfil pedido',
        tipo: 'escolha' as const,
        opcoes: PERFIS_PRESENCA.map((x) => ({ valor: x, rotulo: `${DEFINICOES_PERFIL[x].rotulo} — habilitado por ${rotuloHabilitador(DEFINICOES_PERFIL[x].habilitadoPor)}`, selecionada: p.valores.perfil === x })),
      };
    }
    if (c.nome === 'aceitaTermo') return { ...c, rotulo: 'Li e assino o Termo de Responsabilidade acima (exigido para Coordenador(a) Municipal)' };
    if (c.nome === 'cpf') return { ...c, rotulo: 'CPF' };
    if (c.nome === 'codigoInep') return { ...c, rotulo: 'Código INEP da escola' };
    if (c.nome === 'municipio') return { ...c, rotulo: 'Município (código IBGE, 7 dígitos)' };
    if (c.nome === 'email') return { ...c, rotulo: 'E-mail' };
    return c;
  });
}

const arquivosDoFormulario = (arquivos: ArquivoPostado[]): ArquivoEnviado[] =>
  arquivos.filter((a) => a.campo.startsWith('documento.')).map((a) => ({ tipo: a.campo.slice('documento.'.length), nomeOriginal: a.filename, conteudo: a.conteudo }));

export default async function presencaPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const { db } = deps;

  const paginaPre = (request: FastifyRequest, reply: FastifyReply, p: Preenchimento, status = 200, mensagens: Mensagem[] = []) => {
    const tabela = tabelaDePerfis();
    return renderizar(
      request,
      reply,
      'presenca-pre-cadastro',
      {
        titulo: 'Pré-cadastro no Sistema Presença',
        enderecoDaPagina: '/presenca/pre-cadastro',
        migalhas: [{ rotulo: 'Pré-cadastro no Sistema Presença' }],
        mensagens,
        perfis: tabela.perfis,
        prazo: tabela.prazoAnalise,
        termo: { titulo: tabela.termo.titulo, linhas: tabela.termo.texto.split('\n'), baseLegal: tabela.termo.baseLegal },
        campos: camposDoPreCadastro(p),
        documentos: camposDeDocumentos(p.erros),
      },
      status,
    );
  };

  app.get('/presenca/pre-cadastro', { config: { publica: true }, schema: { hide: true } }, async (request, reply) => paginaPre(request, reply, preenchimentoVazio()));

  app.post('/presenca/pre-cadastro', { config: { publica: true }, schema: { hide: true } }, async (request, reply) => {
    const { valores, arquivos } = await lerFormulario(request);
    const documentos = arquivosDoFormulario(arquivos);
    const envio = await enviarFormulario(preCadastroSchema.omit({ documentos: true }), ESQUEMA_PRE, valores, (dados) =>
      preCadastrar({ db, temporal: deps.temporal, taskQueue: deps.taskQueue, arquivos: deps.arquivos! }, request, { ...dados, documentos }),
    );
    if (!envio.ok) {
      // The service names document fields "documentos" (or "documentos.N"): shown beside the file fields.
      const erros = { ...envio.erros };
      if (erros.documentos) erros['documento.outro'] = erros.documentos;
      return paginaPre(request, reply, { valores, erros, itens: {} }, envio.status, [{ tipo: 'danger', texto: envio.mensagem }]);
    }
    return renderizar(request, reply, 'presenca-protocolado', {
      titulo: 'Pré-cadastro protocolado',
      migalhas: [{ rotulo: 'Pré-cadastro no Sistema Presença', href: '/presenca/pre-cadastro' }, { rotulo: 'Protocolado' }],
      mensagens: [{ tipo: 'success', texto: envio.resultado.mensagem }],
      protocolo: envio.resultado.id,
      prazo: tabelaDePerfis().prazoAnalise,
    });
  });

  const paginaAcompanhamento = async (request: FastifyRequest, reply: FastifyReply, id: string, codigo: string | null, mensagens: Mensagem[] = [], status = 200) => {
    if (!codigo) {
      return renderizar(request, reply, 'presenca-acompanhamento', { titulo: 'Acompanhar pedido', migalhas: [{ rotulo: 'Acompanhar pedido' }], id, mensagens }, status);
    }
    const h = await pedidoPeloAcesso(db, id, codigo);
    const eventos = await eventosDaHabilitacao(db, h.id);
    const pendencia = [...eventos].reverse().find((e) => e.tipo === 'pendencia');
    return renderizar(
      request,
      reply,
      'presenca-acompanhamento',
      {
        titulo: 'Acompanhar pedido',
        migalhas: [{ rotulo: 'Acompanhar pedido' }],
        mensagens,
        id,
        codigo,
        pedido: { ...resumoHabilitacao(h, false), faseRotulo: ROTULO_FASE[h.fase] ?? h.fase, situacaoRotulo: ROTULO_SITUACAO[h.situacao] ?? h.situacao },
        pendencias: h.fase === 'pendente' ? ((pendencia?.dados.pendencias as string[] | undefined) ?? []) : [],
        documentos: h.documentos,
        eventos: eventos.map((e) => ({ descricao: e.descricao, em: e.em })),
        chave: randomUUID(),
      },
      status,
    );
  };

  app.get('/habilitacao/:id', { config: { publica: true }, schema: { hide: true } }, async (request, reply) =>
    paginaAcompanhamento(request, reply, (request.params as { id: string }).id, null),
  );

  app.post('/habilitacao/:id', { config: { publica: true, auditoria: { acao: 'habilitacao.acompanhar', recurso: 'habilitacao' } }, schema: { hide: true } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { valores, arquivos } = await lerFormulario(request);
    const codigo = valores.token ?? '';
    if (codigo.length < 20) return paginaAcompanhamento(request, reply, id, null, [{ tipo: 'danger', texto: 'Informe o código do link recebido por e-mail.' }], 400);
    const h = await pedidoPeloAcesso(db, id, codigo);
    await request.auditar({ recursoId: h.id, resumo: `Acompanhamento do pedido pelo requerente ${h.nome}`, ator: { id: h.usuario_id, nome: h.nome, papeis: [] } });
    const documentos = arquivosDoFormulario(arquivos);
    if (valores._reenviar) {
      if (!documentos.length) return paginaAcompanhamento(request, reply, id, codigo, [{ tipo: 'danger', texto: 'Envie ao menos um documento.' }], 400);
      try {
        const r = await reenviarDocumentos({ temporal: deps.temporal, arquivos: deps.arquivos! }, request, h, documentos, valores._chave || randomUUID());
        return paginaAcompanhamento(request, reply, id, codigo, [{ tipo: 'success', texto: r.mensagem }]);
      } catch (err) {
        if (err instanceof HttpError && err.statusCode < 500) return paginaAcompanhamento(request, reply, id, codigo, [{ tipo: 'danger', texto: err.message }], err.statusCode);
        throw err;
      }
    }
    return paginaAcompanhamento(request, reply, id, codigo);
  });

  app.get('/presenca', { config: { auditoria: { acao: 'pagina.presenca.ler', recurso: 'habilitacao', dadosPessoais: true } }, schema: { hide: true } }, async (request, reply) => {
    exigirAtor(request, PAPEIS_PRESENCA);
    const q = listaQuery.safeParse(request.query);
    const filtro = q.success ? q.data : listaQuery.parse({});
    const quem = await quemAge(db, request);
    const r = await listarHabilitacoes(db, visaoDe(quem), quem.id, { ...filtro, deslocamento: (filtro.pagina - 1) * filtro.limite });
    const linhas = r.itens.map((h) => ({
      ...resumoHabilitacao(h, false),
      faseRotulo: ROTULO_FASE[h.fase] ?? h.fase,
      situacaoRotulo: ROTULO_SITUACAO[h.situacao] ?? h.situacao,
      lugar: h.codigo_inep ? `INEP ${h.codigo_inep}` : h.municipio ? `Município ${h.municipio}` : `UF ${h.uf}`,
      decide: acoesPossiveis(quem, h).length > 0,
    }));
    const meus = quem.perfis.map((p) => `${DEFINICOES_PERFIL[p.perfil].rotulo} — ${p.codigoInep ? `escola INEP ${p.codigoInep}` : p.municipio ? `município ${p.municipio}` : `UF ${p.uf}`}`);
    return renderizar(request, reply, 'presenca-lista', {
      titulo: 'Sistema Presença',
      migalhas: [{ rotulo: 'Sistema Presença' }],
      busca: true,
      meus: quem.papeis.includes('mec') ? ['MEC (SEB/DARE/CGAR) — habilita os(as) Coordenadores(as) Estaduais', ...meus] : meus,
      linhas,
      total: r.total,
      filtro: { situacao: filtro.situacao ?? '', atrasados: filtro.atrasados },
      situacoes: Object.entries(ROTULO_SITUACAO).map(([valor, rotulo]) => ({ valor, rotulo, selecionada: filtro.situacao === valor })),
      atrasados: linhas.filter((l) => l.atrasado).length,
    });
  });

  const paginaPerfil = async (request: FastifyRequest, reply: FastifyReply, id: string, mensagens: Mensagem[] = [], erros: Record<string, Record<string, string>> = {}, status = 200) => {
    const quem = await quemAge(db, request);
    const h = await habilitacaoNoEscopo(db, quem, id);
    const completo = await habilitacaoCompleta(db, quem, h);
    const acoes = acoesPossiveis(quem, h).map((acao) => ({
      acao,
      rotulo: ROTULO_ACAO[acao],
      campos: campos(ESQUEMAS_ACAO[acao], `acao-${acao}`, { valores: {}, erros: erros[acao] ?? {}, itens: {} }),
      chave: randomUUID(),
      perigo: acao === 'recusar' || acao === 'excluir',
    }));
    return renderizar(
      request,
      reply,
      'presenca-perfil',
      {
        titulo: `${completo.perfilRotulo}: ${completo.nome}`,
        migalhas: [{ rotulo: 'Sistema Presença', href: '/presenca' }, { rotulo: completo.nome }],
        mensagens,
        h: { ...completo, faseRotulo: ROTULO_FASE[completo.fase] ?? completo.fase, situacaoRotulo: ROTULO_SITUACAO[completo.situacao] ?? completo.situacao },
        acoes,
      },
      status,
    );
  };

  app.get('/presenca/:id', { config: { auditoria: { acao: 'pagina.habilitacao.ler', recurso: 'habilitacao', dadosPessoais: true } }, schema: { hide: true } }, async (request, reply) => {
    exigirAtor(request, PAPEIS_PRESENCA);
    return paginaPerfil(request, reply, (request.params as { id: string }).id);
  });

  app.post('/presenca/:id/:acao', { schema: { hide: true } }, async (request, reply) => {
    const { id, acao } = request.params as { id: string; acao: string };
    const { valores } = await lerFormulario(request);
    await atorDoFormulario(request, deps.autenticador, valores._csrf, PAPEIS_PRESENCA);
    if (!(acao in acaoBodies)) throw new HttpError(404, 'nao-encontrado', 'Ação desconhecida.');
    const a = acao as AcaoDecisao;
    const envio = await enviarFormulario(acaoBodies[a], ESQUEMAS_ACAO[a], valores, (dados) =>
      decidirHabilitacao(deps, request, id, a, dados as { pendencias?: string[]; motivo?: string }, valores._chave || randomUUID()),
    );
    if (!envio.ok) return paginaPerfil(request, reply, id, [{ tipo: 'danger', texto: envio.mensagem }], { [a]: envio.erros }, envio.status);
    return paginaPerfil(request, reply, id, [{ tipo: 'success', texto: envio.resultado.mensagem }]);
  });

}
