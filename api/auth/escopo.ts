/**
 * Object-level scope: which processes an Ator may see. Routes that take an id
 * answer 404 (not 403) outside scope, so that ids of other institutions' processes leak nothing.
 * One description of the scope serves both the in-memory check and the SQL filter.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema';
import type { Ator } from './ator';

export interface ObjetoComEscopo {
  id?: string;
  unidade: string;
  instituicao_cnpj: string;
}

export type Escopo = { tudo: true } | { tudo: false; unidades: string[]; cnpjs: string[]; processos: string[] };

export function escopoDe(ator: Ator): Escopo {
  if (ator.papeis.some((p) => p === 'coogie' || p === 'supervisor' || p === 'administrador' || p === 'sistema')) {
    return { tudo: true };
  }
  return {
    tudo: false,
    // An inspetor sees its COOIE's processes; a membro de comissão only those its Ordem de Serviço names.
    unidades: ator.papeis.includes('inspetor') && ator.unidade ? [ator.unidade] : [],
    cnpjs: ator.papeis.includes('representante') ? ator.instituicoes : [],
    processos: [
      ...(ator.papeis.includes('comissao') ? ator.comissoes : []),
      // A procuração limited to named processes (seed 002 art. 16; api/credenciamentos) reaches only those.
      ...(ator.papeis.includes('representante') ? (ator.processosRepresentados ?? []) : []),
    ],
  };
}

export function podeVer(ator: Ator, p: ObjetoComEscopo): boolean {
  const e = escopoDe(ator);
  return (
    e.tudo || e.unidades.includes(p.unidade) || e.cnpjs.includes(p.instituicao_cnpj) || (p.id !== undefined && e.processos.includes(p.id))
  );
}

/** SQL form of podeVer, for listings: pages stay full and counts honest. */
export function noEscopo(ator: Ator) {
  return noEscopoSql(escopoDe(ator));
}

/** noEscopo of a scope already worked out (its lists may hold placeholders: db/preparadas.ts, compiladaPorForma). */
export function noEscopoSql(e: Escopo) {
  return (eb: ExpressionBuilder<Database, 'processo'>) => {
    if (e.tudo) return eb.val(true);
    const ors = [];
    if (e.unidades.length) ors.push(eb('processo.unidade', 'in', e.unidades));
    if (e.cnpjs.length) ors.push(eb('processo.instituicao_cnpj', 'in', e.cnpjs));
    if (e.processos.length) ors.push(eb('processo.id', 'in', e.processos));
    return ors.length ? eb.or(ors) : eb.val(false);
  };
}
