// Demo incidents over the demo directory: deterministic, made by the real mutators, with the
// second seed's printer example first. For the server's demo seed and the benches; pure.

import { directoryRules } from '../domain/assignment';
import type { ConfigurationItem, Directory } from '../domain/directory';
import { suggestedCategory } from '../domain/escalation';
import {
  createIncident,
  ON_HOLD_REASONS,
  RESOLUTION_CODES,
  setIncidentState,
  type Incident,
} from '../domain/incident';
import type { MutationContext } from '../domain/interaction';
import { FIRST_SERVER_NUMBER, serverNumber } from '../domain/numbering';
import type { Level } from '../domain/priority';
import { mulberry32, SERVICE_DESK_GROUP_ID } from './directory-generator';

export interface IncidentOptions {
  count?: number;
  seed?: number;
  /** The newest incident is opened shortly before this; the oldest about 30 days before. */
  now?: string;
  /** The first server sequence number to use (INC0001001 by default). */
  firstNumber?: number;
}

/** The second seed's example: a user cannot print; the printer's floor network is already down. */
export interface PrinterScenario {
  printer: ConfigurationItem;
  network: ConfigurationItem;
  /** The open incident on `network` that Find existing incidents must offer. */
  incidentId: string;
}

export const PRINTER_SCENARIO_INCIDENT_ID = 'inc_demo_000001';

/**
 * The printer example as the demo directory (seed 1, any size) and a fresh demo desk server have
 * it, for end-to-end tests and the README: the printer, its floor network with the open incident
 * (INC0001001, the first number the server gives), and a caller at the printer's site to log the
 * interaction for. The incident's own caller depends on the directory's size, so the e2e caller is
 * a different person and Find existing incidents does not mark the hit as the same caller's.
 * server/demo/seed.test.ts checks every value here against the generators.
 */
export const DEMO_PRINTER_EXAMPLE = {
  printer: { id: 'ci_000004', name: 'LON-RH-F1-PRN01' },
  network: { id: 'ci_000002', name: 'LON-RH-F1 network' },
  incident: {
    id: PRINTER_SCENARIO_INCIDENT_ID,
    number: 'INC0001001',
    shortDescription: 'Very slow network on LON-RH-F1 network',
    assignmentGroup: 'grp_network',
  },
  caller: { id: 'usr_000035', userName: 'joaquin.hoang', name: 'Joaquín Hoàng' },
} as const;

export function findPrinterScenario(directory: Directory): PrinterScenario | null {
  const byId = new Map(directory.configurationItems.map((ci) => [ci.id, ci]));
  for (const printer of directory.configurationItems) {
    if (printer.className !== 'Printer' || printer.parentId === null) continue;
    const network = byId.get(printer.parentId);
    if (network?.className === 'Floor network')
      return { printer, network, incidentId: PRINTER_SCENARIO_INCIDENT_ID };
  }
  return null;
}

const GROUP_FOR_CLASS: Readonly<Record<string, string>> = {
  'Floor network': 'grp_network',
  'Network switch': 'grp_network',
  'Wireless access point': 'grp_network',
  Printer: 'grp_desktop_support',
  Laptop: 'grp_desktop_support',
  Desktop: 'grp_hardware',
  Application: 'grp_application_support',
  'Business service': 'grp_application_support',
  Building: 'grp_facilities',
};

const PROBLEMS: Readonly<Record<string, readonly string[]>> = {
  'Floor network': ['Network connection lost on {}', 'Very slow network on {}'],
  'Network switch': ['{} is not responding', 'Ports flapping on {}'],
  'Wireless access point': ['Wi-Fi drops near {}', 'Cannot join Wi-Fi near {}'],
  Printer: [
    'Cannot print to {}',
    '{} reports a paper jam that is not there',
    '{} prints blank pages',
  ],
  Laptop: ['{} will not start', '{} is very slow', 'Blue screen on {}'],
  Desktop: ['{} will not start', 'No display on {}'],
  Application: ['{} is slow', 'Cannot sign in to {}', '{} shows an error on start'],
  'Business service': ['{} is unavailable for several users'],
  Building: ['Power cut in part of {}', 'Badge readers down in {}'],
};

/** Infrastructure and applications get more incidents per item than a single laptop does. */
const CLASS_WEIGHT: Readonly<Record<string, number>> = {
  'Floor network': 8,
  'Network switch': 3,
  'Wireless access point': 2,
  Printer: 3,
  Application: 20,
  'Business service': 6,
  Building: 2,
  Laptop: 1,
  Desktop: 1,
};

