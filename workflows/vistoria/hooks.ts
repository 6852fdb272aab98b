/**
 * What the vistoria does that is not data (rules/vistoria/rito.ts holds the
 * rest): its own state (exigências, Comissão, visit, edital), the visit and
 * Termo rules, the documents each action and each phase issues, the Comissão's
 * designation.
 */
import { patched, proxyActivities } from '@temporalio/workflow';
import type { DocumentoActivities } from '../../activities/vistoria-documentos';
import { type AcaoEmCurso, type HooksRito, RecusaAcao } from '../ritos/interpretador';
import type { CodigoPrazoVistoria, FaseVistoria } from '../../rules/vistoria';
import type { ContextosDocumentoVistoria, DocumentoVistoria } from '../../rules/vistoria/documentos';
import { recusaDaVistoria } from '../../rules/vistoria/regras';
import { conferirChecklist, exigenciasDoChecklist } from '../../rules/vistoria/checklist-aplicado';
import type { TipoVistoria } from '../../rules/vistoria/tipos';
import type { EstadoVistoria } from './definitions';

/** Issues a document of the vistoria, with the action's step, with the data its builder expects (rules/vistoria/documentos.ts). */
const emitir = <T extends DocumentoVistoria>(a: AcaoEmCurso<EstadoVistoria>, tipo: T, contexto: ContextosDocumentoVistoria[T]) =>
  a.emitir(tipo, contexto as unknown as Record<string, unknown>);
/** The same, at once: the action records the document's number elsewhere (an Ordem de Serviço's designation). */
const emitirAgora = <T extends DocumentoVistoria>(a: AcaoEmCurso<EstadoVistoria>, tipo: T, contexto: ContextosDocumentoVistoria[T]) =>
  a.emitirAgora(tipo, contexto as unknown as Record<string, unknown>);

// The same options the designation always ran with (running histories recorded them).
const { designarComissao } = proxyActivities<Pick<DocumentoActivities, 'designarComissao'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** The COOGIE's own Pronunciamento on the reconsideração (issue 10 item 7). */
const PRONUNCIAMENTO_COOGIE = 'pronunciamento-coogie';

/** Which Pronunciamento this is: after the visit, on reconsideração, or after the COOGIE's deferimento. */
function instanciaPronunciamento(fase: string): 'original' | 'reconsideracao' | 'apos-coogie' {
  if (fase === 'reconsideracao-comissao' || fase === 'visita-reconsideracao') return 'reconsideracao';
  if (fase === 'retorno-comissao' || fase === 'visita-retorno') return 'apos-coogie';
  return 'original';
}

async function pronunciamento(a: AcaoEmCurso<EstadoVistoria>, decisao: 'deferimento' | 'indeferimento'): Promise<void> {
  const naoAtendidas = decisao === 'indeferimento' ? a.dados.exigenciasNaoAtendidas : [];
  a.estado.exigencias = naoAtendidas;
  await emitir(a, 'pronunciamento', { decisao, instancia: instanciaPronunciamento(a.de), fundamentacao: a.dados.fundamentacao, exigenciasNaoAtendidas: naoAtendidas, comissao: a.estado.comissao });
}

