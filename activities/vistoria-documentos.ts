/**
 * The documents of the vistoria rite: turns what the workflow knows (the action
 * and its data) and what the database knows (the process, the institution, the
 * people, the documents already issued) into the data of each template of the
 * catalogue (documentos/catalogo.ts), and issues it numbered.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/connect';
import type { EnderecoInstituicao, Processo } from '../db/schema';
import { dataEmSaoPaulo } from '../documentos/emissao';
import { createEmissaoDocumentosActivities } from './documentos';
import type { DocumentoEmitido } from '../workflows/vistoria/definitions';

export interface PedidoDocumentoVistoria {
  /** Idempotency key: the same key returns the same document and number. */
  chave: string;
  processoId: string;
  /** A template of the catalogue. */
  tipo: string;
  /** Ator id of who acts; 'sistema' for what a prazo's end triggers. */
  emitidoPor: string;
  /** When the act happened (the document's date). */
  emitidoEm: string;
  contexto: Record<string, any>;
}

/** Where every document of SEEDUC-RJ's inspection comes from (Padrão Ofício cabeçalho). */
const ORGAO = ['GOVERNO DO ESTADO DO RIO DE JANEIRO', 'SECRETARIA DE ESTADO DE EDUCAÇÃO'];
const COOGIE = 'COORDENADORIA GERAL DE INSPEÇÃO ESCOLAR';
/**
 * The seed names no seat for each COOIE; documents are dated from Rio de Janeiro,
 * where SEEDUC sits, until unit seats are kept as data.
 */
const LOCAL = 'Rio de Janeiro';

/** Documents the central unit issues and numbers; the rest are the COOIE's (the Comissão acts for it). */
const DA_COOGIE = new Set(['estudo-tecnico', 'edital-cadastramento']);

const CARGO: Record<string, (unidade: string) => string> = {
  inspetor: (u) => `Inspetor(a) Escolar — Coordenadoria Regional de Inspeção Escolar ${u}`,
  comissao: () => 'Membro da Comissão de Vistoria',
  coogie: () => 'Coordenadoria Geral de Inspeção Escolar',
  supervisor: () => 'Supervisor(a) de Inspeção Escolar',
  administrador: () => 'Administrador(a) do sistema',
};

