/**
 * Opening the notice is the ciência: the ofício itself says "Considera-se feita a
 * ciência na data em que esta comunicação for aberta no sistema". When the party
 * the rite notifies opens (HTML or PDF) the document that notifies its pending
 * prazo, the rite's tomar-ciencia is sent on its behalf, once, with the instant
 * of the opening. Any other reader, document or moment changes nothing.
 */
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/connect';
import { obterProcesso } from '../../db/processos';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import { ACAO_TOMAR_CIENCIA, parteDoRito } from '../../rules/ritos/definicao';
import { ritoDoTipo } from '../../rules/ritos/registro';
import { acaoUpdate, type PedidoAcao } from '../../workflows/ritos/definitions';
import { idDaAtualizacao } from '../../workflows/ritos/interpretador';
import type { ApiDeps } from '../deps';
import { requireAtor } from '../plugins/autenticacao';
import { estadoDoRito } from './estado';
import { papelDoAtor } from './routes';

export type AoAbrirDocumento = (request: FastifyRequest, doc: { id: string; processo_id: string | null; identificacao: string }) => Promise<void>;

export function cienciaPelaAbertura(deps: Pick<ApiDeps, 'temporal' | 'relogio'> & { db: Db }): AoAbrirDocumento {
  return async (request, doc) => {
    if (!doc.processo_id) return;
    const ator = requireAtor(request);
    const processo = await obterProcesso(deps.db, doc.processo_id);
    const def = processo ? ritoDoTipo(processo.tipo) : undefined;
    if (!processo || !def || processo.encerrado) return;
    const papel = papelDoAtor(def, parteDoRito(def));
    if (!papel || !ator.papeis.includes(papel)) return;
    try {
      const handle = deps.temporal.workflow.getHandle(processo.id);
      const n = (await estadoDoRito(deps.temporal, processo, def))?.notificacao;
      if (!n || n.ciencia || n.abertaEm || n.documentoId !== doc.id) return;
      const pedido: PedidoAcao = {
        acao: ACAO_TOMAR_CIENCIA,
        dados: {},
        ator: { id: ator.id, nome: ator.nome, papeis: ator.papeis },
        em: formatarInstanteBrasilia(await (deps.relogio ?? Date.now)()),
        // One ciência per document and person: opening it again repeats nothing.
        chave: `${ator.id}:ciencia-pela-abertura:${doc.id}`,
      };
      const r = await handle.executeUpdate(acaoUpdate(def), { args: [pedido], updateId: idDaAtualizacao(pedido) });
      await request.auditar({
        acao: `${def.codigo}.${ACAO_TOMAR_CIENCIA}`,
        recurso: 'processo',
        recursoId: processo.id,
        processoId: processo.id,
        resumo: `Ciência pela abertura de ${doc.identificacao} no sistema${r.prazo ? ` — prazo até ${r.prazo.limite}` : ''}`,
        dados: { documentoId: doc.id, em: pedido.em },
        chaveIdempotencia: pedido.chave,
      });
    } catch (err) {
      // The reading itself must not fail for it: the notice stays pending and explicit ciência remains possible.
      request.log.warn({ err, documento: doc.id }, 'ciência pela abertura não registrada');
    }
  };
}