export const HOOKS_VISTORIA: HooksRito<EstadoVistoria> = {
  estadoInicial: () => ({ exigencias: [], comissao: [], ordemServico: null, visita: null, edital: null }),
  atividadeDocumentos: 'emitirDocumentoVistoria',
  designados: (estado) => estado.comissao.map((m) => m.usuarioId),

  validar({ ctx, acao, dados, pedido, estado }) {
    // The calendar the process's prazos count on: the unit's seat, its decreed and maintained municipal days.
    const { local, diasDecretados, feriadosMunicipais } = ctx.prazos.calendario;
    const motivo = recusaDaVistoria({ acao, dados, estado, em: pedido.em, tipo: ctx.tipo, local, decretados: diasDecretados, ...(feriadosMunicipais ? { feriadosMunicipais } : {}) });
    if (motivo) throw new RecusaAcao(motivo);
  },


  async aplicar(a) {
    const { estado: e, dados, ctx, pedido: p } = a;
    switch (a.acao) {
      case 'autuar':
        ctx.autuar(dados.numeroSei);
        break;
      case 'registrar-exigencias-forma':
        // From the items found não conforme, plus any other given (runs before the checklist gave them all).
        e.exigencias = dados.checklist ? exigenciasDoChecklist(ctx.tipo as TipoVistoria, conferirChecklist(ctx.tipo, 'documentos', dados.checklist).emFalta, dados.exigencias ?? []) : dados.exigencias;
        break;
      case 'registrar-exigencias-documentais':
        e.exigencias = dados.exigencias;
        break;
      case 'registrar-exigencias-merito':
        e.exigencias = exigenciasDoChecklist(ctx.tipo as TipoVistoria, conferirChecklist(ctx.tipo, 'visita', dados.termoVisita.verificacoes).emFalta, dados.exigencias ?? []);
        await emitir(a, 'termo-visita', { termoVisita: dados.termoVisita, exigencias: e.exigencias, comissao: e.comissao });
        if (e.visita) e.visita.termoEm = dados.termoVisita.realizadaEm;
        break;
      case 'emitir-estudo-tecnico':
        e.exigencias = dados.exigencias;
        await emitir(a, 'estudo-tecnico', { exigencias: dados.exigencias, analise: dados.analise });
        break;
      case 'aprovar-forma':
        e.exigencias = [];
        break;
      case 'designar-comissao-verificacao': {
        // Beside the regional Comissão, which still receives the process back after a COOGIE deferimento
        // ("o processo será restituído à Comissão de Vistoria do Órgão Regional").
        e.comissaoCoogie = dados.comissao;
        const os = await emitirAgora(a, 'ordem-servico', { comissao: dados.comissao, publicacao: null, central: true });
        await designarComissao({
          processoId: ctx.processoId,
          ordemServico: os.identificacao,
          membros: dados.comissao.map((m: { usuarioId: string }) => m.usuarioId),
          criadoPor: p.ator.id,
          em: p.em,
          manterAnteriores: true,
        });
        break;
      }
      case 'publicar-ordem-servico':
      case 'emitir-ordem-servico': {
        e.comissao = dados.comissao;
        const os = await emitirAgora(a, 'ordem-servico', { comissao: dados.comissao, publicacao: dados.publicacao ?? null });
        e.ordemServico = os.identificacao;
        e.ordemServicoEm = p.em;
        await designarComissao({ processoId: ctx.processoId, ordemServico: os.identificacao, membros: dados.comissao.map((m: { usuarioId: string }) => m.usuarioId), criadoPor: p.ator.id, em: p.em });
        break;
      }
      case 'agendar-visita':
      case 'reagendar-visita':
        // A new visit has no Termo yet.
        e.visita = { data: dados.data, hora: dados.hora, avisoEm: p.em };
        await emitir(a, 'agendamento-visita', { visita: { data: dados.data, hora: dados.hora }, comissao: e.comissao, motivo: dados.motivo ?? null });
        break;
      case 'concluir-visita-sem-exigencias':
        e.exigencias = [];
        await emitir(a, 'termo-visita', { termoVisita: dados.termoVisita, exigencias: [], comissao: e.comissao });
        if (e.visita) e.visita.termoEm = dados.termoVisita.realizadaEm;
        break;
      case 'registrar-termo-visita':
        // The Termo of a later visit (reconsideração, after the COOGIE): it records what the exigências stand at.
        await emitir(a, 'termo-visita', { termoVisita: dados.termoVisita, exigencias: e.exigencias, comissao: e.comissao });
        if (e.visita) e.visita.termoEm = dados.termoVisita.realizadaEm;
        break;
      case 'deferir':
      case 'reconsiderar':
        await pronunciamento(a, 'deferimento');
        break;
      case 'indeferir':
      case 'ratificar-indeferimento':
      case 'manter-indeferimento':
        await pronunciamento(a, 'indeferimento');
        break;
      case 'deferir-reconsideracao':
      case 'indeferir-reconsideracao': {
        const deferido = a.acao === 'deferir-reconsideracao';
        const naoAtendidas = deferido ? [] : dados.exigenciasNaoAtendidas;
        if (!deferido) e.exigencias = naoAtendidas;
        // The COOGIE decides by its own Pronunciamento, numbered and signed in its series (seed 003, COOGIE I–II).
        // Runs recorded before it issued none: patched.
        if (patched(PRONUNCIAMENTO_COOGIE)) {
          await emitir(a, 'pronunciamento-coogie', {
            decisao: deferido ? 'deferimento' : 'indeferimento',
            fundamentacao: dados.fundamentacao,
            exigenciasNaoAtendidas: naoAtendidas,
            semManifestacao: e.estudoTecnicoSemResposta === true,
          });
        }
        break;
      }
      case 'expirar-prazo':
        // Seed 003, COOGIE II: with no answer to the Estudo Técnico, the COOGIE indefere by its Pronunciamento
        // (analise-coogie); runs recorded before went straight to the CEE prazo.
        if (a.de === 'estudo-tecnico') {
          if (patched(PRONUNCIAMENTO_COOGIE)) e.estudoTecnicoSemResposta = true;
          else a.destino = 'prazo-recurso-cee' satisfies FaseVistoria;
        }
        break;
      case 'publicar-edital':
        e.edital = { data: dados.publicacao.data, pagina: dados.publicacao.pagina };
        await emitir(a, 'edital-cadastramento', { objeto: dados.objeto, publicacao: dados.publicacao });
        break;
      case 'cumprir-exigencias':
        // Runs recorded before filings could be added to (issue 10 item 12) went straight to the Pronunciamento.
        if (a.de === 'exigencias-merito') {
          if (!patched('entregas-ate-o-limite')) a.destino = 'pronunciamento' satisfies FaseVistoria;
          else a.mensagem = `Cumprimento registrado. Você pode complementá-lo até ${e.prazo?.limite ?? 'o fim do prazo'} ou declarar concluída a apresentação.`;
        }
        break;
      case 'pedir-reconsideracao-extemporanea':
        a.foraDoPrazoEm = dados.recebidoEm;
        break;
      default:
        // responder-estudo-tecnico, arquivar, concluir-cumprimento,
        // interpor-recurso-cee, other expirations, prorrogar-prazo, pedir-reconsideracao (a late one
        // goes to art. 49 by the definition): the transition and the timeline say it all.
        break;
    }
  },

  async aoEntrarNaFase(a, { codigoPrazo, prazoAnterior }) {
    const e = a.estado;
    // Exigências written in the Termo de Visita, which the representante signs at the visit (seed 003,
    // Fluxo 8: "assinado em duas vias"), are known to him then: the ciência is the visit's day
    // (Lei 9.784/1999 art. 26 § 3), and the 20 days run from the next. Set before any await, so that
    // the interpreter never starts waiting for another ciência. Runs recorded before it did not: patched.
    const naVisita = a.acao === 'registrar-exigencias-merito' && e.notificacao !== null && patched('ciencia-na-visita');
    if (naVisita) {
      e.notificacao!.ciencia = a.dados.termoVisita.realizadaEm;
      e.notificacao!.tacita = false;
    }
    if (codigoPrazo === 'reconsideracao' || codigoPrazo === 'recurso-cee') {
      await emitir(a, 'notificacao-indeferimento', { recurso: codigoPrazo, motivos: e.exigencias });
    } else if (codigoPrazo) {
      await emitir(a, 'notificacao-exigencias', { codigoPrazo: codigoPrazo as CodigoPrazoVistoria, exigencias: e.exigencias });
    }
    if (a.destino === 'art-49') {
      const encerrado = prazoAnterior && (prazoAnterior.codigo === 'reconsideracao' || prazoAnterior.codigo === 'recurso-cee') ? prazoAnterior : null;
      await emitir(a, 'encaminhamento-cee', {
        destino: 'art-49',
        prazoEncerrado: encerrado ? { codigo: encerrado.codigo, vencimento: encerrado.vencimento } : null,
        pedidoExtemporaneoEm: a.foraDoPrazoEm,
      });
    }
    if (a.destino === 'recurso-cee') await emitir(a, 'encaminhamento-cee', { destino: 'cee', recursoProtocoladoEm: a.pedido.em });
    if (naVisita) {
      const ciencia = a.dados.termoVisita.realizadaEm;
      await a.ctx.evento('ciencia-na-visita', `Ciência das exigências na visita de ${ciencia}: o Termo de Visita foi assinado pelo representante`, a.pedido.ator.id, { ciencia });
    }
  },
};
