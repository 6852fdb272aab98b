/**
 * The state holidays of the 27 UFs as data (issue 11 step 3), the weekday moves
 * some states' laws make, and a year's exceptions (Lei RJ 9.224/2021). Each
 * expected date is derived by hand in its comment; the CLI cases run `node
 * bin/rito` as a user would.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXCECOES_DO_ANO, FERIADOS_ESTADUAIS, UFS, avisoEstadual, feriadosDoAno, motivoNaoUtil } from '../../rules/calendario';
import { calcularPrazo } from '../../rules/prazos';

const RAIZ = resolve(__dirname, '../..');
function rito(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(process.execPath, [join(RAIZ, 'bin/rito'), ...args], { cwd: RAIZ, timeout: 30_000 }, (err, stdout, stderr) => {
      ok({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('rito prazo calcular com feriados estaduais de outras UFs', () => {
  it('SP: ciência seg 06/07/2026, 3 dias → sex 10/07/2026', async () => {
    // Day 1 = ter 07/07, day 3 = qui 09/07, Revolução Constitucionalista (Lei SP 9.497/1997): moves to sex 10/07 (rule 3).
    const r = await rito(['prazo', 'calcular', '--ciencia', '2026-07-06', '--dias', '3', '--uf', 'SP', '--json']);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.vencimento).toBe('2026-07-10');
    expect(j.naoUteis).toEqual([{ data: '2026-07-09', motivo: 'Feriado estadual (SP) — Revolução Constitucionalista de 1932 (Data Magna) (Lei Estadual 9.497/1997)' }]);
    // SP's row was seen in its source: no warning about the state's holidays.
    expect(j.avisos.join('\n')).not.toContain('Feriados estaduais');
  });

  it('BA: ciência seg 29/06/2026, 3 dias → sex 03/07/2026; o mesmo prazo no RJ vence qui 02/07', async () => {
    // Day 1 = ter 30/06, day 3 = qui 02/07, Independência da Bahia (Constituição baiana) → sex 03/07. In RJ 02/07 is a business day.
    const ba = JSON.parse((await rito(['prazo', 'calcular', '--ciencia', '2026-06-29', '--dias', '3', '--uf', 'BA', '--json'])).stdout);
    expect(ba.vencimento).toBe('2026-07-03');
    expect(ba.naoUteis[0]).toEqual({ data: '2026-07-02', motivo: 'Feriado estadual (BA) — Independência da Bahia (Constituição do Estado da Bahia)' });
    const rj = JSON.parse((await rito(['prazo', 'calcular', '--ciencia', '2026-06-29', '--dias', '3', '--json'])).stdout);
    expect(rj.vencimento).toBe('2026-07-02');
  });
});

describe('as regras de cada UF', () => {
  it('todas as 27 UFs têm sua tabela, cada linha com ato e fonte', () => {
    expect(Object.keys(FERIADOS_ESTADUAIS).sort()).toEqual([...UFS].sort());
    for (const uf of UFS) for (const r of FERIADOS_ESTADUAIS[uf]) expect(r.atoLegal && r.fonte && r.conferencia, `${uf} ${r.nome}`).toBeTruthy();
  });

  it('AL: Dia do Evangélico (30/11) numa terça vai para a segunda; numa quinta, para a sexta', () => {
    // 30/11/2027 is a Tuesday → seg 29/11/2027; 30/11/2028 is a Thursday → sex 01/12/2028 (Lei AL 7.530/2013).
    const d2027 = feriadosDoAno(2027, { uf: 'AL' }).map((f) => f.data);
    expect(d2027).toContain('2027-11-29');
    expect(d2027).not.toContain('2027-11-30');
    expect(feriadosDoAno(2028, { uf: 'AL' }).map((f) => f.data)).toContain('2028-12-01');
    // 30/11/2026 is a Monday: kept.
    expect(motivoNaoUtil('2026-11-30', { uf: 'AL' })).toContain('Dia do Evangélico');
  });

  it('SC: a Data Magna (11/08) é guardada no domingo seguinte, e a terça 11/08/2026 é dia útil', () => {
    // 11/08/2026 is a Tuesday → domingo 16/08/2026.
    expect(motivoNaoUtil('2026-08-11', { uf: 'SC' })).toBeUndefined();
    expect(feriadosDoAno(2026, { uf: 'SC' }).map((f) => f.data)).toContain('2026-08-16');
  });

  it('ES: Nossa Senhora da Penha, segunda-feira oito dias depois da Páscoa (desde a Lei ES 11.010/2019)', () => {
    // Easter 2026 = 05/04 → +8 = seg 13/04/2026. Easter 2018 = 01/04 → 09/04/2018 was no holiday yet.
    expect(motivoNaoUtil('2026-04-13', { uf: 'ES' })).toContain('Nossa Senhora da Penha (Lei Estadual 11.010/2019)');
    expect(motivoNaoUtil('2018-04-09', { uf: 'ES' })).toBeUndefined();
  });

  it('avisa quando as linhas da UF não foram vistas no texto da lei; não avisa para SP, BA, PR', () => {
    expect(avisoEstadual('SP')).toBeUndefined();
    expect(avisoEstadual('BA')).toBeUndefined();
    expect(avisoEstadual('PR')).toBeUndefined();
    expect(avisoEstadual('AC')).toContain('Dia da Amazônia (Lei Estadual 1.526/2004 (ou 243/1968))');
    expect(avisoEstadual('MT')).toContain('ausência de feriado estadual');
    expect(calcularPrazo({ ciencia: '2026-09-01', dias: 5, local: { uf: 'TO' } }).avisos.join('\n')).toContain('Feriados estaduais de TO não conferidos');
  });
});

describe('exceções de um ano (Lei RJ 9.224/2021), como dados', () => {
  it('são linhas com ato e fonte', () => {
    expect(EXCECOES_DO_ANO.filter((x) => x.uf === 'RJ' && x.atoLegal === 'Lei Estadual 9.224/2021')).toHaveLength(7);
  });

  it('21/04/2021 e 23/04/2021 foram dias úteis no RJ; em SP, 21/04 continuou feriado', () => {
    // Ciência qua 14/04/2021, 7 dias: day 1 = qui 15/04, day 7 = qua 21/04. RJ: Tiradentes was moved to March → ends 21/04.
    expect(calcularPrazo({ ciencia: '2021-04-14', dias: 7, local: { uf: 'RJ' } }).vencimento).toBe('2021-04-21');
    // SP: 21/04 is Tiradentes (national) → qui 22/04.
    expect(calcularPrazo({ ciencia: '2021-04-14', dias: 7, local: { uf: 'SP' } }).vencimento).toBe('2021-04-22');
    expect(motivoNaoUtil('2021-04-23', { uf: 'RJ' })).toBeUndefined();
  });

  it('26/03 a 02/04/2021 sem expediente no RJ: 1 dia útil da ciência de qui 25/03 vence seg 05/04', () => {
    // After 25/03: sex 26 (instituído), sáb, dom, seg 29 and ter 30 (antecipados), qua 31 and qui 01/04 (instituídos),
    // sex 02/04 (Paixão, national), sáb, dom → first business day seg 05/04/2021.
    const r = calcularPrazo({ ciencia: '2021-03-25', dias: 1, uteis: true, local: { uf: 'RJ' } });
    expect(r.vencimento).toBe('2021-04-05');
    expect(r.naoUteis.find((n) => n.data === '2021-03-29')!.motivo).toBe('Feriado estadual (RJ) — Tiradentes e Dia de São Jorge, antecipados (Lei Estadual 9.224/2021)');
  });
});
