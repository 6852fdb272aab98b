/**
 * The year index of business days (rules/calendario/indice.ts): the lookups the
 * prazo engine uses — the Nth business day, the next business day and the
 * non-business days between two dates — across the turn of a year and with a
 * decreed day laid over the index by law (which must not leak into another
 * calendar of the same place).
 */
import { describe, expect, it } from 'vitest';
import { criarCalendario, formatarData, lerData } from '../../rules/calendario';

const dia = (s: string) => lerData(s, 'data');
const data = (n: number) => formatarData(n);

describe('índice anual de dias úteis', () => {
  it('o enésimo dia útil atravessa a virada do ano', () => {
    // RJ, by hand: qua 30/12/2026 excluded; qui 31/12 is a business day by law (1), sex 01/01/2027
    // Confraternização Universal, sáb 02 and dom 03/01 weekend, seg 04/01 (2), ter 05/01 (3).
    const cal = criarCalendario({ uf: 'RJ' });
    expect(data(cal.enesimoDiaUtilApos(dia('2026-12-30'), 1))).toBe('2026-12-31');
    expect(data(cal.enesimoDiaUtilApos(dia('2026-12-30'), 2))).toBe('2027-01-04');
    expect(data(cal.enesimoDiaUtilApos(dia('2026-12-30'), 3))).toBe('2027-01-05');
    expect(data(cal.proximoDiaUtil(dia('2027-01-01')))).toBe('2027-01-04');
    const entre: { data: string; motivo: string }[] = [];
    cal.naoUteisEntre(dia('2026-12-31'), dia('2027-01-04'), entre);
    expect(entre.map((n) => n.data)).toEqual(['2027-01-01', '2027-01-02', '2027-01-03']);
    expect(entre[0].motivo).toMatch(/^Feriado nacional — Confraternização Universal/);
    expect(entre[1].motivo).toBe('Sábado');
  });

  it('o 10º dia útil de janeiro, com e sem um dia decretado, sem contaminar outro calendário do lugar', () => {
    // RJ, January 2026 by hand: qui 01/01 holiday; sex 02 (1); 05–09 (2–6); 12, 13, 14, 15 (7–10).
    const porLei = criarCalendario({ uf: 'RJ' });
    expect(data(porLei.enesimoDiaUtilApos(dia('2025-12-31'), 10))).toBe('2026-01-15');
    // A day without expediente on ter 06/01 pushes the 10th to sex 16/01.
    const comDecreto = criarCalendario({ uf: 'RJ' }, [{ data: '2026-01-06', escopo: 'uf', uf: 'RJ', motivo: 'Ponto facultativo', atoLegal: 'Decreto X' }]);
    expect(data(comDecreto.enesimoDiaUtilApos(dia('2025-12-31'), 10))).toBe('2026-01-16');
    expect(comDecreto.motivoNaoUtil(dia('2026-01-06'))).toBe('Ponto facultativo (Decreto X)');
    expect(criarCalendario({ uf: 'RJ' }).ehDiaUtil(dia('2026-01-06'))).toBe(true);
  });
});
