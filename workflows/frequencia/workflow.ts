/**
 * One student's follow-up case (Portaria Interministerial MEC/MC nº 3/2022,
 * art. 2º § 2º, art. 8º VII–X; ECA art. 56), opened by the monthly apuração
 * when the student falls below the minimum of his age (api/frequencia/apuracao.ts).
 *
 * Steps (rules/frequencia/caso.ts): notificação à família → averiguação dos
 * motivos → encaminhamento à assistência social when there is vulnerability or
 * social risk → acompanhamento; another month below the minimum while in
 * acompanhamento is the "reiteração de faltas" of ECA art. 56 II, and the case
 * moves to the comunicação ao Conselho Tutelar (or its reasoned waiver, when the
 * absences are justified). Each step with a deadline runs on a durable timer in
 * dias úteis of the school's município: past its limit the case is overdue (the
 * school sees it), past the escalation's the coordenação municipal sees it.
 * A month back at or above the minimum closes the case, recorded; transferência,
 * conclusão and óbito close it; abandono sends it to the Conselho Tutelar
 * (evasão); a change of address is recorded for the documents that follow.
 *
 * The order of activities and timers is what running histories recorded:
 * change it only behind patched() (README, "Changing workflow code").
 */
import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import type { FrequenciaActivities } from '../../activities/frequencia';
import type { PrazoActivities } from '../../activities/prazos';
import { diaCivilBrasilia, formatarData, lerInstante, type Local } from '../../rules/calendario';
import { diasDaEtapa, type Encerramento, type EtapaCaso, ROTULO_ENCERRAMENTO, ROTULO_ETAPA } from '../../rules/frequencia/caso';
import { calcularPrazo } from '../../rules/prazos';
import {
  type AberturaCaso,
  acaoCasoUpdate,
  type ApuracaoSinalizada,
  apuracaoCasoSignal,
  type EstadoCaso,
  estadoCasoQuery,
  type PedidoAcaoCaso,
  type Responsavel,
  type ResultadoAcaoCaso,
} from './definitions';

const atividades = proxyActivities<FrequenciaActivities & Pick<PrazoActivities, 'diasDecretados'>>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export class RecusaCaso extends Error {
  override name = 'RecusaCaso';
}

const SISTEMA = { id: 'sistema', nome: 'rito (sistema)' };

/** Where each action may be taken; 'registrar-ocorrencia' and a maus-tratos comunicação at any step. */
const ADMITIDAS: Record<EtapaCaso, readonly PedidoAcaoCaso['acao'][]> = {
  'notificacao-familia': ['notificar-familia', 'comunicar-conselho-tutelar', 'registrar-ocorrencia'],
  'averiguacao-motivos': ['registrar-averiguacao', 'encaminhar-assistencia-social', 'comunicar-conselho-tutelar', 'registrar-ocorrencia'],
  'encaminhamento-assistencia': ['encaminhar-assistencia-social', 'comunicar-conselho-tutelar', 'registrar-ocorrencia'],
  acompanhamento: ['encaminhar-assistencia-social', 'comunicar-conselho-tutelar', 'registrar-ocorrencia'],
  'comunicacao-conselho-tutelar': ['comunicar-conselho-tutelar', 'justificar-nao-comunicacao', 'encaminhar-assistencia-social', 'registrar-ocorrencia'],
};

