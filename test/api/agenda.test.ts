/**
 * The iCalendar feed of each person (issue 12: "a secret, revocable URL of the
 * prazos and tasks that concern him, updated when a prazo is re-timed"),
 * through the API on a real worker:
 *
 * - the representante's feed lists the running prazo of his institution's
 *   process, its event at the prazo's limit (23:59:59 of the last day in
 *   Brasília, written in UTC), and no prazo of another institution's process;
 * - a decreed day on the last day re-times the prazo: the same event (same
 *   UID) moves to the new limit, with a higher SEQUENCE;
 * - the inspetora's feed holds the unit's open task; the representante's does not;
 * - revoked, the URL answers 404; a new URL revokes the previous one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calcularPrazo } from '../../rules/prazos';
import { checklistForma } from '../support/checklists';
import { agirNaVistoria } from '../support/comissao';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { ate } from '../e2e/http';

const CNPJ = '11222333000181';
const OUTRO_CNPJ = '04252011000110';
const UNIDADE = 'METROPOLITANA I';
const RIO = '3304557';
const endereco = { logradouro: 'Rua A, 1', bairro: 'Centro', cep: '20000-000', municipio: 'Rio de Janeiro', uf: 'RJ' };

let sys: TestSystem;
let rl: Conta, outroRl: Conta, inspetor: Conta, supervisor: Conta;
let meu: string;
let alheio: string;
/** A process autuado, whose análise de forma the COOIE owes: the unit's open task. */
let emAnalise: string;

