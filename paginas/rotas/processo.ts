/**
 * The process page, for every audience and every rite: the process, its
 * pending notice and prazo ("faltam N dias úteis"), the actions the caller may
 * take now (each a form generated from the action's schema: paginas/formularios.ts),
 * the timeline (events with their actors, documents, prazos and each change
 * of limit with its reason) and, after each act, its recibo eletrônico de
 * protocolo (seed 002 art. 18 V): instant, number, file hashes.
 *
 * Same rules as the API: the process is read in the caller's scope (404
 * outside), the actions listed are GET /v1/processos/{id}'s (acoesDoAtor), and
 * a form is sent through praticarAcao, the code of POST /v1/processos/{id}/{rito}/{acao}.
 * The notice is opened through GET /v1/documentos/{id} itself, whose opening
 * by the party is the ciência (api/ritos/ciencia.ts).
 *
 * One document is shown in the page itself (an iframe of that same route, which
 * lets our own origin frame it), with links to open it alone and to download
 * its PDF: the one chosen in the documents' table (?documento=), else the latest.
 * Never, unasked, the party's pending notice: opening it is the ciência, so the
 * party opens it with the button that says so.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Ator } from '../../api/auth/ator';
import { podeVer } from '../../api/auth/escopo';
import { receberArquivo } from '../../api/documentos/arquivos';
import { HttpError, naoEncontrado } from '../../api/errors';
import { lerLinhaDoTempo } from '../../api/processos/linha-do-tempo';
import { ProcessosService, projetado, toView } from '../../api/processos/service';
import { estadoDoRito } from '../../api/ritos/estado';
import { esquemaJson } from '../../api/ritos/disponiveis';
import { dadosParaAtor } from '../../api/ritos/parte';
import { papelDoAtor, praticarAcao } from '../../api/ritos/routes';
import { obterProcesso } from '../../db/processos';
import type { Processo } from '../../db/schema';
import { ACAO_PRORROGAR_PRAZO, ACAO_TOMAR_CIENCIA, acoesDeUsuario, type DefinicaoRito, parteDoRito, rotuloAtor, transicaoPermitida } from '../../rules/ritos/definicao';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { formatarCnpj } from '../../rules/identificadores';
import { lerFormulario } from '../formulario-http';
import { campos, dadosDoFormulario, errosDoZod, errosPorCampo, itensPostados, type Preenchimento, preenchimentoVazio, resolverRefs } from '../formularios';
import type { PaginasDeps } from '../plugin';
import { restante } from '../prazos';
import { atorDoFormulario, exigirAtor, redirecionar } from '../sessao';
import { painelDoEstado } from '../paineis-do-estado';
import { type Mensagem, renderizar } from '../visao';
import { z } from 'zod';

const PAPEIS_LEITURA = ['representante', 'inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'] as const;
const CHAVE = /^[\w.:-]{8,200}$/;

/** A form being re-shown after a refusal: which action, what was typed, the errors. */
interface Reexibicao {
  acao: string;
  preenchimento: Preenchimento;
  mensagem?: string;
}

