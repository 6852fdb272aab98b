import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  IdentificadorInvalidoError,
  analisarNumeroSei,
  calcularDigitosNup,
  formatarNumeroSei,
  formatarNumeroSeiRj,
  formatarNup,
  isNupValido,
  isNumeroSeiValido,
  normalizarNup,
  validarNumeroSei,
  validarNumeroSeiRj,
  validarNup,
} from '../../rules/identificadores';

/** Real NUPs cited in the Diário Oficial da União and in federal documents. */
const NUPS_REAIS = [
  '23000.028758/2021-41', // MEC/SETEC, Edital nº 48/2022
  '23001.000272/2023-08', // MEC, DOU 20/10/2023
  '23000.005693/2023-27', // MEC, DOU 20/10/2023
  '60041.001093/2020-97', // Ministério da Defesa, Portaria GM-MD nº 1.342/2021
  '00190.103008/2020-99', // CGU, Parecer nº 00001/2021/CONJUR-CGU
];

const digitos = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
const baseNup = fc
  .tuple(digitos(5), digitos(6), fc.integer({ min: 1900, max: 2099 }))
  .map(([u, s, a]) => `${u}${s}${a}`);

/** Independent oracle: the raw mod-11 remainders behind the two NUP check digits. */
function restosNup(nup: string): [number, number] {
  const resto = (n: string) => n.split('').reverse().reduce((s, c, i) => s + Number(c) * (i + 2), 0) % 11;
  return [resto(nup.slice(0, 15)), resto(nup.slice(0, 16))];
}

