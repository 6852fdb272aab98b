/**
 * The workflow bundle's preloaded modules (workflows/precarga.ts, issue 16): shared by every workflow of a
 * worker, and deep-frozen by the SDK once loaded. The rites' zod schemas must keep parsing after that freeze —
 * zod builds its methods and internals on first use, and sets `lastIndex` on its checks' regular expressions —
 * which is what congelarZod prepares them for. The end-to-end proof is every workflow test: they all run on
 * this bundle and validate each action through these schemas.
 */
import { describe, expect, it } from 'vitest';
import * as campos from '../../rules/campos';
import { ritosRegistrados } from '../../rules/ritos/registro';
import { workflowBundle } from '../../runtime/bundle';
import { cacheDir } from '../../tooling/cache';
import { congelarZod } from '../../workflows/precarga';
import '../../workflows/ritos/registro';

/**
 * The SDK's freeze of the shared modules (deepFreeze in @temporalio/worker/lib/workflow/reusable-vm.js, not
 * exported), copied: own properties depth first, an object already frozen not entered, errors ignored.
 */
function congelarComoOSdk(o: unknown, vistos = new WeakSet<object>()): void {
  if (o === null || (typeof o !== 'object' && typeof o !== 'function') || vistos.has(o)) return;
  vistos.add(o);
  if (Object.isFrozen(o)) return;
  if (typeof o === 'object') {
    for (const k of Reflect.ownKeys(o)) {
      const v = (o as Record<PropertyKey, unknown>)[k];
      if (v && (typeof v === 'object' || typeof v === 'function')) {
        try {
          congelarComoOSdk(v, vistos);
        } catch {
          // as the SDK: some objects cannot be frozen
        }
      }
    }
  }
  Object.freeze(o);
}

describe('preloaded workflow modules', () => {
  it('the rites’ action schemas and the shared fields parse after the SDK’s deep freeze', () => {
    const modulos = { exports: { campos, ritos: ritosRegistrados() } };
    const esquemas = new Set(ritosRegistrados().flatMap((r) => Object.values(r.acoes).map((a) => a.schema)));
    // Every action's schema is reached (and frozen whole, its own children with it), besides the fields'.
    expect(congelarZod(modulos)).toBeGreaterThan(esquemas.size);
    for (const e of esquemas) expect(Object.isFrozen(e)).toBe(true);
    congelarComoOSdk(modulos);
    for (const rito of ritosRegistrados()) {
      expect(Object.isFrozen(rito)).toBe(true);
      for (const [acao, desc] of Object.entries(rito.acoes)) {
        // Refused or accepted, a parse must answer: a TypeError here is a write into a frozen schema.
        expect(() => desc.schema.safeParse({}), `${rito.codigo}.${acao}`).not.toThrow();
        expect(() => desc.schema.safeParse(undefined), `${rito.codigo}.${acao}`).not.toThrow();
      }
    }
    // Regular-expression checks: zod resets lastIndex before each test.
    expect(campos.hora.safeParse('09:30').success).toBe(true);
    expect(campos.hora.safeParse('25:00').success).toBe(false);
    expect(campos.cep.parse('20000000')).toBe('20000-000');
    expect(campos.endereco.safeParse({ logradouro: 'Rua A, 1' }).success).toBe(false);
  });

  it('the bundle the workers run preloads them', async () => {
    const bundle = await workflowBundle(cacheDir(), () => {});
    expect(bundle.code).toMatch(/preloadModules\(\) \{\s*__webpack_require__\([^)]*"\.\/workflows\/precarga\.ts"\)/);
  });
});
