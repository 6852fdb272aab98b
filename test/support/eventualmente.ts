/** Polls `fn` until it returns a value (not undefined), or fails after `timeoutMs`: for what a workflow writes asynchronously. */
export async function eventually<T>(fn: () => Promise<T | undefined>, timeoutMs = 15_000, intervaloMs = 100): Promise<T> {
  const ate = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > ate) throw new Error('condição não atingida a tempo');
    await new Promise((r) => setTimeout(r, intervaloMs));
  }
}
