/**
 * The minimum of art. 2º (Portaria Interministerial MEC/MC nº 3/2022) at the edges of each band.
 * The age is taken on the first day of the month apurado (rules/frequencia/minimo.ts); every case
 * below apura March 2027, so the reference date is 01/03/2027.
 */
import { describe, expect, it } from 'vitest';
import { apurarMes, idadeEm, minimoDeFrequencia } from '../../rules/frequencia/minimo';

const mes = '2027-03';
const minimo = (dataNascimento: string, educacaoBasicaConcluida = false) => minimoDeFrequencia({ dataNascimento, educacaoBasicaConcluida, mes });

describe('frequência mínima por idade (art. 2º)', () => {
  it('3 years and 364 days: no minimum', () => {
    // Born 02/03/2023: on 01/03/2027 the 4th birthday (02/03/2027) is one day away → 3 years, 364 days.
    const r = minimo('2023-03-02');
    expect(r).toMatchObject({ minimo: null, idade: 3, referencia: '2027-03-01' });
    expect(r.explicacao).toMatch(/menos de 4 anos/);
  });

  it('4 years on the reference date: 60%', () => {
    // Born 01/03/2023: 4 years completed exactly on 01/03/2027 → band "4 e 5 anos", 60%.
    expect(minimo('2023-03-01')).toMatchObject({ minimo: 60, idade: 4, faixa: '4 e 5 anos' });
  });

  it('5 years and 364 days: still 60%; 6 years: 75%', () => {
    // Born 02/03/2021: turns 6 on 02/03/2027, so on 01/03 still 5 → 60%.
    expect(minimo('2021-03-02')).toMatchObject({ minimo: 60, idade: 5 });
    // Born 01/03/2021: 6 on 01/03/2027 → band 6 to 17, 75%.
    expect(minimo('2021-03-01')).toMatchObject({ minimo: 75, idade: 6, faixa: '6 a 17 anos' });
  });

  it('a birthday inside the month moves the band only from the next month', () => {
    // Born 15/03/2021: 5 on 01/03/2027 (60% for March); 6 on 01/04/2027 (75% for April).
    expect(minimo('2021-03-15').minimo).toBe(60);
    expect(minimoDeFrequencia({ dataNascimento: '2021-03-15', educacaoBasicaConcluida: false, mes: '2027-04' }).minimo).toBe(75);
  });

  it('20 years: 75% while basic education is not concluded, none once it is', () => {
    // Born 02/03/2006: 21 on 02/03/2027 → on 01/03/2027 still 20 (art. 9º II c: 18 to 21 incompletos).
    expect(minimo('2006-03-02', false)).toMatchObject({ minimo: 75, idade: 20, faixa: '18 a 20 anos, sem educação básica concluída' });
    const concluida = minimo('2006-03-02', true);
    expect(concluida).toMatchObject({ minimo: null, idade: 20 });
    expect(concluida.explicacao).toMatch(/já concluiu a educação básica/);
  });

  it('21 years: no minimum, concluded or not', () => {
    // Born 01/03/2006: 21 completed on 01/03/2027 → "21 anos incompletos" no longer holds.
    expect(minimo('2006-03-01', false)).toMatchObject({ minimo: null, idade: 21 });
    expect(minimo('2006-03-01').explicacao).toMatch(/21 anos ou mais/);
  });

  it('29 February birthdays complete the year on 1 March in common years', () => {
    expect(idadeEm('2020-02-29', '2027-02-28')).toBe(6);
    expect(idadeEm('2020-02-29', '2027-03-01')).toBe(7);
  });
});

describe('índice mensal sobre os dias letivos (art. 2º § 1º)', () => {
  const seis = '2019-01-10'; // 8 years in March 2027: 75%

  it('75% exactly meets the minimum; one presence less is below', () => {
    // 15 of 20 = 75,0% → meets; 14 of 20 = 70,0% → below.
    expect(apurarMes({ dataNascimento: seis, educacaoBasicaConcluida: false, mes, diasLetivos: 20, presencas: 15 })).toMatchObject({ percentual: 75, abaixo: false });
    const r = apurarMes({ dataNascimento: seis, educacaoBasicaConcluida: false, mes, diasLetivos: 20, presencas: 14 });
    expect(r).toMatchObject({ percentual: 70, abaixo: true, minimo: 75 });
    expect(r.explicacao).toMatch(/^14 presenças em 20 dias letivos: 70%, abaixo do mínimo de 75%/);
  });

  it('is never rounded up into compliance', () => {
    // 17 of 23 = 73,91…% → shown 73,9% and below 75%; 3 of 4 = 75% exactly → meets.
    expect(apurarMes({ dataNascimento: seis, educacaoBasicaConcluida: false, mes, diasLetivos: 23, presencas: 17 })).toMatchObject({ percentual: 73.9, abaixo: true });
    expect(apurarMes({ dataNascimento: seis, educacaoBasicaConcluida: false, mes, diasLetivos: 4, presencas: 3 }).abaixo).toBe(false);
  });

  it('a month without dias letivos has no índice; no minimum means never below', () => {
    expect(apurarMes({ dataNascimento: seis, educacaoBasicaConcluida: false, mes, diasLetivos: 0, presencas: 0 })).toMatchObject({ percentual: null, abaixo: false });
    expect(apurarMes({ dataNascimento: '2024-01-01', educacaoBasicaConcluida: false, mes, diasLetivos: 20, presencas: 0 })).toMatchObject({ minimo: null, abaixo: false, percentual: 0 });
  });

  it('refuses impossible figures', () => {
    expect(() => apurarMes({ dataNascimento: seis, educacaoBasicaConcluida: false, mes, diasLetivos: 32, presencas: 1 })).toThrow(/dias letivos/);
    expect(() => apurarMes({ dataNascimento: seis, educacaoBasicaConcluida: false, mes, diasLetivos: 10, presencas: 11 })).toThrow(/presenças/);
  });
});
