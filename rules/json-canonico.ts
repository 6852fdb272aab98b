/**
 * JSON with object keys sorted at every level (undefined members dropped): the
 * same value always gives the same text, so its hash can identify it (audit
 * chain, idempotent document requests).
 */
export function jsonCanonico(valor: unknown): string {
  if (valor === null || typeof valor !== 'object') return JSON.stringify(valor ?? null);
  if (Array.isArray(valor)) return `[${valor.map(jsonCanonico).join(',')}]`;
  const obj = valor as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${jsonCanonico(obj[k])}`)
    .join(',')}}`;
}

/**
 * The canonical JSON of an object split around one member's value: `antes + jsonCanonico(v) + depois` is
 * `jsonCanonico({ ...obj, [chave]: v })` for any v. Lets the database put in a value only it knows (the audit
 * entry's seq, given under the chain's lock) and hash the same text the verifier recomputes.
 */
export function jsonCanonicoEmVolta(obj: Record<string, unknown>, chave: string): { antes: string; depois: string } {
  const membro = (k: string) => `${JSON.stringify(k)}:${jsonCanonico(obj[k])}`;
  const chaves = Object.keys(obj).filter((k) => k !== chave && obj[k] !== undefined);
  const antes = chaves.filter((k) => k < chave).sort().map(membro);
  const depois = chaves.filter((k) => k > chave).sort().map(membro);
  return { antes: `{${[...antes, ''].join(',')}${JSON.stringify(chave)}:`, depois: `${depois.length ? ',' : ''}${depois.join(',')}}` };
}
