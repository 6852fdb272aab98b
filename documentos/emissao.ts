/**
 * Issuing a document: validate its data, take the next number of its series
 * (unidade, ano, espécie), render it and store it — number and document in ONE
 * transaction, so a failed render or insert rolls the counter back and no
 * number is ever skipped; the counter row's lock serialises concurrent
 * emissions, so no number is ever reused.
 *
 * Idempotent under the caller's key (e.g. `${workflowId}:${sequência}`): the
 * same key returns the stored document and its number, never a second one; the
 * same key with a different request (tipo, unidade, processo or dados) is refused.
 *
 * The year is the issuing date's year in America/Sao_Paulo.
 */
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

  try {
    return await db.transaction().execute(async (trx) => {
      // Two calls with the same key both get here: the second waits on the counter row until the first commits,
      // then its insert breaks the key's unique index, its transaction (number included) rolls back, and the
      // catch below returns the first's document. No lock of its own: two round trips fewer per document (issue 16).
      const { ultimo: numero } = await trx
        .insertInto('documento_numeracao')
        .values({ unidade, ano, especie, ultimo: 1 })
        .onConflict((oc) => oc.columns(['unidade', 'ano', 'especie']).doUpdateSet({ ultimo: sql<number>`documento_numeracao.ultimo + 1` }))
        .returning('ultimo')
        .executeTakeFirstOrThrow();

      const doc = renderizarPreparado(preparado, { data, numero, ano, unidade });
      const row = await trx
        .insertInto('documento')
        .values({
          processo_id: pedido.processoId,
          tipo,
          especie,
          numero,
          ano,
          unidade,
          identificacao: doc.identificacao,
          assunto: doc.assunto,
          dados: JSON.stringify(doc.dados),
          html: doc.html,
          sha256: doc.sha256,
          emitido_em: emitidoEm,
          emitido_por: pedido.emitidoPor,
          chave_idempotencia: chave,
          requisicao_sha256: requisicao,
        })
        .returning(COLUNAS_EMITIDO)
        .executeTakeFirstOrThrow();
      return paraEmitido(row, false);
    });
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
