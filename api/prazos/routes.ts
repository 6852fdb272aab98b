/**
 * Prazo calculations over HTTP, under /v1/prazos: the same inputs, engine calls
 * and JSON results as `rito prazo … --json` (both go through
 * api/prazos/calculos.ts), with the decreed days maintained in PostgreSQL
 * (/v1/calendario/decretados, read through db/dias-decretados.ts).
 *
 * Any authenticated caller may calculate. They are POSTs because their inputs
 * are structured (a place, simulated decreed days), but they change nothing:
 * there is no state change for the audit trail to record (see `calculoSemEstado`).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Db } from '../../db/connect';
import { fonteDiasDecretados } from '../../db/dias-decretados';
import type { FonteDiasDecretados } from '../../rules/calendario';
import { PAPEIS } from '../auth/ator';
import { erroSchema, traduzindoErros } from '../errors';
import * as calculos from './calculos';
import {
  calculoSchema,
  cienciaSchema,
  prorrogacaoSchema,
  resultadoCienciaSchema,
  resultadoPrazoSchema,
  resultadoProrrogacaoSchema,
  resultadoTempestividadeSchema,
  resultadoVisitaSchema,
  tempestividadeSchema,
  visitaSchema,
} from './schemas';

export interface OpcoesPrazos {
  db: Db;
  /** Where decreed days come from (default: PostgreSQL through `db`); the benchmark passes its own. */
  fonteDecretados?: FonteDiasDecretados;
}

/** Every authenticated caller, people and systems alike. */
const TODOS_OS_PAPEIS = [...PAPEIS];

const erros = { 400: erroSchema, 401: erroSchema, 403: erroSchema };

/**
 * A calculation is a question, not a change: it leaves nothing for the audit
 * trail (api/plugins/auditoria.ts writes a generic entry after every 2xx POST
 * not audited by its handler). Recording every calculation would also
 * serialise them all on the trail's lock.
 */
function calculoSemEstado(request: FastifyRequest): void {
  request.auditado = true;
}

const prazosRoutes: FastifyPluginAsyncZod<OpcoesPrazos> = async (app, opts) => {
  const fonte = opts.fonteDecretados ?? fonteDiasDecretados(opts.db);

  const rota = (
    caminho: string,
    acao: string,
    body: z.ZodType,
    resposta: z.ZodType,
    summary: string,
    description: string,
    // The engine validates the meaning of its input itself (a UF, a date that exists…): zod only checked the types.
    calcular: (entrada: never, f: FonteDiasDecretados) => Promise<unknown>,
  ) =>
    app.post(
      caminho,
      {
        config: { papeis: TODOS_OS_PAPEIS, auditoria: { acao } },
        schema: { tags: ['prazos'], summary, description, body, response: { 200: resposta, ...erros } },
      },
      (request) => {
        calculoSemEstado(request); // in the handler, not a hook: one promise less per calculation (issue 16)
        return traduzindoErros(() => calcular(request.body as never, fonte));
      },
    );

  rota(
    '/calculo',
    'prazo.calcular',
    calculoSchema,
    resultadoPrazoSchema,
    'Vencimento de um prazo a partir da ciência',
    'Dias corridos ou úteis, contados do dia seguinte à ciência (regra 1) ou do primeiro dia útil seguinte à comunicação (regra 5); ' +
      'último dia em dia não útil passa ao primeiro dia útil seguinte (regra 3). Considera feriados nacionais, estaduais e municipais ' +
      'e os dias decretados cadastrados. O mesmo que `rito prazo calcular --json`.',
    calculos.calcular,
  );
  rota(
    '/prorrogacao',
    'prazo.prorrogar',
    prorrogacaoSchema,
    resultadoProrrogacaoSchema,
    'Prorrogação por igual período',
    'Uma única prorrogação, pedida até o limite atual, contada do último dia atual (regra 6). Prazo improrrogável, já prorrogado ' +
      'ou pedido fora do prazo: concedida false, com o motivo. O mesmo que `rito prazo prorrogar --json`.',
    calculos.prorrogar,
  );
  rota(
    '/ciencia',
    'prazo.ciencia',
    cienciaSchema,
    resultadoCienciaSchema,
    'Data da ciência: expressa ou tácita',
    'Ciência expressa quando a comunicação é aberta; senão tácita 10 dias corridos após o envio; ciência em dia não útil vale no ' +
      'primeiro dia útil seguinte (regra 7). O mesmo que `rito prazo ciencia --json`.',
    calculos.ciencia,
  );
  rota(
    '/visita',
    'prazo.visita',
    visitaSchema,
    resultadoVisitaSchema,
    'Primeira data possível de uma visita',
    'Ao menos 5 dias de antecedência do aviso, em dia útil (regra 8). O mesmo que `rito prazo visita --json`.',
    calculos.visita,
  );
  rota(
    '/tempestividade',
    'prazo.tempestividade',
    tempestividadeSchema,
    resultadoTempestividadeSchema,
    'Se um ato é tempestivo',
    'Tempestivo até 23:59:59 (horário de Brasília) do último dia, qualquer que seja o fuso de quem envia; 00:00:00 do dia seguinte ' +
      'já é extemporâneo (regra 4). O mesmo que `rito prazo tempestivo --json`.',
    calculos.tempestividade,
  );
};

export default prazosRoutes;
