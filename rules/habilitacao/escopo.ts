/**
 * Who may see and who may decide a pedido de habilitação. A coordinator acts on
 * his UF or município, never beyond it (seed 000: each level enables the
 * profiles under it; Portaria Interministerial MEC/MC nº 3/2022 arts. 6º–7º);
 * MEC on every UF. Pure, so the API's check and the pages' are one.
 */
import { definicaoDoPerfil, type Habilitador, type PerfilPedido, type PerfilPresenca } from './perfis';

/** A profile the actor holds now. */
export interface PerfilAtivo {
  perfil: PerfilPresenca;
  uf: string;
  municipio: string | null;
  codigoInep: string | null;
}

export interface QuemAge {
  papeis: readonly string[];
  perfis: readonly PerfilAtivo[];
}

export interface PedidoNoLugar {
  perfil: PerfilPedido;
  uf: string;
  municipio: string | null;
  usuarioId?: string;
}

/** The roles that see every UF's pedidos and profiles. */
const NACIONAIS = ['mec', 'administrador', 'supervisor'] as const;

/** Whether `a` is the level that enables `p` (and so may also exclude it). */
export function podeDecidir(a: QuemAge, p: PedidoNoLugar): boolean {
  const h: Habilitador = definicaoDoPerfil(p.perfil).habilitadoPor;
  if (h === 'mec') return a.papeis.includes('mec');
  if (h === 'administrador') return a.papeis.includes('administrador');
  if (h === 'coordenador-estadual') return a.perfis.some((x) => x.perfil === 'coordenador-estadual' && x.uf === p.uf);
  return a.perfis.some((x) => x.perfil === 'coordenador-municipal' && x.municipio !== null && x.municipio === p.municipio);
}

/** The lugares whose pedidos `a` sees: every one, or UFs and municípios. */
export type Visao = { tudo: true } | { tudo: false; ufs: string[]; municipios: string[] };

export function visaoDe(a: QuemAge): Visao {
  if (a.papeis.some((p) => (NACIONAIS as readonly string[]).includes(p))) return { tudo: true };
  const ufs = a.perfis.filter((x) => x.perfil === 'coordenador-estadual' || x.perfil === 'auxiliar-estadual').map((x) => x.uf);
  const municipios = a.perfis
    .filter((x) => x.perfil === 'coordenador-municipal' || x.perfil === 'auxiliar-municipal')
    .flatMap((x) => (x.municipio ? [x.municipio] : []));
  return { tudo: false, ufs, municipios };
}

export function podeVerPedido(a: QuemAge & { id?: string }, p: PedidoNoLugar): boolean {
  if (a.id !== undefined && p.usuarioId === a.id) return true;
  // A credenciamento is seen by who decides it and by supervisors, never by the Presença levels.
  if (definicaoDoPerfil(p.perfil).especie === 'credenciamento') return a.papeis.includes('administrador') || a.papeis.includes('supervisor');
  const v = visaoDe(a);
  if (v.tudo) return true;
  // A state coordination sees its UF's municipal levels, not the state level of another UF's.
  return v.ufs.includes(p.uf) || (p.municipio !== null && v.municipios.includes(p.municipio) && p.perfil !== 'coordenador-municipal');
}
