/**
 * Replays every recorded workflow history (historias/*.json) against the
 * current workflow code, as a worker does after a deploy for every process
 * still running. A change that makes the code issue different commands for the
 * same history — a non-deterministic change — fails here, in CI, instead of
 * failing the workflow tasks of running processes in production.
 *
 * When this test fails after a workflow change: do NOT re-record the histories
 * to make it pass. Version the change with patched() (the old branch for old
 * histories, the new one for new runs), see this test pass on the old
 * histories, then — and only then — add fresh ones with
 * `npx tsx test/replay/gravar.ts` (see that script).
 */
import '../support/temporal-log';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowBundle } from '../../runtime/bundle';
import { cacheDir } from '../../tooling/cache';
import { esperarNoLog } from '../support/temporal-log';
import { startWorkflowEnv } from '../support/workflow-env';
import { criarContas } from '../vistoria/support';
import { CENARIOS } from './cenarios';
import { GERACAO_ATUAL } from './geracao';
import { historiaDeJson } from './historia-json';

// Every generation of recorded histories (historias/<generation>/…): each stands for processes still running on it.
const DIRETORIO = path.join(__dirname, 'historias');
const ARQUIVOS = (fs.readdirSync(DIRETORIO, { recursive: true }) as string[]).filter((f) => f.endsWith('.json')).sort();
const ler = (f: string) => fs.readFileSync(path.join(DIRETORIO, f), 'utf8');
const DA_GERACAO_ATUAL = ARQUIVOS.filter((f) => path.dirname(f) === GERACAO_ATUAL).map((f) => path.basename(f));

let bundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  bundle = await workflowBundle(cacheDir(), () => {});
}, 180_000);

interface EventoJson {
  eventType: string;
  activityTaskScheduledEventAttributes?: { activityType: { name: string } };
  workflowExecutionUpdateAcceptedEventAttributes?: { acceptedRequest: { input: { name: string; args?: { payloads: { data: string }[] } } } };
  workflowExecutionSignaledEventAttributes?: { signalName: string };
}
const eventos = (f: string): EventoJson[] => JSON.parse(ler(f)).events;

describe('replay of the recorded histories against the current workflow code', () => {
  it('has a history for every scenario (cenarios.ts), each one whole', () => {
    for (const nome of Object.keys(CENARIOS)) {
      expect(DA_GERACAO_ATUAL.some((f) => f === `${nome}.json` || f.startsWith(`${nome}.run`)), `história de ${nome}`).toBe(true);
    }
    for (const f of ARQUIVOS) {
      expect(['EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED', 'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW'], f).toContain(eventos(f).at(-1)!.eventType);
    }
  });

  it('covers the rite: actions of every actor, timers, a decreed day, a continue-as-new', () => {
    const acoes = new Set<string>();
    const tipos = new Set<string>();
    for (const f of ARQUIVOS) {
      for (const e of eventos(f)) {
        tipos.add(e.eventType);
        const update = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest.input;
        if (update?.name === 'acaoVistoria') {
          const pedido = JSON.parse(Buffer.from(update.args!.payloads[0]!.data, 'base64').toString('utf8')) as { acao: string };
          acoes.add(pedido.acao);
        }
      }
    }
    expect([...acoes].sort()).toEqual(
      [
        'agendar-visita', 'aprovar-forma', 'arquivar', 'autuar', 'concluir-visita-sem-exigencias', 'cumprir-exigencias', 'deferir', 'emitir-estudo-tecnico',
        'indeferir', 'indeferir-reconsideracao', 'interpor-recurso-cee', 'pedir-reconsideracao', 'prorrogar-prazo', 'publicar-edital', 'publicar-ordem-servico', 'ratificar-indeferimento',
        'reagendar-visita', 'registrar-exigencias-forma', 'registrar-exigencias-merito', 'tomar-ciencia',
      ].sort(),
    );
    for (const t of ['EVENT_TYPE_TIMER_FIRED', 'EVENT_TYPE_TIMER_CANCELED', 'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED', 'EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW']) {
      expect(tipos, t).toContain(t);
    }
  });

  it.each(ARQUIVOS)('%s replays with no non-determinism', async (f) => {
    await Worker.runReplayHistory({ workflowBundle: bundle }, historiaDeJson(ler(f)), f.replace(/\.json$/, ''));
  }, 120_000);

  it('fails on a history whose commands the code no longer issues (the check is real; the Nondeterminism error is expected)', async () => {
    // A generation whose edital history still schedules registrarEvento as an activity (later ones record it locally).
    const registrarEvento = (e: EventoJson) => e.activityTaskScheduledEventAttributes?.activityType.name === 'registrarEvento';
    const f = ARQUIVOS.find((a) => path.basename(a).startsWith('edital-apos-exigencias-de-forma') && (JSON.parse(ler(a)).events as EventoJson[]).some(registrarEvento))!;
    const h = JSON.parse(ler(f));
    const agendada = (h.events as EventoJson[]).find(registrarEvento)!;
    agendada.activityTaskScheduledEventAttributes!.activityType.name = 'registrarOutraCoisa';
    // The replay worker logs the failed workflow task; the SDK's log file labels it as the failure this test provokes.
    const retirar = esperarNoLog(/Nondeterminism/, 'história adulterada de propósito: o replay tem de falhar');
    try {
      await expect(Worker.runReplayHistory({ workflowBundle: bundle }, historiaDeJson(JSON.stringify(h)), 'adulterada')).rejects.toThrow(DeterminismViolationError);
    } finally {
      retirar();
    }
  }, 120_000);

  it('records every scenario afresh and replays it: the scenarios still run, and the code replays its own histories', async () => {
    const w = await startWorkflowEnv();
    try {
      await criarContas(w.db);
      for (const [nome, cenario] of Object.entries(CENARIOS)) {
        const g = await cenario(w);
        for (const runId of g.runs) {
          const historia = await w.env.client.workflow.getHandle(g.workflowId, runId).fetchHistory();
          // Histories of this run are encrypted (runtime/codec.ts); the recorded ones above are not, and replay without a key.
          await Worker.runReplayHistory({ workflowBundle: bundle, dataConverter: w.dataConverter }, historia, `${nome}:${runId}`);
        }
      }
    } finally {
      await w.stop();
    }
  }, 180_000);
});