export async function casoFrequenciaWorkflow(abertura: AberturaCaso): Promise<EstadoCaso> {
  const local: Local = { uf: abertura.uf as Local['uf'], municipio: abertura.municipio };
  const estado: EstadoCaso = {
    situacao: 'aberto',
    etapa: 'notificacao-familia',
    inicioEtapa: abertura.abertoEm,
    prazoEtapa: null,
    atrasado: false,
    escalado: false,
    prazoEscalonamento: null,
    familiaNotificada: false,
    mesesAbaixo: [abertura.frequencia.mes],
    frequencia: abertura.frequencia,
    motivo: null,
    vulnerabilidade: false,
    documentos: [],
    encerramento: null,
    destinoInep: null,
    respostas: {},
    versao: 0,
    eventos: 0,
  };
  /** Kept out of the query's answer: only the documents carry it. */
  let responsavel: Responsavel | null = null;
  let rodada = 0;
  /** Bumped when the step changes: its prazo is computed once per step. */
  let etapaSeq = 0;
  let ocupado = false;
  const fila: ApuracaoSinalizada[] = [];

  const evento = async (tipo: string, descricao: string, ator: { id: string; nome: string }, em: string, dados: Record<string, unknown> = {}) => {
    estado.eventos += 1;
    await atividades.registrarEventoCaso({ casoId: abertura.id, seq: estado.eventos, tipo, descricao, ator: ator.id, atorNome: ator.nome, em, dados });
  };
  const sincronizar = async () => {
    estado.versao += 1;
    await atividades.sincronizarCaso({
      id: abertura.id,
      versao: estado.versao,
      situacao: estado.situacao,
      etapa: estado.etapa,
      prazoEtapa: estado.prazoEtapa,
      atrasado: estado.atrasado,
      escalado: estado.escalado,
      mesesAbaixo: estado.mesesAbaixo,
      encerramento: estado.encerramento,
      encerradoEm: estado.situacao === 'encerrado' ? new Date(Date.now()).toISOString() : null,
      destinoInep: estado.destinoInep,
    });
  };
  const mudarEtapa = (e: EtapaCaso, em: string) => {
    estado.etapa = e;
    estado.inicioEtapa = em;
    estado.prazoEtapa = null;
    estado.prazoEscalonamento = null;
    estado.atrasado = false;
    estado.escalado = false;
    etapaSeq += 1;
    rodada += 1;
  };
  /** Entering acompanhamento with a month below already repeated goes straight to the Conselho Tutelar's step. */
  const aoAcompanhamento = (em: string) => mudarEtapa(estado.mesesAbaixo.length >= 2 ? 'comunicacao-conselho-tutelar' : 'acompanhamento', em);
  const encerrar = (e: Encerramento) => {
    estado.situacao = 'encerrado';
    estado.encerramento = e;
    estado.prazoEtapa = null;
    estado.prazoEscalonamento = null;
    rodada += 1;
  };

  function validar(p: PedidoAcaoCaso): void {
    if (estado.respostas[p.chave]) return;
    if (estado.situacao === 'encerrado') throw new RecusaCaso(`O caso está encerrado (${ROTULO_ENCERRAMENTO[estado.encerramento!]}); nenhuma ação é admitida.`);
    if (!ADMITIDAS[estado.etapa].includes(p.acao)) {
      throw new RecusaCaso(`O caso está na etapa de ${ROTULO_ETAPA[estado.etapa]}: a ação "${p.acao}" não é admitida agora.`);
    }
    const d = p.dados;
    if (p.acao === 'notificar-familia' && !d.responsavel) throw new RecusaCaso('Informe o(a) responsável a notificar.');
    if (p.acao === 'registrar-averiguacao' && (!d.motivo || !d.relato?.trim() || typeof d.vulnerabilidade !== 'boolean')) {
      throw new RecusaCaso('Informe o motivo da baixa frequência, o relato da averiguação e se há vulnerabilidade ou risco social.');
    }
    if ((p.acao === 'encaminhar-assistencia-social' || p.acao === 'comunicar-conselho-tutelar') && !d.destinatario) throw new RecusaCaso('Informe o destinatário.');
    if ((p.acao === 'encaminhar-assistencia-social' || p.acao === 'comunicar-conselho-tutelar') && !d.responsavel && !responsavel) {
      throw new RecusaCaso('Informe o(a) responsável pelo(a) estudante: a família ainda não foi notificada neste caso.');
    }
    if (p.acao === 'comunicar-conselho-tutelar') {
      if (!d.hipoteses?.length || !d.fatos?.length) throw new RecusaCaso('Informe as hipóteses do art. 56 do ECA e os fatos.');
      // ECA art. 56 II: "esgotados os recursos escolares": the family must have been called first.
      if (d.hipoteses.includes('faltas-evasao') && !estado.familiaNotificada) {
        throw new RecusaCaso('Faltas reiteradas ou evasão só se comunicam ao Conselho Tutelar esgotados os recursos escolares (ECA, art. 56, II): notifique antes a família.');
      }
    }
    if (p.acao === 'justificar-nao-comunicacao' && !d.justificativa?.trim()) throw new RecusaCaso('Informe por que as faltas não são comunicadas ao Conselho Tutelar.');
    if (p.acao === 'registrar-ocorrencia') {
      const o = d.ocorrencia;
      if (!o) throw new RecusaCaso('Informe a ocorrência.');
      if (o.tipo === 'transferencia' && !o.destinoInep) throw new RecusaCaso('Na transferência, informe o Código INEP da escola de destino (art. 8º, IV).');
      if (o.tipo === 'transferencia' && o.destinoInep === abertura.codigoInep) throw new RecusaCaso('A escola de destino é a própria escola do caso.');
      if (o.tipo === 'mudanca-endereco' && !o.endereco) throw new RecusaCaso('Informe o novo endereço.');
    }
  }

  async function documento(p: PedidoAcaoCaso, tipo: 'notificacao-familia' | 'encaminhamento-assistencia-social' | 'comunicacao-conselho-tutelar') {
    const doc = await atividades.emitirDocumentoCaso({
      casoId: abertura.id,
      tipo,
      chave: `${abertura.id}:${p.acao}:${p.chave}`,
      emitidoPor: p.ator.id,
      emitidoEm: p.em,
      frequencia: estado.frequencia,
      motivo: estado.motivo,
      responsavel: p.dados.responsavel ?? responsavel!,
      dados: p.dados,
    });
    estado.documentos.push(doc);
    return doc;
  }

  async function aplicar(p: PedidoAcaoCaso): Promise<ResultadoAcaoCaso> {
    const d = p.dados;
    const r = (mensagem: string, doc: ResultadoAcaoCaso['documento'] = null): ResultadoAcaoCaso => ({
      acao: p.acao,
      etapa: estado.etapa,
      situacao: estado.situacao,
      mensagem,
      documento: doc,
    });
    switch (p.acao) {
      case 'notificar-familia': {
        const doc = await documento(p, 'notificacao-familia');
        responsavel = d.responsavel!;
        estado.familiaNotificada = true;
        mudarEtapa('averiguacao-motivos', p.em);
        await evento('familia-notificada', `Família notificada por ${p.ator.nome} (${doc.identificacao})`, p.ator, p.em, { documento: doc });
        await sincronizar();
        return r(`Família notificada: ${doc.identificacao}.`, doc);
      }
      case 'registrar-averiguacao': {
        estado.motivo = d.motivo!;
        estado.vulnerabilidade = d.vulnerabilidade!;
        if (d.vulnerabilidade) mudarEtapa('encaminhamento-assistencia', p.em);
        else aoAcompanhamento(p.em);
        await evento('motivos-averiguados', `Motivos averiguados com a família por ${p.ator.nome}: ${d.motivo!.codigo} — ${d.motivo!.descricao}`, p.ator, p.em, {
          motivo: d.motivo,
          relato: d.relato,
          vulnerabilidade: d.vulnerabilidade,
        });
        await sincronizar();
        return r(d.vulnerabilidade ? 'Motivos registrados; encaminhe o caso à assistência social.' : 'Motivos registrados; a frequência segue em acompanhamento.');
      }
      case 'encaminhar-assistencia-social': {
        const doc = await documento(p, 'encaminhamento-assistencia-social');
        if (d.responsavel) responsavel = d.responsavel;
        if (estado.etapa === 'encaminhamento-assistencia') aoAcompanhamento(p.em);
        else rodada += 1;
        await evento('encaminhado-assistencia-social', `Encaminhado à assistência social (${d.destinatario!.instituicao}) por ${p.ator.nome} (${doc.identificacao})`, p.ator, p.em, { documento: doc });
        await sincronizar();
        return r(`Encaminhamento emitido: ${doc.identificacao}.`, doc);
      }
      case 'comunicar-conselho-tutelar': {
        const doc = await documento(p, 'comunicacao-conselho-tutelar');
        if (d.responsavel) responsavel = d.responsavel;
        if (estado.etapa === 'comunicacao-conselho-tutelar') mudarEtapa('acompanhamento', p.em);
        else rodada += 1;
        await evento('comunicado-conselho-tutelar', `Comunicação ao Conselho Tutelar (${d.destinatario!.instituicao}) por ${p.ator.nome} (${doc.identificacao})`, p.ator, p.em, {
          documento: doc,
          hipoteses: d.hipoteses,
        });
        await sincronizar();
        return r(`Comunicação emitida: ${doc.identificacao}.`, doc);
      }
      case 'justificar-nao-comunicacao': {
        mudarEtapa('acompanhamento', p.em);
        await evento('comunicacao-dispensada', `Faltas justificadas, sem comunicação ao Conselho Tutelar, por ${p.ator.nome}: ${d.justificativa}`, p.ator, p.em, { justificativa: d.justificativa });
        await sincronizar();
        return r('Justificativa registrada; a frequência segue em acompanhamento.');
      }
      case 'registrar-ocorrencia': {
        const o = d.ocorrencia!;
        await atividades.aplicarOcorrenciaMatricula({ casoId: abertura.id, tipo: o.tipo, data: o.data, destinoInep: o.destinoInep ?? null });
        const dados = { ocorrencia: o.tipo, data: o.data, ...(o.destinoInep ? { destinoInep: o.destinoInep } : {}), ...(o.observacao ? { observacao: o.observacao } : {}) };
        if (o.tipo === 'mudanca-endereco') {
          if (responsavel) responsavel = { ...responsavel, endereco: o.endereco! };
          rodada += 1;
          await evento('mudanca-endereco', `Mudança de endereço registrada por ${p.ator.nome}; comunicada à coordenação municipal (art. 7º, I, q)`, p.ator, p.em, { ...dados, endereco: o.endereco });
          await sincronizar();
          return r('Novo endereço registrado; os próximos documentos o usam.');
        }
        if (o.tipo === 'abandono') {
          if (estado.etapa !== 'comunicacao-conselho-tutelar') mudarEtapa('comunicacao-conselho-tutelar', p.em);
          await evento('abandono', `Abandono registrado por ${p.ator.nome}: evasão escolar a comunicar ao Conselho Tutelar (ECA, art. 56, II)`, p.ator, p.em, dados);
          await sincronizar();
          return r('Abandono registrado: comunique a evasão ao Conselho Tutelar.');
        }
        const fim: Encerramento = o.tipo;
        if (o.tipo === 'transferencia') estado.destinoInep = o.destinoInep!;
        encerrar(fim);
        await evento('encerrado', `Caso encerrado: ${ROTULO_ENCERRAMENTO[fim]}${o.destinoInep ? ` (INEP ${o.destinoInep})` : ''}, registrado por ${p.ator.nome}`, p.ator, p.em, dados);
        await sincronizar();
        return r(`Caso encerrado: ${ROTULO_ENCERRAMENTO[fim]}.`);
      }
    }
  }

  async function executar(p: PedidoAcaoCaso): Promise<ResultadoAcaoCaso> {
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

  async function apuracao(a: ApuracaoSinalizada): Promise<void> {
    if (!a.abaixo) {
      encerrar(a.minimo === null ? 'sem-minimo' : 'frequencia-restabelecida');
      const pct = a.percentual === null ? 'sem índice' : `${String(a.percentual).replace('.', ',')}%`;
      const porque = a.minimo === null ? 'sem frequência mínima para a idade (art. 2º)' : `atende ao mínimo de ${a.minimo}%`;
      await evento('encerrado', `Caso encerrado: frequência de ${a.mes} (${pct}) ${porque}`, SISTEMA, a.em, { mes: a.mes, percentual: a.percentual, minimo: a.minimo });
      await sincronizar();
      return;
    }
    const novo = !estado.mesesAbaixo.includes(a.mes);
    if (novo) estado.mesesAbaixo.push(a.mes);
    estado.frequencia = { mes: a.mes, percentual: a.percentual!, minimo: a.minimo! };
    await evento('apuracao-abaixo', `Frequência de ${a.mes} abaixo do mínimo: ${String(a.percentual).replace('.', ',')}% (mínimo ${a.minimo}%)`, SISTEMA, a.em, {
      mes: a.mes,
      percentual: a.percentual,
      minimo: a.minimo,
    });
    if (novo && estado.etapa === 'acompanhamento') {
      mudarEtapa('comunicacao-conselho-tutelar', a.em);
      await evento('reiteracao', `Nova frequência abaixo do mínimo após as providências da escola: reiteração de faltas (ECA, art. 56, II); comunique ao Conselho Tutelar ou justifique`, SISTEMA, a.em);
    }
    await sincronizar();
  }

  setHandler(acaoCasoUpdate, executar, { validator: validar });
  setHandler(apuracaoCasoSignal, (a) => {
    fila.push(a);
  });
  setHandler(estadoCasoQuery, () => estado);

  await evento(
    'aberto',
    `Caso aberto pela apuração de ${abertura.frequencia.mes}: ${String(abertura.frequencia.percentual).replace('.', ',')}%, abaixo do mínimo de ${abertura.frequencia.minimo}%`,
    SISTEMA,
    abertura.abertoEm,
    { frequencia: abertura.frequencia, prazos: abertura.prazos },
  );

  let prazoDaEtapa = -1;
  while (estado.situacao === 'aberto') {
    const r = rodada;
    const mudou = () => rodada !== r || (fila.length > 0 && !ocupado);
    if (fila.length > 0) {
      await condition(() => !ocupado);
      ocupado = true;
      try {
        await apuracao(fila.shift()!);
      } finally {
        ocupado = false;
      }
      continue;
    }
    const dias = diasDaEtapa(estado.etapa, abertura.prazos);
    if (dias === null) {
      await condition(mudou);
      continue;
    }
    if (prazoDaEtapa !== etapaSeq) {
      prazoDaEtapa = etapaSeq;
      const inicio = formatarData(diaCivilBrasilia(lerInstante(estado.inicioEtapa, 'inicioEtapa')));
      const decretados = await atividades.diasDecretados({ local, desde: inicio });
      const prazo = calcularPrazo({ ciencia: inicio, dias, uteis: true, local, diasDecretados: decretados });
      const escalonamento = calcularPrazo({ ciencia: prazo.limite.slice(0, 10), dias: abertura.prazos.escalonamento, uteis: true, local, diasDecretados: decretados });
      estado.prazoEtapa = prazo.limite;
      estado.prazoEscalonamento = escalonamento.limite;
      await sincronizar();
      continue;
    }
    if (!estado.atrasado) {
      const limite = lerInstante(estado.prazoEtapa!, 'prazoEtapa');
      // 23:59:59 of the last day is still on time: overdue from the next second.
      if (!(await condition(mudou, Math.max(0, limite + 1000 - Date.now()))) && rodada === r) {
        estado.atrasado = true;
        await evento('etapa-atrasada', `Prazo da etapa de ${ROTULO_ETAPA[estado.etapa]} vencido sem providência (${dias} dias úteis); a escola a vê como atrasada`, SISTEMA, new Date(limite + 1000).toISOString(), {
          etapa: estado.etapa,
          limite: estado.prazoEtapa,
        });
        await sincronizar();
      }
      continue;
    }
    if (!estado.escalado) {
      const limite = lerInstante(estado.prazoEscalonamento!, 'prazoEscalonamento');
      if (!(await condition(mudou, Math.max(0, limite + 1000 - Date.now()))) && rodada === r) {
        estado.escalado = true;
        await evento(
          'etapa-escalada',
          `Etapa de ${ROTULO_ETAPA[estado.etapa]} ainda sem providência ${abertura.prazos.escalonamento} dias úteis após o prazo: escalada à coordenação municipal`,
          SISTEMA,
          new Date(limite + 1000).toISOString(),
          { etapa: estado.etapa, limite: estado.prazoEscalonamento },
        );
        await sincronizar();
      }
      continue;
    }
    await condition(mudou);
  }
  await condition(() => !ocupado);
  return estado;
}

