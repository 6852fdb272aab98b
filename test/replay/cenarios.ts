/**
 * The rites whose workflow histories the replay test keeps (historias/*.json):
 * together they take processoWorkflow through every kind of step it has —
 * actions of every actor, explicit and tacit ciência, prazo timers that expire,
 * a prorrogação, a prazo re-timed by a decreed day, tasks, documents, Comissão
 * designation, the terminal phases, and a continue-as-new that carries an open
 * prazo into a second run.
 *
 * Each scenario runs on a time-skipping server (whose clock only moves forward:
 * they run in the order listed, each in its own months of 2035–2036) and waits
 * for its workflow to complete, so that every history is whole.
 */
import { calendarioAlteradoSignal } from '../../workflows/prazos/definitions';
import type { WorkflowTestEnv } from '../support/workflow-env';
import {
  brt,
  comissao,
  coogie,
  exigenciaDocumental,
  exigenciaFisica,
  fundamentacao,
  indeferimento,
  inspetor,
  membros,
  Processo,
  representante,
  termoVisita, checklistForma } from '../vistoria/support';

export interface Gravado {
  /** The workflow id (= process id). */
  workflowId: string;
  /** The runs of the chain, first to last (more than one after a continue-as-new). */
  runs: string[];
}

type Cenario = (w: WorkflowTestEnv) => Promise<Gravado>;

const endereco = { logradouro: 'Rua São Clemente, 102', bairro: 'Botafogo', cep: '22260-000', municipio: 'Rio de Janeiro', uf: 'RJ' };
const edital = (data: string) => ({ publicacao: { data, pagina: 9 }, objeto: { tipoVistoria: 'apostilamento-endereco', enderecoApostilado: endereco } });

function exigir(condicao: boolean, mensagem: string): void {
  if (!condicao) throw new Error(`cenário fora do esperado: ${mensagem}`);
}

async function concluir(p: Processo, fase: string): Promise<Gravado> {
  const fim = await p.resultado();
  exigir(fim.fase === fase, `fase final ${fim.fase}, esperada ${fase}`);
  // The handle Processo.abrir got from workflow.start() knows the first run of the chain.
  const primeiro = (p.handle as { firstExecutionRunId?: string }).firstExecutionRunId;
  exigir(!!primeiro, 'primeira execução desconhecida');
  const ultimo = (await p.handle.describe()).runId;
  return { workflowId: p.id, runs: primeiro === ultimo ? [ultimo] : [primeiro!, ultimo] };
}

