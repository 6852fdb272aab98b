/**
 * The records of each kind of lote (MEC Gestão Presente API, seed 001: estudantes,
 * matrículas and their movements, frequências) and the checks a record passes on
 * its own, before the database is asked anything: identifiers (CPF, NIS, INEP),
 * dates, the month's dias letivos. One record's errors never stop another's.
 *
 * Field names are the JSON keys and, the same, the CSV header (any order, any case).
 * Messages are pt-BR and never repeat the record's CPF, NIS or name: they are
 * listed to whoever reads the lote's errors, and logs may carry them.
 */
import { diasNoMes } from '../calendario/datas';
import { validarCodigoInep, validarCpf, validarNis } from '../identificadores';

export const TIPOS_LOTE = ['estudantes', 'estudantes-atualizacao', 'matriculas', 'movimentacoes', 'frequencias'] as const;
export type TipoLote = (typeof TIPOS_LOTE)[number];

/** Seed 001's movements of a matrícula ("Movimentar matrículas em lote", "Reativação de matrícula"). */
export const MOVIMENTOS = ['transferencia', 'conclusao', 'abandono', 'obito', 'reativacao'] as const;
export type Movimento = (typeof MOVIMENTOS)[number];

/** The situação of the matrícula after each movement (db/migrations/2026_11_29_presenca_frequencia.ts). */
export const SITUACAO_APOS: Record<Movimento, 'transferida' | 'concluida' | 'abandono' | 'obito' | 'ativa'> = {
  transferencia: 'transferida',
  conclusao: 'concluida',
  abandono: 'abandono',
  obito: 'obito',
  reativacao: 'ativa',
};

type TipoCampo = 'cpf' | 'nis' | 'inep' | 'texto' | 'data' | 'ano' | 'mes' | 'inteiro' | 'booleano' | 'movimento';

export interface Campo {
  /** JSON key and CSV column. */
  nome: string;
  /** Column of the staging table (db/migrations/2026_11_29_presenca_lotes.ts). */
  coluna: string;
  tipo: TipoCampo;
  obrigatorio?: boolean;
  max?: number;
  descricao: string;
}

const CPF: Campo = { nome: 'cpf', coluna: 'cpf', tipo: 'cpf', descricao: 'CPF do estudante (11 dígitos; com ou sem pontuação). Informe o CPF ou o NIS.' };
const NIS: Campo = { nome: 'nis', coluna: 'nis', tipo: 'nis', descricao: 'NIS do estudante (11 dígitos). Informe o CPF ou o NIS.' };
const INEP: Campo = { nome: 'inep', coluna: 'codigo_inep', tipo: 'inep', obrigatorio: true, descricao: 'Código INEP da escola (8 dígitos), cadastrada no rito' };
const ANO: Campo = { nome: 'ano', coluna: 'ano', tipo: 'ano', obrigatorio: true, descricao: 'Ano letivo da matrícula' };

export const CAMPOS: Record<TipoLote, readonly Campo[]> = {
  estudantes: [
    CPF,
    NIS,
    { nome: 'nome', coluna: 'nome', tipo: 'texto', obrigatorio: true, max: 200, descricao: 'Nome completo' },
    { nome: 'dataNascimento', coluna: 'data_nascimento', tipo: 'data', obrigatorio: true, descricao: 'AAAA-MM-DD' },
    { nome: 'educacaoBasicaConcluida', coluna: 'educacao_basica_concluida', tipo: 'booleano', descricao: 'true/false (padrão false)' },
  ],
  'estudantes-atualizacao': [
    CPF,
    NIS,
    { nome: 'nome', coluna: 'nome', tipo: 'texto', max: 200, descricao: 'Nome completo (vazio: não muda)' },
    { nome: 'dataNascimento', coluna: 'data_nascimento', tipo: 'data', descricao: 'AAAA-MM-DD (vazio: não muda)' },
    { nome: 'educacaoBasicaConcluida', coluna: 'educacao_basica_concluida', tipo: 'booleano', descricao: 'true/false (vazio: não muda)' },
  ],
  matriculas: [
    CPF,
    NIS,
    INEP,
    ANO,
    { nome: 'etapa', coluna: 'etapa', tipo: 'texto', max: 40, descricao: 'Etapa/série, como a rede a registra (ex.: EF-5)' },
    { nome: 'turma', coluna: 'turma', tipo: 'texto', max: 40, descricao: 'Turma' },
    { nome: 'dataInicio', coluna: 'inicio', tipo: 'data', obrigatorio: true, descricao: 'Início da matrícula, AAAA-MM-DD' },
  ],
  movimentacoes: [
    CPF,
    NIS,
    INEP,
    ANO,
    { nome: 'tipo', coluna: 'tipo', tipo: 'movimento', obrigatorio: true, descricao: `Movimento: ${MOVIMENTOS.join(', ')}` },
    { nome: 'data', coluna: 'data', tipo: 'data', obrigatorio: true, descricao: 'Data do movimento, AAAA-MM-DD' },
    { nome: 'inepDestino', coluna: 'destino_inep', tipo: 'inep', descricao: 'Escola de destino (obrigatório na transferência)' },
  ],
  frequencias: [
    CPF,
    NIS,
    INEP,
    { nome: 'mes', coluna: 'mes', tipo: 'mes', obrigatorio: true, descricao: 'Mês apurado, AAAA-MM' },
    { nome: 'diasLetivos', coluna: 'dias_letivos', tipo: 'inteiro', obrigatorio: true, descricao: 'Dias letivos do mês no calendário da escola (art. 2º § 1º): de 0 aos dias do mês' },
    { nome: 'presencas', coluna: 'presencas', tipo: 'inteiro', obrigatorio: true, descricao: 'Dias de presença do estudante: de 0 aos dias letivos' },
  ],
};

