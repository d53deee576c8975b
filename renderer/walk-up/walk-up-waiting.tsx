// The banner's walk-up count: how many wait in this desk's location's queue and today's typical
// wait there (the Dashboard's median), a button to the Walk-up section. Reads the live queue; never changes it.

import { useUi } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';
import { useWalkUpPlace } from './walk-up-place';

export function WalkUpWaiting() {
  const [place] = useWalkUpPlace();
  const showSection = useUi((s) => s.showSection);
  const queue = useLiveValue(
    'walkUp.queue',
    place.location ? { location: place.location } : null,
    null,
  );
  if (queue === null) return null;
  const count = queue.waiting.length;
  const where = queue.location?.name ?? 'the walk-up queue';
  return (
    <button
      type="button"
      className={
        count > 0 ? 'button walk-up-waiting walk-up-waiting--some' : 'button walk-up-waiting'
      }
      title={`Show the queue at ${where}`}
      onClick={() => showSection('walk-up')}
    >
      {count === 1 ? '1 waiting' : `${count} waiting`}
      {queue.todayMedianWaitMinutes === null ? null : (
        <span className="walk-up-waiting__today">
          {' '}
          · typical wait today {queue.todayMedianWaitMinutes} min
        </span>
      )}
    </button>
  );
}
