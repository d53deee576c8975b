// A part of the window's script, fetched once, again after a failure, and ahead when idle.

import { describe, expect, it, vi } from 'vitest';
import { laterPart } from './prefetch-when-idle';

describe('a later part of the window’s script', () => {
  it('is fetched once however often it is asked for', async () => {
    const fetchPart = vi.fn(() => Promise.resolve({ part: 1 }));
    const part = laterPart(fetchPart);
    const [a, b] = await Promise.all([part.load(), part.load()]);
    expect(a).toBe(b);
    await part.load();
    expect(fetchPart).toHaveBeenCalledTimes(1);
  });

  it('is fetched again after a failed fetch', async () => {
    const fetchPart = vi
      .fn<() => Promise<{ part: number }>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce({ part: 2 });
    const part = laterPart(fetchPart);
    await expect(part.load()).rejects.toThrow(/Failed to fetch/);
    await expect(part.load()).resolves.toEqual({ part: 2 });
    expect(fetchPart).toHaveBeenCalledTimes(2);
  });

  it('is fetched ahead when the window is idle, unless cancelled first', async () => {
    vi.useFakeTimers();
    try {
      const fetchPart = vi.fn(() => Promise.resolve({ part: 3 }));
      const cancel = laterPart(fetchPart).prefetch();
      cancel();
      await vi.advanceTimersByTimeAsync(2000);
      expect(fetchPart).not.toHaveBeenCalled();

      laterPart(fetchPart).prefetch();
      await vi.advanceTimersByTimeAsync(2000);
      expect(fetchPart).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
