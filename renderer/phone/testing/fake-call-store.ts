// Test helper: a store host that answers the call queries ('call.incoming', 'call.log',
// 'call.get') from calls the test feeds it, live, records the call commands and applies
// `call.markSeen`, and hands everything else to the real store host underneath. Until the store
// host's own call queries land (wip-phone-server); for the phone desk's component tests only.

import type { StoreResult } from '../../../shared/domain/result';
import { fail, ok } from '../../../shared/domain/result';
import { internationalForm } from '../../../shared/domain/phone-international';
import type {
  CallerOpenRecord,
  CallPerson,
  CallView,
  IncomingCall,
} from '../../../shared/store-api/call-contract';
import { callQueryInputs } from '../../../shared/store-api/call-contract';
import type { StoreHostApi } from '../../../shared/store-api/contract';

export interface FakeCallStore {
  store: StoreHostApi;
  /** Every call command the desk sent, in order. */
  commands: { name: string; input: unknown }[];
  /** What the phone system just announced: replaces the desk's calls and their callers' records. */
  setCalls: (calls: CallView[], openRecords?: Record<string, CallerOpenRecord[]>) => void;
  /** Changes one call as a CTI event would (answer, hangup). */
  update: (id: string, change: Partial<CallView>) => void;
  calls: () => CallView[];
}

type Listener = (result: StoreResult<unknown>) => void;
type CallQueryName = keyof typeof callQueryInputs;

const isCallQuery = (name: string): name is CallQueryName => Object.hasOwn(callQueryInputs, name);

export function fakeCallStore(base: StoreHostApi, agentId: () => string): FakeCallStore {
  let calls: CallView[] = [];
  let records: Record<string, CallerOpenRecord[]> = {};
  const commands: FakeCallStore['commands'] = [];
  const listeners = new Set<{ name: CallQueryName; input: unknown; listener: Listener }>();

  const newestFirst = (list: CallView[]): CallView[] =>
    [...list].sort((a, b) => b.rangAt.localeCompare(a.rangAt));

  const answer = (name: CallQueryName, input: unknown): StoreResult<unknown> => {
    const checked = callQueryInputs[name].safeParse(input);
    if (!checked.success) return fail('invalid-input', checked.error.message);
    const me = agentId();
    switch (name) {
      case 'call.incoming': {
        const ringing = newestFirst(calls).filter(
          (c) => (c.state === 'Ringing' || c.state === 'Answered') && c.notify.includes(me),
        );
        return ok(
          ringing.map((call): IncomingCall => ({
            call,
            openRecords: call.caller ? (records[call.caller] ?? []) : [],
          })),
        );
      }
      case 'call.log': {
        const args = callQueryInputs['call.log'].parse(input);
        const listed = newestFirst(calls).filter(
          (c) =>
            c.state !== 'Ringing' &&
            (args.filter !== 'missed' || c.state === 'Missed') &&
            (args.filter !== 'answered' || c.answeredAt !== null) &&
            (!args.unseenOnly || !c.seen) &&
            (args.queue === null || c.queue === args.queue) &&
            (args.agent === null || c.answeredBy === args.agent),
        );
        return ok({
          calls: listed.slice(0, args.limit),
          queues: [...new Set(calls.flatMap((c) => (c.queue ? [c.queue] : [])))].sort(),
          unseenMissed: calls.filter((c) => c.state === 'Missed' && !c.seen).length,
        });
      }
      case 'call.get': {
        const id = callQueryInputs['call.get'].parse(input).id;
        return ok(calls.find((c) => c.id === id) ?? null);
      }
    }
  };

  const refresh = (): void => {
    for (const l of listeners) l.listener(answer(l.name, l.input));
  };

  const run = (name: string, input: unknown): StoreResult<unknown> | null => {
    if (name === 'call.markSeen') {
      const ids = (input as { ids?: unknown }).ids;
      if (!Array.isArray(ids)) return fail('invalid-input', 'ids must be a list of calls.');
      calls = calls.map((c) =>
        ids.includes(c.id) ? { ...c, seen: true, seenBy: [...c.seenBy, agentId()] } : c,
      );
      return ok({ marked: ids.length });
    }
    if (name === 'call.link') {
      const { id, interaction } = input as { id: string; interaction: string };
      calls = calls.map((c) => (c.id === id ? { ...c, interaction } : c));
      return ok(null);
    }
    return null;
  };

  const store: StoreHostApi = {
    command: (name, input) => {
      const called: string = name;
      const done = run(called, input);
      if (done === null) return base.command(name, input);
      commands.push({ name: called, input });
      if (done.ok) refresh();
      return Promise.resolve(done as never);
    },
    query: (name, input) =>
      isCallQuery(name) ? Promise.resolve(answer(name, input) as never) : base.query(name, input),
    subscribe: (name, input, listener) => {
      if (!isCallQuery(name)) return base.subscribe(name, input, listener);
      const entry = { name, input, listener: listener as Listener };
      listeners.add(entry);
      entry.listener(answer(name, input));
      return Promise.resolve(() => listeners.delete(entry));
    },
    onEvent: (listener) => base.onEvent(listener),
    act: (name, input) => base.act(name, input),
  };

  return {
    store,
    commands,
    setCalls: (next, open = {}) => {
      calls = next;
      records = open;
      refresh();
    },
    update: (id, change) => {
      calls = calls.map((c) => (c.id === id ? { ...c, ...change } : c));
      refresh();
    },
    calls: () => calls,
  };
}

/** A person as the banner shows them. */
export const callPerson = (
  id: string,
  name: string,
  extra: Partial<CallPerson> = {},
): CallPerson => ({
  id,
  name,
  vip: false,
  email: `${name.split(' ')[0]?.toLowerCase() ?? id}@example.com`,
  phone: '+44 20 7946 0958',
  department: 'Finance',
  location: 'London HQ',
  ...extra,
});

/** A call as the store host would show it: ringing from +44 20 7946 0958 unless told otherwise. */
export function callView(id: string, extra: Partial<CallView> = {}): CallView {
  const callerPerson = extra.callerPerson ?? null;
  return {
    id,
    number: `CAL000${1000 + id.length}`,
    numberProvisional: false,
    callId: `pbx-${id}`,
    integration: 'integration-1',
    location: null,
    direction: 'in',
    from: '+44 20 7946 0958',
    to: '+44 20 7946 0000',
    numberE164: '+442079460958',
    caller: callerPerson?.id ?? null,
    candidates: callerPerson ? [callerPerson.id] : [],
    queue: 'Service desk',
    notify: [],
    state: 'Ringing',
    rangAt: '2026-12-04T09:00:00.000Z',
    answeredAt: null,
    answeredBy: null,
    answeringNumber: null,
    endedAt: null,
    cause: null,
    interaction: null,
    seenBy: [],
    openedAt: extra.rangAt ?? '2026-12-04T09:00:00.000Z',
    updatedAt: extra.rangAt ?? '2026-12-04T09:00:00.000Z',
    updatedBy: 'system',
    callerPerson,
    candidatePeople: callerPerson ? [callerPerson] : [],
    answeredByName: null,
    numberInternational: internationalForm(extra.numberE164 ?? '+442079460958'),
    interactionNumber: null,
    seen: false,
    ...extra,
  };
}
