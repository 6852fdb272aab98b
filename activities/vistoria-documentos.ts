/**
 * The documents of the vistoria rite: turns what the workflow knows (the action
 * and its data) and what the database knows (the process, the institution, the
 * people, the documents already issued) into the data of each template of the
 * catalogue (documentos/catalogo.ts), and issues it numbered.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/connect';
import { dataEmSaoPaulo } from '../documentos/emissao';
import type { ContextosDocumentoVistoria, DocumentoVistoria } from '../rules/vistoria/documentos';
import { createEmissaoDocumentosActivities } from './documentos';
import { emitirMontado, jaEmitido } from './documentos-rito';
import type { DocumentoEmitido, PedidoDocumentoRito } from '../workflows/ritos/interpretador';
import { type FontesDocumento, type FontesLidas, createFontesDocumento } from './documentos-fontes';

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

/** The vistoria's builders also read the kind of vistoria of the process. */
type Fontes = FontesDocumento & { comum: { processoSei: string; tipoVistoria: string } };

/** Assembles the data of one template (documentos/catalogo/vistoria.ts) from what the workflow sent and the process. */
type Montador<T extends DocumentoVistoria> = (c: ContextosDocumentoVistoria[T], f: Fontes) => Promise<Record<string, unknown>> | Record<string, unknown>;

const membros = (comissao: readonly { nome: string; matricula: string }[]) => comissao.map((m) => ({ nome: m.nome, matricula: m.matricula }));

/** One builder per document of the rite. */
const MONTADORES: { [T in DocumentoVistoria]: Montador<T> } = {
  'ordem-servico': (c, f) => {
    const daCoogie = c.central === true;
    const emissor = daCoogie ? f.coogie : f.cooie;
    return {
      ...emissor,
      ...f.comum,
      autoridade: `A ${emissor.emissor.orgao.at(-1)!}`,
      instituicao: f.instituicaoComEndereco,
      central: c.central ?? false,
      comissao: membros(c.comissao),
      signatario: f.assina,
    };
  },
  'agendamento-visita': async (c, f) => ({
    ...f.cooie,
    ...f.comunicacao,
    ...f.comum,
    signatario: f.assina,
    instituicao: f.instituicaoComEndereco,
    ordemServico: await f.referido(['ordem-servico'], 'Ordem de Serviço'),
    visita: c.visita,
    comissao: membros(c.comissao),
    contato: `manifestação no Processo SEI nº ${f.comum.processoSei}`,
  }),
  'termo-visita': async (c, f) => {
    const t = c.termoVisita;
    return {
      ...f.cooie,
      ...f.comum,
      instituicao: f.instituicaoComEndereco,
      ordemServico: await f.referido(['ordem-servico'], 'Ordem de Serviço'),
      visita: { data: t.realizadaEm, horaInicio: t.horaInicio, horaFim: t.horaFim },
      comissao: membros(c.comissao),
      representante: t.representante,
      // The Termo shows the item as the seed words it; its code is for the rite's checks only.
      verificacoes: t.verificacoes.map(({ item, situacao, observacao }) => ({ item, situacao, ...(observacao ? { observacao } : {}) })),
      exigencias: c.exigencias.map(exigencia),
      ...(t.observacoes ? { observacoes: paragrafos(t.observacoes) } : {}),
    };
  },
  pronunciamento: (c, f) => ({
    ...f.cooie,
    ...f.comum,
    instituicao: f.instituicao,
    instancia: c.instancia,
    decisao: c.decisao,
    fundamentacao: paragrafos(c.fundamentacao),
    exigenciasNaoAtendidas: c.exigenciasNaoAtendidas.map(exigencia),
    comissao: membros(c.comissao),
  }),
  'notificacao-exigencias': async (c, f) => {
    const origem = await f.ultimo(['termo-visita', 'estudo-tecnico']);
    return {
      ...(c.codigoPrazo === 'estudo-tecnico' ? f.coogie : f.cooie),
      ...f.comunicacao,
      ...f.comum,
      signatario: f.assina,
      instituicao: f.instituicao,
      ...(origem && c.codigoPrazo !== 'exigencias-forma' ? { documentoOrigem: origem.identificacao } : {}),
      exigencias: c.exigencias.map(exigencia),
      prazo: { codigo: c.codigoPrazo },
    };
  },
  'notificacao-indeferimento': async (c, f) => ({
    ...(c.recurso === 'recurso-cee' ? f.coogie : f.cooie),
    ...f.comunicacao,
    ...f.comum,
    signatario: f.assina,
    instituicao: f.instituicao,
    decisao: await f.referido(['pronunciamento', 'pronunciamento-coogie', 'estudo-tecnico'], 'decisão (Pronunciamento ou Estudo Técnico)'),
    motivos: c.motivos.map(exigencia),
    recurso: c.recurso,
    prazo: {},
  }),
  'estudo-tecnico': async (c, f) => {
    const pronunciamento = await f.referido(['pronunciamento'], 'Pronunciamento');
    return {
      ...f.coogie,
      ...f.comum,
      instituicao: f.instituicao,
      pronunciamento,
      historico: [
        `A Comissão de Vistoria indeferiu o pedido e, provocada por pedido de reconsideração, ratificou o indeferimento no ${pronunciamento.identificacao}, encaminhando os autos a esta Coordenadoria Geral.`,
      ],
      exigencias: c.exigencias.map(exigencia),
      analise: paragrafos(c.analise),
      signatarios: [f.assina],
    };
  },
  'pronunciamento-coogie': async (c, f) => ({
    ...f.coogie,
    ...f.comum,
    instituicao: f.instituicao,
    estudoTecnico: await f.referido(['estudo-tecnico'], 'Estudo Técnico'),
    unidadeRegional: f.nomeRegional,
    decisao: c.decisao,
    semManifestacao: c.semManifestacao,
    fundamentacao: paragrafos(c.fundamentacao),
    exigenciasNaoAtendidas: c.exigenciasNaoAtendidas.map(exigencia),
    signatario: f.assina,
  }),
  'edital-cadastramento': async (c, f) => ({
    ...f.coogie,
    processoSei: f.comum.processoSei,
    autoridade: 'A COORDENADORIA GERAL DE INSPEÇÃO ESCOLAR, por meio de sua Equipe de Atos Legais',
    instituicao: { ...f.instituicaoComEndereco, mantenedora: { nome: f.p.mantenedora_nome ?? f.p.instituicao_nome, cnpj: f.p.instituicao_cnpj } },
    objeto: c.objeto,
    pronunciamento: await f.referido(['pronunciamento'], 'Pronunciamento de deferimento'),
    signatario: f.assina,
  }),
  'encaminhamento-cee': async (c, f) => {
    const decisao = await f.referido(['pronunciamento', 'pronunciamento-coogie', 'estudo-tecnico'], 'decisão (Pronunciamento ou Estudo Técnico)');
    // "os autos serão encaminhados ao Órgão Central de Inspeção Escolar, com vistas ao Conselho Estadual de Educação" (seed 003, Do Recurso).
    const aCoogie = {
      destinatario: {
        tratamento: 'À',
        nome: 'Coordenadoria Geral de Inspeção Escolar — COOGIE',
        cargo: 'Órgão Central de Inspeção Escolar',
        instituicao: c.destino === 'cee' ? 'Com vistas ao Conselho Estadual de Educação' : 'Secretaria de Estado de Educação',
      },
      vocativo: 'Senhor(a) Coordenador(a)-Geral',
      fecho: 'Atenciosamente',
    };
    const comuns = { ...f.cooie, ...aCoogie, ...f.comum, signatario: f.assina, instituicao: f.instituicao, decisao };
    if (c.destino === 'cee') return { ...comuns, destino: 'cee', recursoProtocoladoEm: dataDe(c.recursoProtocoladoEm) };
    return {
      ...comuns,
      destino: 'art-49',
      prazoEncerrado: c.prazoEncerrado,
      ...(c.pedidoExtemporaneoEm ? { pedidoExtemporaneoEm: dataDe(c.pedidoExtemporaneoEm) } : {}),
    };
  },
};

