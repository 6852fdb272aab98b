/**
 * GET /v1/prazos/vencendo?dias=N — the open prazos (prazo_processo.situacao =
 * 'aberto') whose limit falls within the next N business days, in the caller's
 * scope, soonest first.
 *
 * The cutoff is computed by the prazo engine (rules/prazos calcularPrazo, dias
 * úteis) from today in America/Sao_Paulo, on the calendar of Rio de Janeiro
 * (national and RJ holidays) with the decreed days kept in PostgreSQL
 * (db/dias-decretados.ts lerDiasDecretados); with `unidade`, that unit's own
 * decreed days count too. The last business day counts whole (23:59:59).
 *
 * Counting from "today": the engine moves a ciência on a non-business day to
 * the next business day (rule 7), which would push the cutoff one business day
 * too far when asked on a weekend or holiday; so the count starts from the last
 * business day up to today (the days in between are not business days, so the
 * N business days that follow are the same).
 *
 * An open prazo whose limit has already passed (the workflow has not yet
 * recorded its end) is listed too, flagged `vencido`: it is the most urgent.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { lerFeriadosMunicipais } from '../../db/feriados-municipais';
import { localDaUnidade } from '../../db/unidades';
import { lerDiasDecretados } from '../../db/dias-decretados';
import { criarCalendario, diaCivilBrasilia, formatarData, lerData, type Local } from '../../rules/calendario';
import { calcularPrazo } from '../../rules/prazos';
import { rotuloTipoProcesso } from '../../rules/processos/tipos';
import { noEscopo } from '../auth/escopo';
import { erroSchema } from '../errors';
import { requireAtor } from '../plugins/autenticacao';
import type { Ator } from '../auth/ator';
import { instante } from '../instantes';

export interface OpcoesVencendo {
  db: Db;
  /** The clock (tests pin it); default Date.now. */
  agora?: () => number;
}

/** Furthest horizon accepted, in business days (about a semester). */
export const DIAS_VENCENDO_MAXIMO = 120;

const querySchema = z.object({
  dias: z.coerce
    .number({ error: 'dias deve ser um número inteiro de dias úteis' })
    .int('dias deve ser um número inteiro de dias úteis')
    .min(1, 'dias deve ser ao menos 1')
    .max(DIAS_VENCENDO_MAXIMO, `dias deve ser no máximo ${DIAS_VENCENDO_MAXIMO}`)
    .describe('Horizonte em dias úteis a partir de hoje (America/Sao_Paulo)'),
  unidade: z.string().trim().min(1).max(120).optional().describe('Só processos desta COOIE (seus dias decretados entram no cálculo)'),
  limite: z.coerce.number().int().min(1).max(500).default(200).describe('Máximo de itens'),
});

const itemSchema = z.object({
  prazo: z.object({
    id: z.string(),
    codigo: z.string(),
    rotulo: z.string(),
    ciencia: z.string(),
    dias: z.number().int(),
    uteis: z.boolean(),
    prorrogavel: z.boolean(),
    prorrogado: z.boolean(),
    vencimento: z.string(),
    limite: z.string(),
  }),
  processo: z.object({
    id: z.string(),
    tipo: z.string(),
    tipoRotulo: z.string(),
    fase: z.string(),
    numeroSei: z.string().nullable(),
    unidade: z.string(),
    instituicao: z.object({ cnpj: z.string(), nome: z.string() }),
  }),
  vencido: z.boolean().describe('o limite já passou e o workflow ainda não registrou o fim do prazo'),
});

export const vencendoSchema = z
  .object({
    hoje: z.string().describe('Data de hoje em America/Sao_Paulo'),
    dias: z.number().int(),
    ate: z.string().describe('Último dia útil do horizonte (AAAA-MM-DD)'),
    limiteAte: z.string().describe('23:59:59 (Brasília) do último dia útil do horizonte'),
    diasDecretados: z.array(z.object({ data: z.string(), motivo: z.string() })).describe('Dias decretados sem expediente considerados no horizonte'),
    itens: z.array(itemSchema),
  })
  .meta({ id: 'PrazosVencendo' });