async function abrir(cnpj: string, inep: string, quem: Conta): Promise<string> {
  const r = await sys.request('POST', '/v1/processos', {
    as: quem,
    body: {
      tipo: 'entrada-suplementar',
      instituicao: { cnpj, codigoInep: inep, nome: cnpj === CNPJ ? 'Colégio Exemplo' : 'Escola Outra', endereco },
      unidade: UNIDADE,
      requerente: { nome: 'Maria Representante', cpf: '529.982.247-25', email: 'maria@example.org' },
    },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

/** A process of `cnpj` with exigências de forma whose notice its RL opened: its prazo runs. */
async function comPrazo(cnpj: string, inep: string, numeroSei: string, quem: Conta): Promise<string> {
  const id = await abrir(cnpj, inep, quem);
  expect((await agirNaVistoria(sys, id, 'autuar', inspetor, { numeroSei })).status).toBe(200);
  const exig = await agirNaVistoria(sys, id, 'registrar-exigencias-forma', inspetor, {
    checklist: checklistForma('entrada-suplementar'),
    exigencias: [{ codigo: 'laudo', descricao: 'Apresentar laudo', motivacao: 'Laudo ausente.', baseLegal: 'Deliberação CEE nº 388/2020, art. 22' }],
  });
  expect(exig.status, JSON.stringify(exig.body)).toBe(200);
  for (const d of exig.body.documentos as { id: string }[]) expect((await sys.request('GET', `/v1/documentos/${d.id}`, { as: quem })).status).toBe(200);
  await ate(() => sys.db.selectFrom('prazo_processo').select('situacao').where('processo_id', '=', id).executeTakeFirst(), (p) => p?.situacao === 'aberto', 'prazo aberto');
  return id;
}

/** The feed's path, from the URL the API gave (its origin is the deployment's public one). */
async function criarAgenda(quem: Conta): Promise<string> {
  const r = await sys.request('POST', '/v1/eu/agenda', { as: quem });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  expect(r.body.url).toMatch(/\/calendario\/[A-Za-z0-9_-]{43}\.ics$/);
  return new URL(r.body.url).pathname;
}

async function lerFeed(caminho: string): Promise<{ status: number; tipo: string | null; texto: string }> {
  const res = await fetch(sys.baseUrl + caminho);
  return { status: res.status, tipo: res.headers.get('content-type'), texto: await res.text() };
}

/** The VEVENTs of a feed, each as its unfolded properties (RFC 5545 §3.1: a CRLF followed by a space continues the line). */
function eventos(ics: string): Record<string, string>[] {
  const linhas = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const r: Record<string, string>[] = [];
  let atual: Record<string, string> | null = null;
  for (const l of linhas) {
    if (l === 'BEGIN:VEVENT') atual = {};
    else if (l === 'END:VEVENT') (r.push(atual!), (atual = null));
    else if (atual) {
      const i = l.indexOf(':');
      atual[l.slice(0, i).split(';')[0]!] = l.slice(i + 1);
    }
  }
  return r;
}

/** 2026-09-09T02:59:59.000Z → 20260909T025959Z (a DATE-TIME in UTC, RFC 5545 §3.3.5 form 2). */
const utc = (d: Date | string) => new Date(d).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

beforeAll(async () => {
  sys = await startTestSystem();
  [rl, outroRl, inspetor, supervisor] = await Promise.all([
    sys.conta({ nome: 'Maria Representante', papeis: ['representante'], instituicoes: [CNPJ] }),
    sys.conta({ nome: 'Otávio Representante', papeis: ['representante'], instituicoes: [OUTRO_CNPJ] }),
    sys.conta({ nome: 'Ana Inspetora', papeis: ['inspetor'], unidade: UNIDADE }),
    sys.conta({ nome: 'Sara Supervisora', papeis: ['supervisor'] }),
  ]);
  meu = await comPrazo(CNPJ, '33200101', 'SEI-030001/030101/2026', rl);
  alheio = await comPrazo(OUTRO_CNPJ, '33200102', 'SEI-030001/030102/2026', outroRl);
  emAnalise = await abrir(CNPJ, '33200103', rl);
  expect((await agirNaVistoria(sys, emAnalise, 'autuar', inspetor, { numeroSei: 'SEI-030001/030103/2026' })).status).toBe(200);
  await ate(() => sys.db.selectFrom('tarefa').select('id').where('processo_id', '=', emAnalise).where('situacao', '=', 'aberta').execute(), (t) => t.length > 0, 'tarefa da análise de forma');
}, 240_000);

afterAll(async () => {
  await sys?.stop();
});

describe('o calendário (iCalendar) de cada pessoa', () => {
  it("lists the RL's running prazo at its limit, only his institutions' processes, and follows a re-timing in the same event", async () => {
    const caminho = await criarAgenda(rl);
    const prazo = await sys.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', meu).executeTakeFirstOrThrow();

    const feed = await lerFeed(caminho);
    expect(feed.status).toBe(200);
    expect(feed.tipo).toMatch(/^text\/calendar/);
    expect(feed.texto.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    // Content lines are folded at 75 octets (RFC 5545 §3.1).
    for (const l of feed.texto.split('\r\n')) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    const evs = eventos(feed.texto);
    expect(evs).toHaveLength(1);
    const ev = evs[0]!;
    expect(ev.UID).toContain(`prazo-${prazo.id}@`);
    // The limit is 23:59:59 (Brasília) of the prazo's last day: 02:59:59 UTC of the next day.
    expect(ev.DTSTART).toBe(utc(prazo.limite));
    expect(new Date(prazo.limite).toISOString()).toMatch(/T02:59:59\.000Z$/);
    expect(ev.SUMMARY).toContain('Colégio Exemplo');
    expect(ev.DESCRIPTION).toContain('SEI-030001/030101/2026');
    // No personal data: the requerente's name and CPF are not in the feed.
    expect(feed.texto).not.toContain('52998224725');
    expect(feed.texto).not.toContain('529.982.247-25');
    expect(feed.texto).not.toContain('Maria Representante');
    // The other institution's process, in the same unit, is not his.
    expect(feed.texto).not.toContain('Escola Outra');
    expect(feed.texto).not.toContain(alheio);
    // Tasks are the units' decisions, not the RL's.
    expect(feed.texto).not.toContain('UID:tarefa-');

    // A decreed day on the last day: the law's limit moves to the next business day (calcularPrazo, the prazo engine).
    const local = { uf: 'RJ' as const, municipio: RIO, unidade: UNIDADE };
    const decretado = { data: prazo.vencimento, escopo: 'unidade' as const, unidade: UNIDADE, motivo: 'Suspensão do expediente — mudança de sede', atoLegal: 'Portaria COOIE 13/2026' };
    const esperado = calcularPrazo({ ciencia: prazo.ciencia, dias: prazo.dias, local, diasDecretados: [decretado] });
    expect(esperado.vencimento > prazo.vencimento).toBe(true);
    const incluido = await sys.request('POST', '/v1/calendario/decretados', { as: supervisor, body: decretado });
    expect(incluido.status, JSON.stringify(incluido.body)).toBe(201);
    const depois = await ate(
      async () => eventos((await lerFeed(caminho)).texto).find((e) => e.UID === ev.UID),
      (e) => e?.DTSTART === utc(new Date(esperado.limiteEpochMs)),
      'evento no novo limite',
    );
    expect(Number(depois!.SEQUENCE)).toBeGreaterThan(Number(ev.SEQUENCE));
    expect(eventos((await lerFeed(caminho)).texto)).toHaveLength(1);

    // The other RL's feed: his process only.
    const doOutro = await lerFeed(await criarAgenda(outroRl));
    expect(doOutro.texto).toContain('Escola Outra');
    expect(doOutro.texto).not.toContain('Colégio Exemplo');
  });

  it("the inspetora's feed carries the unit's prazos and open tasks", async () => {
    const caminho = await criarAgenda(inspetor);
    const tarefas = await sys.db.selectFrom('tarefa').select('id').where('situacao', '=', 'aberta').where('processo_id', '=', emAnalise).execute();
    const texto = (await lerFeed(caminho)).texto;
    expect(tarefas.length, 'tarefas abertas nos processos').toBeGreaterThan(0);
    const uids = eventos(texto).map((e) => e.UID);
    for (const p of [meu, alheio]) {
      const prazo = await sys.db.selectFrom('prazo_processo').select('id').where('processo_id', '=', p).executeTakeFirstOrThrow();
      expect(uids.some((u) => u!.startsWith(`prazo-${prazo.id}@`))).toBe(true);
    }
    for (const t of tarefas) expect(uids.some((u) => u!.startsWith(`tarefa-${t.id}@`))).toBe(true);
  });

  it('revoked, the URL answers 404; a new URL ends the previous one; only a session creates one; both acts audited', async () => {
    const primeira = await criarAgenda(rl);
    const segunda = await criarAgenda(rl);
    expect((await lerFeed(primeira)).status).toBe(404);
    expect((await lerFeed(segunda)).status).toBe(200);
    expect((await sys.request('GET', '/v1/eu/agenda', { as: rl })).body.ativa).toBe(true);

    // Without the CSRF token, as every state-changing request of a session.
    expect((await sys.request('DELETE', '/v1/eu/agenda', { as: rl, csrf: false })).status).toBe(403);
    expect((await sys.request('DELETE', '/v1/eu/agenda', { as: rl })).status).toBe(204);
    expect((await lerFeed(segunda)).status).toBe(404);
    expect((await sys.request('GET', '/v1/eu/agenda', { as: rl })).body.ativa).toBe(false);
    expect((await sys.request('DELETE', '/v1/eu/agenda', { as: rl })).status).toBe(404);
    expect((await lerFeed('/calendario/nao-existe.ics')).status).toBe(404);

    const chave = await sys.chave({ papeis: ['supervisor'] });
    expect((await sys.request('POST', '/v1/eu/agenda', { headers: { authorization: `Bearer ${chave.chave}` } })).status).toBe(400);

    const trilha = await sys.db.selectFrom('auditoria').select('acao').where('ator_id', '=', rl.id).where('acao', 'like', 'agenda.%').execute();
    expect(trilha.map((t) => t.acao).sort()).toEqual(['agenda.criar', 'agenda.criar', 'agenda.criar', 'agenda.revogar']);
  });
});
