/**
 * Instants before 2019 convert with the offset then in force (issue 11 step 7;
 * DOMAIN prazos rule 12): Brazil kept summer time (UTC−2 in Brasília) until
 * 17/02/2019 (Decreto 9.772/2019). The periods are a fixed table
 * (HORARIO_DE_VERAO), checked here against the Node's tzdata.
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diaCivilBrasilia, diaDoCivil, formatarInstanteBrasilia, HORARIO_DE_VERAO, inicioDoDiaBrasilia, limiteDoDia, offsetBrasiliaMinutos } from '../../rules/calendario';
import { tempestivo } from '../../rules/prazos';

const RAIZ = resolve(__dirname, '../..');
function rito(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(process.execPath, [join(RAIZ, 'bin/rito'), ...args], { cwd: RAIZ, timeout: 30_000 }, (err, stdout, stderr) => {
      ok({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('horário de verão antes de 2019', () => {
  it('rito prazo tempestivo --vencimento 2018-11-20 --em 2018-11-21T02:30:00Z: intempestivo', async () => {
    // Summer time began on 04/11/2018 (Decreto 9.242/2017: first Sunday of November), so on 21/11/2018
    // Brasília was UTC−2: 02:30Z = 00:30 of 21/11, after 23:59:59 of 20/11 (= 01:59:59Z) → intempestivo.
    const r = await rito(['prazo', 'tempestivo', '--vencimento', '2018-11-20', '--em', '2018-11-21T02:30:00Z', '--json']);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ tempestivo: false, em: '2018-11-21T00:30:00-02:00', limite: '2018-11-20T23:59:59-02:00', segundosAposLimite: 1801 });
  });

  it('01:59:59Z do dia seguinte ainda é 23:59:59 do último dia: tempestivo', () => {
    // 01:59:59Z − 2 h = 23:59:59 of 20/11/2018, Brasília summer time.
    expect(tempestivo({ vencimento: '2018-11-20', em: '2018-11-21T01:59:59Z' }).tempestivo).toBe(true);
    expect(tempestivo({ vencimento: '2018-11-20', em: '2018-11-21T02:00:00Z' }).tempestivo).toBe(false);
  });

  it('no dia em que o horário de verão começa, o dia começa à 01:00 (03:00Z); no que termina, às 03:00Z', () => {
    // 04/11/2018: at 00:00 (UTC−3) clocks went to 01:00 (UTC−2) = 03:00Z. 17/02/2019: at 00:00 (UTC−2)
    // clocks went back to 23:00 of 16/02, so 17/02 began at 00:00 UTC−3 = 03:00Z, and 16/02 had 25 hours.
    expect(new Date(inicioDoDiaBrasilia(diaDoCivil(2018, 11, 4))).toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(new Date(inicioDoDiaBrasilia(diaDoCivil(2018, 11, 5))).toISOString()).toBe('2018-11-05T02:00:00.000Z');
    expect(new Date(inicioDoDiaBrasilia(diaDoCivil(2019, 2, 17))).toISOString()).toBe('2019-02-17T03:00:00.000Z');
    expect(formatarInstanteBrasilia(limiteDoDia(diaDoCivil(2019, 2, 16)))).toBe('2019-02-16T23:59:59-03:00');
    expect(diaCivilBrasilia(Date.UTC(2019, 1, 17, 2, 30))).toBe(diaDoCivil(2019, 2, 16));
  });

  it('a tabela confere com o tzdata do Node (Intl) de 2008 a 2020, hora a hora em volta de cada mudança', () => {
    const fmt = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Sao_Paulo', timeZoneName: 'longOffset' });
    const deIntl = (ms: number) => {
      const nome = fmt.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')!.value;
      return nome === 'GMT-02:00' ? -120 : nome === 'GMT-03:00' ? -180 : NaN;
    };
    const instantes: number[] = [];
    for (let ms = Date.UTC(2008, 6, 1); ms <= Date.UTC(2020, 0, 1); ms += 3 * 86_400_000 + 3_600_000) instantes.push(ms);
    for (const p of HORARIO_DE_VERAO) {
      for (const dia of [p.inicio, p.fim]) {
        const base = Date.parse(`${dia}T00:00:00Z`);
        for (let h = -6; h <= 30; h++) instantes.push(base + h * 3_600_000, base + h * 3_600_000 - 1000);
      }
    }
    for (const ms of instantes) expect(offsetBrasiliaMinutos(ms), new Date(ms).toISOString()).toBe(deIntl(ms));
  });
});
