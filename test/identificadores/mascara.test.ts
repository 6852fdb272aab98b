import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calcularDigitosCpf, mascararCpf, mascararCpfNisEmTexto } from '../../rules/identificadores';

describe('mascararCpfNisEmTexto', () => {
  it('masks CPFs and NIS in any accepted layout, keeping the separators', () => {
    expect(mascararCpfNisEmTexto('CPF 123.456.789-09 do RL')).toBe('CPF ***.456.789-** do RL');
    expect(mascararCpfNisEmTexto('cpf=12345678909;')).toBe('cpf=***456789**;');
    expect(mascararCpfNisEmTexto('NIS 120.56412.54-5')).toBe('NIS ***.56412.5*-*');
    expect(mascararCpfNisEmTexto('GET /v1/estudantes/85884246307')).toBe('GET /v1/estudantes/***842463**');
    expect(mascararCpfNisEmTexto('a 123 456 789 09 b')).toBe('a *** 456 789 ** b');
  });

  it('masks several numbers in one text and leaves other numbers alone', () => {
    const texto =
      'RL 123.456.789-09 (NIS 12056412545) da mantenedora CNPJ 00.000.000/0001-91 / 00000000000191, processo 23000.028758/2021-41, INEP 33062633, IBGE 3304557, em 2026-11-21';
    expect(mascararCpfNisEmTexto(texto)).toBe(
      'RL ***.456.789-** (NIS ***564125**) da mantenedora CNPJ 00.000.000/0001-91 / 00000000000191, processo 23000.028758/2021-41, INEP 33062633, IBGE 3304557, em 2026-11-21',
    );
  });

  it('does not mask 11 digits that are part of a longer run', () => {
    expect(mascararCpfNisEmTexto('123456789012')).toBe('123456789012');
    expect(mascararCpfNisEmTexto('x1234567890123y')).toBe('x1234567890123y');
  });

  it("leaves a UUID whole even when its last group holds 11 digits, and still masks a CPF beside it", () => {
    // The id of a student's record in a CI run whose audit entry came out as '…-***332911**a'.
    const id = '82b9a454-ca90-4441-ac52-16433291140a';
    expect(mascararCpfNisEmTexto(`Leitura do estudante ${id}`)).toBe(`Leitura do estudante ${id}`);
    expect(mascararCpfNisEmTexto(`estudante-${id.toUpperCase()}, CPF 12345678909`)).toBe(`estudante-${id.toUpperCase()}, CPF ***456789**`);
    // Not a UUID: one hex digit too many in the last group, so the run is masked as before.
    expect(mascararCpfNisEmTexto('82b9a454-ca90-4441-ac52-16433291140ab')).toBe('82b9a454-ca90-4441-ac52-***332911**ab');
  });

  it('masks invalid-looking runs by default, only valid ones on request', () => {
    expect(mascararCpfNisEmTexto('tel 21987654321')).toBe('tel ***876543**');
    expect(mascararCpfNisEmTexto('tel 21987654321', { somenteValidos: true })).toBe('tel 21987654321');
    expect(mascararCpfNisEmTexto('CPF 123.456.789-09', { somenteValidos: true })).toBe('CPF ***.456.789-**');
    expect(mascararCpfNisEmTexto('NIS 12056412545', { somenteValidos: true })).toBe('NIS ***564125**');
  });

  it('property: no valid CPF survives masking, formatted or bare, wherever it sits in the text', () => {
    const base = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }).map((a) => a.join(''));
    const texto = fc.string({ maxLength: 20 }).map((s) => s.replace(/\d/g, ''));
    fc.assert(
      fc.property(base, fc.boolean(), texto, texto, (b, formatado, antes, depois) => {
        const cpf = b + calcularDigitosCpf(b);
        const escrito = formatado ? `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}` : cpf;
        const saida = mascararCpfNisEmTexto(antes + escrito + depois);
        expect(saida).not.toContain(escrito);
        expect(saida.replace(/\D/g, '')).not.toContain(cpf);
        if (formatado) expect(saida).toContain(mascararCpf(cpf));
      }),
    );
  });
});
