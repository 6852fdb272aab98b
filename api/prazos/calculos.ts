/**
 * The prazo calculations with the decreed days of a source (the database,
 * db/dias-decretados.ts), shared by the HTTP API (api/prazos/routes.ts) and
 * `rito prazo` (cli/prazo.ts), so that both answer the same question the same
 * way: same inputs, same engine calls, same result objects.
 *
 * Each calculation loads the decreed days from its start date to a horizon,
 * computes, and widens the horizon while the result reaches past it (a decreed
 * day after the last day cannot change it, so the answer is then final).
 * Decreed days passed in the input (`diasDecretados`: a simulation, or the
 * CLI's `--decretados` file) are added to those of the source.
 *
 * Imports only the engine: cheap for the CLI.
 */
import {
  dadosDaFonte,
  type DataCivil,
  type DiaDecretado,
  type FeriadoMunicipal,
  ErroEntrada,
  diaNoCalendario,
  type FonteDiasDecretados,
  formatarData,
  lerData,
  lerDataOuInstante,
  type Local,
  validarLocal,
} from '../../rules/calendario';
import {
  calcularPrazo,
  cienciaTacita,
  dataMinimaVisita,
  DIAS_MAXIMO,
  type EntradaCiencia,
  type EntradaPrazo,
  type EntradaProrrogacao,
  type EntradaTempestividade,
  type EntradaVisita,
  prorrogarPrazo,
  type ResultadoCiencia,
  type ResultadoPrazo,
  type ResultadoProrrogacao,
  type ResultadoTempestividade,
  type ResultadoVisita,
  tempestivo,
} from '../../rules/prazos';

/** Where an act happens when the caller does not say (rito serves SEEDUC-RJ). */
export const LOCAL_PADRAO: Local = Object.freeze({ uf: 'RJ' });

/** A decreed day read from the source failed the engine's validation: a data problem, not the caller's. */
export class DecretadoInvalidoNaFonte extends Error {}

/** Days past the start that the first read covers, for a prazo of `dias`. */
function horizonte(dias: unknown, uteis: unknown): number {
  const n = typeof dias === 'number' && Number.isFinite(dias) ? Math.min(Math.max(Math.trunc(dias), 0), DIAS_MAXIMO) : 0;
  return (uteis === true ? 2 * n : n) + 60;
}

async function comDecretados<R>(
  fonte: FonteDiasDecretados | undefined,
  extras: readonly DiaDecretado[] | undefined,
  local: unknown,
  inicio: () => number,
  horizonteDias: number,
  calcular: (cal: { diasDecretados: readonly DiaDecretado[] | undefined; feriadosMunicipais?: readonly FeriadoMunicipal[] }) => R,
  ultimoDia: (r: R) => DataCivil,
): Promise<R> {
  if (!fonte) return calcular({ diasDecretados: extras });
  // Validate what the query needs first, so that a bad input is named as the caller sent it.
  const lugar = validarLocal(local);
  const de = inicio();
  // A start outside the calendar's years is the engine's to refuse, naming the field; nothing to read for it.
  if (!diaNoCalendario(de)) return calcular({ diasDecretados: extras });
  let ate = formatarData(de + horizonteDias);
  for (;;) {
    const { diasDecretados: daFonte, feriadosMunicipais } = dadosDaFonte(await fonte({ local: lugar, de: formatarData(de), ate }));
    const proprios = Array.isArray(extras) ? extras : [];
    let r: R;
    try {
      r = calcular({
        diasDecretados: extras !== undefined && !Array.isArray(extras) ? extras : [...proprios, ...daFonte],
        ...(feriadosMunicipais !== undefined ? { feriadosMunicipais } : {}),
      });
    } catch (e) {
      const m = e instanceof ErroEntrada ? /^diasDecretados\[(\d+)\]/.exec(e.campo) : null;
      if (m && Number(m[1]) >= proprios.length) throw new DecretadoInvalidoNaFonte(`dia decretado inválido no banco: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
    if (ultimoDia(r) <= ate) return r;
    ate = formatarData(lerData(ultimoDia(r), 'vencimento') + horizonteDias);
  }
}

export function calcular(e: EntradaPrazo, fonte?: FonteDiasDecretados): Promise<ResultadoPrazo> {
  return comDecretados(
    fonte, e.diasDecretados, e.local, () => lerData(e.ciencia, 'ciencia'), horizonte(e.dias, e.uteis),
    (cal) => calcularPrazo({ ...e, ...cal }),
    (r) => r.vencimento,
  );
}

export function prorrogar(e: EntradaProrrogacao, fonte?: FonteDiasDecretados): Promise<ResultadoProrrogacao> {
  return comDecretados(
    fonte, e.diasDecretados, e.local, () => lerData(e.vencimento, 'vencimento'), horizonte(e.dias, e.uteis),
    (cal) => prorrogarPrazo({ ...e, ...cal }),
    (r) => r.vencimento,
  );
}

export function ciencia(e: EntradaCiencia, fonte?: FonteDiasDecretados): Promise<ResultadoCiencia> {
  // The window starts at the envio's Brasília date (an instant is reduced to it).
  return comDecretados(
    fonte, e.diasDecretados, e.local, () => lerDataOuInstante(e.envio, 'envio'), 60,
    (cal) => cienciaTacita({ ...e, ...cal }),
    (r) => r.vencimento,
  );
}

export function visita(e: EntradaVisita, fonte?: FonteDiasDecretados): Promise<ResultadoVisita> {
  return comDecretados(
    fonte, e.diasDecretados, e.local, () => lerDataOuInstante(e.aviso, 'aviso'), 60,
    (cal) => dataMinimaVisita({ ...e, ...cal }),
    (r) => r.data,
  );
}

/**
 * Timeliness needs no calendar; the place only serves to warn about a
 * vencimento that is not a business day there. Without `local` and
 * `diasDecretados` nothing is read; with either, the place defaults to RJ.
 */
export function tempestividade(e: EntradaTempestividade, fonte?: FonteDiasDecretados): Promise<ResultadoTempestividade> {
  if (e.local === undefined && e.diasDecretados === undefined) return Promise.resolve(tempestivo({ vencimento: e.vencimento, em: e.em }));
  const local = e.local ?? LOCAL_PADRAO;
  return comDecretados(
    fonte, e.diasDecretados, local, () => lerData(e.vencimento, 'vencimento'), 0,
    (cal) => tempestivo({ vencimento: e.vencimento, em: e.em, local, ...cal }),
    (r) => r.vencimento,
  );
}
