/** Kysely's view of rito's tables. Migrations in ./migrations are the source of truth. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { DadosRepresentacao } from '../rules/habilitacao/credenciamento';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface EnderecoInstituicao {
  logradouro: string;
  complemento?: string;
  bairro: string;
  cep: string;
  municipio: string;
  uf: string;
}

/** Read model of one administrative process; kept in step with its workflow by activities. */
export interface ProcessoTable {
  id: string; // also the Temporal workflow id
  tipo: string;
  /** Object and party of the process (seed 002 art. 22 I): at most one open process per chave. */
  chave: string;
  ordinal: number;
  fase: string;
  encerrado: Generated<boolean>;
  instituicao_cnpj: string;
  instituicao_codigo_inep: string;
  instituicao_nome: string;
  unidade: string;
  numero_sei: string | null;
  requerente_nome: string;
  requerente_cpf: string;
  requerente_email: string;
  aberto_por: string;
  prazo_limite: NullableTimestamp;
  instituicao_endereco: Json<EnderecoInstituicao> | null;
  instituicao_municipio: string | null;
  mantenedora_nome: string | null;
  /** Workflow-side sequence of the last applied snapshot: older snapshots never overwrite newer ones. */
  versao: number;
  /** A notice awaits the party's ciência; null on rows not projected since this column exists (ask the workflow). */
  notificacao_pendente: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  /** The rite's state as the workflow last projected it (without its answers to past actions); null: ask the workflow. */
  estado_rito: Json<Record<string, unknown>> | null;
  criado_em: DefaultedTimestamp;
  atualizado_em: DefaultedTimestamp;
}

/** Timeline of a process: one row per workflow event, idempotent on (processo_id, seq). */
export interface ProcessoEventoTable {
  id: Generated<string>;
  processo_id: string;
  seq: number;
  tipo: string;
  descricao: string;
  ator: string;
  ocorrido_em: Timestamp;
  dados: Json<Record<string, unknown>>;
}

type CivilDate = ColumnType<string, string, string>;

/** A decreed day without expediente; removal is recorded, never deleted. */
export interface DiaDecretadoTable {
  id: Generated<string>;
  data: CivilDate;
  escopo: 'nacional' | 'uf' | 'municipio' | 'unidade';
  uf: string | null;
  municipio: string | null;
  unidade: string | null;
  motivo: string;
  ato_legal: string;
  /** 'sem-expediente' (no expediente) or 'expediente-parcial' (reduced: neither first nor last day of a prazo). */
  tipo: ColumnType<'sem-expediente' | 'expediente-parcial', 'sem-expediente' | 'expediente-parcial' | undefined, 'sem-expediente' | 'expediente-parcial'>;
  criado_por: string;
  criado_em: DefaultedTimestamp;
  removido_por: string | null;
  removido_em: NullableTimestamp;
}

/** A period in which rito itself was unavailable, recorded by an administrator; removal is recorded, never deleted. */
export interface IndisponibilidadeTable {
  id: Generated<string>;
  inicio: Timestamp;
  fim: Timestamp;
  motivo: string;
  registrado_por: string;
  registrado_em: DefaultedTimestamp;
  removido_por: string | null;
  removido_em: NullableTimestamp;
}

/** Every prazo a process has run, kept in step with its workflow (highest versao wins). */
export interface PrazoProcessoTable {
  id: string;
  processo_id: string;
  codigo: string;
  rotulo: string;
  ciencia: CivilDate;
  dias: number;
  uteis: boolean;
  contar_de: string;
  prorrogavel: boolean;
  prorrogado: boolean;
  vencimento: CivilDate;
  limite: Timestamp;
  situacao: 'aberto' | 'cumprido' | 'expirado' | 'encerrado';
  uf: string;
  municipio: string | null;
  unidade: string | null;
  versao: number;
  atualizado_em: DefaultedTimestamp;
}

/** A person who logs in (internal servidor or external representante). */
export interface UsuarioTable {
  id: string;
  email: string;
  nome: string;
  /** argon2id; null until the person sets a password through the invitation e-mail. */
  senha_hash: string | null;
  papeis: string[];
  unidade: string | null;
  /** Matrícula (ID funcional) of a servidor: documents he signs carry it. */
  matricula: string | null;
  /** The servidor's cargo as it goes under his signature ('Inspetora Escolar'); null: the role's. */
  cargo: string | null;
  /** Form of address (Padrão Ofício): 'senhor' | 'senhora'; null: unknown, the neutral form. */
  tratamento: 'senhor' | 'senhora' | null;
  ativo: Generated<boolean>;
  senha_alterada_em: NullableTimestamp;
  criado_por: string;
  criado_em: DefaultedTimestamp;
  atualizado_em: DefaultedTimestamp;
}

