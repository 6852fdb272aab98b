/**
 * `rito prazo` — the prazo engine from the command line, no server needed.
 *
 *   rito prazo calcular   --ciencia 2026-09-02 --dias 5 [--uteis] [--contar-de primeiro-dia-util]
 *   rito prazo prorrogar  --vencimento 2026-09-22 --dias 20 [--uteis] [--pedido-em ISO] [--improrrogavel] [--ja-prorrogado]
 *   rito prazo ciencia    --envio 2026-09-01 [--aberta-em 2026-09-03T10:00:00-03:00]
 *   rito prazo visita     --aviso 2026-09-02 [--antecedencia 5]
 *   rito prazo tempestivo --vencimento 2026-09-08 --em 2026-09-09T02:59:59Z
 * common: [--uf RJ] [--municipio 3304557] [--unidade ID] [--decretados arquivo.json] [--json]
 *
 * Decreed days (pontos facultativos, suspensions, unavailability) come from
 * `AmbienteCli.diasDecretados` — PostgreSQL when DATABASE_URL is set (the
 * decreed days maintained through /v1/calendario/decretados) — plus an optional
 * JSON file (`--decretados`). The computations themselves are shared with the
 * HTTP API (api/prazos/calculos.ts). Exit codes: 0 done (a refused
 * prorrogação or a late act is an answer, not an error), 2 bad arguments
 * (pt-BR message naming the argument), 1 anything else.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as calculos from '../api/prazos/calculos';
import { readSetting } from '../config/settings';
import { fonteDiasDecretados } from '../db/dias-decretados';
import {
  ErroEntrada,
  formatarDataBR,
  lerData,
  type DataCivil,
  type DiaDecretado,
  type FonteDiasDecretados,
  type Local,
  type NaoUtil,
  type UF,
} from '../rules/calendario';
import type {
  ResultadoCiencia,
  ResultadoPrazo,
  ResultadoProrrogacao,
  ResultadoTempestividade,
  ResultadoVisita,
} from '../rules/prazos';

// ------------------------------------------------------------ seam and environment

export type { FonteDiasDecretados };

export interface AmbienteCli {
  /**
   * Decreed days from the database. `run` without an ambiente wires it to
   * PostgreSQL when DATABASE_URL is set (see ambienteDoProcesso); without it
   * only `--decretados` files count.
   */
  diasDecretados?: FonteDiasDecretados;
  /**
   * The seat of a unit (db/unidades.ts), so that `--unidade` alone counts on
   * the unit's calendar as its processes do. With DATABASE_URL; undefined for
   * an unknown unit.
   */
  sedeDaUnidade?: (chave: string) => Promise<Local | undefined>;
  escrever?: (texto: string) => void;
  escreverErro?: (texto: string) => void;
}

/**
 * The environment of a real `rito prazo` / `rito calendario`: with DATABASE_URL,
 * decreed days come from PostgreSQL (the query the workflows use,
 * db/dias-decretados.ts), through a connection opened on first use and closed
 * by `encerrar`. Without it, none (only `--decretados` files).
 */
