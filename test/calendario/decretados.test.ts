/**
 * Decreed days over HTTP on the real system: who may maintain them, idempotent
 * inclusion, soft delete, audit, their effect on calculations, and the
 * calendarioAlteradoSignal sent to every process whose open prazo a change
 * touches (by date and by place).
 */
import type { WorkflowHandle } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chaveProcesso, idProcesso } from '../../rules/processos/tipos';
import type { AberturaProcesso } from '../../workflows/processo/definitions';
import { type Conta, type Credencial, startTestSystem, type TestSystem } from '../support/system';

const CNPJ = '11222333000181';
const URL = '/v1/calendario/decretados';

let sys: TestSystem;
let supervisor: Conta;
let supervisorNorte: Conta;
let admin: Conta;
let inspetor: Conta;
let representante: Conta;
let sistema: Credencial;

beforeAll(async () => {
  sys = await startTestSystem();
  [supervisor, supervisorNorte, admin, inspetor, representante] = await Promise.all([
    sys.conta({ nome: 'Sara Supervisora', papeis: ['supervisor'] }),
    sys.conta({ nome: 'Nilo Supervisor', papeis: ['supervisor'], unidade: 'NORTE' }),
    sys.conta({ nome: 'Ada Administradora', papeis: ['administrador'] }),
    sys.conta({ nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: 'METROPOLITANA I' }),
    sys.conta({ nome: 'Maria Representante', papeis: ['representante'], instituicoes: [CNPJ] }),
  ]);
  sistema = { chave: (await sys.chave({ papeis: ['sistema'] })).chave };
});
afterAll(async () => {
  await sys?.stop();
});

const dia = (over: Record<string, unknown> = {}) => ({
  data: '2031-06-20',
  escopo: 'uf',
  uf: 'RJ',
  motivo: 'Ponto facultativo — teste',
  atoLegal: 'Decreto Estadual 99.001/2031',
  ...over,
});

describe('quem mantém os dias decretados', () => {
  it('anônimo → 401; representante, inspetor e sistema → 403; supervisor → 201', async () => {
    expect((await sys.request('POST', URL, { body: dia() })).status).toBe(401);
    expect((await sys.request('GET', URL)).status).toBe(401);
    for (const como of [representante, inspetor, sistema]) {
      const r = await sys.request('POST', URL, { as: como, body: dia() });
      expect(r.status).toBe(403);
      expect(r.body.erro.codigo).toBe('sem-permissao');
    }
    const r = await sys.request('POST', URL, { as: supervisor, body: dia() });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.criado).toBe(true);
    expect(r.body.diaDecretado).toMatchObject({ data: '2031-06-20', escopo: 'uf', uf: 'RJ', municipio: null, unidade: null, criadoPor: supervisor.id, removidoEm: null });
    expect(r.headers.get('location')).toBe(`${URL}/${r.body.diaDecretado.id}`);
    expect(r.body.processosNotificados).toBe(0);

    // Anyone authenticated reads them; DELETE is for the same roles as POST.
    for (const como of [representante, inspetor, sistema]) {
      expect((await sys.request('GET', `${URL}?de=2031-06-01&ate=2031-06-30`, { as: como })).status).toBe(200);
      expect((await sys.request('DELETE', `${URL}/${r.body.diaDecretado.id}`, { as: como })).status).toBe(403);
    }
    expect((await sys.request('DELETE', `${URL}/${r.body.diaDecretado.id}`)).status).toBe(401);
    const del = await sys.request('DELETE', `${URL}/${r.body.diaDecretado.id}`, { as: admin });
    expect(del.status).toBe(200);
  });

  it('supervisor de uma unidade só altera os dias da própria unidade; administrador, qualquer um', async () => {
    const uf = await sys.request('POST', URL, { as: supervisorNorte, body: dia({ data: '2031-06-23' }) });
    expect(uf.status).toBe(403);
    expect(uf.body.erro.codigo).toBe('fora-do-escopo');
    expect(uf.body.erro.mensagem).toContain('NORTE');
    const outra = await sys.request('POST', URL, { as: supervisorNorte, body: dia({ data: '2031-06-23', escopo: 'unidade', uf: undefined, unidade: 'METROPOLITANA I' }) });
    expect(outra.status).toBe(403);
    const propria = await sys.request('POST', URL, { as: supervisorNorte, body: dia({ data: '2031-06-23', escopo: 'unidade', uf: undefined, unidade: 'NORTE' }) });
    expect(propria.status).toBe(201);
    const nacional = await sys.request('POST', URL, { as: admin, body: dia({ data: '2031-06-24', escopo: 'nacional', uf: undefined }) });
    expect(nacional.status).toBe(201);
    // The regional supervisor cannot remove the national day either.
    expect((await sys.request('DELETE', `${URL}/${nacional.body.diaDecretado.id}`, { as: supervisorNorte })).status).toBe(403);
    expect((await sys.request('DELETE', `${URL}/${propria.body.diaDecretado.id}`, { as: supervisorNorte })).status).toBe(200);
  });
});

