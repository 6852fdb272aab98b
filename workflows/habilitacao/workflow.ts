/**
 * One pedido de habilitação of a Sistema Presença profile, from the pré-cadastro
 * to the profile's end (seed 000; Portaria Interministerial MEC/MC nº 3/2022
 * arts. 5–8), or one credenciamento of an external user (seed 002 arts. 16–19:
 * perfil 'representante', decided by the administrador; approved, his
 * representation exists until it is deactivated, art. 19, or its procuração
 * expires, a durable timer here). The level that enables (rules/habilitacao/perfis.ts) analyses it
 * within the prazo of rules/habilitacao/prazo.ts, which restarts at each new
 * sending after a pendência; past it, the pedido is overdue (shown to the level
 * above), never decided by silence. Enabled, the profile lives here until it is
 * excluded or replaced (the replacing pedido's workflow signals this one).
 *
 * The order of activities and timers is what running histories recorded:
 * change it only behind patched() (README, "Changing workflow code").
 */
import { condition, getExternalWorkflowHandle, proxyActivities, setHandler } from '@temporalio/workflow';
import type { HabilitacaoActivities } from '../../activities/habilitacao';
import type { PrazoActivities } from '../../activities/prazos';
import { formatarInstanteBrasilia, lerInstante } from '../../rules/calendario';
import { dataBR, fimDaVigencia, procuracaoVencida } from '../../rules/habilitacao/credenciamento';
import { definicaoDoPerfil } from '../../rules/habilitacao/perfis';
import { localDaAnalise, PRAZO_ANALISE_HABILITACAO, prazoDeAnalise } from '../../rules/habilitacao/prazo';
import {
  acaoHabilitacaoUpdate,
  type Encerramento,
  encerrarHabilitacaoSignal,
  type EstadoHabilitacao,
  estadoHabilitacaoQuery,
  type FaseHabilitacao,
  idWorkflowHabilitacao,
  type PedidoAcaoHabilitacao,
  type PedidoHabilitacao,
  type ResultadoAcaoHabilitacao,
} from './definitions';

const atividades = proxyActivities<HabilitacaoActivities & Pick<PrazoActivities, 'diasDecretados'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export class RecusaHabilitacao extends Error {
  override name = 'RecusaHabilitacao';
}

const SISTEMA = { id: 'sistema', nome: 'rito (sistema)' };

/** Which actions each phase admits; every other is refused with the phase's reason. */
const ADMITIDAS: Record<FaseHabilitacao, readonly PedidoAcaoHabilitacao['acao'][]> = {
  'em-analise': ['habilitar', 'apontar-pendencia', 'recusar'],
  pendente: ['reenviar', 'habilitar', 'recusar'],
  // Each kind admits only its own way of ending (validar): excluir a Presença profile, desativar a cadastro.
  habilitado: ['excluir', 'desativar'],
  recusado: [],
  substituido: [],
  excluido: [],
  desativado: [],
  vencido: [],
};

const ROTULO_FASE: Record<FaseHabilitacao, string> = {
  'em-analise': 'em análise',
  pendente: 'com pendência',
  habilitado: 'habilitado',
  recusado: 'recusado',
  substituido: 'substituído',
  excluido: 'excluído',
  desativado: 'desativado',
  vencido: 'encerrado pelo vencimento da procuração',
};

const TERMINAIS: readonly FaseHabilitacao[] = ['recusado', 'substituido', 'excluido', 'desativado', 'vencido'];

