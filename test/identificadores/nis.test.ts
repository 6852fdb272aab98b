import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IdentificadorInvalidoError,
  calcularDigitoNis,
  formatarNis,
  isNisValido,
  mascararNis,
  normalizarNis,
  validarNis,
} from '../../rules/identificadores';

const corpo = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }).map((a) => a.join(''));
const PESOS = [3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const restoNis = (nis: string) => PESOS.reduce((s, p, i) => s + p * Number(nis[i]), 0) % 11;

describe('NIS / PIS / PASEP', () => {
  it('computes the check digit with weights 3,2,9,8,7,6,5,4,3,2', () => {
    // 1·3+2·2+0·9+5·8+6·7+4·6+1·5+2·4+5·3+4·2 = 149; 149 mod 11 = 6; 11 − 6 = 5
    expect(calcularDigitoNis('1205641254')).toBe('5');
    expect(calcularDigitoNis('4000000000')).toBe('0'); // sum 12, remainder 1: 11 − 1 = 10 → 0
    expect(calcularDigitoNis('1000000004')).toBe('0'); // sum 11, remainder 0: 11 − 0 = 11 → 0
    expect(calcularDigitoNis('1000000003')).toBe('2'); // sum 9, remainder 9: 11 − 9 = 2
  });

  it('accepts valid NIS bare or formatted', () => {
    for (const v of ['12056412545', '120.56412.54-5', '120 56412 54 5']) {
      expect(validarNis(v), v).toEqual({ valido: true, valor: '12056412545' });
    }
    expect(formatarNis('12056412545')).toBe('120.56412.54-5');
    expect(normalizarNis('120.56412.54-5')).toBe('12056412545');
  });

  it('gives a precise reason for each kind of invalid NIS', () => {
    expect(validarNis('120.56412.54-7')).toMatchObject({ valido: false, motivo: 'digito', mensagem: 'NIS inválido: dígito verificador não confere' });
    expect(validarNis('1205641254')).toMatchObject({ motivo: 'tamanho', mensagem: 'NIS deve ter 11 dígitos' });
    expect(validarNis('1205641254A')).toMatchObject({ motivo: 'caracteres' });
    expect(validarNis('00000000000')).toMatchObject({ motivo: 'repetido' });
    expect(validarNis('')).toMatchObject({ motivo: 'vazio' });
    expect(() => formatarNis('12056412547')).toThrow(IdentificadorInvalidoError);
  });

  it('masks like a CPF: first three and last two digits hidden', () => {
    expect(mascararNis('12056412545')).toBe('***.56412.5*-*');
    expect(mascararNis('120.56412.54-5')).toBe('***.56412.5*-*');
    expect(mascararNis('abc')).toBe('***.*****.**-*');
  });

  it('property: a 10-digit body plus its computed check digit always validates', () => {
    fc.assert(
      fc.property(corpo, (base) => {
        const nis = base + calcularDigitoNis(base);
        fc.pre(!/^(\d)\1{10}$/.test(nis));
        expect(isNisValido(nis)).toBe(true);
        expect(isNisValido(formatarNis(nis))).toBe(true);
      }),
    );
  });

  it('property: changing the check digit always invalidates', () => {
    fc.assert(
      fc.property(corpo, fc.integer({ min: 1, max: 9 }), (base, delta) => {
        const nis = base + calcularDigitoNis(base);
        expect(isNisValido(nis.slice(0, 10) + ((Number(nis[10]) + delta) % 10))).toBe(false);
      }),
    );
  });

  it('property: a single-digit change in the body invalidates, except when the remainder moves between 0 and 1 (both give 0)', () => {
    fc.assert(
      fc.property(corpo, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        const nis = base + calcularDigitoNis(base);
        const alterado = nis.slice(0, pos) + ((Number(nis[pos]) + delta) % 10) + nis.slice(pos + 1);
        if (isNisValido(alterado)) {
          const a = restoNis(nis);
          const b = restoNis(alterado);
          expect(a !== b && a < 2 && b < 2).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