describe('validação', () => {
  const casos: [string, Record<string, unknown>, string, RegExp][] = [
    ['data inexistente', { data: '2031-02-29' }, 'data', /não existe/],
    ['data fora do calendário', { data: '2101-01-03' }, 'data', /entre 2010 e 2099/],
    ['escopo inválido', { escopo: 'bairro' }, 'escopo', /nacional, uf, municipio ou unidade/],
    ['escopo uf sem UF', { uf: undefined }, 'uf', /exige a sigla da UF/],
    ['UF inexistente', { uf: 'XX' }, 'uf', /"XX" não é uma UF/],
    ['escopo nacional com UF', { escopo: 'nacional' }, 'uf', /não leva uf/],
    ['escopo municipio com código inválido', { escopo: 'municipio', uf: undefined, municipio: '123' }, 'municipio', /código IBGE/],
    ['escopo unidade sem unidade', { escopo: 'unidade', uf: undefined }, 'unidade', /exige a unidade/],
    ['motivo vazio', { motivo: '  ' }, 'motivo', /motivo/],
    ['sem ato legal', { atoLegal: undefined }, 'atoLegal', /atoLegal é obrigatório/],
  ];
  for (const [nome, over, campo, mensagem] of casos) {
    it(`${nome} → 400 em ${campo}`, async () => {
      const r = await sys.request('POST', URL, { as: supervisor, body: dia({ data: '2031-07-01', ...over }) });
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      const c = r.body.erro.campos.find((x: { campo: string }) => x.campo === campo);
      expect(c, JSON.stringify(r.body.erro.campos)).toBeDefined();
      expect(c.mensagem).toMatch(mensagem);
    });
  }
  it('id que não é número → 400; id inexistente → 404', async () => {
    expect((await sys.request('DELETE', `${URL}/abc`, { as: supervisor })).status).toBe(400);
    const r = await sys.request('DELETE', `${URL}/999999`, { as: supervisor });
    expect(r.status).toBe(404);
    expect(r.body.erro.mensagem).toBe('Dia decretado não encontrado.');
  });
});

