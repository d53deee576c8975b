// The account screens' schemas, when their script cannot be fetched: the screen says so, and the
// next submit asks again.

import { describe, expect, it, vi } from 'vitest';
import { schemasForSubmit } from './load-account-requests';

let offline = true;
vi.mock('../../shared/sync/account-requests', async (original) => {
  if (offline) throw new TypeError('Failed to fetch dynamically imported module');
  return original();
});

describe('the schemas for a submit', () => {
  it('answers null and tells the screen when they cannot be fetched, then fetches them again', async () => {
    const busy = { current: false };
    const unreachable = vi.fn();
    await expect(schemasForSubmit(busy, unreachable)).resolves.toBeNull();
    expect(unreachable).toHaveBeenCalledTimes(1);
    expect(busy.current).toBe(false);

    offline = false;
    const schemas = await schemasForSubmit(busy, unreachable);
    expect(schemas?.SignInRequest.safeParse({ userName: 'sam', password: 'pw' }).success).toBe(
      true,
    );
    expect(unreachable).toHaveBeenCalledTimes(1);
  });

  it('holds the screen busy while they arrive: a second Enter is the same submit', async () => {
    offline = false;
    const busy = { current: false };
    const submitting = schemasForSubmit(busy, () => undefined);
    expect(busy.current).toBe(true);
    await submitting;
    expect(busy.current).toBe(false);
  });
});
