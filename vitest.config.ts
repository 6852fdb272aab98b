import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', '**/*.test.ts'],
    exclude: [...configDefaults.exclude, '.cache/**', '.data/**'],
    globalSetup: ['./test/global-setup.ts'],
    // Temporal's native bridge (Rust, N-API) is safest in child processes, not worker threads.
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
