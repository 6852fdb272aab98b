import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diaDoCivil, ehDiaUtil, formatarData, type DiaDecretado, type Local } from '../../rules/calendario';
import {
  calcularPrazo,
  cienciaTacita,
  dataMinimaVisita,
  prorrogarPrazo,
  tempestivo,
  type EntradaPrazo,
} from '../../rules/prazos';

const INICIO = diaDoCivil(2020, 1, 1);
const FIM = diaDoCivil(2039, 12, 31);

const data = fc.integer({ min: INICIO, max: FIM }).map(formatarData);
const local: fc.Arbitrary<Local> = fc.constantFrom<Local>(
  { uf: 'RJ' },
  { uf: 'RJ', municipio: '3304557' },
  { uf: 'RJ', unidade: 'COOIE-METROPOLITANA-I' },
  { uf: 'SP' },
  { uf: 'DF' },
);
const decretado: fc.Arbitrary<DiaDecretado> = fc.record({
  data,
  escopo: fc.constantFrom<DiaDecretado['escopo']>('nacional', 'uf', 'municipio', 'unidade'),
  motivo: fc.constant('Ponto facultativo'),
  atoLegal: fc.constant('Decreto de teste'),
}).map((d) => ({
  ...d,
  ...(d.escopo === 'uf' ? { uf: 'RJ' as const } : {}),
  ...(d.escopo === 'municipio' ? { municipio: '3304557' } : {}),
  ...(d.escopo === 'unidade' ? { unidade: 'COOIE-METROPOLITANA-I' } : {}),
}));
const entradaPrazo: fc.Arbitrary<EntradaPrazo> = fc.record({
  ciencia: data,
  dias: fc.integer({ min: 1, max: 400 }),
  uteis: fc.boolean(),
  contarDe: fc.constantFrom('dia-seguinte' as const, 'primeiro-dia-util' as const),
  local,
  diasDecretados: fc.array(decretado, { maxLength: 6 }),
});

const RUNS = { numRuns: 300 };