export function ambienteDoProcesso(env: NodeJS.ProcessEnv = process.env): { ambiente: AmbienteCli; encerrar(): Promise<void> } {
  const url = readSetting('DATABASE_URL', env);
  if (!url) return { ambiente: {}, encerrar: async () => {} };
  let db: import('../db/connect').Db | undefined;
  // Loaded on first use so that commands without a database never pay for pg and Kysely.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const conectar = () => (db ??= (require('../db/connect') as typeof import('../db/connect')).connectDb(url, { max: 1 }));
  const ambiente: AmbienteCli = {
    sedeDaUnidade: async (chave) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { obterUnidade, localDaUnidade } = require('../db/unidades') as typeof import('../db/unidades');
      try {
        return (await obterUnidade(conectar(), chave)) ? await localDaUnidade(conectar(), chave) : undefined;
      } catch (e) {
        throw new Error(`não foi possível ler a unidade do banco (DATABASE_URL): ${e instanceof Error ? e.message : String(e)}`);
      }
    },
    diasDecretados: async (consulta) => {
      try {
        return await fonteDiasDecretados(conectar())(consulta);
      } catch (e) {
        throw new Error(`não foi possível ler os dias decretados do banco (DATABASE_URL): ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
  return {
    ambiente,
    async encerrar() {
      await db?.destroy();
    },
  };
}

/** Usage error: reported as "rito <cmd>: <argumento>: <detalhe>", exit code 2. */
export class ErroArgumento extends Error {
  constructor(
    readonly argumento: string,
    readonly detalhe: string,
  ) {
    super(`${argumento}: ${detalhe}`);
  }
}

const ARGUMENTO_DO_CAMPO: Record<string, string> = {
  ciencia: '--ciencia',
  dias: '--dias',
  uteis: '--uteis',
  contarDe: '--contar-de',
  vencimento: '--vencimento',
  pedidoEm: '--pedido-em',
  prorrogavel: '--improrrogavel',
  jaProrrogado: '--ja-prorrogado',
  envio: '--envio',
  abertaEm: '--aberta-em',
  aviso: '--aviso',
  antecedenciaDias: '--antecedencia',
  em: '--em',
  'local.uf': '--uf',
  'local.municipio': '--municipio',
  'local.unidade': '--unidade',
};

/** Maps an engine ErroEntrada to the CLI argument that caused it. */
export function comoErroArgumento(e: ErroEntrada, origemDecretados = '--decretados'): ErroArgumento {
  const arg = ARGUMENTO_DO_CAMPO[e.campo];
  if (arg) return new ErroArgumento(arg, e.detalhe);
  const m = /^diasDecretados\[(\d+)\]\.?(.*)$/.exec(e.campo);
  if (m) return new ErroArgumento(origemDecretados, `dia decretado nº ${Number(m[1]) + 1}${m[2] ? ` (${m[2]})` : ''}: ${e.detalhe}`);
  return new ErroArgumento(e.campo, e.detalhe);
}

// ------------------------------------------------------------ argument helpers (shared with cli/calendario.ts)

export const OPCOES_LOCAL = {
  uf: { type: 'string' },
  municipio: { type: 'string' },
  unidade: { type: 'string' },
  decretados: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** parseArgs with pt-BR errors naming the argument. */
export function lerArgumentos<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O, posicionais = false) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: posicionais });
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const msg = err.message ?? String(e);
    const opcao = /'(-{1,2}[^' ]+)/.exec(msg)?.[1];
    switch (err.code) {
      case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
        throw new ErroArgumento(opcao ?? 'opção', 'opção desconhecida (veja --help).');
      case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
        throw new ErroArgumento(opcao ?? 'opção', /argument missing/.test(msg) ? 'falta o valor.' : 'esta opção não recebe valor.');
      case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
        const valor = /'([^']*)'/.exec(msg)?.[1] ?? '';
        throw new ErroArgumento(valor || 'argumento', 'argumento inesperado (veja --help).');
      }
      default:
        throw new ErroArgumento('argumentos', msg);
    }
  }
}

export function obrigatorio(valor: string | undefined, argumento: string, oQue: string): string {
  if (valor === undefined || valor === '') throw new ErroArgumento(argumento, `obrigatório (${oQue}).`);
  return valor;
}

export function inteiro(valor: string, argumento: string): number {
  if (!/^\d+$/.test(valor.trim())) throw new ErroArgumento(argumento, `informe um número inteiro (recebido "${valor}").`);
  return Number(valor);
}

/**
 * Local of a command: --unidade alone, with a database, is the unit's seat
 * (where its processes' prazos count, Lei 9.784/1999 art. 66 § 1º); otherwise
 * --uf (default RJ), --municipio, --unidade as given.
 */
export async function localDoComando(v: { uf?: string; municipio?: string; unidade?: string }, amb: AmbienteCli): Promise<Local> {
  if (v.unidade && v.uf === undefined && v.municipio === undefined && amb.sedeDaUnidade) {
    // A unit not in the table counts as before units were data: RJ, its own decreed days (the result warns of the município).
    const sede = await amb.sedeDaUnidade(v.unidade);
    if (sede) return sede;
  }
  return localDosArgumentos(v);
}

/** Local from --uf (default RJ), --municipio, --unidade. */
export function localDosArgumentos(v: { uf?: string; municipio?: string; unidade?: string }): Local {
  return {
    uf: (v.uf ?? 'RJ').toUpperCase() as UF,
    ...(v.municipio ? { municipio: v.municipio } : {}),
    ...(v.unidade ? { unidade: v.unidade } : {}),
  };
}

/** Decreed days from a JSON file: an array of DiaDecretado, or { diasDecretados: [...] }. */
export function lerArquivoDecretados(caminho: string | undefined): DiaDecretado[] {
  if (!caminho) return [];
  let dados: unknown;
  try {
    dados = JSON.parse(readFileSync(caminho, 'utf8'));
  } catch (e) {
    throw new ErroArgumento('--decretados', `não foi possível ler "${caminho}" como JSON (${e instanceof Error ? e.message : String(e)}).`);
  }
  const lista = Array.isArray(dados) ? dados : (dados as { diasDecretados?: unknown })?.diasDecretados;
  if (!Array.isArray(lista)) throw new ErroArgumento('--decretados', 'o arquivo deve conter uma lista de dias decretados ou { "diasDecretados": [...] }.');
  return lista as DiaDecretado[];
}

// ------------------------------------------------------------ readable output

const br = (data: DataCivil) => formatarDataBR(lerData(data, 'data'));
const rotuloLocal = (l: Local) => `${l.uf}${l.municipio ? `, município ${l.municipio}` : ''}${l.unidade ? `, unidade ${l.unidade}` : ''}`;

function blocos(r: { explicacao: string[]; naoUteis: NaoUtil[]; avisos: string[] }): string {
  const linhas: string[] = ['', 'Como foi contado:', ...r.explicacao.map((l) => `  • ${l}`)];
  if (r.naoUteis.length) {
    linhas.push('', 'Dias não úteis considerados:');
    for (const n of r.naoUteis) linhas.push(`  ${br(n.data)}  ${n.motivo}`);
  }
  if (r.avisos.length) linhas.push('', 'Avisos:', ...r.avisos.map((a) => `  ! ${a}`));
  return linhas.join('\n') + '\n';
}

function textoPrazo(r: ResultadoPrazo, local: Local): string {
  const tipo = `${r.dias} ${r.uteis ? (r.dias === 1 ? 'dia útil' : 'dias úteis') : r.dias === 1 ? 'dia' : 'dias'}`;
  const de = r.contarDe === 'primeiro-dia-util' ? ' a contar do primeiro dia útil seguinte' : '';
  return (
    `Prazo de ${tipo}${de} — ${rotuloLocal(local)}\n` +
    `Ciência:    ${br(r.ciencia)}${r.cienciaEfetiva !== r.ciencia ? ` (considerada em ${br(r.cienciaEfetiva)})` : ''}\n` +
    `Vencimento: ${br(r.vencimento)}, até 23:59:59 (horário de Brasília) — ${r.limite}\n` +
    blocos(r)
  );
}

function textoProrrogacao(r: ResultadoProrrogacao, local: Local): string {
  const cab = r.concedida
    ? `Prorrogação concedida (${r.dias} ${r.uteis ? 'dias úteis' : 'dias'}, por igual período) — ${rotuloLocal(local)}\n` +
      `Vencimento anterior: ${br(r.vencimentoAnterior)}\n` +
      `Novo vencimento:     ${br(r.vencimento)}, até 23:59:59 (horário de Brasília) — ${r.limite}\n`
    : `Prorrogação RECUSADA — ${r.motivo}\n` + `Vencimento mantido: ${br(r.vencimento)}, até ${r.limite}\n`;
  return cab + blocos(r);
}

function textoCiencia(r: ResultadoCiencia): string {
  return (
    `Ciência ${r.tacita ? 'tácita' : 'expressa'} em ${br(r.ciencia)}\n` +
    `Envio: ${br(r.envio)}${r.abertaEm ? `; aberta em ${r.abertaEm}` : ''}\n` +
    `Data da ciência tácita: ${br(r.dataTacita)} (abrir até ${r.limite} para ciência expressa)\n` +
    blocos(r)
  );
}

function textoVisita(r: ResultadoVisita): string {
  return `Visita a partir de ${br(r.data)} (aviso em ${br(r.aviso)}, antecedência mínima de ${r.antecedenciaDias} dias)\n` + blocos(r);
}

function textoTempestividade(r: ResultadoTempestividade): string {
  return (
    `${r.tempestivo ? 'TEMPESTIVO' : 'INTEMPESTIVO (extemporâneo)'}\n` +
    `Ato em:  ${r.em}\n` +
    `Limite:  ${r.limite} (23:59:59 de ${br(r.vencimento)}, horário de Brasília)\n` +
    blocos(r)
  );
}

// ------------------------------------------------------------ subcommands

const AJUDA = `uso: rito prazo <subcomando> [opções]

subcomandos:
  calcular    --ciencia AAAA-MM-DD --dias N [--uteis] [--contar-de dia-seguinte|primeiro-dia-util]
  prorrogar   --vencimento AAAA-MM-DD --dias N [--uteis] [--pedido-em INSTANTE] [--improrrogavel] [--ja-prorrogado]
  ciencia     --envio AAAA-MM-DD|INSTANTE [--aberta-em INSTANTE]
  visita      --aviso AAAA-MM-DD [--antecedencia N]
  tempestivo  --vencimento AAAA-MM-DD --em INSTANTE

opções comuns:
  --uf UF               UF do ato (padrão RJ)
  --municipio CODIGO    código IBGE do município (ex.: 3304557, Rio de Janeiro)
  --unidade ID          unidade (dias decretados de escopo "unidade"); sozinha e com DATABASE_URL,
                        conta no calendário da sede da unidade, como os processos dela
  --decretados ARQUIVO  JSON com dias decretados [{data, escopo, uf?, municipio?, unidade?, motivo, atoLegal, tipo?}];
                        tipo: sem-expediente (padrão), expediente-parcial (nem começa nem vence nele)
                        ou indisponibilidade (não vence nele)
  --json                um objeto JSON em stdout (vencimento, limite, naoUteis, …)

INSTANTE: ISO 8601 com fuso, ex.: 2026-09-08T23:59:59-03:00 ou 2026-09-09T02:59:59Z.

Com DATABASE_URL definida, os dias decretados, as indisponibilidades do rito e os
feriados municipais cadastrados no banco também contam (sem banco, só os feriados
municipais que o rito traz, do Rio de Janeiro; um município sem tabela é avisado).
`;

const SUBCOMANDOS = ['calcular', 'prorrogar', 'ciencia', 'visita', 'tempestivo'];

export type Saida = { json: unknown; texto: string };

async function subcomando(nome: string, args: string[], amb: AmbienteCli): Promise<Saida | 'ajuda'> {
  const fonte = amb.diasDecretados;
  switch (nome) {
    case 'calcular': {
      const { values: v } = lerArgumentos(args, {
        ...OPCOES_LOCAL,
        ciencia: { type: 'string' },
        dias: { type: 'string' },
        uteis: { type: 'boolean' },
        'contar-de': { type: 'string' },
      });
      if (v.help) return 'ajuda';
      const ciencia = obrigatorio(v.ciencia, '--ciencia', 'data da ciência, AAAA-MM-DD');
      const dias = inteiro(obrigatorio(v.dias, '--dias', 'número de dias do prazo'), '--dias');
      const local = await localDoComando(v, amb);
      const arquivo = lerArquivoDecretados(v.decretados);
      const r = await calculos.calcular({ ciencia, dias, uteis: !!v.uteis, contarDe: v['contar-de'] as never, local, diasDecretados: arquivo }, fonte);
      return { json: r, texto: textoPrazo(r, local) };
    }
    case 'prorrogar': {
      const { values: v } = lerArgumentos(args, {
        ...OPCOES_LOCAL,
        vencimento: { type: 'string' },
        dias: { type: 'string' },
        uteis: { type: 'boolean' },
        'pedido-em': { type: 'string' },
        improrrogavel: { type: 'boolean' },
        'ja-prorrogado': { type: 'boolean' },
      });
      if (v.help) return 'ajuda';
      const vencimento = obrigatorio(v.vencimento, '--vencimento', 'último dia atual do prazo, AAAA-MM-DD');
      const dias = inteiro(obrigatorio(v.dias, '--dias', 'duração do prazo original, em dias'), '--dias');
      const local = await localDoComando(v, amb);
      const arquivo = lerArquivoDecretados(v.decretados);
      const r = await calculos.prorrogar(
        {
          vencimento,
          dias,
          uteis: !!v.uteis,
          prorrogavel: !v.improrrogavel,
          jaProrrogado: !!v['ja-prorrogado'],
          ...(v['pedido-em'] !== undefined ? { pedidoEm: v['pedido-em'] } : {}),
          local,
          diasDecretados: arquivo,
        },
        fonte,
      );
      return { json: r, texto: textoProrrogacao(r, local) };
    }
    case 'ciencia': {
      const { values: v } = lerArgumentos(args, { ...OPCOES_LOCAL, envio: { type: 'string' }, 'aberta-em': { type: 'string' } });
      if (v.help) return 'ajuda';
      const envio = obrigatorio(v.envio, '--envio', 'data ou instante do envio da comunicação');
      const local = await localDoComando(v, amb);
      const arquivo = lerArquivoDecretados(v.decretados);
      const r = await calculos.ciencia({ envio, ...(v['aberta-em'] !== undefined ? { abertaEm: v['aberta-em'] } : {}), local, diasDecretados: arquivo }, fonte);
      return { json: r, texto: textoCiencia(r) };
    }
    case 'visita': {
      const { values: v } = lerArgumentos(args, { ...OPCOES_LOCAL, aviso: { type: 'string' }, antecedencia: { type: 'string' } });
      if (v.help) return 'ajuda';
      const aviso = obrigatorio(v.aviso, '--aviso', 'data do aviso da visita, AAAA-MM-DD');
      const antecedenciaDias = v.antecedencia === undefined ? undefined : inteiro(v.antecedencia, '--antecedencia');
      const local = await localDoComando(v, amb);
      const arquivo = lerArquivoDecretados(v.decretados);
      const r = await calculos.visita({ aviso, ...(antecedenciaDias !== undefined ? { antecedenciaDias } : {}), local, diasDecretados: arquivo }, fonte);
      return { json: r, texto: textoVisita(r) };
    }
    case 'tempestivo': {
      const { values: v } = lerArgumentos(args, { ...OPCOES_LOCAL, vencimento: { type: 'string' }, em: { type: 'string' } });
      if (v.help) return 'ajuda';
      const vencimento = obrigatorio(v.vencimento, '--vencimento', 'último dia do prazo, AAAA-MM-DD');
      const em = obrigatorio(v.em, '--em', 'instante do ato, ISO 8601 com fuso');
      // The place only matters to warn about a vencimento that is not a business day: used when given.
      const comLocal = v.uf !== undefined || v.municipio !== undefined || v.unidade !== undefined || v.decretados !== undefined;
      const r = await calculos.tempestividade(
        comLocal ? { vencimento, em, local: await localDoComando(v, amb), diasDecretados: lerArquivoDecretados(v.decretados) } : { vencimento, em },
        fonte,
      );
      return { json: r, texto: textoTempestividade(r) };
    }
    default:
      throw new ErroArgumento(nome, 'subcomando desconhecido (calcular, prorrogar, ciencia, visita, tempestivo).');
  }
}

/** Runs a command body, mapping errors to exit codes and pt-BR messages. */
export async function executarComando(
  prefixo: string,
  ajuda: string,
  amb: AmbienteCli,
  corpo: () => Promise<Saida | 'ajuda'>,
  json: boolean,
): Promise<number> {
  const escrever = amb.escrever ?? ((t: string) => void process.stdout.write(t));
  const escreverErro = amb.escreverErro ?? ((t: string) => void process.stderr.write(t));
  try {
    const saida = await corpo();
    if (saida === 'ajuda') {
      escrever(ajuda);
      return 0;
    }
    escrever(json ? JSON.stringify(saida.json) + '\n' : saida.texto);
    return 0;
  } catch (e) {
    const erro = e instanceof ErroEntrada ? comoErroArgumento(e) : e;
    if (erro instanceof ErroArgumento) {
      escreverErro(`${prefixo}: ${erro.message}\n`);
      return 2;
    }
    escreverErro(`${prefixo}: erro inesperado: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

export async function run(args: string[], ambiente?: AmbienteCli): Promise<number> {
  if (!ambiente) {
    const processo = ambienteDoProcesso();
    try {
      return await run(args, processo.ambiente);
    } finally {
      await processo.encerrar();
    }
  }
  const [nome, ...resto] = args;
  const escrever = ambiente.escrever ?? ((t: string) => void process.stdout.write(t));
  const escreverErro = ambiente.escreverErro ?? ((t: string) => void process.stderr.write(t));
  if (!nome || nome === '--help' || nome === '-h' || nome === 'ajuda') {
    (nome ? escrever : escreverErro)(AJUDA);
    return nome ? 0 : 2;
  }
  if (!SUBCOMANDOS.includes(nome)) {
    escreverErro(`rito prazo: subcomando desconhecido "${nome}" (${SUBCOMANDOS.join(', ')}).\n`);
    return 2;
  }
  return executarComando(`rito prazo ${nome}`, AJUDA, ambiente, () => subcomando(nome, resto, ambiente), resto.includes('--json'));
}
