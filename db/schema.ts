/** Kysely's view of rito's tables. Migrations in ./migrations are the source of truth. */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null, Date | string | null>;
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

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
  /** Workflow-side sequence of the last applied snapshot: older snapshots never overwrite newer ones. */
  versao: number;
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
  criado_por: string;
  criado_em: DefaultedTimestamp;
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

export interface Database {
  processo: ProcessoTable;
  processo_evento: ProcessoEventoTable;
  dia_decretado: DiaDecretadoTable;
  prazo_processo: PrazoProcessoTable;
}

export type Processo = Selectable<ProcessoTable>;
export type NovoProcesso = Insertable<ProcessoTable>;
export type ProcessoUpdate = Updateable<ProcessoTable>;
export type ProcessoEvento = Selectable<ProcessoEventoTable>;
