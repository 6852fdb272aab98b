/**
 * Numbering and storage of documents on a real PostgreSQL database: consecutive
 * numbers under concurrency, idempotency by key, per-year and per-unit series,
 * no number burned by a failed emission, PDF rendering with Chromium.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmissaoDocumentosActivities } from '../../activities/documentos';
import type { Db } from '../../db/connect';
import {
  ChaveIdempotenciaConflitante,
  DadosDocumentoInvalidos,
  dataEmSaoPaulo,
  emitirDocumento,
  fecharNavegador,
  listarDocumentosDoProcesso,
  obterDocumento,
  pdfDoDocumento,
  sha256Hex,
  type PedidoEmissao,
} from '../../documentos';
import { freshDatabase } from '../support/database';
import { DADOS } from './fixtures';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;

beforeAll(async () => {
  database = await freshDatabase();
  db = database.db;
});

afterAll(async () => {
  await fecharNavegador();
  await database?.drop();
});

const EM = '2026-11-23T14:30:00-03:00';
let seq = 0;

function pedido(over: Partial<PedidoEmissao> = {}): PedidoEmissao {
  seq += 1;
  return {
    chave: `wf-${seq}:doc:1`,
    processoId: 'processo-teste-1',
    tipo: 'notificacao-exigencias',
    unidade: 'COOIE-METROPOLITANA I',
    dados: DADOS['notificacao-exigencias'],
    emitidoPor: 'usuario:luiza',
    emitidoEm: EM,
    ...over,
  };
}

async function contador(unidade: string, ano: number, especie = 'oficio') {
  const r = await db.selectFrom('documento_numeracao').select('ultimo').where('unidade', '=', unidade).where('ano', '=', ano).where('especie', '=', especie).executeTakeFirst();
  return r?.ultimo ?? 0;
}

describe('emitirDocumento', () => {
  it('numbers, renders and stores the document', async () => {
    const p = pedido({ unidade: 'cooie-teste  a' });
    const d = await emitirDocumento(db, p);
    expect(d).toMatchObject({ numero: 1, ano: 2026, identificacao: 'Ofício nº 1/2026/COOIE-TESTE A', existente: false, unidade: 'COOIE-TESTE A' });
    const row = await obterDocumento(db, d.id);
    expect(row).toMatchObject({
      processo_id: 'processo-teste-1',
      tipo: 'notificacao-exigencias',
      especie: 'oficio',
      numero: 1,
      ano: 2026,
      unidade: 'COOIE-TESTE A',
      identificacao: 'Ofício nº 1/2026/COOIE-TESTE A',
      emitido_por: 'usuario:luiza',
      chave_idempotencia: p.chave,
    });
    expect(row!.html).toContain('OFÍCIO Nº 1/2026/COOIE-TESTE A');
    expect(row!.html).toContain('Rio de Janeiro, 23 de novembro de 2026.');
    expect(row!.sha256).toBe(sha256Hex(row!.html));
    // The number is put in by the statement that takes it, in place of the mark it was rendered with: none is left.
    expect(row!.html).not.toContain('NUMERO_');
    expect(row!.emitido_em.toISOString()).toBe('2026-11-23T17:30:00.000Z');
    expect((row!.dados as any).instituicao.cnpj).toBe('11222333000181'); // normalised data is what was rendered
    expect(await listarDocumentosDoProcesso(db, 'processo-teste-1')).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: d.id, identificacao: d.identificacao })]),
    );
  });

  it('gives 20 concurrent emissions in the same unit and year 20 consecutive numbers, without gaps', async () => {
    const unidade = 'COOIE-CONCORRENCIA';
    const resultados = await Promise.all(Array.from({ length: 20 }, () => emitirDocumento(db, pedido({ unidade }))));
    const numeros = resultados.map((r) => r.numero).sort((a, b) => a - b);
    expect(numeros).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(resultados.map((r) => r.id)).size).toBe(20);
    expect(await contador(unidade, 2026)).toBe(20);
    const rows = await db.selectFrom('documento').select(['numero', 'identificacao']).where('unidade', '=', unidade).orderBy('numero').execute();
    expect(rows.map((r) => r.identificacao)).toEqual(numeros.map((n) => `Ofício nº ${n}/2026/${unidade}`));
  });

  it('returns the same document and number when retried with the same key, even concurrently', async () => {
    const unidade = 'COOIE-IDEMPOTENCIA';
    const p = pedido({ unidade });
    const primeiro = await emitirDocumento(db, p);
    const repetido = await emitirDocumento(db, { ...p, emitidoEm: '2026-11-24T09:00:00-03:00' }); // a retry later on
    expect(repetido).toEqual({ ...primeiro, existente: true });

    const q = pedido({ unidade });
    const simultaneos = await Promise.all(Array.from({ length: 6 }, () => emitirDocumento(db, q)));
    expect(new Set(simultaneos.map((r) => r.id)).size).toBe(1);
    expect(simultaneos.map((r) => r.numero)).toEqual(Array(6).fill(2));
    expect(simultaneos.filter((r) => !r.existente)).toHaveLength(1);

    expect((await emitirDocumento(db, pedido({ unidade }))).numero).toBe(3); // nothing burned by the retries
    expect(await contador(unidade, 2026)).toBe(3);
  });

  it('refuses a key reused for a different document', async () => {
    const p = pedido({ unidade: 'COOIE-CONFLITO' });
    const d = await emitirDocumento(db, p);
    const outro = structuredClone(DADOS['notificacao-exigencias']);
    outro.exigencias = outro.exigencias.slice(0, 1);
    await expect(emitirDocumento(db, { ...p, dados: outro })).rejects.toThrow(ChaveIdempotenciaConflitante);
    await expect(emitirDocumento(db, { ...p, dados: outro })).rejects.toThrow(`já foi usada para emitir ${d.identificacao} com outros dados`);
  });

  it('restarts the numbers every year, the year being the issuing date in America/Sao_Paulo', async () => {
    const unidade = 'COOIE-ANOS';
    const os = (emitidoEm: string) => pedido({ unidade, emitidoEm, tipo: 'ordem-servico', dados: DADOS['ordem-servico'] });
    // 23:30 in Brasília on 31 Dec is already 1 Jan in UTC: still 2026.
    expect(dataEmSaoPaulo(new Date('2027-01-01T02:30:00Z'))).toBe('2026-12-31');
    const fimDeAno = await emitirDocumento(db, os('2026-12-31T23:30:00-03:00'));
    expect(fimDeAno).toMatchObject({ numero: 1, ano: 2026, identificacao: `Ordem de Serviço nº 1/2026/${unidade}` });
    expect((await obterDocumento(db, fimDeAno.id))!.html).toContain('Rio de Janeiro, 31 de dezembro de 2026.');
    expect((await emitirDocumento(db, os('2026-12-31T23:59:59-03:00'))).numero).toBe(2);

    const a = await emitirDocumento(db, os('2027-01-01T00:00:00-03:00'));
    const b = await emitirDocumento(db, os('2027-01-04T10:00:00-03:00'));
    expect([a.numero, a.ano, b.numero, b.ano]).toEqual([1, 2027, 2, 2027]);
    expect(a.identificacao).toBe(`Ordem de Serviço nº 1/2027/${unidade}`);
    expect((await obterDocumento(db, a.id))!.html).toContain('Rio de Janeiro, 1º de janeiro de 2027.');
    expect([await contador(unidade, 2026, 'ordem-servico'), await contador(unidade, 2027, 'ordem-servico')]).toEqual([2, 2]);
  });

  it('keeps independent series per unit and per espécie', async () => {
    const [x1, y1, x2] = [
      await emitirDocumento(db, pedido({ unidade: 'COOIE-X' })),
      await emitirDocumento(db, pedido({ unidade: 'COOIE-Y' })),
      await emitirDocumento(db, pedido({ unidade: 'COOIE-X' })),
    ];
    expect([x1.numero, y1.numero, x2.numero]).toEqual([1, 1, 2]);
    const os1 = await emitirDocumento(db, pedido({ unidade: 'COOIE-X', tipo: 'ordem-servico', dados: DADOS['ordem-servico'] }));
    expect(os1.identificacao).toBe('Ordem de Serviço nº 1/2026/COOIE-X');
    expect((await emitirDocumento(db, pedido({ unidade: 'COOIE-X' }))).numero).toBe(3);
  });

  it('burns no number when an emission fails, before or inside the transaction', async () => {
    const unidade = 'COOIE-FALHAS';
    expect((await emitirDocumento(db, pedido({ unidade }))).numero).toBe(1);

    const incompleto = structuredClone(DADOS['notificacao-exigencias']) as any;
    delete incompleto.signatario;
    await expect(emitirDocumento(db, pedido({ unidade, dados: incompleto }))).rejects.toThrow(DadosDocumentoInvalidos);
    await expect(emitirDocumento(db, pedido({ unidade, dados: incompleto }))).rejects.toThrow('signatario: campo obrigatório não informado');

    // PostgreSQL refuses NUL in text: the insert fails after the number was taken, and the counter rolls back with it.
    await expect(emitirDocumento(db, pedido({ unidade, emitidoPor: 'usuario:\u0000' }))).rejects.toThrow();
    expect(await contador(unidade, 2026)).toBe(1);

    expect((await emitirDocumento(db, pedido({ unidade }))).numero).toBe(2);
  });

  it('refuses bad requests in pt-BR', async () => {
    await expect(emitirDocumento(db, pedido({ chave: '  ' }))).rejects.toThrow('chave: informe a chave de idempotência');
    await expect(emitirDocumento(db, pedido({ tipo: 'memorando' }))).rejects.toThrow('Tipo de documento desconhecido: "memorando"');
    await expect(emitirDocumento(db, pedido({ unidade: 'A//B' }))).rejects.toThrow('unidade: use a sigla da unidade');
    await expect(emitirDocumento(db, pedido({ emitidoEm: 'ontem' }))).rejects.toThrow('emitidoEm: instante inválido');
  });
});

describe('activity emitirDocumento', () => {
  it('returns id, numero and identificacao', async () => {
    const { emitirDocumento: emitir } = createEmissaoDocumentosActivities(db);
    const r = await emitir({ ...pedido({ unidade: 'COOIE-ATIVIDADE' }) } as never);
    expect(r).toMatchObject({ numero: 1, ano: 2026, identificacao: 'Ofício nº 1/2026/COOIE-ATIVIDADE' });
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('turns invalid data into a non-retryable failure carrying the fields', async () => {
    const { emitirDocumento: emitir } = createEmissaoDocumentosActivities(db);
    const dados = structuredClone(DADOS['ordem-servico']) as any;
    dados.comissao.pop();
    const err = await emitir({ ...pedido({ tipo: 'ordem-servico', dados }) } as never).catch((e) => e);
    expect(err).toBeInstanceOf(ApplicationFailure);
    expect(err.nonRetryable).toBe(true);
    expect(err.type).toBe('DadosDocumentoInvalidos');
    expect(err.message).toContain('a Comissão de Vistoria deve ter exatamente 3 servidores');
    expect(err.details[0]).toEqual([{ campo: 'comissao', mensagem: 'a Comissão de Vistoria deve ter exatamente 3 servidores' }]);
  });
});

describe('PDF', () => {
  it('renders a stored document to a real A4 PDF with Chromium', async () => {
    const d = await emitirDocumento(db, pedido({ unidade: 'COOIE-PDF', tipo: 'termo-visita', dados: DADOS['termo-visita'] }));
    const r = await pdfDoDocumento(db, d.id);
    expect(r).toBeDefined();
    const { pdf } = r!;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-pdf-'));
    try {
      const arquivo = path.join(dir, 'termo.pdf');
      fs.writeFileSync(arquivo, pdf);
      const info = execFileSync('pdfinfo', [arquivo], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);
      const paginas = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(paginas).toBeGreaterThanOrEqual(1);
      const texto = execFileSync('pdftotext', ['-layout', arquivo, '-'], { encoding: 'utf8' });
      expect(texto).toContain('TERMO DE VISITA Nº 1/2026/COOIE-PDF');
      expect(texto).toContain('Rio de Janeiro, 23 de novembro de 2026.');
      execFileSync('pdftoppm', ['-r', '40', '-png', '-f', '1', '-l', '1', arquivo, path.join(dir, 'pagina')]);
      const png = fs.readFileSync(fs.readdirSync(dir).map((f) => path.join(dir, f)).find((f) => f.endsWith('.png'))!);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(await pdfDoDocumento(db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(await pdfDoDocumento(db, 'nao-e-uuid')).toBeUndefined();
  });

  it('renders several PDFs at once with one browser', async () => {
    const d = await emitirDocumento(db, pedido({ unidade: 'COOIE-PDF2' }));
    const pdfs = await Promise.all(Array.from({ length: 6 }, () => pdfDoDocumento(db, d.id)));
    for (const r of pdfs) expect(r!.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
