import { configDefaults, defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/reporters';

/**
 * Ends the run with a plain "vitest: N passed, N failed[, N skipped]" line (read
 * by CI): counted when the run ends, written in onFinished, after the default
 * reporter's summary (reporters are called in order), so that it is the last line.
 */
let closingLine = '';
const plainSummary: Reporter = {
  onTestRunEnd(testModules) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let failedHere = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else if (state === 'skipped') skipped++;
      }
      // A file that failed to load has no failed test of its own: count the file.
      if (failedHere === 0 && mod.state() === 'failed') failedHere = 1;
      failed += failedHere;
    }
    closingLine = `\nvitest: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`;
  },
  onFinished() {
    process.stdout.write(closingLine);
  },
};

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', '**/*.test.ts'],
    exclude: [...configDefaults.exclude, '.cache/**', '.data/**'],
    globalSetup: ['./test/global-setup.ts'],
    // Every test talks to the API from 127.0.0.1, logging in many accounts per file: the rate limit's defaults
    // (api/plugins/limites.ts) would refuse them. Tests of the limit pass their own to buildApp.
    env: { RITO_LIMITE_REQUISICOES: '1000000', RITO_LIMITE_ANONIMAS: '1000000' },
    reporters: ['default', plainSummary],
    // One line per test file; a test is listed under its file only when it is this slow.
    slowTestThreshold: 10_000,
    // Temporal's native bridge (Rust, N-API) is safest in child processes, not worker threads.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