/** PostgreSQL array type of each field's column, for the UNNEST that loads the staging table. */
export const TIPO_PG: Record<TipoCampo, string> = {
  cpf: 'text',
  nis: 'text',
  inep: 'text',
  texto: 'text',
  movimento: 'text',
  mes: 'text',
  data: 'date',
  ano: 'int4',
  inteiro: 'int4',
  booleano: 'bool',
};

export interface ErroRegistro {
  campo: string;
  codigo: string;
  mensagem: string;
}

export type Valor = string | number | boolean | null;

const E = (campo: string, codigo: string, mensagem: string): ErroRegistro => ({ campo, codigo, mensagem });

/** Today in Brasília, for "not in the future" checks. */
export interface Hoje {
  ano: number;
  mes: number;
  /** YYYY-MM-DD */
  data: string;
}

const RE_DATA = /^(\d{4})-(\d{2})-(\d{2})$/;
const RE_MES = /^(\d{4})-(\d{2})$/;
const VERDADEIRO = new Set(['true', 'sim', 's', '1']);
const FALSO = new Set(['false', 'nao', 'não', 'n', '0']);
/** No rito record predates the Portaria's predecessors; a year before this is a typo. */
const ANO_MINIMO = 2000;

function dataValida(v: string): boolean {
  const m = RE_DATA.exec(v);
  if (!m) return false;
  const [a, me, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return a >= 1900 && me >= 1 && me <= 12 && d >= 1 && d <= diasNoMes(a, me);
}

/** Index of each field in CAMPOS[tipo], by name. */
const INDICE: Record<TipoLote, Record<string, number>> = Object.fromEntries(
  TIPOS_LOTE.map((t) => [t, Object.fromEntries(CAMPOS[t].map((c, i) => [c.nome, i]))]),
) as Record<TipoLote, Record<string, number>>;

/**
 * One record's values in the order of CAMPOS[tipo], typed for the staging table,
 * and the errors of the record itself. `textos` holds each field's text in the
 * order of CAMPOS[tipo] ('' = absent). Runs once per record of lotes of a
 * million: no closure or look-up by name per field.
 */
export function conferirRegistro(tipo: TipoLote, textos: readonly string[], hoje: Hoje): { valores: Valor[]; erros: ErroRegistro[] } {
  const campos = CAMPOS[tipo];
  const indice = INDICE[tipo];
  const valores: Valor[] = new Array(campos.length);
  const erros: ErroRegistro[] = [];
  for (let i = 0; i < campos.length; i++) {
    const c = campos[i];
    const v = textos[i];
    valores[i] = null;
    if (v === '') {
      if (c.obrigatorio) erros.push(E(c.nome, 'obrigatorio', `${c.nome}: campo obrigatório`));
      continue;
    }
    switch (c.tipo) {
      case 'cpf':
      case 'nis':
      case 'inep': {
        const r = c.tipo === 'cpf' ? validarCpf(v) : c.tipo === 'nis' ? validarNis(v) : validarCodigoInep(v);
        if (r.valido) valores[i] = r.valor;
        else erros.push(E(c.nome, `${c.tipo}-invalido`, `${c.nome}: ${r.mensagem}`));
        break;
      }
      case 'texto':
        if (c.max && v.length > c.max) erros.push(E(c.nome, 'muito-longo', `${c.nome}: no máximo ${c.max} caracteres`));
        else valores[i] = v;
        break;
      case 'data':
        if (!dataValida(v)) erros.push(E(c.nome, 'data-invalida', `${c.nome}: informe uma data existente no formato AAAA-MM-DD`));
        else if (v > hoje.data) erros.push(E(c.nome, 'data-futura', `${c.nome}: a data não pode ser futura`));
        else valores[i] = v;
        break;
      case 'ano': {
        const n = /^\d{4}$/.test(v) ? Number(v) : NaN;
        if (!(n >= ANO_MINIMO && n <= hoje.ano + 1)) erros.push(E(c.nome, 'ano-invalido', `${c.nome}: informe um ano de ${ANO_MINIMO} a ${hoje.ano + 1}`));
        else valores[i] = n;
        break;
      }
      case 'mes': {
        const m = RE_MES.exec(v);
        const a = m ? Number(m[1]) : 0;
        const me = m ? Number(m[2]) : 0;
        if (!m || me < 1 || me > 12 || a < ANO_MINIMO) erros.push(E(c.nome, 'mes-invalido', `${c.nome}: informe o mês no formato AAAA-MM`));
        else if (a * 12 + me > hoje.ano * 12 + hoje.mes) erros.push(E(c.nome, 'mes-futuro', `${c.nome}: o mês ${v} ainda não começou`));
        else valores[i] = v;
        break;
      }
      case 'inteiro':
        if (!/^\d{1,4}$/.test(v)) erros.push(E(c.nome, 'inteiro-invalido', `${c.nome}: informe um número inteiro não negativo`));
        else valores[i] = Number(v);
        break;
      case 'booleano': {
        const l = v.toLowerCase();
        if (VERDADEIRO.has(l)) valores[i] = true;
        else if (FALSO.has(l)) valores[i] = false;
        else erros.push(E(c.nome, 'booleano-invalido', `${c.nome}: informe true ou false`));
        break;
      }
      case 'movimento':
        if ((MOVIMENTOS as readonly string[]).includes(v)) valores[i] = v;
        else erros.push(E(c.nome, 'movimento-invalido', `${c.nome}: informe um de ${MOVIMENTOS.join(', ')}`));
        break;
    }
  }
  // CPF and NIS are the first two fields of every kind.
  if (textos[0] === '' && textos[1] === '') erros.push(E('cpf', 'identificacao-ausente', 'informe o CPF ou o NIS do estudante'));
  if (tipo === 'frequencias') conferirDiasLetivos(valores, erros);
  if (tipo === 'movimentacoes') {
    const [, , inep, , mov, , destino] = valores;
    if (mov === 'transferencia' && textos[indice.inepDestino] === '') erros.push(E('inepDestino', 'obrigatorio', 'inepDestino: obrigatório na transferência'));
    if (mov !== 'transferencia' && textos[indice.inepDestino] !== '') erros.push(E('inepDestino', 'destino-sem-transferencia', 'inepDestino: só se informa na transferência'));
    if (destino !== null && destino === inep) erros.push(E('inepDestino', 'destino-igual-origem', 'inepDestino: a escola de destino é a própria escola'));
  }
  if (tipo === 'estudantes-atualizacao' && valores.slice(2).every((v) => v === null) && (textos[0] === '' || textos[1] === '')) {
    erros.push(E('nome', 'nada-a-atualizar', 'informe ao menos um dado a atualizar (nome, dataNascimento, educacaoBasicaConcluida ou o outro identificador)'));
  }
  return { valores, erros };
}

/**
 * Dias letivos between 0 and the days of the month; presenças up to the dias letivos
 * (Portaria Interministerial MEC/MC nº 3/2022 art. 2º § 1º: the índice is computed over the dias letivos).
 */
function conferirDiasLetivos(valores: Valor[], erros: ErroRegistro[]): void {
  const [, , , mes, dias, presencas] = valores as [unknown, unknown, unknown, string | null, number | null, number | null];
  if (mes !== null && dias !== null) {
    const limite = diasNoMes(Number(mes.slice(0, 4)), Number(mes.slice(5, 7)));
    if (dias > limite) {
      erros.push(E('diasLetivos', 'dias-letivos-acima-do-mes', `diasLetivos: ${dias} dias letivos, mas ${mes} tem ${limite} dias`));
      valores[4] = null;
    }
  }
  if (valores[4] !== null && presencas !== null && presencas > (valores[4] as number)) {
    erros.push(E('presencas', 'presencas-acima-dos-dias-letivos', `presencas: ${presencas} presenças, acima dos ${valores[4]} dias letivos`));
  }
}

/** Text of a JSON value as a CSV cell would carry it ('' = absent). */
export function textoDe(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  // An object or array where a value belongs: keep something no check accepts.
  return '[valor composto]';
}
