/**
 * The Relatório Anual owed by each institution (GET /v1/obrigacoes/relatorio-anual),
 * against the processes of the real system, on the machine's clock: the
 * obligation of next year is not due yet, last year's is past (the due dates
 * themselves are derived by hand in test/obrigacoes/vencimentos.test.ts; the last
 * business day of May is always between the 25th and the 31st).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { abrirProcesso } from '../support/abertura';
import { type Conta, startTestSystem, type TestSystem } from '../support/system';

const CNPJ = '11222333000181';
const ANO = Number(new Date().toLocaleString('en-CA', { timeZone: 'America/Sao_Paulo' }).slice(0, 4));
const FIM_DE_MAIO = /^\d{4}-05-(2[5-9]|3[01])$/;
const INEP_ENTREGOU = `33${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
const INEP_DEVE = `34${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;

let sys: TestSystem;
let rl: Conta, inspetor: Conta, outraUnidade: Conta;
beforeAll(async () => {
  sys = await startTestSystem();
  [rl, inspetor, outraUnidade] = await Promise.all([
    sys.conta({ papeis: ['representante'], instituicoes: [CNPJ] }),
    sys.conta({ papeis: ['inspetor'], unidade: 'METROPOLITANA I' }),
    sys.conta({ papeis: ['inspetor'], unidade: 'SERRANA I' }),
  ]);
  const ra = await abrirProcesso(sys, rl, { tipo: 'relatorio-anual', cnpj: CNPJ, codigoInep: INEP_ENTREGOU });
  const r = await sys.request('POST', `/v1/processos/${ra}/relatorio-anual/entregar-relatorio`, {
    as: rl,
    headers: { 'idempotency-key': randomUUID() },
    body: { anoLetivo: ANO, cursosAutorizados: ['Ensino Fundamental'], turnos: ['manha'], totalAlunos: 300, atosAutorizativos: ['Parecer CEE nº 1/2010'] },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  await abrirProcesso(sys, rl, { cnpj: CNPJ, codigoInep: INEP_DEVE });
}, 120_000);
afterAll(async () => {
  await sys?.stop();
});

const situacoes = async (como: Conta, ano: number) => {
  const r = await sys.request('GET', `/v1/obrigacoes/relatorio-anual?ano=${ano}`, { as: como });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return Object.fromEntries((r.body.itens as { instituicao: { codigoInep: string }; situacao: string; vencimento: string }[]).map((i) => [i.instituicao.codigoInep, [i.situacao, i.vencimento]]));
};

describe('Relatório Anual devido por instituição', () => {
  it('says, per institution, its due date and whether it was delivered, late or is still owed', async () => {
    const proximo = await situacoes(inspetor, ANO + 1);
    // Delivered now, reporting this school year, for next year's obligation: on time; the other school owes it, not yet due.
    expect(proximo[INEP_ENTREGOU]).toEqual(['entregue', expect.stringMatching(FIM_DE_MAIO)]);
    expect(proximo[INEP_DEVE]).toEqual(['a-vencer', expect.stringMatching(FIM_DE_MAIO)]);
    expect(proximo[INEP_ENTREGOU]![1]!.startsWith(String(ANO + 1))).toBe(true);
    // Last year's (reporting the year before): no one delivered it, and its last business day of May has passed.
    const passado = await situacoes(inspetor, ANO - 1);
    expect(passado[INEP_ENTREGOU]).toEqual(['em-atraso', expect.stringMatching(FIM_DE_MAIO)]);
  });

  it('shows only what the caller may see, and refuses a bad year in Portuguese', async () => {
    expect(await situacoes(outraUnidade, ANO + 1)).not.toHaveProperty(INEP_ENTREGOU);
    // A year before the calendar's first (2010) cannot be counted: refused, never a server error (found by the contract fuzzing).
    for (const ano of [1999, 2005]) {
      const ruim = await sys.request('GET', `/v1/obrigacoes/relatorio-anual?ano=${ano}`, { as: inspetor });
      expect(ruim.status).toBe(400);
      expect(JSON.stringify(ruim.body)).toMatch(/ano inválido: use de 2010 a 2099/);
    }
  });
});
