import { configDefaults, defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/reporters';

/** Ends the run with a plain "vitest: N passed, N failed[, N skipped]" line (read by CI). */
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
    process.stdout.write(`\nvitest: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
  },
};

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', '**/*.test.ts'],
    exclude: [...configDefaults.exclude, '.cache/**', '.data/**'],
    globalSetup: ['./test/global-setup.ts'],
    reporters: ['default', plainSummary],
    // Temporal's native bridge (Rust, N-API) is safest in child processes, not worker threads.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
