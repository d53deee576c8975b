// Tests single-instance behaviour: a second launch quits, the first brings its window forward.
// Uses a fake app (an event emitter with a lock flag).

import { describe, expect, it, vi } from 'vitest';
import { FakeEmitter, asFake } from './test-support/fakes';
import {
  bringToFront,
  claimSingleInstance,
  type FocusableWindow,
  type SingleInstanceApp,
} from './single-instance';

const fakeApp = (lockAvailable: boolean) =>
  Object.assign(new FakeEmitter(), {
    requestSingleInstanceLock: vi.fn(() => lockAvailable),
    quit: vi.fn(),
  });

describe('single instance', () => {
  it('the first instance keeps running and answers later launches', () => {
    const app = fakeApp(true);
    const onSecond = vi.fn();
    expect(claimSingleInstance(asFake<SingleInstanceApp>(app), onSecond)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['deskpad'], '/home/agent');
    expect(onSecond).toHaveBeenCalledTimes(1);
    expect(onSecond).toHaveBeenCalledWith(['deskpad']);
  });

  it('a second instance quits without opening anything', () => {
    const app = fakeApp(false);
    const onSecond = vi.fn();
    expect(claimSingleInstance(asFake<SingleInstanceApp>(app), onSecond)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('brings a minimized window back and focuses it', () => {
    const calls: string[] = [];
    const window = {
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    };
    bringToFront(asFake<FocusableWindow>(window));
    expect(calls).toEqual(['restore', 'show', 'focus']);
  });
});
