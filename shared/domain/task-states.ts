// The incident and request state machines, as data: every allowed transition with what it asks
// for, and a reason a desk agent can read for every refused one. Never touches a record itself.

export const INCIDENT_STATES = [
  'New',
  'In Progress',
  'On Hold',
  'Resolved',
  'Closed',
  'Canceled',
] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];
/** Someone is still working it: the states Find existing incidents lists and Associate accepts. */
export const OPEN_INCIDENT_STATES = ['New', 'In Progress', 'On Hold'] as const;
/** Nothing but work notes changes any more. */
export const FINAL_INCIDENT_STATES = ['Closed', 'Canceled'] as const;

export const REQUEST_STATES = [
  'Open',
  'Work in Progress',
  'Closed Complete',
  'Closed Incomplete',
  'Canceled',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const OPEN_REQUEST_STATES = ['Open', 'Work in Progress'] as const;
export const FINAL_REQUEST_STATES = ['Closed Complete', 'Closed Incomplete', 'Canceled'] as const;

export const isOpenIncidentState = (state: IncidentState): boolean =>
  (OPEN_INCIDENT_STATES as readonly string[]).includes(state);
export const isFinalIncidentState = (state: IncidentState): boolean =>
  (FINAL_INCIDENT_STATES as readonly string[]).includes(state);
export const isOpenRequestState = (state: RequestState): boolean =>
  (OPEN_REQUEST_STATES as readonly string[]).includes(state);

/** What a transition asks the agent for, named as the field the dialog shows. */
export type TransitionRequirement =
  'onHoldReason' | 'resolutionCode' | 'resolutionNotes' | 'reopenReason' | 'closeNotes';

export const REQUIREMENT_MESSAGES: Readonly<Record<TransitionRequirement, string>> = {
  onHoldReason: 'Pick the On hold reason: what the incident is waiting for.',
  resolutionCode: 'Pick the Resolution code.',
  resolutionNotes: 'Write the Resolution notes: what was done to fix it.',
  reopenReason: 'Say why the incident is reopened: what the caller still cannot do.',
  closeNotes: 'Write the Close notes: why the request could not be completed.',
};

export interface Transition<S extends string, A extends string> {
  from: S;
  to: S;
  /** The verb a button or command names (Resolve, Reopen incident, …). */
  action: A;
  requires: readonly TransitionRequirement[];
}

export interface StateMachine<S extends string, A extends string> {
  states: readonly S[];
  initial: S;
  transitions: readonly Transition<S, A>[];
  /** Why `from → to` is refused; asked only for pairs that are not in `transitions`. */
  refusal: (from: S, to: S) => string;
}

export type TransitionCheck<S extends string, A extends string> =
  { allowed: true; transition: Transition<S, A> } | { allowed: false; reason: string };

export function checkTransition<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  from: S,
  to: S,
): TransitionCheck<S, A> {
  const transition = machine.transitions.find((t) => t.from === from && t.to === to);
  return transition
    ? { allowed: true, transition }
    : { allowed: false, reason: machine.refusal(from, to) };
}

/** What the form offers from `from`, in the machine's order. */
export function transitionsFrom<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  from: S,
): Transition<S, A>[] {
  return machine.transitions.filter((t) => t.from === from);
}

// ---- incident ----

export type IncidentAction =
  'start' | 'hold' | 'resume' | 'resolve' | 'reopen' | 'close' | 'cancel';

const RESOLVE = ['resolutionCode', 'resolutionNotes'] as const;

export const INCIDENT_MACHINE: StateMachine<IncidentState, IncidentAction> = {
  states: INCIDENT_STATES,
  initial: 'New',
  transitions: [
    { from: 'New', to: 'In Progress', action: 'start', requires: [] },
    { from: 'New', to: 'On Hold', action: 'hold', requires: ['onHoldReason'] },
    { from: 'New', to: 'Resolved', action: 'resolve', requires: RESOLVE },
    { from: 'New', to: 'Canceled', action: 'cancel', requires: [] },
    { from: 'In Progress', to: 'On Hold', action: 'hold', requires: ['onHoldReason'] },
    { from: 'In Progress', to: 'Resolved', action: 'resolve', requires: RESOLVE },
    { from: 'In Progress', to: 'Canceled', action: 'cancel', requires: [] },
    { from: 'On Hold', to: 'In Progress', action: 'resume', requires: [] },
    { from: 'On Hold', to: 'Resolved', action: 'resolve', requires: RESOLVE },
    { from: 'On Hold', to: 'Canceled', action: 'cancel', requires: [] },
    // The second seed's callback: the caller still cannot print, so the fix did not hold.
    { from: 'Resolved', to: 'In Progress', action: 'reopen', requires: ['reopenReason'] },
    { from: 'Resolved', to: 'Closed', action: 'close', requires: [] },
  ],
  refusal: (from, to) => {
    if (from === to) return `The incident is already ${to}.`;
    if (from === 'Closed') {
      return to === 'In Progress'
        ? 'A Closed incident cannot be reopened; create a new incident.'
        : 'A Closed incident cannot be changed; create a new incident if the problem is back.';
    }
    if (from === 'Canceled') return 'A Canceled incident cannot be changed; create a new incident.';
    if (to === 'New') {
      return from === 'Resolved'
        ? 'A Resolved incident cannot go back to New; use Reopen incident.'
        : 'An incident that has been worked cannot go back to New.';
    }
    if (to === 'Closed')
      return 'Resolve the incident first: only a Resolved incident can be closed.';
    if (from === 'Resolved' && to === 'On Hold')
      return 'A Resolved incident cannot be put on hold; reopen it first.';
    if (from === 'Resolved' && to === 'Canceled')
      return 'A Resolved incident cannot be canceled; close it, or reopen it if the problem is back.';
    return `An incident cannot go from ${from} to ${to}.`;
  },
};

// ---- request ----

export type RequestAction = 'start' | 'complete' | 'close-incomplete' | 'cancel';

export const REQUEST_MACHINE: StateMachine<RequestState, RequestAction> = {
  states: REQUEST_STATES,
  initial: 'Open',
  transitions: [
    { from: 'Open', to: 'Work in Progress', action: 'start', requires: [] },
    { from: 'Open', to: 'Closed Complete', action: 'complete', requires: [] },
    { from: 'Open', to: 'Closed Incomplete', action: 'close-incomplete', requires: ['closeNotes'] },
    { from: 'Open', to: 'Canceled', action: 'cancel', requires: [] },
    { from: 'Work in Progress', to: 'Closed Complete', action: 'complete', requires: [] },
    {
      from: 'Work in Progress',
      to: 'Closed Incomplete',
      action: 'close-incomplete',
      requires: ['closeNotes'],
    },
    { from: 'Work in Progress', to: 'Canceled', action: 'cancel', requires: [] },
  ],
  refusal: (from, to) => {
    if (from === to) return `The request is already ${to}.`;
    if ((FINAL_REQUEST_STATES as readonly string[]).includes(from))
      return `A ${from} request cannot be changed; create a new request.`;
    if (to === 'Open') return 'A request that is being worked cannot go back to Open.';
    return `A request cannot go from ${from} to ${to}.`;
  },
};
