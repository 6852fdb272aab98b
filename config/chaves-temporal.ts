/**
 * The keys that encrypt what rito sends to Temporal (runtime/codec.ts), as the
 * TEMPORAL_CHAVES setting takes them: `id:base64` pairs separated by commas,
 * the first one encrypting and every one decrypting.
 */
import { randomBytes } from 'node:crypto';

export interface ChaveCodec {
  id: string;
  /** 32 bytes (AES-256). */
  chave: Buffer;
}

/** A new key, as TEMPORAL_CHAVES takes it: `id:base64` (`rito config --gerar-chave`). */
export function gerarChave(id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}`): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

/** Parses TEMPORAL_CHAVES; throws with a pt-BR message. */
export function lerChaves(valor: string): ChaveCodec[] {
  const chaves = valor
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((par) => {
      const m = /^([A-Za-z0-9._-]{1,64}):([A-Za-z0-9+/]+={0,2})$/.exec(par);
      if (!m) throw new Error('use id:chave-em-base64, separados por vírgula (gere uma com `rito config --gerar-chave`)');
      const chave = Buffer.from(m[2]!, 'base64');
      if (chave.length !== 32) throw new Error(`a chave "${m[1]}" deve ter 32 bytes (44 caracteres em base64), tem ${chave.length}`);
      return { id: m[1]!, chave };
    });
  if (!chaves.length) throw new Error('informe ao menos uma chave (id:chave-em-base64)');
  const ids = chaves.map((c) => c.id);
  const repetido = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repetido) throw new Error(`o id "${repetido}" aparece mais de uma vez`);
  return chaves;
}