describe('propriedades (fast-check)', () => {
  it('o último dia é sempre dia útil, e nunca antes da ciência', () => {
    fc.assert(
      fc.property(entradaPrazo, (e) => {
        const r = calcularPrazo(e);
        expect(ehDiaUtil(r.vencimento, e.local, e.diasDecretados)).toBe(true);
        expect(r.vencimento > r.ciencia).toBe(true);
        expect(r.vencimento >= r.vencimentoNominal).toBe(true);
        for (const n of r.naoUteis) {
          expect(ehDiaUtil(n.data, e.local, e.diasDecretados)).toBe(false);
          expect(n.motivo.length).toBeGreaterThan(0);
        }
        const datas = r.naoUteis.map((n) => n.data);
        expect([...datas].sort()).toEqual(datas);
        expect(new Set(datas).size).toBe(datas.length);
      }),
      RUNS,
    );
  });

  it('mais dias nunca dão um limite anterior', () => {
    fc.assert(
      fc.property(entradaPrazo, fc.integer({ min: 1, max: 60 }), (e, extra) => {
        const a = calcularPrazo(e);
        const b = calcularPrazo({ ...e, dias: e.dias + extra });
        expect(b.limiteEpochMs).toBeGreaterThanOrEqual(a.limiteEpochMs);
        if (e.uteis) expect(b.limiteEpochMs).toBeGreaterThan(a.limiteEpochMs);
      }),
      RUNS,
    );
  });

  it('ato às 23:59:59 -03:00 do último dia é tempestivo; um segundo depois, não', () => {
    fc.assert(
      fc.property(entradaPrazo, (e) => {
        const r = calcularPrazo(e);
        expect(r.limite).toBe(`${r.vencimento}T23:59:59-03:00`);
        expect(tempestivo({ vencimento: r.vencimento, em: r.limite }).tempestivo).toBe(true);
        expect(tempestivo({ vencimento: r.vencimento, em: r.limiteEpochMs }).tempestivo).toBe(true);
        expect(tempestivo({ vencimento: r.vencimento, em: r.limiteEpochMs + 1000 }).tempestivo).toBe(false);
        expect(tempestivo({ vencimento: r.vencimento, em: `${formatarData(diaDoCivil(...(r.vencimento.split('-').map(Number) as [number, number, number])) + 1)}T00:00:00-03:00` }).tempestivo).toBe(false);
      }),
      RUNS,
    );
  });

  it('acrescentar um dia decretado nunca antecipa o limite', () => {
    fc.assert(
      fc.property(entradaPrazo, decretado, (e, novo) => {
        const antes = calcularPrazo(e);
        const depois = calcularPrazo({ ...e, diasDecretados: [...(e.diasDecretados ?? []), novo] });
        expect(depois.limiteEpochMs).toBeGreaterThanOrEqual(antes.limiteEpochMs);
      }),
      RUNS,
    );
  });

  it('um dia decretado no próprio vencimento o adia', () => {
    fc.assert(
      fc.property(entradaPrazo, (e) => {
        const antes = calcularPrazo(e);
        const depois = calcularPrazo({
          ...e,
          diasDecretados: [...(e.diasDecretados ?? []), { data: antes.vencimento, escopo: 'nacional', motivo: 'Suspensão', atoLegal: 'Teste' }],
        });
        expect(depois.vencimento > antes.vencimento).toBe(true);
      }),
      RUNS,
    );
  });

  it('prorrogação concedida termina em dia útil, depois do vencimento anterior', () => {
    fc.assert(
      fc.property(entradaPrazo, (e) => {
        const r = calcularPrazo(e);
        const p = prorrogarPrazo({
          vencimento: r.vencimento,
          dias: e.dias,
          uteis: e.uteis,
          prorrogavel: true,
          jaProrrogado: false,
          pedidoEm: r.limite,
          local: e.local,
          diasDecretados: e.diasDecretados,
        });
        expect(p.concedida).toBe(true);
        expect(p.vencimento > r.vencimento).toBe(true);
        expect(ehDiaUtil(p.vencimento, e.local, e.diasDecretados)).toBe(true);
        const tarde = prorrogarPrazo({
          vencimento: r.vencimento,
          dias: e.dias,
          prorrogavel: true,
          jaProrrogado: false,
          pedidoEm: r.limiteEpochMs + 1000,
          local: e.local,
        });
        expect(tarde.concedida).toBe(false);
      }),
      RUNS,
    );
  });

  it('ciência tácita: dia útil, no máximo o 1º dia útil após envio + 10; abertura antes a antecipa', () => {
    fc.assert(
      fc.property(data, local, fc.integer({ min: 0, max: 20 }), (envio, l, diasAbertura) => {
        const t = cienciaTacita({ envio, local: l });
        expect(t.tacita).toBe(true);
        expect(ehDiaUtil(t.ciencia, l)).toBe(true);
        const n = diaDoCivil(...(envio.split('-').map(Number) as [number, number, number]));
        expect(t.ciencia >= formatarData(n + 10)).toBe(true);
        const aberta = `${formatarData(n + diasAbertura)}T12:00:00-03:00`;
        const x = cienciaTacita({ envio, abertaEm: aberta, local: l });
        expect(x.ciencia <= t.ciencia).toBe(true);
        expect(ehDiaUtil(x.ciencia, l)).toBe(true);
        expect(x.tacita).toBe(diasAbertura > 10 && formatarData(n + diasAbertura) > t.dataTacita);
      }),
      RUNS,
    );
  });

  it('visita: pelo menos 5 dias depois do aviso, em dia útil, e o primeiro possível', () => {
    fc.assert(
      fc.property(data, local, (aviso, l) => {
        const v = dataMinimaVisita({ aviso, local: l });
        const n = diaDoCivil(...(aviso.split('-').map(Number) as [number, number, number]));
        expect(v.data >= formatarData(n + 5)).toBe(true);
        expect(ehDiaUtil(v.data, l)).toBe(true);
        const vN = diaDoCivil(...(v.data.split('-').map(Number) as [number, number, number]));
        for (let d = n + 5; d < vN; d++) expect(ehDiaUtil(formatarData(d), l)).toBe(false);
      }),
      RUNS,
    );
  });

  it('determinismo: a mesma entrada dá sempre o mesmo resultado', () => {
    fc.assert(
      fc.property(entradaPrazo, (e) => {
        expect(calcularPrazo(structuredClone(e))).toEqual(calcularPrazo(e));
      }),
      { numRuns: 100 },
    );
  });
});
