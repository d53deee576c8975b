// This desk's walk-up place (location and station), kept per desk in the browser's storage so the
// agent chooses it once. Never holds a visit: the store host's queue does.

import type { StoreApi } from 'zustand';
import { useUi } from '../app/deskpad-context';
import type { UiState, WalkUpPlace } from '../app/ui-state';

export const PLACE_KEY = 'deskpad.walkUp.place';

/** The storage the place is kept in: the window's localStorage, or none (then it lasts the session). */
export type PlaceStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

let pageStorage: PlaceStorage | undefined;
/** The window's localStorage, asked for once: each ask goes through the browser's checks. */
const windowStorage = (): PlaceStorage => {
  if (pageStorage !== undefined) return pageStorage;
  try {
    pageStorage = globalThis.localStorage ?? null;
  } catch {
    // A sandboxed page may refuse storage: the place then lasts as long as the window.
    pageStorage = null;
  }
  return pageStorage;
};

export function readKeptPlace(storage: PlaceStorage): WalkUpPlace {
  const none: WalkUpPlace = { location: null, station: '' };
  const raw = storage?.getItem(PLACE_KEY);
  if (!raw) return none;
  try {
    const kept: unknown = JSON.parse(raw);
    if (typeof kept !== 'object' || kept === null) return none;
    const { location, station } = kept as Record<string, unknown>;
    return {
      location: typeof location === 'string' && location !== '' ? location : null,
      station: typeof station === 'string' ? station : '',
    };
  } catch {
    return none;
  }
}

export function keepPlace(storage: PlaceStorage, place: WalkUpPlace): void {
  try {
    storage?.setItem(PLACE_KEY, JSON.stringify(place));
  } catch {
    // Full or refused storage: the place still holds for this window (ui state).
  }
}

/**
 * Reads the kept place into the window's state before the desk asks for it. Chromium loads a
 * window's whole local storage the first time the window touches it (5–27 ms observed here), which
 * would otherwise lengthen the desk's first render (decision 0016).
 */
export function readPlaceAhead(
  ui: StoreApi<UiState>,
  storage: PlaceStorage = windowStorage(),
): void {
  const { walkUpPlace, setWalkUpPlace } = ui.getState();
  if (walkUpPlace === null) setWalkUpPlace(readKeptPlace(storage));
}

/** The place (read back from storage the first time) and the function that changes and keeps it. */
export function useWalkUpPlace(
  storage: PlaceStorage = windowStorage(),
): [WalkUpPlace, (place: WalkUpPlace) => void] {
  const held = useUi((s) => s.walkUpPlace);
  const setHeld = useUi((s) => s.setWalkUpPlace);
  const place = held ?? readKeptPlace(storage);
  const setPlace = (next: WalkUpPlace): void => {
    setHeld(next);
    keepPlace(storage, next);
  };
  return [place, setPlace];
}