describe('inclusão idempotente, remoção lógica, auditoria', () => {
  it('repetir o mesmo dia e escopo devolve o já cadastrado (200), também em requisições simultâneas', async () => {
    const body = dia({ data: '2031-08-05', escopo: 'municipio', uf: undefined, municipio: '3304557' });
    const respostas = await Promise.all([1, 2, 3, 4].map(() => sys.request('POST', URL, { as: supervisor, body })));
    expect(respostas.map((r) => r.status).sort()).toEqual([200, 200, 200, 201]);
    expect(new Set(respostas.map((r) => r.body.diaDecretado.id)).size).toBe(1);
    const de_novo = await sys.request('POST', URL, { as: admin, body: { ...body, motivo: 'Outro motivo, mesmo dia' } });
    expect(de_novo.status).toBe(200);
    expect(de_novo.body.criado).toBe(false);
    expect(de_novo.body.diaDecretado.motivo).toBe('Ponto facultativo — teste');
    // Another scope on the same day is another decreed day.
    const outroEscopo = await sys.request('POST', URL, { as: supervisor, body: dia({ data: '2031-08-05' }) });
    expect(outroEscopo.status).toBe(201);
    const rows = await sys.db.selectFrom('dia_decretado').selectAll().where('data', '=', '2031-08-05').execute();
    expect(rows).toHaveLength(2);
  });

  it('DELETE marca removido_em/removido_por; o dia sai da listagem e dos cálculos, e fica no histórico', async () => {
    const criado = await sys.request('POST', URL, { as: supervisor, body: dia({ data: '2031-09-10' }) });
    const id = criado.body.diaDecretado.id;
    const r = await sys.request('DELETE', `${URL}/${id}`, { as: admin });
    expect(r.status).toBe(200);
    expect(r.body.removido).toBe(true);
    expect(r.body.diaDecretado).toMatchObject({ id, removidoPor: admin.id });
    expect(r.body.diaDecretado.removidoEm).toEqual(expect.any(String));
    const row = await sys.db.selectFrom('dia_decretado').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.removido_por).toBe(admin.id);
    expect(row.removido_em).toBeInstanceOf(Date);

    const vigentes = await sys.request('GET', `${URL}?de=2031-09-01&ate=2031-09-30`, { as: inspetor });
    expect(vigentes.body.itens).toEqual([]);
    const historico = await sys.request('GET', `${URL}?de=2031-09-01&ate=2031-09-30&incluirRemovidos=true`, { as: inspetor });
    expect(historico.body.itens.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await sys.request('GET', `${URL}/${id}?incluirRemovidos=true`, { as: inspetor })).body.removidoPor).toBe(admin.id);

    const outraVez = await sys.request('DELETE', `${URL}/${id}`, { as: supervisor });
    expect(outraVez.status).toBe(200);
    expect(outraVez.body.removido).toBe(false);
    expect(outraVez.body.diaDecretado.removidoPor).toBe(admin.id);

    // The same day can be decreed again: a new record.
    const novo = await sys.request('POST', URL, { as: supervisor, body: dia({ data: '2031-09-10' }) });
    expect(novo.status).toBe(201);
    expect(novo.body.diaDecretado.id).not.toBe(id);
  });

  it('inclusão e remoção ficam na trilha de auditoria, com quem e o quê', async () => {
    const criado = await sys.request('POST', URL, { as: supervisor, body: dia({ data: '2031-10-14', motivo: 'Suspensão do expediente — auditoria' }) });
    const id = criado.body.diaDecretado.id;
    await sys.request('DELETE', `${URL}/${id}`, { as: supervisor });
    const entradas = await sys.db.selectFrom('auditoria').selectAll().where('recurso', '=', 'dia-decretado').where('recurso_id', '=', id).orderBy('seq').execute();
    expect(entradas.map((e) => e.acao)).toEqual(['calendario.incluir-decretado', 'calendario.remover-decretado']);
    expect(entradas.every((e) => e.ator_id === supervisor.id)).toBe(true);
    expect(entradas[0].resumo).toContain('2031-10-14');
    expect(entradas[0].resumo).toContain('Suspensão do expediente — auditoria');
    expect(entradas[1].resumo).toContain('removido');
  });

  it('listagem por local: nacionais, da UF, do município e da unidade que valem ali', async () => {
    const base = { motivo: 'Listagem', atoLegal: 'Decreto 1/2032' };
    const ids: Record<string, string> = {};
    for (const [nome, d] of Object.entries({
      nacional: { data: '2032-03-01', escopo: 'nacional' },
      rj: { data: '2032-03-02', escopo: 'uf', uf: 'RJ' },
      sp: { data: '2032-03-03', escopo: 'uf', uf: 'SP' },
      rio: { data: '2032-03-04', escopo: 'municipio', municipio: '3304557' },
      niteroi: { data: '2032-03-05', escopo: 'municipio', municipio: '3303302' },
      norte: { data: '2032-03-08', escopo: 'unidade', unidade: 'NORTE' },
    })) {
      const r = await sys.request('POST', URL, { as: admin, body: { ...base, ...d } });
      expect(r.status).toBe(201);
      ids[nome] = r.body.diaDecretado.id;
    }
    const listar = async (q: string) =>
      (await sys.request('GET', `${URL}?de=2032-03-01&ate=2032-03-31${q}`, { as: representante })).body.itens.map((d: { id: string }) => d.id);
    expect(await listar('')).toEqual(Object.values(ids));
    expect(await listar('&uf=RJ')).toEqual([ids.nacional, ids.rj]);
    expect(await listar('&uf=RJ&municipio=3304557&unidade=NORTE')).toEqual([ids.nacional, ids.rj, ids.rio, ids.norte]);
    expect(await listar('&municipio=3303302')).toEqual([ids.nacional, ids.rj, ids.niteroi]);
    expect(await listar('&escopo=municipio')).toEqual([ids.rio, ids.niteroi]);
    const ruim = await sys.request('GET', `${URL}?uf=RJ&municipio=3550308`, { as: representante });
    expect(ruim.status).toBe(400);
    expect(ruim.body.erro.campos[0].campo).toBe('query.municipio');
    const data = await sys.request('GET', `${URL}?de=2032-02-30`, { as: representante });
    expect(data.status).toBe(400);
    expect(data.body.erro.campos[0].campo).toBe('query.de');
  });
});

