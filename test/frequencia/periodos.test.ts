/** The five periods of the bimonthly consolidation (art. 3º) and their registration windows. */
import { describe, expect, it } from 'vitest';
import { diasRestantes, janelaDoPeriodo, mesesDoPeriodo, periodoDoMes } from '../../rules/frequencia/periodos';

describe('períodos e janelas de registro', () => {
  it('maps each month to its period; January and December have none', () => {
    expect(periodoDoMes('2027-02')).toEqual({ ano: 2027, periodo: 1 });
    expect(periodoDoMes('2027-05')).toEqual({ ano: 2027, periodo: 2 });
    expect(periodoDoMes('2027-11')).toEqual({ ano: 2027, periodo: 5 });
    expect(periodoDoMes('2027-01')).toBeNull();
    expect(periodoDoMes('2027-12')).toBeNull();
    expect(mesesDoPeriodo(2027, 4)).toEqual(['2027-08', '2027-09']);
  });

  it('without a published calendar, the default window is the month after the period, marked as default', () => {
    // Period 1 (fev–mar 2027) → April 2027, 01/04 to 30/04; period 5 (out–nov) → December, to 31/12.
    expect(janelaDoPeriodo(2027, 1)).toMatchObject({ inicio: '2027-04-01', fim: '2027-04-30', padrao: true });
    expect(janelaDoPeriodo(2027, 5)).toMatchObject({ inicio: '2027-12-01', fim: '2027-12-31', padrao: true });
    expect(janelaDoPeriodo(2027, 1).fonte).toMatch(/Padrão do rito/);
  });

  it('a published window wins over the default', () => {
    const publicada = { ano: 2027, periodo: 1 as const, inicio: '2027-04-05', fim: '2027-04-26', fonte: 'Calendário MEC/MDS 2027', padrao: false };
    expect(janelaDoPeriodo(2027, 1, [publicada])).toBe(publicada);
  });

  it('counts the days left including today', () => {
    const j = { inicio: '2027-04-01', fim: '2027-04-30' };
    // 20/04 to 30/04 inclusive = 11 days; the last day counts 1; after it, 0; before it opens, all 30.
    expect(diasRestantes(j, '2027-04-20')).toBe(11);
    expect(diasRestantes(j, '2027-04-30')).toBe(1);
    expect(diasRestantes(j, '2027-05-01')).toBe(0);
    expect(diasRestantes(j, '2027-03-15')).toBe(30);
  });
});
