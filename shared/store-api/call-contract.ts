// The store API additions for the phone desk (issue 13): the call view, the incoming-call banner's
// data, the caller log, and the queries that read them, shaped to be spread into contract.ts's
// maps. Never handles them.

import { z } from 'zod';
import type { Call } from '../domain/call';
import { Id } from '../domain/directory';

/** A caller or candidate as the banner shows them. */
export interface CallPerson {
  id: string;
  name: string;
  vip: boolean;
  email: string;
  phone: string;
  department: string;
  location: string;
}

/** An open record of the caller's, listed on the banner (newest first). */
export interface CallerOpenRecord {
  kind: 'interaction' | 'incident' | 'request';
  id: string;
  number: string;
  shortDescription: string;
  state: string;
}

/** A call with the names the screens show, resolved in the store host. */
export interface CallView extends Call {
  callerPerson: CallPerson | null;
  /** Everyone with the number when several share it (the desk offers one keypress each). */
  candidatePeople: CallPerson[];
  answeredByName: string | null;
  /**
   * The server's E.164 reading in international form ("+44 20 7946 0958"), null when it read none.
   * Formatted by the store host, so the window's script carries no phone metadata (decision 0016).
   */
  numberInternational: string | null;
  interactionNumber: string | null;
  /** Whether this desk's agent marked it seen (missed calls only). */
  seen: boolean;
}

/** The incoming-call banner: a call ringing for this desk's agent, with the caller's open work. */
export interface IncomingCall {
  call: CallView;
  /** The caller's open interactions, incidents and requests (empty for an unknown caller). */
  openRecords: CallerOpenRecord[];
}

export const CALL_LOG_FILTERS = ['all', 'missed', 'answered'] as const;
export const CallLogFilter = z.enum(CALL_LOG_FILTERS);
export type CallLogFilter = z.infer<typeof CallLogFilter>;

export const callQueryInputs = {
  /** Calls ringing now for this desk's agent (the banner), newest first; live. */
  'call.incoming': z.object({}),
  /**
   * The caller log, newest first; live. `queue` and `agent` (who answered) narrow it; `missed`
   * shows unanswered calls (with `unseenOnly`, those this agent has not marked seen).
   */
  'call.log': z.object({
    filter: CallLogFilter.default('all'),
    queue: z.string().max(120).nullable().default(null),
    agent: Id.nullable().default(null),
    unseenOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(100),
  }),
  'call.get': z.object({ id: Id }),
} as const;

export interface CallQueryOutputs {
  'call.incoming': IncomingCall[];
  'call.log': { calls: CallView[]; queues: string[]; unseenMissed: number };
  'call.get': CallView | null;
}
