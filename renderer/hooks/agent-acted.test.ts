// The agent's first input switches the desk from filling itself in to answering at once, and work
// put after the next frame runs after it, once, unless cancelled (decision 0016).

import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame, agentHasActed } from './agent-acted';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/** A window whose frames the test draws: `draw()` runs the callbacks waiting for the next one. */
function stubFrames() {
  let waiting = new Map<number, FrameRequestCallback>();
  let next = 0;
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    next += 1;
    waiting.set(next, callback);
    return next;
  });
  vi.stubGlobal('cancelAnimationFrame', (handle: number) => void waiting.delete(handle));
  return {
    draw: () => {
      const now = waiting;
      waiting = new Map();
      for (const callback of now.values()) callback(performance.now());
    },
  };
}

describe('after the next frame', () => {
  it('runs the work after the frame is drawn, in a task of its own, once', () => {
    vi.useFakeTimers();
    const frames = stubFrames();
    const work = vi.fn();
    afterNextFrame(work);
    vi.runAllTimers();
    expect(work).not.toHaveBeenCalled();
    frames.draw();
    expect(work).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(work).toHaveBeenCalledTimes(1);
    frames.draw();
    vi.runAllTimers();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs nothing once cancelled, before or after the frame', () => {
    vi.useFakeTimers();
    const frames = stubFrames();
    const before = vi.fn();
    const after = vi.fn();
    afterNextFrame(before)();
    const cancelAfter = afterNextFrame(after);
    frames.draw();
    cancelAfter();
    frames.draw();
    vi.runAllTimers();
    expect(before).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });
});

describe("the agent's first input", () => {
  it('is not a focus or a message, but a key, a pointer or typing', () => {
    window.dispatchEvent(new FocusEvent('focus'));
    window.dispatchEvent(new MessageEvent('message'));
    expect(agentHasActed()).toBe(false);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    expect(agentHasActed()).toBe(true);
  });
});
