/**
 * GET /v1/tarefas — the decisions the units owe now (the Comissão's
 * Pronunciamento, the COOIE's Ordem de Serviço, the COOGIE's edital…), with
 * their deadline, as each process's workflow mirrors them into the read model
 * (table tarefa, db/processos.ts). Overdue
 * ones are flagged: supervisors audit them, units work through them.
 *
 * Who: supervisors and the COOGIE see every unit; an inspetor sees the
 * processes of its own COOIE (asking for another unit is refused with 403).
 * A task's deadline is its rite's (DefinicaoRito.prazoTarefa: 30 days for the
 * vistoria): overdue means its limit (23:59:59 of the last day) has passed.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { rotuloTipoProcesso } from '../../rules/processos/tipos';
import { rotuloAtorDoTipo, rotuloFase } from '../../rules/ritos/registro';
import { escopoDe, noEscopo } from '../auth/escopo';
import { erroSchema, HttpError } from '../errors';
import { requireAtor } from '../plugins/autenticacao';
import type { Ator } from '../auth/ator';
import { instante } from '../instantes';

export interface OpcoesTarefas {
  db: Db;
  /** The clock (tests pin it); default Date.now. */
  agora?: () => number;
}

const querySchema = z.object({
  atrasadas: z
    .enum(['true', 'false'], { error: 'atrasadas deve ser true ou false' })
    .transform((v) => v === 'true')
    .optional()
    .describe('true: só as vencidas; false: só as em dia; ausente: todas'),
  unidade: z.string().trim().min(1).max(120).optional().describe('COOIE dos processos (um inspetor só pode pedir a sua)'),
  responsavel: z.string().trim().min(1).max(60).optional().describe('quem deve decidir, como o rito o nomeia (na vistoria: cooie, comissao, coogie)'),
  limite: z.coerce.number().int().min(1).max(500).default(200).describe('Máximo de itens'),
});

const tarefaSchema = z.object({
  processo: z.object({
    id: z.string(),
    tipo: z.string(),
    tipoRotulo: z.string(),
    fase: z.string(),
    faseRotulo: z.string(),
    numeroSei: z.string().nullable(),
    unidade: z.string(),
    instituicao: z.object({ cnpj: z.string(), nome: z.string() }),
  }),
  responsavel: z.string().describe('quem deve decidir, como o rito o nomeia (na vistoria: cooie, comissao ou coogie)'),
  responsavelRotulo: z.string(),
  descricao: z.string(),
  limite: z.string().nullable().describe('23:59:59 (Brasília) do último dia para decidir'),
  atrasada: z.boolean(),
});

export const tarefasSchema = z
  .object({
    agora: z.string(),
    total: z.number().int().describe('itens devolvidos'),
    atrasadas: z.number().int().describe('quantos dos itens devolvidos estão atrasados'),
    itens: z.array(tarefaSchema),
  })
  .meta({ id: 'Tarefas' });

/**
 * The decisions units owe now in `ator`'s scope, soonest limit first: GET
 * /v1/tarefas and the supervisors' dashboard page (paginas/) alike. An
 * inspetor asking for another unit is refused (403).
 */
export async function tarefasDevidas(db: Db, ator: Ator, q: { atrasadas?: boolean; unidade?: string; responsavel?: string; limite: number }, agoraMs: number) {
  const escopo = escopoDe(ator);
  if (q.unidade && !escopo.tudo && !escopo.unidades.includes(q.unidade)) {
    throw new HttpError(403, 'fora-do-escopo', `Você só vê as tarefas da sua unidade${ator.unidade ? ` (${ator.unidade})` : ''}.`);
  }
  const momento = new Date(agoraMs);
  let query = db
    .selectFrom('tarefa')
    .innerJoin('processo', 'processo.id', 'tarefa.processo_id')
    .select([
      'processo.id',
      'processo.tipo',
      'processo.fase',
      'processo.numero_sei',
      'processo.unidade',
      'processo.instituicao_cnpj',
      'processo.instituicao_nome',
      'tarefa.responsavel',
      'tarefa.descricao',
      'tarefa.limite',
    ])
    .where('tarefa.situacao', '=', 'aberta')
    // The scope is the processes': a semi-join keeps its one SQL form (api/auth/escopo.ts).
    .where('processo.id', 'in', db.selectFrom('processo').select('processo.id').where('encerrado', '=', false).where(noEscopo(ator)))
    .orderBy('tarefa.limite')
    .orderBy('processo.id')
    .limit(q.limite);
  if (q.unidade) query = query.where('processo.unidade', '=', q.unidade);
  if (q.responsavel) query = query.where('tarefa.responsavel', '=', q.responsavel);
  if (q.atrasadas === true) query = query.where('tarefa.limite', '<', momento);
  if (q.atrasadas === false) query = query.where('tarefa.limite', '>=', momento);
  const rows = await query.execute();
  const itens = rows.map((r) => {
    const limite = new Date(r.limite);
    const responsavel = r.responsavel;
    return {
      processo: {
        id: r.id,
        tipo: r.tipo,
        tipoRotulo: rotuloTipoProcesso(r.tipo),
        fase: r.fase,
        faseRotulo: rotuloFase(r.tipo, r.fase),
        numeroSei: r.numero_sei,
        unidade: r.unidade,
        instituicao: { cnpj: r.instituicao_cnpj, nome: r.instituicao_nome },
      },
      responsavel,
      responsavelRotulo: rotuloAtorDoTipo(r.tipo, responsavel),
      descricao: r.descricao,
      limite: instante(limite),
      atrasada: limite.getTime() < agoraMs,
    };
  });
  return { agora: instante(momento), total: itens.length, atrasadas: itens.filter((i) => i.atrasada).length, itens };
}

const tarefasRoutes: FastifyPluginAsyncZod<OpcoesTarefas> = async (app, opts) => {
  const { db } = opts;
  const agora = opts.agora ?? Date.now;

  app.get(
    '/',
    {
      prefixTrailingSlash: 'no-slash', // the prefix itself, not also the prefix with a trailing slash
      // processes, units and institutions (legal persons): no one's personal data
      config: { papeis: ['inspetor', 'coogie', 'supervisor'], auditoria: { dadosPessoais: false } },
      schema: {
        tags: ['tarefas'],
        summary: 'Decisões que as unidades devem tomar agora, com seus limites; as atrasadas vêm marcadas',
        description:
          'Supervisores e COOGIE veem todas as unidades; um inspetor, os processos da sua COOIE. ' +
          'Ordenadas pelo limite, da mais antiga para a mais recente.',
        querystring: querySchema,
        response: { 200: tarefasSchema, 400: erroSchema, 401: erroSchema, 403: erroSchema },
      },
    },
    async (request) => tarefasDevidas(db, requireAtor(request), request.query, agora()),
  );
};

export default tarefasRoutes;
