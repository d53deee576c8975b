// Tests the remembered window state: read with validation, fall back when corrupt or
// off-screen, and written debounced. Uses in-memory files and manual time.

import { describe, expect, it } from 'vitest';
import type { BrowserWindow } from 'electron';
import { FakeEmitter, ManualTime, asFake } from './test-support/fakes';
import {
  DEFAULT_WINDOW_STATE,
  createWindowStateSaver,
  loadWindowState,
  trackWindowState,
  type TrackedWindow,
} from './window-state';

const screen = [{ x: 0, y: 0, width: 1920, height: 1080 }];
const saved = { width: 1000, height: 700, x: 100, y: 80, maximized: true };

describe('loading the window state', () => {
  it('restores a valid saved state', () => {
    expect(loadWindowState(() => JSON.stringify(saved), screen)).toEqual(saved);
  });

  it('uses the defaults when there is no file yet', () => {
    expect(loadWindowState(() => null, screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it.each([
    ['not JSON', '{"width": 10'],
    ['the wrong shape', JSON.stringify({ width: 'wide', height: 700, maximized: false })],
    ['an absurd size', JSON.stringify({ ...saved, width: 50 })],
    ['null', 'null'],
  ])('uses the defaults when the file holds %s', (_name, text) => {
    expect(loadWindowState(() => text, screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('uses the defaults when the file cannot be read', () => {
    const unreadable = () => {
      throw new Error('EACCES');
    };
    expect(loadWindowState(unreadable, screen)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps the size but drops a position no display shows', () => {
    const onUnpluggedMonitor = { ...saved, x: 2500, y: 100 };
    expect(loadWindowState(() => JSON.stringify(onUnpluggedMonitor), screen)).toEqual({
      width: 1000,
      height: 700,
      maximized: true,
    });
    const titleBarAboveScreen = { ...saved, y: -500 };
    expect(loadWindowState(() => JSON.stringify(titleBarAboveScreen), screen)).not.toHaveProperty(
      'y',
    );
  });

  it('keeps a position on a second display', () => {
    const twoScreens = [...screen, { x: 1920, y: 0, width: 1280, height: 1024 }];
    const onSecond = { ...saved, x: 2000, y: 50 };
    expect(loadWindowState(() => JSON.stringify(onSecond), twoScreens)).toEqual(onSecond);
  });
});

describe('saving the window state', () => {
  it('writes once after a burst of changes, with the newest state', () => {
    const time = new ManualTime();
    const writes: string[] = [];
    const saver = createWindowStateSaver((text) => writes.push(text), time, 500);
    saver.schedule({ ...saved, width: 900 });
    time.advance(200);
    saver.schedule({ ...saved, width: 950 });
    time.advance(499);
    expect(writes).toHaveLength(0);
    time.advance(1);
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0] ?? '')).toEqual({ ...saved, width: 950 });
  });

  it('flushes at once on close and reports write failures without throwing', () => {
    const time = new ManualTime();
    const errors: unknown[] = [];
    const saver = createWindowStateSaver(
      () => {
        throw new Error('disk full');
      },
      time,
      500,
      (error) => errors.push(error),
    );
    saver.schedule(saved);
    expect(() => saver.flush()).not.toThrow();
    expect(errors).toHaveLength(1);
    expect(time.pendingCount).toBe(0);
  });

  it('round-trips through the loader', () => {
    const time = new ManualTime();
    let file: string | null = null;
    const saver = createWindowStateSaver((text) => (file = text), time);
    saver.schedule(saved);
    saver.flush();
    expect(loadWindowState(() => file, screen)).toEqual(saved);
  });

  it('tracks a window: normal bounds while maximized, flushed on close', () => {
    const time = new ManualTime();
    const writes: string[] = [];
    const saver = createWindowStateSaver((text) => writes.push(text), time);
    const window = Object.assign(new FakeEmitter(), {
      getNormalBounds: () => ({ x: 10.4, y: 20, width: 1100, height: 760.6 }),
      isMaximized: () => true,
    });
    trackWindowState(asFake<TrackedWindow & Pick<BrowserWindow, 'on'>>(window), saver);
    window.emit('resize');
    window.emit('maximize');
    window.emit('close');
    expect(writes).toHaveLength(1);
    expect(JSON.parse(writes[0] ?? '')).toEqual({
      x: 10,
      y: 20,
      width: 1100,
      height: 761,
      maximized: true,
    });
  });
});