export async function habilitacaoWorkflow(pedido: PedidoHabilitacao): Promise<EstadoHabilitacao> {
  const def = definicaoDoPerfil(pedido.perfil);
  const credenciamento = def.especie === 'credenciamento';
  /** How an active profile of this kind ends by an act: exclusão, or the desativação of art. 19. */
  const acaoDeEncerramento = credenciamento ? 'desativar' : 'excluir';
  const local = localDaAnalise(def.habilitadoPor, pedido);
  const estado: EstadoHabilitacao = {
    fase: 'em-analise',
    prazoAnalise: null,
    atrasado: false,
    pendencias: [],
    documentos: pedido.documentos,
    ...(credenciamento ? { representacao: pedido.representacao ?? null } : {}),
    respostas: {},
    versao: 0,
    eventos: 0,
  };
  /** When the analysis counts from: the protocol, then each new sending (art. 16 § 4º). */
  let protocolo = pedido.protocoladoEm;
  /** Bumped at every change of phase: what each wait below watches. */
  let rodada = 0;
  let ocupado = false;
  let encerramento: Encerramento | null = null;

  const evento = async (tipo: string, descricao: string, ator: { id: string; nome: string }, em: string, dados: Record<string, unknown> = {}) => {
    estado.eventos += 1;
    await atividades.registrarEventoHabilitacao({ id: pedido.id, seq: estado.eventos, tipo, descricao, ator: ator.id, atorNome: ator.nome, em, dados });
  };
  const sincronizar = async () => {
    estado.versao += 1;
    await atividades.sincronizarHabilitacao({
      id: pedido.id,
      versao: estado.versao,
      fase: estado.fase,
      prazoAnalise: estado.prazoAnalise,
      atrasado: estado.atrasado,
      documentos: estado.documentos,
      ...(credenciamento ? { representacao: estado.representacao ?? null } : {}),
    });
  };
  const mudarPara = (f: FaseHabilitacao) => {
    estado.fase = f;
    rodada += 1;
  };

  function validar(p: PedidoAcaoHabilitacao): void {
    if (estado.respostas[p.chave]) return;
    if (!ADMITIDAS[estado.fase].includes(p.acao)) {
      throw new RecusaHabilitacao(`O pedido está ${ROTULO_FASE[estado.fase]}: a ação "${p.acao}" não é admitida agora.`);
    }
    if (p.acao === 'apontar-pendencia' && !p.pendencias?.length) throw new RecusaHabilitacao('Informe ao menos uma pendência.');
    if ((p.acao === 'recusar' || p.acao === 'excluir' || p.acao === 'desativar') && !p.motivo?.trim()) throw new RecusaHabilitacao('Informe o motivo.');
    if (p.acao === 'reenviar' && !p.documentos?.length) throw new RecusaHabilitacao('Envie ao menos um documento.');
    if ((p.acao === 'excluir' || p.acao === 'desativar') && p.acao !== acaoDeEncerramento) {
      throw new RecusaHabilitacao(`A ação "${p.acao}" não se aplica a este pedido; use "${acaoDeEncerramento}".`);
    }
    if (p.acao === 'reenviar' && p.representacao && !credenciamento) throw new RecusaHabilitacao('Só um credenciamento traz dados de procuração.');
    const ate = estado.representacao?.ate;
    if (p.acao === 'habilitar' && ate && procuracaoVencida(ate, lerInstante(p.em, 'em'))) {
      // Approving would create a representation already ended: the procuração must be renewed first.
      throw new RecusaHabilitacao(`A procuração venceu em ${dataBR(ate)}: aponte a pendência ou recuse o pedido.`);
    }
  }

  async function executar(p: PedidoAcaoHabilitacao): Promise<ResultadoAcaoHabilitacao> {
    await condition(() => !ocupado);
    const anterior = estado.respostas[p.chave];
    if (anterior) return anterior;
    validar(p);
    ocupado = true;
    try {
      const r = await aplicar(p);
      estado.respostas[p.chave] = r;
      return r;
    } finally {
      ocupado = false;
    }
  }

  async function aplicar(p: PedidoAcaoHabilitacao): Promise<ResultadoAcaoHabilitacao> {
    const em = formatarInstanteBrasilia(lerInstante(p.em, 'em'));
    switch (p.acao) {
      case 'habilitar': {
        const { substituido } = await atividades.efetivarHabilitacao({
          id: pedido.id,
          por: p.ator.id,
          porNome: p.ator.nome,
          em: p.em,
          ...(credenciamento ? { representacao: estado.representacao ?? null } : {}),
        });
        mudarPara('habilitado');
        estado.prazoAnalise = null;
        estado.atrasado = false;
        await evento('habilitado', `Perfil de ${def.rotulo} habilitado por ${p.ator.nome}`, p.ator, p.em, substituido ? { substituiu: substituido.id } : {});
        await sincronizar();
        if (substituido) {
          // The replaced profile's own workflow records its end: its history stays whole.
          await getExternalWorkflowHandle(idWorkflowHabilitacao(substituido.id)).signal(encerrarHabilitacaoSignal, {
            motivo: 'substituido',
            por: pedido.id,
            descricao: `Substituído(a) por ${pedido.nome}, habilitado(a) em ${em} por ${p.ator.nome}`,
            em: p.em,
          });
        }
        await atividades.avisarHabilitacao({ id: pedido.id, modelo: 'habilitado' });
        const feito = credenciamento ? 'Credenciamento aprovado; a representação vale desde agora' : 'Perfil habilitado';
        return { acao: p.acao, fase: estado.fase, mensagem: `${feito}; ${pedido.nome} recebe por e-mail o link para definir a senha.`, substituiu: substituido?.id ?? null };
      }
      case 'apontar-pendencia': {
        estado.pendencias = p.pendencias!;
        mudarPara('pendente');
        estado.prazoAnalise = null;
        estado.atrasado = false;
        await evento('pendencia', `Pendências apontadas por ${p.ator.nome}`, p.ator, p.em, { pendencias: p.pendencias });
        await sincronizar();
        await atividades.avisarHabilitacao({ id: pedido.id, modelo: 'pendencia', pendencias: p.pendencias });
        return { acao: p.acao, fase: estado.fase, mensagem: 'Pendências comunicadas por e-mail ao requerente.', substituiu: null };
      }
      case 'reenviar': {
        estado.documentos = [...estado.documentos, ...p.documentos!];
        if (p.representacao && estado.representacao) estado.representacao = { ...estado.representacao, ...p.representacao };
        estado.pendencias = [];
        protocolo = p.em;
        mudarPara('em-analise');
        await evento('reenvio', `Documentos reenviados por ${p.ator.nome}; o prazo de análise recomeça`, p.ator, p.em, {
          documentos: p.documentos!.map((d) => ({ tipo: d.tipo, nomeOriginal: d.nomeOriginal, sha256: d.sha256 })),
          ...(p.representacao ? { representacao: p.representacao } : {}),
        });
        // The read model says "em análise" before the answer leaves: a page read right after it shows the new phase
        // (the new limit follows as soon as the loop below has counted it).
        await sincronizar();
        return { acao: p.acao, fase: estado.fase, mensagem: 'Documentos recebidos; a análise recomeça a contar deste envio.', substituiu: null };
      }
      case 'recusar': {
        mudarPara('recusado');
        estado.prazoAnalise = null;
        await evento('recusado', `Pedido recusado por ${p.ator.nome}: ${p.motivo}`, p.ator, p.em, { motivo: p.motivo });
        await sincronizar();
        await atividades.avisarHabilitacao({ id: pedido.id, modelo: 'recusa', motivo: p.motivo });
        return { acao: p.acao, fase: estado.fase, mensagem: 'Pedido recusado; o requerente recebe o motivo por e-mail.', substituiu: null };
      }
      case 'excluir':
      case 'desativar': {
        const fase = p.acao === 'excluir' ? 'excluido' : 'desativado';
        const { desativadosJunto } = await atividades.encerrarPerfil({ id: pedido.id, situacao: fase, por: p.ator.id, motivo: p.motivo!, em: p.em });
        mudarPara(fase);
        const oque = p.acao === 'excluir' ? 'Perfil excluído' : 'Cadastro de usuário externo desativado';
        await evento(fase, `${oque} por ${p.ator.nome}: ${p.motivo}`, p.ator, p.em, { motivo: p.motivo, ...(desativadosJunto.length ? { desativadosJunto } : {}) });
        await sincronizar();
        // The cadastro is the person's (art. 16): his other credenciamentos ended with this act; their workflows record it.
        for (const outro of desativadosJunto) {
          await getExternalWorkflowHandle(idWorkflowHabilitacao(outro)).signal(encerrarHabilitacaoSignal, {
            motivo: 'desativado',
            por: pedido.id,
            descricao: `Cadastro de usuário externo desativado por ${p.ator.nome} (IN SEI-MEC, art. 19): ${p.motivo}`,
            em: p.em,
          });
        }
        await atividades.avisarHabilitacao({ id: pedido.id, modelo: 'encerramento', motivo: p.motivo });
        return {
          acao: p.acao,
          fase: estado.fase,
          mensagem: p.acao === 'excluir' ? 'Perfil excluído.' : 'Cadastro desativado: as sessões foram encerradas e a representação terminou.',
          substituiu: null,
        };
      }
    }
  }

  setHandler(acaoHabilitacaoUpdate, executar, { validator: validar });
  setHandler(encerrarHabilitacaoSignal, (e) => {
    encerramento = e;
    rodada += 1;
  });
  setHandler(estadoHabilitacaoQuery, () => estado);

  await evento('pre-cadastro', `Pré-cadastro de ${def.rotulo} protocolado por ${pedido.nome}`, { id: pedido.usuarioId, nome: pedido.nome }, pedido.protocoladoEm, {
    documentos: pedido.documentos.map((d) => ({ tipo: d.tipo, nomeOriginal: d.nomeOriginal, sha256: d.sha256 })),
    termo: pedido.termo,
  });
  await atividades.avisarHabilitacao({ id: pedido.id, modelo: 'protocolo' });

  while (!TERMINAIS.includes(estado.fase)) {
    const r = rodada;
    if (estado.fase === 'em-analise') {
      const protocoloMs = lerInstante(protocolo, 'protocolo');
      const decretados = await atividades.diasDecretados({ local, desde: formatarInstanteBrasilia(protocoloMs).slice(0, 10) });
      const prazo = prazoDeAnalise(protocoloMs, local, decretados);
      estado.prazoAnalise = prazo.limite;
      estado.atrasado = false;
      await sincronizar();
      // 23:59:59 of the last day is still on time: overdue from the next second.
      const decidido = await condition(() => rodada !== r || ocupado, Math.max(0, prazo.limiteEpochMs + 1000 - Date.now()));
      if (!decidido && !estado.atrasado) {
        estado.atrasado = true;
        await evento(
          'prazo-de-analise-vencido',
          `Prazo de análise (${PRAZO_ANALISE_HABILITACAO.dias} dias úteis) vencido sem decisão; o pedido aparece como atrasado ${credenciamento ? 'à administração e à supervisão' : 'ao nível superior'}`,
          SISTEMA,
          new Date(prazo.limiteEpochMs + 1000).toISOString(),
          { limite: prazo.limite },
        );
        await sincronizar();
      }
      await condition(() => rodada !== r);
    } else if (estado.fase === 'pendente') {
      await condition(() => rodada !== r);
    } else {
      // habilitado: until it is excluded or deactivated (an action), replaced (a signal), or, for a
      // credenciamento whose procuração has an end, until that end (a durable timer).
      const ate = credenciamento ? (estado.representacao?.ate ?? null) : null;
      const fim = ate ? fimDaVigencia(ate) : null;
      const agiu = fim === null ? await condition(() => rodada !== r) : await condition(() => rodada !== r, Math.max(0, fim - Date.now()));
      if (!agiu && fim !== null && ate) {
        await condition(() => !ocupado);
        if (estado.fase !== 'habilitado') continue;
        const em = new Date(fim).toISOString();
        const motivo = `Procuração válida até ${dataBR(ate)}: a representação terminou no seu vencimento`;
        await atividades.encerrarPerfil({ id: pedido.id, situacao: 'vencido', por: SISTEMA.id, motivo, em });
        mudarPara('vencido');
        await evento('vencido', motivo, SISTEMA, em, { ate });
        await sincronizar();
        await atividades.avisarHabilitacao({ id: pedido.id, modelo: 'encerramento', motivo });
        continue;
      }
      if (encerramento && estado.fase === 'habilitado') {
        const e: Encerramento = encerramento;
        await condition(() => !ocupado);
        if (e.motivo === 'desativado') {
          // The row was ended with the desativação's act; the person got that act's e-mail.
          mudarPara('desativado');
          await evento('desativado', e.descricao, SISTEMA, e.em, { por: e.por });
          await sincronizar();
          continue;
        }
        mudarPara('substituido');
        await evento('substituido', e.descricao, SISTEMA, e.em, { por: e.por });
        await sincronizar();
        await atividades.avisarHabilitacao({ id: pedido.id, modelo: 'encerramento', motivo: e.descricao });
      }
    }
  }
  await condition(() => !ocupado);
  return estado;
}
