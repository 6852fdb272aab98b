/**
 * "Faltam N dias úteis" on the pages (paginas/prazos.ts): the days after today
 * up to the prazo's last day, on the calendar of the process's unit with its
 * decreed days. Each expected count below is worked out by hand from the
 * calendar of November 2026.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restante } from '../../paginas/prazos';
import { freshDatabase } from '../support/database';

let banco: Awaited<ReturnType<typeof freshDatabase>>;
const UNIDADE = 'METROPOLITANA I';
/** Thursday 19/11/2026, noon in Brasília. */
const QUINTA_19 = Date.parse('2026-11-19T12:00:00-03:00');

beforeAll(async () => {
  banco = await freshDatabase();
}, 60_000);

afterAll(async () => {
  await banco?.drop();
});

describe('o que resta de um prazo', () => {
  it('conta os dias úteis depois de hoje até o último dia, sem feriados nem fim de semana', async () => {
    // Last day Tue 24/11. After Thu 19: Fri 20 is the Dia Nacional de Zumbi e da Consciência Negra (Lei 14.759/2023),
    // Sat 21 and Sun 22 are not business days, Mon 23 and Tue 24 are: 2 business days.
    expect(await restante(banco.db, UNIDADE, '2026-11-24', true, QUINTA_19)).toEqual({ texto: 'faltam 2 dias úteis', urgente: true, vencido: false });
  });

  it('um prazo em dias corridos conta todos os dias', async () => {
    // Fri 20, Sat 21, Sun 22, Mon 23, Tue 24: 5 days.
    expect(await restante(banco.db, UNIDADE, '2026-11-24', false, QUINTA_19)).toEqual({ texto: 'faltam 5 dias', urgente: false, vencido: false });
  });

  it('um dia decretado sem expediente na unidade não conta', async () => {
    await banco.db
      .insertInto('dia_decretado')
      .values({ data: '2026-11-23', escopo: 'unidade', uf: null, municipio: null, unidade: UNIDADE, motivo: 'Sem expediente (teste)', ato_legal: 'Portaria de teste', criado_por: 'teste' })
      .execute();
    // As above, less Mon 23: only Tue 24.
    expect(await restante(banco.db, UNIDADE, '2026-11-24', true, QUINTA_19)).toEqual({ texto: 'falta 1 dia útil', urgente: true, vencido: false });
    // Another unit's calendar is not touched.
    expect((await restante(banco.db, 'NORTE FLUMINENSE', '2026-11-24', true, QUINTA_19)).texto).toBe('faltam 2 dias úteis');
  });

  it('no último dia, vence hoje às 23:59:59; depois dele, o prazo está encerrado', async () => {
    expect(await restante(banco.db, UNIDADE, '2026-11-19', true, QUINTA_19)).toEqual({ texto: 'vence hoje, às 23:59:59', urgente: true, vencido: false });
    // 23:59:59 of the last day is still that day in Brasília.
    expect((await restante(banco.db, UNIDADE, '2026-11-19', true, Date.parse('2026-11-19T23:59:59-03:00'))).texto).toBe('vence hoje, às 23:59:59');
    expect(await restante(banco.db, UNIDADE, '2026-11-18', true, QUINTA_19)).toEqual({ texto: 'prazo encerrado', urgente: true, vencido: true });
  });
});
