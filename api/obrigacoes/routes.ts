/**
 * The institutions' periodic obligations (/v1/obrigacoes): the RGA of the EAD
 * institutions per month (rga.ts), and the Relatório
 * Anual of each institution rito knows (through its processes), due by the last
 * business day of May on the calendar of its unit's seat (rules/obrigacoes),
 * with whether it was delivered (a relatorio-anual process reporting the
 * previous school year), on time or late, or is still owed — overdue ones for the
 * COOIE and the supervisor to see. Within the caller's scope, as processes are.
 */
import { sql } from 'kysely';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { calendarioDaUnidade } from '../../db/calendario-da-unidade';
import type { Db } from '../../db/connect';
import { ANO_MAXIMO, ANO_MINIMO } from '../../rules/calendario';
import { vencimentoRelatorioAnual } from '../../rules/obrigacoes';
import { noEscopo } from '../auth/escopo';
import { type Ator, PAPEIS_DE_PESSOA } from '../auth/ator';
import { erroSchema } from '../errors';
import { instante } from '../instantes';
import { requireAtor } from '../plugins/autenticacao';
import { rgaRoutes, type RgaRoutesOptions } from './rga';

const situacoes = ['entregue', 'entregue-com-atraso', 'a-vencer', 'em-atraso'] as const;

const itemSchema = z.object({
  instituicao: z.object({ cnpj: z.string(), codigoInep: z.string(), nome: z.string() }),
  unidade: z.string(),
  anoLetivo: z.number(),
  vencimento: z.string().describe('último dia (AAAA-MM-DD); o prazo termina às 23:59:59 de Brasília'),
  explicacao: z.string().describe('como o vencimento foi contado, com a norma'),
  situacao: z.enum(situacoes),
  entregueEm: z.string().nullable(),
  processoId: z.string().nullable(),
});

const obrigacoesRoutes: FastifyPluginAsyncZod<RgaRoutesOptions> = async (app, opts) => {
  const { db } = opts;
  // The RGA of the EAD institutions, per month (api/obrigacoes/rga.ts).
  await app.register(rgaRoutes, { db, arquivos: opts.arquivos, relogio: opts.relogio });
  app.get(
    '/relatorio-anual',
    {
      config: { papeis: [...PAPEIS_DE_PESSOA], auditoria: { dadosPessoais: false } }, // institutions and dates: no one's personal data
      schema: {
        tags: ['processos'],
        summary: 'Relatório Anual devido por instituição no ano: vencimento (último dia útil de maio na sede da unidade) e situação (entregue, com atraso, a vencer, em atraso)',
        querystring: z.object({
          // The years the calendar knows (rules/calendario): outside them no business day can be counted.
          ano: z.coerce
            .number({ error: 'informe o ano de entrega' })
            .int()
            .min(ANO_MINIMO, `ano inválido: use de ${ANO_MINIMO} a ${ANO_MAXIMO}`)
            .max(ANO_MAXIMO, `ano inválido: use de ${ANO_MINIMO} a ${ANO_MAXIMO}`),
          unidade: z.string().max(120).optional(),
          situacao: z.enum(situacoes, { error: `situação inválida: use ${situacoes.join(', ')}` }).optional(),
        }),
        response: { 200: z.object({ itens: z.array(itemSchema) }), 400: erroSchema, 401: erroSchema, 403: erroSchema },
      },
    },
    async (request) => ({ itens: await listarRelatorioAnual(db, requireAtor(request), request.query, Number(await (opts.relogio ?? Date.now)())) }),
  );
};

/**
 * Each institution's Relatório Anual delivered in `ano`, within the caller's
 * scope, with its due date on the unit's calendar and its situação at
 * `agoraMs`: the one reading of GET /v1/obrigacoes/relatorio-anual and of the pages.
 */
export async function listarRelatorioAnual(
  db: Db,
  ator: Ator,
  filtros: { ano: number; unidade?: string; situacao?: (typeof situacoes)[number] },
  agoraMs: number,
): Promise<z.output<typeof itemSchema>[]> {
  const { ano, unidade, situacao } = filtros;
  let q = db
    .selectFrom('processo')
    .select(['instituicao_cnpj', 'instituicao_codigo_inep', 'instituicao_nome', 'unidade'])
    .distinctOn('instituicao_codigo_inep')
    .where(noEscopo(ator))
    .orderBy('instituicao_codigo_inep')
    .orderBy('criado_em', 'desc');
  if (unidade) q = q.where('unidade', '=', unidade);
  const instituicoes = await q.execute();
  // Deliveries: the 'entregar-relatorio' act of each relatorio-anual process, with the school year it reports.
  const entregas = instituicoes.length
    ? await db
        .selectFrom('processo_evento')
        .innerJoin('processo', 'processo.id', 'processo_evento.processo_id')
        .select(['processo.id', 'processo.instituicao_codigo_inep', 'processo_evento.ocorrido_em', sql<string>`processo_evento.dados->'dados'->>'anoLetivo'`.as('ano_letivo')])
        .where('processo.tipo', '=', 'relatorio-anual')
        .where('processo_evento.tipo', '=', 'entregar-relatorio')
        .where('processo.instituicao_codigo_inep', 'in', instituicoes.map((i) => i.instituicao_codigo_inep))
        .execute()
    : [];
  const calendarios = new Map<string, Awaited<ReturnType<typeof calendarioDaUnidade>>>();
  const itens: z.output<typeof itemSchema>[] = [];
  for (const i of instituicoes) {
    let cal = calendarios.get(i.unidade);
    if (!cal) calendarios.set(i.unidade, (cal = await calendarioDaUnidade(db, i.unidade, `${ano}-01-01`)));
    const v = vencimentoRelatorioAnual(ano, { local: cal.local, diasDecretados: cal.diasDecretados, opcoes: { feriadosMunicipais: cal.feriadosMunicipais } });
    const entrega = entregas.find((e) => e.instituicao_codigo_inep === i.instituicao_codigo_inep && Number(e.ano_letivo) === v.anoLetivo);
    const s: (typeof situacoes)[number] = entrega
      ? entrega.ocorrido_em.getTime() <= v.limiteMs
        ? 'entregue'
        : 'entregue-com-atraso'
      : agoraMs <= v.limiteMs
        ? 'a-vencer'
        : 'em-atraso';
    if (situacao && s !== situacao) continue;
    itens.push({
      instituicao: { cnpj: i.instituicao_cnpj, codigoInep: i.instituicao_codigo_inep, nome: i.instituicao_nome },
      unidade: i.unidade,
      anoLetivo: v.anoLetivo,
      vencimento: v.data,
      explicacao: v.explicacao,
      situacao: s,
      entregueEm: entrega ? instante(entrega.ocorrido_em) : null,
      processoId: entrega?.id ?? null,
    });
  }
  return itens;
}

export default obrigacoesRoutes;
