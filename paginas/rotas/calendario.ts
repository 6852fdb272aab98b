/**
 * The calendar of decreed days without expediente (/calendario), for those who
 * may change it (administradores; supervisors within their unit: the API's
 * motivoSemAutorizacao). The form is generated from the API's own schema
 * (novoDecretadoSchema); before anything is recorded, a preview lists the
 * running prazos and tasks the day would re-time (DecretadosService.processosAfetados,
 * the processes POST /v1/calendario/decretados would signal); confirming records the
 * day and signals them through the same service, audited as the API's
 * calendario.incluir-decretado. Each process's page then shows its prazo's new
 * limit with the reason.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Ator } from '../../api/auth/ator';
import { DecretadosService, motivoSemAutorizacao, toView } from '../../api/calendario/decretados';
import { novoDecretadoSchema, type NovoDecretado } from '../../api/calendario/schemas';
import { instante } from '../../api/instantes';
import { esquemaJson } from '../../api/ritos/disponiveis';
import { diaCivilBrasilia, formatarData } from '../../rules/calendario';
import { lerFormulario } from '../formulario-http';
import { campos, dadosDoFormulario, errosDoZod, resolverRefs, errosPorCampo, type Preenchimento, preenchimentoVazio } from '../formularios';
import type { PaginasDeps } from '../plugin';
import { atorDoFormulario, exigirAtor } from '../sessao';
import { type Mensagem, renderizar } from '../visao';

const QUEM_ALTERA = ['supervisor', 'administrador'] as const;
const ESQUEMA = resolverRefs(esquemaJson(novoDecretadoSchema));

const onde = (d: { escopo: string; uf: string | null; municipio: string | null; unidade: string | null }) =>
  d.escopo === 'nacional' ? 'todo o país' : d.escopo === 'uf' ? `UF ${d.uf}` : d.escopo === 'municipio' ? `município ${d.municipio}` : `unidade ${d.unidade}`;

export default async function calendarioPaginas(app: FastifyInstance, deps: PaginasDeps) {
  const service = new DecretadosService(deps.db, deps.temporal, app.log);
  const hoje = async () => formatarData(diaCivilBrasilia(Number(await (deps.relogio ?? Date.now)())));

  async function pagina(request: FastifyRequest, reply: FastifyReply, p: Preenchimento, status = 200, mensagens: Mensagem[] = []) {
    const dias = (await service.listar({ de: await hoje() })).map((d) => ({ ...toView(d), onde: onde(d) }));
    return renderizar(
      request,
      reply,
      'calendario',
      { titulo: 'Calendário: dias sem expediente', enderecoDaPagina: '/calendario', migalhas: [{ rotulo: 'Calendário' }], mensagens, dias, campos: campos(ESQUEMA, 'dia', p) },
      status,
    );
  }

  /** The posted day, validated by the API's schema and the API's authorisation; or the page again with the reasons. */
  async function diaPostado(request: FastifyRequest, reply: FastifyReply): Promise<{ ator: Ator; dia: NovoDecretado; valores: Record<string, string> } | FastifyReply> {
    const { valores } = await lerFormulario(request);
    const ator = await atorDoFormulario(request, deps.autenticador, valores._csrf, QUEM_ALTERA);
    const r = novoDecretadoSchema.safeParse(dadosDoFormulario(ESQUEMA, valores));
    const p = { ...preenchimentoVazio(), valores };
    if (!r.success) return pagina(request, reply, { ...p, erros: errosPorCampo(errosDoZod(r.error.issues)) }, 400, [{ tipo: 'danger', texto: 'Confira os campos indicados.' }]);
    const recusa = motivoSemAutorizacao(ator, r.data);
    if (recusa) return pagina(request, reply, p, 403, [{ tipo: 'danger', texto: recusa }]);
    return { ator, dia: r.data, valores };
  }

  app.get('/calendario', { schema: { hide: true } }, async (request, reply) => {
    exigirAtor(request, QUEM_ALTERA);
    return pagina(request, reply, preenchimentoVazio());
  });

  app.post('/calendario/previa', { schema: { hide: true } }, async (request, reply) => {
    const r = await diaPostado(request, reply);
    if (!('dia' in r)) return r;
    const ids = await service.processosAfetados(r.dia);
    const [prazos, tarefas] = ids.length
      ? await Promise.all([
          deps.db
            .selectFrom('prazo_processo')
            .innerJoin('processo', 'processo.id', 'prazo_processo.processo_id')
            .select(['processo.id', 'processo.numero_sei', 'processo.instituicao_nome', 'processo.unidade', 'prazo_processo.rotulo', 'prazo_processo.limite'])
            .where('prazo_processo.situacao', '=', 'aberto')
            .where('processo.id', 'in', ids)
            .orderBy('prazo_processo.limite')
            .execute(),
          deps.db
            .selectFrom('tarefa')
            .innerJoin('processo', 'processo.id', 'tarefa.processo_id')
            .select(['processo.id', 'processo.numero_sei', 'processo.instituicao_nome', 'processo.unidade', 'tarefa.descricao', 'tarefa.limite'])
            .where('tarefa.situacao', '=', 'aberta')
            .where('processo.id', 'in', ids)
            .orderBy('tarefa.limite')
            .execute(),
        ])
      : [[], []];
    return renderizar(request, reply, 'calendario-previa', {
      titulo: 'Confirmar o dia sem expediente',
      migalhas: [{ rotulo: 'Calendário', href: '/calendario' }, { rotulo: 'Confirmar' }],
      dia: { ...r.dia, onde: onde(r.dia) },
      ocultos: Object.entries(r.valores).filter(([k]) => k !== '_csrf').map(([nome, valor]) => ({ nome, valor })),
      prazos: prazos.map((p) => ({ ...p, limite: instante(p.limite) })),
      tarefas: tarefas.map((t) => ({ ...t, limite: instante(t.limite) })),
      nenhum: ids.length === 0,
    });
  });

  app.post('/calendario/decretados', { schema: { hide: true } }, async (request, reply) => {
    const r = await diaPostado(request, reply);
    if (!('dia' in r)) return r;
    const { dia, criado } = await service.incluir(r.dia, r.ator, (trx, linha, mudou) =>
      request.auditar(
        {
          acao: 'calendario.incluir-decretado',
          recurso: 'dia-decretado',
          resumo: mudou
            ? `Dia sem expediente incluído: ${linha.data} (${onde(linha)}) — ${linha.motivo} (${linha.ato_legal})`
            : `Inclusão repetida: devolvido o dia decretado já vigente ${linha.id} (${linha.data}, ${onde(linha)})`,
          recursoId: String(linha.id),
          dados: mudou ? { criado: true, diaDecretado: toView(linha) } : { criado: false },
        },
        trx,
      ),
    );
    const notificacao = await service.notificar(dia, 'incluido');
    const mensagens: Mensagem[] = [
      {
        tipo: 'success',
        texto: `${criado ? 'Dia sem expediente cadastrado' : 'Este dia já estava cadastrado'}: ${dia.data} (${onde(dia)}). ${notificacao.processosNotificados} ${notificacao.processosNotificados === 1 ? 'processo avisado recalcula' : 'processos avisados recalculam'} seus prazos.`,
      },
      ...notificacao.naoNotificados.map((n) => ({ tipo: 'warning' as const, texto: `${n.processoId}: ${n.motivo}` })),
    ];
    return renderizar(request, reply, 'calendario-feito', {
      titulo: 'Dia sem expediente cadastrado',
      migalhas: [{ rotulo: 'Calendário', href: '/calendario' }, { rotulo: 'Cadastrado' }],
      mensagens,
      processos: notificacao.processos,
    });
  });
}
