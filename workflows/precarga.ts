/**
 * Loaded once per worker, before any workflow exists (runtime/bundle.ts passes it to the SDK's
 * `preloadModules`): every module of the workflow bundle is evaluated here, into the reusable V8 context's
 * shared module cache, so that a new workflow no longer evaluates them again — rebuilding every rite's zod
 * schemas, rule tables and calendar indexes for each process, in CPU and in memory (issue 16).
 *
 * What this asks of workflow code, since all workflows of a worker now share its modules:
 * - module scope holds no state of a workflow: only constants, registries filled at load, and pure memos
 *   (the calendar's indexes, formatted dates), which give every workflow the same answer;
 * - nothing exported is changed after load: the SDK deep-freezes what the shared modules export.
 *
 * zod schemas cannot be deep-frozen: zod 4 builds a schema's methods on first use as own properties of the
 * schema (`parse`, `safeParse`, …), writes its internals (`_zod`) on first parse and sets `lastIndex` on the
 * regular expressions of its checks before each test — each a TypeError on a frozen object. The SDK's deep
 * freeze does not enter an object already frozen; so here, before it runs, every zod schema the modules
 * export is made whole (each lazy method read once) and frozen shallowly — the schema itself cannot change,
 * its internals stay zod's — and so are the exports of zod's own modules, whose state stays zod's. Every workflow test parses actions through these schemas: a zod upgrade
 * that writes somewhere new shows there at once.
 */

// Every workflow module, in the order the workflows load them (a cycle between modules resolves as it always has).
import './index';

/** webpack's own free variables (https://webpack.js.org/api/module-variables/): the bundle's modules and its require. */
declare const __webpack_modules__: Record<string, unknown>;
declare const __webpack_require__: (id: string) => unknown;

/** Reads every accessor of the object's prototypes, so that the lazy ones install their values on it. */
function lerAcessores(o: object): void {
  for (let p = Object.getPrototypeOf(o); p && p !== Object.prototype && p !== Function.prototype; p = Object.getPrototypeOf(p)) {
    for (const k of Reflect.ownKeys(p)) {
      if (Object.getOwnPropertyDescriptor(p, k)?.get) (o as Record<PropertyKey, unknown>)[k];
    }
  }
}

const ehZod = (o: object): boolean => {
  const z = (o as { _zod?: unknown })._zod;
  return typeof z === 'object' && z !== null && 'def' in z;
};

/**
 * Makes whole and freezes shallowly every zod schema reachable from `raiz` the way the SDK's deep freeze
 * reaches objects (own properties, functions not entered), and returns how many.
 */
export function congelarZod(raiz: unknown, vistos = new WeakSet<object>()): number {
  let n = 0;
  const pilha: unknown[] = [raiz];
  while (pilha.length) {
    const o = pilha.pop();
    if (typeof o !== 'object' || o === null || vistos.has(o)) continue;
    vistos.add(o);
    if (ehZod(o)) {
      lerAcessores(o);
      Object.freeze(o);
      n++;
      continue;
    }
    for (const k of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, k);
      pilha.push(d && 'value' in d ? d.value : (o as Record<PropertyKey, unknown>)[k]);
    }
  }
  return n;
}

/** zod's own modules: their state (configuration, registry, the regular expressions of its formats) stays zod's. */
const DO_ZOD = /[\\/]node_modules[\\/]zod[\\/]/;

// Inside the bundle only: under Node (a test importing this file) webpack's variables do not exist.
if (typeof __webpack_modules__ !== 'undefined') {
  const ids = Object.keys(__webpack_modules__);
  for (const id of ids.filter((i) => DO_ZOD.test(i))) {
    const exportado = __webpack_require__(id);
    if (typeof exportado === 'object' && exportado !== null) Object.freeze(exportado);
  }
  const vistos = new WeakSet<object>();
  for (const id of ids) congelarZod(__webpack_require__(id), vistos);
}
