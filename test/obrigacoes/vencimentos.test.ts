/**
 * Due dates of the Relatório Anual ("PRAZO: O Relatório Anual deve ser entregue
 * até o último dia útil do mês de maio do ano em curso", Portaria E/COIE.E nº
 * 02/2001) and of the RGA ("PRAZO: O RGA deve ser entregue à equipe de inspeção
 * escolar até o 10º dia útil de cada mês", Del. CEE 345/2014 as amended by
 * 368/2018, art. 66), both in seed 003, for a COOIE seated in Rio de Janeiro/RJ.
 *
 * Every expected date below was derived by hand from a paper calendar, with the
 * non-business days of Rio de Janeiro by law: national (01/01, Sexta-feira da
 * Paixão 03/04/2026 and 26/03/2027, 21/04, 01/05, 07/09, 12/10, 02/11, 15/11,
 * 20/11, 25/12), state (Terça de Carnaval 17/02/2026 and 09/02/2027, 23/04) and
 * municipal (20/01). Easter 2026 = 05/04, Easter 2027 = 28/03. The count of the
 * 10th business day starts on the 1st of the month (if a business day, it is
 * day 1).
 */
import { describe, expect, it } from 'vitest';
import {
  emAtraso,
  entregueNoPrazo,
  obrigacoesDoAno,
  vencimentoRelatorioAnual,
  vencimentoRga,
  type CalendarioDaEntrega,
} from '../../rules/obrigacoes';
import { lerInstante } from '../../rules/calendario';
import { LINHAS } from '../etap/seed';

const RIO: CalendarioDaEntrega = { local: { uf: 'RJ', municipio: '3304557' } };

describe('o prazo é o do seed', () => {
  it('as linhas de PRAZO do seed 003', () => {
    expect(LINHAS).toContain('PRAZO: O Relatório Anual deve ser entregue até o último dia útil do mês de maio do ano em curso.');
    expect(LINHAS).toContain('PRAZO: O RGA deve ser entregue à equipe de inspeção escolar até o 10º dia útil de cada mês.');
  });
});

describe('Relatório Anual: último dia útil de maio (Portaria E/COIE.E nº 02/2001)', () => {
  it('2026: 31/05 é domingo, 30/05 sábado → sexta 29/05/2026 (ano letivo 2025)', () => {
    const v = vencimentoRelatorioAnual(2026, RIO);
    expect(v.data).toBe('2026-05-29');
    expect(v.anoLetivo).toBe(2025);
    expect(v.limite).toBe('2026-05-29T23:59:59-03:00');
    expect(v.explicacao).toBe(
      'Relatório Anual do ano letivo de 2025: entrega até o último dia útil de maio de 2026 (Portaria E/COIE.E nº 02/2001): sex 29/05/2026 (os dias seguintes de maio caem no fim de semana).',
    );
  });

  it('2027: 31/05 é segunda-feira, dia útil → 31/05/2027', () => {
    // Corpus Christi 2027 (27/05) is not a holiday by law in Rio (ponto facultativo only when decreed).
    expect(vencimentoRelatorioAnual(2027, RIO).data).toBe('2027-05-31');
  });

  it('um ponto facultativo decretado no último dia útil não encurta o prazo: prorroga para o dia útil seguinte', () => {
    // 29/05/2026 (Fri) decreed without expediente in the COOIE's município → next business day Mon 01/06/2026
    // (Lei 9.784/1999, art. 66, § 1º), not Thu 28/05.
    const v = vencimentoRelatorioAnual(2026, {
      ...RIO,
      diasDecretados: [{ data: '2026-05-29', escopo: 'municipio', municipio: '3304557', motivo: 'Ponto facultativo', atoLegal: 'Decreto Municipal 1/2026' }],
    });
    expect(v.data).toBe('2026-06-01');
    expect(v.explicacao).toContain('sex 29/05/2026 ficou sem expediente: Ponto facultativo (Decreto Municipal 1/2026); prorrogado para seg 01/06/2026 (Lei 9.784/1999, art. 66, § 1º).');
  });
});

