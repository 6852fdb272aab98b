/** Small HTTP helpers shared by the end-to-end tests (raw bodies, polling). */
import type { Credencial } from '../support/system';

/** GET with the caller's session or API key, keeping the raw body (HTML, PDF). */
export async function baixar(baseUrl: string, path: string, como: Credencial): Promise<{ status: number; tipo: string; corpo: Buffer }> {
  const headers: Record<string, string> = {};
  if (como.cookie) headers.cookie = `rito_sessao=${como.cookie}`;
  if (como.chave) headers.authorization = `Bearer ${como.chave}`;
  const res = await fetch(baseUrl + path, { headers });
  return { status: res.status, tipo: res.headers.get('content-type') ?? '', corpo: Buffer.from(await res.arrayBuffer()) };
}

/** Polls `f` until `ok` holds (read models are written by activities, a moment after the workflow acts). */
export async function ate<T>(f: () => Promise<T>, ok: (v: T) => boolean, rotulo: string, timeoutMs = 20_000): Promise<T> {
  const limite = Date.now() + timeoutMs;
  let v = await f();
  while (!ok(v)) {
    if (Date.now() > limite) throw new Error(`${rotulo}: condição não atingida; último valor ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
    v = await f();
  }
  return v;
}

/** 'Ofício nº 12/2026/COOIE-METROPOLITANA I' → its series (espécie, ano, unidade) and number. */
export function identificacao(texto: string): { especie: string; numero: number; ano: number; unidade: string } {
  const m = /^(.+) nº (\d+)\/(\d{4})\/(.+)$/.exec(texto);
  if (!m) throw new Error(`identificação fora do padrão: ${texto}`);
  return { especie: m[1]!, numero: Number(m[2]), ano: Number(m[3]), unidade: m[4]! };
}

/**
 * Groups identifications by number series (unidade, ano, espécie) in the order
 * given, and returns the numbers of each series: they must run 1, 2, 3… with
 * no gap and no repetition (a fresh database starts every series at 1).
 */
export function numerosPorSerie(identificacoes: string[]): Record<string, number[]> {
  const series: Record<string, number[]> = {};
  for (const t of identificacoes) {
    const i = identificacao(t);
    (series[`${i.unidade} ${i.ano} ${i.especie}`] ??= []).push(i.numero);
  }
  return series;
}
