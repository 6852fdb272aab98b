/**
 * Uploaded files: content on disk addressed by SHA-256 (stored once), metadata
 * in PostgreSQL, type by magic bytes, size limit, atomic writes.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect';
import {
  ArquivoNaoEncontrado,
  ArquivoRecusado,
  criarArmazenamentoArquivos,
  detectarTipo,
  diretorioArquivos,
  sanitizarNome,
  tamanhoLegivel,
  tamanhoMaximoArquivos,
  type ArmazenamentoArquivos,
} from '../../documentos/arquivos';
import { freshDatabase } from '../support/database';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let dir: string;
let arquivos: ArmazenamentoArquivos;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-fake-image-data')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-fake')]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function arquivosEm(d: string): string[] {
  if (!fs.existsSync(d)) return [];
  return fs.readdirSync(d, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-arquivos-'));
  arquivos = criarArmazenamentoArquivos({ db, diretorio: dir, tamanhoMaximo: 64 * 1024 });
});

afterAll(async () => {
  await database?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function recusa(p: Promise<unknown>): Promise<ArquivoRecusado> {
  const err = await p.then(
    () => {
      throw new Error('esperava ArquivoRecusado');
    },
    (e) => e,
  );
  expect(err).toBeInstanceOf(ArquivoRecusado);
  return err as ArquivoRecusado;
}

describe('guardarArquivo / abrirArquivo', () => {
  it('stores a PDF under a path derived only from its hash, with metadata in the database', async () => {
    const r = await arquivos.guardarArquivo(PDF, {
      nomeOriginal: 'Alvará de funcionamento.pdf',
      enviadoPor: 'usuario:marta',
      processoId: 'processo-1',
      tipoDeclarado: 'application/pdf',
    });
    expect(r).toMatchObject({ sha256: sha(PDF), tamanho: PDF.length, tipo: 'application/pdf', nomeOriginal: 'Alvará de funcionamento.pdf', conteudoNovo: true });
    const caminho = path.join(dir, 'sha256', r.sha256.slice(0, 2), r.sha256.slice(2, 4), r.sha256);
    expect(arquivos.caminhoDoConteudo(r.sha256)).toBe(caminho);
    expect(fs.readFileSync(caminho).equals(PDF)).toBe(true);

    const aberto = await arquivos.abrirArquivo(r.id);
    expect(aberto).toMatchObject({ id: r.id, sha256: r.sha256, tamanho: PDF.length, tipo: 'application/pdf', processoId: 'processo-1', enviadoPor: 'usuario:marta' });
    const lido = Buffer.concat(await aberto.stream().toArray());
    expect(lido.equals(PDF)).toBe(true);
    expect(arquivosEm(path.join(dir, 'tmp'))).toEqual([]);
  });

  it('stores identical content once, with one metadata row per upload', async () => {
    const a = await arquivos.guardarArquivo(PNG, { nomeOriginal: 'fachada.png', enviadoPor: 'usuario:marta' });
    const b = await arquivos.guardarArquivo(Readable.from([PNG.subarray(0, 5), PNG.subarray(5)]), {
      nomeOriginal: 'fachada (cópia).PNG',
      enviadoPor: 'usuario:joao',
      tipoDeclarado: 'image/png',
    });
    expect(b.sha256).toBe(a.sha256);
    expect([a.conteudoNovo, b.conteudoNovo]).toEqual([true, false]);
    expect(b.id).not.toBe(a.id);
    expect(arquivosEm(path.join(dir, 'sha256')).filter((f) => f.endsWith(a.sha256))).toHaveLength(1);
    const conteudos = await db.selectFrom('arquivo_conteudo').selectAll().where('sha256', '=', a.sha256).execute();
    expect(conteudos).toHaveLength(1);
    expect(conteudos[0]).toMatchObject({ tamanho: String(PNG.length), tipo_mime: 'image/png' });
    const uploads = await db.selectFrom('arquivo').select(['nome_original', 'enviado_por']).where('sha256', '=', a.sha256).orderBy('enviado_em').execute();
    expect(uploads).toEqual([
      { nome_original: 'fachada.png', enviado_por: 'usuario:marta' },
      { nome_original: 'fachada (cópia).PNG', enviado_por: 'usuario:joao' },
    ]);
  });

  it('accepts JPEG', async () => {
    expect((await arquivos.guardarArquivo(JPEG, { nomeOriginal: 'planta.jpeg', enviadoPor: 'u', tipoDeclarado: 'image/jpeg' })).tipo).toBe('image/jpeg');
  });

  it('rejects a disguised type, judging by the content', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const e1 = await recusa(arquivos.guardarArquivo(html, { nomeOriginal: 'contrato.pdf', enviadoPor: 'u', tipoDeclarado: 'application/pdf' }));
    expect(e1.motivo).toBe('tipo-nao-permitido');
    expect(e1.message).toBe('Tipo de arquivo não permitido: envie PDF, PNG ou JPEG (o conteúdo foi verificado, não só o nome).');

    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]);
    expect((await recusa(arquivos.guardarArquivo(exe, { nomeOriginal: 'foto.jpg', enviadoPor: 'u' }))).motivo).toBe('tipo-nao-permitido');

    const e2 = await recusa(arquivos.guardarArquivo(PNG, { nomeOriginal: 'escritura.pdf', enviadoPor: 'u' }));
    expect(e2.motivo).toBe('tipo-divergente');
    expect(e2.message).toBe('O conteúdo do arquivo é PNG, mas o nome termina em ".pdf"; o arquivo foi recusado.');

    const e3 = await recusa(arquivos.guardarArquivo(PDF, { nomeOriginal: 'escritura', enviadoPor: 'u', tipoDeclarado: 'image/png' }));
    expect(e3.message).toBe('O conteúdo do arquivo é PDF, mas foi declarado como "image/png"; o arquivo foi recusado.');

    expect((await recusa(arquivos.guardarArquivo(Buffer.alloc(0), { nomeOriginal: 'vazio.pdf', enviadoPor: 'u' }))).motivo).toBe('vazio');

    const semConteudo = await db.selectFrom('arquivo_conteudo').select('sha256').where('sha256', 'in', [sha(html), sha(exe)]).execute();
    expect(semConteudo).toEqual([]);
    expect(arquivosEm(path.join(dir, 'tmp'))).toEqual([]);
    expect(arquivosEm(path.join(dir, 'sha256')).some((f) => f.endsWith(sha(html)))).toBe(false);
  });

  it('rejects an oversize file while streaming it, leaving nothing behind', async () => {
    const antes = await db.selectFrom('arquivo').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    let enviados = 0;
    const grande = Readable.from(
      (function* () {
        yield PDF;
        for (let i = 0; i < 1000; i++) {
          enviados++;
          yield Buffer.alloc(1024, 0x20);
        }
      })(),
    );
    const e = await recusa(arquivos.guardarArquivo(grande, { nomeOriginal: 'grande.pdf', enviadoPor: 'u' }));
    expect(e.motivo).toBe('tamanho-excedido');
    expect(e.message).toBe('O arquivo excede o tamanho máximo permitido de 64 KiB.');
    expect(enviados).toBeLessThan(100); // stopped reading at the limit
    expect(arquivosEm(path.join(dir, 'tmp'))).toEqual([]);
    const depois = await db.selectFrom('arquivo').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(depois.n).toBe(antes.n);

    const exato = Buffer.concat([PDF, Buffer.alloc(64 * 1024 - PDF.length, 0x20)]);
    expect((await arquivos.guardarArquivo(exato, { nomeOriginal: 'limite.pdf', enviadoPor: 'u' })).tamanho).toBe(64 * 1024);
  });

  it('keeps the sender\'s name as sanitised metadata only', async () => {
    const r = await arquivos.guardarArquivo(PDF, { nomeOriginal: '../../etc/passwd\u0000<x>.pdf', enviadoPor: 'u' });
    expect(r.nomeOriginal).toBe('passwd_x_.pdf');
    expect(arquivosEm(dir).every((f) => !f.includes('passwd'))).toBe(true);
    expect(sanitizarNome('C:\\Users\\ana\\RG frente.jpg')).toBe('RG frente.jpg');
    expect(sanitizarNome('...')).toBe('arquivo');
    expect(sanitizarNome(undefined)).toBe('arquivo');
    expect(sanitizarNome(`${'a'.repeat(300)}.pdf`)).toHaveLength(200);
    expect(sanitizarNome(`${'a'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
  });

  it('answers not found for unknown or malformed ids', async () => {
    await expect(arquivos.abrirArquivo('00000000-0000-4000-8000-000000000000')).rejects.toThrow(ArquivoNaoEncontrado);
    await expect(arquivos.abrirArquivo('../../etc/passwd')).rejects.toThrow('Arquivo não encontrado.');
  });
});

describe('configuração', () => {
  it('reads RITO_FILES_DIR and RITO_FILES_MAX_BYTES, with defaults', () => {
    expect(diretorioArquivos({ RITO_FILES_DIR: '/srv/rito/arquivos' })).toBe('/srv/rito/arquivos');
    expect(diretorioArquivos({ RITO_DATA_DIR: '/srv/dados' })).toBe(path.resolve('/srv/dados', 'arquivos'));
    expect(tamanhoMaximoArquivos({})).toBe(20 * 1024 * 1024);
    expect([tamanhoLegivel(20 * 1024 * 1024), tamanhoLegivel(1.5 * 1024 * 1024), tamanhoLegivel(65536), tamanhoLegivel(1500)]).toEqual([
      '20 MiB', '1,5 MiB', '64 KiB', '1,5 KiB',
    ]);
    expect(tamanhoMaximoArquivos({ RITO_FILES_MAX_BYTES: '1048576' })).toBe(1048576);
    expect(() => tamanhoMaximoArquivos({ RITO_FILES_MAX_BYTES: '20MB' })).toThrow('RITO_FILES_MAX_BYTES: use um número inteiro de bytes');
    expect(() => tamanhoMaximoArquivos({ RITO_FILES_MAX_BYTES: '0' })).toThrow('RITO_FILES_MAX_BYTES: deve ser maior que zero');
  });

  it('detects types by magic bytes only', () => {
    expect(detectarTipo(PDF)).toBe('application/pdf');
    expect(detectarTipo(PNG)).toBe('image/png');
    expect(detectarTipo(JPEG)).toBe('image/jpeg');
    expect(detectarTipo(Buffer.from(' %PDF-1.7'))).toBeNull();
    expect(detectarTipo(Buffer.from('GIF89a'))).toBeNull();
  });
});
