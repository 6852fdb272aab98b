/**
 * What the vistoria's own rules refuse, beyond its transitions (seed 003): the
 * OS published before the Comissão acts, every visit with its Termo and no
 * decision before it, the new visit that physical exigências require, the
 * visit's notice and business day, photographs for physical exigências, the
 * edital's object. Pure: the workflow's validator asks it (workflows/vistoria/hooks.ts),
 * with what it knows of the process; the answer is the reason in pt-BR, or undefined.
 */
import { type DiaDecretado, type FeriadoMunicipal, type Local, criarCalendario, formatarInstanteBrasilia, lerData } from '../calendario';
import { dataMinimaVisita, tempestivo } from '../prazos';
import { conferirChecklist } from './checklist-aplicado';

/** What the rules read of the rite's state. */
export interface EstadoParaRegras {
  fase: string;
  exigencias: readonly { natureza: string }[];
  visita: { data: string; termoEm?: string } | null;
  prazo: { vencimento: string } | null;
  ordemServicoEm?: string | null;
  estudoTecnicoSemResposta?: boolean;
}

export interface PedidoParaRegras {
  acao: string;
  // The action's data as its schema parsed it.
  dados: Record<string, any>;
  estado: EstadoParaRegras;
  /** When the act is received (ISO 8601). */
  em: string;
  /** The kind of process (apostilamento-endereco, aumento-capacidade, entrada-suplementar). */
  tipo: string;
  local: Local;
  decretados: readonly DiaDecretado[];
  /** The municipal holidays maintained in the database for the unit's seat (absent: the ones rito ships). */
  feriadosMunicipais?: readonly FeriadoMunicipal[];
}

const diaBrasilia = (instante: string) => formatarInstanteBrasilia(Date.parse(instante)).slice(0, 10);

