/**
 * Continue-as-new of a long process, on the time-skipping server with real
 * activities: a process continues as new when Temporal suggests it, or when its
 * history reaches LIMITE_EVENTOS_HISTORIA events (workflows/processo/workflow.ts),
 * whichever comes first; the limit lets a test cross the line in seconds.
 *
 * 1. A visit rescheduled again and again (each reagendamento issues an ofício):
 *    the run changes, and the new run carries the phase, the Comissão, the visit,
 *    every document, the idempotency keys and the timeline's sequence; the rite
 *    then ends in edital-publicado.
 * 2. A prazo re-timed again and again (calendar changes signalled while the
 *    representante's 10 days run): the new run carries the open prazo, whose
 *    timer still ends it on its last second; the rite then ends in edital-publicado.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataMinimaVisita } from '../../rules/prazos';
import { estadoQuery } from '../../workflows/processo/definitions';
import { LIMITE_EVENTOS_HISTORIA } from '../../workflows/processo/workflow';
import { estadoVistoriaQuery } from '../../workflows/vistoria/definitions';
import { startWorkflowEnv, type WorkflowTestEnv } from '../support/workflow-env';
import { alterarCalendario } from './cenarios';
import { brt, comissao, coogie, criarContas, exigenciaDocumental, fundamentacao, inspetor, membros, Processo, representante, termoVisita, checklistForma } from '../vistoria/support';

let w: WorkflowTestEnv;
beforeAll(async () => {
  w = await startWorkflowEnv();
  await criarContas(w.db);
});
afterAll(async () => {
  await w?.stop();
});

const local = { uf: 'RJ' as const, municipio: '3304557', unidade: 'METROPOLITANA I' };
const edital = (data: string) => ({
  publicacao: { data, pagina: 9 },
  objeto: { tipoVistoria: 'apostilamento-endereco', enderecoApostilado: { logradouro: 'Rua São Clemente, 102', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' } },
});

async function execucao(p: Processo) {
  const d = await p.handle.describe();
  return { runId: d.runId, historyLength: d.historyLength, status: d.status.name };
}

/** Acts with `agir` until the run changes; returns how many acts it took. */
async function ateContinuar(p: Processo, agir: (i: number) => Promise<unknown>, maximo: number): Promise<{ vezes: number; runAnterior: string }> {
  const inicial = await execucao(p);
  for (let i = 1; i <= maximo; i++) {
    await agir(i);
    // The workflow continues as new right after the act that crosses the limit.
    const ate = Date.now() + 10_000;
    for (;;) {
      const e = await execucao(p);
      if (e.runId !== inicial.runId) return { vezes: i, runAnterior: inicial.runId };
      if (e.historyLength < LIMITE_EVENTOS_HISTORIA || Date.now() > ate) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`o processo não continuou como novo após ${maximo} atos (${JSON.stringify(await execucao(p))})`);
}

/** The timeline's events: one per seq, 1..n, nothing lost or overwritten across runs. */
async function conferirLinhaDoTempo(p: Processo): Promise<{ tipo: string }[]> {
  const eventos = await w.db.selectFrom('processo_evento').select(['seq', 'tipo']).where('processo_id', '=', p.id).orderBy('seq').execute();
  expect(eventos.map((e) => e.seq)).toEqual(eventos.map((_, i) => i + 1));
  return eventos;
}

describe('continue-as-new', () => {
  it('carries phase, Comissão, visit, documents and idempotency keys across runs while the visit is rescheduled, then ends in the edital', async () => {
    expect(LIMITE_EVENTOS_HISTORIA).toBe(2000);
    const p = await Processo.abrir(w, brt('2036-03-04T09:00:00'));
    await p.ateVisita('2036-03-04', '2036-03-10');
    const primeiro = await p.agir('reagendar-visita', comissao, { data: '2036-03-11', hora: '10:00', motivo: 'Pedido do representante legal' }, '2036-03-05T10:00:00', 'reagendar-fixa');
    const antes = await p.estado();
    const processoAntes = await p.handle.query(estadoQuery);

    const datas = ['2036-03-12', '2036-03-11'];
    const { vezes, runAnterior } = await ateContinuar(
      p,
      (i) => p.agir('reagendar-visita', comissao, { data: datas[i % 2], hora: '09:00', motivo: `Reagendamento nº ${i + 1}` }, '2036-03-05T10:00:00'),
      400,
    );
    // Dozens of acts, not a handful: it was the history length that made it continue.
    expect(vezes).toBeGreaterThan(40);
    const anterior = await w.env.client.workflow.getHandle(p.id, runAnterior).describe();
    expect(anterior.status.name).toBe('CONTINUED_AS_NEW');
    // …and it continued at the limit, not at the server's own (later) suggestion.
    expect(anterior.historyLength).toBeGreaterThanOrEqual(LIMITE_EVENTOS_HISTORIA);
    expect(anterior.historyLength).toBeLessThan(LIMITE_EVENTOS_HISTORIA + 100);
    const nova = await execucao(p);
    expect(nova).toMatchObject({ status: 'RUNNING' });
    expect(nova.historyLength).toBeLessThan(100);

    const depois = await p.estado();
    const visitaFinal = datas[vezes % 2];
    expect(depois).toMatchObject({ fase: 'visita-agendada', comissao: antes.comissao, ordemServico: antes.ordemServico, prazo: null, visita: { data: visitaFinal, hora: '09:00' } });
    expect(depois.tarefa).toEqual(antes.tarefa);
    expect(depois.documentos.slice(0, antes.documentos.length)).toEqual(antes.documentos);
    expect(depois.documentos.map((d) => d.tipo)).toEqual(['ordem-servico', 'agendamento-visita', ...Array(vezes + 1).fill('agendamento-visita')]);
    const ofícios = await w.db.selectFrom('documento').select(['id']).where('processo_id', '=', p.id).orderBy('numero').execute();
    expect(ofícios.map((d) => d.id).sort()).toEqual(depois.documentos.map((d) => d.id).sort());
    const estadoProcesso = await p.handle.query(estadoQuery);
    expect(estadoProcesso).toMatchObject({ id: p.id, fase: 'visita-agendada', numeroSei: processoAntes.numeroSei, encerrado: false });
    expect(estadoProcesso.versao).toBeGreaterThan(processoAntes.versao);

    // A retry with a key used in the first run gets the first answer, and issues nothing.
    const repetido = await p.agir('reagendar-visita', comissao, { data: '2036-03-11', hora: '10:00', motivo: 'Pedido do representante legal' }, '2036-03-05T10:00:00', 'reagendar-fixa');
    expect(repetido).toEqual(primeiro);
    expect((await p.estado()).documentos).toHaveLength(depois.documentos.length);
    const eventos = await conferirLinhaDoTempo(p);
    expect(eventos.filter((e) => e.tipo === 'reagendar-visita')).toHaveLength(vezes + 1);

    // The rite goes on in the new run.
    await w.saltarAte(brt(`${visitaFinal}T14:00:00`));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita(visitaFinal) }, `${visitaFinal}T14:00:00`);
    await p.agir('deferir', comissao, { fundamentacao }, `${visitaFinal}T16:00:00`);
    const fim = await p.agir('publicar-edital', coogie, edital('2036-03-20'), '2036-03-20T10:00:00');
    expect(fim.fase).toBe('edital-publicado');
    expect(await p.resultado()).toMatchObject({ fase: 'edital-publicado', encerrado: true });
    await conferirLinhaDoTempo(p);
  }, 180_000);

  it('carries an open prazo across runs while calendar changes re-time it; its timer still ends it, and the rite ends in the edital', async () => {
    const p = await Processo.abrir(w, brt('2036-05-05T09:00:00'));
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2036-05-05T10:00:00');
    await p.agir('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo), exigencias: [exigenciaDocumental] }, '2036-05-05T10:01:00');
    await p.agir('tomar-ciencia', representante, {}, '2036-05-05T10:05:00');
    // Ciência Mon 05/05/2036; 10 dias → Thu 15/05.
    await p.esperarPrazo('2036-05-15T23:59:59-03:00');
    const antes = await p.estado();

    const { vezes, runAnterior } = await ateContinuar(
      p,
      async (i) => {
        await alterarCalendario(p, i, await execucao(p));
      },
      600,
    );
    expect(vezes).toBeGreaterThan(40);
    const anterior = await w.env.client.workflow.getHandle(p.id, runAnterior).describe();
    expect(anterior.status.name).toBe('CONTINUED_AS_NEW');
    expect(anterior.historyLength).toBeGreaterThanOrEqual(LIMITE_EVENTOS_HISTORIA);
    expect(anterior.historyLength).toBeLessThan(LIMITE_EVENTOS_HISTORIA + 100);

    const depois = await p.estado();
    expect(depois).toMatchObject({ fase: 'exigencias-forma', notificacao: antes.notificacao, exigencias: antes.exigencias, documentos: antes.documentos });
    expect(depois.prazo).toEqual(antes.prazo);
    expect(depois.prazo).toMatchObject({ id: `${p.id}:prazo:1`, situacao: 'aberto', limite: '2036-05-15T23:59:59-03:00' });
    const aberto = await w.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', p.id).executeTakeFirstOrThrow();
    expect(aberto).toMatchObject({ situacao: 'aberto', vencimento: '2036-05-15' });

    // The new run's timer ends the prazo at 00:00:00 of the next day.
    await w.saltarAte(brt('2036-05-16T00:00:05'));
    await p.esperarFase('reanalise-forma');
    const expirado = await w.db.selectFrom('prazo_processo').selectAll().where('processo_id', '=', p.id).executeTakeFirstOrThrow();
    expect(expirado).toMatchObject({ id: `${p.id}:prazo:1`, situacao: 'expirado' });

    await p.agir('aprovar-forma', inspetor, { checklist: checklistForma(p.tipo) }, '2036-05-16T10:00:00');
    await p.agir('publicar-ordem-servico', inspetor, { publicacao: { data: '2036-05-16', pagina: 3 }, comissao: membros }, '2036-05-16T10:01:00');
    const visita = dataMinimaVisita({ aviso: brt('2036-05-16T10:02:00'), local }).data;
    await p.agir('agendar-visita', comissao, { data: visita }, '2036-05-16T10:02:00');
    await w.saltarAte(brt(`${visita}T14:00:00`));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita(visita) }, `${visita}T14:00:00`);
    await p.agir('deferir', comissao, { fundamentacao }, `${visita}T16:00:00`);
    await p.agir('publicar-edital', coogie, edital(visita), `${visita}T17:00:00`);
    expect(await p.resultado()).toMatchObject({ fase: 'edital-publicado', encerrado: true });
    await conferirLinhaDoTempo(p);
  }, 180_000);
});