describe('um dia decretado pela API muda os cálculos por HTTP', () => {
  const calcular = async (local: Record<string, unknown> = { uf: 'RJ' }) =>
    (await sys.request('POST', '/v1/prazos/calculo', { as: representante, body: { ciencia: '2030-09-02', dias: 5, local } })).body;

  it('ciência seg 02/09/2030, 5 dias: sáb 07/09 (feriado) → seg 09/09; decretada a seg 09/09 → ter 10/09; removida → seg 09/09', async () => {
    expect((await calcular()).vencimento).toBe('2030-09-09');
    const seg = await sys.request('POST', URL, { as: supervisor, body: dia({ data: '2030-09-09', motivo: 'Ponto facultativo — Independência' }) });
    expect(seg.status).toBe(201);
    const r = await calcular();
    expect(r.vencimento).toBe('2030-09-10');
    expect(r.naoUteis.find((n: { data: string }) => n.data === '2030-09-09').motivo).toBe('Ponto facultativo — Independência (Decreto Estadual 99.001/2031)');
    // In SP the RJ decree does not count.
    expect((await calcular({ uf: 'SP' })).vencimento).toBe('2030-09-09');

    // A unit's day counts only for that unit.
    await sys.request('POST', URL, { as: supervisorNorte, body: dia({ data: '2030-09-10', escopo: 'unidade', uf: undefined, unidade: 'NORTE' }) });
    expect((await calcular({ uf: 'RJ', unidade: 'NORTE' })).vencimento).toBe('2030-09-11');
    expect((await calcular({ uf: 'RJ', unidade: 'METROPOLITANA I' })).vencimento).toBe('2030-09-10');

    // The calendar of the year shows it, with its reason.
    const ano = await sys.request('GET', '/v1/calendario/2030?unidade=NORTE', { as: representante });
    expect(ano.body.naoUteis.filter((n: { data: string }) => n.data >= '2030-09-09' && n.data <= '2030-09-10').map((n: { motivo: string }) => n.motivo)).toEqual([
      'Ponto facultativo — Independência (Decreto Estadual 99.001/2031)',
      'Ponto facultativo — teste (Decreto Estadual 99.001/2031)',
    ]);

    expect((await sys.request('DELETE', `${URL}/${seg.body.diaDecretado.id}`, { as: supervisor })).status).toBe(200);
    expect((await calcular()).vencimento).toBe('2030-09-09');
  });
});

const TIPO_SEM_RITO = 'tipo-sem-rito-teste';

