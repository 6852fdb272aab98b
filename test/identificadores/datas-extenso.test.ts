import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DIAS_DA_SEMANA,
  MESES,
  dataNumerica,
  dataPorExtenso,
  diaDaSemana,
  diasNoMes,
  indiceDiaDaSemana,
  isAnoBissexto,
  isDataIsoValida,
  lerDataIso,
  nomeDoMes,
} from '../../rules/datas/extenso';

describe('dataPorExtenso', () => {
  it('writes dates in full, pt-BR', () => {
    expect(dataPorExtenso('2026-11-21')).toBe('21 de novembro de 2026');
    expect(dataPorExtenso('2026-03-05')).toBe('5 de março de 2026');
    expect(dataPorExtenso({ ano: 2025, mes: 10, dia: 16 })).toBe('16 de outubro de 2025');
  });

  it('uses the ordinal for the first day of the month (Manual de Redação)', () => {
    expect(dataPorExtenso('2026-12-01')).toBe('1º de dezembro de 2026');
    expect(dataPorExtenso('2027-01-01')).toBe('1º de janeiro de 2027');
    expect(dataPorExtenso('2026-12-11')).toBe('11 de dezembro de 2026');
    expect(dataPorExtenso('2026-12-21')).toBe('21 de dezembro de 2026');
  });

  it('can prefix the weekday', () => {
    expect(dataPorExtenso('2026-11-21', { diaDaSemana: true })).toBe('sábado, 21 de novembro de 2026');
    expect(dataPorExtenso('2026-09-08', { diaDaSemana: true })).toBe('terça-feira, 8 de setembro de 2026');
    expect(dataPorExtenso('2026-10-01', { diaDaSemana: true })).toBe('quinta-feira, 1º de outubro de 2026');
  });

  it('refuses malformed and non-existent dates with a pt-BR message', () => {
    expect(() => dataPorExtenso('21/11/2026')).toThrow('Data deve estar no formato AAAA-MM-DD');
    expect(() => dataPorExtenso('2026-11-21T10:00:00Z')).toThrow(RangeError);
    expect(() => dataPorExtenso('2026-02-29')).toThrow('Data inexistente: dia 29 em fevereiro de 2026');
    expect(() => dataPorExtenso('2026-13-01')).toThrow('Mês inválido: 13');
    expect(() => dataPorExtenso('2026-04-31')).toThrow(RangeError);
    expect(() => dataPorExtenso({ ano: 2026, mes: 1, dia: 0 })).toThrow(RangeError);
    expect(dataPorExtenso('2028-02-29')).toBe('29 de fevereiro de 2028');
  });
});

describe('dias da semana e meses', () => {
  it('names the weekdays of the DOMAIN.md worked examples (RJ calendar 2026)', () => {
    expect(diaDaSemana('2026-09-02')).toBe('quarta-feira');
    expect(diaDaSemana('2026-09-07')).toBe('segunda-feira');
    expect(diaDaSemana('2026-10-09')).toBe('sexta-feira');
    expect(diaDaSemana('2026-10-15')).toBe('quinta-feira');
    expect(diaDaSemana('2026-11-01')).toBe('domingo');
    expect(diaDaSemana('2026-11-03')).toBe('terça-feira');
  });

  it('handles era and century edges', () => {
    expect(diaDaSemana('1970-01-01')).toBe('quinta-feira');
    expect(diaDaSemana('2000-02-29')).toBe('terça-feira');
    expect(diaDaSemana('1900-03-01')).toBe('quinta-feira');
    expect(diaDaSemana('0001-01-01')).toBe('segunda-feira');
    expect(diaDaSemana('9999-12-31')).toBe('sexta-feira');
  });

  it('property: agrees with Date.UTC for every date from year 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (ano, mes, dia) => {
        fc.pre(dia <= diasNoMes(ano, mes));
        const d = new Date(0);
        d.setUTCFullYear(ano, mes - 1, dia);
        expect(indiceDiaDaSemana({ ano, mes, dia })).toBe(d.getUTCDay());
      }),
      { numRuns: 5000 },
    );
  });

  it('has the month and weekday names in lowercase pt-BR', () => {
    expect(MESES).toHaveLength(12);
    expect(DIAS_DA_SEMANA).toHaveLength(7);
    expect(nomeDoMes(3)).toBe('março');
    expect(() => nomeDoMes(0)).toThrow(RangeError);
    expect(DIAS_DA_SEMANA[0]).toBe('domingo');
    expect(DIAS_DA_SEMANA[6]).toBe('sábado');
  });
});

describe('auxiliares', () => {
  it('leap years and month lengths', () => {
    expect(isAnoBissexto(2024)).toBe(true);
    expect(isAnoBissexto(2026)).toBe(false);
    expect(isAnoBissexto(1900)).toBe(false);
    expect(isAnoBissexto(2000)).toBe(true);
    expect(diasNoMes(2026, 2)).toBe(28);
    expect(diasNoMes(2026, 11)).toBe(30);
  });

  it('reads ISO dates and writes DD/MM/AAAA', () => {
    expect(lerDataIso('2026-11-21')).toEqual({ ano: 2026, mes: 11, dia: 21 });
    expect(isDataIsoValida('2026-11-31')).toBe(false);
    expect(isDataIsoValida('2026-11-30')).toBe(true);
    // Only ASCII digits in AAAA-MM-DD, with nothing before or after.
    for (const torta of ['2026-1a-21', '2026/11/21', '２０２６-11-21', ' 2026-11-2', '2026-11-21 ', '+026-11-21', '0000-01-01', '']) {
      expect(isDataIsoValida(torta), torta).toBe(false);
    }
    expect(dataNumerica('2026-11-01')).toBe('01/11/2026');
    expect(dataNumerica('2026-12-25')).toBe('25/12/2026');
  });
});
