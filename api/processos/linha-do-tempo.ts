/**
 * GET /v1/processos/{id}/linha-do-tempo — the record of one process as its
 * read model keeps it: every event of the timeline (processo_evento) with who
 * acted, every document issued (with links to its HTML and PDF), and every
 * prazo (prazo_processo) with the history of its limit (prazo_alteracao:
 * opening, prorrogação, calendar re-timing, end).
 *
 * Scope: the route lives under /v1/processos/:id, so plugins/escopo-processo.ts
 * answers 404 outside the caller's scope before this handler runs.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { alteracoesDosPrazos } from '../../db/prazos';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import type { PrazoAlteracao, Processo } from '../../db/schema';
import { rotuloTipoProcesso } from '../../rules/processos/tipos';
import { ritoDoTipo } from '../../rules/ritos/registro';
import type { ApiDeps } from '../deps';
import { erroSchema } from '../errors';
import { requireAtor } from '../plugins/autenticacao';
import { processoDaRota } from '../plugins/escopo-processo';
import { dadosParaAtor } from '../ritos/parte';
import { instante, instantesEmBrasilia } from '../instantes';

const PAPEIS_LEITURA = ['representante', 'inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'] as const;

const atorSchema = z
  .object({
    id: z.string().describe('id da conta, "chave:<id>" para uma chave de API, ou "sistema" para atos do próprio rito'),
    nome: z.string().nullable().describe('nome da pessoa ou da chave de API; null se a conta não existe mais'),
    tipo: z.enum(['usuario', 'chave-api', 'sistema', 'desconhecido']),
  })
  .meta({ id: 'AtorLinhaDoTempo' });

const eventoSchema = z.object({
  seq: z.number().int(),
  tipo: z.string().describe('"abertura", uma ação do rito (p.ex. "autuar"), "prazo", "ciencia-explicita", "ciencia-tacita"…'),
  descricao: z.string(),
  ator: atorSchema,
  ocorridoEm: z.string(),
  dados: z.record(z.string(), z.unknown()),
});

const documentoSchema = z.object({
  id: z.string(),
  tipo: z.string(),
  identificacao: z.string().describe('p.ex. "Ofício nº 12/2026/COOIE-METROPOLITANA I"'),
  assunto: z.string(),
  unidade: z.string(),
  emitidoEm: z.string(),
  emitidoPor: atorSchema,
  links: z.object({ html: z.string(), pdf: z.string() }),
});

const alteracaoPrazoSchema = z.object({
  versao: z.number().int().describe('versão do prazo depois da mudança (1 na abertura)'),
  em: z.string(),
  motivo: z.string(),
  limiteAnterior: z.string().nullable(),
  limite: z.string(),
  vencimento: z.string(),
  situacao: z.string(),
  alterouLimite: z.boolean().describe('true na abertura e quando o limite mudou (prorrogação, dia decretado)'),
});

const prazoSchema = z.object({
  id: z.string(),
  codigo: z.string(),
  rotulo: z.string(),
  ciencia: z.string(),
  dias: z.number().int(),
  uteis: z.boolean(),
  contarDe: z.string(),
  prorrogavel: z.boolean(),
  prorrogado: z.boolean(),
  vencimento: z.string(),
  limite: z.string(),
  situacao: z.enum(['aberto', 'cumprido', 'expirado', 'encerrado']),
  historico: z.array(alteracaoPrazoSchema),
});

export const linhaDoTempoSchema = z
  .object({
    processo: z.object({
      id: z.string(),
      tipo: z.string(),
      tipoRotulo: z.string(),
      fase: z.string(),
      encerrado: z.boolean(),
      numeroSei: z.string().nullable(),
      unidade: z.string(),
      instituicao: z.object({ cnpj: z.string(), nome: z.string() }),
    }),
    eventos: z.array(eventoSchema),
    documentos: z.array(documentoSchema),
    prazos: z.array(prazoSchema),
  })
  .meta({ id: 'LinhaDoTempo' });

export type LinhaDoTempo = z.infer<typeof linhaDoTempoSchema>;
type AtorLinha = z.infer<typeof atorSchema>;

const iso = instante;

/** Names of the people and API keys that acted, in two queries. */
async function resolverAtores(db: Db, ids: Iterable<string>): Promise<(id: string) => AtorLinha> {
  const todos = [...new Set(ids)];
  const chaves = todos.filter((i) => i.startsWith('chave:')).map((i) => i.slice('chave:'.length));
  const usuarios = todos.filter((i) => i !== 'sistema' && !i.startsWith('chave:'));
  const [us, cs] = await Promise.all([
    usuarios.length ? db.selectFrom('usuario').select(['id', 'nome']).where('id', 'in', usuarios).execute() : [],
    chaves.length ? db.selectFrom('chave_api').select(['id', 'nome']).where('id', 'in', chaves).execute() : [],
  ]);
  const nomeUsuario = new Map(us.map((u) => [u.id, u.nome]));
  const nomeChave = new Map(cs.map((c) => [c.id, c.nome]));
  return (id) => {
    if (id === 'sistema') return { id, nome: 'rito (sistema)', tipo: 'sistema' };
    if (id.startsWith('chave:')) {
      const nome = nomeChave.get(id.slice('chave:'.length));
      return { id, nome: nome ?? null, tipo: nome === undefined ? 'desconhecido' : 'chave-api' };
    }
    const nome = nomeUsuario.get(id);
    return { id, nome: nome ?? null, tipo: nome === undefined ? 'desconhecido' : 'usuario' };
  };
}