describe('aviso aos processos com prazo aberto que o dia afeta', () => {
  // A process of a kind whose rite is not built, opened before such kinds were
  // refused (the API refuses them now), keeps its workflow running and listening:
  // it is started here as it was then, and the prazos of the read model are
  // written as fixtures. (The ETAP's kind had such processes; its rite now runs.)
  let n = 0;
  const abrirProcesso = async (): Promise<string> => {
    const codigoInep = `3305${String(++n).padStart(4, '0')}`;
    const abertura: AberturaProcesso = {
      id: idProcesso(TIPO_SEM_RITO, CNPJ, codigoInep, 1),
      tipo: TIPO_SEM_RITO,
      chave: chaveProcesso(TIPO_SEM_RITO, CNPJ, codigoInep),
      ordinal: 1,
      instituicao: { cnpj: CNPJ, codigoInep, nome: `Escola ${n}` },
      unidade: 'METROPOLITANA I',
      numeroSei: null,
      requerente: { nome: 'Maria Representante', cpf: '52998224725', email: 'maria@example.org' },
      abertoPor: representante.id,
    };
    await sys.temporal.workflow.start('processoWorkflow', { taskQueue: sys.taskQueue, workflowId: abertura.id, args: [abertura] });
    for (let i = 0; i < 100; i++) {
      if (await sys.db.selectFrom('processo').select('id').where('id', '=', abertura.id).executeTakeFirst()) return abertura.id;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`o processo ${abertura.id} não chegou ao modelo de leitura`);
  };
  const prazo = async (
    processoId: string,
    p: { ciencia: string; vencimento: string; situacao?: 'aberto' | 'cumprido'; uf?: string; municipio?: string | null; unidade?: string | null },
  ) => {
    await sys.db
      .insertInto('prazo_processo')
      .values({
        id: `${processoId}:prazo:1`,
        processo_id: processoId,
        codigo: 'exigencias-forma',
        rotulo: 'Exigências da análise de forma',
        ciencia: p.ciencia,
        dias: 10,
        uteis: false,
        contar_de: 'dia-seguinte',
        prorrogavel: false,
        prorrogado: false,
        vencimento: p.vencimento,
        limite: `${p.vencimento}T23:59:59-03:00`,
        situacao: p.situacao ?? 'aberto',
        uf: p.uf ?? 'RJ',
        municipio: p.municipio === undefined ? '3304557' : p.municipio,
        unidade: p.unidade === undefined ? 'METROPOLITANA I' : p.unidade,
        versao: 1,
      })
      .execute();
  };
  /** Signals recorded in the workflow's history (a signal that arrives during a workflow task is appended when the task ends: poll). */
  const sinais = async (processoId: string, esperados = 0) => {
    for (let i = 0; ; i++) {
      const lista = await sinaisAgora(processoId);
      if (lista.length >= esperados || i >= 50) return lista;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const sinaisAgora = async (processoId: string) => {
    const handle = sys.temporal.workflow.getHandle(processoId) as WorkflowHandle;
    const historia = await handle.fetchHistory();
    // The raw history's payloads are encrypted (runtime/codec.ts): decrypted with the system's codec.
    const entradas = (historia.events ?? [])
      .map((e) => e.workflowExecutionSignaledEventAttributes)
      .filter((a) => a?.signalName === 'calendarioAlterado')
      .map((a) => a!.input!.payloads![0] as Payload);
    return (await sys.codec.decode(entradas)).map((p) => JSON.parse(Buffer.from(p.data!).toString()));
  };

  // D = qua 12/03/2031.
  const D = '2031-03-12';
  const p: Record<string, string> = {};
  beforeAll(async () => {
    const nomes = ['rio', 'norte', 'antes', 'cumprido', 'naCiencia', 'encerrado', 'sp', 'depois'];
    for (const nome of nomes) p[nome] = await abrirProcesso();
    await prazo(p.rio, { ciencia: '2031-03-05', vencimento: '2031-03-17' });
    await prazo(p.norte, { ciencia: '2031-03-03', vencimento: D, municipio: null, unidade: 'NORTE' });
    await prazo(p.antes, { ciencia: '2031-03-01', vencimento: '2031-03-11' });
    await prazo(p.cumprido, { ciencia: '2031-03-05', vencimento: '2031-03-17', situacao: 'cumprido' });
    await prazo(p.naCiencia, { ciencia: D, vencimento: '2031-03-24', municipio: '3303302' });
    await prazo(p.encerrado, { ciencia: '2031-03-05', vencimento: '2031-03-17' });
    await prazo(p.sp, { ciencia: '2031-03-05', vencimento: '2031-03-17', uf: 'SP', municipio: '3550308', unidade: 'SP-CAPITAL' });
    await prazo(p.depois, { ciencia: '2031-03-13', vencimento: '2031-03-25' });
    await sys.temporal.workflow.getHandle(p.encerrado).terminate('teste: processo encerrado com o read model ainda aberto');
  });

  it('nacional: todos os prazos abertos com ciência ≤ dia ≤ vencimento; processo já terminado não derruba a requisição', async () => {
    const r = await sys.request('POST', URL, { as: admin, body: dia({ data: D, escopo: 'nacional', uf: undefined, motivo: 'Indisponibilidade do SEI' }) });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.processos).toEqual([p.rio, p.norte, p.naCiencia, p.sp].sort());
    expect(r.body.processosNotificados).toBe(4);
    expect(r.body.naoNotificados).toEqual([{ processoId: p.encerrado, motivo: expect.stringContaining('já terminou') }]);
    expect(await sinais(p.rio, 1)).toEqual([{ data: D, operacao: 'incluido', motivo: 'Indisponibilidade do SEI (Decreto Estadual 99.001/2031)' }]);
    expect(await sinais(p.antes)).toEqual([]);
    expect(await sinais(p.cumprido)).toEqual([]);
    expect(await sinais(p.depois)).toEqual([]);

    // Repeating the inclusion notifies again (how a caller retries); removal notifies the same processes.
    const repetida = await sys.request('POST', URL, { as: admin, body: dia({ data: D, escopo: 'nacional', uf: undefined, motivo: 'Indisponibilidade do SEI' }) });
    expect(repetida.status).toBe(200);
    expect(repetida.body.processosNotificados).toBe(4);
    const removida = await sys.request('DELETE', `${URL}/${r.body.diaDecretado.id}`, { as: admin });
    expect(removida.body.processos).toEqual([p.rio, p.norte, p.naCiencia, p.sp].sort());
    expect((await sinais(p.rio, 3)).map((s) => s.operacao)).toEqual(['incluido', 'incluido', 'removido']);
  });

  it('uf, município e unidade: só os prazos daquele lugar', async () => {
    const uf = await sys.request('POST', URL, { as: supervisor, body: dia({ data: D }) });
    expect(uf.body.processos).toEqual([p.rio, p.norte, p.naCiencia].sort());
    const sp = await sys.request('POST', URL, { as: supervisor, body: dia({ data: D, uf: 'SP' }) });
    expect(sp.body.processos).toEqual([p.sp]);
    const rio = await sys.request('POST', URL, { as: supervisor, body: dia({ data: D, escopo: 'municipio', uf: undefined, municipio: '3304557' }) });
    expect(rio.body.processos).toEqual([p.rio]);
    const niteroi = await sys.request('POST', URL, { as: supervisor, body: dia({ data: D, escopo: 'municipio', uf: undefined, municipio: '3303302' }) });
    expect(niteroi.body.processos).toEqual([p.naCiencia]);
    const norte = await sys.request('POST', URL, { as: supervisorNorte, body: dia({ data: D, escopo: 'unidade', uf: undefined, unidade: 'NORTE' }) });
    expect(norte.body.processos).toEqual([p.norte]);
    const metro = await sys.request('POST', URL, { as: supervisor, body: dia({ data: D, escopo: 'unidade', uf: undefined, unidade: 'METROPOLITANA I' }) });
    expect(metro.body.processos).toEqual([p.rio, p.naCiencia].sort());
    expect(metro.body.naoNotificados.map((x: { processoId: string }) => x.processoId)).toEqual([p.encerrado]);
  });
});
