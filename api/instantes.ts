/**
 * Every instant that leaves the API is Brasília time with its offset
 * (`2026-09-08T23:59:59-03:00`), never UTC (`2026-09-09T02:59:59Z` reads as
 * the next day to a Brazilian user). One function for every route.
 */
import { formatarInstanteBrasilia } from '../rules/calendario';

/** A database timestamp, a Date, epoch ms or an ISO 8601 string, as Brasília time with its offset. */
export function instante(valor: Date | string | number): string {
  const ms = typeof valor === 'number' ? valor : new Date(valor).getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`instante inválido: ${String(valor)}`);
  return formatarInstanteBrasilia(ms);
}

/** instante(), keeping null (and undefined) as null. */
export function instanteOuNulo(valor: Date | string | number | null | undefined): string | null {
  return valor === null || valor === undefined ? null : instante(valor);
}

/** A whole instant in UTC as JSON.stringify and toISOString write it (`…T02:59:59.000Z`, `…T02:59:59Z`). */
const INSTANTE_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?Z$/;

/**
 * A copy of `valor` (plain JSON: a workflow's state, an event's data) with
 * every string that is a whole UTC instant written as Brasília time; other
 * values untouched. For data recorded before the API sent every instant in
 * Brasília time, and for instants a workflow or a library wrote in UTC.
 */
export function instantesEmBrasilia<T>(valor: T): T {
  if (typeof valor === 'string') return (INSTANTE_UTC.test(valor) && Number.isFinite(Date.parse(valor)) ? instante(valor) : valor) as T;
  if (Array.isArray(valor)) return valor.map((v) => instantesEmBrasilia(v)) as T;
  if (valor instanceof Date) return instante(valor) as T;
  if (valor !== null && typeof valor === 'object') {
    return Object.fromEntries(Object.entries(valor as Record<string, unknown>).map(([k, v]) => [k, instantesEmBrasilia(v)])) as T;
  }
  return valor;
}
