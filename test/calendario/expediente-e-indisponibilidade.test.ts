/**
 * Through the API on the real system (issue 11 steps 5 and 6): a decreed day
 * of reduced expediente on a running prazo's last day, and an outage of rito
 * recorded by an administrator on it, each move the prazo to the next business
 * day, with the reason in the process's timeline; removing them brings it back.
 * The expected limits are the engine's answer for the same calendar data, whose
 * rules (Lei 9.784/1999 art. 66 § 1º; IN SEI-MEC art. 18, VI) are derived by
 * hand in test/prazos/expediente-parcial.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiaDecretado, Local } from '../../rules/calendario';
import { registrarBatimento } from '../../db/batimentos';
import { calcularPrazo } from '../../rules/prazos';
import { eventualmente, processoComPrazo } from '../support/prazo-em-curso';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const CNPJ = '11222333000181';
const UNIDADE = 'METROPOLITANA I';
// METROPOLITANA I is seated in Rio de Janeiro (migration 2026_11_29_unidade); Rio's 20/01 is its municipal row.
const LOCAL: Local = { uf: 'RJ', municipio: '3304557', unidade: UNIDADE };

let sys: TestSystem;
let admin: Conta, representante: Conta, inspetor: Conta;
const inep = () => `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

beforeAll(async () => {
  sys = await startTestSystem();
  [admin, representante, inspetor] = await Promise.all([
    sys.conta({ papeis: ['administrador'] }),
    sys.conta({ papeis: ['representante'], instituicoes: [CNPJ] }),
    sys.conta({ papeis: ['inspetor'], unidade: UNIDADE }),
  ]);
});
afterAll(async () => {
  await sys?.stop();
});

const vencimento = (id: string) => sys.db.selectFrom('prazo_processo').select(['vencimento', 'versao']).where('processo_id', '=', id).executeTakeFirstOrThrow();
const eventos = async (id: string) =>
  (await sys.db.selectFrom('processo_evento').select('descricao').where('processo_id', '=', id).where('tipo', '=', 'prazo').execute()).map((e) => e.descricao);

describe('expediente reduzido no último dia de um prazo em curso', () => {
  it('o prazo passa ao dia útil seguinte; a linha do tempo diz por quê', async () => {
    const { id, prazo } = await processoComPrazo(sys, representante, inspetor, UNIDADE, inep());
    const parcial = {
      data: prazo.vencimento,
      escopo: 'unidade',
      unidade: UNIDADE,
      tipo: 'expediente-parcial',
      motivo: 'Ponto facultativo até as 14h (teste)',
      atoLegal: 'Portaria COOIE 1/2026 (teste)',
    } as const;
    const esperado = calcularPrazo({ ciencia: prazo.ciencia, dias: 10, local: LOCAL, diasDecretados: [parcial as DiaDecretado] });
    expect(esperado.vencimento > prazo.vencimento).toBe(true);
    const r = await sys.request('POST', '/v1/calendario/decretados', { as: admin, body: parcial });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.diaDecretado.tipo).toBe('expediente-parcial');
    expect(r.body.processos).toContain(id);
    await eventualmente(() => vencimento(id), (v) => v.vencimento === esperado.vencimento, { rotulo: 'prazo movido pelo expediente reduzido' });
    await eventualmente(() => eventos(id), (d) => d.some((x) => x === `Calendário alterado: ${prazo.vencimento} incluído como dia de expediente reduzido, em que nenhum prazo começa nem vence (Ponto facultativo até as 14h (teste) (Portaria COOIE 1/2026 (teste)))`), {
      rotulo: 'motivo na linha do tempo',
    });
    // A reduced expediente is still a business day: the calendar of the year does not list it as non-business.
    const cal = await sys.request('GET', `/v1/calendario/${prazo.vencimento.slice(0, 4)}?unidade=${encodeURIComponent(UNIDADE)}&municipio=3304557`, { as: admin });
    expect(cal.body.naoUteis.map((n: { data: string }) => n.data)).not.toContain(prazo.vencimento);
    expect(cal.body.restritos).toContainEqual({ data: prazo.vencimento, motivo: 'Ponto facultativo até as 14h (teste) (Portaria COOIE 1/2026 (teste))', tipo: 'expediente-parcial' });
    const fora = await sys.request('DELETE', `/v1/calendario/decretados/${r.body.diaDecretado.id}`, { as: admin });
    expect(fora.status).toBe(200);
    await eventualmente(() => vencimento(id), (v) => v.vencimento === prazo.vencimento, { rotulo: 'prazo de volta' });
  });
});

describe('indisponibilidade do rito registrada pelo administrador', () => {
  it('o prazo que venceria no período passa ao dia útil seguinte, com o motivo na linha do tempo', async () => {
    const { id, prazo } = await processoComPrazo(sys, representante, inspetor, UNIDADE, inep());
    const queda = { inicio: `${prazo.vencimento}T14:00:00-03:00`, fim: `${prazo.vencimento}T18:30:00-03:00`, motivo: 'Falha do banco de dados (teste)' };
    // Only an administrador records outages; the period is checked.
    expect((await sys.request('POST', '/v1/calendario/indisponibilidades', { as: inspetor, body: queda })).status).toBe(403);
    const invertida = await sys.request('POST', '/v1/calendario/indisponibilidades', { as: admin, body: { ...queda, fim: queda.inicio } });
    expect(invertida.status).toBe(400);
    expect(invertida.body.erro.campos[0]).toEqual({ campo: 'fim', mensagem: 'fim deve ser posterior ao início' });
    const semFuso = await sys.request('POST', '/v1/calendario/indisponibilidades', { as: admin, body: { ...queda, inicio: `${prazo.vencimento}T14:00:00` } });
    expect(semFuso.status).toBe(400);
    expect(semFuso.body.erro.campos[0].campo).toBe('inicio');

    const dia: DiaDecretado = { data: prazo.vencimento, escopo: 'nacional', tipo: 'indisponibilidade', motivo: 'queda', atoLegal: 'registro' };
    const esperado = calcularPrazo({ ciencia: prazo.ciencia, dias: 10, local: LOCAL, diasDecretados: [dia] });
    expect(esperado.vencimento > prazo.vencimento).toBe(true);
    const r = await sys.request('POST', '/v1/calendario/indisponibilidades', { as: admin, body: queda });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.indisponibilidade).toMatchObject({ inicio: queda.inicio, fim: queda.fim, dias: [prazo.vencimento], registradoPor: admin.id });
    expect(r.body.processos).toContain(id);
    await eventualmente(() => vencimento(id), (v) => v.vencimento === esperado.vencimento, { rotulo: 'prazo movido pela indisponibilidade' });
    const linha = await eventualmente(
      () => eventos(id),
      (d) => d.some((x) => x.startsWith('Calendário alterado: indisponibilidade do rito de')),
      { rotulo: 'motivo na linha do tempo' },
    );
    expect(linha.find((x) => x.startsWith('Calendário alterado: indisponibilidade'))).toBe(
      `Calendário alterado: indisponibilidade do rito de ${queda.inicio} a ${queda.fim} (Falha do banco de dados (teste)) registrada; ` +
        'o prazo que vencer nesse período prorroga-se para o primeiro dia útil seguinte (Instrução Normativa SEI-MEC (DOU de 16/10/2025), art. 18, VI; Lei 11.419/2006, art. 10, § 2º)',
    );
    // The same record again returns it (200); the audit trail has one entry.
    const de = await sys.request('POST', '/v1/calendario/indisponibilidades', { as: admin, body: queda });
    expect(de.status).toBe(200);
    expect(de.body.criada).toBe(false);
    const trilha = await sys.db.selectFrom('auditoria').select('resumo').where('acao', '=', 'calendario.registrar-indisponibilidade').execute();
    expect(trilha.filter((t) => t.resumo.startsWith('Registrada'))).toHaveLength(1);
    // Removed (recorded by mistake): the limit comes back.
    const fora = await sys.request('DELETE', `/v1/calendario/indisponibilidades/${r.body.indisponibilidade.id}`, { as: admin });
    expect(fora.status).toBe(200);
    expect(fora.body.removida).toBe(true);
    await eventualmente(() => vencimento(id), (v) => v.vencimento === prazo.vencimento, { rotulo: 'prazo de volta' });
  });
});

describe('indisponibilidades detectadas pelos batimentos do rito', () => {
  it('um trecho sem batimento aparece para o administrador confirmar; registrado, aparece como tal', async () => {
    // The API was up 09:00–09:05 and 09:40–09:42 (Brasília) on 02/11/2025: 34 minutes without a heartbeat, 09:06 to 09:40.
    const minutos = [0, 1, 2, 3, 4, 5, 40, 41, 42].map((m) => new Date(Date.parse('2025-11-02T09:00:00-03:00') + m * 60_000));
    for (const m of minutos) await registrarBatimento(sys.db, new Date(m.getTime() + 17_000)); // any second of the minute
    await registrarBatimento(sys.db, minutos[0]); // the same minute again: one row
    const url = `/v1/calendario/indisponibilidades/detectadas?de=${encodeURIComponent('2025-11-02T08:00:00-03:00')}&ate=${encodeURIComponent('2025-11-02T12:00:00-03:00')}`;
    expect((await sys.request('GET', url, { as: inspetor })).status).toBe(403);
    const r = await sys.request('GET', url, { as: admin });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.itens).toEqual([{ inicio: '2025-11-02T09:06:00-03:00', fim: '2025-11-02T09:40:00-03:00', minutos: 34, registrada: false }]);
    // Shorter stretches than asked for are not reported.
    expect((await sys.request('GET', `${url}&minimoMinutos=40`, { as: admin })).body.itens).toEqual([]);
    // Confirmed by the administrator, it is reported as recorded.
    const c = await sys.request('POST', '/v1/calendario/indisponibilidades', { as: admin, body: { inicio: '2025-11-02T09:06:00-03:00', fim: '2025-11-02T09:40:00-03:00', motivo: 'Queda detectada pelos batimentos (teste)' } });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect((await sys.request('GET', url, { as: admin })).body.itens[0].registrada).toBe(true);
  });
});

