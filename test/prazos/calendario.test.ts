import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import {
  ANO_MAXIMO,
  civilDoDia,
  diaCivilBrasilia,
  diaDaPascoa,
  diaDaSemana,
  diaDoCivil,
  DIVERGENCIAS_DATE_HOLIDAYS,
  ehDiaUtil,
  feriadosDoAno,
  formatarData,
  formatarInstanteBrasilia,
  lerInstante,
  motivoNaoUtil,
  naoUteisDoAno,
  offsetBrasiliaMinutos,
  proximoDiaUtil,
  type Local,
} from '../../rules/calendario';

describe('datas civis', () => {
  it('dia ↔ data e dia da semana conferem com Date.UTC em 1900–2199', () => {
    for (let n = diaDoCivil(1900, 1, 1); n <= diaDoCivil(2199, 12, 31); n += 37) {
      const d = new Date(n * 86_400_000);
      expect(formatarData(n)).toBe(d.toISOString().slice(0, 10));
      expect(diaDaSemana(n)).toBe(d.getUTCDay());
      expect(diaDoCivil(...civilDoDia(n))).toBe(n);
    }
  });
  it('Páscoa (algoritmo de Meeus) confere com datas conhecidas', () => {
    const conhecidas: Record<number, string> = {
      2020: '2020-04-12', 2021: '2021-04-04', 2022: '2022-04-17', 2023: '2023-04-09', 2024: '2024-03-31',
      2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28', 2028: '2028-04-16', 2029: '2029-04-01',
      2030: '2030-04-21', 2035: '2035-03-25', 2038: '2038-04-25', 2040: '2040-04-01',
    };
    for (const [ano, data] of Object.entries(conhecidas)) expect(formatarData(diaDaPascoa(Number(ano)))).toBe(data);
  });
});

describe('fuso de Brasília', () => {
  it('instantes ISO com qualquer fuso e ms UTC', () => {
    expect(lerInstante('2026-09-09T02:59:59Z', 'em')).toBe(Date.UTC(2026, 8, 9, 2, 59, 59));
    expect(lerInstante('2026-09-08T23:59:59-03:00', 'em')).toBe(Date.UTC(2026, 8, 9, 2, 59, 59));
    expect(lerInstante('2026-09-08T22:59:59-0400', 'em')).toBe(Date.UTC(2026, 8, 9, 2, 59, 59));
    expect(lerInstante('2026-09-08 23:59:59.5-03:00', 'em')).toBe(Date.UTC(2026, 8, 9, 2, 59, 59, 500));
    expect(formatarInstanteBrasilia(Date.UTC(2026, 8, 9, 3, 0, 0))).toBe('2026-09-09T00:00:00-03:00');
    expect(diaCivilBrasilia(Date.UTC(2026, 8, 9, 2, 59, 59))).toBe(diaDoCivil(2026, 9, 8));
    expect(diaCivilBrasilia(Date.UTC(2026, 8, 9, 3, 0, 0))).toBe(diaDoCivil(2026, 9, 9));
  });
  it('o deslocamento fixo (−03:00) confere com o tzdata do Node (Intl) de 2020 a 2040', () => {
    // Guard: if tzdata ever gets DST back for America/Sao_Paulo, this fails and
    // offsetBrasiliaMinutos (rules/calendario/datas.ts) must change.
    const fmt = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Sao_Paulo', timeZoneName: 'longOffset' });
    for (let ms = Date.UTC(2020, 0, 1); ms <= Date.UTC(2040, 11, 31); ms += 5 * 86_400_000 + 3_600_000) {
      const nome = fmt.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value;
      expect(nome, new Date(ms).toISOString()).toBe('GMT-03:00');
      expect(offsetBrasiliaMinutos(ms)).toBe(-180);
    }
  });
});

