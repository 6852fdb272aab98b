/**
 * The attendance follow-up through the API with the real system (worker, Temporal,
 * PostgreSQL): the operador escolar apura his school's month, sees and acts on his
 * school's cases only (an operador of another school gets 404), every read of a case
 * is in the audit trail, listings mask CPF and NIS; the coordenação municipal sees
 * its município's; the state coordination sees counts without names; the motivos list
 * is versioned and replaced by an administrador's import; the school sees who still
 * lacks a motivo and how many days the window has left.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encadearPendentes } from '../../api/auditoria/encadeador';
import { mascararCpf } from '../../rules/identificadores/cpf';
import { mascararNis } from '../../rules/identificadores/nis';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';
import { escola, estudante, frequencia, habilitado, matricular, RIO, responsavel } from './apoio';

let s: TestSystem;
let inepA: string;
let inepB: string;
let operadorA: Conta;
let operadorB: Conta;
let municipal: Conta;
let estadual: Conta;
let aluno: { id: string; cpf: string; nome: string };
let casoId: string;
const chave = () => `k-${randomBytes(8).toString('hex')}`;

beforeAll(async () => {
  s = await startTestSystem();
  inepA = await escola(s.db);
  inepB = await escola(s.db);
  operadorA = await habilitado(s, 'operador-escolar', { municipio: RIO, codigoInep: inepA });
  operadorB = await habilitado(s, 'operador-escolar', { municipio: RIO, codigoInep: inepB });
  municipal = await habilitado(s, 'coordenador-municipal', { municipio: RIO });
  estadual = await habilitado(s, 'coordenador-estadual', {});
  // 12 years old in October 2026 (75%); 9 of 20 dias letivos = 45%.
  aluno = await estudante(s.db, { nascimento: '2014-03-10', nis: '12345678919' });
  await matricular(s.db, aluno.id, inepA, 2026);
  await frequencia(s.db, aluno.id, inepA, '2026-10', 20, 9);
}, 120_000);
afterAll(async () => s?.stop());

describe('acompanhamento da frequência pela API', () => {
  it('the operador apura his school’s month and the student below the minimum gets a case; another school’s operador may not apura it', async () => {
    const alheio = await s.request('POST', '/v1/acompanhamento/apuracoes', { as: operadorB, body: { codigoInep: inepA, mes: '2026-10' } });
    expect(alheio.status).toBe(404);
    const invalido = await s.request('POST', '/v1/acompanhamento/apuracoes', { as: operadorA, body: { codigoInep: inepA, mes: '2026-13' } });
    expect(invalido.status).toBe(400);
    expect(invalido.body.erro.campos).toEqual([{ campo: 'mes', mensagem: 'mês inválido: use AAAA-MM' }]);

    const r = await s.request('POST', '/v1/acompanhamento/apuracoes', { as: operadorA, body: { codigoInep: inepA, mes: '2026-10' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ apurados: 1, abaixo: 1, casosAbertos: 1 });
  });

  it('lists the school’s cases with CPF and NIS masked; the other school sees none', async () => {
    const lista = await s.request('GET', '/v1/acompanhamento/casos', { as: operadorA });
    expect(lista.status).toBe(200);
    expect(lista.body.itens).toHaveLength(1);
    const item = lista.body.itens[0];
    casoId = item.id;
    expect(item.estudante.nome).toBe(aluno.nome);
    // The masks of rules/identificadores (LGPD): never the whole number.
    expect(item.estudante.cpf).toBe(mascararCpf(aluno.cpf));
    expect(item.estudante.nis).toBe(mascararNis('12345678919'));
    expect(item.estudante.cpf).toMatch(/\*/);
    expect(item.estudante.nis).toMatch(/\*/);
    expect(JSON.stringify(lista.body)).not.toContain(aluno.cpf);
    expect(JSON.stringify(lista.body)).not.toContain('12345678919');
    expect((await s.request('GET', '/v1/acompanhamento/casos', { as: operadorB })).body.itens).toEqual([]);
  });

  it('reading a case writes an audit entry naming who, the case and the student; an operador of another school gets 404', async () => {
    const r = await s.request('GET', `/v1/acompanhamento/casos/${casoId}`, { as: operadorA });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ etapa: 'notificacao-familia', situacao: 'aberto', apuracoes: [expect.objectContaining({ mes: '2026-10', percentual: 45, minimo: 75, abaixo: true })] });
    await encadearPendentes(s.db); // a read's entry may still be in the outbox
    const entrada = await s.db
      .selectFrom('auditoria')
      .selectAll()
      .where('acao', '=', 'caso-frequencia.ler')
      .where('recurso_id', '=', casoId)
      .where('ator_id', '=', operadorA.id)
      .executeTakeFirst();
    expect(entrada).toBeDefined();
    expect(entrada!.resumo).toContain(aluno.id);

    const antes = await s.db.selectFrom('auditoria').select((eb) => eb.fn.countAll<string>().as('n')).where('recurso_id', '=', casoId).executeTakeFirstOrThrow();
    const alheio = await s.request('GET', `/v1/acompanhamento/casos/${casoId}`, { as: operadorB });
    expect(alheio.status).toBe(404);
    expect((await s.request('POST', `/v1/acompanhamento/casos/${casoId}/notificar-familia`, { as: operadorB, body: { responsavel }, headers: { 'idempotency-key': chave() } })).status).toBe(404);
    // A refused read leaves no entry of a read.
    await encadearPendentes(s.db); // a read's entry may still be in the outbox
    const depois = await s.db.selectFrom('auditoria').select((eb) => eb.fn.countAll<string>().as('n')).where('recurso_id', '=', casoId).executeTakeFirstOrThrow();
    expect(depois.n).toBe(antes.n);
  });

  it('the coordenação municipal sees its município’s cases; the state coordination only counts, without names', async () => {
    const m = await s.request('GET', '/v1/acompanhamento/casos', { as: municipal });
    expect(m.body.itens.map((c: { id: string }) => c.id)).toContain(casoId);
    expect((await s.request('GET', `/v1/acompanhamento/casos/${casoId}`, { as: municipal })).status).toBe(200);

    expect((await s.request('GET', '/v1/acompanhamento/casos', { as: estadual })).status).toBe(403);
    expect((await s.request('GET', `/v1/acompanhamento/casos/${casoId}`, { as: estadual })).status).toBe(404);
    const resumo = await s.request('GET', '/v1/acompanhamento/casos/resumo', { as: estadual });
    expect(resumo.status).toBe(200);
    expect(resumo.body.itens).toContainEqual({ uf: 'RJ', municipio: RIO, situacao: 'aberto', etapa: 'notificacao-familia', casos: 1, atrasados: 0, escalados: 0 });
    expect(JSON.stringify(resumo.body)).not.toContain(aluno.nome);
  });

  it('the school notifies the family through the case: the document is issued once for one Idempotency-Key; bad input gets field messages', async () => {
    const ruim = await s.request('POST', `/v1/acompanhamento/casos/${casoId}/notificar-familia`, {
      as: operadorA,
      body: { responsavel: { ...responsavel, endereco: { ...responsavel.endereco, cep: '123' } } },
      headers: { 'idempotency-key': chave() },
    });
    expect(ruim.status).toBe(400);
    expect(ruim.body.erro.campos).toEqual([{ campo: 'responsavel.endereco.cep', mensagem: 'CEP inválido: use 00000-000' }]);

    const k = chave();
    const r = await s.request('POST', `/v1/acompanhamento/casos/${casoId}/notificar-familia`, { as: operadorA, body: { responsavel }, headers: { 'idempotency-key': k } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ etapa: 'averiguacao-motivos', documento: { tipo: 'notificacao-familia' } });
    const again = await s.request('POST', `/v1/acompanhamento/casos/${casoId}/notificar-familia`, { as: operadorA, body: { responsavel }, headers: { 'idempotency-key': k } });
    expect(again.body.documento.id).toBe(r.body.documento.id);

    const caso = await s.request('GET', `/v1/acompanhamento/casos/${casoId}`, { as: operadorA });
    expect(caso.body.documentos).toHaveLength(1);
    const html = await s.request('GET', caso.body.documentos[0].url, { as: operadorA });
    expect(html.status).toBe(200);
    expect(String(html.body)).toContain(aluno.nome);
    // A motivo outside the list in force is refused by name.
    const motivo = await s.request('POST', `/v1/acompanhamento/casos/${casoId}/registrar-averiguacao`, {
      as: operadorA,
      body: { motivoCodigo: '999', relato: 'Visita domiciliar.', vulnerabilidade: false },
      headers: { 'idempotency-key': chave() },
    });
    expect(motivo.status).toBe(400);
    expect(motivo.body.erro.campos[0].campo).toBe('motivoCodigo');
  });

  it('shows which students still lack a motivo in the period and the days the window has left; registering one clears it', async () => {
    // October 2026 is in period 5 (out–nov). No published 2026 calendar is recorded, so rito's default
    // window applies: December 2026, 01/12 to 31/12; the days left count today (from 01/12 while not yet open).
    const hoje = new Date(new Date().toLocaleString('en-US', { timeZone: 'America/Sao_Paulo' }));
    const desde = Math.max(Date.UTC(hoje.getFullYear(), hoje.getMonth(), hoje.getDate()), Date.UTC(2026, 11, 1));
    const esperado = Math.max(0, Math.round((Date.UTC(2026, 11, 31) - desde) / 86_400_000) + 1);
    const p = await s.request('GET', '/v1/acompanhamento/pendencias-motivo?ano=2026&periodo=5', { as: operadorA });
    expect(p.status).toBe(200);
    expect(p.body.janela).toMatchObject({ inicio: '2026-12-01', fim: '2026-12-31', padrao: true, diasRestantes: esperado });
    expect(p.body.itens).toEqual([{ estudante: expect.objectContaining({ id: aluno.id, nome: aluno.nome }), escola: expect.objectContaining({ codigoInep: inepA }), meses: ['2026-10'], menorPercentual: 45 }]);
    expect((await s.request('GET', '/v1/acompanhamento/pendencias-motivo?ano=2026&periodo=5', { as: municipal })).body.itens).toHaveLength(1);
    expect((await s.request('GET', '/v1/acompanhamento/pendencias-motivo?ano=2026&periodo=5', { as: operadorB })).body.itens).toEqual([]);
    // The state coordination: counts per school, no names; the nominal list is not hers.
    expect((await s.request('GET', '/v1/acompanhamento/pendencias-motivo?ano=2026&periodo=5', { as: estadual })).status).toBe(403);
    const resumo = await s.request('GET', '/v1/acompanhamento/pendencias-motivo/resumo?ano=2026&periodo=5', { as: estadual });
    expect(resumo.body.itens).toContainEqual({ uf: 'RJ', municipio: RIO, codigoInep: inepA, abaixoDoMinimo: 1, semMotivo: 1 });
    expect(JSON.stringify(resumo.body)).not.toContain(aluno.nome);

    const reg = await s.request('POST', '/v1/acompanhamento/motivos-registrados', {
      as: operadorA,
      body: { estudanteId: aluno.id, codigoInep: inepA, ano: 2026, periodo: 5, motivoCodigo: '64' },
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(200);
    expect(reg.body).toMatchObject({ motivo: { codigo: '64', descricao: 'Desinteresse/desmotivação pelos estudos' }, versao: 1 });
    expect((await s.request('GET', '/v1/acompanhamento/pendencias-motivo?ano=2026&periodo=5', { as: operadorA })).body.itens).toEqual([]);
    expect((await s.request('GET', '/v1/acompanhamento/pendencias-motivo/resumo?ano=2026&periodo=5', { as: estadual })).body.itens).toContainEqual({
      uf: 'RJ',
      municipio: RIO,
      codigoInep: inepA,
      abaixoDoMinimo: 1,
      semMotivo: 0,
    });
  });

  it('the motivos list is replaced by an administrador’s import, keeping the older version', async () => {
    const admin = await s.conta({ papeis: ['administrador'] });
    const lista = { vigenteDesde: '2026-01-01', fonte: 'Guia Rápido 5 — Motivos de Baixa Frequência (teste)', motivos: [{ codigo: '1a', descricao: 'Doença/problemas físicos' }] };
    expect((await s.request('POST', '/v1/acompanhamento/motivos', { as: operadorA, body: lista })).status).toBe(403);
    const repetido = await s.request('POST', '/v1/acompanhamento/motivos', { as: admin, body: { ...lista, motivos: [...lista.motivos, lista.motivos[0]] } });
    expect(repetido.status).toBe(400);
    expect(repetido.body.erro.campos).toEqual([{ campo: 'motivos.1.codigo', mensagem: 'código 1a repetido na lista' }]);
    const r = await s.request('POST', '/v1/acompanhamento/motivos', { as: admin, body: lista });
    expect(r.status).toBe(201);
    const m = await s.request('GET', '/v1/acompanhamento/motivos', { as: operadorA });
    expect(m.body.vigente).toMatchObject({ versao: r.body.versao, motivos: lista.motivos });
    expect(m.body.versoes.map((v: { versao: number }) => v.versao)).toEqual([1, r.body.versao]);
  });

  it('an administrador records a period’s window as the Ministries publish it, which then replaces rito’s default', async () => {
    const admin = await s.conta({ papeis: ['administrador'] });
    const fonte = 'Calendário de acompanhamento 2026 MEC/MDS (teste)';
    // Period 5 (out–nov) is registered after its last month begins: a window opening in October is refused.
    const cedo = await s.request('PUT', '/v1/acompanhamento/janelas/2026/5', { as: admin, body: { inicio: '2026-10-20', fim: '2026-12-15', fonte } });
    expect(cedo.status).toBe(400);
    expect(cedo.body.erro.campos).toEqual([{ campo: 'inicio', mensagem: 'a janela do período 5 de 2026 não pode abrir antes de 01/11/2026' }]);
    const invertida = await s.request('PUT', '/v1/acompanhamento/janelas/2026/5', { as: admin, body: { inicio: '2026-12-15', fim: '2026-12-01', fonte } });
    expect(invertida.body.erro.campos).toEqual([{ campo: 'fim', mensagem: 'o fim da janela não pode ser anterior ao início' }]);
    expect((await s.request('PUT', '/v1/acompanhamento/janelas/2026/5', { as: municipal, body: { inicio: '2026-12-01', fim: '2026-12-15', fonte } })).status).toBe(403);

    const r = await s.request('PUT', '/v1/acompanhamento/janelas/2026/5', { as: admin, body: { inicio: '2026-12-01', fim: '2026-12-15', fonte } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const periodos = await s.request('GET', '/v1/acompanhamento/periodos?ano=2026', { as: operadorA });
    expect(periodos.body.itens[4].janela).toMatchObject({ inicio: '2026-12-01', fim: '2026-12-15', fonte, padrao: false });
    // The other periods keep rito's default, marked as such.
    expect(periodos.body.itens[3].janela).toMatchObject({ inicio: '2026-10-01', fim: '2026-10-31', padrao: true });
  });

  it('the municipal coordination sets its município’s deadlines; nobody else does', async () => {
    const corpo = { notificacaoFamilia: 3, averiguacaoMotivos: 10, encaminhamentoAssistencia: 5, comunicacaoConselhoTutelar: 5, escalonamento: 3, fonte: 'Resolução SME nº 1/2026 (teste)' };
    expect((await s.request('PUT', `/v1/acompanhamento/prazos/${RIO}`, { as: operadorA, body: corpo })).status).toBe(403);
    expect((await s.request('PUT', '/v1/acompanhamento/prazos/3303302', { as: municipal, body: corpo })).status).toBe(403);
    const r = await s.request('PUT', `/v1/acompanhamento/prazos/${RIO}`, { as: municipal, body: corpo });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await s.request('GET', `/v1/acompanhamento/prazos/${RIO}`, { as: operadorA })).body).toMatchObject({ notificacaoFamilia: 3, fonte: corpo.fonte });
  });
});
