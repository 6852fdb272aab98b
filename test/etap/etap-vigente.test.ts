/**
 * The institution's registered ETAP (db/etap.ts): the members of a published
 * cadastramento hold their functions from their date; whoever held the same
 * function is kept with the day his successor took over; a retried write changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/connect';
import { etapDaInstituicao, registrarEtap } from '../../db/etap';
import { freshDatabase } from '../support/database';

let banco: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
beforeAll(async () => {
  banco = await freshDatabase();
  db = banco.db;
});
afterAll(async () => {
  await banco?.drop();
});

const INEP = '33012345';
const primeiro = {
  processoId: 'cadastro-etap-11222333000181-33012345-1',
  cnpj: '11222333000181',
  codigoInep: INEP,
  ato: 'Edital nº 1/2037/COOGIE, DOERJ de 09/03/2037, p. 12',
  membros: [
    { nome: 'Sônia Maria Freitas', funcao: 'diretor', desde: '2030-02-01' },
    { nome: 'Renata Lopes Dias', funcao: 'secretario-escolar', desde: '2030-02-01' },
  ],
};

describe('ETAP cadastrada', () => {
  it('replaces the Diretor from the successor\'s date, keeps the Secretária, and writes a retried cadastramento once', async () => {
    await registrarEtap(db, primeiro);
    const segundo = { ...primeiro, processoId: 'cadastro-etap-11222333000181-33012345-2', ato: 'Edital nº 7/2037/COOGIE, DOERJ de 20/04/2037, p. 8', membros: [{ nome: 'Paulo Henrique Tavares', funcao: 'diretor', desde: '2037-04-01' }] };
    await registrarEtap(db, segundo);
    await registrarEtap(db, segundo); // the activity retried
    const vigente = await etapDaInstituicao(db, INEP);
    expect(vigente.map((m) => [m.funcao, m.nome, m.desde, m.ato])).toEqual([
      ['diretor', 'Paulo Henrique Tavares', '2037-04-01', segundo.ato],
      ['secretario-escolar', 'Renata Lopes Dias', '2030-02-01', primeiro.ato],
    ]);
    const historico = await etapDaInstituicao(db, INEP, { historico: true });
    expect(historico.filter((m) => m.funcao === 'diretor').map((m) => [m.nome, m.desde, m.ate])).toEqual([
      ['Paulo Henrique Tavares', '2037-04-01', null],
      ['Sônia Maria Freitas', '2030-02-01', '2037-04-01'],
    ]);
  });
});