describe('calendário', () => {
  const RJ: Local = { uf: 'RJ' };
  const RIO: Local = { uf: 'RJ', municipio: '3304557' };

  it('dias não úteis de 2026 no município do Rio (dias de semana), com motivo', () => {
    expect(naoUteisDoAno(2026, RIO).map((n) => n.data)).toEqual([
      '2026-01-01', '2026-01-20', '2026-02-17', '2026-04-03', '2026-04-21', '2026-04-23', '2026-05-01',
      '2026-09-07', '2026-10-12', '2026-11-02', '2026-11-20', '2026-12-25',
    ]);
  });
  it('2025 no RJ: 7/9, 12/10, 2/11 em domingo e 15/11 em sábado não aparecem entre os dias de semana', () => {
    expect(naoUteisDoAno(2025, RJ).map((n) => n.data)).toEqual([
      '2025-01-01', '2025-03-04', '2025-04-18', '2025-04-21', '2025-04-23', '2025-05-01', '2025-11-20', '2025-12-25',
    ]);
    expect(feriadosDoAno(2025, RJ).map((n) => n.data)).toEqual([
      '2025-01-01', '2025-03-04', '2025-04-18', '2025-04-21', '2025-04-23', '2025-05-01',
      '2025-09-07', '2025-10-12', '2025-11-02', '2025-11-15', '2025-11-20', '2025-12-25',
    ]);
  });
  it('20/11: estadual no RJ até 2023, nacional desde 2024, fora do calendário de SP até 2023', () => {
    expect(motivoNaoUtil('2023-11-20', RJ)).toContain('Lei Estadual 4.007/2002');
    expect(motivoNaoUtil('2024-11-20', RJ)).toBe('Feriado nacional — Dia Nacional de Zumbi e da Consciência Negra (Lei 14.759/2023)');
    expect(motivoNaoUtil('2024-11-20', { uf: 'SP' })).toContain('Lei 14.759/2023');
    expect(ehDiaUtil('2023-11-20', { uf: 'MG' })).toBe(true);
  });
  it('Carnaval: só a terça, e só no RJ; Corpus Christi é dia útil', () => {
    expect(ehDiaUtil('2026-02-16', RJ)).toBe(true);
    expect(ehDiaUtil('2026-02-17', RJ)).toBe(false);
    expect(ehDiaUtil('2026-02-18', RJ)).toBe(true);
    expect(ehDiaUtil('2026-02-17', { uf: 'MG' })).toBe(true);
    expect(ehDiaUtil('2026-06-04', RIO)).toBe(true);
  });
  it('dias decretados por escopo', () => {
    const dec = [
      { data: '2026-06-05', escopo: 'uf' as const, uf: 'RJ' as const, motivo: 'Ponto facultativo', atoLegal: 'Decreto X' },
      { data: '2026-06-08', escopo: 'municipio' as const, municipio: '3304557', motivo: 'Suspensão', atoLegal: 'Decreto Y' },
    ];
    expect(ehDiaUtil('2026-06-05', RJ, dec)).toBe(false);
    expect(ehDiaUtil('2026-06-05', { uf: 'SP' }, dec)).toBe(true);
    expect(ehDiaUtil('2026-06-08', RJ, dec)).toBe(true);
    expect(ehDiaUtil('2026-06-08', RIO, dec)).toBe(false);
    expect(proximoDiaUtil('2026-06-05', RIO, dec)).toBe('2026-06-09');
    expect(naoUteisDoAno(2026, RIO, dec).find((n) => n.data === '2026-06-08')?.motivo).toBe('Suspensão (Decreto Y)');
    expect(naoUteisDoAno(2026, RIO, [], { incluirFinsDeSemana: true })).toHaveLength(12 + 104);
  });
  it('anos cobertos', () => {
    expect(() => naoUteisDoAno(2009, RJ)).toThrow(/ano/);
    expect(() => naoUteisDoAno(ANO_MAXIMO + 1, RJ)).toThrow(/ano/);
  });
});

/**
 * date-holidays cross-check (devDependency only): its type "public" holidays
 * falling on weekdays must equal ours for 2020–2040, except the divergences
 * listed (with their law) in rules/calendario/feriados.ts.
 */
describe('conferência com date-holidays', () => {
  const alvos: [string, Holidays, Local][] = [
    ['BR-RJ', new Holidays('BR', 'RJ'), { uf: 'RJ' }],
    ['BR-RJ-RJ', new Holidays('BR', 'RJ', 'RJ'), { uf: 'RJ', municipio: '3304557' }],
  ];
  for (const [nome, hd, local] of alvos) {
    it(`${nome}, 2020–2040: diferenças = DIVERGENCIAS_DATE_HOLIDAYS`, () => {
      const faltamNaBiblioteca: string[] = [];
      const sobramNaBiblioteca: string[] = [];
      for (let ano = 2020; ano <= 2040; ano++) {
        const deles = new Set(
          hd
            .getHolidays(ano)
            .filter((h) => h.type === 'public')
            .map((h) => h.date.slice(0, 10))
            .filter((d) => {
              const w = diaDaSemana(diaDoCivil(...(d.split('-').map(Number) as [number, number, number])));
              return w !== 0 && w !== 6;
            }),
        );
        const nossos = new Set(naoUteisDoAno(ano, local).map((n) => n.data));
        for (const d of nossos) if (!deles.has(d)) faltamNaBiblioteca.push(d);
        for (const d of deles) if (!nossos.has(d)) sobramNaBiblioteca.push(d);
      }
      const omite = DIVERGENCIAS_DATE_HOLIDAYS.filter((d) => d.local === nome && d.dateHolidays === 'omite').flatMap((d) => d.datas);
      const inclui = DIVERGENCIAS_DATE_HOLIDAYS.filter((d) => d.local === nome && d.dateHolidays === 'inclui').flatMap((d) => d.datas);
      expect(faltamNaBiblioteca.sort()).toEqual([...omite].sort());
      expect(sobramNaBiblioteca.sort()).toEqual([...inclui].sort());
    });
  }
  it('BR (só nacionais): sem divergências em 2024–2040', () => {
    const hd = new Holidays('BR');
    for (let ano = 2024; ano <= 2040; ano++) {
      const deles = hd
        .getHolidays(ano)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10))
        .filter((d) => {
          const w = diaDaSemana(diaDoCivil(...(d.split('-').map(Number) as [number, number, number])));
          return w !== 0 && w !== 6;
        })
        .sort();
      expect(naoUteisDoAno(ano, { uf: 'MG' }).map((n) => n.data), String(ano)).toEqual(deles);
    }
  });
  it('cada divergência cita a base legal', () => {
    for (const d of DIVERGENCIAS_DATE_HOLIDAYS) {
      expect(d.baseLegal).toMatch(/Lei|Decreto/);
      expect(d.datas.length).toBeGreaterThan(0);
    }
  });
});
