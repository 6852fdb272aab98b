/**
 * What a document of a process is made of, read from the database in ONE query: the process, its units,
 * who acts and who autuou it (the signer's accounts), the addressee's account with the mandate it holds
 * for the institution, the documents already issued in the process, and the document the same key already
 * issued, if any. Each part is the correlated subquery of its own table, as JSON. It was eight round trips
 * to PostgreSQL per document, each of which the worker paid for (issue 16).
 */
import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Db } from './connect';
import type { Processo, Unidade } from './schema';

/** A servidor's account as a signature needs it. */
export interface ContaFuncional {
  nome: string;
  papeis: string[];
  cargo: string | null;
  matricula: string | null;
}

/** A document already issued in the process (newest first in `documentos`). */
export interface DocumentoAnterior {
  identificacao: string;
  /** As JSON gives a timestamp: ISO 8601 text. */
  emitido_em: string;
  tipo: string;
}

/** The document the request's key already issued: what a retry gives back. */
export interface DocumentoDaChave {
  id: string;
  tipo: string;
  identificacao: string;
}

export interface LinhasDasFontes {
  processo: Processo;
  /** The process's unit and the central one, as rows (JSON: timestamps as text), when recorded. */
  unidades: Unidade[];
  /** The account of who acts, when he has one. */
  emissor: ContaFuncional | null;
  /** The account of who autuou the process, when he has one. */
  autuador: ContaFuncional | null;
  /** The addressee's account (by the requerente's e-mail, else who opened), with his mandate's kind. */
  conta: { id: string; tratamento: 'senhor' | 'senhora' | null; mandato: string | null } | null;
  documentos: DocumentoAnterior[];
  daChave: DocumentoDaChave | null;
}

export async function lerFontesDoDocumento(
  db: Db,
  pedido: { processoId: string; emitidoPor: string; chave: string; unidadeCentral: string },
): Promise<LinhasDasFontes | undefined> {
  const linha = await db
    .selectFrom('processo as p')
    .selectAll('p')
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('unidade as u')
          .selectAll('u')
          .where((w) => w.or([w('u.chave', '=', w.ref('p.unidade')), w('u.chave', '=', pedido.unidadeCentral)])),
      ).as('fontes_unidades'),
      jsonObjectFrom(eb.selectFrom('usuario as e').select(['e.nome', 'e.papeis', 'e.cargo', 'e.matricula']).where('e.id', '=', pedido.emitidoPor)).as('fontes_emissor'),
      jsonObjectFrom(
        eb
          .selectFrom('usuario as a')
          .select(['a.nome', 'a.papeis', 'a.cargo', 'a.matricula'])
          .where('a.id', '=', (s) =>
            s.selectFrom('processo_evento as ev').select('ev.ator').whereRef('ev.processo_id', '=', 'p.id').where('ev.tipo', '=', 'autuar').orderBy('ev.seq').limit(1),
          ),
      ).as('fontes_autuador'),
      jsonObjectFrom(
        eb
          .selectFrom('usuario as c')
          .select(['c.id', 'c.tratamento'])
          .select((s) =>
            s
              .selectFrom('representacao as r')
              .select('r.tipo')
              .whereRef('r.usuario_id', '=', 'c.id')
              .whereRef('r.instituicao_cnpj', '=', 'p.instituicao_cnpj')
              .orderBy('r.inicio', 'desc')
              .limit(1)
              .as('mandato'),
          )
          .where((w) => w.or([w('c.email', '=', sql<string>`lower(p.requerente_email)`), w('c.id', '=', w.ref('p.aberto_por'))]))
          .orderBy(sql`c.email = lower(p.requerente_email)`, 'desc')
          .limit(1),
      ).as('fontes_conta'),
      jsonArrayFrom(
        eb
          .selectFrom('documento as d')
          .select(['d.identificacao', 'd.emitido_em', 'd.tipo'])
          .whereRef('d.processo_id', '=', 'p.id')
          .orderBy('d.emitido_em', 'desc')
          .orderBy('d.criado_em', 'desc'),
      ).as('fontes_documentos'),
      jsonObjectFrom(eb.selectFrom('documento as k').select(['k.id', 'k.tipo', 'k.identificacao']).where('k.chave_idempotencia', '=', pedido.chave)).as('fontes_da_chave'),
    ])
    .where('p.id', '=', pedido.processoId)
    .executeTakeFirst();
  if (!linha) return undefined;
  const { fontes_unidades, fontes_emissor, fontes_autuador, fontes_conta, fontes_documentos, fontes_da_chave, ...processo } = linha;
  return {
    processo: processo as Processo,
    unidades: fontes_unidades as unknown as Unidade[],
    emissor: fontes_emissor as ContaFuncional | null,
    autuador: fontes_autuador as ContaFuncional | null,
    conta: fontes_conta as LinhasDasFontes['conta'],
    documentos: fontes_documentos as unknown as DocumentoAnterior[],
    daChave: fontes_da_chave,
  };
}
