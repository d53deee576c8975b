// A walk-up location as the desks, the kiosk and the lobby board read it: its reasons for a visit,
// whether VIPs go first, the no-show grace time, how the lobby board names people and the wait
// target. Shapes and the privacy-safe name; never stored or fetched here.

import { z } from 'zod';
import { Id } from './directory';

/** How the lobby board names someone (privacy: never the full name by default). */
export const LOBBY_NAME_FORMATS = [
  'first-name-last-initial',
  'first-name',
  'initials',
  'ticket',
] as const;
export const LobbyNameFormat = z.enum(LOBBY_NAME_FORMATS);
export type LobbyNameFormat = z.infer<typeof LobbyNameFormat>;

export const LOBBY_NAME_LABELS: Readonly<Record<LobbyNameFormat, string>> = {
  'first-name-last-initial': 'First name and last initial (Ada L.)',
  'first-name': 'First name only (Ada)',
  initials: 'Initials (A. L.)',
  ticket: 'Visit number only (VIS0001001)',
};

export const DEFAULT_REASONS = [
  'Laptop or PC problem',
  'Password or account',
  'Printer',
  'Phone or mobile device',
  'Pick up equipment',
  'Something else',
] as const;

export const WalkUpLocation = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  /** The reasons for a visit offered at this location, in order; free text is always allowed too. */
  reasons: z.array(z.string().trim().min(1).max(80)).max(30),
  /** Call next takes VIPs first (then first come, first served). */
  vipFirst: z.boolean(),
  /** How long a called person has to come before they can be marked No-show. */
  graceMinutes: z.number().int().min(0).max(120),
  lobbyNames: LobbyNameFormat,
  /** The wait the desk aims for (the dashboard and the board show it). */
  waitTargetMinutes: z.number().int().min(1).max(480),
  wrapUpCodes: z.array(z.string()).default([]),
});
export type WalkUpLocation = z.infer<typeof WalkUpLocation>;

/** What a location has before an administrator sets it up. */
export const WALK_UP_DEFAULTS: Omit<WalkUpLocation, 'id' | 'name' | 'description' | 'active'> = {
  reasons: [...DEFAULT_REASONS],
  vipFirst: true,
  graceMinutes: 3,
  lobbyNames: 'first-name-last-initial',
  waitTargetMinutes: 10,
  wrapUpCodes: [],
};

/** The name the lobby board shows for someone, by the location's format. */
export function lobbyName(
  person: { displayName: string; number: string },
  format: LobbyNameFormat,
): string {
  const words = person.displayName.trim().split(/\s+/).filter(Boolean);
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  switch (format) {
    case 'first-name':
      return first || person.number;
    case 'initials':
      return words.length === 0
        ? person.number
        : words.map((w) => `${w[0]?.toUpperCase() ?? ''}.`).join(' ');
    case 'ticket':
      return person.number;
    case 'first-name-last-initial':
      return first === ''
        ? person.number
        : last === ''
          ? first
          : `${first} ${last[0]?.toUpperCase() ?? ''}.`;
  }
}
