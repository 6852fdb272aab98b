/**
 * api/documentos/routes.ts on a real server: HTML and PDF of an issued
 * document within the caller's scope, multipart upload of files, and reading
 * an uploaded file back (GET /v1/arquivos/{id}).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encadearPendentes } from '../../api/auditoria/encadeador';
import type { Ator } from '../../api/auth/ator';
import documentosRoutes from '../../api/documentos/routes';
import { registerErrorHandler } from '../../api/errors';
import auditoria from '../../api/plugins/auditoria';
import autenticacao from '../../api/plugins/autenticacao';
import type { Db } from '../../db/connect';
import { criarArmazenamentoArquivos } from '../../documentos/arquivos';
import { emitirDocumento } from '../../documentos/emissao';
import { freshDatabase } from '../support/database';
import { DADOS } from './fixtures';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let dir: string;
let app: ReturnType<typeof Fastify>;
let base: string;
let docId: string;
let docSemProcesso: string;

const CNPJ = '11222333000181';
const rl: Ator = { id: 'rl-1', nome: 'Marta', papeis: ['representante'], unidade: null, instituicoes: [CNPJ], comissoes: [] };
const outroRl: Ator = { ...rl, id: 'rl-2', instituicoes: ['44555666000181'] };
const inspetor: Ator = { id: 'insp-1', nome: 'Carlos', papeis: ['inspetor'], unidade: 'COOIE-METROPOLITANA I', instituicoes: [], comissoes: [] };

async function req(method: string, url: string, as?: Ator, body?: FormData) {
  const headers: Record<string, string> = {};
  if (as) headers.authorization = `Bearer ${Buffer.from(JSON.stringify(as)).toString('base64url')}`;
  return fetch(base + url, { method, headers, body });
}

function formulario(conteudo: Buffer, nome: string, tipo: string): FormData {
  const f = new FormData();
  f.append('arquivo', new Blob([conteudo], { type: tipo }), nome);
  return f;
}

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-rotas-'));
  await db
    .insertInto('processo')
    .values({
      id: 'proc-1', tipo: 'aumento-capacidade', chave: 'k1', ordinal: 1, fase: 'analise-merito', instituicao_cnpj: CNPJ,
      instituicao_codigo_inep: '33012345', instituicao_nome: 'Colégio Horizonte Azul Ltda.', unidade: 'COOIE-METROPOLITANA I',
      numero_sei: null, requerente_nome: 'Marta', requerente_cpf: '52998224725', requerente_email: 'marta@example.org',
      aberto_por: 'rl-1', prazo_limite: null, versao: 1,
    })
    .execute();
  docId = (
    await emitirDocumento(db, {
      chave: 'rotas:1', processoId: 'proc-1', tipo: 'notificacao-exigencias', unidade: 'COOIE-METROPOLITANA I',
      dados: DADOS['notificacao-exigencias'], emitidoPor: 'insp-1', emitidoEm: '2026-11-23T10:00:00-03:00',
    })
  ).id;
  docSemProcesso = (
    await emitirDocumento(db, {
      chave: 'rotas:2', processoId: null, tipo: 'nomeacao-coordenador', unidade: 'GAB/SEEDUC',
      dados: DADOS['nomeacao-coordenador'], emitidoPor: 'sec', emitidoEm: '2026-11-23T10:00:00-03:00',
    })
  ).id;

  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(autenticacao, {
    autenticador: {
      async autenticar(request: FastifyRequest) {
        const auth = request.headers.authorization;
        if (!auth?.startsWith('Bearer ')) return null;
        return { ator: JSON.parse(Buffer.from(auth.slice(7), 'base64url').toString('utf8')) as Ator, meio: 'chave-api', credencialId: 't' };
      },
    },
  });
  await app.register(auditoria, { db });
  await app.register(documentosRoutes, { db, arquivos: criarArmazenamentoArquivos({ db, diretorio: dir, tamanhoMaximo: 32 * 1024 }) });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});

afterAll(async () => {
  await app?.close();
  await database?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('GET /v1/documentos/{id}', () => {
  it('serves the stored HTML to whoever may see the process, 404 to others', async () => {
    const r = await req('GET', `/v1/documentos/${docId}`, rl);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await r.text()).toContain('OFÍCIO Nº 1/2026/COOIE-METROPOLITANA I');

    expect((await req('GET', `/v1/documentos/${docId}`, outroRl)).status).toBe(404);
    expect((await req('GET', `/v1/documentos/${docId}`)).status).toBe(401);
    const inexistente = await req('GET', '/v1/documentos/00000000-0000-4000-8000-000000000000', inspetor);
    expect(inexistente.status).toBe(404);
    expect(((await inexistente.json()) as any).erro.mensagem).toBe('Documento não encontrado.');
  });

  it('hides a document without a process from representantes and other units', async () => {
    expect((await req('GET', `/v1/documentos/${docSemProcesso}`, rl)).status).toBe(404);
    expect((await req('GET', `/v1/documentos/${docSemProcesso}`, inspetor)).status).toBe(404);
    expect((await req('GET', `/v1/documentos/${docSemProcesso}`, { ...inspetor, papeis: ['coogie'] })).status).toBe(200);
  });

  it('serves the PDF', async () => {
    const r = await req('GET', `/v1/documentos/${docId}.pdf`, inspetor);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('content-disposition')).toContain("filename*=UTF-8''Of%C3%ADcio%20n%C2%BA%201-2026-COOIE-METROPOLITANA%20I.pdf");
    const pdf = Buffer.from(await r.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});

describe('POST /v1/arquivos', () => {
  const PDF = Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1');

  it('stores a file of a process in scope', async () => {
    const r = await req('POST', '/v1/arquivos?processoId=proc-1', rl, formulario(PDF, 'Planta baixa.pdf', 'application/pdf'));
    expect(r.status).toBe(201);
    expect(await r.json()).toMatchObject({ tamanho: PDF.length, tipo: 'application/pdf', nomeOriginal: 'Planta baixa.pdf' });
    const row = await db.selectFrom('arquivo').selectAll().where('processo_id', '=', 'proc-1').executeTakeFirstOrThrow();
    expect(row.enviado_por).toBe('rl-1');
    const audit = await db.selectFrom('auditoria').selectAll().where('acao', '=', 'arquivo.enviar').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ ator_id: 'rl-1', recurso: 'arquivo', recurso_id: row.id, processo_id: 'proc-1' });
    expect(audit[0].resumo).toBe('Arquivo "Planta baixa.pdf" (application/pdf, 15 bytes) enviado ao processo proc-1');
    expect(audit[0].dados).toMatchObject({ sha256: row.sha256, tamanho: PDF.length, tipo: 'application/pdf' });
  });

  it('rejects a disguised type (415), an oversize file (413) and a process out of scope (404)', async () => {
    const html = await req('POST', '/v1/arquivos?processoId=proc-1', rl, formulario(Buffer.from('<html></html>'), 'rg.pdf', 'application/pdf'));
    expect(html.status).toBe(415);
    expect(((await html.json()) as any).erro.codigo).toBe('arquivo-tipo-nao-permitido');

    const grande = Buffer.concat([PDF, Buffer.alloc(40 * 1024, 0x20)]);
    const r = await req('POST', '/v1/arquivos?processoId=proc-1', rl, formulario(grande, 'grande.pdf', 'application/pdf'));
    expect(r.status).toBe(413);
    expect(((await r.json()) as any).erro.mensagem).toBe('O arquivo excede o tamanho máximo permitido de 32 KiB.');

    expect((await req('POST', '/v1/arquivos?processoId=proc-1', outroRl, formulario(PDF, 'a.pdf', 'application/pdf'))).status).toBe(404);
    expect((await req('POST', '/v1/arquivos?processoId=proc-1', rl)).status).toBe(415);

    // The two refused files are audited; the 404 and the non-multipart request store nothing and are not.
    const recusas = await db.selectFrom('auditoria').select(['ator_id', 'processo_id', 'dados']).where('acao', '=', 'arquivo.recusar').orderBy('seq').execute();
    expect(recusas.map((a) => [a.ator_id, a.processo_id, (a.dados as { motivo: string }).motivo])).toEqual([
      ['rl-1', 'proc-1', 'tipo-nao-permitido'],
      ['rl-1', 'proc-1', 'tamanho-excedido'],
    ]);
  });
});

describe('GET /v1/arquivos/{id}', () => {
  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-fachada-da-escola')]);
  const comissao: Ator = { id: 'com-1', nome: 'Beatriz', papeis: ['comissao'], unidade: null, instituicoes: [], comissoes: ['proc-1'] };
  const outraComissao: Ator = { ...comissao, id: 'com-2', comissoes: ['proc-9'] };
  const coogie: Ator = { id: 'coogie-1', nome: 'Helena', papeis: ['coogie'], unidade: null, instituicoes: [], comissoes: [] };
  const inspetorDeOutraCooie: Ator = { ...inspetor, id: 'insp-2', unidade: 'COOIE-NORTE' };
  let id: string;

  beforeAll(async () => {
    const r = await req('POST', '/v1/arquivos?processoId=proc-1', rl, formulario(PNG, 'Fachada – vista da rua.png', 'image/png'));
    expect(r.status).toBe(201);
    id = ((await r.json()) as { id: string }).id;
  });

  it('serves the file the RL uploaded to the inspetor, the Comissão, the COOGIE and the RL: its content, stored type and original name', async () => {
    for (const quem of [inspetor, comissao, coogie, rl]) {
      const r = await req('GET', `/v1/arquivos/${id}`, quem);
      expect(r.status, quem.id).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/png');
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-disposition')).toBe(
        `inline; filename="Fachada  vista da rua.png"; filename*=UTF-8''${encodeURIComponent('Fachada – vista da rua.png')}`,
      );
      expect(r.headers.get('content-length')).toBe(String(PNG.length));
      expect(Buffer.from(await r.arrayBuffer()).equals(PNG)).toBe(true);
    }
  });

  it('answers 404 outside the process scope and for an unknown id, 401 without credentials', async () => {
    for (const quem of [outroRl, outraComissao, inspetorDeOutraCooie]) {
      const r = await req('GET', `/v1/arquivos/${id}`, quem);
      expect(r.status, quem.id).toBe(404);
      expect(((await r.json()) as any).erro.mensagem).toBe('Arquivo não encontrado.');
    }
    expect((await req('GET', '/v1/arquivos/00000000-0000-4000-8000-000000000000', coogie)).status).toBe(404);
    expect((await req('GET', '/v1/arquivos/nao-e-um-id', coogie)).status).toBe(404);
    expect((await req('GET', `/v1/arquivos/${id}`)).status).toBe(401);
  });

  it('audits each read as a read of personal data, with who, the file and its process; refused reads write nothing', async () => {
    await encadearPendentes(db); // a read's entry may still be in the outbox
    const antes = await db.selectFrom('auditoria').select('seq').where('acao', '=', 'arquivo.ler').execute();
    expect((await req('GET', `/v1/arquivos/${id}`, comissao)).status).toBe(200);
    expect((await req('GET', `/v1/arquivos/${id}`, outroRl)).status).toBe(404);
    await encadearPendentes(db); // a read's entry may still be in the outbox
    const leituras = await db.selectFrom('auditoria').selectAll().where('acao', '=', 'arquivo.ler').orderBy('seq').execute();
    expect(leituras.length).toBe(antes.length + 1);
    expect(leituras.at(-1)).toMatchObject({ ator_id: 'com-1', recurso: 'arquivo', recurso_id: id, processo_id: 'proc-1' });
    expect(leituras.at(-1)!.resumo).toBe('Leitura do arquivo "Fachada – vista da rua.png" (image/png) do processo proc-1');
  });
});