export function recusaDaVistoria({ acao, dados, estado, em, tipo, local, decretados, feriadosMunicipais }: PedidoParaRegras): string | undefined {
  const hoje = diaBrasilia(em);
  // Step 4: the OS is published in DOERJ before the Comissão acts; never dated before the OS.
  if (acao === 'publicar-ordem-servico' && !dados.publicacao) {
    return 'Informe a publicação da Ordem de Serviço no DOERJ (data e página); se ainda não foi publicada, emita a Ordem de Serviço e registre a publicação depois.';
  }
  if (acao === 'publicar-ordem-servico' && dados.publicacao.data < hoje) {
    return `A publicação no DOERJ (${dados.publicacao.data}) não pode ser anterior à Ordem de Serviço (${hoje}).`;
  }
  if (acao === 'registrar-publicacao-ordem-servico') {
    const emitida = estado.ordemServicoEm ? diaBrasilia(estado.ordemServicoEm) : null;
    if (emitida && dados.publicacao.data < emitida) {
      return `A publicação no DOERJ (${dados.publicacao.data}) não pode ser anterior à Ordem de Serviço (${emitida}).`;
    }
    if (dados.publicacao.data > hoje) return `A publicação no DOERJ não pode ser registrada antes de ocorrer (${dados.publicacao.data}).`;
  }
  // The análise de forma applies the kind's checklist item by item (seed 003, Fluxo 3; issue 10 item 9).
  if (acao === 'aprovar-forma' || acao === 'registrar-exigencias-forma') {
    if (!dados.checklist) return 'Registre o checklist da análise de forma: cada item do tipo de processo como conforme, não conforme ou não se aplica (GET /v1/checklists/{tipo}).';
    const c = conferirChecklist(tipo, 'documentos', dados.checklist);
    if (c.problemas.length) return `Checklist da análise de forma incompleto ou inválido: ${c.problemas.join('; ')}.`;
    if (acao === 'aprovar-forma' && c.emFalta.length) {
      return `A forma não pode ser aprovada com itens não conformes (${c.emFalta.map((f) => f.item.codigo).join(', ')}): registre as exigências de forma.`;
    }
    if (acao === 'registrar-exigencias-forma' && c.emFalta.length === 0 && !dados.exigencias?.length) {
      return 'Nenhum item não conforme e nenhuma outra exigência: aprove a forma.';
    }
  }
  // Every visit has its Termo, recording a visit that took place: not before the day scheduled, not in the future.
  if (dados.termoVisita && dados.termoVisita.realizadaEm > hoje) {
    return `O Termo de Visita registra uma visita já realizada: ${dados.termoVisita.realizadaEm} ainda não chegou.`;
  }
  if (acao === 'registrar-exigencias-documentais') {
    if (tipo !== 'aumento-capacidade') {
      return 'Exigências documentais antes da visita são próprias do aumento de capacidade; neste processo, registre-as no Termo de Visita.';
    }
    const campos = (dados.exigencias as { natureza: string }[]).flatMap((e, i) => (e.natureza === 'documental' ? [] : [`exigencias.${i}.natureza`]));
    if (campos.length) return `Antes da visita só cabem exigências documentais (${campos.join(', ')}); as físicas são verificadas in loco.`;
  }
  const fisicas = estado.exigencias.some((e) => e.natureza === 'fisica');
  // Seed 003: a physical exigência is shown met with photographs ("registros fotográficos").
  if (acao === 'cumprir-exigencias' && estado.fase === 'exigencias-merito' && fisicas && dados.arquivos.length === 0) {
    return 'Há exigências físicas: anexe as fotografias que mostram o seu cumprimento (envie-as antes por POST /v1/arquivos).';
  }
  // "Quando couber, após nova verificação in loco": physical exigências are checked on site before reconsidering.
  if (estado.fase === 'reconsideracao-comissao' && acao === 'reconsiderar' && fisicas) {
    return 'Há exigências físicas: a reconsideração exige nova verificação in loco; agende a visita e registre o Termo de Visita antes do novo Pronunciamento.';
  }
  // After the COOGIE's deferimento with physical exigências the new visit is mandatory, whatever the decision.
  if (estado.fase === 'retorno-comissao' && acao === 'manter-indeferimento' && fisicas) {
    return 'Há exigências físicas no Estudo Técnico: a nova visita in loco é obrigatória antes do novo Pronunciamento.';
  }
  // A decision that depends on a visit comes after its Termo, and not before the day of the visit.
  const decisao = ['deferir', 'indeferir', 'reconsiderar', 'ratificar-indeferimento', 'manter-indeferimento'].includes(acao);
  if (decisao && (estado.fase === 'visita-reconsideracao' || estado.fase === 'visita-retorno') && !estado.visita?.termoEm) {
    return 'Registre o Termo de Visita da nova verificação in loco antes do Pronunciamento.';
  }
  if (decisao && estado.visita?.termoEm && hoje < estado.visita.termoEm) {
    return `O Pronunciamento não pode anteceder a visita em que se baseia (${estado.visita.termoEm}).`;
  }
  if (acao === 'agendar-visita' || acao === 'reagendar-visita') {
    const municipais = feriadosMunicipais ? { feriadosMunicipais } : {};
    const minima = dataMinimaVisita({ aviso: em, local, diasDecretados: decretados, ...municipais });
    if (dados.data < minima.data) {
      return `A visita deve ser agendada com no mínimo 5 dias de antecedência: a data mais próxima possível é ${minima.data}.`;
    }
    const motivo = criarCalendario(local, decretados, municipais).motivoNaoUtil(lerData(dados.data, 'data'));
    if (motivo) return `A visita deve ocorrer em dia útil; ${dados.data} não é (${motivo}).`;
  }
  // The Termo records a visit that happened: not before the date it was scheduled for.
  // (Validators run only on delivery, never on replay: a new refusal needs no patch.)
  if ((acao === 'concluir-visita-sem-exigencias' || acao === 'registrar-exigencias-merito') && estado.visita && dados.termoVisita.realizadaEm < estado.visita.data) {
    return `A visita foi agendada para ${estado.visita.data}: o Termo de Visita não pode registrá-la em data anterior.`;
  }
  if (acao === 'publicar-edital' && dados.objeto.tipoVistoria !== tipo) {
    return `O objeto do edital deve ser do tipo do processo (${tipo}).`;
  }
  if (acao === 'pedir-reconsideracao-extemporanea' && estado.prazo && tempestivo({ vencimento: estado.prazo.vencimento, em: dados.recebidoEm }).tempestivo) {
    return 'O pedido foi recebido dentro do prazo: registre-o como pedido de reconsideração tempestivo.';
  }
  // COOGIE II: "Indeferido, quando o Representante Legal … não tiver se manifestado dentro do prazo regulamentar".
  if (acao === 'deferir-reconsideracao' && estado.estudoTecnicoSemResposta) {
    return 'O representante não se manifestou no prazo do Estudo Técnico: o Pronunciamento da COOGIE é de indeferimento (seed 003, COOGIE II).';
  }
  if (estado.fase === 'retorno-comissao' && acao === 'deferir' && estado.exigencias.some((e) => e.natureza === 'fisica')) {
    return 'Há exigências físicas no Estudo Técnico: agende nova visita in loco antes do novo Pronunciamento.';
  }
  // The Termo records each item of the kind's visit list (Fluxo 8, "formulário de visita padrão").
  if (dados.termoVisita) {
    const c = conferirChecklist(tipo, 'visita', dados.termoVisita.verificacoes);
    if (c.problemas.length) return `Termo de Visita incompleto ou inválido: ${c.problemas.join('; ')}.`;
    if (acao === 'concluir-visita-sem-exigencias' && c.emFalta.length) {
      return `Há itens da visita que não atendem (${c.emFalta.map((f) => f.item.codigo).join(', ')}): registre as exigências no Termo de Visita.`;
    }
    if (acao === 'registrar-exigencias-merito' && c.emFalta.length === 0 && !dados.exigencias?.length) {
      return 'Nenhum item da visita deixou de atender e nenhuma outra exigência foi indicada: conclua a visita sem exigências.';
    }
  }
  return undefined;
}
