/** What the Relatório Anual's rite does that is not data (rules/relatorio-anual/rito.ts holds the rest). */
import { CHECKLIST_RELATORIO_ANUAL, NOME_CHECKLIST_RELATORIO } from '../../rules/relatorio-anual/rito';
import { conferirItens, exigenciasDosItens } from '../../rules/ritos/checklist';
import type { ExigenciaVistoria } from '../../rules/vistoria/acoes';
import { type HooksRito, RecusaAcao } from '../ritos/interpretador';
import type { EstadoRelatorioAnual } from './definitions';

export const HOOKS_RELATORIO_ANUAL: HooksRito<EstadoRelatorioAnual> = {
  estadoInicial: () => ({ anoLetivo: null, entregueEm: null, pendencias: [] }),
  atividadeDocumentos: 'emitirDocumentoRito',

  validar({ acao, dados }) {
    if (acao !== 'registrar-pendencias' && acao !== 'arquivar') return;
    const c = conferirItens(CHECKLIST_RELATORIO_ANUAL, NOME_CHECKLIST_RELATORIO, dados.checklist);
    if (c.problemas.length) throw new RecusaAcao(`Checklist do Relatório Anual incompleto ou inválido: ${c.problemas.join('; ')}.`);
    if (acao === 'registrar-pendencias' && c.emFalta.length === 0 && dados.exigencias.length === 0) throw new RecusaAcao('Nenhum item não conforme e nenhuma outra pendência: arquive o Relatório Anual.');
    // "Não possuindo exigências, o Relatório Anual deverá ser arquivado": only then.
    if (acao === 'arquivar' && c.emFalta.length) throw new RecusaAcao(`Há itens não conformes (${c.emFalta.map((f) => f.item.codigo).join(', ')}): notifique as pendências.`);
  },

  async aplicar(a) {
    const { estado: e, dados, ctx, pedido: p } = a;
    if (a.acao === 'entregar-relatorio') {
      e.anoLetivo = dados.anoLetivo;
      e.entregueEm = p.em;
    } else if (a.acao === 'autuar') ctx.autuar(dados.numeroSei);
    else if (a.acao === 'registrar-pendencias') {
      const c = conferirItens(CHECKLIST_RELATORIO_ANUAL, NOME_CHECKLIST_RELATORIO, dados.checklist);
      e.pendencias = exigenciasDosItens(c.emFalta, dados.exigencias as ExigenciaVistoria[], (i) => `Item ${i.alinea} do Relatório Anual não atendido.`);
    } else if (a.acao === 'arquivar') e.pendencias = [];
  },

  async aoEntrarNaFase(a, { codigoPrazo }) {
    if (codigoPrazo === 'pendencias-relatorio-anual') {
      await a.emitir('notificacao-exigencias-cadastro', {
        objeto: `Relatório Anual do ano letivo de ${a.estado.anoLetivo}`,
        codigoPrazo,
        exigencias: a.estado.pendencias,
      });
    }
  },
};
