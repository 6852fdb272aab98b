/**
 * The 27 federative units (26 states + Distrito Federal) with their IBGE codes — the two
 * digits that open every IBGE município code (e.g. 33 in 3304557, Rio de Janeiro).
 */
import { type ResultadoValidacao, exigirValido, falha, ok } from './comum';

export const UFS = [
  { sigla: 'RO', nome: 'Rondônia', codigoIbge: '11', regiao: 'Norte' },
  { sigla: 'AC', nome: 'Acre', codigoIbge: '12', regiao: 'Norte' },
  { sigla: 'AM', nome: 'Amazonas', codigoIbge: '13', regiao: 'Norte' },
  { sigla: 'RR', nome: 'Roraima', codigoIbge: '14', regiao: 'Norte' },
  { sigla: 'PA', nome: 'Pará', codigoIbge: '15', regiao: 'Norte' },
  { sigla: 'AP', nome: 'Amapá', codigoIbge: '16', regiao: 'Norte' },
  { sigla: 'TO', nome: 'Tocantins', codigoIbge: '17', regiao: 'Norte' },
  { sigla: 'MA', nome: 'Maranhão', codigoIbge: '21', regiao: 'Nordeste' },
  { sigla: 'PI', nome: 'Piauí', codigoIbge: '22', regiao: 'Nordeste' },
  { sigla: 'CE', nome: 'Ceará', codigoIbge: '23', regiao: 'Nordeste' },
  { sigla: 'RN', nome: 'Rio Grande do Norte', codigoIbge: '24', regiao: 'Nordeste' },
  { sigla: 'PB', nome: 'Paraíba', codigoIbge: '25', regiao: 'Nordeste' },
  { sigla: 'PE', nome: 'Pernambuco', codigoIbge: '26', regiao: 'Nordeste' },
  { sigla: 'AL', nome: 'Alagoas', codigoIbge: '27', regiao: 'Nordeste' },
  { sigla: 'SE', nome: 'Sergipe', codigoIbge: '28', regiao: 'Nordeste' },
  { sigla: 'BA', nome: 'Bahia', codigoIbge: '29', regiao: 'Nordeste' },
  { sigla: 'MG', nome: 'Minas Gerais', codigoIbge: '31', regiao: 'Sudeste' },
  { sigla: 'ES', nome: 'Espírito Santo', codigoIbge: '32', regiao: 'Sudeste' },
  { sigla: 'RJ', nome: 'Rio de Janeiro', codigoIbge: '33', regiao: 'Sudeste' },
  { sigla: 'SP', nome: 'São Paulo', codigoIbge: '35', regiao: 'Sudeste' },
  { sigla: 'PR', nome: 'Paraná', codigoIbge: '41', regiao: 'Sul' },
  { sigla: 'SC', nome: 'Santa Catarina', codigoIbge: '42', regiao: 'Sul' },
  { sigla: 'RS', nome: 'Rio Grande do Sul', codigoIbge: '43', regiao: 'Sul' },
  { sigla: 'MS', nome: 'Mato Grosso do Sul', codigoIbge: '50', regiao: 'Centro-Oeste' },
  { sigla: 'MT', nome: 'Mato Grosso', codigoIbge: '51', regiao: 'Centro-Oeste' },
  { sigla: 'GO', nome: 'Goiás', codigoIbge: '52', regiao: 'Centro-Oeste' },
  { sigla: 'DF', nome: 'Distrito Federal', codigoIbge: '53', regiao: 'Centro-Oeste' },
] as const;

export type Uf = (typeof UFS)[number];
export type SiglaUf = Uf['sigla'];
export type CodigoIbgeUf = Uf['codigoIbge'];

/** The 27 siglas, for z.enum and the like. */
export const SIGLAS_UF = UFS.map((u) => u.sigla) as unknown as readonly [SiglaUf, ...SiglaUf[]];

/** Trims and uppercases; does not validate. ' rj ' → 'RJ'. */
export function normalizarUf(valor: string): string {
  return valor.trim().toUpperCase();
}

export function isUf(valor: string): valor is SiglaUf {
  return UFS.some((u) => u.sigla === valor);
}

export function validarUf(valor: string): ResultadoValidacao {
  const v = normalizarUf(valor);
  if (v === '') return falha('vazio', 'UF não informada');
  if (!/^[A-Z]{2}$/.test(v)) return falha('formato', 'UF deve ser a sigla de 2 letras (ex.: RJ)');
  if (!isUf(v)) return falha('uf', `UF inválida: ${v} não é uma das 27 unidades da federação`);
  return ok(v);
}

export function isUfValida(valor: string): boolean {
  return validarUf(valor).valido;
}

/** Sigla → full record; throws IdentificadorInvalidoError for an unknown sigla. */
export function dadosDaUf(sigla: string): Uf {
  const v = exigirValido('UF', validarUf(sigla));
  return UFS.find((u) => u.sigla === v)!;
}

/** IBGE code of a UF: 'RJ' → '33'. */
export function codigoIbgeDaUf(sigla: string): CodigoIbgeUf {
  return dadosDaUf(sigla).codigoIbge;
}

/** UF of an IBGE UF code ('33' or 33 → 'RJ'); undefined when no UF has that code. */
export function ufPorCodigoIbge(codigo: string | number): SiglaUf | undefined {
  const c = String(codigo).trim();
  return UFS.find((u) => u.codigoIbge === c)?.sigla;
}
