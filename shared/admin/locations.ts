// The Locations operations of Administration (the walk-up desk's sites): list, create, rename,
// describe, deactivate, the walk-up settings (reasons, VIP first, grace time, lobby names, wait
// target) and the phone settings (block list, wrap-up codes). Shapes only; never touches a database.

import { z } from 'zod';
import { LobbyNameFormat, WalkUpLocation } from '../domain/walk-up-location';
import { adminOperation } from './operation';
import { Description, DisplayName, RecordId, SearchText } from './admin-fields';

/**
 * A location as Administration shows it: the very shape the desks, kiosk and lobby read, and its
 * block list, which stays on the server (the CTI endpoint rejects those calls).
 */
export const LocationView = WalkUpLocation.extend({
  /** Numbers whose calls are rejected, in E.164 (+442079460958). */
  blockedNumbers: z.array(z.string()),
});
export type LocationView = z.infer<typeof LocationView>;

export const LocationListInput = z.strictObject({
  q: SearchText.default(''),
  includeInactive: z.boolean().default(false),
});

export const LocationCreateInput = z.strictObject({
  name: DisplayName,
  description: Description.default(''),
});

const Reason = z
  .string({ error: 'A reason must be text.' })
  .trim()
  .min(1, { error: 'A reason cannot be blank.' })
  .max(80, { error: 'Keep each reason under 80 characters.' });

/** The reasons for a visit, in the order the kiosk and the desks offer them. */
export const ReasonList = z
  .array(Reason, { error: 'The reasons must be a list.' })
  .max(30, { error: 'Keep the list to 30 reasons.' })
  .refine((reasons) => new Set(reasons.map((r) => r.toLowerCase())).size === reasons.length, {
    error: 'Each reason can be in the list only once.',
  });

const WrapUpCode = z
  .string({ error: 'A wrap-up code must be text.' })
  .trim()
  .min(1, { error: 'A wrap-up code cannot be blank.' })
  .max(60, { error: 'Keep each wrap-up code under 60 characters.' });

/** The wrap-up codes an agent picks from after a call, in the order offered. */
export const WrapUpCodeList = z
  .array(WrapUpCode, { error: 'The wrap-up codes must be a list.' })
  .max(40, { error: 'Keep the list to 40 wrap-up codes.' })
  .refine((codes) => new Set(codes.map((c) => c.toLowerCase())).size === codes.length, {
    error: 'Each wrap-up code can be in the list only once.',
  });

/** A number as an administrator typed it; the server reads it and keeps it in E.164. */
const BlockedNumber = z
  .string({ error: 'A phone number must be text.' })
  .trim()
  .min(1, { error: 'A phone number cannot be blank.' })
  .max(40, { error: 'A phone number is at most 40 characters.' });

export const BlockedNumberList = z
  .array(BlockedNumber, { error: 'The block list must be a list of phone numbers.' })
  .max(500, { error: 'Keep the block list to 500 numbers.' });

export const GraceMinutes = z
  .number({ error: 'Enter the grace time in minutes.' })
  .int({ error: 'Enter whole minutes.' })
  .min(0, { error: 'The grace time cannot be negative.' })
  .max(120, { error: 'Keep the grace time to 120 minutes or less.' });

export const WaitTargetMinutes = z
  .number({ error: 'Enter the wait target in minutes.' })
  .int({ error: 'Enter whole minutes.' })
  .min(1, { error: 'The wait target is at least 1 minute.' })
  .max(480, { error: 'Keep the wait target to 480 minutes or less.' });

/** The walk-up settings an update may change; the names match WalkUpLocation's. */
export const WALK_UP_SETTINGS = [
  'reasons',
  'vipFirst',
  'graceMinutes',
  'lobbyNames',
  'waitTargetMinutes',
] as const;

export const LocationUpdateInput = z
  .strictObject({
    id: RecordId,
    name: DisplayName.optional(),
    description: Description.optional(),
    reasons: ReasonList.optional(),
    vipFirst: z.boolean({ error: 'VIPs first is yes or no.' }).optional(),
    graceMinutes: GraceMinutes.optional(),
    lobbyNames: LobbyNameFormat.optional(),
    waitTargetMinutes: WaitTargetMinutes.optional(),
    blockedNumbers: BlockedNumberList.optional(),
    wrapUpCodes: WrapUpCodeList.optional(),
  })
  .refine((v) => Object.entries(v).some(([key, value]) => key !== 'id' && value !== undefined), {
    error: 'Change the name, the description, a walk-up or a phone setting.',
  });

export const LocationSetActiveInput = z.strictObject({ id: RecordId, active: z.boolean() });

const One = z.object({ location: LocationView });

export const LOCATION_OPERATIONS = {
  'locations.list': adminOperation(
    'locations.list',
    LocationListInput,
    z.object({ locations: z.array(LocationView) }),
  ),
  'locations.create': adminOperation('locations.create', LocationCreateInput, One),
  'locations.update': adminOperation('locations.update', LocationUpdateInput, One),
  'locations.set-active': adminOperation('locations.set-active', LocationSetActiveInput, One),
} as const;
