/**
 * The network of the key that sends a lote, and where a caller may read students.
 *
 * Reads of personal data (LGPD, minimum access; Portaria Interministerial
 * MEC/MC nº 3/2022 arts. 6º–8º): a produção key reads its network
 * (rules/lotes/rede.ts); an operador escolar his school; a coordenador or
 * auxiliar municipal the schools of his município, whatever their dependência
 * (the Sistema Presença's municipal coordination follows every school of the
 * município). The state coordination and MEC see aggregates (the apuração's),
 * not one student's record: they are not among the roles of those routes.
 */
import type { FastifyRequest } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { Db } from '../../db/connect';
import { perfisAtivosDe } from '../../db/habilitacoes';
import { escolaNaRede } from '../../db/lotes';
import { lerRede, type Rede } from '../../rules/lotes/rede';
import { HttpError } from '../errors';
import { requireAtor } from '../plugins/autenticacao';

export const redeSchema = z
  .string()
  .refine((v) => lerRede(v) !== null, {
    error: 'rede: use estadual:<UF>, municipal:<código IBGE do município> ou escola:<código INEP>',
  })
  .describe('Rede de ensino da chave: estadual:RJ (escolas estaduais da UF), municipal:3304557 (escolas municipais do município) ou escola:33012345');

export const ipsPermitidosSchema = z
  .array(
    z.string().refine(
      (v) => {
        const [e, p, ...resto] = v.split('/');
        if (resto.length || !isIP(e)) return false;
        if (p === undefined) return true;
        const n = Number(p);
        return /^\d{1,3}$/.test(p) && n <= (isIP(e) === 6 ? 128 : 32);
      },
      { error: 'informe um endereço IP (IPv4 ou IPv6) ou uma rede CIDR (ex.: 200.130.1.0/24)' },
    ),
  )
  .max(50)
  .describe('Endereços IP ou redes CIDR de onde a chave é aceita (seed 001: "Endereço IP da máquina que irá fazer a consulta"); vazio: qualquer um');

/** The key's network for sending lotes; refuses a session or a key without one. */
export function redeDaChave(request: FastifyRequest): { rede: Rede; texto: string; ambiente: 'homologacao' | 'producao' } {
  const a = request.autenticacao;
  const texto = a?.chave?.rede ?? null;
  const rede = texto ? lerRede(texto) : null;
  if (!a?.chave || !rede || !texto) {
    throw new HttpError(403, 'chave-sem-rede', 'Envie lotes com uma chave de API emitida para uma rede de ensino (estadual, municipal ou de uma escola).');
  }
  return { rede, texto, ambiente: a.chave.ambiente };
}

/** Where a caller may read students: schools by INEP, municípios, networks. */
export interface EscopoLeitura {
  escolas: string[];
  municipios: string[];
  redes: Rede[];
}

export async function escopoDeLeitura(db: Db, request: FastifyRequest): Promise<EscopoLeitura> {
  const ator = requireAtor(request);
  const a = request.autenticacao;
  if (a?.meio === 'chave-api') {
    // Seed 001: homologação is for tests; it never reads production's students.
    if (a.chave?.ambiente === 'homologacao') {
      throw new HttpError(403, 'chave-de-homologacao', 'Chave de homologação não lê dados de estudantes: o ambiente de homologação serve a testes de envio.');
    }
    const rede = a.chave?.rede ? lerRede(a.chave.rede) : null;
    return { escolas: [], municipios: [], redes: rede ? [rede] : [] };
  }
  const perfis = await perfisAtivosDe(db, ator.id);
  return {
    escolas: perfis.flatMap((p) => (p.perfil === 'operador-escolar' && p.codigoInep ? [p.codigoInep] : [])),
    municipios: perfis.flatMap((p) => ((p.perfil === 'coordenador-municipal' || p.perfil === 'auxiliar-municipal') && p.municipio ? [p.municipio] : [])),
    redes: [],
  };
}

/** SQL: the school `u` is in the caller's reading scope. */
export function escolaNoEscopo(e: EscopoLeitura, u = 'u'): RawBuilder<boolean> {
  const partes: RawBuilder<boolean>[] = e.redes.map((r) => escolaNaRede(r, u));
  if (e.escolas.length) partes.push(sql<boolean>`${sql.ref(`${u}.codigo_inep`)} = any(${e.escolas}::text[])`);
  if (e.municipios.length) partes.push(sql<boolean>`${sql.ref(`${u}.municipio`)} = any(${e.municipios}::text[])`);
  if (!partes.length) return sql<boolean>`false`;
  return sql<boolean>`(${sql.join(partes, sql` or `)})`;
}
