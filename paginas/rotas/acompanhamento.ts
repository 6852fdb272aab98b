/**
 * The attendance follow-up's pages (seed 004), over the same functions as
 * /v1/acompanhamento (api/acompanhamento/routes.ts): the cases the school or the
 * município sees by name, overdue and escalated first (/acompanhamento), and one
 * case with its months, history and documents and the school's acts now, each a
 * form generated from the act's schema (/acompanhamento/casos/{id}). Every read
 * is audited with the student's id, as the API's.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { casoCompleto, listarCasosDoAtor, praticarAcaoNoCaso } from '../../api/acompanhamento/routes';
import { CORPOS_ACAO, ROTULO_ACAO_CASO } from '../../api/acompanhamento/schemas';
import { HttpError } from '../../api/errors';
import { esquemaJson } from '../../api/ritos/disponiveis';
import { ACOES_CASO, type AcaoCaso } from '../../workflows/frequencia/definitions';
import { enviarFormulario } from '../envio';
import { lerFormulario } from '../formulario-http';
import { campos, itensPostados, type Preenchimento, resolverRefs } from '../formularios';
import type { PaginasDeps } from '../plugin';
import { atorDoFormulario, exigirAtor } from '../sessao';
import { type Mensagem, renderizar } from '../visao';

/** Who sees students by name: the school and the município (rules/frequencia/escopo.ts); the API refuses the others with its reason. */
const QUEM_VE = ['operador-escolar', 'coordenador-municipal', 'auxiliar-municipal'] as const;
const ESQUEMAS = Object.fromEntries(ACOES_CASO.map((a) => [a, resolverRefs(esquemaJson(CORPOS_ACAO[a]))])) as Record<AcaoCaso, ReturnType<typeof resolverRefs>>;

export default async function acompanhamentoPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const { db } = deps;

  app.get('/acompanhamento', { config: { auditoria: { acao: 'pagina.caso-frequencia.listar', recurso: 'caso-frequencia', dadosPessoais: true } }, schema: { hide: true } }, async (request, reply) => {
    exigirAtor(request, QUEM_VE);
    const q = request.query as { situacao?: string; atrasados?: string; escalados?: string };
    const situacao = q.situacao === 'encerrado' ? 'encerrado' : q.situacao === 'todos' ? undefined : 'aberto';
    const r = await listarCasosDoAtor(db, request, { situacao, atrasados: q.atrasados, escalados: q.escalados, pagina: 1 });
    return renderizar(request, reply, 'acompanhamento-casos', {
      titulo: 'Acompanhamento da frequência',
      migalhas: [{ rotulo: 'Acompanhamento da frequência' }],
      busca: true,
      casos: r.itens,
      filtro: { situacao: q.situacao ?? 'aberto', atrasados: q.atrasados === 'true', escalados: q.escalados === 'true' },
      atrasados: r.itens.filter((c) => c.atrasado).length,
    });
  });

  const paginaCaso = async (request: FastifyRequest, reply: FastifyReply, id: string, mensagens: Mensagem[] = [], aberta?: { acao: AcaoCaso; p: Preenchimento }, status = 200) => {
    const c = await casoCompleto(db, request, id);
    const acoes = c.acoes.map((a: { acao: AcaoCaso; rotulo: string }) => ({
      acao: a.acao,
      rotulo: a.rotulo,
      aberta: aberta?.acao === a.acao,
      campos: campos(ESQUEMAS[a.acao], `acao-${a.acao}`, aberta?.acao === a.acao ? aberta.p : undefined),
      chave: randomUUID(),
    }));
    return renderizar(
      request,
      reply,
      'acompanhamento-caso',
      { titulo: `Caso de ${c.estudante.nome}`, migalhas: [{ rotulo: 'Acompanhamento da frequência', href: '/acompanhamento' }, { rotulo: c.estudante.nome }], mensagens, c, acoes },
      status,
    );
  };

  app.get('/acompanhamento/casos/:id', { config: { auditoria: { acao: 'pagina.caso-frequencia.ler', recurso: 'caso-frequencia', dadosPessoais: true } }, schema: { hide: true } }, async (request, reply) => {
    exigirAtor(request, QUEM_VE);
    return paginaCaso(request, reply, (request.params as { id: string }).id);
  });

  app.post('/acompanhamento/casos/:id/:acao', { schema: { hide: true } }, async (request, reply) => {
    const { id, acao } = request.params as { id: string; acao: string };
    const { valores } = await lerFormulario(request);
    await atorDoFormulario(request, deps.autenticador, valores._csrf, QUEM_VE);
    if (!(ACOES_CASO as readonly string[]).includes(acao)) throw new HttpError(404, 'nao-encontrado', 'Ação desconhecida.');
    const a = acao as AcaoCaso;
    const envio = await enviarFormulario(CORPOS_ACAO[a], ESQUEMAS[a], valores, (dados) =>
      praticarAcaoNoCaso(deps, request, id, a, dados as Record<string, unknown>, valores._chave || randomUUID()),
    );
    if (!envio.ok) return paginaCaso(request, reply, id, [{ tipo: 'danger', texto: envio.mensagem }], { acao: a, p: { valores, erros: envio.erros, itens: itensPostados(valores) } }, envio.status);
    const r = envio.resultado as { documento?: { identificacao: string } | null };
    return paginaCaso(request, reply, id, [{ tipo: 'success', texto: `${ROTULO_ACAO_CASO[a]}: registrado${r.documento ? ` — ${r.documento.identificacao}` : ''}.` }]);
  });
}
