// Test helper: the real store host (a walk-up desk on fake-indexeddb) with the calls a test hands it
// answered by `call.get`, live, until the store host's own call queries land (wip-phone-server).
// For the form's call tests only; never used by the app.

import { ok, type StoreResult } from '../../../shared/domain/result';
import type { UserHit } from '../../../shared/domain/directory';
import { internationalForm } from '../../../shared/domain/phone-international';
import type { CallPerson, CallView } from '../../../shared/store-api/call-contract';
import type { StoreHostApi } from '../../../shared/store-api/contract';

type Listener = (result: StoreResult<CallView | null>) => void;

export interface DeskWithCalls {
  store: StoreHostApi;
  /** Puts a call on the desk (or its next version, as a pull brings it): live queries get it. */
  putCall(call: CallView): void;
  /** Every command sent, with its input. */
  commands: { name: string; input: unknown }[];
}

export function deskWithCalls(real: StoreHostApi): DeskWithCalls {
  const calls = new Map<string, CallView>();
  const listeners = new Set<{ id: string; listener: Listener }>();
  const commands: DeskWithCalls['commands'] = [];
  const callOf = (input: unknown): string =>
    typeof input === 'object' && input !== null && 'id' in input && typeof input.id === 'string'
      ? input.id
      : '';
  const store: StoreHostApi = {
    query(name, input) {
      if (name !== 'call.get') return real.query(name, input);
      const answer: StoreResult<CallView | null> = ok(calls.get(callOf(input)) ?? null);
      // `name` is call.get here: its answer is a CallView or null.
      return Promise.resolve(answer as Awaited<ReturnType<typeof real.query<typeof name>>>);
    },
    act: (name, input) => real.act(name, input),
    onEvent: (listener) => real.onEvent(listener),
    command: (name, input) => {
      commands.push({ name, input });
      return real.command(name, input);
    },
    subscribe(name, input, listener) {
      if (name !== 'call.get') return real.subscribe(name, input, listener);
      const entry = { id: callOf(input), listener: listener as Listener };
      listeners.add(entry);
      entry.listener(ok(calls.get(entry.id) ?? null));
      return Promise.resolve(() => listeners.delete(entry));
    },
  };
  return {
    store,
    commands,
    putCall(call) {
      calls.set(call.id, call);
      for (const l of listeners) if (l.id === call.id) l.listener(ok(call));
    },
  };
}

/** A directory user as the banner and the form get them with a call. */
export const personOf = (user: UserHit): CallPerson => ({
  id: user.id,
  name: user.name,
  vip: user.vip,
  email: user.email,
  phone: user.phone,
  department: user.department,
  location: user.location,
});

/** An inbound call answered `secondsAgo` ago by agent `answeredBy`, from `from`. */
export function answeredCall(
  over: Partial<CallView> & { from: string; secondsAgo: number },
): CallView {
  const { secondsAgo, ...rest } = over;
  const answeredAt = new Date(Date.now() - secondsAgo * 1000).toISOString();
  return {
    id: 'call-1',
    number: 'CAL0001001',
    numberProvisional: false,
    callId: 'pbx-4711',
    integration: 'int-1',
    location: 'loc-hq',
    direction: 'in',
    to: '+442079460000',
    numberE164: over.from,
    caller: null,
    candidates: [],
    queue: 'Service Desk',
    notify: [],
    state: 'Answered',
    rangAt: answeredAt,
    answeredAt,
    answeredBy: null,
    answeringNumber: null,
    endedAt: null,
    cause: null,
    interaction: null,
    seenBy: [],
    openedAt: answeredAt,
    updatedAt: answeredAt,
    updatedBy: 'deskpad-server',
    callerPerson: null,
    candidatePeople: [],
    answeredByName: null,
    numberInternational: internationalForm(over.from),
    interactionNumber: null,
    seen: false,
    ...rest,
  };
}

/** The first `count` users the directory finds for `text`. */
export async function someUsers(
  store: StoreHostApi,
  text: string,
  count: number,
): Promise<UserHit[]> {
  const found = await store.query('directory.searchUsers', { query: text, limit: 20 });
  if (!found.ok) throw new Error(found.error.message);
  const withPhones = found.value.filter((u) => u.phone !== '' && u.email !== '');
  if (withPhones.length < count) throw new Error(`Only ${withPhones.length} users for "${text}"`);
  return withPhones.slice(0, count);
}