export default async function processoPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const service = new ProcessosService(deps.db, deps.temporal, deps.taskQueue);
  const agora = async () => Number(await (deps.relogio ?? Date.now)());

  async function processoNoEscopo(ator: Ator, id: string): Promise<Processo> {
    const p = id.length <= 200 ? await obterProcesso(deps.db, id) : undefined;
    if (!p || !podeVer(ator, p)) throw naoEncontrado('Processo');
    return p;
  }

  async function pagina(request: FastifyRequest, reply: FastifyReply, ator: Ator, p: Processo, re?: Reexibicao, status = 200, mensagens: Mensagem[] = [], escolhido?: string) {
    const def = ritoDoTipo(p.tipo);
    const [estado, linha, rito] = await Promise.all([service.estado(p), lerLinhaDoTempo(deps.db, p), def ? estadoDoRito(deps.temporal, p, def) : null]);
    const view = toView(p, estado, ator);
    const agoraMs = await agora();
    const prazos = await Promise.all(
      linha.prazos.map(async (pr) => ({ ...pr, restante: pr.situacao === 'aberto' ? await restante(deps.db, p.unidade, pr.vencimento, pr.uteis, agoraMs) : null })),
    );
    const aberto = prazos.find((pr) => pr.situacao === 'aberto') ?? null;
    const n = rito?.notificacao ?? null;
    const documentoNotificacao = n?.documentoId ? linha.documentos.find((d) => d.id === n.documentoId) : undefined;
    const ehParte = def ? ator.papeis.includes(papelDoAtor(def, parteDoRito(def)) as never) : false;
    const acoes = (view.acoes ?? []).map((a) => {
      const desc = def?.acoes[a.acao];
      const p2 = re?.acao === a.acao ? re.preenchimento : preenchimentoVazio();
      return {
        ...a,
        cabeA: desc ? rotuloAtor(def!, desc.ator) : undefined,
        campos: campos(resolverRefs(a.esquema), `f-${a.acao}`, p2),
        temArquivos: JSON.stringify(a.esquema).includes('"arquivos"'),
        // A key per rendering of the form: sending the same form twice acts once.
        chave: `pagina-${randomUUID()}`,
        erros: re?.acao === a.acao ? Object.entries(p2.erros).map(([campo, mensagem]) => ({ campo, mensagem, id: `f-${a.acao}-${campo.replace(/[^\w-]/g, '-')}` })) : [],
        mensagem: re?.acao === a.acao ? re.mensagem : undefined,
        aberta: re?.acao === a.acao,
      };
    });
    // Where the party may not ask for a prorrogação now, the rite's reason, in its words (improrrogável, no prazo running…).
    let semProrrogacao: string | null = null;
    if (def && ehParte && aberto && !view.encerrado && (acoesDeUsuario(def) as string[]).includes(ACAO_PRORROGAR_PRAZO) && !acoes.some((a) => a.acao === ACAO_PRORROGAR_PRAZO)) {
      const t = transicaoPermitida(def, view.fase, ACAO_PRORROGAR_PRAZO);
      if (!t.permitida) semProrrogacao = t.motivo;
    }
    const eventos = linha.eventos.map((e) => ({ ...e, dados: def ? dadosParaAtor(def, ator, e.dados) : e.dados }));
    // The document shown in the page: the one asked for, else the latest; the party's pending notice only through its button.
    const cienciaPendente = n && !n.ciencia && ehParte ? n.documentoId : null;
    const pedido = escolhido ? linha.documentos.find((d) => d.id === escolhido) : undefined;
    const aberto2 = pedido ?? linha.documentos.filter((d) => d.id !== cienciaPendente).at(-1);
    const documentoAberto = aberto2 ? { ...aberto2, registraCiencia: aberto2.id === cienciaPendente } : null;
    return renderizar(
      request,
      reply,
      'processo',
      {
        titulo: `${view.tipoRotulo}: ${view.instituicao.nome}`,
        enderecoDaPagina: `/processos/${encodeURIComponent(p.id)}`,
        migalhas: [ehParte ? { rotulo: 'Minhas instituições', href: '/portal' } : { rotulo: 'Caixa de trabalho', href: '/caixa' }, { rotulo: view.numeroSei ?? view.id }],
        mensagens,
        p: { ...view, cnpj: formatarCnpj(view.instituicao.cnpj), faseRotulo: def?.fases[view.fase]?.rotulo ?? view.fase },
        notificacao: n && documentoNotificacao ? { ...n, documento: documentoNotificacao, pendente: !n.ciencia, ehParte } : null,
        prazo: aberto,
        semProrrogacao,
        tarefa: rito?.tarefa && rito.tarefa.situacao === 'aberta' ? { ...rito.tarefa, responsavelRotulo: def ? rotuloAtor(def, rito.tarefa.responsavel) : rito.tarefa.responsavel } : null,
        acoes,
        umaAcao: acoes.length === 1,
        eventos: eventos.slice().reverse(),
        documentos: linha.documentos.map((d) => ({ ...d, aberto: d.id === documentoAberto?.id })),
        documentoAberto,
        prazos,
        // The row's phase only because the workflow, asked for a state it had not recorded yet, did not answer.
        faseDoModelo: view.faseFonte === 'modelo-de-leitura' && !projetado(p),
        // What the rite's own state explains (the ETAP's avaliação), for the servidores who decide on it.
        painel: def && rito && !ehParte ? painelDoEstado(def, rito) : null,
      },
      status,
    );
  }

  app.get(
    '/processos/:id',
    // The same personal data as GET /v1/processos/{id} and its timeline: every read is audited.
    { config: { auditoria: { acao: 'pagina.processo.ler', recurso: 'processo', dadosPessoais: true } }, schema: { hide: true } },
    async (request, reply) => {
      const ator = exigirAtor(request, PAPEIS_LEITURA);
      const p = await processoNoEscopo(ator, (request.params as { id: string }).id);
      const q = request.query as { aviso?: string; documento?: string };
      const documento = typeof q.documento === 'string' ? q.documento.slice(0, 80) : undefined;
      return pagina(request, reply, ator, p, undefined, 200, q.aviso === 'ciencia' ? [{ tipo: 'success', texto: 'Ciência registrada.' }] : [], documento);
    },
  );

  app.post('/processos/:id/acoes/:acao', { schema: { hide: true } }, async (request, reply) => {
    const { id, acao } = request.params as { id: string; acao: string };
    const { valores, arquivos } = await lerFormulario(request);
    const ator = await atorDoFormulario(request, deps.autenticador, valores._csrf, PAPEIS_LEITURA);
    const p = await processoNoEscopo(ator, id);
    const def = ritoDoTipo(p.tipo);
    if (!def) throw new HttpError(409, 'rito-incompativel', 'Este processo não segue um rito em uso.');
    const ciencia = acao === ACAO_TOMAR_CIENCIA;
    const desc = ciencia ? null : (acoesDeUsuario(def) as string[]).includes(acao) ? def.acoes[acao]! : undefined;
    if (desc === undefined) throw naoEncontrado('Ação');
    // The role of the action's actor, as the API route declares it.
    const papel = papelDoAtor(def, desc ? desc.ator : parteDoRito(def));
    if (!papel || !ator.papeis.includes(papel)) throw new HttpError(403, 'sem-permissao', 'Seu perfil não permite esta ação.');
    const schema = desc?.schema ?? z.object({}).strict();
    const esquema = resolverRefs(esquemaJson(schema));
    const itens = itensPostados(valores);
    const re = (erros: Record<string, string>, mensagem?: string): Reexibicao => ({ acao, preenchimento: { valores, erros, itens }, mensagem });

    if (valores._acrescentar) {
      itens[valores._acrescentar] = (itens[valores._acrescentar] ?? 1) + 1;
      return pagina(request, reply, ator, p, re({}));
    }
    const chave = valores._chave ?? '';
    if (!CHAVE.test(chave)) throw new HttpError(400, 'formulario-invalido', 'Formulário sem chave de envio: recarregue a página e envie de novo.');
    // The same form sent twice (a double click, a reload): the act it already made, not another (with new copies of its files).
    const feito = await deps.db
      .selectFrom('auditoria')
      .select('seq')
      .where('processo_id', '=', p.id)
      .where('ator_id', '=', ator.id)
      .where('acao', '=', `${def.codigo}.${acao}`)
      .where(sql<boolean>`dados->>'chave' = ${`${ator.id}:${chave}`}`)
      .executeTakeFirst();
    if (feito) return redirecionar(reply, `/processos/${encodeURIComponent(p.id)}/recibos/${feito.seq}#recibo`);

    const dados = dadosDoFormulario(esquema, valores);
    const comArquivos = 'arquivos' in (esquema.properties ?? {});
    if (comArquivos) dados.arquivos = [];
    let validado = schema.safeParse(dados);
    if (!validado.success) return pagina(request, reply, ator, p, re(errosPorCampo(errosDoZod(validado.error.issues)), 'Confira os campos indicados.'), 400);
    try {
      if (comArquivos && arquivos.length) {
        const ids: string[] = [];
        for (const a of arquivos.filter((x) => x.campo === 'arquivos')) {
          try {
            ids.push((await receberArquivo(request, deps.arquivos!, p.id, { filename: a.filename, mimetype: a.mimetype, file: a.conteudo })).id);
          } catch (err) {
            // The storage's refusal (type, size, empty, name), told next to the file field, naming the file.
            if (err instanceof HttpError && err.statusCode < 500) {
              return pagina(request, reply, ator, p, re({ arquivos: `${a.filename}: ${err.campos?.[0]?.mensagem ?? err.message}` }, 'O arquivo não foi aceito; nada foi protocolado.'), err.statusCode);
            }
            throw err;
          }
        }
        validado = schema.safeParse({ ...dados, arquivos: ids });
        if (!validado.success) return pagina(request, reply, ator, p, re(errosPorCampo(errosDoZod(validado.error.issues)), 'Confira os campos indicados.'), 400);
      }
      await praticarAcao(deps, request, { def, processo: p, acao, rotulo: desc?.rotulo ?? 'Tomar ciência da notificação pendente', dados: validado.data as Record<string, unknown>, chaveCliente: chave });
    } catch (err) {
      if (err instanceof HttpError && err.statusCode < 500) {
        const campos = errosPorCampo((err.campos ?? []).map((c) => ({ campo: c.campo === 'arquivo' || c.campo.startsWith('arquivos.') ? 'arquivos' : c.campo, mensagem: c.mensagem })));
        return pagina(request, reply, ator, p, re(campos, err.message), err.statusCode);
      }
      throw err;
    }
    const entrada = request.entradaAuditoria!;
    // No seq: the entry is safe in the outbox but the chainer did not chain it in time; the process page instead of its recibo.
    const recibo = entrada.repeticaoDe ?? entrada.seq;
    if (ciencia) return redirecionar(reply, `/processos/${encodeURIComponent(p.id)}?aviso=ciencia`);
    if (recibo === null) return redirecionar(reply, `/processos/${encodeURIComponent(p.id)}`);
    return redirecionar(reply, `/processos/${encodeURIComponent(p.id)}/recibos/${recibo}#recibo`);
  });

  app.get(
    '/processos/:id/recibos/:seq',
    // The act's data and the names of who acted.
    { config: { auditoria: { acao: 'pagina.recibo.ler', recurso: 'processo', dadosPessoais: true } }, schema: { hide: true } },
    async (request, reply) => {
      const ator = exigirAtor(request, PAPEIS_LEITURA);
      const { id, seq } = request.params as { id: string; seq: string };
      const p = await processoNoEscopo(ator, id);
      const def = ritoDoTipo(p.tipo);
      if (!def || !/^\d{1,18}$/.test(seq)) throw naoEncontrado('Recibo');
      const e = await deps.db
        .selectFrom('auditoria')
        .selectAll()
        .where('seq', '=', seq)
        .where('processo_id', '=', p.id)
        .where('acao', 'like', `${def.codigo}.%`)
        .where('acao', 'not like', '%.repeticao')
        .executeTakeFirst();
      if (!e) throw naoEncontrado('Recibo');
      const d = e.dados as { acao?: string; em?: string; dados?: { arquivos?: string[] }; documentos?: string[]; fase?: string };
      const ids = Array.isArray(d.dados?.arquivos) ? d.dados.arquivos : [];
      const arquivos = ids.length
        ? await deps.db
            .selectFrom('arquivo')
            .innerJoin('arquivo_conteudo', 'arquivo_conteudo.sha256', 'arquivo.sha256')
            .select(['arquivo.id', 'arquivo.nome_original', 'arquivo.sha256', 'arquivo_conteudo.tamanho', 'arquivo_conteudo.tipo_mime'])
            .where('arquivo.id', 'in', ids)
            .execute()
        : [];
      const documentos = d.documentos?.length ? await deps.db.selectFrom('documento').select(['id', 'identificacao']).where('id', 'in', d.documentos).execute() : [];
      const acao = d.acao ?? e.acao.slice(def.codigo.length + 1);
      return renderizar(request, reply, 'recibo', {
        titulo: 'Recibo eletrônico de protocolo',
        migalhas: [{ rotulo: p.numero_sei ?? p.id, href: `/processos/${encodeURIComponent(p.id)}` }, { rotulo: `Recibo nº ${e.seq}` }],
        mensagens: [{ tipo: 'success', texto: 'Ato recebido pelo sistema. Guarde este recibo.' }],
        r: {
          numero: e.seq,
          em: d.em ?? e.ocorrido_em,
          acao: def.acoes[acao]?.rotulo ?? (acao === ACAO_TOMAR_CIENCIA ? 'Tomar ciência' : acao),
          autor: e.ator_nome,
          processo: { id: p.id, numeroSei: p.numero_sei, instituicao: p.instituicao_nome, cnpj: formatarCnpj(p.instituicao_cnpj), unidade: p.unidade },
          fase: d.fase ? (def.fases[d.fase]?.rotulo ?? d.fase) : null,
          arquivos: ids.map((aid) => arquivos.find((a) => a.id === aid)).filter(Boolean).map((a) => ({ id: a!.id, nome: a!.nome_original, sha256: a!.sha256, tamanho: Number(a!.tamanho), tipo: a!.tipo_mime })),
          documentos,
          hash: e.hash,
        },
      });
    },
  );
}
