/**
 * Sending a generated form through the API's own code: the posted strings
 * become the API's body (dadosDoFormulario, guided by the API's JSON Schema),
 * the API's zod schema validates them, and the API's function acts. A refusal,
 * whether the schema's or the function's (a 4xx HttpError with its fields),
 * comes back as errors by field and a message for the page to show again,
 * with what was typed.
 */
import type { z } from 'zod';
import { HttpError } from '../api/errors';
import { dadosDoFormulario, type Esquema, errosDoZod, errosPorCampo } from './formularios';

export type Envio<R> = { ok: true; resultado: R } | { ok: false; status: number; erros: Record<string, string>; mensagem: string };

export async function enviarFormulario<S extends z.ZodType, R>(
  schema: S,
  esquema: Esquema,
  valores: Record<string, string>,
  fazer: (dados: z.output<S>) => Promise<R>,
  ajustar: (dados: Record<string, unknown>) => Record<string, unknown> = (d) => d,
): Promise<Envio<R>> {
  const r = schema.safeParse(ajustar(dadosDoFormulario(esquema, valores)));
  if (!r.success) return { ok: false, status: 400, erros: errosPorCampo(errosDoZod(r.error.issues)), mensagem: 'Confira os campos indicados.' };
  try {
    return { ok: true, resultado: await fazer(r.data) };
  } catch (err) {
    if (err instanceof HttpError && err.statusCode < 500) {
      return { ok: false, status: err.statusCode, erros: errosPorCampo(err.campos ?? []), mensagem: err.campos?.length ? `${err.message} Confira os campos indicados.` : err.message };
    }
    throw err;
  }
}

/** Fields a PATCH form sends empty mean "none" (null), not "unchanged": the page shows every field with its current value. */
export function vaziosComoNulos(valores: Record<string, string>, nomes: readonly string[]) {
  return (d: Record<string, unknown>) => {
    const r = { ...d };
    for (const n of nomes) if (r[n] === undefined && (valores[n] ?? '') === '') r[n] = null;
    return r;
  };
}
