// The read API over calls (issue 13), for integrations and for checking what reached the server:
// `GET /api/v1/calls` (by state, queue, caller, last change) and one call by id or number. Shapes
// only; read-all roles — never the kiosk or the lobby.

import { z } from 'zod';
import { Call, CALL_STATES, QUEUE_MAX } from '../domain/call';
import { Id } from '../domain/directory';
import { whole } from './server-api';
import { IsoTimestamp } from './wire';

/** `GET /api/v1/calls`: newest number first, a page at a time. */
export const CallListQuery = z.strictObject({
  state: z.enum(CALL_STATES, `state must be one of: ${CALL_STATES.join(', ')}.`).optional(),
  queue: z.string().max(QUEUE_MAX).optional(),
  caller: Id.optional(),
  /** Only calls changed at or after this time (the server's clock). */
  since: IsoTimestamp('since').optional(),
  limit: whole('limit', 1, 200).default(50),
  cursor: z.string().max(200).optional(),
});
export type CallListQuery = z.infer<typeof CallListQuery>;

/** `GET /api/v1/calls/{call}`: its id, or its number (CAL0001001). */
export const CallParam = z.strictObject({ call: z.string().min(1).max(200) });

export const CallList = z.object({
  calls: z.array(Call),
  /** Pass as `cursor` for the next page (older numbers); null on the last page. */
  nextCursor: z.string().nullable(),
});
export type CallList = z.infer<typeof CallList>;

/** A call's number as the server gives it. */
export const CALL_NUMBER = /^CAL\d{7,12}$/;
