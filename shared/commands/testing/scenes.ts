// The scenes command fixtures start from: an interaction assigned on the service desk, an incident
// and a request made from it, and the inputs that make them. Test support only.

import type { CommandInput } from '../../store-api/contract';
import { step, type Step } from './command-desk';

export const interactionInput = (
  over: Partial<CommandInput<'interaction.create'>> = {},
): CommandInput<'interaction.create'> => ({
  id: 'ims-1',
  openedFor: 'user-9',
  contactEmail: '',
  contactPhone: '',
  type: 'Phone',
  component: 'ci-printer',
  assignmentGroup: 'grp-desk',
  assignedTo: 'agent-1',
  shortDescription: 'Cannot print to LON-RH-F3-PRN01',
  description: 'Jobs stay in the queue.',
  ...over,
});

export const incidentInput = (
  over: Partial<CommandInput<'incident.createFromInteraction'>> = {},
): CommandInput<'incident.createFromInteraction'> => ({
  id: 'inc-1',
  interactionId: 'ims-1',
  caller: 'user-9',
  shortDescription: 'Floor 3 printer offline',
  description: '',
  component: 'ci-printer',
  category: 'Hardware',
  impact: 2,
  urgency: 2,
  assignmentGroup: 'grp-net',
  assignedTo: null,
  ...over,
});

export const requestInput = (
  over: Partial<CommandInput<'request.createFromInteraction'>> = {},
): CommandInput<'request.createFromInteraction'> => ({
  id: 'req-1',
  interactionId: 'ims-1',
  requestedFor: 'user-9',
  catalogItem: 'cat_password_reset',
  answers: { account: 'windows_and_network_sign_in', identity_verified: true },
  ...over,
});

/** Interaction ims-1, open and assigned to agent-1 on the service desk. */
export const AN_INTERACTION: readonly Step[] = [step('interaction.create', interactionInput())];

/** ims-1 closed. */
export const A_CLOSED_INTERACTION: readonly Step[] = [
  ...AN_INTERACTION,
  step('interaction.close', { id: 'ims-1', state: 'Closed Complete' }),
];

/** ims-1 with its call timer running (Start call). */
export const A_CALL_RUNNING: readonly Step[] = [
  ...AN_INTERACTION,
  step('interaction.startCall', { id: 'ims-1', at: '2026-11-23T09:00:30.000Z' }),
];

/** Incident inc-1 (New, network group) made from ims-1. */
export const AN_INCIDENT: readonly Step[] = [
  ...AN_INTERACTION,
  step('incident.createFromInteraction', incidentInput()),
];

/** inc-1 Resolved. */
export const A_RESOLVED_INCIDENT: readonly Step[] = [
  ...AN_INCIDENT,
  step('incident.resolve', {
    id: 'inc-1',
    resolutionCode: 'Solution provided',
    resolutionNotes: 'Replaced the fuser.',
  }),
];

/** inc-1 Canceled. */
export const A_CANCELED_INCIDENT: readonly Step[] = [
  ...AN_INCIDENT,
  step('incident.cancel', { id: 'inc-1' }),
];

/** Request req-1 (Open, access management) made from ims-1. */
export const A_REQUEST: readonly Step[] = [
  ...AN_INTERACTION,
  step('request.createFromInteraction', requestInput()),
];

/** req-1 Canceled. */
export const A_CANCELED_REQUEST: readonly Step[] = [
  ...A_REQUEST,
  step('request.setState', { id: 'req-1', state: 'Canceled' }),
];

/** The walk-up location the visit scenes check people in at. */
export const A_LOCATION = 'loc-hq';

export const checkInInput = (
  over: Partial<CommandInput<'visit.checkIn'>> = {},
): CommandInput<'visit.checkIn'> => ({
  id: 'vis-1',
  location: A_LOCATION,
  person: 'user-9',
  guestName: '',
  displayName: 'Ruth Hale',
  vip: false,
  reason: 'Laptop',
  reasonDetail: 'The screen flickers.',
  channel: 'agent',
  ...over,
});

export const startInput = (
  over: Partial<CommandInput<'visit.start'>> = {},
): CommandInput<'visit.start'> => ({
  id: 'vis-1',
  interactionId: 'ims-1',
  station: 'Counter 1',
  contactEmail: '',
  contactPhone: '',
  ...over,
});

/** Visit vis-1 of user-9, Waiting at loc-hq. */
export const A_WAITING_VISIT: readonly Step[] = [step('visit.checkIn', checkInInput())];

/** vis-1 Called by agent-1 to Counter 1. */
export const A_CALLED_VISIT: readonly Step[] = [
  ...A_WAITING_VISIT,
  step('visit.call', { id: 'vis-1', station: 'Counter 1' }),
];

/** vis-1 In service: started by agent-1 as interaction ims-1. */
export const A_VISIT_IN_SERVICE: readonly Step[] = [
  ...A_CALLED_VISIT,
  step('visit.start', startInput()),
];

/** vis-1 Done (its interaction ims-1 closed with it). */
export const A_DONE_VISIT: readonly Step[] = [
  ...A_VISIT_IN_SERVICE,
  step('interaction.close', { id: 'ims-1', state: 'Closed Complete', visit: 'vis-1' }),
];

/** vis-1 went away before being served. */
export const A_VISIT_THAT_LEFT: readonly Step[] = [
  ...A_WAITING_VISIT,
  step('visit.markLeft', { id: 'vis-1' }),
];
