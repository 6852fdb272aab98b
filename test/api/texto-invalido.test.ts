/**
 * Issue 17, defect 1 (and the lone-surrogate half of defect 2): text PostgreSQL
 * cannot store is refused at the edge, before any workflow starts; a failure a
 * retry cannot fix stops retrying and alerts the administrator, and the
 * process keeps running.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { DatabaseError } from 'pg';
import { falhaDefinitiva } from '../../activities/falhas';
import { idProcesso, chaveProcesso } from '../../rules/processos/tipos';
import { type AberturaProcesso, estadoQuery } from '../../workflows/processo/definitions';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { eventually } from '../support/eventualmente';

const endereco = { logradouro: 'Rua São Clemente, 100', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' };
const CNPJ = '11222333000181';
// The Temporal dev server outlives a test run: each run uses schools of its own.
const base = Math.floor(Math.random() * 990_000);
const inepDe = (n: number) => String(33_000_000 + base + n);
const abertura = (nome: string, inep = '33012345') => ({
  tipo: 'apostilamento-endereco',
  instituicao: { cnpj: CNPJ, codigoInep: inep, nome, endereco },
  unidade: 'METROPOLITANA I',
  requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
});

let sys: TestSystem;
let rl: Conta;
let admin: Conta;
beforeAll(async () => {
  sys = await startTestSystem();
  rl = await sys.conta({ papeis: ['representante'], instituicoes: [CNPJ] });
  admin = await sys.conta({ papeis: ['administrador'] });
});
afterAll(async () => {
  await sys?.stop();
});

async function workflowsDaEscola(inep: string): Promise<number> {
  let n = 0;
  for await (const _ of sys.temporal.workflow.list({ query: `WorkflowId = '${idProcesso('apostilamento-endereco', CNPJ, inep, 1)}'` })) n++;
  return n;
}

describe('texto que não pode ser guardado', () => {
  it('refuses a NUL in a body with 400 naming the field, starts no workflow, and a clean retry opens a process that acts', async () => {
    const r = await sys.request('POST', '/v1/processos', { as: rl, body: abertura('Escola\u0000Nula', inepDe(1)) });
    expect(r.status).toBe(400);
    expect(r.body.erro.campos).toEqual([{ campo: 'instituicao.nome', mensagem: expect.stringContaining('caractere nulo') }]);
    expect(await workflowsDaEscola(inepDe(1))).toBe(0);
    expect(await sys.db.selectFrom('processo').select('id').where('instituicao_codigo_inep', '=', inepDe(1)).execute()).toEqual([]);

    const limpo = await sys.request('POST', '/v1/processos', { as: rl, body: abertura('Escola Limpa', inepDe(1)) });
    expect(limpo.status).toBe(201);
    // The workflow is not tied to a poisoned run: it records its abertura in the read model.
    const evento = await eventually(() => sys.db.selectFrom('processo_evento').selectAll().where('processo_id', '=', limpo.body.id).executeTakeFirst());
    expect(evento.tipo).toBe('abertura');
    const estado = await sys.temporal.workflow.getHandle(limpo.body.id).query(estadoQuery);
    expect(estado.versao).toBeGreaterThanOrEqual(1);
  });

  it('refuses a lone UTF-16 surrogate with 400 and writes nothing, not even an audit entry of an abertura', async () => {
    const r = await sys.request('POST', '/v1/processos', { as: rl, body: abertura('Escola \uD800 Quebrada', inepDe(2)) });
    expect(r.status).toBe(400);
    expect(r.body.erro.campos[0]).toMatchObject({ campo: 'instituicao.nome', mensagem: expect.stringContaining('surrogate') });
    expect(await workflowsDaEscola(inepDe(2))).toBe(0);
    const auditado = await sys.db.selectFrom('auditoria').select('seq').where('acao', '=', 'processo.abrir').where('resumo', 'like', '%Quebrada%').execute();
    expect(auditado).toEqual([]);
  });

  it('refuses NUL in a query string and in a key of the body', async () => {
    const q = await sys.request('GET', '/v1/processos?tipo=apostilamento%00endereco', { as: rl });
    expect(q.status).toBe(400);
    expect(q.body.erro.campos).toEqual([{ campo: 'query.tipo', mensagem: expect.stringContaining('caractere nulo') }]);
    const chave = await sys.request('POST', '/v1/processos', { as: rl, body: { ...abertura('Escola', inepDe(3)), 'x\u0000y': 1 } });
    expect(chave.status).toBe(400);
    expect(chave.body.erro.campos[0].mensagem).toContain('nome do campo');
  });

  it('refuses an upload whose file name carries a NUL, with its arquivo.recusar audit entry', async () => {
    const p = await sys.request('POST', '/v1/processos', { as: rl, body: abertura('Escola dos Arquivos', inepDe(4)) });
    expect(p.status).toBe(201);
    // Built by hand: fetch's FormData would percent-encode the name.
    const fronteira = 'rito-fronteira';
    const corpo = Buffer.concat([
      Buffer.from(`--${fronteira}\r\nContent-Disposition: form-data; name="arquivo"; filename="x.pdf\u0000.html"\r\nContent-Type: application/pdf\r\n\r\n`, 'utf8'),
      Buffer.from('%PDF-1.7\n%%EOF\n', 'latin1'),
      Buffer.from(`\r\n--${fronteira}--\r\n`),
    ]);
    const res = await fetch(`${sys.baseUrl}/v1/arquivos?processoId=${encodeURIComponent(p.body.id)}`, {
      method: 'POST',
      headers: { cookie: `rito_sessao=${rl.cookie}`, 'x-csrf-token': rl.csrf!, 'content-type': `multipart/form-data; boundary=${fronteira}` },
      body: corpo,
    });
    expect(res.status).toBe(400);
    const recusa = await sys.db.selectFrom('auditoria').selectAll().where('acao', '=', 'arquivo.recusar').where('processo_id', '=', p.body.id).executeTakeFirst();
    expect(recusa?.dados).toMatchObject({ motivo: 'nome-invalido', nomeOriginal: 'x.pdf\uFFFD.html' });
    expect(await sys.db.selectFrom('arquivo').select('id').where('processo_id', '=', p.body.id).execute()).toEqual([]);
  });
});

describe('falhas que nova tentativa não resolve', () => {
  it('classifies PostgreSQL data and integrity errors as definitive, and connection or unique-race errors as passing', async () => {
    const erroDe = async (texto: string) =>
      sql.raw(texto).execute(sys.db).then(
        () => undefined,
        (e: unknown) => e,
      );
    const nulo = await sql`select ${'Escola\u0000Nula'}::text`.execute(sys.db).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(nulo).toBeInstanceOf(DatabaseError);
    expect(falhaDefinitiva(nulo)).toBe(true);
    expect(falhaDefinitiva(await erroDe(`select 1/0`))).toBe(true);
    expect(falhaDefinitiva(await erroDe(`insert into processo_evento (processo_id, seq, tipo, descricao, ator, ocorrido_em, dados) values ('nao-existe', 1, 't', 'd', 'a', now(), '{}')`))).toBe(true);
    expect(falhaDefinitiva(Object.assign(new DatabaseError('duplicate key', 0, 'error'), { code: '23505' }))).toBe(false);
    expect(falhaDefinitiva(new Error('connect ECONNREFUSED 127.0.0.1:5432'))).toBe(false);
  });

  it('a process whose first write PostgreSQL refuses keeps running, stops retrying, and the administrator sees the alert', async () => {
    // Started directly, as a process opened before the edge check was (or by
    // another entry point) would be: the NUL reaches the activity.
    const inep = inepDe(5);
    const id = idProcesso('apostilamento-endereco', CNPJ, inep, 1);
    const entrada: AberturaProcesso = {
      id,
      tipo: 'apostilamento-endereco',
      chave: chaveProcesso('apostilamento-endereco', CNPJ, inep),
      ordinal: 1,
      instituicao: { cnpj: CNPJ, codigoInep: inep, nome: 'Escola\u0000Envenenada' },
      unidade: 'METROPOLITANA I',
      numeroSei: null,
      requerente: { nome: 'Maria', cpf: '52998224725', email: 'maria@example.org' },
      abertoPor: rl.id,
    };
    const handle = await sys.temporal.workflow.start('processoWorkflow', { taskQueue: sys.taskQueue, workflowId: id, args: [entrada] });
    const alertas = await eventually(async () => {
      const r = await sys.request('GET', '/v1/alertas', { as: admin });
      const meus = r.body.itens.filter((a: { processoId: string }) => a.processoId === id);
      return meus.length >= 1 ? meus : undefined;
    });
    // The abertura's row and its first event are one write (registrarPasso); the event, refused for want of its row, does not hide the row's refusal.
    expect(alertas.map((a: { atividade: string }) => a.atividade)).toEqual(['registrarPasso']);
    expect(alertas[0].erro).toMatch(/0x00|UTF8|nul/i);
    expect(alertas.every((a: { definitivo: boolean; tentativas: number }) => a.definitivo && a.tentativas === 1)).toBe(true);
    expect(alertas[0].ultimaEm).toMatch(/-03:00$/);
    // Not retried: once the workflow has moved past them (reading the calendar next, on its own, since the refused
    // first step could not bring it back), no activity is left pending.
    const desc = await eventually(async () => {
      const d = await handle.describe();
      return (d.raw.pendingActivities ?? []).length === 0 ? d : undefined;
    });
    expect(desc.status.name).toBe('RUNNING');
    expect((await handle.query(estadoQuery)).fase).toBe('requerimento');
    // Alerts are for the administrator and supervisors only.
    expect((await sys.request('GET', '/v1/alertas', { as: rl })).status).toBe(403);
    await handle.terminate('fim do teste');
  });
});
