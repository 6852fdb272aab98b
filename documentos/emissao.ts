/**
 * Issuing a document: validate its data, render it, take the next number of
 * its series (unidade, ano, espécie) and store it — number and document in ONE
 * statement, so a failed insert rolls the counter back and no number is ever
 * skipped; the counter row's lock serialises concurrent emissions, so no number
 * is ever reused.
 *
 * Idempotent under the caller's key (e.g. `${workflowId}:${sequência}`): the
 * same key returns the stored document and its number, never a second one; the
 * same key with a different request (tipo, unidade, processo or dados) is refused.
 *
 * The year is the issuing date's year in America/Sao_Paulo.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/connect';
import type { Documento } from '../db/schema';
import { diaCivilBrasilia, formatarData } from '../rules/calendario';
import { jsonCanonico } from '../rules/json-canonico';
import { definicao } from './catalogo';
import { DadosDocumentoInvalidos, assertTipo, normalizarUnidade, prepararDocumento, renderizarPreparado, sha256Hex } from './render';

export interface PedidoEmissao {
  /** Idempotency key: the same key always yields the same document. */
  chave: string;
  processoId: string | null;
  tipo: string;
  /** Issuing unit as in the identification: 'COOIE-METROPOLITANA I'. */
  unidade: string;
  /** The template's data (see documentos/catalogo.ts). */
  dados: unknown;
  /** Ator id of who issues it. */
  emitidoPor: string;
  /** Issuing instant; defaults to now. Its America/Sao_Paulo date is the document's date and year. */
  emitidoEm?: string | Date;
}

export interface DocumentoEmitido {
  id: string;
  numero: number;
  ano: number;
  /** 'Ofício nº 12/2026/COOIE-METROPOLITANA I'. */
  identificacao: string;
  tipo: string;
  unidade: string;
  sha256: string;
  emitidoEm: string;
  /** true when the key had already been used and the stored document is returned. */
  existente: boolean;
}

export class ChaveIdempotenciaConflitante extends Error {
  override readonly name = 'ChaveIdempotenciaConflitante';
  constructor(chave: string, identificacao: string) {
    super(
      `A chave de idempotência "${chave}" já foi usada para emitir ${identificacao} com outros dados; ` +
        'use outra chave para um documento diferente.',
    );
  }
}

/** Civil date of an instant in America/Sao_Paulo, 'YYYY-MM-DD'. */
export function dataEmSaoPaulo(instante: Date): string {
  // The one Brasília offset rule of rito (rules/calendario/datas.ts), as prazos use.
  return formatarData(diaCivilBrasilia(instante.getTime()));
}


function invalido(campo: string, mensagem: string, tipo = 'documento'): DadosDocumentoInvalidos {
  return new DadosDocumentoInvalidos(tipo, [{ campo, mensagem }]);
}

function lerInstante(v: string | Date | undefined): Date {
  if (v === undefined) return new Date();
  const d = v instanceof Date ? new Date(v.getTime()) : new Date(v);
  if (Number.isNaN(d.getTime()) || (typeof v === 'string' && !/^\d{4}-\d{2}-\d{2}T/.test(v))) {
    throw invalido('emitidoEm', 'instante inválido: use ISO 8601 com fuso, p.ex. 2026-11-21T14:30:00-03:00');
  }
  return d;
}

function paraEmitido(row: Pick<Documento, 'id' | 'numero' | 'ano' | 'identificacao' | 'tipo' | 'unidade' | 'sha256' | 'emitido_em'>, existente: boolean): DocumentoEmitido {
  return {
    id: row.id,
    numero: row.numero,
    ano: row.ano,
    identificacao: row.identificacao,
    tipo: row.tipo,
    unidade: row.unidade,
    sha256: row.sha256,
    emitidoEm: new Date(row.emitido_em).toISOString(),
    existente,
  };
}

const COLUNAS_EMITIDO = ['id', 'numero', 'ano', 'identificacao', 'tipo', 'unidade', 'sha256', 'emitido_em', 'requisicao_sha256', 'chave_idempotencia'] as const;

export interface OpcoesEmissao {
  /**
   * The caller looked the key up an instant before (a rite's document, with its sources: db/fontes-documento.ts)
   * and found nothing: no second look. A concurrent emission of the same key is still caught (below).
   */
  chaveConsultada?: boolean;
}

