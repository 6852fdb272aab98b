/**
 * The rite engine runs any rite: a rite defined only in a test file
 * (./rito-de-teste.ts: a definition and one hook) goes through the real
 * interpreter on the time-skipping server, opened through the API, acted on
 * through its generated routes, its prazo expiring, its ofício issued. The
 * graph properties every rite must have are checked on each registered rite.
 */
import './rito-de-teste';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registrarMontador } from '../../activities/documentos-rito';
import { buildApp } from '../../api/app';
import { createAutenticador } from '../../api/auth';
import { criarRepresentacao, criarUsuario } from '../../api/contas/service';
import { acoesDeUsuario, faseTerminal, fasesAlcancaveis, transicoesDe, type DefinicaoRito } from '../../rules/ritos/definicao';
import { ritosRegistrados } from '../../rules/ritos/registro';
import { formatarInstanteBrasilia, proximoDiaUtil } from '../../rules/calendario';
import { DADOS } from '../documentos/fixtures';
import { cookieDaResposta, type Credencial } from '../support/system';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { RITO_TESTE, TIPO_TESTE } from './rito-de-teste';
import { registrarTipoProcesso } from '../../rules/processos/tipos';

// A kind whose rite is not built yet (as the mantenedora's alterations still are).
registrarTipoProcesso('alteracao-mantenedora-teste', { rotulo: 'Alteração da Mantenedora (teste)', rito: 'mantenedora-inexistente' });

// The ofício's data (activity side): the catalogue's example, with the coordinator the action named.
registrarMontador('nomeacao-coordenador', (processo, pedido) => {
  const base = DADOS['nomeacao-coordenador'];
  const nomeado = pedido.contexto.coordenador as { nome: string; email: string };
  return { unidade: `COOIE-${processo.unidade}`, dados: { ...base, coordenador: { ...base.coordenador, nome: nomeado.nome, email: nomeado.email } } };
});

describe('propriedades do grafo de cada rito registrado', () => {
  const ritos = ritosRegistrados();
  it('registers the vistoria and the test rite', () => {
    expect(ritos.map((r) => r.codigo)).toEqual(expect.arrayContaining(['vistoria', RITO_TESTE.codigo]));
  });
  for (const def of ritos as DefinicaoRito[]) {
    it(`${def.codigo}: every phase reachable, only terminal phases without a way out, one row per (fase, ação), every prazo, actor and action defined`, () => {
      const fases = Object.keys(def.fases);
      expect([...fasesAlcancaveis(def)].sort()).toEqual([...fases].sort());
      for (const f of fases) expect(transicoesDe(def, f).length === 0).toBe(faseTerminal(def, f));
      const pares = def.transicoes.map((t) => `${t.de}|${t.acao}`);
      expect(new Set(pares).size).toBe(pares.length);
      for (const t of def.transicoes) expect(Object.hasOwn(def.acoes, t.acao) && Object.hasOwn(def.fases, t.para)).toBe(true);
      for (const f of Object.values(def.fases)) if (f.aguardaPrazo) expect(Object.hasOwn(def.prazos, f.aguardaPrazo)).toBe(true);
      for (const a of Object.values(def.acoes)) expect(Object.hasOwn(def.atores, a.ator)).toBe(true);
      // Every action a person takes has an account role behind it.
      for (const a of acoesDeUsuario(def)) expect((def.atores as Record<string, { papel: string | null }>)[def.acoes[a].ator]!.papel).toBeTruthy();
    });
  }
});

