import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IdentificadorInvalidoError,
  calcularDigitosCpf,
  formatarCpf,
  isCpfValido,
  mascararCpf,
  normalizarCpf,
  validarCpf,
} from '../../rules/identificadores';

const corpo = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));

/** Independent oracle: the raw mod-11 remainders behind the two CPF check digits. */
function restosCpf(cpf: string): [number, number] {
  const d = cpf.split('').map(Number);
  let s1 = 0;
  for (let i = 0; i < 9; i++) s1 += d[i]! * (10 - i);
  let s2 = 0;
  for (let i = 0; i < 10; i++) s2 += d[i]! * (11 - i);
  return [s1 % 11, s2 % 11];
}

describe('CPF', () => {
  it('accepts real valid CPFs, bare or formatted', () => {
    // 858.842.463-07: the example CPF in MEC's Gestão Presente API guide (seed 001).
    for (const v of ['85884246307', '858.842.463-07', ' 858 842 463 07 ', '123.456.789-09', '529.982.247-25']) {
      expect(validarCpf(v).valido, v).toBe(true);
    }
    expect(validarCpf('858.842.463-07')).toEqual({ valido: true, valor: '85884246307' });
  });

  it('gives a precise reason for each kind of invalid CPF', () => {
    expect(validarCpf('858.842.463-08')).toMatchObject({ valido: false, motivo: 'digito', mensagem: 'CPF inválido: dígito verificador não confere' });
    expect(validarCpf('858.842.463-17')).toMatchObject({ motivo: 'digito' });
    expect(validarCpf('111.111.111-11')).toMatchObject({ motivo: 'repetido' });
    expect(validarCpf('00000000000')).toMatchObject({ motivo: 'repetido' });
    expect(validarCpf('8588424630')).toMatchObject({ motivo: 'tamanho', mensagem: 'CPF deve ter 11 dígitos' });
    expect(validarCpf('858842463070')).toMatchObject({ motivo: 'tamanho' });
    expect(validarCpf('858.842.463-0X')).toMatchObject({ motivo: 'caracteres' });
    expect(validarCpf(' .-/ ')).toMatchObject({ motivo: 'vazio' });
  });

  it('rejects every all-same-digit sequence even though it satisfies the check digits', () => {
    for (let d = 0; d <= 9; d++) {
      const v = String(d).repeat(11);
      expect(calcularDigitosCpf(v.slice(0, 9))).toBe(v.slice(9)); // passes the arithmetic…
      expect(isCpfValido(v)).toBe(false); // …but is refused
    }
  });

  it('normalises, formats and masks', () => {
    expect(normalizarCpf(' 123.456.789-09 ')).toBe('12345678909');
    expect(formatarCpf('12345678909')).toBe('123.456.789-09');
    expect(() => formatarCpf('12345678900')).toThrow(IdentificadorInvalidoError);
    expect(() => formatarCpf('12345678900')).toThrow('CPF inválido: dígito verificador não confere');
    expect(mascararCpf('12345678909')).toBe('***.456.789-**');
    expect(mascararCpf('123.456.789-09')).toBe('***.456.789-**');
    expect(mascararCpf('123')).toBe('***.***.***-**'); // never echoes malformed input
    expect(calcularDigitosCpf('123456789')).toBe('09');
    expect(() => calcularDigitosCpf('12345678')).toThrow(RangeError);
  });

  it('property: a 9-digit body plus its computed check digits always validates', () => {
    fc.assert(
      fc.property(corpo(9), (base) => {
        const cpf = base + calcularDigitosCpf(base);
        fc.pre(!/^(\d)\1{10}$/.test(cpf));
        expect(isCpfValido(cpf)).toBe(true);
        expect(isCpfValido(formatarCpf(cpf))).toBe(true);
      }),
    );
  });

  it('property: changing a check digit always invalidates', () => {
    fc.assert(
      fc.property(corpo(9), fc.integer({ min: 9, max: 10 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        const cpf = base + calcularDigitosCpf(base);
        const alterado = cpf.slice(0, pos) + ((Number(cpf[pos]) + delta) % 10) + cpf.slice(pos + 1);
        expect(isCpfValido(alterado)).toBe(false);
      }),
    );
  });

  it('property: a single-digit change invalidates, except inside the mod-11 blind spot (remainders 0 and 1 both give 0)', () => {
    fc.assert(
      fc.property(corpo(9), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        const cpf = base + calcularDigitosCpf(base);
        const alterado = cpf.slice(0, pos) + ((Number(cpf[pos]) + delta) % 10) + cpf.slice(pos + 1);
        if (isCpfValido(alterado)) {
          const [a1, a2] = restosCpf(cpf);
          const [b1, b2] = restosCpf(alterado);
          expect(a1 !== b1 || a2 !== b2).toBe(true);
          for (const [a, b] of [[a1, b1], [a2, b2]] as const) {
            expect(a === b || (a < 2 && b < 2)).toBe(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('documents the blind spot with a concrete pair: 704.999.622-06 and 804.999.622-06 are both valid', () => {
    expect(isCpfValido('70499962206')).toBe(true);
    expect(isCpfValido('80499962206')).toBe(true);
  });
});
