// The launcher's `#session=<token>`: read once and wiped from the address at once.

import { describe, expect, it, vi } from 'vitest';
import { takeSessionFragment } from './session-fragment';

const bar = (hash: string) => {
  const replaceState = vi.fn();
  return {
    replaceState,
    bar: {
      location: { pathname: '/', search: '?x=1', hash },
      history: { state: { kept: true }, replaceState },
    },
  };
};

describe('the session fragment', () => {
  it('takes the token and removes it from the address without a new history entry', () => {
    const { bar: address, replaceState } = bar('#session=abc123token4567890');
    expect(takeSessionFragment(address)).toBe('abc123token4567890');
    expect(replaceState).toHaveBeenCalledWith({ kept: true }, '', '/?x=1');
  });

  it('keeps other fragment parts', () => {
    const { bar: address, replaceState } = bar('#view=all&session=tok-1234567890abcdef');
    expect(takeSessionFragment(address)).toBe('tok-1234567890abcdef');
    expect(replaceState).toHaveBeenCalledWith({ kept: true }, '', '/?x=1#view=all');
  });

  it('leaves an address without a session alone', () => {
    for (const hash of ['', '#', '#view=all']) {
      const { bar: address, replaceState } = bar(hash);
      expect(takeSessionFragment(address)).toBeNull();
      expect(replaceState).not.toHaveBeenCalled();
    }
  });

  it('wipes but refuses an empty or absurdly long token', () => {
    const empty = bar('#session=');
    expect(takeSessionFragment(empty.bar)).toBeNull();
    expect(empty.replaceState).toHaveBeenCalled();
    expect(takeSessionFragment(bar(`#session=${'x'.repeat(600)}`).bar)).toBeNull();
  });
});
