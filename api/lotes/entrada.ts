/**
 * A lote's body, JSON (an array of records) or CSV (a header with the field names,
 * comma or semicolon, UTF-8 with or without BOM), read into the same records: each
 * one checked on its own (rules/lotes/registros.ts), the good ones kept column-wise
 * for the staging table's UNNEST, the bad ones as errors with their position.
 *
 * Only what makes the whole body unreadable is refused (400): not an array, an
 * unknown or missing column, broken CSV quoting, too many records. Everything
 * else is one record's error, and the others go on.
 *
 * The hash that makes a lote sent twice one lote covers the sender, the kind
 * and each record's field texts: the same records are the same lote, in JSON
 * or CSV, whatever the spacing or the order of the keys.
 */
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import { mascararCpfNisEmTexto } from '../../rules/identificadores';
import { CAMPOS, conferirRegistro, type Hoje, textoDe, type TipoLote, type Valor } from '../../rules/lotes/registros';
import type { ErroNaPosicao } from '../../db/lotes';
import { HttpError, invalido } from '../errors';

/** Seed 001 sets no size; a network's month of attendance (a large state's schools, one month) fits. */
export const LIMITE_REGISTROS = 1_000_000;
/** A million CSV records take some 40 MB, as JSON about 100 MB. */
export const LIMITE_BYTES = 160 * 2 ** 20;

/** Records of a lote, part by part: the good ones column-wise for UNNEST, the bad ones as errors. */
export interface Parte {
  colunas: Valor[][];
  posicoes: number[];
  erros: ErroNaPosicao[];
}

/**
 * A lote's body, read part by part (so that the database stores one part while
 * the next is read) after the checks of the whole body; `hash()` once every part
 * has been read.
 */
export interface Entrada {
  formato: 'json' | 'csv';
  total: number;
  proximaParte(max: number): Parte | null;
  hash(): string;
}

export function hojeEmBrasilia(agora = Date.now()): Hoje {
  const data = formatarInstanteBrasilia(agora).slice(0, 10);
  return { data, ano: Number(data.slice(0, 4)), mes: Number(data.slice(5, 7)) };
}

/** Reads the body; `corpo` is the parsed JSON or, for text/csv, the text. Throws the errors of the whole body (400, 413). */
export function lerEntrada(tipo: TipoLote, corpo: unknown, atorId: string, hoje: Hoje): Entrada {
  const campos = CAMPOS[tipo];
  const hash = createHash('sha256').update(`${atorId}\n${tipo}\n`);
  const textos: string[] = new Array(campos.length);
  let parte: Parte = { colunas: [], posicoes: [], erros: [] };

  /** One record, given the text of each field in CAMPOS order. */
  const registro = (posicao: number, extras: ErroNaPosicao[]) => {
    hash.update(textos.join('\x1f'));
    hash.update('\x1e');
    const { valores, erros: proprios } = conferirRegistro(tipo, textos, hoje);
    if (proprios.length || extras.length) {
      for (const e of extras) parte.erros.push(e);
      for (const e of proprios) parte.erros.push({ posicao, ...e });
      return;
    }
    parte.posicoes.push(posicao);
    for (let k = 0; k < valores.length; k++) parte.colunas[k].push(valores[k]);
  };
  const indice = new Map(campos.map((c, i) => [c.nome, i]));

  let formato: 'json' | 'csv';
  let total: number;
  /** Reads records [de, ate) (0-based) through `registro`. */
  let ler: (de: number, ate: number) => void;
  if (typeof corpo === 'string') {
    formato = 'csv';
    const csv = abrirCsv(tipo, corpo, textos, registro);
    total = csv.total;
    ler = csv.ler;
  } else {
    formato = 'json';
    if (!Array.isArray(corpo)) throw invalido([{ campo: 'corpo', mensagem: 'envie uma lista (array JSON) de registros, ou um CSV (Content-Type: text/csv)' }]);
    if (corpo.length === 0) throw invalido([{ campo: 'corpo', mensagem: 'o lote não tem registros' }]);
    if (corpo.length > LIMITE_REGISTROS) throw limiteExcedido();
    total = corpo.length;
    ler = (de, ate) => {
      for (let i = de; i < ate; i++) {
        const r = corpo[i];
        const posicao = i + 1;
        const extras: ErroNaPosicao[] = [];
        if (r === null || typeof r !== 'object' || Array.isArray(r)) {
          textos.fill('');
          extras.push({ posicao, campo: 'registro', codigo: 'registro-invalido', mensagem: 'cada registro deve ser um objeto JSON' });
          hash.update('\x00');
          registro(posicao, extras);
          continue;
        }
        const o = r as Record<string, unknown>;
        for (let k = 0; k < campos.length; k++) textos[k] = textoDe(o[campos[k].nome]);
        for (const chave of Object.keys(o)) {
          if (!indice.has(chave)) {
            const nome = mascararCpfNisEmTexto(chave.slice(0, 60));
            extras.push({ posicao, campo: nome, codigo: 'campo-desconhecido', mensagem: `campo desconhecido: ${nome} (campos: ${campos.map((c) => c.nome).join(', ')})` });
          }
        }
        registro(posicao, extras);
      }
    };
  }
  let lidos = 0;
  let digest: string | null = null;
  return {
    formato,
    total,
    proximaParte(max) {
      if (lidos >= total) return null;
      parte = { colunas: campos.map(() => []), posicoes: [], erros: [] };
      const ate = Math.min(total, lidos + max);
      ler(lidos, ate);
      lidos = ate;
      return parte;
    },
    hash() {
      if (lidos < total) throw new Error('hash do lote pedido antes de ler todos os registros');
      return (digest ??= hash.digest('hex'));
    },
  };
}

