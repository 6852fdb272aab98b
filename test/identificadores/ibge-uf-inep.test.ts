import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODIGOS_IBGE_DV_IRREGULAR,
  IdentificadorInvalidoError,
  SIGLAS_UF,
  UFS,
  calcularDigitoIbge,
  codigoIbgeDaUf,
  dadosDaUf,
  formatarCodigoIbge,
  formatarCodigoInep,
  isCodigoIbgeValido,
  isCodigoInepValido,
  isUf,
  normalizarUf,
  ufDoCodigoIbge,
  ufPorCodigoIbge,
  validarCodigoIbge,
  validarCodigoInep,
  validarUf,
} from '../../rules/identificadores';

/** All 92 municípios of Rio de Janeiro state, from IBGE's table of municipal codes. */
const MUNICIPIOS_RJ =
  '3300100 3300159 3300209 3300225 3300233 3300258 3300308 3300407 3300456 3300506 3300605 3300704 3300803 3300902 3301009 3301108 3300936 3301157 3301207 3301306 3300951 3301405 3301504 3301603 3301702 3301801 3301850 3301876 3301900 3302007 3302056 3302106 3302205 3302254 3302270 3302304 3302403 3302452 3302502 3302601 3302700 3302809 3302858 3302908 3303005 3303104 3303203 3303302 3303401 3303500 3303609 3303708 3303807 3303856 3303906 3303955 3304003 3304102 3304110 3304128 3304144 3304151 3304201 3304300 3304409 3304508 3304524 3304557 3304607 3304706 3304805 3304755 3304904 3305000 3305109 3305133 3305158 3305208 3305307 3305406 3305505 3305554 3305604 3305703 3305752 3305802 3305901 3306008 3306107 3306156 3306206 3306305'.split(
    ' ',
  );

describe('UF', () => {
  it('has the 27 units, DF included, with unique IBGE codes', () => {
    expect(UFS).toHaveLength(27);
    expect(SIGLAS_UF).toHaveLength(27);
    expect(new Set(UFS.map((u) => u.codigoIbge)).size).toBe(27);
    expect(isUf('DF')).toBe(true);
    expect(dadosDaUf('df')).toEqual({ sigla: 'DF', nome: 'Distrito Federal', codigoIbge: '53', regiao: 'Centro-Oeste' });
  });

  it('maps siglas to IBGE codes and back', () => {
    expect(codigoIbgeDaUf('RJ')).toBe('33');
    expect(codigoIbgeDaUf('SP')).toBe('35');
    expect(codigoIbgeDaUf('AL')).toBe('27');
    expect(codigoIbgeDaUf('TO')).toBe('17');
    expect(ufPorCodigoIbge('33')).toBe('RJ');
    expect(ufPorCodigoIbge(53)).toBe('DF');
    expect(ufPorCodigoIbge('34')).toBeUndefined();
    for (const u of UFS) expect(ufPorCodigoIbge(u.codigoIbge)).toBe(u.sigla);
  });

  it('normalises and validates', () => {
    expect(normalizarUf(' rj ')).toBe('RJ');
    expect(validarUf(' rj ')).toEqual({ valido: true, valor: 'RJ' });
    expect(validarUf('XX')).toMatchObject({ valido: false, motivo: 'uf' });
    expect(validarUf('Rio')).toMatchObject({ motivo: 'formato', mensagem: 'UF deve ser a sigla de 2 letras (ex.: RJ)' });
    expect(validarUf('')).toMatchObject({ motivo: 'vazio' });
    expect(isUf('rj')).toBe(false); // isUf is the exact type guard; validarUf normalises
    expect(() => dadosDaUf('XX')).toThrow(IdentificadorInvalidoError);
  });
});

