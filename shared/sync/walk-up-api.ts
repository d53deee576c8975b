// The desk server's walk-up pages' HTTP contract (issue 12): the kiosk's check-in, its visit status
// and exit survey, and the lobby board's snapshot and stream. Shapes only; the kiosk and the lobby
// accounts never browse the directory: the server identifies people and names them privacy-safe.

import { z } from 'zod';
import { Id } from '../domain/directory';
import {
  SurveyAnswer,
  VisitReason,
  VisitState,
  GUEST_NAME_MAX,
  REASON_DETAIL_MAX,
} from '../domain/visit';
import { LobbyNameFormat } from '../domain/walk-up-location';

/** What a walk-up page may read about a location (no directory data). */
export const WalkUpLocationSummary = z.object({
  id: Id,
  name: z.string(),
  reasons: z.array(z.string()),
  lobbyNames: LobbyNameFormat,
  waitTargetMinutes: z.number(),
});
export type WalkUpLocationSummary = z.infer<typeof WalkUpLocationSummary>;

/**
 * `POST /api/v1/kiosk/check-ins` (kiosk role): identified by employee id, email or badge number
 * typed or scanned, or as a guest with a name. The id is chosen by the kiosk, so a retry is one visit.
 */
export const KioskCheckInRequest = z
  .strictObject({
    id: Id,
    location: Id,
    identifier: z.string().trim().max(254).default(''),
    guestName: z
      .string()
      .trim()
      .max(GUEST_NAME_MAX, `A name can be at most ${GUEST_NAME_MAX} characters.`)
      .default(''),
    reason: VisitReason,
    reasonDetail: z.string().trim().max(REASON_DETAIL_MAX).default(''),
  })
  .refine((r) => (r.identifier === '') !== (r.guestName === ''), {
    message:
      'Enter your employee id, email or badge number, or check in as a guest with your name.',
    path: ['identifier'],
  });
export type KioskCheckInRequest = z.input<typeof KioskCheckInRequest>;

/** Where a visit stands, as the kiosk shows it to the person (their first name only). */
export const KioskVisitStatus = z.object({
  id: Id,
  number: z.string(),
  greeting: z.string(),
  state: VisitState,
  /** 1 = next; null once called. */
  position: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  station: z.string().nullable(),
  /** Done and not rated yet: the kiosk offers the exit survey. */
  surveyOpen: z.boolean(),
});
export type KioskVisitStatus = z.infer<typeof KioskVisitStatus>;

/** `POST /api/v1/kiosk/visits/{id}/survey` (kiosk role). */
export const KioskSurveyRequest = SurveyAnswer.strict();

/** One line of the lobby board: never a full name unless the location says so. */
export const LobbyLine = z.object({
  number: z.string(),
  name: z.string(),
  state: VisitState,
  position: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  station: z.string().nullable(),
  /** When they were called (the board highlights a fresh call and chimes once). */
  calledAt: z.string().nullable(),
  checkedInAt: z.string(),
});
export type LobbyLine = z.infer<typeof LobbyLine>;

/** `GET /api/v1/lobby/{location}` (lobby role) and each `board` event of `…/events` (SSE). */
export const LobbyBoard = z.object({
  location: WalkUpLocationSummary,
  waiting: z.array(LobbyLine),
  called: z.array(LobbyLine),
  inService: z.array(LobbyLine),
  /** The wait for someone checking in now, minutes; null without service times yet. */
  estimatedWaitMinutes: z.number().int().nullable(),
  stationsServing: z.number().int(),
  /**
   * The median wait (check-in → Start) of today's visits, whole minutes, as the Dashboard counts
   * it; null before anyone was served today. Absent from servers older than issue 14.
   */
  todayMedianWaitMinutes: z.number().int().nullable().optional(),
  /** The server's time of this snapshot: the board says its data is stale when it gets old. */
  generatedAt: z.string(),
});
export type LobbyBoard = z.infer<typeof LobbyBoard>;
