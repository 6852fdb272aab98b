/** Random secrets and their stored form. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/** 256 random bits, URL-safe. */
export const segredoAleatorio = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** What is stored for a high-entropy secret (session, token, API key): its SHA-256. */
export const sha256 = (valor: string): string => createHash('sha256').update(valor, 'utf8').digest('hex');

export function iguaisEmTempoConstante(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane). */
const ARGON2 = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashSenha = (senha: string): Promise<string> => hash(senha, ARGON2);

export async function verificarSenha(hashArmazenado: string | null, senha: string): Promise<boolean> {
  // Without a stored hash, verify against a dummy one anyway, so that the answer
  // takes as long for an unknown e-mail as for a wrong password.
  const alvo = hashArmazenado ?? (await hashFicticio());
  try {
    const ok = await verify(alvo, senha);
    return ok && hashArmazenado !== null;
  } catch {
    return false;
  }
}

let ficticio: Promise<string> | null = null;
const hashFicticio = () => (ficticio ??= hashSenha(segredoAleatorio()));

/** A password people can type (demo seed): 4 groups of 4 from an unambiguous alphabet. */
export function senhaLegivel(): string {
  const alfabeto = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alfabeto[b % alfabeto.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
