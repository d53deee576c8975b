// The read API over walk-up visits (issue 12), for integrations and for checking what reached the
// server: `GET /api/v1/visits` (by location, state, last change) and one visit by id or number.
// Shapes only; read-all roles (agent, admin) — never the kiosk or the lobby, which see no names.

import { z } from 'zod';
import { Id } from '../domain/directory';
import { Visit, VISIT_STATES } from '../domain/visit';
import { whole } from './server-api';
import { IsoTimestamp } from './wire';

/** `GET /api/v1/visits`: newest number first, a page at a time. */
export const VisitListQuery = z.strictObject({
  location: Id.optional(),
  state: z.enum(VISIT_STATES, `state must be one of: ${VISIT_STATES.join(', ')}.`).optional(),
  /** Only visits changed at or after this time (the server's clock). */
  since: IsoTimestamp('since').optional(),
  limit: whole('limit', 1, 200).default(50),
  cursor: z.string().max(200).optional(),
});
export type VisitListQuery = z.infer<typeof VisitListQuery>;

/** `GET /api/v1/visits/{visit}`: its id, or its number (VIS0001001). */
export const VisitParam = z.strictObject({
  visit: z
    .string()
    .min(1)
    .max(200)
    .refine(
      (v) => !/^VIS-P\d+$/.test(v),
      'A provisional number (VIS-P0001) is only on the desk that made it; use the id or VIS0001001.',
    ),
});

export const VisitList = z.object({
  visits: z.array(Visit),
  /** Pass as `cursor` for the next page (older numbers); null on the last page. */
  nextCursor: z.string().nullable(),
});
export type VisitList = z.infer<typeof VisitList>;

/** A visit's number as the server gives it. */
export const VISIT_NUMBER = /^VIS\d{7,12}$/;
