import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  cnpjSchema,
  codigoIbgeSchema,
  codigoInepSchema,
  cpfSchema,
  nisSchema,
  numeroSeiRjSchema,
  numeroSeiSchema,
  nupSchema,
  ufSchema,
} from '../../rules/identificadores/schemas';

function mensagens(schema: z.ZodType, valor: unknown): string[] {
  const r = schema.safeParse(valor);
  return r.success ? [] : r.error.issues.map((i) => i.message);
}

describe('zod schemas', () => {
  it('accept formatted or bare input and output the normalised form', () => {
    expect(cpfSchema.parse('123.456.789-09')).toBe('12345678909');
    expect(cpfSchema.parse('12345678909')).toBe('12345678909');
    expect(cnpjSchema.parse('12.abc.345/01de-35')).toBe('12ABC34501DE35');
    expect(cnpjSchema.parse('00.000.000/0001-91')).toBe('00000000000191');
    expect(nisSchema.parse('120.56412.54-5')).toBe('12056412545');
    expect(codigoInepSchema.parse('33062633')).toBe('33062633');
    expect(codigoIbgeSchema.parse('3304557')).toBe('3304557');
    expect(ufSchema.parse(' rj ')).toBe('RJ');
    expect(numeroSeiSchema.parse('sei 030026/000123/2025')).toBe('SEI-030026/000123/2025');
    expect(numeroSeiSchema.parse('23000028758202141')).toBe('23000.028758/2021-41');
    expect(numeroSeiRjSchema.parse('SEI-030001/016815/2024')).toBe('SEI-030001/016815/2024');
    expect(nupSchema.parse('23001.000272/2023-08')).toBe('23001.000272/2023-08');
  });

  it('fail with one precise pt-BR message', () => {
    expect(mensagens(cpfSchema, '123.456.789-00')).toEqual(['CPF inválido: dígito verificador não confere']);
    expect(mensagens(cpfSchema, '1234567890')).toEqual(['CPF deve ter 11 dígitos']);
    expect(mensagens(cpfSchema, '111.111.111-11')).toEqual(['CPF inválido: todos os dígitos são iguais']);
    expect(mensagens(cnpjSchema, '12.ABC.345/01DE-36')).toEqual(['CNPJ inválido: dígito verificador não confere']);
    expect(mensagens(cnpjSchema, '12.ABC.345/01DE-3')).toEqual(['CNPJ deve ter 14 caracteres']);
    expect(mensagens(nisSchema, '120.56412.54-7')).toEqual(['NIS inválido: dígito verificador não confere']);
    expect(mensagens(codigoInepSchema, '3306263')).toEqual(['Código INEP deve ter 8 dígitos']);
    expect(mensagens(codigoIbgeSchema, '3304558')).toEqual(['Código IBGE inválido: dígito verificador não confere']);
    expect(mensagens(codigoIbgeSchema, '330455')).toEqual(['Código IBGE do município deve ter 7 dígitos']);
    expect(mensagens(ufSchema, 'XX')).toEqual(['UF inválida: XX não é uma das 27 unidades da federação']);
    expect(mensagens(numeroSeiSchema, '23000.028758/2021-42')).toEqual(['NUP inválido: dígito verificador não confere']);
    expect(mensagens(numeroSeiRjSchema, '23000.028758/2021-41')).toEqual(['Número SEI-RJ deve seguir o formato SEI-XXXXXX/XXXXXX/AAAA']);
    expect(mensagens(nupSchema, 'SEI-030026/000123/2025')).toEqual(['NUP deve seguir o formato NNNNN.NNNNNN/AAAA-DD']);
  });

  it('carry the stable reason code in the issue params', () => {
    const r = cpfSchema.safeParse('123.456.789-00');
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ code: 'custom', params: { motivo: 'digito' } });
  });

  it('say when the field is missing or not a string', () => {
    const corpo = z.object({ cpf: cpfSchema, uf: ufSchema });
    const r = corpo.safeParse({ uf: 5 });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['cpf', 'CPF: campo obrigatório'],
      ['uf', 'UF deve ser um texto'],
    ]);
  });

  it('work inside objects and keep the path', () => {
    const corpo = z.object({ mantenedora: z.object({ cnpj: cnpjSchema }), escola: z.object({ inep: codigoInepSchema }) });
    expect(corpo.parse({ mantenedora: { cnpj: '12.ABC.345/01DE-35' }, escola: { inep: '33062633' } })).toEqual({
      mantenedora: { cnpj: '12ABC34501DE35' },
      escola: { inep: '33062633' },
    });
    const r = corpo.safeParse({ mantenedora: { cnpj: '1' }, escola: { inep: '1' } });
    expect(r.error!.issues.map((i) => i.path.join('.'))).toEqual(['mantenedora.cnpj', 'escola.inep']);
  });

  it('remain describable as JSON Schema (OpenAPI)', () => {
    const corpo = z.object({ cpf: cpfSchema, cnpj: cnpjSchema, uf: ufSchema, sei: numeroSeiSchema });
    const entrada = z.toJSONSchema(corpo, { io: 'input' }) as { properties: Record<string, { type: string }> };
    expect(entrada.properties.cpf!.type).toBe('string');
    expect(entrada.properties.uf!.type).toBe('string');
    const saida = z.toJSONSchema(corpo) as { properties: Record<string, { enum?: string[] }> };
    expect(saida.properties.uf!.enum).toHaveLength(27);
  });

  it('infer string outputs, and the UF union for ufSchema', () => {
    const uf: 'RJ' | 'SP' | (string & {}) = ufSchema.parse('sp');
    const cpf: string = cpfSchema.parse('12345678909');
    expect([uf, cpf]).toEqual(['SP', '12345678909']);
  });
});
