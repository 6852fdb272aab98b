/**
 * Files sent by representantes (PDF, PNG, JPEG). The content lives OUTSIDE the
 * database, in a directory, addressed by its SHA-256: the path is derived from
 * the hash alone (<dir>/sha256/ab/cd/<hash>), never from anything the sender
 * chose, and identical content is stored once. PostgreSQL keeps the metadata:
 * `arquivo_conteudo` (one row per content) and `arquivo` (one row per upload:
 * sanitised original name, who sent it, process).
 *
 * The type is decided by the content's magic bytes against an allow-list; a
 * declared type or a file-name extension that disagrees with the content is
 * refused (a disguised file). Writes are atomic: a temporary file in the same
 * directory tree, fsync, then rename; a failure leaves no partial file behind.
 *
 * Settings (config/settings.ts): RITO_FILES_DIR (default RITO_DATA_DIR/arquivos)
 * and RITO_FILES_MAX_BYTES (default 20 MiB).
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { readSetting } from '../config/settings';
import type { Db } from '../db/connect';

export const TIPOS_PERMITIDOS = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type TipoArquivo = (typeof TIPOS_PERMITIDOS)[number];

const EXTENSOES: Record<TipoArquivo, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};

/** 20 MiB: the default of RITO_FILES_MAX_BYTES (config/settings.ts). */
export const TAMANHO_MAXIMO_PADRAO: number = readSetting('RITO_FILES_MAX_BYTES', {});

