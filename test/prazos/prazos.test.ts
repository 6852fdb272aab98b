import { describe, expect, it } from 'vitest';
import {
  calcularPrazo,
  cienciaTacita,
  dataMinimaVisita,
  ErroEntrada,
  prorrogarPrazo,
  tempestivo,
} from '../../rules/prazos';
import { casos } from './casos';
import { conferir, executar } from './executar';

describe('tabela de casos (derivados à mão)', () => {
  it('tem os 3 exemplos do DOMAIN.md e pelo menos 40 outros', () => {
    expect(casos.filter((c) => c.id.startsWith('domain-'))).toHaveLength(3);
    expect(casos.filter((c) => !c.id.startsWith('domain-')).length).toBeGreaterThanOrEqual(40);
    expect(new Set(casos.map((c) => c.id)).size).toBe(casos.length);
  });
  for (const caso of casos) {
    it(`${caso.id}: ${caso.descricao}`, () => {
      conferir(executar(caso), caso.esperado);
    });
  }
});

describe('explicação', () => {
  it('cita as regras aplicadas e o limite', () => {
    const r = calcularPrazo({ ciencia: '2026-09-02', dias: 5, local: { uf: 'RJ' } });
    const texto = r.explicacao.join('\n');
    expect(texto).toContain('regra 1');
    expect(texto).toContain('regra 3');
    expect(texto).toContain('2026-09-08T23:59:59-03:00');
    expect(r.vencimentoNominal).toBe('2026-09-07');
    expect(r.inicio).toBe('2026-09-03');
    expect(r.limiteEpochMs).toBe(Date.UTC(2026, 8, 9, 2, 59, 59));
  });
  it('dia 1 do "primeiro dia útil seguinte" é informado', () => {
    const r = calcularPrazo({ ciencia: '2026-10-09', dias: 20, contarDe: 'primeiro-dia-util', local: { uf: 'RJ' } });
    expect(r.inicio).toBe('2026-10-13');
    expect(r.vencimentoNominal).toBe('2026-11-01');
    expect(r.explicacao.join('\n')).toContain('regra 5');
  });
  it('"primeiro-dia-util" com dias úteis dá o mesmo que a contagem de dias úteis', () => {
    const a = calcularPrazo({ ciencia: '2026-10-09', dias: 7, uteis: true, local: { uf: 'RJ' } });
    const b = calcularPrazo({ ciencia: '2026-10-09', dias: 7, uteis: true, contarDe: 'primeiro-dia-util', local: { uf: 'RJ' } });
    expect(b.vencimento).toBe(a.vencimento);
  });
  it('recusa de prorrogação explica e mantém o vencimento', () => {
    const r = prorrogarPrazo({ vencimento: '2026-09-22', dias: 10, prorrogavel: false, jaProrrogado: false, local: { uf: 'RJ' } });
    expect(r.concedida).toBe(false);
    if (!r.concedida) expect(r.motivo).toMatch(/^o prazo é improrrogável/);
    expect(r.limite).toBe('2026-09-22T23:59:59-03:00');
    expect(r.naoUteis).toEqual([]);
  });
  it('prorrogação sem instante do pedido avisa que não verificou a tempestividade', () => {
    const r = prorrogarPrazo({ vencimento: '2026-09-22', dias: 20, prorrogavel: true, jaProrrogado: false, local: { uf: 'RJ' } });
    expect(r.concedida).toBe(true);
    expect(r.avisos.join('\n')).toContain('tempestividade do pedido');
  });
  it('tempestivo informa o instante em Brasília e os segundos após o limite', () => {
    const r = tempestivo({ vencimento: '2026-09-08', em: '2026-09-09T03:00:00Z' });
    expect(r.em).toBe('2026-09-09T00:00:00-03:00');
    expect(r.segundosAposLimite).toBe(1);
    expect(tempestivo({ vencimento: '2026-09-08', em: Date.UTC(2026, 8, 9, 2, 59, 59) }).tempestivo).toBe(true);
  });
  it('tempestivo com local avisa se o vencimento informado não é dia útil', () => {
    const r = tempestivo({ vencimento: '2026-09-07', em: '2026-09-07T10:00:00-03:00', local: { uf: 'RJ' } });
    expect(r.tempestivo).toBe(true);
    expect(r.avisos.join('\n')).toContain('ter 08/09/2026');
  });
  it('visita aceita antecedência diferente', () => {
    expect(dataMinimaVisita({ aviso: '2026-09-02', antecedenciaDias: 10, local: { uf: 'RJ' } }).data).toBe('2026-09-14');
  });
  it('ciência tácita guarda o instante de abertura em horário de Brasília', () => {
    const r = cienciaTacita({ envio: '2026-09-01', abertaEm: '2026-09-04T02:30:00Z', local: { uf: 'RJ' } });
    expect(r.abertaEm).toBe('2026-09-03T23:30:00-03:00');
  });
});

