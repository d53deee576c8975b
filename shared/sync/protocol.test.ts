import { describe, expect, it } from 'vitest';
import {
  nestsDeeperThan,
  parsePushedMutation,
  PullRequest,
  PushRequest,
  SYNC_LIMITS,
  toPushedMutation,
} from './protocol';
import { InteractionListQuery, SignInRequest } from './server-api';

const mutation = (mutationId: number, over: Record<string, unknown> = {}) => ({
  mutationId,
  name: 'interaction.addWorkNote',
  args: { id: 'i-1', noteId: `n-${mutationId}`, text: 'Called back' },
  at: '2026-11-23T10:00:00.000Z',
  actorId: 'agent-1',
  ...over,
});

describe('the push request', () => {
  it('takes consecutive mutations from one client', () => {
    expect(
      PushRequest.safeParse({ clientId: 'desk-1', mutations: [mutation(4), mutation(5)] }).success,
    ).toBe(true);
  });

  it('refuses holes, disorder, an empty or oversized push, and unknown fields', () => {
    const bad = [
      { clientId: 'desk-1', mutations: [mutation(4), mutation(6)] },
      { clientId: 'desk-1', mutations: [mutation(5), mutation(4)] },
      { clientId: 'desk-1', mutations: [] },
      {
        clientId: 'desk-1',
        mutations: Array.from({ length: SYNC_LIMITS.mutationsPerPush + 1 }, (_, i) =>
          mutation(i + 1),
        ),
      },
      { clientId: 'desk-1', mutations: [mutation(1, { extra: true })] },
      { clientId: 'desk 1', mutations: [mutation(1)] },
      { clientId: 'desk-1', mutations: [mutation(0)] },
      { clientId: 'desk-1', mutations: [mutation(1, { at: '23/11/2026' })] },
    ];
    for (const push of bad) expect(PushRequest.safeParse(push).success).toBe(false);
  });

  it(`refuses args nested more than ${SYNC_LIMITS.argsDepth} levels, at any depth, without recursion`, () => {
    const nested = (levels: number): unknown => {
      let value: unknown = 'leaf';
      for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
      return value;
    };
    const push = (args: unknown) =>
      PushRequest.safeParse({ clientId: 'desk-1', mutations: [mutation(1, { args })] });
    expect(push(nested(SYNC_LIMITS.argsDepth)).success).toBe(true);
    for (const levels of [SYNC_LIMITS.argsDepth + 1, 500_000]) {
      const refused = push(nested(levels));
      expect(refused.success).toBe(false);
      expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['mutations.0.args']);
    }
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({ a: [1, { b: null }] }, 2)).toBe(true);
    expect(nestsDeeperThan({ a: [1, { b: null }] }, 3)).toBe(false);
  });

  it('leaves name and args to the per-mutation check, which speaks the store contract', () => {
    const unknown = parsePushedMutation(mutation(1, { name: 'interaction.delete' }));
    expect(unknown).toEqual({
      ok: false,
      error: {
        code: 'unknown-operation',
        message: 'There is no command called interaction.delete.',
      },
    });
    const empty = parsePushedMutation(
      mutation(1, { args: { id: 'i-1', noteId: 'n', text: '  ' } }),
    );
    expect(empty.ok || empty.error.fieldErrors).toEqual({
      text: 'Write the work note before adding it.',
    });
    const good = parsePushedMutation(mutation(1));
    expect(good.ok && good.value.name).toBe('interaction.addWorkNote');
  });

  it('is what an outbox entry becomes on the wire', () => {
    const entry = {
      mutationId: 7,
      clientId: 'desk-1',
      name: 'interaction.close' as const,
      args: { id: 'i-1', state: 'Closed Complete' as const },
      at: '2026-11-23T10:00:00.000Z',
      actorId: 'agent-1',
    };
    expect(toPushedMutation(entry)).toEqual({
      mutationId: 7,
      name: 'interaction.close',
      args: { id: 'i-1', state: 'Closed Complete' },
      at: '2026-11-23T10:00:00.000Z',
      actorId: 'agent-1',
    });
  });
});

describe('the pull request', () => {
  it('starts from a null cursor and may name the oldest pending mutation', () => {
    expect(PullRequest.safeParse({ clientId: 'desk-1', cursor: null }).success).toBe(true);
    expect(
      PullRequest.safeParse({ clientId: 'desk-1', cursor: 'abc.1', firstPendingMutationId: 3 })
        .success,
    ).toBe(true);
    expect(PullRequest.safeParse({ clientId: 'desk-1' }).success).toBe(false);
    expect(PullRequest.safeParse({ clientId: 'desk-1', cursor: '' }).success).toBe(false);
  });
});

describe('query strings and sign-in', () => {
  it('reads numbers from text and fills defaults', () => {
    expect(InteractionListQuery.parse({})).toEqual({ limit: 50 });
    expect(InteractionListQuery.parse({ limit: '7', state: 'On Hold' })).toEqual({
      limit: 7,
      state: 'On Hold',
    });
    expect(InteractionListQuery.safeParse({ limit: '1e3' }).success).toBe(false);
  });

  it('trims the user name but never the password', () => {
    expect(SignInRequest.parse({ userName: ' demo.agent ', password: ' secret ' })).toEqual({
      userName: 'demo.agent',
      password: ' secret ',
    });
  });
});