export const CENARIOS: Record<string, Cenario> = {
  /** Exigências de forma met right after the ciência, visit rescheduled, deferimento, edital. */
  'edital-apos-exigencias-de-forma': async (w) => {
    const p = await Processo.abrir(w, brt('2035-03-05T09:00:00'));
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2035-03-05T10:00:00');
    await p.agir('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo), exigencias: [exigenciaDocumental] }, '2035-03-05T10:01:00');
    await p.agir('tomar-ciencia', representante, {}, '2035-03-05T10:02:00');
    await p.agir('cumprir-exigencias', representante, { resposta: 'Segue o laudo.', arquivos: [] }, '2035-03-05T10:03:00');
    await p.esperarFase('reanalise-forma');
    await w.saltarAte(brt('2035-03-06T10:00:00'));
    await p.agir('aprovar-forma', inspetor, { checklist: checklistForma(p.tipo) }, '2035-03-06T10:00:00');
    await p.agir('publicar-ordem-servico', inspetor, { publicacao: { data: '2035-03-06', pagina: 3 }, comissao: membros }, '2035-03-06T10:01:00');
    await p.agir('agendar-visita', comissao, { data: '2035-03-12' }, '2035-03-06T10:02:00');
    await w.saltarAte(brt('2035-03-07T10:00:00'));
    await p.agir('reagendar-visita', comissao, { data: '2035-03-13', hora: '10:00', motivo: 'Pedido do representante legal' }, '2035-03-07T10:00:00');
    await w.saltarAte(brt('2035-03-13T15:00:00'));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2035-03-13') }, '2035-03-13T15:00:00');
    await p.agir('deferir', comissao, { fundamentacao }, '2035-03-14T10:00:00');
    await p.agir('publicar-edital', coogie, edital('2035-03-20'), '2035-03-20T10:00:00');
    return concluir(p, 'edital-publicado');
  },

  /** Exigências de mérito known at the visit (Termo signed), one prorrogação, expiry, indeferimento, no reconsideração: art. 49. */
  'merito-prorrogado-expirado-art-49': async (w) => {
    const p = await Processo.abrir(w, brt('2035-04-02T09:00:00'));
    await p.ateVisita('2035-04-02', '2035-04-09');
    await w.saltarAte(brt('2035-04-09T15:00:00'));
    await p.agir('registrar-exigencias-merito', comissao, { termoVisita: termoVisita('2035-04-09'), exigencias: [exigenciaFisica] }, '2035-04-09T15:00:00');
    // Ciência at the visit (the patched('ciencia-na-visita') branch): 20 dias → Mon 30/04.
    await p.esperarPrazo('2035-04-30T23:59:59-03:00');
    await p.agir('prorrogar-prazo', representante, {}, '2035-04-25T10:00:00');
    await w.saltarAte(brt('2035-05-30T08:00:00'));
    await p.esperarFase('pronunciamento');
    await p.agir('indeferir', comissao, indeferimento, '2035-05-30T10:00:00');
    await p.agir('tomar-ciencia', representante, {}, '2035-05-30T10:30:00');
    await p.esperarPrazo('2035-06-19T23:59:59-03:00');
    await w.saltarAte(brt('2035-06-20T00:00:05'));
    return concluir(p, 'art-49');
  },

  /** Reconsideração at both levels: Estudo Técnico whose prazo a decreed day re-times, then expires; the COOGIE's Pronunciamento; recurso ao CEE. */
  'estudo-tecnico-redatado-recurso-cee': async (w) => {
    const p = await Processo.abrir(w, brt('2035-12-03T09:00:00'));
    await p.ateVisita('2035-12-03', '2035-12-10');
    await w.saltarAte(brt('2035-12-10T15:00:00'));
    await p.agir('concluir-visita-sem-exigencias', comissao, { termoVisita: termoVisita('2035-12-10') }, '2035-12-10T15:00:00');
    await p.agir('indeferir', comissao, indeferimento, '2035-12-11T10:00:00');
    await p.agir('pedir-reconsideracao', representante, { fundamentacao, arquivos: [] }, '2035-12-11T12:00:00');
    await p.agir('ratificar-indeferimento', comissao, indeferimento, '2035-12-12T10:00:00');
    await p.agir('emitir-estudo-tecnico', coogie, { exigencias: [exigenciaDocumental], analise: 'Estudo Técnico: a exigência documental permanece não atendida.' }, '2035-12-12T11:00:00');
    await p.agir('tomar-ciencia', representante, {}, '2035-12-12T12:00:00');
    // 10 dias úteis from Wed 12/12 → Thu 27/12; a decreed 20/12 moves it to Fri 28/12.
    await p.esperarPrazo('2035-12-27T23:59:59-03:00');
    await w.db
      .insertInto('dia_decretado')
      .values({ data: '2035-12-20', escopo: 'unidade', unidade: 'METROPOLITANA I', motivo: 'Suspensão do expediente', ato_legal: 'Portaria COOIE nº 9/2035', criado_por: 'cenario' })
      .execute();
    await sinalizarOuExplicar(p, { data: '2035-12-20', operacao: 'incluido', motivo: 'Suspensão do expediente' });
    await p.esperarPrazo('2035-12-28T23:59:59-03:00');
    // Unanswered: the COOGIE indefere by its own Pronunciamento (seed 003, COOGIE II).
    await w.saltarAte(brt('2035-12-31T08:30:00'));
    await p.esperarFase('analise-coogie');
    await p.agir('indeferir-reconsideracao', coogie, { fundamentacao, exigenciasNaoAtendidas: [exigenciaDocumental] }, '2035-12-31T08:30:00');
    await w.saltarAte(brt('2035-12-31T09:00:00'));
    await p.agir('tomar-ciencia', representante, {}, '2035-12-31T09:00:00');
    await w.saltarAte(brt('2036-01-10T10:00:00'));
    await p.agir('interpor-recurso-cee', representante, { fundamentacao, arquivos: [] }, '2036-01-10T10:00:00');
    return concluir(p, 'recurso-cee');
  },

  /** No ciência (tácita after 10 days), the improrrogável prazo expires, the COOIE archives. */
  'forma-tacita-expirada-arquivada': async (w) => {
    const p = await Processo.abrir(w, brt('2036-02-04T09:00:00'));
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2036-02-04T10:00:00');
    await p.agir('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo), exigencias: [exigenciaDocumental] }, '2036-02-04T10:01:00');
    await w.saltarAte(brt('2036-02-14T12:00:00'));
    await p.esperarFase('exigencias-forma');
    const prazo = await esperarPrazoAberto(p);
    await w.saltarAte(new Date(Date.parse(prazo) + 2000).toISOString());
    await p.esperarFase('reanalise-forma');
    await w.saltarAte(brt('2036-03-02T10:00:00'));
    await p.agir('arquivar', inspetor, { fundamentacao }, '2036-03-02T10:00:00');
    return concluir(p, 'arquivado');
  },

  /**
   * An open prazo re-timed by calendar changes until the history reaches
   * LIMITE_EVENTOS_HISTORIA: the process continues as new (two runs recorded),
   * the representante meets the prazo in the second run, the COOIE archives.
   */
  'continuar-como-novo-com-prazo-aberto': async (w) => {
    const p = await Processo.abrir(w, brt('2036-05-05T09:00:00'));
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2036-05-05T10:00:00');
    await p.agir('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo), exigencias: [exigenciaDocumental] }, '2036-05-05T10:01:00');
    await p.agir('tomar-ciencia', representante, {}, '2036-05-05T10:05:00');
    await p.esperarPrazo('2036-05-15T23:59:59-03:00');
    const primeiro = (await p.handle.describe()).runId;
    for (let i = 1; ; i++) {
      exigir(i < 600, 'o processo não continuou como novo');
      const antes = await p.handle.describe();
      if (antes.runId !== primeiro) break;
      await alterarCalendario(p, i, antes);
    }
    await w.saltarAte(brt('2036-05-12T10:00:00'));
    await p.agir('cumprir-exigencias', representante, { resposta: 'Segue o laudo.', arquivos: [] }, '2036-05-12T10:00:00');
    await p.esperarFase('reanalise-forma');
    await w.saltarAte(brt('2036-05-13T10:00:00'));
    await p.agir('arquivar', inspetor, { fundamentacao }, '2036-05-13T10:00:00');
    const g = await concluir(p, 'arquivado');
    exigir(g.runs.length === 2, `duas execuções esperadas, houve ${g.runs.length}`);
    return g;
  },
  /**
   * A unit's task re-timed by a decreed day on its last day (the branch of
   * patched('tarefa-retemporizada')), then exigências de forma left to expire
   * and the request archived.
   */
  'tarefa-retemporizada-arquivada': async (w) => {
    const p = await Processo.abrir(w, brt('2036-09-01T09:00:00'));
    await p.agir('autuar', inspetor, { numeroSei: p.numeroSei }, '2036-09-01T10:00:00');
    // The COOIE's análise de forma: 30 days from Mon 01/09 → Wed 01/10/2036.
    await esperarLimiteDaTarefa(p, '2036-10-01T23:59:59-03:00');
    await w.db
      .insertInto('dia_decretado')
      .values({ data: '2036-10-01', escopo: 'uf', uf: 'RJ', motivo: 'Ponto facultativo', ato_legal: 'Decreto Estadual nº 99.003/2036', criado_por: 'cenario' })
      .execute();
    await p.handle.signal(calendarioAlteradoSignal, { data: '2036-10-01', operacao: 'incluido', motivo: 'Ponto facultativo' });
    // 01/10 decreed → Thu 02/10.
    await esperarLimiteDaTarefa(p, '2036-10-02T23:59:59-03:00');
    await p.agir('registrar-exigencias-forma', inspetor, { checklist: checklistForma(p.tipo), exigencias: [exigenciaDocumental] }, '2036-09-02T10:00:00');
    await w.saltarAte(brt('2036-09-13T12:00:00'));
    const prazo = await esperarPrazoAberto(p);
    await w.saltarAte(new Date(Date.parse(prazo) + 2000).toISOString());
    await p.esperarFase('reanalise-forma');
    await w.saltarAte(brt('2036-09-29T10:00:00'));
    await p.agir('arquivar', inspetor, { fundamentacao }, '2036-09-29T10:00:00');
    return concluir(p, 'arquivado');
  },
};

async function esperarPrazoAberto(p: Processo): Promise<string> {
  const ate = Date.now() + 15_000;
  while (Date.now() < ate) {
    const prazo = (await p.estado()).prazo;
    if (prazo) return prazo.limite;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('prazo não aberto');
}

async function esperarLimiteDaTarefa(p: Processo, limite: string): Promise<void> {
  const ate = Date.now() + 15_000;
  let atual: string | undefined;
  while (Date.now() < ate) {
    atual = (await p.estado()).tarefa?.limite;
    if (atual === limite) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`cenário fora do esperado: limite da tarefa ${atual}, esperado ${limite}`);
}

/** Signals a calendar change; if the workflow is no longer there, says where it went (phase, status, server time, last events). */
async function sinalizarOuExplicar(p: Processo, alteracao: { data: string; operacao: 'incluido' | 'removido'; motivo: string }): Promise<void> {
  try {
    await p.handle.signal(calendarioAlteradoSignal, alteracao);
  } catch (err) {
    const d = await p.handle.describe().catch(() => undefined);
    const h = await p.handle.fetchHistory().catch(() => undefined);
    const ultimos = (h?.events ?? []).slice(-12).map((e) => String(e.eventType)).join(', ');
    throw new Error(`sinal recusado (${(err as Error).message}); status ${d?.status.name}, agora no servidor ${await p.w.agora()}, fim ${d?.closeTime?.toISOString()}; últimos eventos: ${ultimos}`);
  }
}

/**
 * Signals one change of the calendar (a day after the open prazo's limit, so the limit stays) and waits until
 * the workflow has applied it: the signal and the workflow task that re-reads the decreed days, whose local
 * activity is recorded as a marker after it (5 events), or the run changed (continue-as-new), or 10 s passed.
 */
export async function alterarCalendario(p: Processo, i: number, antes: { runId: string; historyLength: number }): Promise<void> {
  await p.handle.signal(calendarioAlteradoSignal, { data: '2036-06-02', operacao: i % 2 ? 'incluido' : 'removido', motivo: `Alteração nº ${i}` });
  const ate = Date.now() + 10_000;
  for (;;) {
    const d = await p.handle.describe();
    if (d.runId !== antes.runId || d.historyLength >= antes.historyLength + 5 || Date.now() > ate) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
