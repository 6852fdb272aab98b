// Minimal config for the pure ETAP and obligations rules: no database, no Temporal server.
// Run: npx vitest run --config test/etap/vitest.config.ts
// (test/etap also holds the rite's workflow tests, which need the default config's servers: not listed here.)
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: join(__dirname, '..', '..'),
    include: [
      'test/etap/{qualificacao,docentes,cobertura,crt,composicao,pureza}.test.ts',
      'test/obrigacoes/**/*.test.ts',
    ],
  },
});
