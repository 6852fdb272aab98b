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
import type { ContextosDocumentoVistoria, DocumentoVistoria } from '../rules/vistoria/documentos';
import { createEmissaoDocumentosActivities } from './documentos';
import { emitirMontado } from './documentos-rito';
import type { DocumentoEmitido, PedidoDocumentoRito } from '../workflows/ritos/interpretador';


/** Where every document of SEEDUC-RJ's inspection comes from (Padrão Ofício cabeçalho). */
const ORGAO = ['GOVERNO DO ESTADO DO RIO DE JANEIRO', 'SECRETARIA DE ESTADO DE EDUCAÇÃO'];
const COOGIE = 'COORDENADORIA GERAL DE INSPEÇÃO ESCOLAR';
/**
 * The seed names no seat for each COOIE; documents are dated from Rio de Janeiro,
 * where SEEDUC sits, until unit seats are kept as data.
 */
const LOCAL = 'Rio de Janeiro';

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

interface Fontes {
  p: Processo;
  comum: { processoSei: string; tipoVistoria: string };
  instituicao: { nome: string; cnpj: string; codigoInep: string };
  instituicaoComEndereco: { nome: string; cnpj: string; codigoInep: string; endereco: EnderecoInstituicao };
  assina: { nome: string; cargo: string };
  cooie: { emissor: { orgao: string[] }; local: string };
  coogie: { emissor: { orgao: string[] }; local: string };
  comunicacao: Record<string, unknown>;
  referido(tipos: string[], oQue: string): Promise<{ identificacao: string; data: string }>;
  ultimo(tipos: string[]): Promise<{ identificacao: string } | undefined>;
}

/** Assembles the data of one template (documentos/catalogo/vistoria.ts) from what the workflow sent and the process. */
type Montador<T extends DocumentoVistoria> = (c: ContextosDocumentoVistoria[T], f: Fontes) => Promise<Record<string, unknown>> | Record<string, unknown>;

const membros = (comissao: readonly { nome: string; matricula: string }[]) => comissao.map((m) => ({ nome: m.nome, matricula: m.matricula }));

/** One builder per document of the rite. */
const MONTADORES: { [T in DocumentoVistoria]: Montador<T> } = {
  'ordem-servico': (c, f) => {
    const daCoogie = f.assina.cargo.startsWith('Coordenadoria Geral');
    return {
      ...(daCoogie ? f.coogie : f.cooie),
      ...f.comum,
      autoridade: daCoogie ? 'A COORDENADORIA GERAL DE INSPEÇÃO ESCOLAR' : `A COORDENADORIA REGIONAL DE INSPEÇÃO ESCOLAR ${f.p.unidade.toLocaleUpperCase('pt-BR')}`,
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
    unidadeRegional: `Coordenadoria Regional de Inspeção Escolar ${f.p.unidade}`,
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

  /**
   * Who signs: a servidor of the issuing unit, with his cargo. When the act is
   * the representante's (a recurso) or the rite's own (a prazo ended), the
   * document is signed by the servidor who instructs the process: the one who
   * autuou it (choice: the seed names no signer for these forwardings; the
   * instructing servidor answers for the autos, Lei 9.784/1999 art. 29).
   */
  async function signatario(usuarioId: string, p: Processo) {
    const servidor = async (id: string) => {
      const u = await db.selectFrom('usuario').select(['nome', 'papeis']).where('id', '=', id).executeTakeFirst();
      const papel = u?.papeis.find((x) => CARGO[x]);
      return u && papel ? { nome: u.nome, cargo: CARGO[papel]!(p.unidade) } : undefined;
    };
    const proprio = usuarioId === 'sistema' ? undefined : await servidor(usuarioId);
    if (proprio) return proprio;
    const autuacao = await db
      .selectFrom('processo_evento')
      .select('ator')
      .where('processo_id', '=', p.id)
      .where('tipo', '=', 'autuar')
      .orderBy('seq')
      .executeTakeFirst();
    const instrutor = autuacao ? await servidor(autuacao.ator) : undefined;
    // Without either, in the name of the unit.
    return instrutor ?? { nome: `Coordenadoria Regional de Inspeção Escolar ${p.unidade}`, cargo: 'Documento emitido pelo rito' };
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

  /** What every builder draws on: the process, its institution and SEI number, who signs, the documents already issued. */
  async function fontes(p: Processo, pedido: PedidoDocumentoRito): Promise<Fontes> {
    const endereco = p.instituicao_endereco as unknown as EnderecoInstituicao | null;
    if (!endereco) throw ApplicationFailure.nonRetryable('O processo não tem o endereço da instituição: os ofícios não podem ser emitidos.', 'DadosIncompletos');
    if (!p.numero_sei) throw ApplicationFailure.nonRetryable('O processo ainda não foi autuado (sem número SEI).', 'DadosIncompletos');
    const instituicao = { nome: p.instituicao_nome, cnpj: p.instituicao_cnpj, codigoInep: p.instituicao_codigo_inep };
    return {
      p,
      comum: { processoSei: p.numero_sei, tipoVistoria: p.tipo },
      instituicao,
      instituicaoComEndereco: { ...instituicao, endereco },
      assina: await signatario(pedido.emitidoPor, p),
      cooie: base(p, 'cooie'),
      coogie: base(p, 'coogie'),
      comunicacao: comunicacao(p, endereco),
      referido: (tipos, oQue) => referido(p.id, tipos, oQue),
      ultimo: (tipos) => ultimo(p.id, tipos),
    };
  }

  return {
    async emitirDocumentoVistoria(pedido: PedidoDocumentoRito): Promise<DocumentoEmitido> {
      const processo = await db.selectFrom('processo').selectAll().where('id', '=', pedido.processoId).executeTakeFirstOrThrow();
      if (!Object.hasOwn(MONTADORES, pedido.tipo)) {
        throw ApplicationFailure.nonRetryable(`Documento desconhecido no rito de vistoria: ${pedido.tipo}`, 'TipoDocumentoDesconhecido');
      }
      const montar = MONTADORES[pedido.tipo as DocumentoVistoria] as Montador<DocumentoVistoria>;
      const dados = await montar(pedido.contexto as never, await fontes(processo, pedido));
      // A document is numbered in the series of the unit that issues it: the last line of its header.
      const emitente = (dados.emissor as { orgao: string[] }).orgao.at(-1);
      return emitirMontado(emissao, pedido, { unidade: emitente === COOGIE ? 'COOGIE' : `COOIE-${processo.unidade}`, dados });
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