/** The cutoff of "the next `dias` business days" from the civil day `hoje`. */
export async function horizonteDiasUteis(db: Db, hoje: string, dias: number, unidade?: string) {
  // A unit's prazos count on its seat's calendar (db/unidades.ts); without a unit, the State's.
  const local: Local = unidade ? await localDaUnidade(db, unidade) : { uf: 'RJ' };
  // Decreed days from a month back: the count may start on the last business day before today.
  const diaHoje = lerData(hoje, 'hoje');
  const decretados = await lerDiasDecretados(db, local, formatarData(diaHoje - 31));
  const feriadosMunicipais = local.municipio ? await lerFeriadosMunicipais(db, local.municipio) : [];
  const calendario = criarCalendario(local, decretados, { feriadosMunicipais });
  let base = diaHoje;
  while (!calendario.ehDiaUtil(base)) base--;
  const r = calcularPrazo({ ciencia: formatarData(base), dias, uteis: true, local, diasDecretados: decretados, feriadosMunicipais });
  return {
    ate: r.vencimento,
    limite: r.limite,
    limiteEpochMs: r.limiteEpochMs,
    decretados: decretados.filter((d) => d.data > hoje && d.data <= r.vencimento).map((d) => ({ data: d.data, motivo: `${d.motivo} (${d.atoLegal})` })),
  };
}

/**
 * The open prazos in `ator`'s scope whose limit falls within the next `dias`
 * business days from the civil day of `agoraMs`: GET /v1/prazos/vencendo and
 * the supervisors' dashboard page (paginas/) alike.
 */
export async function prazosVencendo(db: Db, ator: Ator, { dias, unidade, limite }: { dias: number; unidade?: string; limite: number }, agoraMs: number) {
  const hoje = formatarData(diaCivilBrasilia(agoraMs));
  const h = await horizonteDiasUteis(db, hoje, dias, unidade);
  let q = db
    .selectFrom('prazo_processo')
    .innerJoin('processo', 'processo.id', 'prazo_processo.processo_id')
    .select([
      'prazo_processo.id as prazo_id',
      'prazo_processo.codigo',
      'prazo_processo.rotulo',
      'prazo_processo.ciencia',
      'prazo_processo.dias',
      'prazo_processo.uteis',
      'prazo_processo.prorrogavel',
      'prazo_processo.prorrogado',
      'prazo_processo.vencimento',
      'prazo_processo.limite',
      'processo.id as processo_id',
      'processo.tipo',
      'processo.fase',
      'processo.numero_sei',
      'processo.unidade',
      'processo.instituicao_cnpj',
      'processo.instituicao_nome',
    ])
    .where('prazo_processo.situacao', '=', 'aberto')
    .where('prazo_processo.limite', '<=', new Date(h.limiteEpochMs))
    .where(noEscopo(ator))
    .orderBy('prazo_processo.limite')
    .orderBy('prazo_processo.id')
    .limit(limite);
  if (unidade) q = q.where('processo.unidade', '=', unidade);
  const rows = await q.execute();
  return {
    hoje,
    dias,
    ate: h.ate,
    limiteAte: h.limite,
    diasDecretados: h.decretados,
    itens: rows.map((r) => ({
      prazo: {
        id: r.prazo_id,
        codigo: r.codigo,
        rotulo: r.rotulo,
        ciencia: r.ciencia,
        dias: r.dias,
        uteis: r.uteis,
        prorrogavel: r.prorrogavel,
        prorrogado: r.prorrogado,
        vencimento: r.vencimento,
        limite: instante(r.limite),
      },
      processo: {
        id: r.processo_id,
        tipo: r.tipo,
        tipoRotulo: rotuloTipoProcesso(r.tipo),
        fase: r.fase,
        numeroSei: r.numero_sei,
        unidade: r.unidade,
        instituicao: { cnpj: r.instituicao_cnpj, nome: r.instituicao_nome },
      },
      vencido: new Date(r.limite).getTime() < agoraMs,
    })),
  };
}

const prazosVencendoRoutes: FastifyPluginAsyncZod<OpcoesVencendo> = async (app, opts) => {
  const { db } = opts;
  const agora = opts.agora ?? Date.now;

  app.get(
    '/vencendo',
    {
      // prazos of processes, units and institutions (legal persons): no one's personal data
      config: { papeis: ['representante', 'inspetor', 'comissao', 'coogie', 'supervisor', 'administrador'], auditoria: { dadosPessoais: false } },
      schema: {
        tags: ['prazos'],
        summary: 'Prazos em curso que vencem nos próximos N dias úteis, no seu escopo, do mais próximo ao mais distante',
        description:
          'O horizonte é calculado pelo motor de prazos: N dias úteis a partir de hoje (America/Sao_Paulo), no calendário da sede da unidade (sem unidade, o do Estado do RJ) ' +
          'com os dias decretados sem expediente. Prazos em aberto cujo limite já passou aparecem marcados como vencidos.',
        querystring: querySchema,
        response: { 200: vencendoSchema, 400: erroSchema, 401: erroSchema, 403: erroSchema },
      },
    },
    async (request) => {
      const { dias, unidade, limite } = request.query;
      return prazosVencendo(db, requireAtor(request), { dias, unidade, limite }, agora());
    },
  );
};

export default prazosVencendoRoutes;
