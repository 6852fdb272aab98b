/** The SQLSTATE of what `f` throws (it must throw): for tests of what PostgreSQL refuses. */
export async function codigoDoErro(f: () => Promise<unknown>): Promise<string> {
  try {
    await f();
  } catch (err) {
    return (err as { code?: string }).code ?? String(err);
  }
  throw new Error('era para ter sido recusado');
}
