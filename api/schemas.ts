/**
 * zod schemas of values more than one area of the API carries, with one
 * OpenAPI component each (a `meta` id may be given once): the calendar's own
 * values, shared by the prazo calculations (api/prazos) and the calendar
 * (api/calendario), which do not import each other.
 */
import { z } from 'zod';
import { ESCOPOS_DECRETADO } from '../rules/calendario';

/** A non-business day and why (rules/calendario NaoUtil). */
export const naoUtilSchema = z.object({ data: z.string(), motivo: z.string() }).meta({ id: 'NaoUtil' });

/** Where a decreed day applies. */
export const escopoDecretadoSchema = z.enum(ESCOPOS_DECRETADO, { error: 'escopo deve ser nacional, uf, municipio ou unidade' });
