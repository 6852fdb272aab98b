/**
 * What every document of a rite draws on besides the action's own data: the
 * issuing units as data (header down to the unit, footer with its address and
 * contact, place, the sigla it numbers under), who signs (a servidor with the
 * cargo and matrícula of his account), the addressee (the representante as his
 * account and mandate know him), and the documents already issued in the process.
 * The vistoria's builders and every rite's (activities/documentos-rito.ts) share it.
 */
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../db/connect';
import { type ContaFuncional, type DocumentoDaChave, type LinhasDasFontes, lerFontesDoDocumento } from '../db/fontes-documento';
import type { EnderecoInstituicao, Processo } from '../db/schema';
import { type DadosUnidade, dadosDaLinha } from '../db/unidades';
import { dataEmSaoPaulo } from '../documentos/emissao';

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

function dataDe(instante: string | Date): string {
  return dataEmSaoPaulo(new Date(instante));
}

/** What a document's builder knows of its process. */
export interface FontesDocumento {
  p: Processo;
  /** The SEI number the process was autuado under. */
  processoSei: string;
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

/** A document's sources as read (one query, db/fontes-documento.ts), for a request of a rite's document. */
export interface FontesLidas {
  processo: Processo;
  /** The document the request's key already issued: a retry gives it back without building it again. */
  daChave: DocumentoDaChave | null;
  /** What builders draw on; refuses (non-retryable) a process without what every ofício needs. */
  fontes(): FontesDocumento;
}

export function createFontesDocumento(db: Db) {
  return async function lerFontes(pedido: { processoId: string; emitidoPor: string; chave: string }): Promise<FontesLidas> {
    const linhas = await lerFontesDoDocumento(db, { ...pedido, unidadeCentral: CHAVE_COOGIE });
    // Retried: the step that writes the process's row may not have been written yet.
    if (!linhas) throw new Error(`processo ${pedido.processoId} não encontrado no modelo de leitura`);
    return { processo: linhas.processo, daChave: linhas.daChave, fontes: () => fontesDasLinhas(linhas, pedido.emitidoPor) };
  };
}

/**
 * Who signs: a servidor of the issuing unit, with his name, cargo and matrícula
 * as his account holds them (the role's cargo while the account has none).
 * When the act is the representante's (a recurso) or the rite's own (a prazo
 * ended), the document is signed by the servidor who instructs the process:
 * the one who autuou it (choice: the seed names no signer for these
 * forwardings; the instructing servidor answers for the autos, Lei 9.784/1999 art. 29).
 */
function signatario(l: LinhasDasFontes, usuarioId: string, nomeRegional: string, nomeCoogie: string) {
  const servidor = (u: ContaFuncional | null) => {
    const papel = u?.papeis.find((x) => CARGO_DO_PAPEL[x]);
    if (!u || !papel) return undefined;
    const cargo = u.cargo ?? CARGO_DO_PAPEL[papel]!(papel === 'coogie' ? nomeCoogie : nomeRegional);
    return { nome: u.nome, cargo, ...(u.matricula ? { matricula: u.matricula } : {}) };
  };
  const proprio = usuarioId === 'sistema' ? undefined : servidor(l.emissor);
  // Without either, in the name of the unit.
  return proprio ?? servidor(l.autuador) ?? { nome: nomeRegional, cargo: 'Documento emitido pelo rito' };
}

/** The unit as data (table unidade); a unit not recorded yet is named from its key, as before units were data. */
function unidade(u: DadosUnidade | undefined, chave: string, tipo: 'cooie' | 'coogie'): DadosUnidade {
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
function comunicacao(p: Processo, conta: LinhasDasFontes['conta'], endereco: EnderecoInstituicao) {
  const t = TRATAMENTO[conta?.tratamento ?? 'desconhecido'];
  const qualidade = conta?.mandato === 'procurador' ? t.procurador : 'Representante Legal';
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
function fontesDasLinhas(l: LinhasDasFontes, emitidoPor: string): FontesDocumento {
  const p = l.processo;
  const endereco = p.instituicao_endereco as unknown as EnderecoInstituicao | null;
  if (!endereco) throw ApplicationFailure.nonRetryable('O processo não tem o endereço da instituição: os ofícios não podem ser emitidos.', 'DadosIncompletos');
  if (!p.numero_sei) throw ApplicationFailure.nonRetryable('O processo ainda não foi autuado (sem número SEI).', 'DadosIncompletos');
  const instituicao = { nome: p.instituicao_nome, cnpj: p.instituicao_cnpj, codigoInep: p.instituicao_codigo_inep };
  const unidades = new Map(l.unidades.map((u) => [u.chave, dadosDaLinha(u)]));
  const regional = unidade(unidades.get(p.unidade), p.unidade, 'cooie');
  const central = unidade(unidades.get(CHAVE_COOGIE), CHAVE_COOGIE, 'coogie');
  // Newest first, as read.
  const ultimo = (tipos: string[]) => l.documentos.find((d) => tipos.includes(d.tipo));
  return {
    p,
    processoSei: p.numero_sei,
    instituicao,
    instituicaoComEndereco: { ...instituicao, endereco },
    assina: signatario(l, emitidoPor, regional.nome, central.nome),
    cooie: base(regional, central),
    coogie: base(central, central),
    nomeRegional: regional.nome,
    siglas: { cooie: regional.sigla, coogie: central.sigla },
    comunicacao: comunicacao(p, l.conta, endereco),
    referido: async (tipos, oQue) => {
      const doc = ultimo(tipos);
      if (!doc) throw ApplicationFailure.nonRetryable(`Não há ${oQue} emitido neste processo para citar no documento.`, 'DocumentoAusente');
      return { identificacao: doc.identificacao, data: dataDe(doc.emitido_em) };
    },
    ultimo: async (tipos) => ultimo(tipos),
  };
}

/**
 * An edital of the COOGIE about a school (the cadastramentos' editais): its
 * header and footer, the authority that publishes, the school with its address,
 * who signs, numbered in the COOGIE's series; `proprios` adds the edital's own data.
 */
export function editalDaCoogie(f: FontesDocumento, proprios: Record<string, unknown>): { unidade: string; dados: Record<string, unknown> } {
  return {
    unidade: f.siglas.coogie,
    dados: {
      ...f.coogie,
      processoSei: f.processoSei,
      autoridade: `A ${f.coogie.emissor.orgao.at(-1)!}`,
      instituicao: f.instituicaoComEndereco,
      signatario: f.assina,
      ...proprios,
    },
  };
}
