/**
 * Who sees which students of the attendance follow-up (LGPD, Lei 13.709/2018
 * art. 6º III, necessidade; Portaria Interministerial MEC/MC nº 3/2022 art. 12:
 * "observado o sigilo e a proteção dos dados"): by name only where the work is
 * done — the operador escolar his school's (art. 8º), the coordenação municipal
 * (coordenador and auxiliares) its município's (art. 7º I a–b, § 1º); the state
 * coordination analyses consolidated data (art. 6º I j) and so sees counts, never
 * names, as do MEC, the administrador and the supervisor. Pure: API and pages share it.
 */
import type { PerfilAtivo } from '../habilitacao/escopo';

export interface EscopoFrequencia {
  /** Schools (INEP) and municípios (IBGE) whose students the caller sees by name. */
  escolas: string[];
  municipios: string[];
  /** UFs whose counts the caller sees; 'todas' for the national roles. */
  agregado: string[] | 'todas';
}

const NACIONAIS = ['mec', 'administrador', 'supervisor'];

export function escopoFrequencia(a: { papeis: readonly string[]; perfis: readonly PerfilAtivo[] }): EscopoFrequencia {
  const escolas = a.perfis.filter((p) => p.perfil === 'operador-escolar' && p.codigoInep).map((p) => p.codigoInep!);
  const municipios = a.perfis.filter((p) => (p.perfil === 'coordenador-municipal' || p.perfil === 'auxiliar-municipal') && p.municipio).map((p) => p.municipio!);
  const ufs = a.perfis.filter((p) => p.perfil === 'coordenador-estadual' || p.perfil === 'auxiliar-estadual').map((p) => p.uf);
  return { escolas, municipios, agregado: a.papeis.some((p) => NACIONAIS.includes(p)) ? 'todas' : ufs };
}

/** Whether the caller sees this school's students by name. */
export function vePorNome(e: EscopoFrequencia, escola: { codigoInep: string; municipio: string }): boolean {
  return e.escolas.includes(escola.codigoInep) || e.municipios.includes(escola.municipio);
}

export function temVisaoNominal(e: EscopoFrequencia): boolean {
  return e.escolas.length > 0 || e.municipios.length > 0;
}
