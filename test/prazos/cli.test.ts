/**
 * `rito prazo …` and `rito calendario …` as a user runs them: `node bin/rito`
 * in a child process, over the shared case table (casos.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run as runCalendario } from '../../cli/calendario';
import { run as runPrazo, type FonteDiasDecretados } from '../../cli/prazo';
import type { DiaDecretado, Local } from '../../rules/calendario';
import { casos, type Caso } from './casos';
import { conferir } from './executar';

const RAIZ = resolve(__dirname, '../..');
const TMP = mkdtempSync(join(tmpdir(), 'rito-prazo-cli-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function rito(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(process.execPath, [join(RAIZ, 'bin/rito'), ...args], { cwd: RAIZ, timeout: 30_000 }, (err, stdout, stderr) => {
      ok({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

function argsLocal(local: Local | undefined, decretados: readonly DiaDecretado[] | undefined, id: string): string[] {
  const a: string[] = [];
  if (local) {
    a.push('--uf', local.uf);
    if (local.municipio) a.push('--municipio', local.municipio);
    if (local.unidade) a.push('--unidade', local.unidade);
  }
  if (decretados?.length) {
    const arquivo = join(TMP, `${id}.json`);
    writeFileSync(arquivo, JSON.stringify(decretados));
    a.push('--decretados', arquivo);
  }
  return a;
}

/** The command line that asks the CLI what a case asks the engine. */
export function argsDoCaso(caso: Caso): string[] {
  const a: string[] = ['prazo'];
  switch (caso.tipo) {
    case 'calcular': {
      const e = caso.entrada;
      a.push('calcular', '--ciencia', e.ciencia, '--dias', String(e.dias));
      if (e.uteis) a.push('--uteis');
      if (e.contarDe) a.push('--contar-de', e.contarDe);
      a.push(...argsLocal(e.local, e.diasDecretados, caso.id));
      break;
    }
    case 'prorrogar': {
      const e = caso.entrada;
      a.push('prorrogar', '--vencimento', e.vencimento, '--dias', String(e.dias));
      if (e.uteis) a.push('--uteis');
      if (!e.prorrogavel) a.push('--improrrogavel');
      if (e.jaProrrogado) a.push('--ja-prorrogado');
      if (e.pedidoEm !== undefined) a.push('--pedido-em', String(e.pedidoEm));
      a.push(...argsLocal(e.local, e.diasDecretados, caso.id));
      break;
    }
    case 'ciencia': {
      const e = caso.entrada;
      a.push('ciencia', '--envio', String(e.envio));
      if (e.abertaEm !== undefined) a.push('--aberta-em', String(e.abertaEm));
      a.push(...argsLocal(e.local, e.diasDecretados, caso.id));
      break;
    }
    case 'visita': {
      const e = caso.entrada;
      a.push('visita', '--aviso', String(e.aviso));
      if (e.antecedenciaDias !== undefined) a.push('--antecedencia', String(e.antecedenciaDias));
      a.push(...argsLocal(e.local, e.diasDecretados, caso.id));
      break;
    }
    case 'tempestivo': {
      const e = caso.entrada;
      a.push('tempestivo', '--vencimento', e.vencimento, '--em', String(e.em));
      a.push(...argsLocal(e.local, e.diasDecretados, caso.id));
      break;
    }
  }
  a.push('--json');
  return a;
}

describe.concurrent('rito prazo … --json sobre a tabela de casos', () => {
  for (const caso of casos) {
    it(`${caso.id}`, async () => {
      const r = await rito(argsDoCaso(caso));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const linhas = r.stdout.trim().split('\n');
      expect(linhas).toHaveLength(1); // one JSON object
      const json = JSON.parse(linhas[0]);
      expect(json).toHaveProperty('naoUteis');
      if (caso.tipo !== 'visita') {
        expect(json).toHaveProperty('vencimento');
        expect(json).toHaveProperty('limite');
      }
      conferir(json, caso.esperado);
    });
  }
});

