/**
 * The read-model routes over HTTP, on fixtures written straight into the read
 * model (as the workflows' activities write it), so that limits in the past and
 * far in the future can be set without waiting for them:
 *
 *   GET /v1/prazos/vencendo?dias=N      open prazos due within N business days, in scope, soonest first
 *   GET /v1/tarefas?atrasadas=&unidade= decisions units owe, overdue ones flagged
 *   GET /v1/processos/{id}/linha-do-tempo  events with their authors, documents, prazo limit history
 *
 * Expected horizons are computed here by walking the calendar day by day
 * (rules/calendario), not with the prazo engine the route uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertProcesso } from '../../db/processos';
import { criarCalendario, diaCivilBrasilia, formatarData, formatarInstanteBrasilia, limiteDoDia, type DiaDecretado } from '../../rules/calendario';
import type { AberturaProcesso, EstadoProcesso } from '../../workflows/processo/definitions';
import { type Conta, type Credencial, startTestSystem, type TestSystem } from '../support/system';

const CNPJ_A = '11222333000181';
const CNPJ_B = '11444777000161';
const METRO = 'METROPOLITANA I';
const NORTE = 'NORTE FLUMINENSE';

let sys: TestSystem;
let supervisor: Conta, coogie: Conta, inspetor: Conta, inspetorNorte: Conta, repA: Conta, repB: Conta, membro: Conta, admin: Conta;
let chaveSistema: Credencial;

const hojeDia = () => diaCivilBrasilia(Date.now());
const lim = (dia: number) => new Date(limiteDoDia(dia));

/** The n-th business day after today (RJ calendar plus the given decreed days). */
function diaUtil(n: number, decretados: DiaDecretado[] = [], unidade?: string): number {
  const cal = criarCalendario({ uf: 'RJ', ...(unidade ? { unidade } : {}) }, decretados);
  let d = hojeDia();
  for (let k = 0; k < n; ) if (cal.ehDiaUtil(++d)) k++;
  return d;
}

let ordinal = 0;
async function processo(o: { cnpj: string; unidade: string; tarefa?: EstadoProcesso['tarefa']; encerrado?: boolean; fase?: string }): Promise<string> {
  const inep = String(33100000 + ++ordinal);
  const abertura: AberturaProcesso = {
    id: `apostilamento-endereco-${o.cnpj}-${inep}-1`,
    tipo: 'apostilamento-endereco',
    chave: `apostilamento-endereco:${o.cnpj}:${inep}`,
    ordinal: 1,
    instituicao: { cnpj: o.cnpj, codigoInep: inep, nome: `Escola ${inep}` },
    unidade: o.unidade,
    numeroSei: `SEI-030001/0${String(20000 + ordinal)}/2026`,
    requerente: { nome: 'Requerente', cpf: '52998224725', email: 'req@example.org' },
    abertoPor: repA.id,
  };
  await upsertProcesso(sys.db, {
    abertura,
    estado: { id: abertura.id, tipo: abertura.tipo, fase: o.fase ?? 'pronunciamento', encerrado: o.encerrado ?? false, numeroSei: abertura.numeroSei, prazoLimite: null, tarefa: o.tarefa ?? null, versao: 1 },
  });
  return abertura.id;
}

let nPrazo = 0;
async function prazo(processoId: string, limite: Date, situacao: 'aberto' | 'cumprido' = 'aberto'): Promise<string> {
  const id = `${processoId}:prazo:${++nPrazo}`;
  const vencimento = formatarInstanteBrasilia(limite.getTime()).slice(0, 10);
  await sys.db
    .insertInto('prazo_processo')
    .values({
      id,
      processo_id: processoId,
      codigo: 'exigencias-merito',
      rotulo: 'Cumprimento das exigências da Comissão de Vistoria',
      ciencia: formatarData(hojeDia() - 10),
      dias: 20,
      uteis: false,
      contar_de: 'dia-seguinte',
      prorrogavel: true,
      prorrogado: false,
      vencimento,
      limite,
      situacao,
      uf: 'RJ',
      municipio: null,
      unidade: null,
      versao: 1,
    })
    .execute();
  return id;
}

