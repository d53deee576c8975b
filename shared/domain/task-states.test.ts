// Every pair of states of both machines, allowed or refused, checked against one table each:
// a transition nobody listed here fails the test, so the machines cannot drift by accident.

import { describe, expect, it } from 'vitest';
import {
  checkTransition,
  INCIDENT_MACHINE,
  INCIDENT_STATES,
  REQUEST_MACHINE,
  REQUEST_STATES,
  transitionsFrom,
  type IncidentState,
  type RequestState,
} from './task-states';

type Expected = [action: string, requires: string[]] | string;

const INCIDENT_TABLE: Record<IncidentState, Record<IncidentState, Expected>> = {
  New: {
    New: 'The incident is already New.',
    'In Progress': ['start', []],
    'On Hold': ['hold', ['onHoldReason']],
    Resolved: ['resolve', ['resolutionCode', 'resolutionNotes']],
    Closed: 'Resolve the incident first: only a Resolved incident can be closed.',
    Canceled: ['cancel', []],
  },
  'In Progress': {
    New: 'An incident that has been worked cannot go back to New.',
    'In Progress': 'The incident is already In Progress.',
    'On Hold': ['hold', ['onHoldReason']],
    Resolved: ['resolve', ['resolutionCode', 'resolutionNotes']],
    Closed: 'Resolve the incident first: only a Resolved incident can be closed.',
    Canceled: ['cancel', []],
  },
  'On Hold': {
    New: 'An incident that has been worked cannot go back to New.',
    'In Progress': ['resume', []],
    'On Hold': 'The incident is already On Hold.',
    Resolved: ['resolve', ['resolutionCode', 'resolutionNotes']],
    Closed: 'Resolve the incident first: only a Resolved incident can be closed.',
    Canceled: ['cancel', []],
  },
  Resolved: {
    New: 'A Resolved incident cannot go back to New; use Reopen incident.',
    'In Progress': ['reopen', ['reopenReason']],
    'On Hold': 'A Resolved incident cannot be put on hold; reopen it first.',
    Resolved: 'The incident is already Resolved.',
    Closed: ['close', []],
    Canceled:
      'A Resolved incident cannot be canceled; close it, or reopen it if the problem is back.',
  },
  Closed: {
    New: 'A Closed incident cannot be changed; create a new incident if the problem is back.',
    'In Progress': 'A Closed incident cannot be reopened; create a new incident.',
    'On Hold': 'A Closed incident cannot be changed; create a new incident if the problem is back.',
    Resolved: 'A Closed incident cannot be changed; create a new incident if the problem is back.',
    Closed: 'The incident is already Closed.',
    Canceled: 'A Closed incident cannot be changed; create a new incident if the problem is back.',
  },
  Canceled: {
    New: 'A Canceled incident cannot be changed; create a new incident.',
    'In Progress': 'A Canceled incident cannot be changed; create a new incident.',
    'On Hold': 'A Canceled incident cannot be changed; create a new incident.',
    Resolved: 'A Canceled incident cannot be changed; create a new incident.',
    Closed: 'A Canceled incident cannot be changed; create a new incident.',
    Canceled: 'The incident is already Canceled.',
  },
};

const REQUEST_TABLE: Record<RequestState, Record<RequestState, Expected>> = {
  Open: {
    Open: 'The request is already Open.',
    'Work in Progress': ['start', []],
    'Closed Complete': ['complete', []],
    'Closed Incomplete': ['close-incomplete', ['closeNotes']],
    Canceled: ['cancel', []],
  },
  'Work in Progress': {
    Open: 'A request that is being worked cannot go back to Open.',
    'Work in Progress': 'The request is already Work in Progress.',
    'Closed Complete': ['complete', []],
    'Closed Incomplete': ['close-incomplete', ['closeNotes']],
    Canceled: ['cancel', []],
  },
  'Closed Complete': {
    Open: 'A Closed Complete request cannot be changed; create a new request.',
    'Work in Progress': 'A Closed Complete request cannot be changed; create a new request.',
    'Closed Complete': 'The request is already Closed Complete.',
    'Closed Incomplete': 'A Closed Complete request cannot be changed; create a new request.',
    Canceled: 'A Closed Complete request cannot be changed; create a new request.',
  },
  'Closed Incomplete': {
    Open: 'A Closed Incomplete request cannot be changed; create a new request.',
    'Work in Progress': 'A Closed Incomplete request cannot be changed; create a new request.',
    'Closed Complete': 'A Closed Incomplete request cannot be changed; create a new request.',
    'Closed Incomplete': 'The request is already Closed Incomplete.',
    Canceled: 'A Closed Incomplete request cannot be changed; create a new request.',
  },
  Canceled: {
    Open: 'A Canceled request cannot be changed; create a new request.',
    'Work in Progress': 'A Canceled request cannot be changed; create a new request.',
    'Closed Complete': 'A Canceled request cannot be changed; create a new request.',
    'Closed Incomplete': 'A Canceled request cannot be changed; create a new request.',
    Canceled: 'The request is already Canceled.',
  },
};

function cases<S extends string>(
  states: readonly S[],
  table: Record<S, Record<S, Expected>>,
): [S, S, Expected][] {
  return states.flatMap((from) =>
    states.map((to): [S, S, Expected] => [from, to, table[from][to]]),
  );
}

describe('the incident state machine', () => {
  it.each(cases(INCIDENT_STATES, INCIDENT_TABLE))('%s → %s', (from, to, expected) => {
    const check = checkTransition(INCIDENT_MACHINE, from, to);
    if (typeof expected === 'string') {
      expect(check).toEqual({ allowed: false, reason: expected });
    } else {
      expect(check.allowed && check.transition).toEqual({
        from,
        to,
        action: expected[0],
        requires: expected[1],
      });
    }
  });

  it('lists no transition twice and starts at New', () => {
    const pairs = INCIDENT_MACHINE.transitions.map((t) => `${t.from}→${t.to}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(INCIDENT_MACHINE.initial).toBe('New');
  });

  it('offers Reopen incident and Close incident on a Resolved incident, nothing on a Closed one', () => {
    expect(transitionsFrom(INCIDENT_MACHINE, 'Resolved').map((t) => t.action)).toEqual([
      'reopen',
      'close',
    ]);
    expect(transitionsFrom(INCIDENT_MACHINE, 'Closed')).toEqual([]);
    expect(transitionsFrom(INCIDENT_MACHINE, 'Canceled')).toEqual([]);
  });
});

describe('the request state machine', () => {
  it.each(cases(REQUEST_STATES, REQUEST_TABLE))('%s → %s', (from, to, expected) => {
    const check = checkTransition(REQUEST_MACHINE, from, to);
    if (typeof expected === 'string') {
      expect(check).toEqual({ allowed: false, reason: expected });
    } else {
      expect(check.allowed && check.transition).toEqual({
        from,
        to,
        action: expected[0],
        requires: expected[1],
      });
    }
  });

  it('starts Open and ends in one of three final states', () => {
    expect(REQUEST_MACHINE.initial).toBe('Open');
    const finals = REQUEST_STATES.filter((s) => transitionsFrom(REQUEST_MACHINE, s).length === 0);
    expect(finals).toEqual(['Closed Complete', 'Closed Incomplete', 'Canceled']);
  });
});
