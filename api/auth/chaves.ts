/**
 * API keys for machine clients, in the manner of MEC's Gestão Presente batch API:
 * one key per client, shown once at creation, stored as a SHA-256 hash, revocable,
 * optionally expiring, and carrying a scope: the roles it acts with plus the unit
 * or the institutions it is bound to. Format: `rito_<prefixo>_<segredo>`, where
 * the prefix (public) finds the row and the secret (256 bits) is compared by hash.
 * Sent as `Authorization: Bearer rito_…` or `X-API-Key: rito_…`.
 */
import type { FastifyRequest } from 'fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { Db } from '../../db/connect';
import type { Autenticacao, Papel } from './ator';
import { papeisValidos } from './contas';
import { HttpError } from '../errors';
import { iguaisEmTempoConstante, segredoAleatorio, sha256 } from './segredos';

const FORMATO = /^rito_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
const TOQUE_MS = 60 * 1000;

export interface EscopoChave {
  nome: string;
  papeis: Papel[];
  unidade: string | null;
  instituicoes: string[];
  expiraEm: Date | null;
  /** Seed 001: "Chave para ambiente de HOMOLOGAÇÃO: chave para realização de testes"; default produção. */
  ambiente?: 'homologacao' | 'producao';
  /** The network whose data it sends ('estadual:RJ', 'municipal:3304557', 'escola:33012345'; api/lotes/rede.ts). */
  rede?: string | null;
  /** Seed 001: the "Endereço IP da máquina que irá fazer a consulta"; addresses or CIDR networks. Empty: any. */
  ipsPermitidos?: string[];
}

/** Whether `ip` is one of `permitidos` (addresses or CIDR networks, IPv4 or IPv6; an IPv4-mapped IPv6 counts as IPv4). */
export function ipPermitido(ip: string, permitidos: readonly string[]): boolean {
  if (!permitidos.length) return true;
  const lista = new BlockList();
  for (const p of permitidos) {
    const [endereco, prefixo] = p.split('/');
    const familia = isIP(endereco) === 6 ? 'ipv6' : 'ipv4';
    if (prefixo === undefined) lista.addAddress(endereco, familia);
    else lista.addSubnet(endereco, Number(prefixo), familia);
  }
  const mapeado = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  const alvo = mapeado ? mapeado[1] : ip;
  return lista.check(alvo, isIP(alvo) === 6 ? 'ipv6' : 'ipv4');
}

export async function criarChaveApi(db: Db, escopo: EscopoChave, criadaPor: string): Promise<{ id: string; chave: string }> {
  const id = randomUUID();
  const prefixo = randomBytes(6).toString('hex');
  const segredo = segredoAleatorio();
  await db
    .insertInto('chave_api')
    .values({
      id,
      prefixo,
      segredo_hash: sha256(segredo),
      nome: escopo.nome,
      papeis: escopo.papeis,
      unidade: escopo.unidade,
      instituicoes: escopo.instituicoes,
      criada_por: criadaPor,
      expira_em: escopo.expiraEm,
      ambiente: escopo.ambiente ?? 'producao',
      rede: escopo.rede ?? null,
      ips_permitidos: escopo.ipsPermitidos ?? [],
    })
    .execute();
  return { id, chave: `rito_${prefixo}_${segredo}` };
}

/** The key presented by the request, if any (Bearer rito_… or X-API-Key). */
export function chaveApresentada(request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization;
  if (auth && /^Bearer\s+rito_/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim();
  const header = request.headers['x-api-key'];
  return typeof header === 'string' && header ? header.trim() : undefined;
}

export async function autenticarChave(db: Db, chave: string, ip?: string): Promise<Autenticacao | null> {
  const m = FORMATO.exec(chave);
  if (!m) return null;
  const [, prefixo, segredo] = m;
  const agora = new Date();
  const row = await db
    .selectFrom('chave_api')
    .selectAll()
    .where('prefixo', '=', prefixo)
    .where('revogada_em', 'is', null)
    .where((eb) => eb.or([eb('expira_em', 'is', null), eb('expira_em', '>', agora)]))
    .executeTakeFirst();
  if (!row || !iguaisEmTempoConstante(row.segredo_hash, sha256(segredo))) return null;
  // A key bound to addresses is refused elsewhere with a reason, not taken for anonymous: the client must know why.
  if (ip !== undefined && !ipPermitido(ip, row.ips_permitidos)) {
    throw new HttpError(403, 'ip-nao-autorizado', 'Esta chave de API só é aceita dos endereços IP cadastrados para ela.');
  }
  if (!row.ultimo_uso_em || agora.getTime() - new Date(row.ultimo_uso_em).getTime() > TOQUE_MS) {
    await db.updateTable('chave_api').set({ ultimo_uso_em: agora }).where('id', '=', row.id).execute();
  }
  return {
    ator: {
      id: `chave:${row.id}`,
      nome: row.nome,
      papeis: papeisValidos(row.papeis).filter((p) => p !== 'administrador'),
      unidade: row.unidade,
      instituicoes: row.instituicoes,
      comissoes: [],
    },
    meio: 'chave-api',
    credencialId: row.id,
    chave: { ambiente: row.ambiente, rede: row.rede },
  };
}
