// Minimal config for the pure ETAP and obligations rules: no database, no Temporal server.
// Run: npx vitest run --config test/etap/vitest.config.ts
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: join(__dirname, '..', '..'),
    include: ['test/etap/**/*.test.ts', 'test/obrigacoes/**/*.test.ts'],
  },
});