describe('RGA: 10º dia útil de cada mês (Del. CEE 345/2014, alterada pela 368/2018, art. 66), Rio de Janeiro', () => {
  // [month, expected, how it was counted: business days 1..10, skipped weekdays in brackets]
  const TABELA_2026: [number, string, string][] = [
    [1, '2026-01-15', 'qui 01 feriado; sex 02 (1), 05–09 (2–6), 12–15 (7–10)'],
    [2, '2026-02-13', '01 dom; 02–06 (1–5), 09–13 (6–10); Carnaval 17/02 depois'],
    [3, '2026-03-13', '01 dom; 02–06 (1–5), 09–13 (6–10)'],
    [4, '2026-04-15', 'qua 01 (1), 02 (2), [sex 03 Paixão], 06–10 (3–7), 13–15 (8–10)'],
    [5, '2026-05-15', 'sex 01 feriado; 04–08 (1–5), 11–15 (6–10)'],
    [6, '2026-06-12', 'seg 01–05 (1–5), 08–12 (6–10)'],
    [7, '2026-07-14', 'qua 01–03 (1–3), 06–10 (4–8), 13–14 (9–10)'],
    [8, '2026-08-14', '01 sáb; 03–07 (1–5), 10–14 (6–10)'],
    [9, '2026-09-15', 'ter 01–04 (1–4), [seg 07 Independência], 08–11 (5–8), 14–15 (9–10)'],
    [10, '2026-10-15', 'qui 01–02 (1–2), 05–09 (3–7), [seg 12 N. Sra. Aparecida], 13–15 (8–10)'],
    [11, '2026-11-16', '01 dom; [seg 02 Finados], 03–06 (1–4), 09–13 (5–9), seg 16 (10); 15/11 é domingo'],
    [12, '2026-12-14', 'ter 01–04 (1–4), 07–11 (5–9), seg 14 (10)'],
  ];
  const TABELA_2027: [number, string, string][] = [
    [1, '2027-01-15', 'sex 01 feriado; 04–08 (1–5), 11–15 (6–10)'],
    [2, '2027-02-15', 'seg 01–05 (1–5), 08 (6), [ter 09 Carnaval], 10–12 (7–9), seg 15 (10)'],
    [3, '2027-03-12', 'seg 01–05 (1–5), 08–12 (6–10); Paixão 26/03 depois'],
    [4, '2027-04-14', 'qui 01–02 (1–2), 05–09 (3–7), 12–14 (8–10)'],
    [5, '2027-05-14', '01 sáb (feriado no sábado); 03–07 (1–5), 10–14 (6–10)'],
    [6, '2027-06-14', 'ter 01–04 (1–4), 07–11 (5–9), seg 14 (10)'],
    [7, '2027-07-14', 'qui 01–02 (1–2), 05–09 (3–7), 12–14 (8–10)'],
    [8, '2027-08-13', '01 dom; 02–06 (1–5), 09–13 (6–10)'],
    [9, '2027-09-15', 'qua 01–03 (1–3), 06 (4), [ter 07 Independência], 08–10 (5–7), 13–15 (8–10)'],
    [10, '2027-10-15', 'sex 01 (1), 04–08 (2–6), 11 (7), [ter 12 N. Sra. Aparecida], 13–15 (8–10)'],
    [11, '2027-11-16', 'seg 01 (1), [ter 02 Finados], 03–05 (2–4), 08–12 (5–9), [seg 15 República], ter 16 (10)'],
    [12, '2027-12-14', 'qua 01–03 (1–3), 06–10 (4–8), 13–14 (9–10)'],
  ];

  it.each(TABELA_2026)('2026, mês %i → %s (%s)', (mes, esperado) => {
    expect(vencimentoRga(2026, mes, RIO).data).toBe(esperado);
  });
  it.each(TABELA_2027)('2027, mês %i → %s (%s)', (mes, esperado) => {
    expect(vencimentoRga(2027, mes, RIO).data).toBe(esperado);
  });

  it('não é "10 dias úteis a partir do último dia do mês anterior": agosto/2027', () => {
    // 31/07/2027 is a Saturday. As a prazo of "10 dias úteis" from that day, ciência would be deemed on
    // Mon 02/08 and the count would start on Tue 03/08 (day 1), ending on Mon 16/08. The 10th business day
    // of August counts Mon 02/08 as day 1 and ends on Fri 13/08.
    expect(vencimentoRga(2027, 8, RIO).data).toBe('2027-08-13');
  });

  it('a explicação nomeia os dias não úteis do caminho', () => {
    expect(vencimentoRga(2026, 4, RIO).explicacao).toBe(
      'RGA de abril/2026: entrega até o 10º dia útil do mês (Deliberação CEE nº 345/2014, alterada pela Deliberação CEE nº 368/2018, art. 66), contado a partir de 01/04/2026: qua 15/04/2026; dias não úteis no mês até lá, além dos fins de semana: sex 03/04/2026, Feriado nacional — Sexta-feira da Paixão (Lei 9.093/1995, art. 2º).',
    );
  });

  it('dia decretado sem expediente no caminho não conta: empurra o 10º dia útil', () => {
    // March 2026 with Mon 02/03 decreed without expediente: 03–06 (1–4), 09–13 (5–9), Mon 16 (10).
    const v = vencimentoRga(2026, 3, { ...RIO, diasDecretados: [{ data: '2026-03-02', escopo: 'uf', uf: 'RJ', motivo: 'Suspensão do expediente', atoLegal: 'Decreto Estadual 1/2026' }] });
    expect(v.data).toBe('2026-03-16');
  });

  it('10º dia útil com expediente reduzido: conta como dia útil no caminho, mas o prazo não vence nele', () => {
    // March 2026: Wed 04/03 with expediente only until 14h still counts (02–06 are days 1–5, 09–13 are 6–10);
    // if the 10th, Fri 13/03, has reduced expediente, the RGA is due on Mon 16/03 (Lei 9.784/1999, art. 66, § 1º).
    const parcial = (data: string) => ({ tipo: 'expediente-parcial' as const, data, escopo: 'uf' as const, uf: 'RJ' as const, motivo: 'Ponto facultativo até as 14h', atoLegal: 'Decreto Estadual 2/2026' });
    expect(vencimentoRga(2026, 3, { ...RIO, diasDecretados: [parcial('2026-03-04')] }).data).toBe('2026-03-13');
    const v = vencimentoRga(2026, 3, { ...RIO, diasDecretados: [parcial('2026-03-13')] });
    expect(v.data).toBe('2026-03-16');
    expect(v.explicacao).toContain('sex 13/03/2026 tem expediente reduzido: Ponto facultativo até as 14h (Decreto Estadual 2/2026); nenhum prazo vence em dia assim: prorrogado para seg 16/03/2026 (Lei 9.784/1999, art. 66, § 1º).');
  });

  it('indisponibilidade do rito no último dia útil de maio prorroga o Relatório Anual', () => {
    // 31/05/2027 (Mon) with an outage of rito → Tue 01/06/2027 (seed 002, art. 18, VI).
    const v = vencimentoRelatorioAnual(2027, {
      ...RIO,
      diasDecretados: [{ tipo: 'indisponibilidade', data: '2027-05-31', escopo: 'nacional', motivo: 'Indisponibilidade do rito das 10h às 16h', atoLegal: 'registro do administrador' }],
    });
    expect(v.data).toBe('2027-06-01');
  });

  it('o calendário é o do lugar da entrega: fevereiro/2027 numa unidade de São Paulo/SP', () => {
    // No Carnaval holiday by state law in SP: 01–05 (1–5), 08–12 (6–10) → Fri 12/02/2027, against Mon 15/02 in Rio.
    expect(vencimentoRga(2027, 2, { local: { uf: 'SP', municipio: '3550308' } }).data).toBe('2027-02-12');
  });

  it('recusa mês inválido', () => {
    expect(() => vencimentoRga(2026, 13, RIO)).toThrow(/mês de 1 a 12/);
  });
});

