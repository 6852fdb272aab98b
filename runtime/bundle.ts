/**
 * The workflow bundle, cached by the hash of everything it is built from, so a
 * second `rito dev` or `rito worker` start skips webpack.
 */
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
export const workflowsPath = path.join(root, 'workflows', 'index.ts');

/**
 * Evaluated once per worker into the reusable V8 context's shared modules (the SDK's `preloadModules`), so
 * that each new workflow does not evaluate the bundle's modules again: workflows/precarga.ts says what this
 * asks of workflow code. Measured by bench/worker.ts (issue 16).
 */
const preloadModules = [path.join(root, 'workflows', 'precarga.ts')];

function sourcesHash(): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|js|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) {
        hash.update(path.relative(root, full)).update(fs.readFileSync(full));
      }
    }
  };
  for (const dir of ['workflows', 'rules', 'activities']) if (fs.existsSync(path.join(root, dir))) walk(path.join(root, dir));
  // This file holds the bundler's options: a change to them is a new bundle.
  for (const f of ['package-lock.json', 'tsconfig.json', 'runtime/bundle.ts']) if (fs.existsSync(path.join(root, f))) hash.update(fs.readFileSync(path.join(root, f)));
  return hash.digest('hex').slice(0, 16);
}

export async function workflowBundle(cacheDir: string, log: (m: string) => void): Promise<WorkflowBundleWithSourceMap> {
  const file = path.join(cacheDir, 'workflow-bundles', `${sourcesHash()}.json`);
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  log('empacotando o código dos workflows…');
  const bundle = await bundleWorkflowCode({ workflowsPath, preloadModules, logger: new DefaultLogger('WARN') });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file + '.tmp', JSON.stringify(bundle));
  fs.renameSync(file + '.tmp', file);
  return bundle;
}
