/**
 * What the vistoria does that is not data (rules/vistoria/rito.ts holds the
 * rest): its own state (exigências, Comissão, visit, edital), the visit and
 * Termo rules, the documents each action and each phase issues, the Comissão's
 * designation.
 */
import { patched, proxyActivities } from '@temporalio/workflow';
import type { DocumentoActivities } from '../../activities/vistoria-documentos';
import { dataMinimaVisita } from '../../rules/prazos';
import { type AcaoEmCurso, diaBrasilia, type HooksRito, motivoNaoUtil, RecusaAcao } from '../ritos/interpretador';
import type { CodigoPrazoVistoria, FaseVistoria } from '../../rules/vistoria';
import type { ContextosDocumentoVistoria, DocumentoVistoria } from '../../rules/vistoria/documentos';
import type { EstadoVistoria } from './definitions';

/** Issues a document of the vistoria with the data its builder expects (rules/vistoria/documentos.ts). */
const emitir = <T extends DocumentoVistoria>(a: AcaoEmCurso<EstadoVistoria>, tipo: T, contexto: ContextosDocumentoVistoria[T]) =>
  a.emitir(tipo, contexto as unknown as Record<string, unknown>);

// The same options the designation always ran with (running histories recorded them).
const { designarComissao } = proxyActivities<Pick<DocumentoActivities, 'designarComissao'>>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

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
    const hoje = diaBrasilia(pedido.em);
    // Step 4: the OS is published in DOERJ before the Comissão acts; never dated before the OS.
    if (acao === 'publicar-ordem-servico' && !dados.publicacao) {
      throw new RecusaAcao('Informe a publicação da Ordem de Serviço no DOERJ (data e página); se ainda não foi publicada, emita a Ordem de Serviço e registre a publicação depois.');
    }
    if (acao === 'publicar-ordem-servico' && dados.publicacao.data < hoje) {
      throw new RecusaAcao(`A publicação no DOERJ (${dados.publicacao.data}) não pode ser anterior à Ordem de Serviço (${hoje}).`);
    }
    if (acao === 'registrar-publicacao-ordem-servico') {
      const emitida = estado.ordemServicoEm ? diaBrasilia(estado.ordemServicoEm) : null;
      if (emitida && dados.publicacao.data < emitida) {
        throw new RecusaAcao(`A publicação no DOERJ (${dados.publicacao.data}) não pode ser anterior à Ordem de Serviço (${emitida}).`);
      }
      if (dados.publicacao.data > hoje) throw new RecusaAcao(`A publicação no DOERJ não pode ser registrada antes de ocorrer (${dados.publicacao.data}).`);
    }
    // Every visit has its Termo, recording a visit that took place: not before the day scheduled, not in the future.
    if (dados.termoVisita && dados.termoVisita.realizadaEm > hoje) {
      throw new RecusaAcao(`O Termo de Visita registra uma visita já realizada: ${dados.termoVisita.realizadaEm} ainda não chegou.`);
    }
    if (acao === 'registrar-exigencias-documentais') {
      if (ctx.tipo !== 'aumento-capacidade') {
        throw new RecusaAcao('Exigências documentais antes da visita são próprias do aumento de capacidade; neste processo, registre-as no Termo de Visita.');
      }
      const campos = (dados.exigencias as { natureza: string }[]).flatMap((e, i) => (e.natureza === 'documental' ? [] : [`exigencias.${i}.natureza`]));
      if (campos.length) throw new RecusaAcao(`Antes da visita só cabem exigências documentais (${campos.join(', ')}); as físicas são verificadas in loco.`);
    }
    const fisicas = estado.exigencias.some((e) => e.natureza === 'fisica');
    // Seed 003: a physical exigência is shown met with photographs ("registros fotográficos").
    if (acao === 'cumprir-exigencias' && estado.fase === 'exigencias-merito' && fisicas && dados.arquivos.length === 0) {
      throw new RecusaAcao('Há exigências físicas: anexe as fotografias que mostram o seu cumprimento (envie-as antes por POST /v1/arquivos).');
    }
    // "Quando couber, após nova verificação in loco": physical exigências are checked on site before reconsidering.
    if (estado.fase === 'reconsideracao-comissao' && acao === 'reconsiderar' && fisicas) {
      throw new RecusaAcao('Há exigências físicas: a reconsideração exige nova verificação in loco; agende a visita e registre o Termo de Visita antes do novo Pronunciamento.');
    }
    // After the COOGIE's deferimento with physical exigências the new visit is mandatory, whatever the decision.
    if (estado.fase === 'retorno-comissao' && acao === 'manter-indeferimento' && fisicas) {
      throw new RecusaAcao('Há exigências físicas no Estudo Técnico: a nova visita in loco é obrigatória antes do novo Pronunciamento.');
    }
    // A decision that depends on a visit comes after its Termo, and not before the day of the visit.
    const decisao = ['deferir', 'indeferir', 'reconsiderar', 'ratificar-indeferimento', 'manter-indeferimento'].includes(acao);
    if (decisao && (estado.fase === 'visita-reconsideracao' || estado.fase === 'visita-retorno') && !estado.visita?.termoEm) {
      throw new RecusaAcao('Registre o Termo de Visita da nova verificação in loco antes do Pronunciamento.');
    }
    if (decisao && estado.visita?.termoEm && hoje < estado.visita.termoEm) {
      throw new RecusaAcao(`O Pronunciamento não pode anteceder a visita em que se baseia (${estado.visita.termoEm}).`);
    }
    if (acao === 'agendar-visita' || acao === 'reagendar-visita') {
      const minima = dataMinimaVisita({ aviso: pedido.em, local: ctx.local, diasDecretados: ctx.prazos.decretados });
      if (dados.data < minima.data) {
        throw new RecusaAcao(`A visita deve ser agendada com no mínimo 5 dias de antecedência: a data mais próxima possível é ${minima.data}.`);
      }
      const motivo = motivoNaoUtil(ctx, dados.data);
      if (motivo) throw new RecusaAcao(`A visita deve ocorrer em dia útil; ${dados.data} não é (${motivo}).`);
    }
    // The Termo records a visit that happened: not before the date it was scheduled for.
    // (Validators run only on delivery, never on replay: a new refusal needs no patch.)
    if ((acao === 'concluir-visita-sem-exigencias' || acao === 'registrar-exigencias-merito') && estado.visita && dados.termoVisita.realizadaEm < estado.visita.data) {
      throw new RecusaAcao(`A visita foi agendada para ${estado.visita.data}: o Termo de Visita não pode registrá-la em data anterior.`);
    }
    if (acao === 'publicar-edital' && dados.objeto.tipoVistoria !== ctx.tipo) {
      throw new RecusaAcao(`O objeto do edital deve ser do tipo do processo (${ctx.tipo}).`);
    }
    if (acao === 'pedir-reconsideracao-extemporanea' && estado.prazo && ctx.prazos.tempestivo(estado.prazo, dados.recebidoEm)) {
      throw new RecusaAcao('O pedido foi recebido dentro do prazo: registre-o como pedido de reconsideração tempestivo.');
    }
    if (estado.fase === 'retorno-comissao' && acao === 'deferir' && estado.exigencias.some((e) => e.natureza === 'fisica')) {
      throw new RecusaAcao('Há exigências físicas no Estudo Técnico: agende nova visita in loco antes do novo Pronunciamento.');
    }
  },

  async aplicar(a) {
    const { estado: e, dados, ctx, pedido: p } = a;
    switch (a.acao) {
      case 'autuar':
        ctx.autuar(dados.numeroSei);
        break;
      case 'registrar-exigencias-forma':
      case 'registrar-exigencias-documentais':
        e.exigencias = dados.exigencias;
        break;
      case 'registrar-exigencias-merito':
        e.exigencias = dados.exigencias;
        await emitir(a, 'termo-visita', { termoVisita: dados.termoVisita, exigencias: dados.exigencias, comissao: e.comissao });
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
        const os = await emitir(a, 'ordem-servico', { comissao: dados.comissao, publicacao: null, central: true });
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
        const os = await emitir(a, 'ordem-servico', { comissao: dados.comissao, publicacao: dados.publicacao ?? null });
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
      case 'indeferir-reconsideracao':
        e.exigencias = dados.exigenciasNaoAtendidas;
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
        // responder-estudo-tecnico, arquivar, deferir-reconsideracao, concluir-cumprimento,
        // interpor-recurso-cee, expirar-prazo, prorrogar-prazo, pedir-reconsideracao (a late one
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
