/**
 * What the mantenedora's rite does that is not data (rules/mantenedora/rito.ts
 * holds the rest): its state, the checklist before the COOGIE, its documents,
 * and the change of representante legal on the edital's publication.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { MantenedoraActivities } from '../../activities/mantenedora';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import { CHECKLIST_MANTENEDORA, NOME_CHECKLIST_MANTENEDORA, type RequerimentoMantenedora } from '../../rules/mantenedora/rito';
import { conferirItens, exigenciasDosItens } from '../../rules/ritos/checklist';
import type { ExigenciaVistoria } from '../../rules/vistoria/acoes';
import { type HooksRito, RecusaAcao } from '../ritos/interpretador';
import type { EstadoMantenedora } from './definitions';

const { trocarRepresentanteLegal } = proxyActivities<MantenedoraActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const diaBrasilia = (instante: string) => formatarInstanteBrasilia(Date.parse(instante)).slice(0, 10);

/** What the rite's own rules refuse beyond its transitions, in pt-BR (validators run on delivery, never on replay). */
function recusa(acao: string, dados: Record<string, any>, hoje: string): string | undefined {
  if (acao === 'registrar-exigencias' || acao === 'encaminhar-coogie') {
    const c = conferirItens(CHECKLIST_MANTENEDORA, NOME_CHECKLIST_MANTENEDORA, dados.checklist);
    if (c.problemas.length) return `Checklist incompleto ou inválido: ${c.problemas.join('; ')}.`;
    if (acao === 'registrar-exigencias' && c.emFalta.length === 0 && dados.exigencias.length === 0) return 'Nenhum item não conforme e nenhuma outra exigência: encaminhe à COOGIE.';
    // Fluxo 5: "Não restando nenhuma exigência, à COOIE encaminhará o processo à COOGIE".
    if (acao === 'encaminhar-coogie' && c.emFalta.length) return `Restam itens não conformes (${c.emFalta.map((f) => f.item.codigo).join(', ')}): registre as exigências.`;
  }
  if (acao === 'publicar-edital' && dados.publicacao.data > hoje) return `A publicação no DOERJ não pode ser registrada antes de ocorrer (${dados.publicacao.data}).`;
  return undefined;
}

export const HOOKS_MANTENEDORA: HooksRito<EstadoMantenedora> = {
  estadoInicial: () => ({ requerimento: null, exigencias: [], devolucao: null, edital: null }),
  atividadeDocumentos: 'emitirDocumentoRito',

  validar({ acao, dados, pedido }) {
    const motivo = recusa(acao, dados, diaBrasilia(pedido.em));
    if (motivo) throw new RecusaAcao(motivo);
  },

  async aplicar(a) {
    const { estado: e, dados, ctx, pedido: p } = a;
    switch (a.acao) {
      case 'apresentar-requerimento':
        e.requerimento = dados as RequerimentoMantenedora;
        break;
      case 'autuar':
        ctx.autuar(dados.numeroSei);
        break;
      case 'registrar-exigencias': {
        const c = conferirItens(CHECKLIST_MANTENEDORA, NOME_CHECKLIST_MANTENEDORA, dados.checklist);
        e.exigencias = exigenciasDosItens(c.emFalta, dados.exigencias as ExigenciaVistoria[], (i) => `Item "${i.alinea}" da instrução processual não atendido.`);
        break;
      }
      case 'cumprir-exigencias':
        if (dados.requerimento) e.requerimento = dados.requerimento as RequerimentoMantenedora;
        break;
      case 'encaminhar-coogie':
        e.exigencias = [];
        break;
      case 'devolver-cooie':
        e.devolucao = { motivo: dados.motivo, em: p.em };
        break;
      case 'publicar-edital': {
        e.edital = { data: dados.publicacao.data, pagina: dados.publicacao.pagina };
        // At once: its number goes into the new representante's record below.
        const edital = await a.emitirAgora('edital-alteracao-mantenedora', { alteracoes: e.requerimento?.alteracoes ?? [] });
        // From the publication on, the new representante legal acts for the institution (seed 003; issue 13).
        const novo = e.requerimento?.alteracoes.some((x) => x.tipo === 'representante-legal') ? e.requerimento.novoRepresentante : undefined;
        if (novo) await trocarRepresentanteLegal({ processoId: ctx.processoId, edital: edital.identificacao, publicacao: dados.publicacao, novo: { nome: novo.nome, email: novo.email } });
        break;
      }
      default:
        // indeferir, expirar-prazo, prorrogar-prazo: the transition and the timeline say it all.
        break;
    }
  },

  async aoEntrarNaFase(a, { codigoPrazo }) {
    if (codigoPrazo === 'exigencias-mantenedora') {
      await a.emitir('notificacao-exigencias-cadastro', {
        objeto: 'pedido de cadastramento de alteração na composição da Entidade Mantenedora',
        codigoPrazo,
        exigencias: a.estado.exigencias,
      });
    }
  },
};