describe('entradas inválidas: ErroEntrada em pt-BR nomeando o campo', () => {
  const RJ = { uf: 'RJ' as const };
  const casosErro: [string, () => unknown, string][] = [
    ['ciencia', () => calcularPrazo({ ciencia: '2026-02-30', dias: 5, local: RJ }), 'não existe'],
    ['ciencia', () => calcularPrazo({ ciencia: '02/09/2026', dias: 5, local: RJ }), 'AAAA-MM-DD'],
    ['dias', () => calcularPrazo({ ciencia: '2026-09-02', dias: 0, local: RJ }), 'número inteiro'],
    ['dias', () => calcularPrazo({ ciencia: '2026-09-02', dias: 2.5, local: RJ }), 'número inteiro'],
    ['contarDe', () => calcularPrazo({ ciencia: '2026-09-02', dias: 5, contarDe: 'amanha' as never, local: RJ }), 'primeiro-dia-util'],
    ['local.uf', () => calcularPrazo({ ciencia: '2026-09-02', dias: 5, local: { uf: 'XX' as never } }), 'não é uma UF'],
    ['local.municipio', () => calcularPrazo({ ciencia: '2026-09-02', dias: 5, local: { uf: 'SP', municipio: '3304557' } }), 'não pertence à UF SP'],
    ['local.municipio', () => calcularPrazo({ ciencia: '2026-09-02', dias: 5, local: { uf: 'RJ', municipio: '33' } }), '7 dígitos'],
    ['dias', () => calcularPrazo({ ciencia: '2099-12-01', dias: 60, local: RJ }), 'fora dos anos'],
    [
      'diasDecretados[0].atoLegal',
      () => calcularPrazo({ ciencia: '2026-09-02', dias: 5, local: RJ, diasDecretados: [{ data: '2026-09-08', escopo: 'nacional', motivo: 'x', atoLegal: '' }] }),
      'ato legal',
    ],
    [
      'diasDecretados[0].escopo',
      () => calcularPrazo({ ciencia: '2026-09-02', dias: 5, local: RJ, diasDecretados: [{ data: '2026-09-08', escopo: 'estado' as never, motivo: 'x', atoLegal: 'y' }] }),
      'escopo',
    ],
    [
      'diasDecretados[0].uf',
      () => calcularPrazo({ ciencia: '2026-09-02', dias: 5, local: RJ, diasDecretados: [{ data: '2026-09-08', escopo: 'uf', motivo: 'x', atoLegal: 'y' }] }),
      'UF',
    ],
    ['prorrogavel', () => prorrogarPrazo({ vencimento: '2026-09-22', dias: 20, jaProrrogado: false, local: RJ } as never), 'true ou false'],
    ['pedidoEm', () => prorrogarPrazo({ vencimento: '2026-09-22', dias: 20, prorrogavel: true, jaProrrogado: false, pedidoEm: '2026-09-20T10:00:00', local: RJ }), 'fuso'],
    ['abertaEm', () => cienciaTacita({ envio: '2026-09-10', abertaEm: '2026-09-03T10:00:00-03:00', local: RJ }), 'anterior ao envio'],
    ['em', () => tempestivo({ vencimento: '2026-09-08', em: 'ontem' }), 'ISO 8601'],
    ['em', () => tempestivo({ vencimento: '2026-09-08', em: '2026-09-08T24:00:00Z' }), 'hora inválida'],
  ];
  for (const [campo, f, trecho] of casosErro) {
    it(`${campo}: ${trecho}`, () => {
      let erro: unknown;
      try {
        f();
      } catch (e) {
        erro = e;
      }
      expect(erro).toBeInstanceOf(ErroEntrada);
      expect((erro as ErroEntrada).campo).toBe(campo);
      expect((erro as ErroEntrada).message).toContain(trecho);
      expect((erro as ErroEntrada).message.startsWith(`${campo}: `)).toBe(true);
    });
  }
});
