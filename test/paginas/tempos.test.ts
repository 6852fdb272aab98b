/**
 * The dashboard's time per phase, unit and inspetor (paginas/tempos.ts) over
 * passages of the vistoria's rite written here, and its SVG chart
 * (paginas/grafico.ts). Durations are whole or half days, so the expected
 * figures are plain arithmetic.
 */
import { describe, expect, it } from 'vitest';
import type { PassagemDeFase } from '../../db/passagens-de-fase';
import { graficoDeBarras } from '../../paginas/grafico';
import { dias, temposPorFase, temposPorInspetor, temposPorUnidade } from '../../paginas/tempos';

const DIA = 86_400_000;
const T0 = Date.parse('2026-03-02T12:00:00-03:00');
const AGORA = T0 + 10 * DIA;
const em = (d: number) => new Date(T0 + d * DIA);

function passagem(processoId: string, fase: string, de: number, ate: number | null, por: string | null, unidade = 'METROPOLITANA I'): PassagemDeFase {
  return { processoId, tipo: 'apostilamento-endereco', unidade, fase, inicio: em(de), fim: ate === null ? null : em(ate), concluidaPor: por };
}

// Process A: requerimento 2 days (ended by Ana), análise de forma 1 day (Ana), exigências (the party's) running.
// Process B: requerimento 3 days (ended by Bruno), then archived (final: no time counted there).
// Process C, another unit: requerimento running since day 6 (4 days to now).
const passagens = [
  passagem('A', 'requerimento', 0, 2, 'ana'),
  passagem('A', 'analise-forma', 2, 3, 'ana'),
  passagem('A', 'exigencias-forma', 3, null, null),
  passagem('B', 'requerimento', 1, 4, 'bruno'),
  passagem('B', 'arquivado', 4, null, null),
  passagem('C', 'requerimento', 6, null, null, 'NORTE FLUMINENSE'),
];

describe('tempo nas fases', () => {
  it('por fase: cada fase não final do rito, na ordem do rito; a fase em curso conta até agora', () => {
    const r = temposPorFase(passagens, AGORA);
    expect(r.map((l) => l.chave)).toEqual(['apostilamento-endereco:requerimento', 'apostilamento-endereco:analise-forma', 'apostilamento-endereco:exigencias-forma']);
    // requerimento: 2, 3 and 4 (running) days: mean 3, median 3, longest 4, one running.
    expect(r[0]).toMatchObject({ passagens: 3, emCurso: 1, media: 3, mediana: 3, maxima: 4 });
    // exigências: from day 3 to now (day 10).
    expect(r[2]).toMatchObject({ passagens: 1, emCurso: 1, media: 7 });
    expect(r[0]!.rotulo).toMatch(/\(Apostilamento de Endereço\)$/);
  });

  it('por unidade: só as fases em que a unidade devia decidir (nem as da parte, nem as finais)', () => {
    const r = temposPorUnidade(passagens, AGORA);
    expect(r.map((l) => [l.rotulo, l.passagens, l.emCurso])).toEqual([
      ['METROPOLITANA I', 3, 0],
      ['NORTE FLUMINENSE', 1, 1],
    ]);
    // METROPOLITANA I: 2, 1 and 3 days — mean 2, median 2 (the middle of three).
    expect(r[0]).toMatchObject({ media: 2, mediana: 2, maxima: 3 });
  });

  it('por inspetor(a): as fases de decisão concluídas, por quem as concluiu; mediana de um número par é a média dos dois do meio', () => {
    const r = temposPorInspetor(passagens, new Map([['ana', 'Ana Inspetora'], ['bruno', 'Bruno Inspetor']]), AGORA);
    expect(r.map((l) => [l.rotulo, l.passagens, l.media, l.mediana, l.maxima])).toEqual([
      ['Ana Inspetora', 2, 1.5, 1.5, 2],
      ['Bruno Inspetor', 1, 3, 3, 3],
    ]);
    expect(dias(1.5)).toBe('1,5');
    expect(dias(2)).toBe('2,0');
  });

  it('o gráfico: uma barra por linha, proporcional, com o texto escapado e título e descrição para leitores de tela', () => {
    const svg = graficoDeBarras({ id: 'g', titulo: 'Tempo <médio>', descricao: 'Barras', barras: [{ rotulo: 'A & B', valor: 4, texto: '4,0 dias' }, { rotulo: 'C', valor: 1, texto: '1,0 dia' }] });
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="g-titulo">Tempo &lt;médio&gt;</title>');
    expect(svg).toContain('data-rotulo="A &amp; B"');
    const larguras = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(larguras[0]! / larguras[1]!).toBeCloseTo(4, 5);
    expect(svg).not.toMatch(/style=/);
  });
});
