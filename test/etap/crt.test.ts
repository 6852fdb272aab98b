/**
 * CRT of the Coordenador Técnico of the Curso Técnico em Enfermagem (seed 003,
 * Fluxo para o cadastramento ETAP, item 3: "emitido pelo COREN-RJ, nos termos
 * do artigo 29 da Deliberação CEE nº 378/2020 … se … está na validade e se foi
 * emitido em nome do membro da ETAP que está sendo indicado").
 */
import { describe, expect, it } from 'vitest';
import { conferirCrt, crtSchema, type Crt } from '../../rules/etap/crt';

const CRT: Crt = { numero: '12345', emissor: 'COREN-RJ', titular: 'Maria José da Conceição', validade: '2027-03-31' };

describe('CRT (Del. CEE 378/2020 art. 29)', () => {
  it('válido, do COREN-RJ e em nome da indicada (nome comparado sem acentos nem maiúsculas)', () => {
    const r = conferirCrt(CRT, { nome: 'MARIA JOSE DA CONCEICAO' }, '2026-12-01');
    expect(r.conforme).toBe(true);
    expect(r.explicacao).toBe('CRT nº 12345 do COREN-RJ, válido até 31/03/2027, em nome de MARIA JOSE DA CONCEICAO (Deliberação CEE nº 378/2020, art. 29).');
  });

  it('vale até o último dia da validade, inclusive; no dia seguinte está vencido', () => {
    expect(conferirCrt(CRT, { nome: CRT.titular }, '2027-03-31').conforme).toBe(true);
    expect(conferirCrt(CRT, { nome: CRT.titular }, '2027-04-01').problemas).toEqual(['O CRT nº 12345 venceu em 31/03/2027 (conferência em 01/04/2027).']);
  });

  it('em nome de outra pessoa, ou emitido por outro conselho', () => {
    expect(conferirCrt(CRT, { nome: 'João Souza' }, '2026-12-01').problemas).toEqual(['O CRT nº 12345 está em nome de Maria José da Conceição, não de João Souza.']);
    expect(conferirCrt({ ...CRT, emissor: 'COREN-SP' }, { nome: CRT.titular }, '2026-12-01').problemas).toEqual(['O CRT foi emitido por COREN-SP, não pelo COREN-RJ.']);
  });

  it('com os dois CPFs, o CPF decide (homônimo com outro CPF não serve), sem mostrar o CPF', () => {
    const crt = crtSchema.parse({ ...CRT, cpfTitular: '529.982.247-25' });
    expect(conferirCrt(crt, { nome: CRT.titular, cpf: '52998224725' }, '2026-12-01').conforme).toBe(true);
    const r = conferirCrt(crt, { nome: CRT.titular, cpf: '111.444.777-35' }, '2026-12-01');
    expect(r.problemas).toEqual(['O CRT nº 12345 foi emitido para outro CPF, não o de Maria José da Conceição.']);
    expect(r.explicacao).not.toMatch(/\d{3}\.?\d{3}\.?\d{3}-?\d{2}/);
  });
});