describe('NUP (federal)', () => {
  it('accepts real NUPs', () => {
    for (const n of NUPS_REAIS) expect(validarNup(n), n).toEqual({ valido: true, valor: n });
  });

  it('uses mod 11 (weights 2..16 and 2..17 from the right), not ISO 7064 mod 97', () => {
    for (const n of NUPS_REAIS) {
      const d = n.replace(/\D/g, '');
      expect(calcularDigitosNup(d.slice(0, 15))).toBe(d.slice(15));
      const mod97 = String(98 - Number((BigInt(d.slice(0, 15)) * 100n) % 97n)).padStart(2, '0');
      expect(mod97).not.toBe(d.slice(15)); // the revoked 21-digit NUP rule would reject them
    }
    // Worked example: 23037.001462/2021-65 — DV1: sum 313, 313 mod 11 = 5, 11 − 5 = 6; DV2: 358 mod 11 = 6, 11 − 6 = 5.
    expect(calcularDigitosNup('230370014622021')).toBe('65');
  });

  it('accepts bare digits and the "SEI nº" prefix, and formats canonically', () => {
    expect(validarNup('23000028758202141')).toEqual({ valido: true, valor: '23000.028758/2021-41' });
    expect(validarNup('SEI nº 23000.028758/2021-41')).toEqual({ valido: true, valor: '23000.028758/2021-41' });
    expect(formatarNup(' 23000.028758/2021-41 ')).toBe('23000.028758/2021-41');
    expect(normalizarNup('23000.028758/2021-41')).toBe('23000028758202141');
  });

  it('gives a precise reason for each kind of invalid NUP', () => {
    expect(validarNup('23000.028758/2021-42')).toMatchObject({ valido: false, motivo: 'digito', mensagem: 'NUP inválido: dígito verificador não confere' });
    expect(validarNup('23000.028758/2021')).toMatchObject({ motivo: 'formato', mensagem: 'NUP deve seguir o formato NNNNN.NNNNNN/AAAA-DD' });
    expect(validarNup('2300.028758/2021-41')).toMatchObject({ motivo: 'formato' });
    expect(validarNup('23000.028758/0221-41')).toMatchObject({ motivo: 'ano' });
    expect(validarNup('')).toMatchObject({ motivo: 'vazio' });
    expect(() => formatarNup('23000.028758/2021-42')).toThrow(IdentificadorInvalidoError);
  });

  it('property: 15 base digits plus computed check digits always validate', () => {
    fc.assert(
      fc.property(baseNup, (base) => {
        const nup = base + calcularDigitosNup(base);
        expect(isNupValido(nup)).toBe(true);
        expect(isNupValido(formatarNup(nup))).toBe(true);
      }),
    );
  });

  it('property: changing a check digit always invalidates', () => {
    fc.assert(
      fc.property(baseNup, fc.integer({ min: 15, max: 16 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        const nup = base + calcularDigitosNup(base);
        expect(isNupValido(nup.slice(0, pos) + ((Number(nup[pos]) + delta) % 10) + nup.slice(pos + 1))).toBe(false);
      }),
    );
  });

  it('property: a single-digit change in the base invalidates, except inside the mod-11 blind spot (remainders 0 and 10 both give 1)', () => {
    fc.assert(
      fc.property(baseNup, fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        const nup = base + calcularDigitosNup(base);
        const alterado = nup.slice(0, pos) + ((Number(nup[pos]) + delta) % 10) + nup.slice(pos + 1);
        if (isNupValido(alterado)) {
          const [a1, a2] = restosNup(nup);
          const [b1, b2] = restosNup(alterado);
          expect(a1 !== b1 || a2 !== b2).toBe(true);
          const cego = (r: number) => r === 0 || r === 10;
          for (const [a, b] of [[a1, b1], [a2, b2]] as const) expect(a === b || (cego(a) && cego(b))).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('SEI-RJ', () => {
  it('accepts real SEI-RJ numbers in the ways they are written', () => {
    // SEI-030001/016815/2024: Resolução SEEDUC nº 6.252/2024; SEI 150001/013631/2021: Decreto RJ nº 48.243/2022.
    expect(validarNumeroSeiRj('SEI-030001/016815/2024')).toEqual({ valido: true, valor: 'SEI-030001/016815/2024' });
    expect(validarNumeroSeiRj('SEI 150001/013631/2021')).toEqual({ valido: true, valor: 'SEI-150001/013631/2021' });
    expect(validarNumeroSeiRj('sei-030026/000123/2025')).toEqual({ valido: true, valor: 'SEI-030026/000123/2025' });
    expect(validarNumeroSeiRj('030026/000123/2025')).toEqual({ valido: true, valor: 'SEI-030026/000123/2025' });
    expect(validarNumeroSeiRj('SEI nº 030026 / 000123 / 2025')).toEqual({ valido: true, valor: 'SEI-030026/000123/2025' });
    expect(formatarNumeroSeiRj('SEI–030026/000123/2025')).toBe('SEI-030026/000123/2025'); // en dash
  });

  it('gives a precise reason for each kind of invalid number', () => {
    expect(validarNumeroSeiRj('SEI-03002/000123/2025')).toMatchObject({ motivo: 'formato', mensagem: 'Número SEI-RJ deve seguir o formato SEI-XXXXXX/XXXXXX/AAAA' });
    expect(validarNumeroSeiRj('SEI-030026/000123/25')).toMatchObject({ motivo: 'formato' });
    expect(validarNumeroSeiRj('E-03/006.326/2010')).toMatchObject({ motivo: 'formato' }); // pre-SEI paper number
    expect(validarNumeroSeiRj('SEI-030026/000123/0225')).toMatchObject({ motivo: 'ano', mensagem: 'Ano do processo inválido: 0225' });
    expect(validarNumeroSeiRj(' ')).toMatchObject({ motivo: 'vazio' });
  });
});

describe('Número SEI (either kind)', () => {
  it('recognises each kind and splits it into parts', () => {
    expect(analisarNumeroSei('SEI-030026/000123/2025')).toEqual({ tipo: 'sei-rj', valor: 'SEI-030026/000123/2025', orgao: '030026', sequencial: '000123', ano: 2025 });
    expect(analisarNumeroSei('23000028758202141')).toEqual({ tipo: 'nup', valor: '23000.028758/2021-41', unidade: '23000', sequencial: '028758', ano: 2021, digitos: '41' });
    expect(analisarNumeroSei('23000.028758/2021-42')).toBeUndefined();
    expect(formatarNumeroSei('sei 030026/000123/2025')).toBe('SEI-030026/000123/2025');
    expect(isNumeroSeiValido('23001.000272/2023-08')).toBe(true);
  });

  it('reports the NUP check digit, and otherwise names both accepted layouts', () => {
    expect(validarNumeroSei('23000.028758/2021-42')).toMatchObject({ motivo: 'digito', mensagem: 'NUP inválido: dígito verificador não confere' });
    expect(validarNumeroSei('processo 123')).toMatchObject({
      motivo: 'formato',
      mensagem: 'Número de processo SEI inválido: use SEI-XXXXXX/XXXXXX/AAAA (SEI-RJ) ou NNNNN.NNNNNN/AAAA-DD (NUP federal)',
    });
    expect(validarNumeroSei('')).toMatchObject({ motivo: 'vazio' });
  });

  it('property: canonical forms are fixed points', () => {
    fc.assert(
      fc.property(fc.oneof(baseNup.map((b) => b + calcularDigitosNup(b)), fc.tuple(digitos(6), digitos(6), fc.integer({ min: 1900, max: 2099 })).map(([o, s, a]) => `SEI ${o}/${s}/${a}`)), (entrada) => {
        const r = validarNumeroSei(entrada);
        expect(r.valido).toBe(true);
        if (r.valido) expect(validarNumeroSei(r.valor)).toEqual(r);
      }),
    );
  });
});