/** The type of a file from its first bytes, or null when it is none of the allowed ones. */
export function detectarTipo(inicio: Uint8Array): TipoArquivo | null {
  const b = Buffer.from(inicio.buffer, inicio.byteOffset, inicio.byteLength);
  if (b.length >= 5 && b.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  return null;
}

/**
 * The original name, kept only as metadata: NFC, last path component only, no
 * control or reserved characters, no leading dots, at most 200 characters
 * (extension kept). 'arquivo' when nothing is left.
 */
export function sanitizarNome(nome: unknown): string {
  if (typeof nome !== 'string') return 'arquivo';
  let n = nome.normalize('NFC');
  n = n.split(/[/\\]/).pop() ?? '';
  n = n
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (n.length > 200) {
    const ext = path.extname(n).slice(0, 11);
    n = n.slice(0, 200 - ext.length) + ext;
  }
  return n || 'arquivo';
}

export class ArquivoRecusado extends Error {
  override readonly name = 'ArquivoRecusado';
  constructor(
    readonly motivo: 'tipo-nao-permitido' | 'tipo-divergente' | 'tamanho-excedido' | 'vazio',
    mensagem: string,
  ) {
    super(mensagem);
  }
}

export class ArquivoNaoEncontrado extends Error {
  override readonly name = 'ArquivoNaoEncontrado';
}

export interface MetadadosArquivo {
  /** Name the sender gave (sanitised before storing; never used in a path). */
  nomeOriginal: string;
  /** Ator id of who sends it. */
  enviadoPor: string;
  processoId?: string | null;
  /** MIME type the sender declared (e.g. multipart's), checked against the content. */
  tipoDeclarado?: string;
  /**
   * Called inside the transaction that records the upload, with the stored
   * file: what must commit or fail together with it (the audit entry).
   */
  naMesmaTransacao?: (trx: Db, arquivo: Omit<ArquivoGuardado, 'conteudoNovo'>) => Promise<void>;
}

export interface ArquivoGuardado {
  id: string;
  sha256: string;
  tamanho: number;
  tipo: TipoArquivo;
  nomeOriginal: string;
  /** false when identical content was already stored (only the metadata row was added). */
  conteudoNovo: boolean;
}

export interface ArquivoAberto {
  id: string;
  sha256: string;
  tamanho: number;
  tipo: TipoArquivo;
  nomeOriginal: string;
  processoId: string | null;
  enviadoPor: string;
  enviadoEm: Date;
  /** A fresh stream of the content. */
  stream(): fs.ReadStream;
}

export interface OpcoesArmazenamento {
  db: Db;
  /** Default: RITO_FILES_DIR or <data dir>/arquivos. */
  diretorio?: string;
  /** Default: RITO_FILES_MAX_BYTES or 20 MiB. */
  tamanhoMaximo?: number;
}

/** RITO_FILES_DIR, else RITO_DATA_DIR/arquivos (config/settings.ts). */
export function diretorioArquivos(env: NodeJS.ProcessEnv = process.env): string {
  const dir = readSetting('RITO_FILES_DIR', env);
  if (dir) return path.resolve(dir);
  return path.join(path.resolve(readSetting('RITO_DATA_DIR', env)), 'arquivos');
}

/** RITO_FILES_MAX_BYTES (config/settings.ts); throws ConfigError naming it when it is not a positive whole number. */
export function tamanhoMaximoArquivos(env: NodeJS.ProcessEnv = process.env): number {
  return readSetting('RITO_FILES_MAX_BYTES', env);
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 20971520 → '20 MiB'; 65536 → '64 KiB'; 1500 → '1.500 bytes'. */
export function tamanhoLegivel(n: number): string {
  const fmt = (v: number) => v.toLocaleString('pt-BR', { maximumFractionDigits: 1 });
  if (n >= 1024 * 1024) return `${fmt(n / (1024 * 1024))} MiB`;
  if (n >= 1024) return `${fmt(n / 1024)} KiB`;
  return `${fmt(n)} bytes`;
}

const ROTULO_TIPO: Record<TipoArquivo, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

export function criarArmazenamentoArquivos(opcoes: OpcoesArmazenamento) {
  const { db } = opcoes;
  const raiz = path.resolve(opcoes.diretorio ?? diretorioArquivos());
  const tamanhoMaximo = opcoes.tamanhoMaximo ?? tamanhoMaximoArquivos();
  const dirTemp = path.join(raiz, 'tmp');

  /** Path of a content: derived from the hash only. */
  function caminhoDoConteudo(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) throw new Error(`hash SHA-256 inválido: ${sha256}`);
    return path.join(raiz, 'sha256', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  async function fsyncDir(dir: string): Promise<void> {
    const h = await fsp.open(dir, 'r');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  }

  /** Streams the input to a temporary file, hashing, counting and sniffing it; enforces the size limit as it goes. */
  async function gravarTemporario(entrada: Buffer | Uint8Array | NodeJS.ReadableStream) {
    await fsp.mkdir(dirTemp, { recursive: true, mode: 0o700 });
    const temp = path.join(dirTemp, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
    const hash = createHash('sha256');
    let tamanho = 0;
    let inicio = Buffer.alloc(0);
    const h = await fsp.open(temp, 'wx', 0o600);
    try {
      const fonte: AsyncIterable<Buffer | Uint8Array | string> | Iterable<Buffer | Uint8Array> =
        Buffer.isBuffer(entrada) || entrada instanceof Uint8Array ? [entrada] : (entrada as AsyncIterable<Buffer>);
      for await (const pedaco of fonte) {
        const buf = typeof pedaco === 'string' ? Buffer.from(pedaco) : Buffer.from(pedaco.buffer, pedaco.byteOffset, pedaco.byteLength);
        tamanho += buf.length;
        if (tamanho > tamanhoMaximo) {
          throw new ArquivoRecusado('tamanho-excedido', `O arquivo excede o tamanho máximo permitido de ${tamanhoLegivel(tamanhoMaximo)}.`);
        }
        if (inicio.length < 16) inicio = Buffer.concat([inicio, buf.subarray(0, 16 - inicio.length)]);
        hash.update(buf);
        await h.write(buf);
      }
      await h.sync();
    } catch (err) {
      await h.close().catch(() => {});
      await fsp.rm(temp, { force: true });
      // Drain nothing more from a stream we gave up on.
      if (!(Buffer.isBuffer(entrada) || entrada instanceof Uint8Array) && entrada instanceof Readable) entrada.destroy();
      throw err;
    }
    await h.close();
    return { temp, sha256: hash.digest('hex'), tamanho, inicio };
  }

  /** Stores a file (content once per SHA-256) and records this upload. */
  async function guardarArquivo(
    conteudo: Buffer | Uint8Array | NodeJS.ReadableStream,
    meta: MetadadosArquivo,
  ): Promise<ArquivoGuardado> {
    if (typeof meta?.enviadoPor !== 'string' || !meta.enviadoPor.trim()) throw new Error('informe quem envia o arquivo (enviadoPor)');
    const nomeOriginal = sanitizarNome(meta.nomeOriginal);
    const { temp, sha256, tamanho, inicio } = await gravarTemporario(conteudo);
    let conteudoNovo = false;
    try {
      if (tamanho === 0) throw new ArquivoRecusado('vazio', 'O arquivo está vazio.');
      const tipo = detectarTipo(inicio);
      if (!tipo) {
        throw new ArquivoRecusado('tipo-nao-permitido', 'Tipo de arquivo não permitido: envie PDF, PNG ou JPEG (o conteúdo foi verificado, não só o nome).');
      }
      const declarado = meta.tipoDeclarado?.split(';')[0]?.trim().toLowerCase();
      if (declarado && declarado !== 'application/octet-stream' && declarado !== tipo && !(declarado === 'image/jpg' && tipo === 'image/jpeg')) {
        throw new ArquivoRecusado(
          'tipo-divergente',
          `O conteúdo do arquivo é ${ROTULO_TIPO[tipo]}, mas foi declarado como "${declarado}"; o arquivo foi recusado.`,
        );
      }
      const ext = path.extname(nomeOriginal).slice(1).toLowerCase();
      if (ext && !EXTENSOES[tipo].includes(ext)) {
        throw new ArquivoRecusado(
          'tipo-divergente',
          `O conteúdo do arquivo é ${ROTULO_TIPO[tipo]}, mas o nome termina em ".${ext}"; o arquivo foi recusado.`,
        );
      }

      const destino = caminhoDoConteudo(sha256);
      await fsp.mkdir(path.dirname(destino), { recursive: true, mode: 0o700 });
      if (fs.existsSync(destino)) {
        await fsp.rm(temp, { force: true });
      } else {
        await fsp.rename(temp, destino); // atomic: same file system (both under `raiz`)
        await fsyncDir(path.dirname(destino));
        conteudoNovo = true;
      }

      // Content on disk first, then metadata: a failure here leaves at most an unreferenced blob, never a dangling row.
      const row = await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('arquivo_conteudo')
          .values({ sha256, tamanho, tipo_mime: tipo })
          .onConflict((oc) => oc.column('sha256').doNothing())
          .execute();
        const inserido = await trx
          .insertInto('arquivo')
          .values({ sha256, nome_original: nomeOriginal, processo_id: meta.processoId ?? null, enviado_por: meta.enviadoPor })
          .returning('id')
          .executeTakeFirstOrThrow();
        await meta.naMesmaTransacao?.(trx, { id: inserido.id, sha256, tamanho, tipo, nomeOriginal });
        return inserido;
      });
      return { id: row.id, sha256, tamanho, tipo, nomeOriginal, conteudoNovo };
    } finally {
      await fsp.rm(temp, { force: true });
    }
  }

  /** Metadata and a stream of an upload's content; throws ArquivoNaoEncontrado. */
  async function abrirArquivo(id: string): Promise<ArquivoAberto> {
    if (typeof id !== 'string' || !UUID.test(id)) throw new ArquivoNaoEncontrado('Arquivo não encontrado.');
    const row = await db
      .selectFrom('arquivo')
      .innerJoin('arquivo_conteudo', 'arquivo_conteudo.sha256', 'arquivo.sha256')
      .select([
        'arquivo.id',
        'arquivo.sha256',
        'arquivo.nome_original',
        'arquivo.processo_id',
        'arquivo.enviado_por',
        'arquivo.enviado_em',
        'arquivo_conteudo.tamanho',
        'arquivo_conteudo.tipo_mime',
      ])
      .where('arquivo.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new ArquivoNaoEncontrado('Arquivo não encontrado.');
    const caminho = caminhoDoConteudo(row.sha256);
    if (!fs.existsSync(caminho)) {
      throw new Error(`O conteúdo do arquivo ${id} (SHA-256 ${row.sha256}) não está no diretório de arquivos ${raiz}.`);
    }
    return {
      id: row.id,
      sha256: row.sha256,
      tamanho: Number(row.tamanho),
      tipo: row.tipo_mime as TipoArquivo,
      nomeOriginal: row.nome_original,
      processoId: row.processo_id,
      enviadoPor: row.enviado_por,
      enviadoEm: new Date(row.enviado_em),
      stream: () => fs.createReadStream(caminho),
    };
  }

  return { guardarArquivo, abrirArquivo, caminhoDoConteudo, diretorio: raiz, tamanhoMaximo };
}

export type ArmazenamentoArquivos = ReturnType<typeof criarArmazenamentoArquivos>;
