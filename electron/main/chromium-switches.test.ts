import { describe, expect, it } from 'vitest';
import { applyChromiumSwitches } from './chromium-switches';

describe('Chromium switches', () => {
  it('lets the lookup results render in the frame after the keystroke, and nothing else', () => {
    const switches: [string, string | undefined][] = [];
    applyChromiumSwitches({ appendSwitch: (name, value) => switches.push([name, value]) });
    expect(switches).toEqual([['disable-features', 'DeferRendererTasksAfterInput']]);
  });
});
