// The store API additions for the walk-up desk (issue 12): the visit view, the queue a location's
// desks show, and the queries that read them, shaped to be spread into contract.ts's maps.
// Never handles them.

import { z } from 'zod';
import { Id } from '../domain/directory';
import type { Visit } from '../domain/visit';
import type { WalkUpLocation } from '../domain/walk-up-location';

/** A visit with the names the screens show, resolved in the store host. */
export interface VisitView extends Visit {
  calledByName: string | null;
  servedByName: string | null;
  /** The interaction's number, when the visit became one. */
  interactionNumber: string | null;
}

/** One person waiting, with their place and the estimate. */
export interface QueueEntry {
  visit: VisitView;
  /** 1 = next to be called. */
  position: number;
  /** Minutes until they are likely called; null when the location has no service times yet. */
  estimatedWaitMinutes: number | null;
}

/** A location's queue as the Walk-up section shows it, live. */
export interface WalkUpQueueView {
  location: WalkUpLocation | null;
  /** Waiting, in the order Call next takes them. */
  waiting: QueueEntry[];
  /** Called and not yet served, oldest call first. */
  called: VisitView[];
  inService: VisitView[];
  /** Done, No-show and Left today, newest first (a few). */
  finished: VisitView[];
  /** Stations serving now (the estimate divides by it). */
  stationsServing: number;
  /** The rolling median of recent service times, minutes; null without any. */
  medianServiceMinutes: number | null;
  /** Today's median wait (check-in → Start), whole minutes, as the Dashboard counts it; null before any. */
  todayMedianWaitMinutes: number | null;
}

export const walkUpQueryInputs = {
  /** The walk-up locations this desk knows (from the directory feed). */
  'walkUp.locations': z.object({}),
  /** A location's queue, live. */
  'walkUp.queue': z.object({ location: Id }),
  'visit.get': z.object({ id: Id }),
} as const;

export interface WalkUpQueryOutputs {
  'walkUp.locations': WalkUpLocation[];
  'walkUp.queue': WalkUpQueueView;
  'visit.get': VisitView | null;
}
