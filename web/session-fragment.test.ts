// The launcher's `#launch=<code>` and an empty server's `#setup=<code>`: read once and wiped from
// the address at once; an old `#session=<token>` is wiped and never used.

import { describe, expect, it, vi } from 'vitest';
import { takeLaunchFragment, takeSessionFragment } from './session-fragment';

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

describe('the launch fragment', () => {
  it('takes the code and removes it from the address without a new history entry', () => {
    const { bar: address, replaceState } = bar('#launch=abc123code4567890');
    expect(takeLaunchFragment(address)).toBe('abc123code4567890');
    expect(replaceState).toHaveBeenCalledWith({ kept: true }, '', '/?x=1');
  });

  it('keeps other fragment parts', () => {
    const { bar: address, replaceState } = bar('#view=all&launch=code-1234567890abcdef');
    expect(takeLaunchFragment(address)).toBe('code-1234567890abcdef');
    expect(replaceState).toHaveBeenCalledWith({ kept: true }, '', '/?x=1#view=all');
  });

  it('leaves an address without a launch code alone', () => {
    for (const hash of ['', '#', '#view=all']) {
      const { bar: address, replaceState } = bar(hash);
      expect(takeLaunchFragment(address)).toBeNull();
      expect(replaceState).not.toHaveBeenCalled();
    }
  });

  it('wipes an old session token from the address and never uses it', () => {
    const { bar: address, replaceState } = bar('#session=abc123token4567890');
    expect(takeLaunchFragment(address)).toBeNull();
    expect(replaceState).toHaveBeenCalledWith({ kept: true }, '', '/?x=1');
  });

  it('wipes but refuses an empty or absurdly long code', () => {
    const empty = bar('#launch=');
    expect(takeLaunchFragment(empty.bar)).toBeNull();
    expect(empty.replaceState).toHaveBeenCalled();
    expect(takeLaunchFragment(bar(`#launch=${'x'.repeat(600)}`).bar)).toBeNull();
  });
});

describe('the setup fragment', () => {
  it('takes an empty server’s setup code and removes it from the address at once', () => {
    const code = 's'.repeat(43);
    const { bar: address, replaceState } = bar(`#setup=${code}`);
    expect(takeSessionFragment(address)).toEqual({ launch: null, setup: code });
    expect(replaceState).toHaveBeenCalledWith({ kept: true }, '', '/?x=1');
  });

  it('is not a launch code, and an oversized one is wiped but not used', () => {
    expect(takeLaunchFragment(bar('#setup=abc').bar)).toBeNull();
    const { bar: address, replaceState } = bar(`#setup=${'x'.repeat(600)}&view=all`);
    expect(takeSessionFragment(address)).toEqual({ launch: null, setup: null });
    expect(replaceState).toHaveBeenCalledWith({ kept: true }, '', '/?x=1#view=all');
  });
});
