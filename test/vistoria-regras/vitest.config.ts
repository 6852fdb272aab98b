// Minimal config for the pure vistoria rules: no database, no Temporal server.
// Run: npx vitest run --config test/vistoria-regras/vitest.config.ts
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: join(__dirname, '..', '..'),
    include: ['test/vistoria-regras/**/*.test.ts'],
  },
});
