// Remembers the app window's size, position and maximized flag in a small JSON file. Never
// trusts the file: it is validated on read and replaced by defaults when corrupt or off-screen.

import type { BrowserWindow } from 'electron';
import { z } from 'zod';
import type { Timers } from './timers';

export const WindowState = z.object({
  width: z.number().int().min(400).max(16_384),
  height: z.number().int().min(300).max(16_384),
  x: z.number().int().min(-32_768).max(32_768).optional(),
  y: z.number().int().min(-32_768).max(32_768).optional(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How much of the title bar must be on a display for the window to count as reachable. */
const MIN_VISIBLE = 64;

const isReachable = (state: Required<WindowState>, workAreas: readonly Rectangle[]): boolean =>
  workAreas.some((area) => {
    const overlapX =
      Math.min(state.x + state.width, area.x + area.width) - Math.max(state.x, area.x);
    const titleBarVisible = state.y >= area.y && state.y < area.y + area.height - MIN_VISIBLE / 2;
    return overlapX >= MIN_VISIBLE && titleBarVisible;
  });

/**
 * Reads the saved state. A missing, unreadable or invalid file gives the defaults; a position
 * no display shows (a monitor was unplugged) is dropped so the window opens centred.
 */
export const loadWindowState = (
  readText: () => string | null,
  workAreas: readonly Rectangle[],
): WindowState => {
  let raw: unknown;
  try {
    const text = readText();
    if (text === null) return DEFAULT_WINDOW_STATE;
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  const parsed = WindowState.safeParse(raw);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const { x, y, ...size } = parsed.data;
  if (x === undefined || y === undefined) return size;
  return isReachable({ ...size, x, y }, workAreas) ? parsed.data : size;
};

export interface WindowStateSaver {
  /** Remembers the newest state and writes it after a quiet period. */
  schedule(state: WindowState): void;
  /** Writes the pending state now (on close, so the last move is not lost). */
  flush(): void;
}

/**
 * Debounces writes: resizing fires dozens of events a second. `writeText` should replace the
 * file atomically (temp file + rename) so a crash mid-write leaves the old state.
 */
export const createWindowStateSaver = (
  writeText: (text: string) => void,
  timers: Timers,
  delayMs = 500,
  onError: (error: unknown) => void = () => undefined,
): WindowStateSaver => {
  let pending: WindowState | null = null;
  let timer: unknown = null;

  const flush = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    const state = pending;
    pending = null;
    try {
      writeText(`${JSON.stringify(WindowState.parse(state), null, 2)}\n`);
    } catch (error) {
      onError(error);
    }
  };

  return {
    schedule(state) {
      pending = state;
      if (timer !== null) timers.clearTimeout(timer);
      timer = timers.setTimeout(flush, delayMs);
    },
    flush,
  };
};

export type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized'>;

/** Keeps the saver fed while the window lives; the normal bounds survive a maximize. */
export const trackWindowState = (window: TrackedWindow, saver: WindowStateSaver): void => {
  const capture = (): WindowState => {
    const bounds = window.getNormalBounds();
    return {
      width: Math.max(400, Math.round(bounds.width)),
      height: Math.max(300, Math.round(bounds.height)),
      x: Math.round(bounds.x),
      y: Math.round(bounds.y),
      maximized: window.isMaximized(),
    };
  };
  const remember = (): void => saver.schedule(capture());
  window.on('resize', remember);
  window.on('move', remember);
  window.on('maximize', remember);
  window.on('unmaximize', remember);
  window.on('close', () => {
    saver.schedule(capture());
    saver.flush();
  });
};