describe('obrigações de cada instituição por ano', () => {
  it('escola com Ensino Médio a distância: Relatório Anual e 12 RGAs, em ordem de vencimento', () => {
    const lista = obrigacoesDoAno(2026, { ofertas: ['ensino-medio'], ead: true }, RIO);
    expect(lista).toHaveLength(13);
    expect(lista.map((o) => `${o.tipo} ${o.referencia} ${o.vencimento.data}`).slice(3, 6)).toEqual([
      'rga 2026-04 2026-04-15',
      'rga 2026-05 2026-05-15',
      'relatorio-anual 2025 2026-05-29',
    ]);
    expect(lista[5].titulo).toBe('Relatório Anual do ano letivo de 2025');
  });

  it('só Educação Infantil, presencial: nada a entregar; Educação Profissional presencial: só o Relatório Anual', () => {
    expect(obrigacoesDoAno(2026, { ofertas: ['educacao-infantil'], ead: false }, RIO)).toEqual([]);
    expect(obrigacoesDoAno(2026, { ofertas: ['educacao-infantil', 'educacao-profissional'], ead: false }, RIO).map((o) => o.tipo)).toEqual(['relatorio-anual']);
  });

  it('atraso conta a partir de 00:00:00 do dia seguinte, em horário de Brasília', () => {
    const v = vencimentoRga(2026, 3, RIO); // 2026-03-13
    expect(emAtraso(v, lerInstante('2026-03-13T23:59:59-03:00', 'agora'))).toBe(false);
    expect(emAtraso(v, lerInstante('2026-03-14T00:00:00-03:00', 'agora'))).toBe(true);
    // Sent at 01:30 in Lisbon (UTC+0) on the 14th = 22:30 of the 13th in Brasília: in time.
    expect(entregueNoPrazo(v, lerInstante('2026-03-14T01:30:00Z', 'entrega'))).toBe(true);
  });
});
