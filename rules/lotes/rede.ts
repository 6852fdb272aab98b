/**
 * The network (rede de ensino) an API key is issued to (seed 001: MEC issues
 * the keys to a network's Secretaria on its ofício). A state network is the
 * UF's schools of dependência estadual, a municipal one the município's of
 * dependência municipal (as the Censo Escolar records each school's dependência
 * administrativa; table unidade_ensino); rito also admits a key of one school.
 * A school whose dependência is not recorded belongs to no network but its own
 * key: rito never guesses whose a school is.
 */
import { validarCodigoIbge, validarCodigoInep, validarUf } from '../identificadores';

export type Rede = { tipo: 'estadual'; uf: string } | { tipo: 'municipal'; municipio: string } | { tipo: 'escola'; codigoInep: string };

/** 'estadual:RJ', 'municipal:3304557', 'escola:33012345' → the network, or null. */
export function lerRede(texto: string): Rede | null {
  const [tipo, codigo = ''] = texto.split(':');
  if (tipo === 'estadual' && validarUf(codigo).valido) return { tipo, uf: codigo.toUpperCase() };
  if (tipo === 'municipal' && validarCodigoIbge(codigo).valido) return { tipo, municipio: codigo };
  if (tipo === 'escola' && validarCodigoInep(codigo).valido) return { tipo, codigoInep: codigo };
  return null;
}

export function descreverRede(r: Rede): string {
  if (r.tipo === 'estadual') return `rede estadual de ${r.uf}`;
  if (r.tipo === 'municipal') return `rede municipal do município ${r.municipio}`;
  return `escola ${r.codigoInep}`;
}