const DAY_MS = 86_400_000;

export function generateIncidents(directory: Directory, options: IncidentOptions = {}): Incident[] {
  const count = Math.max(0, Math.floor(options.count ?? 200));
  const random = mulberry32(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const now = Date.parse(options.now ?? '2026-11-23T09:00:00.000Z');
  const firstNumber = options.firstNumber ?? FIRST_SERVER_NUMBER;
  const rules = directoryRules(directory);
  const groups = new Map(directory.groups.map((g) => [g.id, g]));
  const callers = directory.users.filter((u) => u.roles.length === 0);
  const agents = groups.get(SERVICE_DESK_GROUP_ID)?.memberIds ?? [];
  if (count === 0 || callers.length === 0 || agents.length === 0) return [];

  // Weighted choice by cumulative weights: one binary search per incident.
  const cumulative: number[] = [];
  let sum = 0;
  for (const ci of directory.configurationItems)
    cumulative.push((sum += CLASS_WEIGHT[ci.className] ?? 0));
  const pickItem = (): ConfigurationItem => {
    const target = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return directory.configurationItems[lo] as ConfigurationItem;
  };
  const level = (): Level => {
    const r = random();
    return r < 0.1 ? 1 : r < 0.4 ? 2 : 3;
  };

  const scenario = findPrinterScenario(directory);
  const incidents: Incident[] = [];
  for (let i = 0; i < count; i++) {
    const scripted = i === 0 && scenario !== null;
    const item = scripted ? scenario.network : pickItem();
    const groupId = GROUP_FOR_CLASS[item.className] ?? SERVICE_DESK_GROUP_ID;
    const members = groups.get(groupId)?.memberIds ?? [];
    // Spread over 30 days, newest last, with the scripted one minutes old.
    const opened = scripted ? now - 20 * 60_000 : now - DAY_MS * 30 * (1 - i / count) - 3_600_000;
    const ctx: MutationContext = {
      now: new Date(opened).toISOString(),
      actorId: pick(agents),
      directory: rules,
    };
    const created = createIncident(
      {
        id: scripted ? PRINTER_SCENARIO_INCIDENT_ID : `inc_demo_${String(i + 1).padStart(6, '0')}`,
        caller: pick(callers).id,
        shortDescription: pick(PROBLEMS[item.className] ?? ['Problem with {}']).replace(
          '{}',
          item.name,
        ),
        description: '',
        component: item.id,
        category: suggestedCategory(item.className),
        impact: scripted ? 2 : level(),
        urgency: scripted ? 2 : level(),
        assignmentGroup: groupId,
        assignedTo: scripted || members.length === 0 || random() < 0.3 ? null : pick(members),
      },
      serverNumber('incident', firstNumber + i),
      false,
      ctx,
    );
    if (!created.ok) throw new Error(`demo incident ${i}: ${created.error.message}`);
    incidents.push(scripted ? created.value : advance(created.value, random(), ctx, now));
  }
  return incidents;
}

/** Moves a fresh incident on, so the demo has every state: mostly open, some done. */
function advance(incident: Incident, r: number, opened: MutationContext, nowMs: number): Incident {
  const later = (hours: number): MutationContext => ({
    ...opened,
    // Never in the future of the demo's "now".
    now: new Date(Math.min(Date.parse(opened.now) + hours * 3_600_000, nowMs)).toISOString(),
    actorId: incident.assignedTo ?? opened.actorId,
  });
  const step = (record: Incident, args: Parameters<typeof setIncidentState>[1], hours: number) => {
    const next = setIncidentState(record, args, later(hours));
    return next.ok ? next.value : record;
  };
  if (r < 0.4) return incident;
  let record = step(incident, { id: incident.id, state: 'In Progress' }, 1);
  if (r < 0.75) return record;
  if (r < 0.85) {
    const reason = ON_HOLD_REASONS[Math.floor(r * 100) % ON_HOLD_REASONS.length];
    return step(record, { id: incident.id, state: 'On Hold', onHoldReason: reason }, 2);
  }
  record = step(
    record,
    {
      id: incident.id,
      state: 'Resolved',
      resolutionCode: RESOLUTION_CODES[Math.floor(r * 1000) % 3],
      resolutionNotes: 'Fixed and checked with the caller.',
    },
    4,
  );
  return r < 0.95 ? record : step(record, { id: incident.id, state: 'Closed' }, 30);
}
