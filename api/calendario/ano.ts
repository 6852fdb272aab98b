/**
 * The calendar of a year at a place: its non-business days (holidays by law and
 * the decreed days of a source), with their reasons. What GET /v1/calendario/{ano}
 * answers and `rito calendario listar --json` prints (cli/calendario.ts).
 *
 * Imports only the engine: cheap for the CLI.
 */
import {
  criarCalendario,
  dadosDaFonte,
  type DataCivil,
  type DiaDecretado,
  type FonteDiasDecretados,
  type Local,
  naoUteisDoAno,
  validarLocal,
} from '../../rules/calendario';

export interface CalendarioDoAno {
  ano: number;
  local: Local;
  naoUteis: { data: DataCivil; motivo: string }[];
  /** Business days on which no prazo ends (reduced expediente, on which none starts either; outages of rito). */
  restritos: { data: DataCivil; motivo: string; tipo: 'expediente-parcial' | 'indisponibilidade' }[];
  avisos: string[];
}

/** Non-business days of a year at a place (holidays by law and decreed days), with reasons; `rito calendario listar --json`. */
export async function calendarioDoAno(
  ano: number,
  local: Local,
  opcoes: { incluirFinsDeSemana?: boolean; diasDecretados?: readonly DiaDecretado[] } = {},
  fonte?: FonteDiasDecretados,
): Promise<CalendarioDoAno> {
  const lugar = validarLocal(local);
  const doAno = Number.isInteger(ano) && ano >= 1000 && ano <= 9999;
  const daFonte = dadosDaFonte(fonte && doAno ? await fonte({ local: lugar, de: `${ano}-01-01`, ate: `${ano}-12-31` }) : []);
  const municipais = daFonte.feriadosMunicipais !== undefined ? { feriadosMunicipais: daFonte.feriadosMunicipais } : {};
  const decretados = [...(opcoes.diasDecretados ?? []), ...daFonte.diasDecretados];
  const naoUteis = naoUteisDoAno(ano, lugar, decretados, {
    incluirFinsDeSemana: !!opcoes.incluirFinsDeSemana,
    ...municipais,
  });
  const cal = criarCalendario(lugar, decretados, municipais);
  return { ano, local: lugar, naoUteis, restritos: cal.restritosDoAno(ano), avisos: [...cal.avisos] };
}