describe('um rito definido só no teste, pelo motor de ritos e pela API', () => {
  const CNPJ = '11222333000181';
  const UNIDADE = 'METROPOLITANA I';
  const SENHA = `senha-de-teste-${randomUUID()}`;
  let w: WorkflowTestEnv;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let baseUrl: string;
  const sessoes: Record<'requerente' | 'inspetor' | 'supervisor', Credencial> = {} as never;

  const pedir = async (metodo: string, url: string, como: keyof typeof sessoes, body?: unknown) => {
    const s = sessoes[como];
    const headers: Record<string, string> = { cookie: `rito_sessao=${s.cookie}` };
    if (metodo !== 'GET') Object.assign(headers, { 'x-csrf-token': s.csrf!, 'idempotency-key': `k-${randomUUID()}` });
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(baseUrl + url, { method: metodo, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const texto = await res.text();
    return { status: res.status, body: (res.headers.get('content-type') ?? '').includes('json') ? JSON.parse(texto) : texto };
  };
  const abrir = async (codigoInep: string, tipo = TIPO_TESTE) =>
    pedir('POST', '/v1/processos', 'requerente', {
      tipo,
      instituicao: { cnpj: CNPJ, codigoInep, nome: 'Escola Municipal Exemplo', endereco: { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' } },
      unidade: UNIDADE,
      requerente: { nome: 'Maria Requerente', cpf: '529.982.247-25', email: 'maria@example.org' },
    });
  const acoes = async (id: string, como: keyof typeof sessoes) => {
    const r = await pedir('GET', `/v1/processos/${id}`, como);
    expect(r.status).toBe(200);
    return r.body as { fase: string; encerrado: boolean; prazoLimite: string | null; acoes: { acao: string; url: string; esquema: any; prazo: { limite: string } | null }[] };
  };

  beforeAll(async () => {
    w = await startWorkflowEnv({ workflowsPath: path.join(__dirname, 'workflows.ts') });
    for (const [chave, papeis, unidade] of [
      ['requerente', ['representante'], null],
      ['inspetor', ['inspetor'], UNIDADE],
      ['supervisor', ['supervisor'], null],
    ] as const) {
      const email = `${chave}.${randomUUID().slice(0, 6)}@rito.test`;
      const u = await criarUsuario(w.db, { nome: `Pessoa ${chave}`, email, papeis: [...papeis], unidade, senha: SENHA }, 'teste');
      if (chave === 'requerente') {
        await criarRepresentacao(w.db, { usuarioId: u.id, cnpj: CNPJ, nome: 'Escola', tipo: 'representante-legal', inicio: new Date(Date.now() - 86_400_000), fim: null, documento: null }, 'teste');
      }
      sessoes[chave] = { email } as never;
    }
    app = await buildApp({ db: w.db, temporal: w.env.client, taskQueue: w.taskQueue, autenticador: createAutenticador(w.db), relogio: () => w.env.currentTimeMs() });
    baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    for (const chave of Object.keys(sessoes) as (keyof typeof sessoes)[]) {
      const res = await fetch(`${baseUrl}/v1/sessoes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: (sessoes[chave] as unknown as { email: string }).email, senha: SENHA }),
      });
      expect(res.status).toBe(201);
      sessoes[chave] = { cookie: cookieDaResposta(res.headers), csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    }
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await w?.stop();
  });

  it('generates a route and an OpenAPI entry for each action of the rite', async () => {
    const doc = (await (await fetch(`${baseUrl}/docs/json`)).json()) as { paths: Record<string, unknown> };
    for (const acao of ['pedir-complementacao', 'complementar', 'nomear', 'arquivar', 'tomar-ciencia']) {
      expect(Object.keys(doc.paths)).toContain(`/v1/processos/{id}/${RITO_TESTE.codigo}/${acao}`);
    }
    expect(Object.keys(doc.paths)).not.toContain(`/v1/processos/{id}/${RITO_TESTE.codigo}/expirar-prazo`);
  });

  it('refuses to open a kind whose rite is not built, naming it', async () => {
    const r = await abrir('33090001', 'alteracao-mantenedora-teste');
    expect(r.status).toBe(400);
    expect(r.body.erro.campos).toEqual([{ campo: 'tipo', mensagem: expect.stringContaining('Alteração da Mantenedora (teste) ainda não podem ser abertos') }]);
  });

  it('opens, notifies, counts the prazo from the ciência and archives the process when it expires', async () => {
    const aberto = await abrir('33090002');
    expect(aberto.status, JSON.stringify(aberto.body)).toBe(201);
    const id = aberto.body.id as string;
    // The requerente has nothing to do yet; the unit may ask for more or nominate.
    expect(aberto.body.acoes).toEqual([]);
    const doOrgao = await acoes(id, 'inspetor');
    expect(doOrgao.acoes.map((a) => a.acao)).toEqual(['pedir-complementacao', 'nomear']);
    expect(doOrgao.acoes[0]!.esquema).toMatchObject({ type: 'object', required: ['pendencias'] });
    expect(doOrgao.acoes[0]!.url).toBe(`/v1/processos/${encodeURIComponent(id)}/${RITO_TESTE.codigo}/pedir-complementacao`);

    // Generated routes: the role of the action's actor, the rite's reasons in pt-BR.
    expect((await pedir('POST', `/v1/processos/${id}/${RITO_TESTE.codigo}/nomear`, 'requerente', { coordenador: { nome: 'Ana', email: 'a@b.br' } })).status).toBe(403);
    const foraDeFase = await pedir('POST', `/v1/processos/${id}/${RITO_TESTE.codigo}/arquivar`, 'inspetor', { motivo: 'sem documentos suficientes' });
    expect(foraDeFase.status).toBe(409);
    expect(foraDeFase.body.erro.mensagem).toMatch(/^A ação "Arquivar o requerimento" não é admitida na fase "Requerimento de nomeação recebido"/);
    const invalido = await pedir('POST', `/v1/processos/${id}/${RITO_TESTE.codigo}/pedir-complementacao`, 'inspetor', { pendencias: 'curto' });
    expect(invalido.status).toBe(400);
    expect(invalido.body.erro.campos).toEqual([{ campo: 'pendencias', mensagem: 'descreva as pendências (ao menos 10 caracteres)' }]);

    const pedido = await pedir('POST', `/v1/processos/${id}/${RITO_TESTE.codigo}/pedir-complementacao`, 'inspetor', { pendencias: 'Falta a ata de eleição do coordenador.' });
    expect(pedido.status, JSON.stringify(pedido.body)).toBe(200);
    expect(pedido.body.fase).toBe('complementacao');

    // The requerente is notified: ciência first (the prazo has not started), then the answer.
    const antes = await acoes(id, 'requerente');
    expect(antes.acoes.map((a) => [a.acao, a.prazo])).toEqual([
      ['tomar-ciencia', null],
      ['complementar', null],
    ]);
    expect((await pedir('POST', `/v1/processos/${id}/${RITO_TESTE.codigo}/tomar-ciencia`, 'requerente', {})).status).toBe(200);
    const depois = await acoes(id, 'requerente');
    expect(depois.acoes.map((a) => a.acao)).toEqual(['complementar']);
    const limite = depois.acoes[0]!.prazo!.limite;
    // 5 dias úteis from the day after the ciência (DOMAIN prazos rules 1–2), ending at 23:59:59 Brasília.
    expect(limite).toBe(depois.prazoLimite);
    expect(limite).toMatch(/T23:59:59(\.\d+)?(-03:00|Z)$/);

    // Past the last second of the last day, the interpreter's timer expires the prazo: archived.
    await w.saltarAte(new Date(Date.parse(limite) + 60 * 60_000).toISOString());
    let fim = await acoes(id, 'inspetor');
    for (let i = 0; i < 100 && fim.fase !== 'arquivado'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      fim = await acoes(id, 'inspetor');
    }
    expect(fim).toMatchObject({ fase: 'arquivado', encerrado: true, acoes: [] });
    const eventos = await w.db.selectFrom('processo_evento').select(['tipo', 'ator']).where('processo_id', '=', id).orderBy('seq').execute();
    expect(eventos.map((e) => e.tipo)).toEqual(['abertura', 'pedir-complementacao', 'ciencia-explicita', 'prazo', 'prazo', 'expirar-prazo']);
  });

  it("re-times a unit's task when a decreed day falls on its last day, like any prazo", async () => {
    const aberto = await abrir('33090004');
    const id = aberto.body.id as string;
    const url = (acao: string) => `/v1/processos/${id}/${RITO_TESTE.codigo}/${acao}`;
    expect((await pedir('POST', url('pedir-complementacao'), 'inspetor', { pendencias: 'Falta a ata de eleição do coordenador.' })).status).toBe(200);
    expect((await pedir('POST', url('tomar-ciencia'), 'requerente', {})).status).toBe(200);
    expect((await pedir('POST', url('complementar'), 'requerente', { resposta: 'Segue a ata.' })).status).toBe(200);
    // The unit now owes its analysis: a task with the rite's 30 days.
    const tarefaDoProcesso = async () => {
      const r = await pedir('GET', '/v1/tarefas', 'inspetor');
      return (r.body.itens as { processo: { id: string }; limite: string }[]).find((t) => t.processo.id === id);
    };
    let tarefa = await tarefaDoProcesso();
    for (let i = 0; i < 50 && !tarefa; i++) {
      await new Promise((r) => setTimeout(r, 100));
      tarefa = await tarefaDoProcesso();
    }
    const ultimoDia = formatarInstanteBrasilia(Date.parse(tarefa!.limite)).slice(0, 10);

    const decreto = await pedir('POST', '/v1/calendario/decretados', 'supervisor', {
      data: ultimoDia,
      escopo: 'nacional',
      motivo: 'Ponto facultativo — teste',
      atoLegal: 'Decreto 99.002/2026',
    });
    expect([200, 201]).toContain(decreto.status);
    expect(decreto.body.processos).toContain(id);
    // The last day has no expediente: the task's deadline moves to the next business day (DOMAIN prazos rule 3).
    const esperado = proximoDiaUtil(ultimoDia, { uf: 'RJ', unidade: UNIDADE }, [
      { data: ultimoDia, escopo: 'nacional', motivo: 'Ponto facultativo — teste', atoLegal: 'Decreto 99.002/2026' },
    ]);
    expect(esperado > ultimoDia).toBe(true);
    let novo = await tarefaDoProcesso();
    // Up to 30 s: the signal, the re-reading of the calendar and the read model's update, on a loaded machine.
    for (let i = 0; i < 300 && formatarInstanteBrasilia(Date.parse(novo!.limite)).slice(0, 10) === ultimoDia; i++) {
      await new Promise((r) => setTimeout(r, 100));
      novo = await tarefaDoProcesso();
    }
    expect(formatarInstanteBrasilia(Date.parse(novo!.limite))).toBe(`${esperado}T23:59:59-03:00`);
    const eventos = await w.db.selectFrom('processo_evento').select(['tipo', 'descricao']).where('processo_id', '=', id).where('tipo', '=', 'tarefa').execute();
    expect(eventos).toEqual([{ tipo: 'tarefa', descricao: expect.stringContaining('Calendário alterado') }]);
  });

  /** The types of the local activities a process's history recorded, in order (their markers' own record, not encrypted). */
  const atividadesLocais = async (id: string) => {
    const h = await w.env.client.workflow.getHandle(id).fetchHistory();
    return h.events!
      .filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')
      .map((e) => JSON.parse(Buffer.from(e.markerRecordedEventAttributes!.details!.data!.payloads![0]!.data!).toString()).activity_type as string);
  };

  it('issues the ofício of the action through the catalogue, numbered, readable by the unit', async () => {
    const aberto = await abrir('33090003');
    const id = aberto.body.id as string;
    const r = await pedir('POST', `/v1/processos/${id}/${RITO_TESTE.codigo}/nomear`, 'inspetor', { coordenador: { nome: 'Paula Nomeada', email: 'paula@example.org' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ fase: 'nomeado', faseRotulo: 'Nomeado' });
    expect(r.body.documentos).toEqual([{ id: expect.any(String), tipo: 'nomeacao-coordenador', identificacao: expect.stringMatching(/COOIE-METROPOLITANA I/) }]);
    const html = await pedir('GET', `/v1/documentos/${r.body.documentos[0].id}`, 'inspetor');
    expect(html.status).toBe(200);
    expect(html.body).toContain('Paula Nomeada');
    // The step that records the action names its ofício: the process's documents and the action's event.
    const doc = r.body.documentos[0];
    const linha = await w.db.selectFrom('processo').select('estado_rito').where('id', '=', id).executeTakeFirstOrThrow();
    expect((linha.estado_rito as { documentos: unknown[] }).documentos).toEqual([doc]);
    const evento = await w.db.selectFrom('processo_evento').select('dados').where('processo_id', '=', id).where('tipo', '=', 'nomear').executeTakeFirstOrThrow();
    expect((evento.dados as { documentos: string[] }).documentos).toEqual([doc.identificacao]);
    // ...and it was issued by the step's own local activity, not by one of its own before it (issue 16: one
    // activation of the workflow fewer per action that issues documents).
    // (Steps before it, and calendar reads when another test decrees a day, may come first.)
    const locais = await atividadesLocais(id);
    expect(locais.at(-1)).toBe('registrarPassoComDocumentos');
    expect(locais).not.toContain('emitirDocumentoRito');
    // The same key again would answer the same; a new key on a finished rite is refused.
    const depois = await pedir('POST', `/v1/processos/${id}/${RITO_TESTE.codigo}/nomear`, 'inspetor', { coordenador: { nome: 'Outra', email: 'o@example.org' } });
    expect(depois.status).toBe(409);
  });

  it('issues the ofício once and answers with it when PostgreSQL refuses the step that records it for good', async () => {
    const aberto = await abrir('33090004');
    const id = aberto.body.id as string;
    // The action's event refused as bad data (SQLSTATE 22023: no retry cures it) for this process only.
    await sql`create function recusar_nomeacao_teste() returns trigger language plpgsql as $$
      begin
        if new.processo_id = ${sql.lit(id)} and new.tipo = 'nomear' then raise exception 'evento recusado no teste' using errcode = '22023'; end if;
        return new;
      end $$`.execute(w.db);
    await sql`create trigger recusar_nomeacao_teste before insert on processo_evento for each row execute function recusar_nomeacao_teste()`.execute(w.db);
    try {
      const r = await pedir('POST', `/v1/processos/${id}/${RITO_TESTE.codigo}/nomear`, 'inspetor', { coordenador: { nome: 'Rui Nomeado', email: 'rui@example.org' } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      expect(r.body.documentos).toEqual([{ id: expect.any(String), tipo: 'nomeacao-coordenador', identificacao: expect.stringMatching(/COOIE-METROPOLITANA I/) }]);
      // Issued once: asked for again on its own after the refusal, its key gave the same document back.
      const docs = await w.db.selectFrom('documento').select(['id', 'identificacao']).where('processo_id', '=', id).execute();
      expect(docs).toEqual([{ id: r.body.documentos[0].id, identificacao: r.body.documentos[0].identificacao }]);
      // The rest of the step was written (part by part), and the administrator is told of the refusal.
      const linha = await w.db.selectFrom('processo').select('fase').where('id', '=', id).executeTakeFirstOrThrow();
      expect(linha.fase).toBe('nomeado');
      const alertas = await w.db.selectFrom('alerta_operacao').select(['atividade', 'definitivo']).where('processo_id', '=', id).execute();
      expect(alertas).toEqual([{ atividade: 'registrarPassoComDocumentos', definitivo: true }]);
      expect((await atividadesLocais(id)).slice(-2)).toEqual(['registrarPassoComDocumentos', 'emitirDocumentoRito']);
    } finally {
      await sql`drop trigger recusar_nomeacao_teste on processo_evento`.execute(w.db);
      await sql`drop function recusar_nomeacao_teste()`.execute(w.db);
    }
  });
});
