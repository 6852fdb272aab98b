/**
 * A new process (/processos/novo): the requerimento as a page, for whoever the
 * API lets open one (representantes for their institutions, inspetores for
 * their unit, administradores). The form is generated from the API's own
 * schema (aberturaSchema) and sent through the code of POST /v1/processos
 * (abrirProcesso: scope, idempotency on object and party, audit). Opening
 * again the same object for the same school leads to the process already open.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../api/errors';
import { abrirProcesso } from '../../api/processos/routes';
import { aberturaSchema } from '../../api/processos/schemas';
import { ProcessosService } from '../../api/processos/service';
import { esquemaJson } from '../../api/ritos/disponiveis';
import { rotuloTipoProcesso, TIPOS_PROCESSO } from '../../rules/processos/tipos';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { lerFormulario } from '../formulario-http';
import { type Campo, campos, dadosDoFormulario, errosDoZod, errosPorCampo, itensPostados, type Preenchimento, preenchimentoVazio, resolverRefs } from '../formularios';
import type { PaginasDeps } from '../plugin';
import { atorDoFormulario, exigirAtor, redirecionar } from '../sessao';
import { type Mensagem, renderizar } from '../visao';

const QUEM_ABRE = ['representante', 'inspetor', 'administrador'] as const;
const ESQUEMA = resolverRefs(esquemaJson(aberturaSchema));

/** The kind is free text in the API's schema (its refusal lists the kinds): here, a choice among the kinds whose rite is built. */
function comTipos(cs: Campo[], p: Preenchimento): Campo[] {
  const tipos = Object.keys(TIPOS_PROCESSO).filter((t) => ritoDoTipo(t));
  return cs.map((c) =>
    c.nome === 'tipo'
      ? { ...c, rotulo: 'Tipo de processo', ajuda: undefined, tipo: 'escolha', opcoes: tipos.map((t) => ({ valor: t, rotulo: rotuloTipoProcesso(t), selecionada: p.valores.tipo === t })) }
      : c,
  );
}

export default async function requerimentoPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const service = new ProcessosService(deps.db, deps.temporal, deps.taskQueue);

  const pagina = (request: FastifyRequest, reply: FastifyReply, p: Preenchimento, status = 200, mensagens: Mensagem[] = []) =>
    renderizar(
      request,
      reply,
      'requerimento',
      { titulo: 'Novo processo', enderecoDaPagina: '/processos/novo', migalhas: [{ rotulo: 'Novo processo' }], mensagens, campos: comTipos(campos(ESQUEMA, 'abertura', p), p) },
      status,
    );

  app.get('/processos/novo', { schema: { hide: true } }, async (request, reply) => {
    exigirAtor(request, QUEM_ABRE);
    return pagina(request, reply, preenchimentoVazio());
  });

  app.post('/processos/novo', { schema: { hide: true } }, async (request, reply) => {
    const { valores } = await lerFormulario(request);
    await atorDoFormulario(request, deps.autenticador, valores._csrf, QUEM_ABRE);
    const p = { valores, erros: {}, itens: itensPostados(valores) };
    const r = aberturaSchema.safeParse(dadosDoFormulario(ESQUEMA, valores));
    if (!r.success) return pagina(request, reply, { ...p, erros: errosPorCampo(errosDoZod(r.error.issues)) }, 400, [{ tipo: 'danger', texto: 'Confira os campos indicados.' }]);
    try {
      const { processo } = await abrirProcesso(service, request, r.data);
      return redirecionar(reply, `/processos/${encodeURIComponent(processo.id)}`);
    } catch (err) {
      if (err instanceof HttpError && err.statusCode < 500) {
        return pagina(request, reply, { ...p, erros: errosPorCampo(err.campos ?? []) }, err.statusCode, [{ tipo: 'danger', texto: err.message }]);
      }
      throw err;
    }
  });
}
