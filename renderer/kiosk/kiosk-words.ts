// The kiosk's sentences for the person at the entrance: their place in the queue, the wait, who
// calls them. Pure; plain words a visitor reads at a glance.

import type { KioskVisitStatus } from '../../shared/sync/walk-up-api';

export const IDENTIFIER_LABEL = 'Employee id, email or badge number';

export const RATINGS = [
  { rating: 1, word: 'Very unhappy' },
  { rating: 2, word: 'Unhappy' },
  { rating: 3, word: 'Okay' },
  { rating: 4, word: 'Happy' },
  { rating: 5, word: 'Very happy' },
] as const;

export function positionSentence(status: KioskVisitStatus): string {
  switch (status.state) {
    case 'Waiting':
      return status.position === 1
        ? 'You are next in the queue.'
        : status.position === null
          ? 'You are in the queue.'
          : `You are number ${status.position} in the queue.`;
    case 'Called':
      return status.station ? `Please go to ${status.station}.` : 'You are being called.';
    case 'In service':
      return 'You are being served.';
    case 'Done':
      return 'Your visit is done.';
    case 'No-show':
    case 'Left':
      return 'You are no longer in the queue.';
  }
}

export function waitSentence(status: KioskVisitStatus): string | null {
  if (status.state !== 'Waiting') return null;
  const minutes = status.estimatedWaitMinutes;
  if (minutes === null) return 'We cannot estimate the wait yet.';
  if (minutes <= 1) return 'Estimated wait: about a minute.';
  return `Estimated wait: about ${minutes} minutes.`;
}
