/**
 * Processes of a kind opened before its rite was built keep running on it
 * without one (workflows/processo/workflow.ts, RITO_POSTERIOR): the history of
 * a cadastro-etap process recorded with the code before the ETAP rite (waiting,
 * with a calendar signal received) replays against today's code with no
 * non-determinism. These histories never complete, hence their own folder
 * (historias-em-curso/) beside the completed ones of vistoria.replay.test.ts.
 * (A replay only compares commands with the events that follow them: such a
 * waiting process issues none after its first two, so what keeps it waiting is
 * patched('rito-etap'); this test keeps its first commands unchanged.)
 */
import '../support/temporal-log';
import { Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowBundle } from '../../runtime/bundle';
import { cacheDir } from '../../tooling/cache';
import { historiaDeJson } from './historia-json';

const DIRETORIO = path.join(__dirname, 'historias-em-curso');
const ARQUIVOS = fs.readdirSync(DIRETORIO).filter((f) => f.endsWith('.json'));

let bundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  bundle = await workflowBundle(cacheDir(), () => {});
}, 180_000);

describe('processes running since before their kind had a rite', () => {
  it('has the recorded history of a cadastro-etap process without a rite', () => {
    expect(ARQUIVOS).toContain('cadastro-etap-sem-rito.json');
  });

  it.each(ARQUIVOS)('%s replays with no non-determinism', async (f) => {
    await Worker.runReplayHistory({ workflowBundle: bundle }, historiaDeJson(fs.readFileSync(path.join(DIRETORIO, f), 'utf8')), f.replace(/\.json$/, ''));
  }, 120_000);
});
