/**
 * The calendar a process's prazos count on, read in one query (db/calendario-da-unidade.ts): the same decreed
 * days, outages and municipal holidays as each repository's own read, though the rows come back as JSON
 * (timestamps as text) — the outage's days and its wording included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect';
import { calendarioDaUnidade } from '../../db/calendario-da-unidade';
import { lerDiasDecretados } from '../../db/dias-decretados';
import { lerFeriadosMunicipais } from '../../db/feriados-municipais';
import { localDaUnidade } from '../../db/unidades';
import { freshDatabase } from '../support/database';

let banco: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;

// METROPOLITANA I is seated in Rio de Janeiro (IBGE 3304557), whose municipal holidays the migrations load.
const UNIDADE = 'METROPOLITANA I';
const DESDE = '2026-03-01';

beforeAll(async () => {
  banco = await freshDatabase();
  db = banco.db;
  const dia = { motivo: 'Ponto facultativo (teste)', ato_legal: 'Decreto de teste', criado_por: 'admin' };
  await db
    .insertInto('dia_decretado')
    .values([
      { ...dia, data: '2026-03-10', escopo: 'uf', uf: 'RJ', municipio: null, unidade: null },
      { ...dia, data: '2026-03-12', escopo: 'unidade', uf: null, municipio: null, unidade: UNIDADE, tipo: 'expediente-parcial' },
      // Another unit's, and one before DESDE: neither counts here.
      { ...dia, data: '2026-03-13', escopo: 'unidade', uf: null, municipio: null, unidade: 'NORTE FLUMINENSE', motivo: 'De outra unidade' },
      { ...dia, data: '2026-02-20', escopo: 'uf', uf: 'RJ', municipio: null, unidade: null, motivo: 'Antes da leitura' },
    ])
    .execute();
  // An outage over midnight in Brasília (03:00 UTC): two civil days.
  await db
    .insertInto('indisponibilidade')
    .values({ inicio: new Date('2026-03-17T22:00:00-03:00'), fim: new Date('2026-03-18T02:00:00-03:00'), motivo: 'Queda do banco (teste)', registrado_por: 'admin' })
    .execute();
});
afterAll(() => banco?.drop());

describe('o calendário da unidade numa consulta', () => {
  it('gives the decreed days, the outage days and the município holidays that each repository reads on its own', async () => {
    const local = await localDaUnidade(db, UNIDADE);
    const separado = { local, diasDecretados: await lerDiasDecretados(db, local, DESDE), feriadosMunicipais: await lerFeriadosMunicipais(db, local.municipio!) };

    const junto = await calendarioDaUnidade(db, UNIDADE, DESDE);

    expect(junto).toEqual(separado);
    expect(junto.local).toEqual({ uf: 'RJ', municipio: '3304557', unidade: UNIDADE });
    expect(junto.diasDecretados.map((d) => [d.data, d.tipo ?? 'sem-expediente'])).toEqual([
      ['2026-03-10', 'sem-expediente'],
      ['2026-03-12', 'expediente-parcial'],
      ['2026-03-17', 'indisponibilidade'],
      ['2026-03-18', 'indisponibilidade'],
    ]);
    expect(junto.diasDecretados[2]!.motivo).toBe('Indisponibilidade do rito de 2026-03-17T22:00:00-03:00 a 2026-03-18T02:00:00-03:00: Queda do banco (teste)');
    expect(junto.feriadosMunicipais.length).toBeGreaterThan(0);
    expect(junto.feriadosMunicipais.every((f) => f.municipio === '3304557')).toBe(true);
  });

  it('reads no municipal holidays for a unit whose seat is not recorded', async () => {
    const r = await calendarioDaUnidade(db, 'UNIDADE SEM SEDE', DESDE);
    expect(r.local).toEqual({ uf: 'RJ', unidade: 'UNIDADE SEM SEDE' });
    expect(r.feriadosMunicipais).toEqual([]);
    expect(r.diasDecretados.map((d) => d.data)).toEqual(['2026-03-10', '2026-03-17', '2026-03-18']);
  });
});
