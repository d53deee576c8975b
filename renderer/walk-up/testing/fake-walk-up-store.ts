// Test helper: a store host that holds a location's visits in memory, applies the shared visit
// mutators to them and answers the walk-up queries live, until the store host's own walk-up
// queries land (QUEUE). For the Walk-up section's component tests; never used by the app.

import { medianMinutes, todaysWalkUpWait } from '../../../shared/domain/desk-figures';
import type { User } from '../../../shared/domain/directory';
import { fail, ok, type StoreResult } from '../../../shared/domain/result';
import {
  callVisit,
  CheckInArgs,
  checkIn,
  markLeft,
  markNoShow,
  returnToQueue,
  startVisit,
  type Visit,
} from '../../../shared/domain/visit';
import { estimateWaits, queueOrder } from '../../../shared/domain/walk-up-queue';
import type { WalkUpLocation } from '../../../shared/domain/walk-up-location';
import type { StoreHostApi } from '../../../shared/store-api/contract';
import type { VisitView, WalkUpQueueView } from '../../../shared/store-api/walk-up-contract';

export interface FakeWalkUpStore {
  store: StoreHostApi;
  commands: { name: string; input: unknown }[];
  visits: () => Visit[];
  /** Adds a visit as another desk (or the kiosk) would have, checked in at `at`. */
  seed: (args: { name: string; reason: string; vip?: boolean; at: string; id?: string }) => Visit;
}

interface FakeOptions {
  location: WalkUpLocation;
  agent: User;
  users: User[];
  now: () => Date;
}

type Listener = (result: StoreResult<unknown>) => void;

export function fakeWalkUpStore({ location, agent, users, now }: FakeOptions): FakeWalkUpStore {
  let visits: Visit[] = [];
  const commands: FakeWalkUpStore['commands'] = [];
  const listeners = new Set<{ name: string; input: unknown; listener: Listener }>();
  let numbers = 0;
  const userName = (id: string | null) => users.find((u) => u.id === id)?.name ?? '';
  const ctx = () => ({
    now: now().toISOString(),
    actorId: agent.id,
    directory: { userName, isGroupMember: () => true },
  });
  const view = (v: Visit): VisitView => ({
    ...v,
    calledByName: v.calledBy ? userName(v.calledBy) : null,
    servedByName: v.servedBy ? userName(v.servedBy) : null,
    interactionNumber: v.interaction ? 'IMS-P0001' : null,
  });
  const queue = (): WalkUpQueueView => {
    const at = now().getTime();
    const estimate = estimateWaits(visits, location, at);
    const here = visits.filter((v) => v.location === location.id);
    return {
      location,
      waiting: queueOrder(visits, location).map((v, i) => ({
        visit: view(v),
        position: i + 1,
        estimatedWaitMinutes: estimate.minutes.get(v.id) ?? null,
      })),
      called: here.filter((v) => v.state === 'Called').map(view),
      inService: here.filter((v) => v.state === 'In service').map(view),
      finished: [],
      stationsServing: estimate.stations,
      medianServiceMinutes: estimate.medianServiceMinutes,
      todayMedianWaitMinutes: medianMinutes(todaysWalkUpWait(here, at, 'UTC')),
    };
  };
  const answer = (name: string, input: unknown): StoreResult<unknown> => {
    switch (name) {
      case 'walkUp.locations':
        return ok([location]);
      case 'walkUp.queue':
        return ok(queue());
      case 'session.current':
        return ok({ agent, clientId: 'fake-client' });
      case 'directory.getUser':
        return ok(users.find((u) => u.id === (input as { id: string }).id) ?? null);
      case 'directory.searchUsers': {
        const text = (input as { query: string }).query.trim().toLowerCase();
        return ok(users.filter((u) => u.name.toLowerCase().includes(text)));
      }
      case 'directory.searchUsersAhead':
        return fail('not-ready', 'No lookahead here.');
      default:
        return fail('not-ready', `This fake store host does not answer ${name}.`);
    }
  };
  const refresh = () => {
    for (const l of listeners) l.listener(answer(l.name, l.input));
  };
  const change = (id: string, apply: (v: Visit) => StoreResult<Visit>): StoreResult<unknown> => {
    const current = visits.find((v) => v.id === id);
    if (!current) return fail('not-found', 'That visit is not on this desk.');
    const changed = apply(current);
    if (!changed.ok) return changed;
    visits = visits.map((v) => (v.id === id ? changed.value : v));
    return ok(view(changed.value));
  };
  const run = (name: string, input: Record<string, unknown>): StoreResult<unknown> => {
    const id = typeof input.id === 'string' ? input.id : '';
    const station = typeof input.station === 'string' ? input.station : '';
    switch (name) {
      case 'visit.checkIn': {
        const args = CheckInArgs.parse(input);
        const made = checkIn(args, `VIS-P${String((numbers += 1)).padStart(4, '0')}`, true, ctx());
        if (made.ok) visits = [...visits, made.value];
        return made;
      }
      case 'visit.call':
        return change(id, (v) => callVisit(v, { id, station }, ctx()));
      case 'visit.returnToQueue':
        return change(id, (v) => returnToQueue(v, ctx()));
      case 'visit.noShow':
        return change(id, (v) => markNoShow(v, ctx()));
      case 'visit.markLeft':
        return change(id, (v) => markLeft(v, ctx()));
      case 'visit.start':
        return change(id, (v) => startVisit(v, String(input.interactionId), station, ctx()));
      default:
        return fail('not-ready', `This fake store host does not run ${name}.`);
    }
  };
  const store: StoreHostApi = {
    command: (name, input) => {
      commands.push({ name, input });
      const result = run(name, input);
      if (result.ok) refresh();
      return Promise.resolve(result as never);
    },
    query: (name, input) => Promise.resolve(answer(name, input) as never),
    subscribe: (name, input, listener) => {
      const entry = { name, input, listener: listener as Listener };
      listeners.add(entry);
      entry.listener(answer(name, input));
      return Promise.resolve(() => listeners.delete(entry));
    },
    onEvent: () => Promise.resolve(() => undefined),
    act: () => Promise.resolve(fail('not-ready', 'No actions here.')),
  };
  const seed: FakeWalkUpStore['seed'] = ({ name, reason, vip = false, at, id }) => {
    const args = CheckInArgs.parse({
      id: id ?? `seed-${(numbers += 1)}`,
      location: location.id,
      person: null,
      guestName: name,
      reason,
      channel: 'kiosk',
    });
    const made = checkIn(args, `VIS000${1000 + numbers}`, false, { ...ctx(), now: at });
    if (!made.ok) throw new Error(made.error.message);
    visits = [...visits, { ...made.value, vip }];
    refresh();
    return made.value;
  };
  return { store, commands, visits: () => visits, seed };
}