/** No extra error (shared: registro only reads it). */
const NENHUM: ErroNaPosicao[] = [];

const limiteExcedido = () => new HttpError(413, 'lote-grande-demais', `Um lote tem no máximo ${LIMITE_REGISTROS.toLocaleString('pt-BR')} registros: divida-o.`);

function abrirCsv(tipo: TipoLote, corpo: string, textos: string[], registro: (posicao: number, extras: ErroNaPosicao[]) => void): { total: number; ler: (de: number, ate: number) => void } {
  const campos = CAMPOS[tipo];
  // The delimiter of the header line: spreadsheets in pt-BR save with ';'.
  const fimCabecalho = corpo.indexOf('\n');
  const cabecalhoBruto = corpo.slice(0, fimCabecalho < 0 ? corpo.length : fimCabecalho);
  const delimitador = cabecalhoBruto.includes(';') ? ';' : ',';
  let linhas: string[][] | string[];
  const semAspas = !corpo.includes('"');
  if (semAspas) {
    // Without a quote, CSV has no escaping (RFC 4180 § 2): lines and cells are plain splits, several times
    // faster than the general parser on a lote of a million lines; cells are split line by line below.
    const texto = corpo.charCodeAt(0) === 0xfeff ? corpo.slice(1) : corpo;
    linhas = texto.split('\n').filter((l) => l.trim() !== '');
  } else {
    try {
      linhas = parse(corpo, { bom: true, delimiter: delimitador, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
    } catch (err) {
      const linha = (err as { lines?: number }).lines;
      throw invalido([{ campo: 'corpo', mensagem: `CSV ilegível${linha ? ` perto da linha ${linha}` : ''}: confira as aspas e o separador` }]);
    }
  }
  /** The cells of line n, as csv-parse gives them (trimmed). */
  const celulasDe = (n: number): string[] => {
    const l = linhas[n];
    if (typeof l !== 'string') return l;
    const cells = (l.endsWith('\r') ? l.slice(0, -1) : l).split(delimitador);
    for (let j = 0; j < cells.length; j++) cells[j] = cells[j].trim();
    return cells;
  };
  if (linhas.length < 2) throw invalido([{ campo: 'corpo', mensagem: 'o CSV precisa de uma linha de cabeçalho e ao menos um registro' }]);
  if (linhas.length - 1 > LIMITE_REGISTROS) throw limiteExcedido();
  const porNome = new Map(campos.map((c, i) => [c.nome.toLowerCase(), i]));
  const cabecalho = celulasDe(0);
  const destino: number[] = [];
  const problemas: { campo: string; mensagem: string }[] = [];
  const vistas = new Set<number>();
  cabecalho.forEach((nome, j) => {
    const i = porNome.get(nome.toLowerCase());
    if (i === undefined) problemas.push({ campo: 'cabecalho', mensagem: `coluna desconhecida na posição ${j + 1} (colunas: ${campos.map((c) => c.nome).join(', ')})` });
    else if (vistas.has(i)) problemas.push({ campo: 'cabecalho', mensagem: `coluna ${campos[i].nome} repetida` });
    else vistas.add(i);
    destino.push(i ?? -1);
  });
  for (const [i, c] of campos.entries()) if (c.obrigatorio && !vistas.has(i)) problemas.push({ campo: 'cabecalho', mensagem: `falta a coluna obrigatória ${c.nome}` });
  if (!vistas.has(0) && !vistas.has(1)) problemas.push({ campo: 'cabecalho', mensagem: 'falta a coluna cpf ou a coluna nis' });
  if (problemas.length) throw invalido(problemas, 'Cabeçalho do CSV inválido.');
  const ler = (de: number, ate: number) => {
    for (let n = de + 1; n <= ate; n++) {
      const celulas = celulasDe(n);
      textos.fill('');
      for (let j = 0; j < celulas.length && j < destino.length; j++) textos[destino[j]] = celulas[j];
      const extras: ErroNaPosicao[] =
        celulas.length === cabecalho.length
          ? NENHUM
          : [{ posicao: n, campo: 'linha', codigo: 'linha-malformada', mensagem: `a linha tem ${celulas.length} colunas e o cabeçalho ${cabecalho.length}` }];
      registro(n, extras);
    }
  };
  return { total: linhas.length - 1, ler };
}
