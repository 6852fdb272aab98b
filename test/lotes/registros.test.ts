/**
 * The checks of a lote's record on its own (rules/lotes/registros.ts), at their edges.
 * Today is fixed at 2026-11-29 (Brasília) so that "future" is decided by the test, not the clock.
 */
import { describe, expect, it } from 'vitest';
import { CAMPOS, conferirRegistro, type TipoLote } from '../../rules/lotes/registros';

const HOJE = { data: '2026-11-29', ano: 2026, mes: 11 };
const CPF = '52998224725';

function conferir(tipo: TipoLote, r: Record<string, string>) {
  return conferirRegistro(
    tipo,
    CAMPOS[tipo].map((c) => r[c.nome] ?? ''),
    HOJE,
  );
}
const codigos = (tipo: TipoLote, r: Record<string, string>) => conferir(tipo, r).erros.map((e) => `${e.campo}:${e.codigo}`);

describe('frequências: dias letivos within the month, presenças within the dias letivos', () => {
  it.each([
    // February 2024 had 29 days (2024 is divisible by 4 and not by 100): 29 is the most.
    ['2024-02', '29', '29', []],
    // ... but not in 2026 (not a leap year): February has 28.
    ['2026-02', '29', '0', ['diasLetivos:dias-letivos-acima-do-mes']],
    ['2026-01', '31', '31', []],
    ['2026-04', '31', '0', ['diasLetivos:dias-letivos-acima-do-mes']],
    ['2026-03', '32', '30', ['diasLetivos:dias-letivos-acima-do-mes']],
    // A month with no dias letivos (holidays): 0 of 0 is a record, not an error.
    ['2026-07', '0', '0', []],
    ['2026-05', '20', '21', ['presencas:presencas-acima-dos-dias-letivos']],
    ['2026-05', '-1', '0', ['diasLetivos:inteiro-invalido']],
    ['2026-05', '20.5', '0', ['diasLetivos:inteiro-invalido']],
  ])('%s with %s dias letivos and %s presenças → %j', (mes, dias, presencas, esperado) => {
    expect(codigos('frequencias', { cpf: CPF, inep: '33012345', mes, diasLetivos: dias, presencas })).toEqual(esperado);
  });

  it('refuses a month not begun, accepts the current one', () => {
    expect(codigos('frequencias', { cpf: CPF, inep: '33012345', mes: '2026-12', diasLetivos: '20', presencas: '20' })).toEqual(['mes:mes-futuro']);
    expect(codigos('frequencias', { cpf: CPF, inep: '33012345', mes: '2026-11', diasLetivos: '20', presencas: '20' })).toEqual([]);
  });

  it('types the good record for the staging table', () => {
    expect(conferir('frequencias', { cpf: '529.982.247-25', inep: '33012345', mes: '2026-03', diasLetivos: '20', presencas: '15' }).valores).toEqual([CPF, null, '33012345', '2026-03', 20, 15]);
  });
});

describe('identifiers', () => {
  it('needs a CPF or a NIS, each with its check digits, and an INEP of 8 digits', () => {
    expect(codigos('frequencias', { inep: '33012345', mes: '2026-03', diasLetivos: '20', presencas: '15' })).toEqual(['cpf:identificacao-ausente']);
    expect(codigos('frequencias', { cpf: '52998224726', inep: '3301234', mes: '2026-03', diasLetivos: '20', presencas: '15' })).toEqual(['cpf:cpf-invalido', 'inep:inep-invalido']);
    expect(codigos('frequencias', { nis: '12056412545', inep: '33012345', mes: '2026-03', diasLetivos: '20', presencas: '15' })).toEqual([]);
    expect(codigos('frequencias', { nis: '12056412546', inep: '33012345', mes: '2026-03', diasLetivos: '20', presencas: '15' })).toEqual(['nis:nis-invalido']);
  });
});

describe('movements and students', () => {
  it('a transferência names its destination, other movements none', () => {
    const base = { cpf: CPF, inep: '33012345', ano: '2026', data: '2026-06-01' };
    expect(codigos('movimentacoes', { ...base, tipo: 'transferencia' })).toEqual(['inepDestino:obrigatorio']);
    expect(codigos('movimentacoes', { ...base, tipo: 'transferencia', inepDestino: '33012345' })).toEqual(['inepDestino:destino-igual-origem']);
    expect(codigos('movimentacoes', { ...base, tipo: 'abandono', inepDestino: '33054321' })).toEqual(['inepDestino:destino-sem-transferencia']);
    expect(codigos('movimentacoes', { ...base, tipo: 'evasao' })).toEqual(['tipo:movimento-invalido']);
    expect(codigos('movimentacoes', { ...base, tipo: 'obito', data: '2026-12-01' })).toEqual(['data:data-futura']);
  });

  it('a new student needs a name and an existing birth date; an update needs something to change', () => {
    expect(codigos('estudantes', { cpf: CPF, nome: 'Ana', dataNascimento: '2015-02-29' })).toEqual(['dataNascimento:data-invalida']);
    expect(codigos('estudantes', { cpf: CPF, dataNascimento: '2015-02-28', educacaoBasicaConcluida: 'talvez' })).toEqual(['nome:obrigatorio', 'educacaoBasicaConcluida:booleano-invalido']);
    expect(codigos('estudantes-atualizacao', { cpf: CPF })).toEqual(['nome:nada-a-atualizar']);
    expect(codigos('estudantes-atualizacao', { cpf: CPF, educacaoBasicaConcluida: 'sim' })).toEqual([]);
  });
});
