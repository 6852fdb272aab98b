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
import { type DadosUnidade, obterUnidade } from '../db/unidades';
import { sql } from 'kysely';


/** Where every document of SEEDUC-RJ's inspection comes from (Padrão Ofício cabeçalho). */
const ORGAO = ['GOVERNO DO ESTADO DO RIO DE JANEIRO', 'SECRETARIA DE ESTADO DE EDUCAÇÃO'];
/** The central unit's key in table unidade. */
const CHAVE_COOGIE = 'COOGIE';
/** Where SEEDUC sits: the place of a document whose unit has no seat recorded yet (db/unidades.ts pendencias). */
const LOCAL_SEEDUC = 'Rio de Janeiro';

/** The cargo under a signature when the account holds none: the role's, in the unit's name. */
const CARGO_DO_PAPEL: Record<string, (unidade: string) => string> = {
  inspetor: (u) => `Inspetor(a) Escolar — ${u}`,
  comissao: () => 'Membro da Comissão de Vistoria',
  coogie: (u) => `Servidor(a) da ${u}`,
  supervisor: () => 'Supervisor(a) de Inspeção Escolar',
  administrador: () => 'Administrador(a) do sistema',
};

/** The Padrão Ofício's forms of address, by what rito knows of the person. */
const TRATAMENTO = {
  senhor: { enderecamento: 'A Sua Senhoria o Senhor', vocativo: 'Senhor', procurador: 'Procurador' },
  senhora: { enderecamento: 'A Sua Senhoria a Senhora', vocativo: 'Senhora', procurador: 'Procuradora' },
  desconhecido: { enderecamento: 'A Sua Senhoria o(a) Senhor(a)', vocativo: 'Senhor(a)', procurador: 'Procurador(a)' },
} as const;

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
  cooie: { emissor: { orgao: string[]; contato?: string[] }; local: string };
  coogie: { emissor: { orgao: string[]; contato?: string[] }; local: string };
  /** The regional unit's official name ('Coordenadoria Regional de Inspeção Escolar Metropolitana I'). */
  nomeRegional: string;
  /** The series each unit numbers its documents in (table unidade: 'COOIE-METROPOLITANAI', 'COOGIE'). */
  siglas: { cooie: string; coogie: string };
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
   * Who signs: a servidor of the issuing unit, with his name, cargo and matrícula
   * as his account holds them (the role's cargo while the account has none).
   * When the act is the representante's (a recurso) or the rite's own (a prazo
   * ended), the document is signed by the servidor who instructs the process:
   * the one who autuou it (choice: the seed names no signer for these
   * forwardings; the instructing servidor answers for the autos, Lei 9.784/1999 art. 29).
   */
  async function signatario(usuarioId: string, p: Processo, nomeRegional: string, nomeCoogie: string) {
    const servidor = async (id: string) => {
      const u = await db.selectFrom('usuario').select(['nome', 'papeis', 'cargo', 'matricula']).where('id', '=', id).executeTakeFirst();
      const papel = u?.papeis.find((x) => CARGO_DO_PAPEL[x]);
      if (!u || !papel) return undefined;
      const cargo = u.cargo ?? CARGO_DO_PAPEL[papel]!(papel === 'coogie' ? nomeCoogie : nomeRegional);
      return { nome: u.nome, cargo, ...(u.matricula ? { matricula: u.matricula } : {}) };
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
    return instrutor ?? { nome: nomeRegional, cargo: 'Documento emitido pelo rito' };
  }

  /** The unit as data (table unidade); a unit not recorded yet is named from its key, as before units were data. */
  async function unidade(chave: string, tipo: 'cooie' | 'coogie'): Promise<DadosUnidade> {
    const u = await obterUnidade(db, chave);
    if (u) return u;
    return tipo === 'coogie'
      ? { chave, nome: 'Coordenadoria Geral de Inspeção Escolar', sigla: 'COOGIE', tipo, uf: 'RJ', sede: null, endereco: null, email: null, telefone: null, vigenteDesde: null, fonte: '' }
      : { chave, nome: `Coordenadoria Regional de Inspeção Escolar ${chave}`, sigla: `COOIE-${chave}`, tipo, uf: 'RJ', sede: null, endereco: null, email: null, telefone: null, vigenteDesde: null, fonte: '' };
  }

  /** Header (Padrão Ofício: the órgão down to the issuing unit), footer (the unit's address and contact) and place. */
  function base(u: DadosUnidade, coogie: DadosUnidade) {
    const linha = (x: DadosUnidade) => x.nome.toLocaleUpperCase('pt-BR');
    const orgao = u.tipo === 'coogie' ? [...ORGAO, linha(u)] : [...ORGAO, linha(coogie), linha(u)];
    const contato = [
      `${u.nome} — ${u.sigla}`,
      ...(u.endereco ? [u.endereco] : []),
      ...(u.email || u.telefone ? [[u.telefone ? `Telefone: ${u.telefone}` : null, u.email ? `E-mail: ${u.email}` : null].filter(Boolean).join(' · ')] : []),
    ];
    return { emissor: { orgao, contato }, local: u.sede?.nome ?? LOCAL_SEEDUC };
  }

  /** The addressee: the representante as the process and his account know him. */
  async function comunicacao(p: Processo, endereco: EnderecoInstituicao) {
    const conta = await db
      .selectFrom('usuario')
      .select(['id', 'tratamento'])
      .where((eb) => eb.or([eb('email', '=', p.requerente_email.toLowerCase()), eb('id', '=', p.aberto_por)]))
      .orderBy(sql`email = ${p.requerente_email.toLowerCase()}`, 'desc')
      .executeTakeFirst();
    const t = TRATAMENTO[conta?.tratamento ?? 'desconhecido'];
    const mandato = conta
      ? await db
          .selectFrom('representacao')
          .select('tipo')
          .where('usuario_id', '=', conta.id)
          .where('instituicao_cnpj', '=', p.instituicao_cnpj)
          .orderBy('inicio', 'desc')
          .executeTakeFirst()
      : undefined;
    const qualidade = mandato?.tipo === 'procurador' ? t.procurador : 'Representante Legal';
    return {
      destinatario: {
        tratamento: t.enderecamento,
        nome: p.requerente_nome,
        cargo: qualidade,
        instituicao: p.mantenedora_nome ?? p.instituicao_nome,
        endereco,
      },
      vocativo: `${t.vocativo} ${qualidade}`,
      fecho: 'Atenciosamente',
    };
  }

  /** What every builder draws on: the process, its institution and SEI number, who signs, the documents already issued. */
  async function fontes(p: Processo, pedido: PedidoDocumentoRito): Promise<Fontes> {
    const endereco = p.instituicao_endereco as unknown as EnderecoInstituicao | null;
    if (!endereco) throw ApplicationFailure.nonRetryable('O processo não tem o endereço da instituição: os ofícios não podem ser emitidos.', 'DadosIncompletos');
    if (!p.numero_sei) throw ApplicationFailure.nonRetryable('O processo ainda não foi autuado (sem número SEI).', 'DadosIncompletos');
    const instituicao = { nome: p.instituicao_nome, cnpj: p.instituicao_cnpj, codigoInep: p.instituicao_codigo_inep };
    const [regional, central] = await Promise.all([unidade(p.unidade, 'cooie'), unidade(CHAVE_COOGIE, 'coogie')]);
    return {
      p,
      comum: { processoSei: p.numero_sei, tipoVistoria: p.tipo },
      instituicao,
      instituicaoComEndereco: { ...instituicao, endereco },
      assina: await signatario(pedido.emitidoPor, p, regional.nome, central.nome),
      cooie: base(regional, central),
      coogie: base(central, central),
      nomeRegional: regional.nome,
      siglas: { cooie: regional.sigla, coogie: central.sigla },
      comunicacao: await comunicacao(p, endereco),
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
      const f = await fontes(processo, pedido);
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
