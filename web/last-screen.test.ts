// The page keeps the screen it showed last, under the key its first script reads.

import { describe, expect, it } from 'vitest';
import { LAST_SCREEN_KEY, keepLastScreen } from './last-screen';
import startAhead from './public/start-ahead.js?raw';

describe('the last screen, kept for the next start', () => {
  it('is kept under the key the page’s first script reads', () => {
    const kept = new Map<string, string>();
    const storage = { setItem: (key: string, value: string) => void kept.set(key, value) };
    keepLastScreen(() => storage, 'desk');
    expect(kept.get(LAST_SCREEN_KEY)).toBe('desk');
    keepLastScreen(() => storage, 'sign-in');
    expect(kept.get(LAST_SCREEN_KEY)).toBe('sign-in');
    expect(startAhead).toContain(`localStorage.getItem('${LAST_SCREEN_KEY}') === 'desk'`);
  });

  it('keeps nothing, and says nothing, where the browser keeps no storage', () => {
    const refused = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    expect(() => keepLastScreen(refused, 'desk')).not.toThrow();
    const full = {
      setItem: () => {
        throw new DOMException('Quota exceeded.', 'QuotaExceededError');
      },
    };
    expect(() => keepLastScreen(() => full, 'desk')).not.toThrow();
  });
});
