import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertProcesso } from '../../db/processos';
import { chaveProcesso, idProcesso } from '../../rules/processos/tipos';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { type AberturaProcesso, estadoQuery } from '../../workflows/processo/definitions';
import { estadoRitoQuery, projecaoDoRito } from '../../workflows/ritos/definitions';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

// Real accounts, logged in through POST /v1/sessoes (see test/support/system.ts).
let representanteA: Conta;
let representanteB: Conta;
let inspetor: Conta;
let inspetorNorte: Conta;
let supervisor: Conta;

const endereco = { logradouro: 'Rua São Clemente, 100', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' };

const abertura = (over: Record<string, unknown> = {}) => ({
  tipo: 'apostilamento-endereco',
  instituicao: { cnpj: '11.222.333/0001-81', codigoInep: '33012345', nome: 'Colégio Exemplo', endereco },
  unidade: 'METROPOLITANA I',
  requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
  ...over,
});

let sys: TestSystem;
beforeAll(async () => {
  sys = await startTestSystem();
  representanteA = await sys.conta({ nome: 'Maria Representante', papeis: ['representante'], instituicoes: ['11222333000181'] });
  representanteB = await sys.conta({ nome: 'João Representante', papeis: ['representante'], instituicoes: ['11444777000161'] });
  inspetor = await sys.conta({ nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: 'METROPOLITANA I' });
  inspetorNorte = await sys.conta({ nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: 'NORTE FLUMINENSE' });
  supervisor = await sys.conta({ nome: 'Carlos Supervisor', papeis: ['supervisor'] });
});
afterAll(async () => {
  await sys?.stop();
});

describe('abertura de processo', () => {
  it('opens a process that is readable through the API with the phase its workflow reports', async () => {
    const created = await sys.request('POST', '/v1/processos', { as: representanteA, body: abertura() });
    expect(created.status).toBe(201);
    expect(created.body.instituicao.cnpj).toBe('11222333000181');
    expect(created.headers.get('location')).toBe(`/v1/processos/${created.body.id}`);

    // The abertura's transaction wrote the first step: a read right after it comes from the read model, and the
    // timeline starts with the abertura.
    const got = await sys.request('GET', `/v1/processos/${created.body.id}`, { as: representanteA });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ fase: 'requerimento', faseFonte: 'modelo-de-leitura' });
    const evento = await sys.db.selectFrom('processo_evento').selectAll().where('processo_id', '=', created.body.id).executeTakeFirst();
    expect(evento).toMatchObject({ tipo: 'abertura', ator: representanteA.id, seq: 1 });

    // What the read model shows is what the workflow holds.
    const fromWorkflow = await sys.temporal.workflow.getHandle(created.body.id).query(estadoQuery);
    expect(got.body.fase).toBe(fromWorkflow.fase);
    const def = ritoDoTipo('apostilamento-endereco')!;
    const doWorkflow = projecaoDoRito(await sys.temporal.workflow.getHandle(created.body.id).query(estadoRitoQuery(def)));
    const linha = await sys.db.selectFrom('processo').select(['estado_rito', 'notificacao_pendente']).where('id', '=', created.body.id).executeTakeFirstOrThrow();
    expect(linha).toEqual({ estado_rito: doWorkflow, notificacao_pendente: false });
  });

  it('returns the open process on a retried or concurrent abertura instead of opening a second one', async () => {
    const body = abertura({ instituicao: { cnpj: '11222333000181', codigoInep: '33099999', nome: 'Colégio Exemplo — Unidade II', endereco } });
    const results = await Promise.all([1, 2, 3, 4].map(() => sys.request('POST', '/v1/processos', { as: representanteA, body })));
    const ids = new Set(results.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);

    const retry = await sys.request('POST', '/v1/processos', { as: representanteA, body });
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe([...ids][0]);

    const rows = await sys.db.selectFrom('processo').select('id').where('instituicao_codigo_inep', '=', '33099999').execute();
    expect(rows).toHaveLength(1);
    const runs: unknown[] = [];
    for await (const w of sys.temporal.workflow.list({ query: `WorkflowId = '${[...ids][0]}'` })) runs.push(w);
    expect(runs).toHaveLength(1);
  });

  it('refuses malformed identifiers with 400 naming each field in Portuguese', async () => {
    const res = await sys.request('POST', '/v1/processos', {
      as: representanteA,
      body: abertura({
        instituicao: { cnpj: '11.222.333/0001-82', codigoInep: '1234', nome: 'Colégio Exemplo', endereco },
        requerente: { nome: 'Maria', cpf: '111.111.111-11', email: 'não-é-email' },
        numeroSei: 'SEI-123',
      }),
    });
    expect(res.status).toBe(400);
    expect(res.body.erro.codigo).toBe('validacao');
    const campos = Object.fromEntries(res.body.erro.campos.map((c: { campo: string; mensagem: string }) => [c.campo, c.mensagem]));
    expect(Object.keys(campos).sort()).toEqual(['instituicao.cnpj', 'instituicao.codigoInep', 'numeroSei', 'requerente.cpf', 'requerente.email']);
    expect(campos['instituicao.cnpj']).toMatch(/CNPJ/);
    expect(campos['requerente.cpf']).toMatch(/CPF/);
    const stored = await sys.db.selectFrom('processo').select('id').where('instituicao_codigo_inep', '=', '1234').execute();
    expect(stored).toHaveLength(0);
  });

  it('refuses a unit rito does not know (its seat counts the prazos), naming the known ones, and opens nothing', async () => {
    const res = await sys.request('POST', '/v1/processos', { as: representanteA, body: abertura({ unidade: 'METROPOLITANA XX' }) });
    expect(res.status).toBe(400);
    expect(res.body.erro.campos).toEqual([{ campo: 'unidade', mensagem: expect.stringMatching(/^unidade desconhecida: use uma das cadastradas \(.*METROPOLITANA I.*\)$/) }]);
    expect(await sys.db.selectFrom('processo').select('id').where('unidade', '=', 'METROPOLITANA XX').execute()).toHaveLength(0);
  });

  it('refuses a body that is not JSON with a clear 400', async () => {
    const res = await fetch(`${sys.baseUrl}/v1/processos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `rito_sessao=${representanteA.cookie}`, 'x-csrf-token': representanteA.csrf! },
      body: '{"tipo": ',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { erro: { mensagem: string } }).erro.mensagem).toMatch(/JSON/);
  });

  it('keeps each institution\'s processes to its own representatives and unit', async () => {
    const a = await sys.request('POST', '/v1/processos', { as: representanteA, body: abertura({ tipo: 'entrada-suplementar' }) });
    expect(a.status).toBe(201);
    expect((await sys.request('GET', `/v1/processos/${a.body.id}`)).status).toBe(401);
    expect((await sys.request('GET', `/v1/processos/${a.body.id}`, { as: representanteB })).status).toBe(404);
    expect((await sys.request('GET', `/v1/processos/${a.body.id}`, { as: inspetor })).status).toBe(200);
    expect((await sys.request('GET', `/v1/processos/${a.body.id}`, { as: inspetorNorte })).status).toBe(404);
    expect((await sys.request('GET', `/v1/processos/${a.body.id}`, { as: supervisor })).status).toBe(200);
    // B cannot open a process for A's institution either.
    expect((await sys.request('POST', '/v1/processos', { as: representanteB, body: abertura({ tipo: 'aumento-capacidade' }) })).status).toBe(403);
    expect((await sys.request('POST', '/v1/processos', { as: supervisor, body: abertura({ tipo: 'aumento-capacidade' }) })).status).toBe(403);
  });

  it('lists and filters processes within the caller\'s scope', async () => {
    await sys.request('POST', '/v1/processos', { as: representanteB, body: abertura({ instituicao: { cnpj: '11444777000161', codigoInep: '33055555', nome: 'Escola B', endereco } }) });
    const asB = await sys.request('GET', '/v1/processos', { as: representanteB });
    expect(asB.status).toBe(200);
    expect(asB.body.itens.map((p: { instituicao: { cnpj: string } }) => p.instituicao.cnpj)).toEqual(['11444777000161']);

    const all = await sys.request('GET', '/v1/processos?tipo=apostilamento-endereco', { as: supervisor });
    expect(all.body.itens.length).toBeGreaterThanOrEqual(3);
    expect(all.body.itens.every((p: { tipo: string }) => p.tipo === 'apostilamento-endereco')).toBe(true);

    const page = await sys.request('GET', '/v1/processos?limite=1', { as: supervisor });
    expect(page.body.itens).toHaveLength(1);
    const next = await sys.request('GET', `/v1/processos?limite=1&cursor=${encodeURIComponent(page.body.proximoCursor)}`, { as: supervisor });
    expect(next.body.itens[0].id > page.body.itens[0].id).toBe(true);

    const bad = await sys.request('GET', '/v1/processos?limite=0&tipo=vistoria', { as: supervisor });
    expect(bad.status).toBe(400);
    expect(bad.body.erro.campos.map((c: { campo: string }) => c.campo).sort()).toEqual(['query.limite', 'query.tipo']);
  });
});

describe('leitura quando o workflow não responde', () => {
  /** The abertura of a process of a school of its own, for a workflow started on a queue no worker serves. */
  const aberturaSemWorker = (nome: string, numeroSei: string | null): AberturaProcesso => {
    const inep = String(33_000_000 + Math.floor(Math.random() * 999_999));
    return {
      id: idProcesso('apostilamento-endereco', '11222333000181', inep, 1),
      tipo: 'apostilamento-endereco',
      chave: chaveProcesso('apostilamento-endereco', '11222333000181', inep),
      ordinal: 1,
      instituicao: { cnpj: '11222333000181', codigoInep: inep, nome, endereco },
      unidade: 'METROPOLITANA I',
      numeroSei,
      requerente: { nome: 'Maria Representante', cpf: '52998224725', email: 'maria@example.org' },
      abertoPor: representanteA.id,
    };
  };

  it('answers from the read model, marked as such, when the workflow cannot answer in time', async () => {
    // A process whose workflow no worker serves (as when every worker is down or catching up).
    const abertura = aberturaSemWorker('Colégio Sem Worker', null);
    await upsertProcesso(sys.db, {
      abertura,
      estado: { id: abertura.id, tipo: abertura.tipo, fase: 'requerimento', encerrado: false, numeroSei: null, prazoLimite: null, tarefa: null, versao: 0 },
    });
    await sys.temporal.workflow.start('processoWorkflow', { taskQueue: 'nenhum-worker-escuta', workflowId: abertura.id, args: [abertura] });
    const inicio = Date.now();
    const r = await sys.request('GET', `/v1/processos/${abertura.id}`, { as: representanteA });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ fase: 'requerimento', faseFonte: 'modelo-de-leitura' });
    expect(Date.now() - inicio).toBeLessThan(15_000);
    await sys.temporal.workflow.getHandle(abertura.id).terminate('fim do teste');
  }, 30_000);

  it('reads a process whose workflow recorded its state from the read model alone, never asking the workflow', async () => {
    // Its workflow is served by no worker: a query would wait its 5 s and find no answer (GET …/vistoria: 503).
    const abertura = aberturaSemWorker('Colégio Projetado', 'SEI-030001/000777/2026');
    await sys.temporal.workflow.start('processoWorkflow', { taskQueue: 'nenhum-worker-escuta', workflowId: abertura.id, args: [abertura] });
    // What the workflow writes on entering the exigências of form: a notice awaiting the representante's ciência.
    const notificacao = { tipo: 'oficio-exigencias-forma', enviadaEm: '2026-03-02T10:00:00-03:00', abertaEm: null, ciencia: null, tacita: null };
    await upsertProcesso(sys.db, {
      abertura,
      estado: { id: abertura.id, tipo: abertura.tipo, fase: 'exigencias-forma', encerrado: false, numeroSei: abertura.numeroSei, prazoLimite: null, tarefa: null, versao: 5, notificacaoPendente: true },
      rito: { fase: 'exigencias-forma', notificacao, prazo: null, tarefa: null, documentos: [] },
    });

    const p = await sys.request('GET', `/v1/processos/${abertura.id}`, { as: representanteA });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ fase: 'exigencias-forma', faseFonte: 'modelo-de-leitura', numeroSei: abertura.numeroSei });
    // The pending notice, recorded as such, offers the representante his ciência.
    expect(p.body.acoes.map((a: { acao: string }) => a.acao)).toContain('tomar-ciencia');

    const rito = await sys.request('GET', `/v1/processos/${abertura.id}/vistoria`, { as: inspetor });
    expect(rito.status, JSON.stringify(rito.body)).toBe(200);
    expect(rito.body).toMatchObject({ fase: 'exigencias-forma', notificacao: { tipo: 'oficio-exigencias-forma', enviadaEm: notificacao.enviadaEm, ciencia: null } });
    expect(rito.body).not.toHaveProperty('respostas');
    await sys.temporal.workflow.getHandle(abertura.id).terminate('fim do teste');
  }, 30_000);
});

describe('sistema', () => {
  it('answers /health and /ready with the database and Temporal reachable', async () => {
    expect((await sys.request('GET', '/health')).body).toEqual({ ok: true });
    const ready = await sys.request('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ pronto: true, banco: { ok: true }, temporal: { ok: true } });
  });

  it('publishes an OpenAPI document describing the process routes', async () => {
    const doc = await sys.request('GET', '/docs/json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/v1/processos', '/v1/processos/{id}', '/health', '/ready']));
    expect(doc.body.components.schemas).toHaveProperty('AberturaProcesso');
  });

  it('answers unknown routes with the error shape', async () => {
    const res = await sys.request('GET', '/v1/nada');
    expect(res.status).toBe(404);
    expect(res.body.erro.codigo).toBe('rota-inexistente');
    expect(res.body.requestId).toBeTruthy();
  });
});
