/**
 * Anchors of the audit chain outside the database. The chain alone cannot show
 * entries cut from its end, nor a chain whose hashes were all recomputed from
 * some entry on by whoever could write the table. So, every few minutes, the
 * API writes the chain's head — seq, hash, instant — signed with HMAC-SHA256
 * (AUDITORIA_ANCORA_CHAVE) to a file of its own (AUDITORIA_ANCORA_DIR) and to
 * the log. `rito auditoria verificar` then checks the chain against the
 * anchors: an anchored seq the chain no longer reaches, or whose hash is not
 * the anchored one, is reported. Neither the application's database role nor a
 * DBA can produce an anchor without the key, and the files sit where the
 * database cannot reach.
 *
 * An anchor names the database it belongs to (current_database()), so that one
 * folder can hold anchors of several databases (the tests', `rito dev`'s).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { jsonCanonico } from '../../rules/json-canonico';
import { instante } from '../instantes';

export interface Ancora {
  versao: 1;
  /** The database whose chain it anchors (current_database()). */
  banco: string;
  seq: number;
  hash: string;
  /** When it was taken (Brasília time with offset). */
  em: string;
  /** HMAC-SHA256 (hex) of the canonical JSON of the fields above. */
  assinatura: string;
}

export interface AncoraLida {
  arquivo: string;
  ancora: Ancora;
}

/** A new key for AUDITORIA_ANCORA_CHAVE: 32 random bytes in base64. */
export const gerarChaveAncora = () => randomBytes(32).toString('base64');

/** The key file `rito dev` generates (mode 0600) when AUDITORIA_ANCORA_CHAVE is not set. */
export const arquivoChaveAncoraDev = (dataDir: string) => path.join(dataDir, 'auditoria-ancora-chave');

/** The anchors' folder: AUDITORIA_ANCORA_DIR, else RITO_DATA_DIR/auditoria-ancoras. */
export const pastaAncoras = (config: { AUDITORIA_ANCORA_DIR?: string; RITO_DATA_DIR: string }) =>
  config.AUDITORIA_ANCORA_DIR ?? path.join(config.RITO_DATA_DIR, 'auditoria-ancoras');

/**
 * The key of the configuration: AUDITORIA_ANCORA_CHAVE; else, with `arquivoDev`
 * (rito dev), the key kept in that file, generated on the first start; else,
 * when `lerArquivoDev` names an existing file (the CLI beside a `rito dev`), its key.
 */
export function chaveAncoraDaConfiguracao(
  config: { AUDITORIA_ANCORA_CHAVE?: string },
  opts: { arquivoDev?: string; lerArquivoDev?: string } = {},
): Buffer | undefined {
  if (config.AUDITORIA_ANCORA_CHAVE) return Buffer.from(config.AUDITORIA_ANCORA_CHAVE, 'base64');
  if (opts.arquivoDev) {
    if (!fs.existsSync(opts.arquivoDev)) {
      fs.mkdirSync(path.dirname(opts.arquivoDev), { recursive: true });
      try {
        fs.writeFileSync(opts.arquivoDev, gerarChaveAncora() + '\n', { mode: 0o600, flag: 'wx' });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
    }
    return Buffer.from(fs.readFileSync(opts.arquivoDev, 'utf8').trim(), 'base64');
  }
  if (opts.lerArquivoDev && fs.existsSync(opts.lerArquivoDev)) return Buffer.from(fs.readFileSync(opts.lerArquivoDev, 'utf8').trim(), 'base64');
  return undefined;
}

function assinar(chave: Buffer, a: Omit<Ancora, 'assinatura'>): string {
  return createHmac('sha256', chave).update(jsonCanonico({ versao: a.versao, banco: a.banco, seq: a.seq, hash: a.hash, em: a.em })).digest('hex');
}

export function assinaturaValida(chave: Buffer, a: Ancora): boolean {
  if (typeof a.assinatura !== 'string' || !/^[0-9a-f]{64}$/.test(a.assinatura)) return false;
  return timingSafeEqual(Buffer.from(assinar(chave, a), 'hex'), Buffer.from(a.assinatura, 'hex'));
}

export async function nomeDoBanco(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ banco: string }>`select current_database() as banco`.execute(db);
  return rows[0]!.banco;
}

/**
 * Writes an anchor of the chain's current head to `pasta` (and returns it), or
 * nothing when the chain is empty or its head is `jaAncorada` (the seq of the
 * last anchor this caller wrote). The file is written whole or not at all.
 */
export async function ancorarCadeia(
  db: Kysely<Database>,
  opts: { chave: Buffer; pasta: string; jaAncorada?: number; agora?: () => Date },
): Promise<AncoraLida | null> {
  const cabeca = await db.selectFrom('auditoria').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  if (!cabeca || Number(cabeca.seq) === opts.jaAncorada) return null;
  const semAssinatura = { versao: 1 as const, banco: await nomeDoBanco(db), seq: Number(cabeca.seq), hash: cabeca.hash, em: instante(opts.agora?.() ?? new Date()) };
  const ancora: Ancora = { ...semAssinatura, assinatura: assinar(opts.chave, semAssinatura) };
  fs.mkdirSync(opts.pasta, { recursive: true });
  const nome = `ancora-${encodeURIComponent(ancora.banco)}-${String(ancora.seq).padStart(12, '0')}-${Date.now()}.json`;
  const arquivo = path.join(opts.pasta, nome);
  const temporario = `${arquivo}.${process.pid}.tmp`;
  fs.writeFileSync(temporario, JSON.stringify(ancora, null, 2) + '\n', { mode: 0o640 });
  fs.renameSync(temporario, arquivo);
  return { arquivo, ancora };
}

export interface AncorasDoBanco {
  /** Anchors of this database whose signature holds, the newest (highest seq) last. */
  validas: AncoraLida[];
  /** Files of this database (or unreadable ones) whose signature does not hold: forged or damaged. */
  invalidas: { arquivo: string; motivo: string }[];
}

/** Reads the anchors of database `banco` in `pasta` (none if the folder does not exist). */
export function lerAncoras(pasta: string, banco: string, chave: Buffer): AncorasDoBanco {
  const resultado: AncorasDoBanco = { validas: [], invalidas: [] };
  let nomes: string[];
  try {
    nomes = fs.readdirSync(pasta).filter((n) => n.startsWith('ancora-') && n.endsWith('.json'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return resultado;
    throw err;
  }
  for (const nome of nomes) {
    const arquivo = path.join(pasta, nome);
    let a: Ancora;
    try {
      a = JSON.parse(fs.readFileSync(arquivo, 'utf8'));
    } catch {
      if (nome.startsWith(`ancora-${encodeURIComponent(banco)}-`)) resultado.invalidas.push({ arquivo, motivo: 'arquivo ilegível' });
      continue;
    }
    if (a?.banco !== banco) continue;
    if (a.versao !== 1 || !Number.isSafeInteger(a.seq) || typeof a.hash !== 'string' || typeof a.em !== 'string' || !assinaturaValida(chave, a)) {
      resultado.invalidas.push({ arquivo, motivo: 'assinatura inválida (âncora forjada, alterada ou assinada com outra chave)' });
      continue;
    }
    resultado.validas.push({ arquivo, ancora: a });
  }
  resultado.validas.sort((x, y) => x.ancora.seq - y.ancora.seq || x.ancora.em.localeCompare(y.ancora.em));
  return resultado;
}
