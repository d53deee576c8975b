// A live query's answers reach the part that asked: each fresh one shown, never one for other
// input; while the desk fills itself in (before the agent's first input) as transitions, and from
// the agent's first key, pointer or input on, at once (decision 0016).

import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { StoreResult } from '../../shared/domain/result';
import type { StoreHostApi } from '../../shared/store-api/contract';
import { DeskpadContext, type DeskpadDeps } from '../app/deskpad-context';
import { useLiveValue } from './use-live-query';

type Listener = (result: StoreResult<unknown>) => void;

/** A store host whose live queries the test answers: `answer(key, value)`, by name and input. */
function answeringStore() {
  const listeners = new Map<string, Set<Listener>>();
  const store = {
    subscribe: (name: string, input: unknown, listener: Listener) => {
      const key = `${name}:${JSON.stringify(input)}`;
      const set = listeners.get(key) ?? new Set<Listener>();
      listeners.set(key, set);
      set.add(listener);
      return Promise.resolve(() => set.delete(listener));
    },
  } as unknown as StoreHostApi;
  const answer = (key: string, value: unknown): void => {
    for (const listener of listeners.get(key) ?? []) listener({ ok: true, value });
  };
  return { store, answer, listening: (key: string) => (listeners.get(key)?.size ?? 0) > 0 };
}

function AgentName({ id }: { id: string }) {
  const user = useLiveValue('directory.getUser', { id }, null) as { name?: string } | null;
  return <p>{user?.name ?? 'Loading…'}</p>;
}

function Desk({ store }: { store: StoreHostApi }) {
  const [id, setId] = useState('u1');
  return (
    <DeskpadContext.Provider value={{ store } as DeskpadDeps}>
      <AgentName id={id} />
      <button type="button" onClick={() => setId('u2')}>
        Other
      </button>
    </DeskpadContext.Provider>
  );
}

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('useLiveQuery', () => {
  it('shows the answers that come while the desk fills itself in, before the agent acts', async () => {
    const { store, answer, listening } = answeringStore();
    render(<Desk store={store} />);
    await settle();
    expect(listening('directory.getUser:{"id":"u1"}')).toBe(true);
    act(() => answer('directory.getUser:{"id":"u1"}', { name: 'Ada' }));
    expect(await screen.findByText('Ada')).toBeTruthy();
    act(() => answer('directory.getUser:{"id":"u1"}', { name: 'Ada Lovelace' }));
    expect(await screen.findByText('Ada Lovelace')).toBeTruthy();
  });

  it('from the agent’s first input on, shows each answer at once, and never one for other input', async () => {
    const { store, answer } = answeringStore();
    render(<Desk store={store} />);
    await settle();
    act(() => {
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    });
    act(() => answer('directory.getUser:{"id":"u1"}', { name: 'Ada' }));
    expect(screen.getByText('Ada')).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Other' }).click());
    // The answer for the old input is not shown for the new one.
    expect(screen.getByText('Loading…')).toBeTruthy();
    await settle();
    act(() => answer('directory.getUser:{"id":"u2"}', { name: 'Grace' }));
    expect(screen.getByText('Grace')).toBeTruthy();
  });
});