/** An external user's mandate for one institution: valid while inicio <= now < fim. */
export interface RepresentacaoTable {
  id: string;
  usuario_id: string;
  instituicao_cnpj: string;
  instituicao_nome: string;
  tipo: 'representante-legal' | 'procurador';
  inicio: Timestamp;
  fim: NullableTimestamp;
  documento: string | null;
  /** SEI numbers a procuração is limited to; null: every process of the institution (api/auth/escopo.ts). */
  processos: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  /** The credenciamento that created it (db/habilitacoes.ts); null: registered by an administrador. */
  habilitacao_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why it ended (art. 19 deactivation, the procuração's expiry). */
  motivo_fim: ColumnType<string | null, string | null | undefined, string | null>;
  criado_por: string;
  criado_em: DefaultedTimestamp;
}

/** A servidor named in a process's Comissão de Vistoria by an Ordem de Serviço. */
export interface DesignacaoComissaoTable {
  id: string;
  processo_id: string;
  usuario_id: string;
  ordem_servico: string;
  inicio: DefaultedTimestamp;
  fim: NullableTimestamp;
  criado_por: string;
  criado_em: DefaultedTimestamp;
}

export interface SessaoTable {
  /** SHA-256 (hex) of the cookie's token: the token itself is never stored. */
  id: string;
  usuario_id: string;
  csrf_token: string;
  criada_em: DefaultedTimestamp;
  expira_em: Timestamp;
  ultimo_uso_em: DefaultedTimestamp;
  encerrada_em: NullableTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface FalhaLoginTable {
  id: Generated<string>;
  email: string;
  ip: string | null;
  ocorrida_em: DefaultedTimestamp;
}

/** Single-use tokens e-mailed to set a password (reset or first access). */
export interface TokenSenhaTable {
  token_hash: string;
  usuario_id: string;
  finalidade: 'redefinicao' | 'convite';
  criado_em: DefaultedTimestamp;
  expira_em: Timestamp;
  usado_em: NullableTimestamp;
}

/** A machine client's API key (shown once; only its SHA-256 is kept). */
export interface ChaveApiTable {
  id: string;
  prefixo: string;
  segredo_hash: string;
  nome: string;
  papeis: string[];
  unidade: string | null;
  instituicoes: string[];
  criada_por: string;
  criada_em: DefaultedTimestamp;
  expira_em: NullableTimestamp;
  revogada_em: NullableTimestamp;
  revogada_por: string | null;
  ultimo_uso_em: NullableTimestamp;
  /** Seed 001: MEC issues a homologação key (tests) and a produção key (db/migrations/2026_11_29_presenca_lotes.ts). */
  ambiente: ColumnType<'homologacao' | 'producao', 'homologacao' | 'producao' | undefined, 'homologacao' | 'producao'>;
  /** The network the key sends for: 'estadual:UF', 'municipal:IBGE', 'escola:INEP' (api/lotes/rede.ts). */
  rede: ColumnType<string | null, string | null | undefined, string | null>;
  /** Addresses or CIDR networks it is accepted from; empty: any. */
  ips_permitidos: ColumnType<string[], string[] | undefined, string[]>;
}

/** A person's iCalendar feed: the SHA-256 of its secret (db/migrations/2026_11_29_agenda.ts). */
export interface AgendaAssinaturaTable {
  id: Generated<string>;
  usuario_id: string;
  segredo_hash: string;
  criada_em: DefaultedTimestamp;
  revogada_em: NullableTimestamp;
  ultimo_uso_em: NullableTimestamp;
}

/** What an audit entry records, the same in the outbox and in the chain. */
interface ColunasEntradaAuditoria {
  ocorrido_em: Timestamp;
  ator_id: string | null;
  ator_nome: string | null;
  ator_papeis: string[];
  origem_ip: string | null;
  user_agent: string | null;
  request_id: string | null;
  /** The client's own X-Request-Id, kept apart from request_id (2026_11_29_trilha_correlacao_idempotencia). */
  correlacao_id: string | null;
  acao: string;
  recurso: string | null;
  recurso_id: string | null;
  processo_id: string | null;
  resumo: string;
  dados: Json<Record<string, unknown>>;
}

/** Append-only, hash-chained audit trail (see migrations/0003_auditoria.ts). */
export interface AuditoriaTable extends ColunasEntradaAuditoria {
  seq: ColumnType<string, string | number, never>;
  hash_anterior: string;
  hash: string;
  /** The entry's id from the outbox (2026_11_30_auditoria_pendente); null for entries chained before it. Not hashed. */
  id: ColumnType<string | null, string | number | null | undefined, never>;
}

/**
 * The audit trail's outbox (2026_11_30_auditoria_pendente): entries committed with their action and not yet
 * chained. `conteudo_antes`/`conteudo_depois`: the entry's canonical JSON around its seq, which the chainer hashes.
 */
export interface AuditoriaPendenteTable extends ColunasEntradaAuditoria {
  id: Generated<string>;
  conteudo_antes: string;
  conteudo_depois: string;
}

/** Numbering counter: last number issued per issuing unit, year and espécie (0005). */
export interface DocumentoNumeracaoTable {
  unidade: string;
  ano: number;
  especie: string;
  ultimo: number;
}

/** A document (ofício or act) rendered from templates/documentos; numbered, never deleted (0005). */
export interface DocumentoTable {
  id: Generated<string>;
  processo_id: string | null;
  tipo: string;
  especie: string;
  numero: number;
  ano: number;
  unidade: string;
  /** 'Ofício nº 12/2026/COOIE-METROPOLITANA I'. */
  identificacao: string;
  assunto: string;
  /** The validated template data, as rendered. */
  dados: Json<Record<string, unknown>>;
  html: string;
  /** SHA-256 (hex) of `html` in UTF-8. */
  sha256: string;
  emitido_em: Timestamp;
  emitido_por: string;
  chave_idempotencia: string;
  requisicao_sha256: string;
  criado_em: DefaultedTimestamp;
}

/** Content of an uploaded file, stored once on disk under its SHA-256 (0005). */
export interface ArquivoConteudoTable {
  sha256: string;
  /** bigint: arrives as a string. */
  tamanho: ColumnType<string, number | string, never>;
  tipo_mime: string;
  criado_em: DefaultedTimestamp;
}

/** One upload: metadata pointing at its content (0005). */
export interface ArquivoTable {
  id: Generated<string>;
  sha256: string;
  nome_original: string;
  processo_id: string | null;
  enviado_por: string;
  enviado_em: DefaultedTimestamp;
}

/** A decision a unit owes on a process, with its deadline (rules/ritos: DefinicaoRito.prazoTarefa). */
export interface TarefaTable {
  id: string;
  processo_id: string;
  fase: string;
  /** The rite's actor who must decide (cooie, comissao, coogie for the vistoria). */
  responsavel: string;
  descricao: string;
  aberta_em: Timestamp;
  /** 23:59:59 (Brasília) of the last day. */
  limite: Timestamp;
  situacao: 'aberta' | 'concluida';
  concluida_em: NullableTimestamp;
}

/** One change of a prazo: its opening, a prorrogação, a decreed day, its end. */
export interface PrazoAlteracaoTable {
  prazo_id: string;
  versao: number;
  processo_id: string;
  em: Timestamp;
  motivo: string;
  limite: Timestamp;
  vencimento: string;
  situacao: string;
}

/** A workflow side effect that keeps failing, for the administrator (activities/falhas.ts). */
export interface AlertaOperacaoTable {
  id: Generated<string>;
  chave: string;
  processo_id: string | null;
  atividade: string;
  /** true: a retry cannot fix it (PostgreSQL refused the data); false: still being retried. */
  definitivo: boolean;
  tentativas: number;
  erro: string;
  primeira_em: DefaultedTimestamp;
  ultima_em: DefaultedTimestamp;
  resolvido_em: NullableTimestamp;
}

/** Request counts of the rate limit (api/plugins/limites.ts): one row per key and window. */
export interface LimiteRequisicaoTable {
  chave: string;
  contagem: number;
  expira_em: Date;
}

/** A unit that conducts processes (COOIE, COOGIE); `chave` is what processes and accounts write in `unidade`. */
export interface UnidadeTable {
  chave: string;
  nome: string;
  sigla: string;
  tipo: 'cooie' | 'coogie';
  uf: string;
  sede_municipio: string | null;
  sede_municipio_nome: string | null;
  endereco: string | null;
  email: string | null;
  telefone: string | null;
  vigente_desde: ColumnType<string | null, string | null | undefined, string | null>;
  fonte: string;
  criado_por: string;
  criado_em: DefaultedTimestamp;
  atualizado_por: string;
  atualizado_em: DefaultedTimestamp;
}

/** A municipal holiday kept by administrators (issue 11); removal is recorded, never deleted. */
export interface FeriadoMunicipalTable {
  id: Generated<string>;
  municipio: string;
  municipio_nome: string;
  uf: string;
  dia: string | null;
  pascoa: number | null;
  nome: string;
  ato_legal: string;
  desde: ColumnType<string | null, string | null | undefined, string | null>;
  ate: ColumnType<string | null, string | null | undefined, string | null>;
  fonte: string;
  criado_por: string;
  criado_em: DefaultedTimestamp;
  atualizado_por: string;
  atualizado_em: DefaultedTimestamp;
  removido_por: string | null;
  removido_em: NullableTimestamp;
}

/** A minute in which some API instance was up (rito's own health record). */
export interface BatimentoTable {
  minuto: Timestamp;
}

/** A member of an institution's registered ETAP (db/etap.ts). */
export interface EtapMembroTable {
  id: Generated<string>;
  instituicao_cnpj: string;
  codigo_inep: string;
  funcao: string;
  nome: string;
  desde: string;
  ate: string | null;
  processo_id: string;
  ato: string;
  registrado_em: DefaultedTimestamp;
}

/** Who maintains a school, over time (db/mantenedoras.ts). */
export interface InstituicaoMantenedoraTable {
  id: Generated<string>;
  codigo_inep: string;
  cnpj: string;
  nome: string;
  desde: string | null;
  ate: string | null;
  ato: string;
  processo_id: string;
  registrado_em: DefaultedTimestamp;
}

/** Whether a school offers EAD, from when, under which act (db/rga.ts); a change is a new row. */
export interface InstituicaoEadTable {
  id: Generated<string>;
  codigo_inep: string;
  ead: boolean;
  desde: string;
  ato: string;
  registrado_por: string;
  registrado_em: DefaultedTimestamp;
}

/** An RGA delivered for a month (db/rga.ts). */
export interface RgaEntregaTable {
  id: Generated<string>;
  codigo_inep: string;
  ano: number;
  mes: number;
  arquivo_id: string;
  sha256: string;
  nome_arquivo: string;
  entregue_em: Timestamp;
  entregue_por: string;
}

/** A school (unidade de ensino) by its Código INEP: where an operador escolar is bound (db/unidades-ensino.ts). */
export interface UnidadeEnsinoTable {
  codigo_inep: string;
  nome: string;
  uf: string;
  municipio: string;
  municipio_nome: string | null;
  dependencia: string | null;
  fonte: string;
  atualizado_por: string;
  atualizado_em: DefaultedTimestamp;
}

/** One pedido de habilitação of a Sistema Presença profile, and the profile once enabled (db/habilitacoes.ts). */
export interface HabilitacaoTable {
  id: string;
  perfil: string;
  usuario_id: string;
  nome: string;
  cpf: string;
  email: string;
  telefone: string | null;
  cargo: string | null;
  uf: string;
  municipio: string | null;
  codigo_inep: string | null;
  lugar: string;
  habilitador: string;
  fase: string;
  situacao: Generated<'pedido' | 'ativo' | 'substituido' | 'excluido' | 'recusado' | 'desativado' | 'vencido'>;
  protocolado_em: Timestamp;
  prazo_analise: NullableTimestamp;
  atrasado: Generated<boolean>;
  documentos: ColumnType<DocumentoHabilitacao[], string | undefined, string>;
  termo_aceito_em: NullableTimestamp;
  termo_sha256: string | null;
  habilitado_por: string | null;
  habilitado_por_nome: string | null;
  habilitado_em: NullableTimestamp;
  encerrado_em: NullableTimestamp;
  encerrado_por: string | null;
  motivo_encerramento: string | null;
  substituido_por: string | null;
  acesso_hash: string | null;
  acesso_expira_em: NullableTimestamp;
  /** Credenciamento of an external user only (rules/habilitacao/credenciamento.ts DadosRepresentacao). */
  representacao: ColumnType<DadosRepresentacao | null, string | null | undefined, string | null>;
  versao: Generated<number>;
  criado_em: DefaultedTimestamp;
  atualizado_em: DefaultedTimestamp;
}

/** A document a pedido de habilitação carries: the stored file (arquivo) and what it proves. */
export interface DocumentoHabilitacao {
  tipo: string;
  arquivoId: string;
  sha256: string;
  nomeOriginal: string;
  enviadoEm: string;
}

export interface HabilitacaoEventoTable {
  id: Generated<string>;
  habilitacao_id: string;
  seq: number;
  tipo: string;
  descricao: string;
  ator: string;
  ator_nome: string;
  em: Timestamp;
  dados: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** A student of the attendance follow-up (personal data: LGPD). */
export interface EstudanteTable {
  id: Generated<string>;
  cpf: string | null;
  nis: string | null;
  nome: string;
  data_nascimento: ColumnType<string, string, string>;
  educacao_basica_concluida: Generated<boolean>;
  criado_em: DefaultedTimestamp;
  atualizado_em: DefaultedTimestamp;
}

export interface MatriculaTable {
  id: Generated<string>;
  estudante_id: string;
  codigo_inep: string;
  ano: number;
  etapa: string | null;
  turma: string | null;
  situacao: Generated<'ativa' | 'transferida' | 'concluida' | 'abandono' | 'obito'>;
  inicio: ColumnType<string, string, string>;
  fim: ColumnType<string | null, string | null | undefined, string | null>;
  destino_inep: string | null;
  atualizado_em: DefaultedTimestamp;
}

export interface FrequenciaMensalTable {
  estudante_id: string;
  codigo_inep: string;
  mes: string;
  dias_letivos: number;
  presencas: number;
  lote_id: string | null;
  atualizado_em: DefaultedTimestamp;
}

/** A period's registration window as published (db/migrations/2026_11_29_presenca_frequencia_janelas.ts). */
export interface JanelaRegistroFrequenciaTable {
  ano: number;
  periodo: number;
  inicio: ColumnType<string, string, string>;
  fim: ColumnType<string, string, string>;
  fonte: string;
  definido_por: string;
  definido_em: DefaultedTimestamp;
}

/** A student's month judged against the minimum of his age (rules/frequencia/minimo.ts). */
export interface ApuracaoFrequenciaTable {
  estudante_id: string;
  codigo_inep: string;
  mes: string;
  dias_letivos: number;
  presencas: number;
  /** numeric(4,1): pg returns it as text. */
  percentual: ColumnType<string | null, number | null, number | null>;
  minimo: number | null;
  abaixo: boolean;
  faixa: string | null;
  explicacao: string;
  apurado_em: DefaultedTimestamp;
}

/** One version of the official list of motivos de baixa frequência (rules/frequencia/motivos.ts). */
export interface MotivoFrequenciaVersaoTable {
  versao: Generated<number>;
  vigente_desde: ColumnType<string, string, string>;
  fonte: string;
  motivos: ColumnType<{ codigo: string; descricao: string }[], string, string>;
  importado_por: string;
  importado_em: DefaultedTimestamp;
}

export interface MotivoFrequenciaRegistroTable {
  estudante_id: string;
  codigo_inep: string;
  ano: number;
  periodo: number;
  motivo_codigo: string;
  motivo_versao: number;
  registrado_por: string;
  registrado_em: DefaultedTimestamp;
}

/** Read model of one student's follow-up case (workflows/frequencia). */
export interface CasoFrequenciaTable {
  id: string;
  estudante_id: string;
  codigo_inep: string;
  uf: string;
  municipio: string;
  mes_abertura: string;
  aberto_em: Timestamp;
  situacao: Generated<'aberto' | 'encerrado'>;
  etapa: string;
  prazo_etapa: NullableTimestamp;
  atrasado: Generated<boolean>;
  escalado: Generated<boolean>;
  meses_abaixo: ColumnType<string[], string[] | undefined, string[]>;
  encerramento: string | null;
  encerrado_em: NullableTimestamp;
  destino_inep: string | null;
  versao: Generated<number>;
  criado_em: DefaultedTimestamp;
  atualizado_em: DefaultedTimestamp;
}

export interface CasoFrequenciaEventoTable {
  id: Generated<string>;
  caso_id: string;
  seq: number;
  tipo: string;
  descricao: string;
  ator: string;
  ator_nome: string;
  em: Timestamp;
  dados: ColumnType<Record<string, unknown>, string | undefined, string>;
}

/** A município's own deadlines for the steps of a case (rules/frequencia/caso.ts PrazosCaso). */
export interface CasoFrequenciaPrazosTable {
  municipio: string;
  prazos: ColumnType<Record<string, number>, string, string>;
  fonte: string;
  definido_por: string;
  definido_em: DefaultedTimestamp;
}

/** A lote received by the batch API (db/lotes.ts). */
export interface LoteTable {
  id: string;
  tipo: string;
  ambiente: 'homologacao' | 'producao';
  rede: string;
  ator_id: string;
  ator_nome: string;
  formato: 'json' | 'csv';
  hash: string;
  status: 'recebido' | 'validando' | 'processando' | 'concluido' | 'concluido-com-erros' | 'falhou';
  total: number;
  com_erro: Generated<number>;
  aplicados: Generated<number>;
  falha: string | null;
  recebido_em: DefaultedTimestamp;
  iniciado_em: NullableTimestamp;
  concluido_em: NullableTimestamp;
}

export interface LoteErroTable {
  lote_id: string;
  posicao: number;
  campo: string;
  codigo: string;
  mensagem: string;
  etapa: 'recebimento' | 'validacao';
}

/** The school-months a frequências lote changed, for the apuração (db/lotes.ts aplicarLote). */
export interface ApuracaoPendenteTable {
  codigo_inep: string;
  mes: string;
  lote_id: string;
  criado_em: DefaultedTimestamp;
}

export interface Database {
  lote: LoteTable;
  lote_erro: LoteErroTable;
  apuracao_pendente: ApuracaoPendenteTable;
  apuracao_frequencia: ApuracaoFrequenciaTable;
  motivo_frequencia_versao: MotivoFrequenciaVersaoTable;
  motivo_frequencia_registro: MotivoFrequenciaRegistroTable;
  caso_frequencia: CasoFrequenciaTable;
  caso_frequencia_evento: CasoFrequenciaEventoTable;
  caso_frequencia_prazos: CasoFrequenciaPrazosTable;
  janela_registro_frequencia: JanelaRegistroFrequenciaTable;
  estudante: EstudanteTable;
  matricula: MatriculaTable;
  frequencia_mensal: FrequenciaMensalTable;
  unidade_ensino: UnidadeEnsinoTable;
  habilitacao: HabilitacaoTable;
  habilitacao_evento: HabilitacaoEventoTable;
  instituicao_ead: InstituicaoEadTable;
  rga_entrega: RgaEntregaTable;
  instituicao_mantenedora: InstituicaoMantenedoraTable;
  etap_membro: EtapMembroTable;
  unidade: UnidadeTable;
  batimento: BatimentoTable;
  feriado_municipal: FeriadoMunicipalTable;
  indisponibilidade: IndisponibilidadeTable;
  processo: ProcessoTable;
  processo_evento: ProcessoEventoTable;
  dia_decretado: DiaDecretadoTable;
  prazo_processo: PrazoProcessoTable;
  usuario: UsuarioTable;
  representacao: RepresentacaoTable;
  designacao_comissao: DesignacaoComissaoTable;
  sessao: SessaoTable;
  falha_login: FalhaLoginTable;
  token_senha: TokenSenhaTable;
  chave_api: ChaveApiTable;
  agenda_assinatura: AgendaAssinaturaTable;
  auditoria: AuditoriaTable;
  auditoria_pendente: AuditoriaPendenteTable;
  documento_numeracao: DocumentoNumeracaoTable;
  documento: DocumentoTable;
  arquivo_conteudo: ArquivoConteudoTable;
  arquivo: ArquivoTable;
  alerta_operacao: AlertaOperacaoTable;
  tarefa: TarefaTable;
  prazo_alteracao: PrazoAlteracaoTable;
  limite_requisicao: LimiteRequisicaoTable;
}

export type Processo = Selectable<ProcessoTable>;
export type Unidade = Selectable<UnidadeTable>;
export type NovoProcesso = Insertable<ProcessoTable>;
export type ProcessoUpdate = Updateable<ProcessoTable>;
export type ProcessoEvento = Selectable<ProcessoEventoTable>;
export type Usuario = Selectable<UsuarioTable>;
export type Representacao = Selectable<RepresentacaoTable>;
export type ChaveApi = Selectable<ChaveApiTable>;
export type Auditoria = Selectable<AuditoriaTable>;
export type Documento = Selectable<DocumentoTable>;
export type Arquivo = Selectable<ArquivoTable>;

export type AlertaOperacao = Selectable<AlertaOperacaoTable>;
export type Tarefa = Selectable<TarefaTable>;
export type PrazoAlteracao = Selectable<PrazoAlteracaoTable>;