export function createDocumentoActivities(db: Db) {
  const emissao = createEmissaoDocumentosActivities(db);

  const lerFontes = createFontesDocumento(db);
  const fontes = (lidas: FontesLidas): Fontes => {
    const f = lidas.fontes();
    return { ...f, comum: { processoSei: f.processoSei, tipoVistoria: lidas.processo.tipo } };
  };

  return {
    async emitirDocumentoVistoria(pedido: PedidoDocumentoRito): Promise<DocumentoEmitido> {
      if (!Object.hasOwn(MONTADORES, pedido.tipo)) {
        throw ApplicationFailure.nonRetryable(`Documento desconhecido no rito de vistoria: ${pedido.tipo}`, 'TipoDocumentoDesconhecido');
      }
      const lidas = await lerFontes(pedido);
      const anterior = jaEmitido(pedido, lidas);
      if (anterior) return anterior;
      const montar = MONTADORES[pedido.tipo as DocumentoVistoria] as Montador<DocumentoVistoria>;
      const f = fontes(lidas);
      const dados = await montar(pedido.contexto as never, f);
      // A document is numbered in the series of the unit that issues it (the last line of its header), under its sigla.
      const daCoogie = (dados.emissor as { orgao: string[] }).orgao.at(-1) === f.coogie.emissor.orgao.at(-1);
      return emitirMontado(emissao, pedido, { unidade: daCoogie ? f.siglas.coogie : f.siglas.cooie, dados });
    },

    /**
     * Records who the Ordem de Serviço designates, so that they (and only they)
     * act as the Comissão on this process; earlier designations end. Idempotent.
     */
    async designarComissao(d: {
      processoId: string;
      ordemServico: string;
      membros: string[];
      criadoPor: string;
      em: string;
      /** The COOGIE's Comissão works beside the regional one: the earlier designations stay. */
      manterAnteriores?: boolean;
    }): Promise<void> {
      await db.transaction().execute(async (trx) => {
        if (!d.manterAnteriores) await trx
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
