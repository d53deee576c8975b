// The waiting time the queue shows, ticking with the desk's clock, and how minutes read. Never
// reads the system clock itself: the clock comes from DeskpadDeps.

import { useEffect, useState } from 'react';
import { useDeskpad } from '../app/deskpad-context';

/** The queue's times move on every half minute: often enough for a "min" figure. */
export const TICK_MS = 30_000;

/** The desk's time now: read on every render, and a render at least every `tickMs`. */
export function useTickingNow(tickMs: number = TICK_MS): number {
  const { now } = useDeskpad();
  const [, setTicks] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTicks((t) => t + 1), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  return now().getTime();
}

export const minutesSince = (iso: string | null, now: number): number =>
  iso === null ? 0 : Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));

/** "less than 1 min", "4 min", "1 h 05 min". */
export function formatMinutes(minutes: number): string {
  const whole = Math.round(minutes);
  if (whole < 1) return 'less than 1 min';
  if (whole < 60) return `${whole} min`;
  const rest = whole % 60;
  return `${Math.floor(whole / 60)} h ${rest.toString().padStart(2, '0')} min`;
}

/** The estimate as the queue shows it; null means the location has no service times yet. */
export const formatEstimate = (minutes: number | null): string =>
  minutes === null
    ? 'No estimate yet'
    : minutes < 1
      ? 'Next up'
      : `about ${formatMinutes(minutes)}`;
