/**
 * Reduced expediente, outages of the system and the law each explanation names
 * (issue 11 steps 5, 6 and 8), on the pure engine. Each expected date is
 * derived by hand in its comment. Calendar of RJ 2026: Easter 05/04, so Carnival
 * Tuesday (state holiday, Lei RJ 5.243/2008) is 17/02 and Ash Wednesday 18/02;
 * Carnival Monday 16/02 is only a ponto facultativo by decree, not given here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criarCalendario, diaDoCivil, formatarData, lerData, type DiaDecretado, type Local, type TipoDecretado } from '../../rules/calendario';
import { calcularPrazo, cienciaTacita, prorrogarPrazo, tempestivo } from '../../rules/prazos';

const RJ: Local = { uf: 'RJ' };
const CINZAS: DiaDecretado = {
  data: '2026-02-18',
  escopo: 'uf',
  uf: 'RJ',
  tipo: 'expediente-parcial',
  motivo: 'Ponto facultativo até as 12h — Quarta-feira de Cinzas (expediente a partir das 12h)',
  atoLegal: 'Decreto Estadual 50.000/2026 (teste)',
};

describe('expediente reduzido (Lei 9.784/1999, art. 66, § 1º; CPC, art. 224, § 1º)', () => {
  it('um prazo cujo último dia é a Quarta-feira de Cinzas com expediente a partir das 12h vence na quinta', () => {
    // Ciência sex 13/02; 5 dias: dia 1 = sáb 14, dia 5 = qua 18 (expediente reduzido) → qui 19/02.
    const r = calcularPrazo({ ciencia: '2026-02-13', dias: 5, local: RJ, diasDecretados: [CINZAS] });
    expect(r.vencimentoNominal).toBe('2026-02-18');
    expect(r.vencimento).toBe('2026-02-19');
    expect(r.naoUteis.at(-1)).toEqual({ data: '2026-02-18', motivo: `Expediente reduzido: ${CINZAS.motivo} (${CINZAS.atoLegal})` });
    const texto = r.explicacao.join('\n');
    expect(texto).toContain('qua 18/02/2026 tem expediente reduzido');
    expect(texto).toContain('Lei 9.784/1999, art. 66, § 1º; CPC, art. 224, § 1º');
    // Without the decree, Ash Wednesday is an ordinary business day: the prazo ends on it.
    expect(calcularPrazo({ ciencia: '2026-02-13', dias: 5, local: RJ }).vencimento).toBe('2026-02-18');
  });

  it('5 dias úteis atravessando a quarta de expediente reduzido a contam', () => {
    // Ciência qui 12/02: sex 13 (1), seg 16 (2), ter 17 Carnaval (RJ), qua 18 reduzido mas conta (3), qui 19 (4), sex 20 (5).
    // Had it not counted, the 5th day would be seg 23/02.
    const r = calcularPrazo({ ciencia: '2026-02-12', dias: 5, uteis: true, local: RJ, diasDecretados: [CINZAS] });
    expect(r.vencimento).toBe('2026-02-20');
    expect(r.naoUteis.map((n) => n.data)).toEqual(['2026-02-14', '2026-02-15', '2026-02-17']);
  });

  it('nem começa nele: 3 dias úteis da ciência de seg 16/02 começam na quinta', () => {
    // Ciência seg 16/02: ter 17 Carnaval; qua 18 reduzido não pode ser o dia 1 (CPC art. 224 § 1º);
    // qui 19 (1), sex 20 (2), seg 23 (3) → seg 23/02. Without the start rule: qua 18, qui 19, sex 20.
    const r = calcularPrazo({ ciencia: '2026-02-16', dias: 3, uteis: true, local: RJ, diasDecretados: [CINZAS] });
    expect(r.inicio).toBe('2026-02-19');
    expect(r.vencimento).toBe('2026-02-23');
    expect(r.explicacao.join('\n')).toContain('o prazo não começa nesse dia (CPC, art. 224, § 1º)');
  });

  it('"a contar do primeiro dia útil seguinte" não começa em dia de expediente reduzido', () => {
    // Comunicação seg 16/02: ter 17 Carnaval, qua 18 reduzido → dia 1 = qui 19; 10 dias: dia 10 = sáb 28/02 → seg 02/03.
    const r = calcularPrazo({ ciencia: '2026-02-16', dias: 10, contarDe: 'primeiro-dia-util', local: RJ, diasDecretados: [CINZAS] });
    expect(r.inicio).toBe('2026-02-19');
    expect(r.vencimento).toBe('2026-03-02');
  });

  it('a prorrogação também não vence nele', () => {
    // Vencimento atual sex 13/02; +5 dias: sáb 14 (1) … qua 18 (5), reduzido → qui 19/02.
    const r = prorrogarPrazo({ vencimento: '2026-02-13', dias: 5, prorrogavel: true, jaProrrogado: false, local: RJ, diasDecretados: [CINZAS] });
    expect(r.concedida && r.vencimento).toBe('2026-02-19');
  });
});

describe('indisponibilidade do sistema no último dia (IN SEI-MEC, art. 18, VI; Lei 11.419/2006, art. 10, § 2º)', () => {
  const QUEDA: DiaDecretado = {
    data: '2026-09-08',
    escopo: 'nacional',
    tipo: 'indisponibilidade',
    motivo: 'Indisponibilidade do rito de 08/09/2026 14:00 a 08/09/2026 18:30 — falha do banco de dados',
    atoLegal: 'registro de indisponibilidade nº 1',
  };
  it('o prazo que venceria no dia da queda vence no dia útil seguinte, e a explicação diz por quê', () => {
    // Ciência qua 02/09; 5 dias: dia 5 = seg 07/09 (feriado) → ter 08/09, dia da indisponibilidade → qua 09/09.
    const r = calcularPrazo({ ciencia: '2026-09-02', dias: 5, local: RJ, diasDecretados: [QUEDA] });
    expect(r.vencimento).toBe('2026-09-09');
    const texto = r.explicacao.join('\n');
    expect(texto).toContain('teve indisponibilidade do sistema');
    expect(texto).toContain('Lei 11.419/2006, art. 10, § 2º');
  });
  it('no meio do prazo, o dia da queda conta', () => {
    // Ciência seg 07/09 (feriado) → considerada ter 08/09; 3 dias úteis: qua 09 (1), qui 10 (2), sex 11 (3).
    // A queda on qui 10/09 does not move it: sex 11/09.
    const r = calcularPrazo({ ciencia: '2026-09-07', dias: 3, uteis: true, local: RJ, diasDecretados: [{ ...QUEDA, data: '2026-09-10' }] });
    expect(r.vencimento).toBe('2026-09-11');
  });
  it('tempestivo avisa que o vencimento informado caiu num dia de indisponibilidade', () => {
    const r = tempestivo({ vencimento: '2026-09-08', em: '2026-09-09T10:00:00-03:00', local: RJ, diasDecretados: [QUEDA] });
    expect(r.avisos.join('\n')).toContain('o último dia seria qua 09/09/2026');
  });
});

describe('as explicações citam a lei que aplicam', () => {
  it('ciência em dia não útil: Lei 11.419/2006, art. 5º, § 2º; contagem do primeiro dia útil seguinte: CPC, art. 224, § 3º', () => {
    // Comunicação sáb 01/08/2026 → considerada seg 03/08; primeiro dia útil seguinte = ter 04/08 (dia 1); 10 dias → qui 13/08.
    const r = calcularPrazo({ ciencia: '2026-08-01', dias: 10, contarDe: 'primeiro-dia-util', local: RJ });
    expect(r.vencimento).toBe('2026-08-13');
    const texto = r.explicacao.join('\n');
    expect(texto).toContain('considera-se feita no primeiro dia útil seguinte, seg 03/08/2026 (regra 7; Lei 11.419/2006, art. 5º, § 2º)');
    expect(texto).toContain('(regra 5; Deliberação CEE 388/2020, art. 41, § 1º; CPC, art. 224, § 3º): dia 1 = ter 04/08/2026');
    expect(texto).toContain('(regra 4; Instrução Normativa SEI-MEC (DOU de 16/10/2025), art. 18, VII)');
  });
  it('ciência tácita dez dias corridos depois do envio: Lei 11.419/2006, art. 5º, § 3º', () => {
    // Envio ter 01/09/2026 + 10 = sex 11/09/2026, a business day: ciência tácita that day.
    const r = cienciaTacita({ envio: '2026-09-01', local: RJ });
    expect(r.ciencia).toBe('2026-09-11');
    expect(r.explicacao[0]).toContain('(regra 7; Lei 11.419/2006, art. 5º, § 3º)');
  });
  it('o último dia não útil prorroga o prazo: Lei 9.784/1999, art. 66, § 1º', () => {
    // Ciência qua 02/09/2026; 5 dias: dia 5 = seg 07/09 (feriado) → ter 08/09.
    const r = calcularPrazo({ ciencia: '2026-09-02', dias: 5, local: RJ });
    expect(r.explicacao.join('\n')).toContain('o prazo se prorroga para o primeiro dia útil seguinte, ter 08/09/2026 (regra 3; Lei 9.784/1999, art. 66, § 1º)');
  });
});

describe('propriedades com dias de expediente reduzido e indisponibilidades (fast-check)', () => {
  const INICIO = diaDoCivil(2020, 1, 1);
  const FIM = diaDoCivil(2039, 12, 31);
  const data = fc.integer({ min: INICIO, max: FIM }).map(formatarData);
  const decretado: fc.Arbitrary<DiaDecretado> = fc.record({
    data,
    tipo: fc.constantFrom<TipoDecretado>('sem-expediente', 'expediente-parcial', 'indisponibilidade'),
    motivo: fc.constant('Ponto facultativo'),
    atoLegal: fc.constant('Decreto de teste'),
  }).map((d) => ({ ...d, escopo: 'nacional' as const }));
  const entrada = fc.record({
    ciencia: data,
    dias: fc.integer({ min: 1, max: 200 }),
    uteis: fc.boolean(),
    contarDe: fc.constantFrom('dia-seguinte' as const, 'primeiro-dia-util' as const),
    local: fc.constantFrom<Local>({ uf: 'RJ' }, { uf: 'RJ', municipio: '3304557' }, { uf: 'SP' }),
    diasDecretados: fc.array(decretado, { maxLength: 8 }),
  });

  it('o prazo vence num dia em que pode vencer, e começa num em que pode começar (dias úteis)', () => {
    fc.assert(
      fc.property(entrada, (e) => {
        const r = calcularPrazo(e);
        const cal = criarCalendario(e.local, e.diasDecretados);
        expect(cal.podeVencer(lerData(r.vencimento, 'v'))).toBe(true);
        if (e.uteis || e.contarDe === 'primeiro-dia-util') expect(cal.podeIniciar(lerData(r.inicio, 'i'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('acrescentar um dia de qualquer tipo nunca antecipa o limite', () => {
    fc.assert(
      fc.property(entrada, decretado, (e, novo) => {
        const antes = calcularPrazo(e);
        const depois = calcularPrazo({ ...e, diasDecretados: [...e.diasDecretados, novo] });
        expect(depois.limiteEpochMs).toBeGreaterThanOrEqual(antes.limiteEpochMs);
      }),
      { numRuns: 300 },
    );
  });
});