describe.concurrent('rito prazo: saída legível e erros', () => {
  it('sem --json explica em português', async () => {
    const r = await rito(['prazo', 'calcular', '--ciencia', '2026-09-02', '--dias', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Vencimento: ter 08/09/2026, até 23:59:59 (horário de Brasília) — 2026-09-08T23:59:59-03:00');
    expect(r.stdout).toContain('seg 07/09/2026  Feriado nacional — Independência do Brasil');
  });
  it('prorrogação recusada é resposta (código 0) com o motivo', async () => {
    const r = await rito(['prazo', 'prorrogar', '--vencimento', '2026-09-22', '--dias', '10', '--improrrogavel']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Prorrogação RECUSADA — o prazo é improrrogável');
  });
  const erros: [string[], string][] = [
    [['prazo', 'calcular', '--ciencia', '2026-02-30', '--dias', '5'], '--ciencia: 2026-02-30 não existe'],
    [['prazo', 'calcular', '--ciencia', '2026-09-02', '--dias', 'cinco'], '--dias: informe um número inteiro'],
    [['prazo', 'calcular', '--ciencia', '2026-09-02', '--dias', '0'], '--dias: informe um número inteiro de dias entre 1 e'],
    [['prazo', 'calcular', '--dias', '5'], '--ciencia: obrigatório'],
    [['prazo', 'calcular', '--ciencia', '2026-09-02', '--dias', '5', '--uf', 'XX'], '--uf: "XX" não é uma UF'],
    [['prazo', 'calcular', '--ciencia', '2026-09-02', '--dias', '5', '--municipio', '3550308'], '--municipio: o município 3550308 não pertence à UF RJ'],
    [['prazo', 'calcular', '--ciencia', '2026-09-02', '--dias', '5', '--contar-de', 'ontem'], '--contar-de:'],
    [['prazo', 'calcular', '--ciencia', '2026-09-02', '--dias', '5', '--xpto'], '--xpto: opção desconhecida'],
    [['prazo', 'calcular', '--ciencia', '2026-09-02', '--dias'], '--dias: falta o valor'],
    [['prazo', 'prorrogar', '--vencimento', '2026-09-22', '--dias', '20', '--pedido-em', '2026-09-20 10:00'], '--pedido-em: "2026-09-20 10:00" não tem fuso'],
    [['prazo', 'ciencia', '--envio', '2026-09-10', '--aberta-em', '2026-09-03T10:00:00-03:00'], '--aberta-em: a abertura'],
    [['prazo', 'visita', '--aviso', 'amanhã'], '--aviso:'],
    [['prazo', 'tempestivo', '--vencimento', '2026-09-08', '--em', 'agora'], '--em: "agora" não é um instante'],
    [['prazo', 'tempestivo', '--vencimento', '2026-09-08'], '--em: obrigatório'],
    [['prazo', 'calcular', '--ciencia', '2026-09-02', '--dias', '5', '--decretados', '/nao/existe.json'], '--decretados: não foi possível ler'],
    [['prazo', 'voar'], 'subcomando desconhecido "voar"'],
    [['calendario', 'listar', '1999'], 'ANO: informe um ano entre'],
    [['calendario', 'listar', '2026', '--uf', 'ZZ'], '--uf:'],
  ];
  for (const [args, trecho] of erros) {
    it(`${args.slice(1).join(' ')} → código ≠ 0`, async () => {
      const r = await rito(args);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(trecho);
    });
  }
  it('dia decretado inválido no arquivo aponta o item', async () => {
    const arquivo = join(TMP, 'invalido.json');
    writeFileSync(arquivo, JSON.stringify([{ data: '2026-09-08', escopo: 'nacional', motivo: 'x' }]));
    const r = await rito(['prazo', 'calcular', '--ciencia', '2026-09-02', '--dias', '5', '--decretados', arquivo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--decretados: dia decretado nº 1 (atoLegal)');
  });
});

describe.concurrent('rito calendario', () => {
  it('listar 2026 --municipio 3304557 --json', async () => {
    const r = await rito(['calendario', 'listar', '2026', '--municipio', '3304557', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ano).toBe(2026);
    expect(json.naoUteis.map((n: { data: string }) => n.data)).toEqual([
      '2026-01-01', '2026-01-20', '2026-02-17', '2026-04-03', '2026-04-21', '2026-04-23', '2026-05-01',
      '2026-09-07', '2026-10-12', '2026-11-02', '2026-11-20', '2026-12-25',
    ]);
    expect(json.naoUteis[1].motivo).toBe('Feriado municipal (Rio de Janeiro/RJ) — Dia de São Sebastião (Lei Municipal 1.271/1988)');
  });
  it('listar 2026 legível', async () => {
    const r = await rito(['calendario', 'listar', '2026']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('qui 23/04/2026  Feriado estadual (RJ) — Dia de São Jorge (Lei Estadual 5.198/2008)');
    expect(r.stdout).toContain('(11 dias)');
  });
  it('dia 2026-11-15 --json', async () => {
    const r = await rito(['calendario', 'dia', '2026-11-15', '--json']);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ data: '2026-11-15', diaUtil: false, proximoDiaUtil: '2026-11-16' });
    expect(json.motivo).toContain('Proclamação da República');
  });
});

describe('costura para dias decretados do banco (em processo)', () => {
  it('consulta a fonte pelo local e amplia o horizonte até cobrir o vencimento', async () => {
    const consultas: { de: string; ate: string; local: Local }[] = [];
    // Suspension of every business day in Oct–Nov 2026: pushes a 20-dias-úteis prazo far ahead.
    const suspensos: DiaDecretado[] = [];
    for (let d = 1; d <= 30; d++) suspensos.push({ data: `2026-11-${String(d).padStart(2, '0')}`, escopo: 'uf', uf: 'RJ', motivo: 'Suspensão', atoLegal: 'Decreto de teste' });
    const fonte: FonteDiasDecretados = async (c) => {
      consultas.push(c);
      return suspensos.filter((s) => s.data >= c.de && s.data <= c.ate);
    };
    let saida = '';
    const code = await runPrazo(['calcular', '--ciencia', '2026-10-01', '--dias', '20', '--uteis', '--json'], {
      diasDecretados: fonte,
      escrever: (t) => (saida += t),
    });
    expect(code).toBe(0);
    const r = JSON.parse(saida);
    // Business days after qui 01/10/2026: 02 (1), 05–09 (6), 13–16 (10; 12 is a holiday), 19–23 (15), 26–30 (20): November not reached.
    expect(r.vencimento).toBe('2026-10-30');
    // Horizon for dias úteis: 2 × 20 + 60 = 100 days.
    expect(consultas).toEqual([{ local: { uf: 'RJ' }, de: '2026-10-01', ate: '2027-01-09' }]);

    saida = '';
    consultas.length = 0;
    await runPrazo(['calcular', '--ciencia', '2026-10-26', '--dias', '10', '--uteis', '--json'], { diasDecretados: fonte, escrever: (t) => (saida += t) });
    // 27, 28, 29, 30/10 (4), November suspended, then 01/12 … : 01, 02, 03, 04, 07, 08 (10).
    expect(JSON.parse(saida).vencimento).toBe('2026-12-08');
    expect(consultas.length).toBe(1);
  });
  it('amplia o horizonte quando o vencimento passa dele', async () => {
    // Every day from 27/10 to 31/12/2026 suspended: 1 dia útil from seg 26/10 lands on seg 04/01/2027
    // (01/01 holiday, 02–03 weekend), past the first horizon (2 × 1 + 60 = 62 days → 27/12/2026).
    const suspensos: DiaDecretado[] = [];
    for (let m = 10; m <= 12; m++) {
      for (let d = 1; d <= 31; d++) {
        const data = `2026-${m}-${String(d).padStart(2, '0')}`;
        if (data >= '2026-10-27' && !(m === 11 && d === 31)) suspensos.push({ data, escopo: 'nacional', motivo: 'Suspensão', atoLegal: 'Teste' });
      }
    }
    const consultas: { de: string; ate: string }[] = [];
    let saida = '';
    await runPrazo(['calcular', '--ciencia', '2026-10-26', '--dias', '1', '--uteis', '--json'], {
      diasDecretados: async (c) => {
        consultas.push({ de: c.de, ate: c.ate });
        return suspensos.filter((s) => s.data >= c.de && s.data <= c.ate);
      },
      escrever: (t) => (saida += t),
    });
    expect(JSON.parse(saida).vencimento).toBe('2027-01-04');
    expect(consultas).toEqual([
      { de: '2026-10-26', ate: '2026-12-27' },
      // provisional result with days up to 27/12 loaded: seg 28/12 → new horizon 28/12 + 62 = 28/02/2027
      { de: '2026-10-26', ate: '2027-02-28' },
    ]);
  });
  it('calendario listar usa a mesma costura', async () => {
    let saida = '';
    const code = await runCalendario(['listar', '2026', '--json'], {
      diasDecretados: async ({ de, ate }) => {
        expect([de, ate]).toEqual(['2026-01-01', '2026-12-31']);
        return [{ data: '2026-06-04', escopo: 'uf', uf: 'RJ', motivo: 'Ponto facultativo — Corpus Christi', atoLegal: 'Decreto de teste' }];
      },
      escrever: (t) => (saida += t),
    });
    expect(code).toBe(0);
    expect(JSON.parse(saida).naoUteis.find((n: { data: string }) => n.data === '2026-06-04').motivo).toBe('Ponto facultativo — Corpus Christi (Decreto de teste)');
  });
});
