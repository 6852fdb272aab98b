/** What the transferência de mantença's rite does that is not data (rules/transferencia-mantenca/rito.ts holds the rest). */
import { proxyActivities } from '@temporalio/workflow';
import type { TransferenciaActivities } from '../../activities/transferencia-mantenca';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import { type HooksRito, RecusaAcao } from '../ritos/interpretador';
import type { EstadoTransferencia } from './definitions';

const { registrarTransferenciaMantenca } = proxyActivities<TransferenciaActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const diaBrasilia = (instante: string) => formatarInstanteBrasilia(Date.parse(instante)).slice(0, 10);

export const HOOKS_TRANSFERENCIA_MANTENCA: HooksRito<EstadoTransferencia> = {
  estadoInicial: () => ({ autorizacao: null, edital: null, recusa: null }),
  atividadeDocumentos: 'emitirDocumentoRito',

  validar({ acao, dados, estado, pedido }) {
    const hoje = diaBrasilia(pedido.em);
    if (acao === 'registrar-autorizacao-cee' && dados.data > hoje) throw new RecusaAcao(`O ato do CEE não pode ser posterior a hoje (${dados.data}).`);
    if (acao === 'publicar-edital') {
      if (dados.publicacao.data > hoje) throw new RecusaAcao(`A publicação no DOERJ não pode ser registrada antes de ocorrer (${dados.publicacao.data}).`);
      // The transfer is registered after the CEE authorised it, never before.
      if (estado.autorizacao && dados.publicacao.data < estado.autorizacao.data) {
        throw new RecusaAcao(`A publicação (${dados.publicacao.data}) não pode ser anterior à autorização do CEE (${estado.autorizacao.data}).`);
      }
    }
  },

  async aplicar(a) {
    const { estado: e, dados, ctx } = a;
    if (a.acao === 'registrar-autorizacao-cee') {
      ctx.autuar(dados.numeroSei);
      e.autorizacao = { ato: dados.ato, data: dados.data, novaMantenedora: dados.novaMantenedora };
    }
    else if (a.acao === 'recusar') e.recusa = dados.motivo;
    else if (a.acao === 'publicar-edital') {
      e.edital = { data: dados.publicacao.data, pagina: dados.publicacao.pagina };
      const autorizacao = e.autorizacao!;
      // At once: its number goes into the transfer's record below.
      const edital = await a.emitirAgora('edital-transferencia-mantenca', { autorizacao: { ato: autorizacao.ato, data: autorizacao.data }, novaMantenedora: autorizacao.novaMantenedora });
      // From the publication on, the new company maintains the school; the history stays (db/mantenedoras.ts).
      await registrarTransferenciaMantenca({ processoId: ctx.processoId, edital: edital.identificacao, autorizacao: autorizacao.ato, publicacao: dados.publicacao, nova: autorizacao.novaMantenedora });
    }
  },
};
