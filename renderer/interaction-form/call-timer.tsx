// The call timer on the interaction form: "Call 03:12" while talking, "Wrap Up 00:41" after the call
// ended, Start call / End call (Alt+T) and the wrap-up code. Display only; the form model runs commands.
// The clock ticks silently: state changes are announced by the form's polite message, not each second.

import { useEffect, useId, useState } from 'react';
import { INTERACTION_LABELS as L } from '../../shared/domain/interaction';
import { shortcutOf } from '../../shared/shortcuts';
import { useDeskpad } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';
import { useWalkUpPlace } from '../walk-up/walk-up-place';
import { elapsedSeconds, formatClock } from './call-timer-model';
import type { InteractionFormModel } from './use-interaction-form';

/** The time now, read again each second while `running` (the render reads the clock). */
function useTicking(running: boolean): Date {
  const { now } = useDeskpad();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setTick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now();
}

/** The wrap-up codes of the call's location, else of this desk's walk-up location. */
function useWrapUpCodes(location: string | null): string[] {
  const [place] = useWalkUpPlace();
  const locations = useLiveValue('walkUp.locations', {}, []);
  const id = location ?? place.location;
  return locations.find((l) => l.id === id)?.wrapUpCodes ?? [];
}

export function CallTimer({ model }: { model: InteractionFormModel }) {
  const { callPhase: phase, closed, busy } = model;
  const codeId = `${useId()}-wrap-up-code`;
  const now = useTicking(phase.phase !== 'none');
  const codes = useWrapUpCodes(model.call?.location ?? null);
  const keys = shortcutOf('call-timer').keys;
  if (closed) return null;
  const talking = phase.phase === 'talking';
  return (
    <div className="call-timer">
      {phase.phase !== 'none' && (
        <p className={`call-timer__clock call-timer__clock--${phase.phase}`} role="timer">
          {talking ? 'Call' : 'Wrap Up'} {formatClock(elapsedSeconds(phase.since, now))}
        </p>
      )}
      <button
        type="button"
        className="button"
        aria-disabled={busy}
        aria-keyshortcuts={keys}
        title={`${talking ? 'End call' : 'Start call'} (${keys})`}
        onClick={() => void model.toggleCall()}
      >
        {talking ? 'End call' : 'Start call'}
      </button>
      {phase.phase === 'wrap-up' && codes.length > 0 && (
        <div className="field call-timer__code">
          <label htmlFor={codeId}>{L.wrapUpCode}</label>
          <select
            id={codeId}
            value={model.wrapUpCode}
            onChange={(e) => model.setWrapUpCode(e.target.value)}
          >
            <option value="">-- None --</option>
            {codes.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