beforeAll(async () => {
  sys = await startTestSystem();
  [supervisor, coogie, inspetor, inspetorNorte, repA, repB, admin] = await Promise.all([
    sys.conta({ nome: 'Sara Supervisora', papeis: ['supervisor'] }),
    sys.conta({ nome: 'Célia COOGIE', papeis: ['coogie'] }),
    sys.conta({ nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: METRO }),
    sys.conta({ nome: 'Nei Inspetor', papeis: ['inspetor'], unidade: NORTE }),
    sys.conta({ nome: 'Maria Representante', papeis: ['representante'], instituicoes: [CNPJ_A] }),
    sys.conta({ nome: 'Rui Representante', papeis: ['representante'], instituicoes: [CNPJ_B] }),
    sys.conta({ nome: 'Adm', papeis: ['administrador'] }),
  ]);
  chaveSistema = { chave: (await sys.chave({ papeis: ['sistema'] })).chave };
}, 180_000);
afterAll(async () => {
  await sys?.stop();
});

const ids = (r: { body: { itens: { processo: { id: string } }[] } }) => r.body.itens.map((i) => i.processo.id);
const prazoIds = (r: { body: { itens: { prazo: { id: string } }[] } }) => r.body.itens.map((i) => i.prazo.id);

describe('GET /v1/prazos/vencendo', () => {
  let a: string, b: string, c: string, d: string, e: string;
  let pA: string, pB: string;

  beforeAll(async () => {
    pA = await processo({ cnpj: CNPJ_A, unidade: METRO });
    pB = await processo({ cnpj: CNPJ_B, unidade: NORTE });
    a = await prazo(pA, lim(hojeDia() - 1)); // past its limit, still open: listed as vencido
    b = await prazo(pA, lim(diaUtil(3)));
    c = await prazo(pB, lim(diaUtil(1)));
    d = await prazo(pA, lim(diaUtil(4)));
    e = await prazo(pA, lim(diaUtil(2)), 'cumprido');
    membro = await sys.conta({ papeis: ['comissao'], unidade: METRO, comissoes: [pA] });
  });

  it('lists open prazos due within N business days, soonest first, with the horizon it used', async () => {
    const r = await sys.request('GET', '/v1/prazos/vencendo?dias=3', { as: supervisor });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ hoje: formatarData(hojeDia()), dias: 3, ate: formatarData(diaUtil(3)), limiteAte: formatarInstanteBrasilia(limiteDoDia(diaUtil(3))) });
    expect(prazoIds(r)).toEqual([a, c, b]);
    expect(r.body.itens.map((i: { vencido: boolean }) => i.vencido)).toEqual([true, false, false]);
    expect(r.body.itens[1]).toMatchObject({ processo: { id: pB, unidade: NORTE, instituicao: { cnpj: CNPJ_B } }, prazo: { codigo: 'exigencias-merito', limite: formatarInstanteBrasilia(limiteDoDia(diaUtil(1))) } });
    expect(prazoIds(await sys.request('GET', '/v1/prazos/vencendo?dias=4', { as: supervisor }))).toEqual([a, c, b, d]);
    expect(prazoIds(await sys.request('GET', '/v1/prazos/vencendo?dias=1', { as: supervisor }))).toEqual([a, c]);
    expect(prazoIds(await sys.request('GET', '/v1/prazos/vencendo?dias=4', { as: supervisor })).includes(e)).toBe(false);
  });

  it("keeps to the caller's scope", async () => {
    const como = async (c: Credencial, q = 'dias=4') => prazoIds(await sys.request('GET', `/v1/prazos/vencendo?${q}`, { as: c }));
    expect(await como(inspetor)).toEqual([a, b, d]);
    expect(await como(inspetorNorte)).toEqual([c]);
    expect(await como(repA)).toEqual([a, b, d]);
    expect(await como(repB)).toEqual([c]);
    expect(await como(membro)).toEqual([a, b, d]);
    expect(await como(coogie)).toEqual([a, c, b, d]);
    expect(await como(supervisor, `dias=4&unidade=${encodeURIComponent(NORTE)}`)).toEqual([c]);
    expect(await como(inspetor, `dias=4&unidade=${encodeURIComponent(NORTE)}`)).toEqual([]);
  });

  it('counts decreed days without expediente: one within the horizon pushes it a business day further', async () => {
    const dia = formatarData(diaUtil(2));
    const decretado = { data: dia, escopo: 'uf' as const, uf: 'RJ' as const, motivo: 'Ponto facultativo', atoLegal: 'Decreto Estadual nº 1/2026' };
    const [row] = await sys.db
      .insertInto('dia_decretado')
      .values({ data: dia, escopo: 'uf', uf: 'RJ', motivo: decretado.motivo, ato_legal: decretado.atoLegal, criado_por: supervisor.id })
      .returning('id')
      .execute();
    try {
      const r = await sys.request('GET', '/v1/prazos/vencendo?dias=3', { as: supervisor });
      expect(r.body.ate).toBe(formatarData(diaUtil(3, [decretado])));
      expect(r.body.ate).toBe(formatarData(diaUtil(4)));
      expect(r.body.diasDecretados).toEqual([{ data: dia, motivo: 'Ponto facultativo (Decreto Estadual nº 1/2026)' }]);
      expect(prazoIds(r)).toEqual([a, c, b, d]);

      // A unit's own decreed day counts only when asking for that unit.
      const daUnidade = { data: formatarData(diaUtil(1)), escopo: 'unidade' as const, unidade: NORTE, motivo: 'Mudança de sede', atoLegal: 'Portaria COOIE 1/2026' };
      await sys.db
        .insertInto('dia_decretado')
        .values({ data: daUnidade.data, escopo: 'unidade', unidade: NORTE, motivo: daUnidade.motivo, ato_legal: daUnidade.atoLegal, criado_por: supervisor.id })
        .execute();
      expect((await sys.request('GET', '/v1/prazos/vencendo?dias=3', { as: supervisor })).body.ate).toBe(formatarData(diaUtil(4)));
      const norte = await sys.request('GET', `/v1/prazos/vencendo?dias=3&unidade=${encodeURIComponent(NORTE)}`, { as: supervisor });
      expect(norte.body.ate).toBe(formatarData(diaUtil(3, [decretado, daUnidade], NORTE)));
      expect(norte.body.ate).toBe(formatarData(diaUtil(5)));
    } finally {
      await sys.db.deleteFrom('dia_decretado').execute();
    }
    expect(row).toBeDefined();
  });

  it('refuses a missing or out-of-range horizon with the field named, and callers without a reading role', async () => {
    for (const q of ['', '?dias=0', '?dias=abc', '?dias=121', '?dias=2.5']) {
      const r = await sys.request('GET', `/v1/prazos/vencendo${q}`, { as: supervisor });
      expect(r.status, q).toBe(400);
      expect(r.body.erro.campos[0].campo, q).toBe('query.dias');
    }
    expect((await sys.request('GET', '/v1/prazos/vencendo?dias=3')).status).toBe(401);
    expect((await sys.request('GET', '/v1/prazos/vencendo?dias=3', { as: chaveSistema })).status).toBe(403);
  });
});

