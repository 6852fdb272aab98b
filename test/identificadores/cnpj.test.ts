import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IdentificadorInvalidoError,
  calcularDigitosCnpj,
  formatarCnpj,
  formatarCnpjValidado,
  isCnpjAlfanumerico,
  isCnpjValido,
  normalizarCnpj,
  raizCnpj,
  validarCnpj,
  valorCaractereCnpj,
} from '../../rules/identificadores';

const ALFANUMERICOS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const corpoNumerico = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 12, maxLength: 12 }).map((a) => a.join(''));
const corpoAlfanumerico = fc.array(fc.constantFrom(...ALFANUMERICOS), { minLength: 12, maxLength: 12 }).map((a) => a.join(''));

/** Independent oracle: raw mod-11 remainders behind the two CNPJ check digits. */
function restosCnpj(cnpj: string): [number, number] {
  const v = cnpj.split('').map((c) => c.charCodeAt(0) - 48);
  const p1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  const p2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
  return [p1.reduce((s, p, i) => s + p * v[i]!, 0) % 11, p2.reduce((s, p, i) => s + p * v[i]!, 0) % 11];
}

describe('CNPJ', () => {
  it('accepts the Receita Federal alphanumeric example 12.ABC.345/01DE-35', () => {
    expect(calcularDigitosCnpj('12ABC34501DE')).toBe('35');
    expect(validarCnpj('12.ABC.345/01DE-35')).toEqual({ valido: true, valor: '12ABC34501DE35' });
    expect(validarCnpj('12abc34501de35')).toEqual({ valido: true, valor: '12ABC34501DE35' });
    expect(isCnpjAlfanumerico('12.ABC.345/01DE-35')).toBe(true);
    expect(formatarCnpj('12abc34501de35')).toBe('12.ABC.345/01DE-35');
    expect(raizCnpj('12.ABC.345/01DE-35')).toBe('12ABC345');
  });

  it('accepts real numeric CNPJs (Banco do Brasil, Petrobras)', () => {
    for (const v of ['00.000.000/0001-91', '00000000000191', '33.000.167/0001-01']) {
      expect(isCnpjValido(v), v).toBe(true);
      expect(isCnpjAlfanumerico(v)).toBe(false);
    }
    expect(formatarCnpj('33000167000101')).toBe('33.000.167/0001-01');
  });

  it('character values are ASCII − 48 (IN RFB 2.229/2024)', () => {
    expect(valorCaractereCnpj('0')).toBe(0);
    expect(valorCaractereCnpj('9')).toBe(9);
    expect(valorCaractereCnpj('A')).toBe(17);
    expect(valorCaractereCnpj('Z')).toBe(42);
  });

  it('gives a precise reason for each kind of invalid CNPJ', () => {
    expect(validarCnpj('12.ABC.345/01DE-36')).toMatchObject({ valido: false, motivo: 'digito', mensagem: 'CNPJ inválido: dígito verificador não confere' });
    expect(validarCnpj('00.000.000/0001-92')).toMatchObject({ motivo: 'digito' });
    expect(validarCnpj('12.ABC.345/01DE-3A')).toMatchObject({ motivo: 'caracteres', mensagem: 'CNPJ inválido: os dois dígitos verificadores devem ser numéricos' });
    expect(validarCnpj('12.ABC.345/01DE-35X')).toMatchObject({ motivo: 'tamanho', mensagem: 'CNPJ deve ter 14 caracteres' });
    expect(validarCnpj('0000000000019')).toMatchObject({ motivo: 'tamanho' });
    expect(validarCnpj('12.ÁBC.345/01DE-35')).toMatchObject({ motivo: 'caracteres' });
    expect(validarCnpj('12_ABC_345_01DE_35')).toMatchObject({ motivo: 'caracteres' });
    expect(validarCnpj('00000000000000')).toMatchObject({ motivo: 'repetido' });
    expect(validarCnpj('')).toMatchObject({ motivo: 'vazio' });
    expect(() => formatarCnpj('12ABC34501DE36')).toThrow(IdentificadorInvalidoError);
    expect(() => calcularDigitosCnpj('12abc34501de')).toThrow(RangeError);
  });

  it('punctuates a document\'s CNPJ (normalised by cnpjSchema) as formatarCnpj does, and validates any other form', () => {
    expect(formatarCnpjValidado('12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
    expect(formatarCnpjValidado('33000167000101')).toBe(formatarCnpj('33000167000101'));
    // Not in the normalised form: validated like formatarCnpj, so punctuation and case are fixed, bad digits refused.
    expect(formatarCnpjValidado('12.abc.345/01de-35')).toBe('12.ABC.345/01DE-35');
    expect(() => formatarCnpjValidado('12.abc.345/01de-36')).toThrow(IdentificadorInvalidoError);
    expect(() => formatarCnpjValidado('12ABC34501DE3')).toThrow(IdentificadorInvalidoError);
    fc.assert(
      fc.property(fc.oneof(corpoNumerico, corpoAlfanumerico), (corpo) => {
        const cnpj = corpo + calcularDigitosCnpj(corpo);
        expect(formatarCnpjValidado(cnpj)).toBe(formatarCnpj(cnpj));
      }),
    );
  });

  it('normalises punctuation and case', () => {
    expect(normalizarCnpj(' 12.abc.345/01de-35 ')).toBe('12ABC34501DE35');
  });

  it('property: a 12-character body (numeric or alphanumeric) plus its computed check digits always validates', () => {
    fc.assert(
      fc.property(fc.oneof(corpoNumerico, corpoAlfanumerico), (base) => {
        const cnpj = base + calcularDigitosCnpj(base);
        fc.pre(!/^(.)\1{13}$/.test(cnpj));
        expect(isCnpjValido(cnpj)).toBe(true);
        expect(validarCnpj(formatarCnpj(cnpj).toLowerCase())).toEqual({ valido: true, valor: cnpj });
      }),
    );
  });

  it('property: changing a check digit always invalidates', () => {
    fc.assert(
      fc.property(fc.oneof(corpoNumerico, corpoAlfanumerico), fc.integer({ min: 12, max: 13 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        const cnpj = base + calcularDigitosCnpj(base);
        const alterado = cnpj.slice(0, pos) + ((Number(cnpj[pos]) + delta) % 10) + cnpj.slice(pos + 1);
        expect(isCnpjValido(alterado)).toBe(false);
      }),
    );
  });

  it('property: replacing one digit by another digit invalidates, except inside the mod-11 blind spot (remainders 0 and 1 both give 0)', () => {
    fc.assert(
      fc.property(fc.oneof(corpoNumerico, corpoAlfanumerico), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        fc.pre(/\d/.test(base[pos]!));
        const cnpj = base + calcularDigitosCnpj(base);
        const alterado = cnpj.slice(0, pos) + ((Number(cnpj[pos]) + delta) % 10) + cnpj.slice(pos + 1);
        if (isCnpjValido(alterado)) {
          const [a1, a2] = restosCnpj(cnpj);
          const [b1, b2] = restosCnpj(alterado);
          expect(a1 !== b1 || a2 !== b2).toBe(true);
          for (const [a, b] of [[a1, b1], [a2, b2]] as const) expect(a === b || (a < 2 && b < 2)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('documents a weakness of the alphanumeric rule: characters whose values differ by a multiple of 11 are interchangeable', () => {
    // 'A' (17) and '6' (6) differ by 11, so swapping them never changes either check digit.
    expect(isCnpjValido('12.ABC.345/01DE-35')).toBe(true);
    expect(isCnpjValido('12.6BC.345/01DE-35')).toBe(true);
    fc.assert(
      fc.property(corpoAlfanumerico, fc.integer({ min: 0, max: 11 }), (base, pos) => {
        const original = base[pos]!;
        const v = valorCaractereCnpj(original);
        const par = ALFANUMERICOS.find((c) => c !== original && (valorCaractereCnpj(c) - v) % 11 === 0);
        fc.pre(par !== undefined);
        const trocado = base.slice(0, pos) + par + base.slice(pos + 1);
        expect(calcularDigitosCnpj(trocado)).toBe(calcularDigitosCnpj(base));
      }),
    );
  });
});
