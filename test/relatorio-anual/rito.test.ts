/**
 * The Relatório Anual (seed 003; Portaria E/COIE.E nº 02/2001) on the
 * time-skipping server: delivered, autuado, conferido item by item; pendências
 * with 30 days, or archived with none. May–July 2037 in Rio de Janeiro: no holiday
 * in the counts below.
 */
import '../support/temporal-log';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECKLIST_RELATORIO_ANUAL } from '../../rules/relatorio-anual/rito';
import type { EstadoRelatorioAnual } from '../../workflows/relatorio-anual/definitions';
import { ProcessoNoRito } from '../support/processo-rito';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { brt, criarContas, inspetor, representante } from '../vistoria/support';

let w: WorkflowTestEnv;
beforeAll(async () => {
  w = await startWorkflowEnv();
  await criarContas(w.db);
});
afterAll(async () => {
  await w?.stop();
});

const checklist = (naoConformes: string[] = []) => CHECKLIST_RELATORIO_ANUAL.map((i) => ({ codigo: i.codigo, situacao: naoConformes.includes(i.codigo) ? 'nao-conforme' : 'conforme' }));
const relatorio = { anoLetivo: 2036, cursosAutorizados: ['Ensino Fundamental', 'Ensino Médio'], turnos: ['manha', 'tarde'], totalAlunos: 412, atosAutorizativos: ['Parecer CEE nº 123/2010'] };

const abrir = (quando: string) => ProcessoNoRito.abrir<EstadoRelatorioAnual>(w, 'relatorio-anual', quando);

describe('rito do Relatório Anual', () => {
  it('with pendências: notified with 30 days from the ciência, met, then archived', async () => {
    const p = await abrir(brt('2037-05-20T08:00:00'));
    await p.agir('entregar-relatorio', representante, relatorio, '2037-05-20T09:00:00');
    expect(await p.estado()).toMatchObject({ anoLetivo: 2036, entregueEm: '2037-05-20T09:00:00-03:00' });
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-05-20T10:00:00');
    expect(await p.recusa('arquivar', inspetor, { checklist: checklist(['assinaturas']) }, '2037-05-21T10:00:00')).toMatch(/notifique as pendências/);
    const pend = await p.agir('registrar-pendencias', inspetor, { checklist: checklist(['assinaturas']) }, '2037-05-21T10:00:00');
    expect(pend.fase).toBe('pendencias');
    expect(pend.documentos.map((d) => d.tipo)).toEqual(['notificacao-exigencias-cadastro']);
    const oficio = await w.db.selectFrom('documento').select(['html']).where('id', '=', pend.documentos[0]!.id).executeTakeFirstOrThrow();
    expect(oficio.html).toContain('Na análise do Relatório Anual do ano letivo de 2036');
    expect(oficio.html).toMatch(/30 \(trinta\) dias/);
    await p.agir('tomar-ciencia', representante, {}, '2037-05-21T11:00:00');
    // Ciência Thu 21/05; 30 dias corridos: day 1 Fri 22/05, day 30 Sat 20/06 → Mon 22/06.
    await p.esperar((e) => e.prazo?.limite === '2037-06-22T23:59:59-03:00', 'o prazo até 22/06/2037');
    await p.agir('cumprir-pendencias', representante, { resposta: 'Seguem os blocos assinados pelo Diretor e pela Secretária.', arquivos: [] }, '2037-05-28T10:00:00');
    const arquivado = await p.agir('arquivar', inspetor, { checklist: checklist() }, '2037-05-29T10:00:00');
    expect(arquivado.fase).toBe('arquivado');
  });

  it('without pendências: conferido and archived at once', async () => {
    const p = await abrir(brt('2037-07-06T08:00:00'));
    await p.agir('entregar-relatorio', representante, relatorio, '2037-07-06T09:00:00');
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-07-06T10:00:00');
    expect(await p.recusa('registrar-pendencias', inspetor, { checklist: checklist() }, '2037-07-06T11:00:00')).toMatch(/arquive o Relatório Anual/);
    expect((await p.agir('arquivar', inspetor, { checklist: checklist() }, '2037-07-06T11:00:00')).fase).toBe('arquivado');
  });

  it('with the 30 days expired unmet, the COOIE decides again: new pendências', async () => {
    const p = await abrir(brt('2037-08-03T08:00:00'));
    await p.agir('entregar-relatorio', representante, relatorio, '2037-08-03T09:00:00');
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2037-08-03T10:00:00');
    await p.agir('registrar-pendencias', inspetor, { checklist: checklist(['formato-pdf']) }, '2037-08-03T11:00:00');
    await p.agir('tomar-ciencia', representante, {}, '2037-08-03T12:00:00');
    // Ciência Mon 03/08; 30 dias corridos: day 30 Wed 02/09.
    await p.esperar((e) => e.prazo?.limite === '2037-09-02T23:59:59-03:00', 'o prazo até 02/09/2037');
    await w.saltarAte(brt('2037-09-03T08:00:00'));
    await p.esperar((e) => e.fase === 'analise', 'a análise depois do prazo');
    expect((await p.agir('registrar-pendencias', inspetor, { checklist: checklist(['formato-pdf']) }, '2037-09-03T10:00:00')).fase).toBe('pendencias');
  });
});