describe('GET /v1/tarefas', () => {
  let atrasada: string, emDia: string, central: string;

  beforeAll(async () => {
    const tarefa = (responsavel: string, descricao: string, dia: number) => ({ responsavel, descricao, limite: formatarInstanteBrasilia(limiteDoDia(dia)) });
    atrasada = await processo({ cnpj: CNPJ_A, unidade: METRO, tarefa: tarefa('comissao', 'Pronunciamento da Comissão de Vistoria (deferimento ou indeferimento)', hojeDia() - 2) });
    central = await processo({ cnpj: CNPJ_B, unidade: NORTE, fase: 'encaminhado-coogie', tarefa: tarefa('coogie', 'Deferido — encaminhado à COOGIE', hojeDia() + 20) });
    emDia = await processo({ cnpj: CNPJ_A, unidade: METRO, fase: 'ordem-servico', tarefa: tarefa('cooie', 'Ordem de Serviço', hojeDia() + 5) });
    await processo({ cnpj: CNPJ_A, unidade: METRO }); // no task owed
    await processo({ cnpj: CNPJ_A, unidade: METRO, encerrado: true, fase: 'edital-publicado', tarefa: tarefa('coogie', 'Edital', hojeDia() - 30) });
  });

  it('lists the decisions owed, oldest limit first, overdue ones flagged', async () => {
    const r = await sys.request('GET', '/v1/tarefas', { as: supervisor });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(ids(r)).toEqual([atrasada, emDia, central]);
    expect(r.body).toMatchObject({ total: 3, atrasadas: 1 });
    expect(r.body.itens[0]).toMatchObject({
      responsavel: 'comissao',
      responsavelRotulo: 'Comissão de Vistoria',
      descricao: 'Pronunciamento da Comissão de Vistoria (deferimento ou indeferimento)',
      limite: formatarInstanteBrasilia(limiteDoDia(hojeDia() - 2)),
      atrasada: true,
      processo: { id: atrasada, fase: 'pronunciamento', faseRotulo: 'Pronunciamento da Comissão de Vistoria (deferimento ou indeferimento)', unidade: METRO },
    });
    expect(r.body.itens.slice(1).map((t: { atrasada: boolean }) => t.atrasada)).toEqual([false, false]);
    expect(ids(await sys.request('GET', '/v1/tarefas?atrasadas=true', { as: supervisor }))).toEqual([atrasada]);
    expect(ids(await sys.request('GET', '/v1/tarefas?atrasadas=false', { as: supervisor }))).toEqual([emDia, central]);
    expect(ids(await sys.request('GET', '/v1/tarefas?responsavel=coogie', { as: coogie }))).toEqual([central]);
    expect(ids(await sys.request('GET', `/v1/tarefas?unidade=${encodeURIComponent(METRO)}`, { as: coogie }))).toEqual([atrasada, emDia]);
  });

  it('shows an inspetor only its own unit, and refuses other roles', async () => {
    expect(ids(await sys.request('GET', '/v1/tarefas', { as: inspetor }))).toEqual([atrasada, emDia]);
    expect(ids(await sys.request('GET', '/v1/tarefas?atrasadas=true', { as: inspetor }))).toEqual([atrasada]);
    expect(ids(await sys.request('GET', '/v1/tarefas', { as: inspetorNorte }))).toEqual([central]);
    const outra = await sys.request('GET', `/v1/tarefas?unidade=${encodeURIComponent(METRO)}`, { as: inspetorNorte });
    expect(outra.status).toBe(403);
    expect(outra.body.erro).toEqual({ codigo: 'fora-do-escopo', mensagem: 'Você só vê as tarefas da sua unidade (NORTE FLUMINENSE).' });
    for (const c of [repA, membro, admin, chaveSistema]) expect((await sys.request('GET', '/v1/tarefas', { as: c })).status).toBe(403);
    expect((await sys.request('GET', '/v1/tarefas?atrasadas=talvez', { as: supervisor })).body.erro.campos).toEqual([
      { campo: 'query.atrasadas', mensagem: 'atrasadas deve ser true ou false' },
    ]);
  });
});