describe('Código IBGE de município', () => {
  it('accepts Rio de Janeiro, São Paulo and Brasília', () => {
    expect(validarCodigoIbge('3304557')).toEqual({ valido: true, valor: '3304557' });
    expect(isCodigoIbgeValido('3550308')).toBe(true);
    expect(isCodigoIbgeValido('5300108')).toBe(true);
    expect(ufDoCodigoIbge('3304557')).toBe('RJ');
    expect(ufDoCodigoIbge('5300108')).toBe('DF');
    expect(calcularDigitoIbge('330455')).toBe('7');
    expect(calcularDigitoIbge('355030')).toBe('8');
    expect(calcularDigitoIbge('530010')).toBe('8');
  });

  it('accepts every município of Rio de Janeiro state', () => {
    expect(MUNICIPIOS_RJ).toHaveLength(92);
    for (const c of MUNICIPIOS_RJ) {
      expect(isCodigoIbgeValido(c), c).toBe(true);
      expect(ufDoCodigoIbge(c)).toBe('RJ');
    }
  });

  it('accepts the nine real codes whose check digit is irregular', () => {
    expect(CODIGOS_IBGE_DV_IRREGULAR).toHaveLength(9);
    for (const c of CODIGOS_IBGE_DV_IRREGULAR) {
      expect(calcularDigitoIbge(c.slice(0, 6)), c).not.toBe(c[6]);
      expect(isCodigoIbgeValido(c), c).toBe(true);
    }
  });

  it('gives a precise reason for each kind of invalid code', () => {
    expect(validarCodigoIbge('3304558')).toMatchObject({ motivo: 'digito', mensagem: 'Código IBGE inválido: dígito verificador não confere' });
    expect(validarCodigoIbge('3404557')).toMatchObject({ motivo: 'uf' });
    expect(validarCodigoIbge('330455')).toMatchObject({ motivo: 'tamanho', mensagem: 'Código IBGE do município deve ter 7 dígitos' });
    expect(validarCodigoIbge('33045577')).toMatchObject({ motivo: 'tamanho' });
    expect(validarCodigoIbge('33O4557')).toMatchObject({ motivo: 'caracteres' });
    expect(validarCodigoIbge('')).toMatchObject({ motivo: 'vazio' });
    expect(() => formatarCodigoIbge('3304558')).toThrow(IdentificadorInvalidoError);
    expect(formatarCodigoIbge('33.04557')).toBe('3304557');
  });

  it('property: UF code + 4 digits + computed check digit validates; any single-digit change is detected', () => {
    const codigoUf = fc.constantFrom(...UFS.map((u) => u.codigoIbge));
    const quatro = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 4, maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(codigoUf, quatro, fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 9 }), (uf, meio, pos, delta) => {
        const base = uf + meio;
        const codigo = base + calcularDigitoIbge(base);
        expect(isCodigoIbgeValido(codigo)).toBe(true);
        const alterado = codigo.slice(0, pos) + ((Number(codigo[pos]) + delta) % 10) + codigo.slice(pos + 1);
        fc.pre(!CODIGOS_IBGE_DV_IRREGULAR.includes(alterado));
        expect(isCodigoIbgeValido(alterado)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Código INEP', () => {
  it('accepts 8 digits, bare or with stray punctuation', () => {
    expect(validarCodigoInep('33062633')).toEqual({ valido: true, valor: '33062633' });
    expect(validarCodigoInep(' 33.062.633 ')).toEqual({ valido: true, valor: '33062633' });
    expect(formatarCodigoInep('33062633')).toBe('33062633');
  });

  it('gives a precise reason for each kind of invalid code', () => {
    expect(validarCodigoInep('3306263')).toMatchObject({ motivo: 'tamanho', mensagem: 'Código INEP deve ter 8 dígitos' });
    expect(validarCodigoInep('330626331')).toMatchObject({ motivo: 'tamanho', mensagem: 'Código INEP deve ter 8 dígitos' });
    expect(validarCodigoInep('3306263A')).toMatchObject({ motivo: 'caracteres', mensagem: 'Código INEP deve conter apenas dígitos' });
    expect(validarCodigoInep('00000000')).toMatchObject({ motivo: 'repetido' });
    expect(validarCodigoInep('')).toMatchObject({ motivo: 'vazio', mensagem: 'Código INEP não informado' });
    expect(isCodigoInepValido('0')).toBe(false);
  });
});