/** The limit history of each prazo, as the activity recording the prazo wrote it (prazo_alteracao). */
function historicoDosPrazos(alteracoes: PrazoAlteracao[]): Map<string, z.infer<typeof alteracaoPrazoSchema>[]> {
  const porPrazo = new Map<string, z.infer<typeof alteracaoPrazoSchema>[]>();
  for (const a of alteracoes) {
    const lista = porPrazo.get(a.prazo_id) ?? [];
    const anterior = lista.at(-1)?.limite ?? null;
    // In Brasília time with its offset: 23:59:59 of the last day reads as that day.
    const limite = formatarInstanteBrasilia(new Date(a.limite).getTime());
    lista.push({
      versao: a.versao,
      em: formatarInstanteBrasilia(new Date(a.em).getTime()),
      motivo: a.motivo,
      limiteAnterior: anterior,
      limite,
      vencimento: a.vencimento,
      situacao: a.situacao,
      alterouLimite: anterior === null || Date.parse(anterior) !== Date.parse(limite),
    });
    porPrazo.set(a.prazo_id, lista);
  }
  return porPrazo;
}

/** The timeline of a process, from the row the request already read. */
export async function lerLinhaDoTempo(db: Db, processo: Processo): Promise<LinhaDoTempo> {
  const processoId = processo.id;
  const [eventos, documentos, prazos, alteracoes] = await Promise.all([
    db.selectFrom('processo_evento').selectAll().where('processo_id', '=', processoId).orderBy('seq').execute(),
    db
      .selectFrom('documento')
      .select(['id', 'tipo', 'identificacao', 'assunto', 'unidade', 'emitido_em', 'emitido_por', 'numero', 'criado_em'])
      .where('processo_id', '=', processoId)
      .orderBy('emitido_em')
      .orderBy('criado_em')
      .execute(),
    db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', processoId).execute(),
    alteracoesDosPrazos(db, processoId),
  ]);
  const ator = await resolverAtores(db, [...eventos.map((e) => e.ator), ...documentos.map((d) => d.emitido_por)]);
  const historicos = historicoDosPrazos(alteracoes);
  // Prazo ids end in their opening order (`${processoId}:prazo:${n}`).
  const ordem = (id: string) => Number(id.slice(id.lastIndexOf(':') + 1)) || 0;

  return {
    processo: {
      id: processo.id,
      tipo: processo.tipo,
      tipoRotulo: rotuloTipoProcesso(processo.tipo),
      fase: processo.fase,
      encerrado: processo.encerrado,
      numeroSei: processo.numero_sei,
      unidade: processo.unidade,
      instituicao: { cnpj: processo.instituicao_cnpj, nome: processo.instituicao_nome },
    },
    eventos: eventos.map((e) => ({
      seq: e.seq,
      tipo: e.tipo,
      descricao: e.descricao,
      ator: ator(e.ator),
      ocorridoEm: iso(e.ocorrido_em),
      // Instants the workflow recorded in UTC before every one went out in Brasília time.
      dados: instantesEmBrasilia((e.dados ?? {}) as unknown as Record<string, unknown>),
    })),
    documentos: documentos.map((d) => ({
      id: d.id,
      tipo: d.tipo,
      identificacao: d.identificacao,
      assunto: d.assunto,
      unidade: d.unidade,
      emitidoEm: iso(d.emitido_em),
      emitidoPor: ator(d.emitido_por),
      links: { html: `/v1/documentos/${d.id}`, pdf: `/v1/documentos/${d.id}.pdf` },
    })),
    prazos: prazos
      .sort((a, b) => ordem(a.id) - ordem(b.id))
      .map((p) => ({
        id: p.id,
        codigo: p.codigo,
        rotulo: p.rotulo,
        ciencia: p.ciencia,
        dias: p.dias,
        uteis: p.uteis,
        contarDe: p.contar_de,
        prorrogavel: p.prorrogavel,
        prorrogado: p.prorrogado,
        vencimento: p.vencimento,
        limite: iso(p.limite),
        situacao: p.situacao,
        historico: historicos.get(p.id) ?? [],
      })),
  };
}

const linhaDoTempoRoutes: FastifyPluginAsyncZod<ApiDeps> = async (app, deps) => {
  app.get(
    '/:id/linha-do-tempo',
    {
      // the names of who acted, the documents' recipients
      config: { papeis: [...PAPEIS_LEITURA], auditoria: { acao: 'processo.linha-do-tempo.ler', recurso: 'processo', dadosPessoais: true } },
      schema: {
        tags: ['processos'],
        summary: 'Linha do tempo do processo: eventos com seus autores, documentos emitidos e prazos com o histórico de seus limites',
        description:
          'Lida do modelo de leitura, que o workflow do processo mantém. Cada documento traz os links para seu HTML e seu PDF; ' +
          'cada prazo, o histórico de seu limite (abertura, prorrogação, dias decretados sem expediente, encerramento).',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: linhaDoTempoSchema, 401: erroSchema, 403: erroSchema, 404: erroSchema },
      },
    },
    async (request) => {
      // plugins/escopo-processo.ts read the process and answered 404 outside scope.
      const processo = processoDaRota(request);
      const linha = await lerLinhaDoTempo(deps.db, processo);
      // The party of the rite sees its events' data as it sees the rite's state (api/ritos/parte.ts).
      const rito = ritoDoTipo(processo.tipo);
      const ator = requireAtor(request);
      return rito ? { ...linha, eventos: linha.eventos.map((e) => ({ ...e, dados: dadosParaAtor(rito, ator, e.dados) })) } : linha;
    },
  );
};

export default linhaDoTempoRoutes;