export async function emitirDocumento(db: Db, pedido: PedidoEmissao, opcoes: OpcoesEmissao = {}): Promise<DocumentoEmitido> {
  const chave = typeof pedido.chave === 'string' ? pedido.chave.trim() : '';
  if (!chave) throw invalido('chave', 'informe a chave de idempotência');
  if (chave.length > 300) throw invalido('chave', 'deve ter no máximo 300 caracteres');
  if (typeof pedido.emitidoPor !== 'string' || !pedido.emitidoPor.trim()) throw invalido('emitidoPor', 'informe quem emite o documento');
  if (pedido.processoId !== null && (typeof pedido.processoId !== 'string' || !pedido.processoId.trim())) {
    throw invalido('processoId', 'informe o processo ou null');
  }
  assertTipo(pedido.tipo);
  const tipo = pedido.tipo;
  const unidade = normalizarUnidade(pedido.unidade);
  const requisicao = sha256Hex(jsonCanonico({ tipo, unidade, processoId: pedido.processoId, dados: pedido.dados }));

  const conferir = (row: { requisicao_sha256: string; identificacao: string } & Parameters<typeof paraEmitido>[0]) => {
    if (row.requisicao_sha256 !== requisicao) throw new ChaveIdempotenciaConflitante(chave, row.identificacao);
    return paraEmitido(row, true);
  };

  // Fast path for retries: no validation, no lock.
  const anterior = opcoes.chaveConsultada ? undefined : await db.selectFrom('documento').select(COLUNAS_EMITIDO).where('chave_idempotencia', '=', chave).executeTakeFirst();
  if (anterior) return conferir(anterior);

  const emitidoEm = lerInstante(pedido.emitidoEm);
  const data = dataEmSaoPaulo(emitidoEm);
  const ano = Number(data.slice(0, 4));
  // Reject bad data before taking any lock or number; the document is then rendered from these validated data.
  const preparado = prepararDocumento(tipo, pedido.dados, data);
  const especie = definicao(tipo).especie;

  // The number exists only inside the statement that takes it. So the document is rendered with a mark where
  // its number goes, and ONE statement takes the number, puts it in place of the mark (HTML and identification),
  // hashes the HTML and stores the document. The counter row's lock serialises concurrent emissions until the
  // statement ends, so no number is ever reused; a failed insert (the key's unique index, below) takes the number
  // back with it, so none is skipped. One round trip instead of four: BEGIN, counter, INSERT, COMMIT (issue 16).
  const marca = `NUMERO_${randomUUID().replaceAll('-', '')}`;
  const doc = renderizarPreparado(preparado, { data, numero: marca as unknown as number, ano, unidade });
  if (!doc.identificacao.includes(marca)) throw new Error(`a identificação de ${tipo} não traz o número do documento`);
  try {
    const { rows } = await sql<Parameters<typeof paraEmitido>[0]>`
      with n as (
        insert into documento_numeracao (unidade, ano, especie, ultimo) values (${unidade}::text, ${ano}::integer, ${especie}::text, 1)
        on conflict (unidade, ano, especie) do update set ultimo = documento_numeracao.ultimo + 1
        returning ultimo
      ), h as (
        select ultimo, replace(${doc.html}::text, ${marca}::text, ultimo::text) as html from n
      )
      insert into documento (processo_id, tipo, especie, numero, ano, unidade, identificacao, assunto, dados, html, sha256, emitido_em, emitido_por, chave_idempotencia, requisicao_sha256)
      select ${pedido.processoId}::text, ${tipo}::text, ${especie}::text, h.ultimo, ${ano}::integer, ${unidade}::text,
        replace(${doc.identificacao}::text, ${marca}::text, h.ultimo::text), ${doc.assunto}::text, ${JSON.stringify(doc.dados)}::jsonb,
        h.html, encode(sha256(convert_to(h.html, 'UTF8')), 'hex'), ${emitidoEm}::timestamptz, ${pedido.emitidoPor}::text, ${chave}::text, ${requisicao}::text
      from h
      returning id, numero, ano, identificacao, tipo, unidade, sha256, emitido_em`.execute(db);
    return paraEmitido(rows[0]!, false);
  } catch (err) {
    // A concurrent emission of the same key committed first.
    if ((err as { code?: string; constraint?: string }).code === '23505' && (err as { constraint?: string }).constraint?.includes('chave_idempotencia')) {
      const row = await db.selectFrom('documento').select(COLUNAS_EMITIDO).where('chave_idempotencia', '=', chave).executeTakeFirst();
      if (row) return conferir(row);
    }
    throw err;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored document, or undefined. */
export async function obterDocumento(db: Db, id: string): Promise<Documento | undefined> {
  if (!UUID.test(id)) return undefined;
  return db.selectFrom('documento').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Documents of a process, oldest first (without the HTML). */
export async function listarDocumentosDoProcesso(db: Db, processoId: string) {
  return db
    .selectFrom('documento')
    .select(['id', 'tipo', 'numero', 'ano', 'unidade', 'identificacao', 'assunto', 'sha256', 'emitido_em', 'emitido_por'])
    .where('processo_id', '=', processoId)
    .orderBy('emitido_em')
    .orderBy('numero')
    .execute();
}