describe('GET /v1/processos/{id}/linha-do-tempo', () => {
  it('rebuilds each prazo’s limit history from the timeline and names who acted (people, API keys, the system)', async () => {
    const p = await processo({ cnpj: CNPJ_A, unidade: METRO });
    const prazoId = await prazo(p, lim(diaUtil(5)));
    const chave = await sys.chave({ papeis: ['inspetor'], unidade: METRO, nome: 'Sistema da COOIE' });
    const lim1 = formatarInstanteBrasilia(limiteDoDia(diaUtil(3)));
    const lim2 = formatarInstanteBrasilia(limiteDoDia(diaUtil(5)));
    const ev = (seq: number, tipo: string, descricao: string, ator: string, dados: Record<string, unknown> = {}) => ({
      processo_id: p,
      seq,
      tipo,
      descricao,
      ator,
      ocorrido_em: new Date(Date.now() - (10 - seq) * 60_000),
      dados: JSON.stringify(dados),
    });
    await sys.db
      .insertInto('processo_evento')
      .values([
        ev(1, 'abertura', 'Processo aberto', repA.id),
        ev(2, 'autuar', 'Autuar o processo SEI', `chave:${chave.id}`),
        ev(3, 'prazo', 'Prazo de 20 dias aberto com ciência em …', 'sistema', { prazoId, limite: lim1, vencimento: lim1.slice(0, 10), situacao: 'aberto' }),
        ev(4, 'prazo', 'Calendário alterado: dia incluído como dia sem expediente', 'sistema', { prazoId, limite: lim1, vencimento: lim1.slice(0, 10), situacao: 'aberto' }),
        ev(5, 'prazo', 'Prorrogação por igual período (20 dias) pedida por Maria Representante', 'sistema', { prazoId, limite: lim2, vencimento: lim2.slice(0, 10), situacao: 'aberto' }),
        ev(6, 'cumprir-exigencias', 'Apresentar o cumprimento das exigências', 'conta-removida'),
      ])
      .execute();

    // The prazo's changes as registrarPrazo writes them (db/prazos.ts).
    const alteracao = (versao: number, motivo: string, limite: string) => ({
      prazo_id: prazoId,
      versao,
      processo_id: p,
      em: new Date(Date.now() - (10 - versao) * 60_000),
      motivo,
      limite,
      vencimento: limite.slice(0, 10),
      situacao: 'aberto',
    });
    await sys.db
      .insertInto('prazo_alteracao')
      .values([
        alteracao(1, 'Prazo de 20 dias aberto com ciência em …', lim1),
        alteracao(2, 'Calendário alterado: dia incluído como dia sem expediente', lim1),
        alteracao(3, 'Prorrogação por igual período (20 dias) pedida por Maria Representante', lim2),
      ])
      .execute();
    const r = await sys.request('GET', `/v1/processos/${p}/linha-do-tempo`, { as: repA });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.eventos.map((e: { ator: unknown }) => e.ator)).toEqual([
      { id: repA.id, nome: 'Maria Representante', tipo: 'usuario' },
      { id: `chave:${chave.id}`, nome: 'Sistema da COOIE', tipo: 'chave-api' },
      { id: 'sistema', nome: 'rito (sistema)', tipo: 'sistema' },
      { id: 'sistema', nome: 'rito (sistema)', tipo: 'sistema' },
      { id: 'sistema', nome: 'rito (sistema)', tipo: 'sistema' },
      { id: 'conta-removida', nome: null, tipo: 'desconhecido' },
    ]);
    expect(r.body.eventos[2].dados).toMatchObject({ prazoId, situacao: 'aberto' });
    expect(r.body.prazos).toHaveLength(1);
    expect(r.body.prazos[0]).toMatchObject({ id: prazoId, situacao: 'aberto', limite: formatarInstanteBrasilia(limiteDoDia(diaUtil(5))) });
    expect(r.body.prazos[0].historico.map((h: { versao: number; limiteAnterior: string | null; limite: string; alterouLimite: boolean }) => [h.versao, h.limiteAnterior, h.limite, h.alterouLimite])).toEqual([
      [1, null, lim1, true],
      [2, lim1, lim1, false],
      [3, lim1, lim2, true],
    ]);
    expect(r.body.documentos).toEqual([]);
    // Outside scope, or not existing: the same 404.
    expect((await sys.request('GET', `/v1/processos/${p}/linha-do-tempo`, { as: repB })).status).toBe(404);
    expect((await sys.request('GET', '/v1/processos/nao-existe/linha-do-tempo', { as: supervisor })).status).toBe(404);
  });
});
