/**
 * The Cadastramento de Transferência de Mantença (seed 003; Del. CEE nº 388/2020
 * arts. 24–25) on the time-skipping server: the CEE's authorisation recorded, the
 * COOGIE's edital published, and the school's mantenedora changed from then, with
 * its history; or the registration refused with its reason.
 */
import '../support/temporal-log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mantenedorasDaInstituicao } from '../../db/mantenedoras';
import type { EstadoTransferencia } from '../../workflows/transferencia-mantenca/definitions';
import { CNPJ_TESTE, ProcessoNoRito } from '../support/processo-rito';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { brt, coogie, criarContas, representante } from '../vistoria/support';

let w: WorkflowTestEnv;
beforeAll(async () => {
  w = await startWorkflowEnv();
  await criarContas(w.db);
});
afterAll(async () => {
  await w?.stop();
});

const abrir = (quando: string) => ProcessoNoRito.abrir<EstadoTransferencia>(w, 'transferencia-mantenca', quando);
const autorizacao = { ato: 'Parecer CEE nº 45/2037', data: '2037-03-01', novaMantenedora: { cnpj: '11.444.777/0001-61', nome: 'Rede Horizonte Educação Ltda.' } };

describe('rito de transferência de mantença', () => {
  it('records the CEE authorisation; the COOGIE publishes; the school is maintained by the new CNPJ from the publication, the previous kept', async () => {
    const p = await abrir(brt('2037-03-02T08:00:00'));
    expect(await p.recusa('registrar-autorizacao-cee', representante, { ...autorizacao, numeroSei: p.numeroSei, data: '2037-03-05' }, '2037-03-02T09:00:00')).toMatch(/não pode ser posterior a hoje/);
    await p.agir('registrar-autorizacao-cee', representante, { ...autorizacao, numeroSei: p.numeroSei }, '2037-03-02T09:00:00');
    await w.saltarAte(brt('2037-03-04T10:00:00'));
    const r = await p.agir('publicar-edital', coogie, { publicacao: { data: '2037-03-04', pagina: 9 } }, '2037-03-04T10:00:00');
    expect(r.fase).toBe('transferida');
    const edital = await w.db.selectFrom('documento').select(['html', 'identificacao']).where('id', '=', r.documentos[0]!.id).executeTakeFirstOrThrow();
    expect(edital.identificacao).toMatch(/^Edital nº \d+\/2037\/COOGIE$/);
    expect(edital.html).toContain('Parecer CEE nº 45/2037, de 1º de março de 2037');
    expect(edital.html).toContain('11.444.777/0001-61');
    const historico = await mantenedorasDaInstituicao(w.db, p.codigoInep);
    expect(historico.map((m) => [m.cnpj, m.desde, m.ate])).toEqual([
      ['11444777000161', '2037-03-04', null],
      [CNPJ_TESTE, null, '2037-03-04'],
    ]);
    expect(historico[0]!.ato).toBe(`${edital.identificacao}, DOERJ de 04/03/2037, p. 9 (autorização: Parecer CEE nº 45/2037)`);
  });

  it('the COOGIE refuses, with its reason, an authorisation it cannot find; nothing changes', async () => {
    const p = await abrir(brt('2037-03-09T08:00:00'));
    await p.agir('registrar-autorizacao-cee', representante, { ...autorizacao, numeroSei: p.numeroSei }, '2037-03-09T09:00:00');
    const r = await p.agir('recusar', coogie, { motivo: 'O Parecer CEE nº 45/2037 trata de outra instituição de ensino.' }, '2037-03-09T10:00:00');
    expect(r.fase).toBe('recusada');
    expect(await mantenedorasDaInstituicao(w.db, p.codigoInep)).toEqual([]);
  });
});
