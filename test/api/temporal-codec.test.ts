/**
 * No CPF in Temporal's history (issue 17, defect 4; runtime/codec.ts): every
 * payload rito sends to Temporal is encrypted with AES-256-GCM, so a process's
 * raw history (what the Temporal UI and CLI show) holds no personal data, while
 * the workflow still works; the codec endpoint decodes for administradores and
 * supervisores only. Keys rotate (encrypt with the first, decrypt with any);
 * payloads without the encryption metadata (histories recorded before the
 * codec) pass through; a missing key stops `rito api` and `rito worker`, and
 * `rito dev` generates one into its data dir.
 */
import type { Payload } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gerarChave, lerChaves } from '../../config/chaves-temporal';
import { ConfigError, loadConfig } from '../../config/settings';
import { arquivoChaveDev, CodecCriptografia, codecDaConfiguracao } from '../../runtime/codec';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { abrirProcesso } from '../support/abertura';
import { estadoQuery } from '../../workflows/processo/definitions';

const CPF = '52998224725';
const CPF_FORMATADO = '529.982.247-25';
const CNPJ = '11222333000181';
// A school of this file only: the process's workflow id comes from CNPJ and INEP, and test files share one Temporal server.
const INEP = `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

const json = (v: unknown): Payload => ({ metadata: { encoding: new TextEncoder().encode('json/plain') }, data: new TextEncoder().encode(JSON.stringify(v)) });
const texto = (b: Uint8Array | null | undefined) => new TextDecoder().decode(b ?? new Uint8Array());

describe('the codec (runtime/codec.ts)', () => {
  const a = lerChaves(gerarChave('a'))[0]!;
  const b = lerChaves(gerarChave('b'))[0]!;

  it('encrypts the whole payload (metadata too) and names the key in the metadata', async () => {
    const codec = new CodecCriptografia([a]);
    const [cifrado] = await codec.encode([json({ cpf: CPF })]);
    expect(texto(cifrado!.metadata!.encoding)).toBe('binary/encrypted');
    expect(texto(cifrado!.metadata!['encryption-key-id'])).toBe('a');
    expect(Buffer.from(cifrado!.data!).includes(CPF)).toBe(false);
    expect(Buffer.from(cifrado!.data!).includes('json/plain')).toBe(false);
    const [claro] = await codec.decode([cifrado!]);
    expect(JSON.parse(texto(claro!.data))).toEqual({ cpf: CPF });
    expect(texto(claro!.metadata!.encoding)).toBe('json/plain');
  });

  it('rotates: encrypts with the first key, decrypts with any configured one', async () => {
    const antigo = new CodecCriptografia([a]);
    const novo = new CodecCriptografia([b, a]);
    const [doAntigo] = await antigo.encode([json(1)]);
    const [doNovo] = await novo.encode([json(2)]);
    expect(texto(doNovo!.metadata!['encryption-key-id'])).toBe('b');
    expect((await novo.decode([doAntigo!, doNovo!])).map((p) => JSON.parse(texto(p.data)))).toEqual([1, 2]);
    await expect(antigo.decode([doNovo!])).rejects.toThrow(/chave "b".*TEMPORAL_CHAVES/);
  });

  it('passes through payloads without the encryption metadata (histories recorded before the codec)', async () => {
    const p = json({ cpf: CPF });
    const vazio: Payload = { metadata: {}, data: new Uint8Array() };
    expect(await new CodecCriptografia([a]).decode([p, vazio])).toEqual([p, vazio]);
  });

  it('refuses a tampered payload (GCM tag) and a key id swapped in the metadata', async () => {
    const codec = new CodecCriptografia([a, { id: 'a2', chave: a.chave }]);
    const [c] = await codec.encode([json({ cpf: CPF })]);
    const adulterado = { ...c!, data: Uint8Array.from(c!.data!, (x, i) => (i === 20 ? x ^ 1 : x)) };
    await expect(codec.decode([adulterado])).rejects.toThrow();
    const outraChave = { ...c!, metadata: { ...c!.metadata, 'encryption-key-id': new TextEncoder().encode('a2') } };
    await expect(codec.decode([outraChave])).rejects.toThrow();
  });
});

describe('keys from the settings', () => {
  it('TEMPORAL_CHAVES takes id:base64 pairs and refuses anything else, in pt-BR', () => {
    const duas = `${gerarChave('nova')},${gerarChave('velha')}`;
    expect(loadConfig({ TEMPORAL_CHAVES: duas }).TEMPORAL_CHAVES!.map((c) => c.id)).toEqual(['nova', 'velha']);
    for (const errado of ['semdoispontos', 'k:YWJj', `${gerarChave('x')},${gerarChave('x')}`]) {
      expect(() => loadConfig({ TEMPORAL_CHAVES: errado }), errado).toThrow(ConfigError);
    }
    expect(() => loadConfig({ TEMPORAL_CHAVES: 'k:YWJj' })).toThrow(/TEMPORAL_CHAVES: a chave "k" deve ter 32 bytes/);
  });

  it('rito api and rito worker stop without a key, naming the setting in pt-BR', () => {
    const config = loadConfig({});
    expect(() => codecDaConfiguracao(config, { comando: 'rito worker' })).toThrow(ConfigError);
    expect(() => codecDaConfiguracao(config, { comando: 'rito api' })).toThrow(/TEMPORAL_CHAVES: obrigatória para `rito api`.*rito config --gerar-chave/s);
  });

  it('rito dev generates a key into its data dir on the first start and reuses it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rito-chave-'));
    try {
      const arquivo = arquivoChaveDev(dir);
      const primeiro = codecDaConfiguracao(loadConfig({}), { arquivoDev: arquivo });
      expect(fs.statSync(arquivo).mode & 0o777).toBe(0o600);
      const segundo = codecDaConfiguracao(loadConfig({}), { arquivoDev: arquivo });
      const [c] = await primeiro.encode([json('x')]);
      expect(JSON.parse(texto((await segundo.decode([c!]))[0]!.data))).toBe('x');
      // A configured key wins over the file.
      expect(codecDaConfiguracao(loadConfig({ TEMPORAL_CHAVES: gerarChave('conf') }), { arquivoDev: arquivo }).idChaveAtual).toBe('conf');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a process on the real system', () => {
  let sys: TestSystem;
  let admin: Conta, supervisor: Conta, inspetor: Conta, rep: Conta;
  let processo: string;

  beforeAll(async () => {
    sys = await startTestSystem();
    [admin, supervisor, inspetor, rep] = await Promise.all([
      sys.conta({ papeis: ['administrador'] }),
      sys.conta({ papeis: ['supervisor'] }),
      sys.conta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I' }),
      sys.conta({ papeis: ['representante'], instituicoes: [CNPJ] }),
    ]);
    processo = await abrirProcesso(sys, rep, { cnpj: CNPJ, codigoInep: INEP, requerente: { nome: 'Requerente Fulana de Tal', cpf: CPF_FORMATADO, email: 'fulana@example.org' } });
    // The workflow works: its query answers through the codec, and its first action's local activity writes the
    // read model (the abertura's first step is the API's: its input, with the CPF, goes in the start's).
    expect((await sys.temporal.workflow.getHandle(processo).query(estadoQuery)).fase).toBe('requerimento');
    const autuado = await sys.request('POST', `/v1/processos/${processo}/vistoria/autuar`, {
      as: inspetor,
      body: { numeroSei: 'SEI-030001/020777/2026' },
      headers: { 'idempotency-key': `autuar-codec-${INEP}` },
    });
    expect(autuado.status, JSON.stringify(autuado.body)).toBe(200);
    expect((await sys.db.selectFrom('processo').select('numero_sei').where('id', '=', processo).executeTakeFirstOrThrow()).numero_sei).toBe('SEI-030001/020777/2026');
  }, 180_000);

  afterAll(async () => {
    await sys?.stop();
  });

  async function historia() {
    return sys.temporal.workflow.getHandle(processo).fetchHistory();
  }

  function payloadsDe(x: unknown, acc: Payload[] = []): Payload[] {
    if (!x || typeof x !== 'object' || x instanceof Uint8Array) return acc;
    const o = x as Record<string, unknown>;
    if (o.data instanceof Uint8Array && o.metadata && typeof o.metadata === 'object') acc.push(o as Payload);
    for (const v of Object.values(o)) payloadsDe(v, acc);
    return acc;
  }

  it('keeps the CPF out of every payload of the raw history, and out of the history bytes', async () => {
    // Until the workflow's first local activity (the read model's write of the autuação) has run: its result is
    // recorded in a marker, its input (the step, whose snapshot carries the abertura with the CPF) is not recorded at all.
    const marcador = (e: temporal.api.history.v1.IHistoryEvent) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity';
    let h = await historia();
    const ate = Date.now() + 30_000;
    while (!h.events!.some(marcador) && Date.now() < ate) {
      await new Promise((ok) => setTimeout(ok, 200));
      h = await historia();
    }
    expect(h.events!.some(marcador), 'atividade local registrada').toBe(true);
    // Every payload rito writes goes through the codec. Three kinds never do, by Temporal's design, and carry no data
    // of rito's: the SDK core's patch markers (the patch's id: 'atividades-locais'), a local activity marker's own
    // record (its type, id, attempt and times, under `data`; its `result` is rito's and is encrypted) and search
    // attributes (checked below for personal data); the whole history's bytes are checked for it after.
    const deRito = h.events!
      .filter((e) => e.markerRecordedEventAttributes?.markerName !== 'core_patch' && !e.upsertWorkflowSearchAttributesEventAttributes)
      .map((e) => (marcador(e) ? { resultado: e.markerRecordedEventAttributes!.details!.result } : e));
    const payloads = payloadsDe(deRito);
    // At least the start's input (the abertura, with the CPF, and its unit's calendar) and the autuação's update.
    expect(payloads.length).toBeGreaterThanOrEqual(3);
    for (const p of payloads) {
      expect(texto(p.metadata!.encoding)).toBe('binary/encrypted');
      const bytes = Buffer.from(p.data!);
      expect(bytes.includes(CPF)).toBe(false);
      expect(bytes.includes(CPF_FORMATADO)).toBe(false);
      expect(bytes.includes('Fulana')).toBe(false);
    }
    const todo = Buffer.from(temporal.api.history.v1.History.encode(h).finish());
    for (const s of [CPF, CPF_FORMATADO, 'Fulana', 'fulana@example.org']) expect(todo.includes(s), s).toBe(false);
    // The abertura input is there, encrypted: decrypting it gives the CPF back.
    const entrada = h.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads!;
    expect(texto((await sys.codec.decode(entrada as Payload[]))[0]!.data)).toContain(CPF);
  });

  it('keeps personal data out of the workflow id, memo and search attributes', async () => {
    const d = await sys.temporal.workflow.getHandle(processo).describe();
    const visivel = JSON.stringify({ id: d.workflowId, memo: d.memo ?? null, sa: d.searchAttributes, typed: d.typedSearchAttributes });
    for (const s of [CPF, CPF_FORMATADO, 'Fulana', 'fulana@example.org']) expect(visivel, s).not.toContain(s);
    expect(d.memo ?? {}).toEqual({});
  });

  const paraJson = (ps: Payload[]) => ({
    payloads: ps.map((p) => ({
      metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')])),
      data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
    })),
  });
  const entradaCifrada = async () => paraJson(((await historia()).events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads ?? []) as Payload[]);
  const comoUi = { 'x-namespace': 'default', origin: 'http://127.0.0.1:8233' };

  it('the codec endpoint decodes for an administrador and a supervisor, as the Temporal UI calls it (cookie, X-Namespace, no CSRF token)', async () => {
    const corpo = await entradaCifrada();
    for (const quem of [admin, supervisor]) {
      const r = await sys.request('POST', '/v1/temporal/codec/decode', { as: quem, csrf: false, headers: comoUi, body: corpo });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      const claro = Buffer.from(r.body.payloads[0].data, 'base64').toString('utf8');
      expect(JSON.parse(claro).requerente.cpf).toBe(CPF);
      expect(Buffer.from(r.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('json/plain');
      expect(r.headers.get('access-control-allow-origin')).toBe(sys.origemUiTemporal);
      expect(r.headers.get('access-control-allow-credentials')).toBe('true');
    }
    const auditadas = await sys.db.selectFrom('auditoria').select(['acao', 'ator_id']).where('acao', '=', 'temporal.decodificar').execute();
    expect(auditadas.map((e) => e.ator_id).sort()).toEqual([admin.id, supervisor.id].sort());
  });

  it('encode then decode gives the payload back', async () => {
    const claro = paraJson([json({ ok: true })]);
    const c = await sys.request('POST', '/v1/temporal/codec/encode', { as: admin, csrf: false, headers: comoUi, body: claro });
    expect(c.status).toBe(200);
    expect(Buffer.from(c.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    const d = await sys.request('POST', '/v1/temporal/codec/decode', { as: admin, csrf: false, headers: comoUi, body: c.body });
    expect(d.body).toEqual(claro);
  });

  it('refuses everyone else: anonymous 401, other roles 403, a session without X-Namespace nor CSRF token 403', async () => {
    const corpo = await entradaCifrada();
    expect((await sys.request('POST', '/v1/temporal/codec/decode', { headers: comoUi, body: corpo })).status).toBe(401);
    for (const quem of [inspetor, rep]) {
      const r = await sys.request('POST', '/v1/temporal/codec/decode', { as: quem, csrf: false, headers: comoUi, body: corpo });
      expect(r.status).toBe(403);
      expect(JSON.stringify(r.body)).not.toContain(CPF);
    }
    const semCabecalho = await sys.request('POST', '/v1/temporal/codec/decode', { as: admin, csrf: false, body: corpo });
    expect(semCabecalho.status).toBe(403);
    expect(semCabecalho.body.erro.codigo).toBe('csrf');
  });

  it('CORS: the preflight allows the Temporal UI origin only', async () => {
    const preflight = (origin: string) =>
      sys.request('OPTIONS', '/v1/temporal/codec/decode', {
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
      });
    const ui = await preflight(sys.origemUiTemporal);
    expect(ui.status).toBe(204);
    expect(ui.headers.get('access-control-allow-origin')).toBe(sys.origemUiTemporal);
    expect(ui.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ui.headers.get('access-control-allow-headers')).toContain('x-namespace');
    const outra = await preflight('https://malicioso.example');
    expect(outra.headers.get('access-control-allow-origin')).toBeNull();
  });
});
