/**
 * What the ETAP rite does that is not data (rules/etap/rito.ts holds the rest):
 * its own state (the request, the COOGIE's consulta, the exigências, the edital),
 * the checks before approval, and the documents it issues.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { EtapActivities } from '../../activities/etap';
import { type AcaoEmCurso, type HooksRito, RecusaAcao } from '../ritos/interpretador';
import { formatarInstanteBrasilia } from '../../rules/calendario';
import { conferirItens, exigenciasDosItens } from '../../rules/ritos/checklist';
import { CHECKLIST_ETAP, NOME_CHECKLIST_ETAP } from '../../rules/etap/checklist';
import type { ExigenciaVistoria } from '../../rules/vistoria/acoes';
import type { RequerimentoEtap } from '../../rules/etap/acoes';
import { avaliarRequerimento } from '../../rules/etap/avaliacao';
import type { EstadoEtap } from './definitions';

const diaBrasilia = (instante: string) => formatarInstanteBrasilia(Date.parse(instante)).slice(0, 10);

/** What the ETAP's own rules refuse beyond its transitions, in pt-BR (validators run on delivery, never on replay). */
function recusaDaEtap(acao: string, dados: Record<string, any>, e: EstadoEtap, hoje: string): string | undefined {
  if (acao === 'registrar-exigencias' || acao === 'aprovar-cadastramento') {
    const c = conferirItens(CHECKLIST_ETAP, NOME_CHECKLIST_ETAP, dados.checklist);
    if (c.problemas.length) return `Checklist do cadastramento incompleto ou inválido: ${c.problemas.join('; ')}.`;
    if (acao === 'registrar-exigencias' && c.emFalta.length === 0 && dados.exigencias.length === 0) {
      return 'Nenhum item não conforme e nenhuma outra exigência: aprove o cadastramento.';
    }
    if (acao === 'aprovar-cadastramento') {
      if (c.emFalta.length) return `O cadastramento não pode ser aprovado com itens não conformes (${c.emFalta.map((f) => f.item.codigo).join(', ')}): registre as exigências.`;
      // Seed 003, Fluxo 3: "Deverá ser realizada pesquisa junto a COOGIE" before the cadastramento.
      if (!e.consulta?.respondidaEm) return 'A pesquisa junto à COOGIE sobre apenação dos membros (Lei Estadual nº 6.533/2013) ainda não foi respondida.';
      // Del. CEE 388/2020 art. 14 and § 4º, Del. CEE 378/2020 art. 29, as rito checked them (rules/etap/avaliacao.ts).
      // Evaluated again today: a CRT may have expired since the request.
      const avaliacao = e.requerimento ? avaliarRequerimento(e.requerimento, hoje) : null;
      if (avaliacao?.problemas.length) return `O cadastramento não pode ser aprovado: ${avaliacao.problemas.join(' ')} Registre as exigências.`;
      if (e.consulta.apenados.length) {
        return `A COOGIE informou membros apenados nos termos da Lei Estadual nº 6.533/2013 (${e.consulta.apenados.join(', ')}): registre a exigência de substituição ou indefira.`;
      }
    }
  }
  if (acao === 'publicar-edital' && dados.publicacao.data > hoje) return `A publicação no DOERJ não pode ser registrada antes de ocorrer (${dados.publicacao.data}).`;
  return undefined;
}

const { registrarEtapCadastrada } = proxyActivities<EtapActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const emitir = (a: AcaoEmCurso<EstadoEtap>, tipo: 'notificacao-exigencias-cadastro', contexto: Record<string, unknown>) => a.emitir(tipo, contexto);

export const HOOKS_ETAP: HooksRito<EstadoEtap> = {
  estadoInicial: () => ({ requerimento: null, avaliacao: null, consulta: null, exigencias: [], edital: null }),
  atividadeDocumentos: 'emitirDocumentoRito',

  validar({ acao, dados, estado, pedido }) {
    const motivo = recusaDaEtap(acao, dados, estado, diaBrasilia(pedido.em));
    if (motivo) throw new RecusaAcao(motivo);
  },

  async aplicar(a) {
    const { estado: e, dados, ctx, pedido: p } = a;
    switch (a.acao) {
      case 'apresentar-requerimento':
        e.requerimento = dados as RequerimentoEtap;
        e.avaliacao = avaliarRequerimento(e.requerimento, diaBrasilia(p.em));
        break;
      case 'autuar':
        ctx.autuar(dados.numeroSei);
        break;
      case 'consultar-coogie':
        e.consulta = { pedidaEm: p.em, respondidaEm: null, apenados: [], resposta: null };
        break;
      case 'responder-consulta':
        e.consulta = { pedidaEm: e.consulta?.pedidaEm ?? p.em, respondidaEm: p.em, apenados: dados.apenados, resposta: dados.resposta };
        break;
      case 'registrar-exigencias': {
        const c = conferirItens(CHECKLIST_ETAP, NOME_CHECKLIST_ETAP, dados.checklist);
        e.exigencias = exigenciasDosItens(c.emFalta, dados.exigencias as ExigenciaVistoria[], (i) => `Item "${i.alinea}" da conferência do cadastramento da ETAP não atendido.`);
        break;
      }
      case 'cumprir-exigencias':
        if (dados.requerimento) {
          e.requerimento = dados.requerimento as RequerimentoEtap;
          e.avaliacao = avaliarRequerimento(e.requerimento, diaBrasilia(p.em));
        }
        break;
      case 'aprovar-cadastramento':
        e.exigencias = [];
        break;
      case 'publicar-edital': {
        e.edital = { data: dados.publicacao.data, pagina: dados.publicacao.pagina };
        const membros = (e.requerimento?.membros ?? []).map((m) => ({ nome: m.nome, funcao: m.funcao, desde: m.desde }));
        // At once: its number goes into the team's registration below.
        const edital = await a.emitirAgora('edital-cadastramento-etap', {
          membros: (e.requerimento?.membros ?? []).map((m) => ({ nome: m.nome, funcao: m.funcao, desde: m.desde, ...(m.substitui ? { substitui: m.substitui } : {}) })),
          publicacao: dados.publicacao,
        });
        // From the publication on, they are the institution's registered team ("cadastrada junto à Secretaria").
        await registrarEtapCadastrada({ processoId: ctx.processoId, edital: edital.identificacao, publicacao: dados.publicacao, membros });
        break;
      }
      default:
        // indeferir, expirar-prazo, prorrogar-prazo: the transition and the timeline say it all.
        break;
    }
  },

  async aoEntrarNaFase(a, { codigoPrazo }) {
    if (codigoPrazo === 'exigencias-etap') {
      await emitir(a, 'notificacao-exigencias-cadastro', {
        objeto: 'pedido de cadastramento da Equipe Técnico-Administrativo-Pedagógica (ETAP)',
        codigoPrazo,
        exigencias: a.estado.exigencias,
      });
    }
  },
};
