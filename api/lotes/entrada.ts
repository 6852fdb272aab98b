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

export interface Entrada {
  formato: 'json' | 'csv';
  total: number;
  hash: string;
  colunas: Valor[][];
  posicoes: number[];
  erros: ErroNaPosicao[];
}

export function hojeEmBrasilia(agora = Date.now()): Hoje {
  const data = formatarInstanteBrasilia(agora).slice(0, 10);
  return { data, ano: Number(data.slice(0, 4)), mes: Number(data.slice(5, 7)) };
}

/** Reads the body; `corpo` is the parsed JSON or, for text/csv, the raw bytes. */
export function lerEntrada(tipo: TipoLote, corpo: unknown, atorId: string, hoje: Hoje): Entrada {
  const campos = CAMPOS[tipo];
  const colunas: Valor[][] = campos.map(() => []);
  const posicoes: number[] = [];
  const erros: ErroNaPosicao[] = [];
  const hash = createHash('sha256').update(`${atorId}\n${tipo}\n`);
  const textos: string[] = new Array(campos.length);

  /** One record, given the text of each field in CAMPOS order. */
  const registro = (posicao: number, extras: ErroNaPosicao[]) => {
    hash.update(textos.join('\x1f'));
    hash.update('\x1e');
    const { valores, erros: proprios } = conferirRegistro(tipo, (nome) => textos[indice.get(nome)!], hoje);
    if (proprios.length || extras.length) {
      for (const e of extras) erros.push(e);
      for (const e of proprios) erros.push({ posicao, ...e });
      return;
    }
    posicoes.push(posicao);
    for (let k = 0; k < valores.length; k++) colunas[k].push(valores[k]);
  };
  const indice = new Map(campos.map((c, i) => [c.nome, i]));

  let formato: 'json' | 'csv';
  let total: number;
  if (Buffer.isBuffer(corpo)) {
    formato = 'csv';
    total = lerCsv(tipo, corpo, textos, registro);
  } else {
    formato = 'json';
    if (!Array.isArray(corpo)) throw invalido([{ campo: 'corpo', mensagem: 'envie uma lista (array JSON) de registros, ou um CSV (Content-Type: text/csv)' }]);
    if (corpo.length === 0) throw invalido([{ campo: 'corpo', mensagem: 'o lote não tem registros' }]);
    if (corpo.length > LIMITE_REGISTROS) throw limiteExcedido();
    total = corpo.length;
    for (let i = 0; i < corpo.length; i++) {
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
  }
  return { formato, total, hash: hash.digest('hex'), colunas, posicoes, erros };
}

const limiteExcedido = () => new HttpError(413, 'lote-grande-demais', `Um lote tem no máximo ${LIMITE_REGISTROS.toLocaleString('pt-BR')} registros: divida-o.`);

function lerCsv(tipo: TipoLote, corpo: Buffer, textos: string[], registro: (posicao: number, extras: ErroNaPosicao[]) => void): number {
  const campos = CAMPOS[tipo];
  // The delimiter of the header line: spreadsheets in pt-BR save with ';'.
  const fimCabecalho = corpo.indexOf(0x0a);
  const cabecalhoBruto = corpo.subarray(0, fimCabecalho < 0 ? corpo.length : fimCabecalho).toString('utf8');
  const delimitador = cabecalhoBruto.includes(';') ? ';' : ',';
  let linhas: string[][];
  try {
    linhas = parse(corpo, { bom: true, delimiter: delimitador, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (err) {
    const linha = (err as { lines?: number }).lines;
    throw invalido([{ campo: 'corpo', mensagem: `CSV ilegível${linha ? ` perto da linha ${linha}` : ''}: confira as aspas e o separador` }]);
  }
  if (linhas.length < 2) throw invalido([{ campo: 'corpo', mensagem: 'o CSV precisa de uma linha de cabeçalho e ao menos um registro' }]);
  if (linhas.length - 1 > LIMITE_REGISTROS) throw limiteExcedido();
  const porNome = new Map(campos.map((c, i) => [c.nome.toLowerCase(), i]));
  const cabecalho = linhas[0];
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
  for (let n = 1; n < linhas.length; n++) {
    const celulas = linhas[n];
    textos.fill('');
    for (let j = 0; j < celulas.length && j < destino.length; j++) textos[destino[j]] = celulas[j];
    const extras: ErroNaPosicao[] =
      celulas.length === cabecalho.length
        ? []
        : [{ posicao: n, campo: 'linha', codigo: 'linha-malformada', mensagem: `a linha tem ${celulas.length} colunas e o cabeçalho ${cabecalho.length}` }];
    registro(n, extras);
  }
  return linhas.length - 1;
}