function paragrafos(texto: string): string[] {
  return texto
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function dataDe(instante: string | Date): string {
  return dataEmSaoPaulo(new Date(instante));
}

function exigencia(e: { natureza?: string; descricao: string; motivacao: string; baseLegal: string }) {
  return { natureza: e.natureza === 'fisica' ? 'fisica' : 'documental', descricao: e.descricao, motivacao: e.motivacao, baseLegal: e.baseLegal };
}

export function createDocumentoActivities(db: Db) {
  const emissao = createEmissaoDocumentosActivities(db);

  async function ultimo(processoId: string, tipos: string[]) {
    return db
      .selectFrom('documento')
      .select(['identificacao', 'emitido_em', 'tipo'])
      .where('processo_id', '=', processoId)
      .where('tipo', 'in', tipos)
      .orderBy('emitido_em', 'desc')
      .orderBy('criado_em', 'desc')
      .executeTakeFirst();
  }

  async function referido(processoId: string, tipos: string[], oQue: string) {
    const doc = await ultimo(processoId, tipos);
    if (!doc) throw ApplicationFailure.nonRetryable(`Não há ${oQue} emitido neste processo para citar no documento.`, 'DocumentoAusente');
    return { identificacao: doc.identificacao, data: dataDe(doc.emitido_em) };
  }

  async function signatario(usuarioId: string, unidade: string) {
    if (usuarioId === 'sistema') {
      // Acts the rite triggers on its own (a prazo ended) are issued in the name of the unit.
      return { nome: `Coordenadoria Regional de Inspeção Escolar ${unidade}`, cargo: 'Documento emitido pelo rito ao término do prazo' };
    }
    const u = await db.selectFrom('usuario').select(['nome', 'papeis']).where('id', '=', usuarioId).executeTakeFirst();
    const papel = u?.papeis.find((p) => CARGO[p]) ?? 'inspetor';
    return { nome: u?.nome ?? usuarioId, cargo: CARGO[papel]!(unidade) };
  }

  function base(p: Processo, unidadeEmissora: 'cooie' | 'coogie') {
    const orgao = unidadeEmissora === 'coogie' ? [...ORGAO, COOGIE] : [...ORGAO, COOGIE, `COORDENADORIA REGIONAL DE INSPEÇÃO ESCOLAR ${p.unidade.toLocaleUpperCase('pt-BR')}`];
    return { emissor: { orgao }, local: LOCAL };
  }

  function comunicacao(p: Processo, endereco: EnderecoInstituicao) {
    return {
      destinatario: {
        tratamento: 'A Sua Senhoria o(a) Senhor(a)',
        nome: p.requerente_nome,
        cargo: 'Representante Legal',
        instituicao: p.mantenedora_nome ?? p.instituicao_nome,
        endereco,
      },
      vocativo: 'Senhor(a) Representante Legal',
      fecho: 'Atenciosamente',
    };
  }

  async function montar(p: Processo, pedido: PedidoDocumentoVistoria, unidade: string): Promise<Record<string, unknown>> {
    const c = pedido.contexto;
    const endereco = p.instituicao_endereco as unknown as EnderecoInstituicao | null;
    if (!endereco) throw ApplicationFailure.nonRetryable('O processo não tem o endereço da instituição: os ofícios não podem ser emitidos.', 'DadosIncompletos');
    if (!p.numero_sei) throw ApplicationFailure.nonRetryable('O processo ainda não foi autuado (sem número SEI).', 'DadosIncompletos');
    const comum = { processoSei: p.numero_sei, tipoVistoria: p.tipo };
    const instituicao = { nome: p.instituicao_nome, cnpj: p.instituicao_cnpj, codigoInep: p.instituicao_codigo_inep };
    const instituicaoComEndereco = { ...instituicao, endereco };
    const assina = await signatario(pedido.emitidoPor, p.unidade);
    const comissao = (c.comissao ?? []).map((m: { nome: string; matricula: string }) => ({ nome: m.nome, matricula: m.matricula }));
    const cooie = base(p, 'cooie');

    switch (pedido.tipo) {
      case 'ordem-servico':
        return {
          ...base(p, assina.cargo.startsWith('Coordenadoria Geral') ? 'coogie' : 'cooie'),
          ...comum,
          autoridade: assina.cargo.startsWith('Coordenadoria Geral')
            ? 'A COORDENADORIA GERAL DE INSPEÇÃO ESCOLAR'
            : `A COORDENADORIA REGIONAL DE INSPEÇÃO ESCOLAR ${p.unidade.toLocaleUpperCase('pt-BR')}`,
          instituicao: instituicaoComEndereco,
          comissao,
          signatario: assina,
        };
      case 'agendamento-visita':
        return {
          ...cooie,
          ...comunicacao(p, endereco),
          ...comum,
          signatario: assina,
          instituicao: instituicaoComEndereco,
          ordemServico: await referido(p.id, ['ordem-servico'], 'Ordem de Serviço'),
          visita: c.visita,
          comissao,
          contato: `Manifeste-se no Processo SEI nº ${p.numero_sei}`,
        };
      case 'termo-visita': {
        const t = c.termoVisita;
        return {
          ...cooie,
          ...comum,
          instituicao: instituicaoComEndereco,
          ordemServico: await referido(p.id, ['ordem-servico'], 'Ordem de Serviço'),
          visita: { data: t.realizadaEm, horaInicio: t.horaInicio, horaFim: t.horaFim },
          comissao,
          representante: t.representante,
          verificacoes: t.verificacoes,
          exigencias: (c.exigencias ?? []).map(exigencia),
          ...(t.observacoes ? { observacoes: paragrafos(t.observacoes) } : {}),
        };
      }
      case 'pronunciamento':
        return {
          ...cooie,
          ...comum,
          instituicao,
          instancia: c.instancia,
          decisao: c.decisao,
          fundamentacao: paragrafos(c.fundamentacao),
          exigenciasNaoAtendidas: (c.exigenciasNaoAtendidas ?? []).map(exigencia),
          comissao,
        };
      case 'notificacao-exigencias': {
        const origem = await ultimo(p.id, ['termo-visita', 'estudo-tecnico']);
        return {
          ...(c.codigoPrazo === 'estudo-tecnico' ? base(p, 'coogie') : cooie),
          ...comunicacao(p, endereco),
          ...comum,
          signatario: assina,
          instituicao,
          ...(origem && c.codigoPrazo !== 'exigencias-forma' ? { documentoOrigem: origem.identificacao } : {}),
          exigencias: (c.exigencias ?? []).map(exigencia),
          prazo: { codigo: c.codigoPrazo },
        };
      }
      case 'notificacao-indeferimento':
        return {
          ...(c.recurso === 'recurso-cee' ? base(p, 'coogie') : cooie),
          ...comunicacao(p, endereco),
          ...comum,
          signatario: assina,
          instituicao,
          decisao: await referido(p.id, ['pronunciamento', 'estudo-tecnico'], 'decisão (Pronunciamento ou Estudo Técnico)'),
          motivos: (c.motivos ?? []).map(exigencia),
          recurso: c.recurso,
          prazo: {},
        };
      case 'estudo-tecnico': {
        const pronunciamento = await referido(p.id, ['pronunciamento'], 'Pronunciamento');
        return {
          ...base(p, 'coogie'),
          ...comum,
          instituicao,
          pronunciamento,
          historico: [
            `A Comissão de Vistoria indeferiu o pedido e, provocada por pedido de reconsideração, ratificou o indeferimento no ${pronunciamento.identificacao}, encaminhando os autos a esta Coordenadoria Geral.`,
          ],
          exigencias: (c.exigencias ?? []).map(exigencia),
          analise: paragrafos(c.analise),
          signatarios: [assina],
        };
      }
      case 'edital-cadastramento':
        return {
          ...base(p, 'coogie'),
          processoSei: p.numero_sei,
          autoridade: 'A COORDENADORIA GERAL DE INSPEÇÃO ESCOLAR, por meio de sua Equipe de Atos Legais',
          instituicao: { ...instituicaoComEndereco, mantenedora: { nome: p.mantenedora_nome ?? p.instituicao_nome, cnpj: p.instituicao_cnpj } },
          objeto: c.objeto,
          pronunciamento: await referido(p.id, ['pronunciamento'], 'Pronunciamento de deferimento'),
          signatario: assina,
        };
      case 'encaminhamento-cee': {
        const decisao = await referido(p.id, ['pronunciamento', 'estudo-tecnico'], 'decisão (Pronunciamento ou Estudo Técnico)');
        const comuns = { ...cooie, ...comunicacao(p, endereco), ...comum, signatario: assina, instituicao, decisao };
        if (c.destino === 'cee') return { ...comuns, destino: 'cee', recursoProtocoladoEm: dataDe(c.recursoProtocoladoEm) };
        return {
          ...comuns,
          destino: 'art-49',
          prazoEncerrado: c.prazoEncerrado,
          ...(c.pedidoExtemporaneoEm ? { pedidoExtemporaneoEm: dataDe(c.pedidoExtemporaneoEm) } : {}),
        };
      }
      default:
        throw ApplicationFailure.nonRetryable(`Documento desconhecido no rito de vistoria: ${pedido.tipo}`, 'TipoDocumentoDesconhecido');
    }
  }

  return {
    async emitirDocumentoVistoria(pedido: PedidoDocumentoVistoria): Promise<DocumentoEmitido> {
      const processo = await db.selectFrom('processo').selectAll().where('id', '=', pedido.processoId).executeTakeFirstOrThrow();
      const unidade = DA_COOGIE.has(pedido.tipo) || (pedido.tipo === 'notificacao-indeferimento' && pedido.contexto.recurso === 'recurso-cee') ? 'COOGIE' : `COOIE-${processo.unidade}`;
      const dados = await montar(processo, pedido, processo.unidade);
      const doc = await emissao.emitirDocumento({
        chave: pedido.chave,
        processoId: pedido.processoId,
        tipo: pedido.tipo,
        unidade,
        dados,
        emitidoPor: pedido.emitidoPor,
        emitidoEm: pedido.emitidoEm,
      });
      return { id: doc.id, tipo: pedido.tipo, identificacao: doc.identificacao };
    },

    /**
     * Records who the Ordem de Serviço designates, so that they (and only they)
     * act as the Comissão on this process; earlier designations end. Idempotent.
     */
    async designarComissao(d: { processoId: string; ordemServico: string; membros: string[]; criadoPor: string; em: string }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('designacao_comissao')
          .set({ fim: new Date(d.em) })
          .where('processo_id', '=', d.processoId)
          .where('ordem_servico', '!=', d.ordemServico)
          .where('fim', 'is', null)
          .execute();
        for (const usuarioId of d.membros) {
          await trx
            .insertInto('designacao_comissao')
            .values({ id: `${d.processoId}:${d.ordemServico}:${usuarioId}`, processo_id: d.processoId, usuario_id: usuarioId, ordem_servico: d.ordemServico, inicio: new Date(d.em), criado_por: d.criadoPor })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
        }
      });
    },
  };
}

export type DocumentoActivities = ReturnType<typeof createDocumentoActivities>;
