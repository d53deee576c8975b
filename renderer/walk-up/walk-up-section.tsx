// The agent's Walk-up section: this desk's location and station, the location's live queue with
// Call next, Check in on someone's behalf, and what happened last. Composition only; the store
// host answers the queue and the commands change it.

import { useImperativeHandle, useId, type Ref } from 'react';
import { shortcutOf } from '../../shared/shortcuts';
import type { WalkUpLocation } from '../../shared/domain/walk-up-location';
import { useUi } from '../app/deskpad-context';
import { useLiveValue } from '../hooks/use-live-query';
import { CheckInForm } from './check-in-form';
import { PlaceChooser } from './place-chooser';
import { useWalkUpActions } from './walk-up-actions';
import { useWalkUpPlace } from './walk-up-place';
import { WalkUpQueue } from './walk-up-queue';
import { useTickingNow } from './waiting-time';

/** What the window's shortcuts ask of the section. */
export interface WalkUpSectionHandle {
  callNext: () => void;
  startCalled: () => void;
}

const NO_LOCATIONS: WalkUpLocation[] = [];

export function WalkUpSection({ ref }: { ref?: Ref<WalkUpSectionHandle> }) {
  const id = useId();
  const [place, setPlace] = useWalkUpPlace();
  const locations = useLiveValue('walkUp.locations', {}, NO_LOCATIONS);
  const queue = useLiveValue(
    'walkUp.queue',
    place.location ? { location: place.location } : null,
    null,
  );
  const agentId = useLiveValue('session.current', {}, null)?.agent.id ?? null;
  const openAnyRecord = useUi((s) => s.openAnyRecord);
  const now = useTickingNow();
  const actions = useWalkUpActions(place, queue, agentId);
  const location = queue?.location ?? locations.find((l) => l.id === place.location) ?? null;

  useImperativeHandle(ref, () => ({
    callNext: () => void actions.callNext(),
    startCalled: () => void actions.startCalled(),
  }));

  const callNextKeys = shortcutOf('call-next').keys;
  const startKeys = shortcutOf('start-visit').keys;
  return (
    <section className="walk-up" aria-labelledby={`${id}-title`}>
      <div className="walk-up-head">
        <h2 id={`${id}-title`}>Walk-up</h2>
        <PlaceChooser locations={locations} place={place} onChange={setPlace} />
      </div>
      {actions.notice?.refused && (
        <p className="walk-up-notice walk-up-notice--refused" role="alert">
          {actions.notice.text}
        </p>
      )}
      {/* Always there, so a screen reader hears each new confirmation. */}
      <p className="walk-up-notice" role="status">
        {actions.notice && !actions.notice.refused ? actions.notice.text : ''}
      </p>
      {place.location === null ? (
        <p className="walk-up-empty">
          {locations.length === 0
            ? 'No walk-up locations yet: an administrator sets them up under Administration → Locations.'
            : 'Choose the location this desk serves to see its queue.'}
        </p>
      ) : (
        <div className="walk-up-body">
          <div className="walk-up-main">
            <div className="walk-up-toolbar">
              <button
                type="button"
                className="button button--primary"
                disabled={actions.busy || queue === null}
                aria-keyshortcuts={callNextKeys}
                onClick={() => void actions.callNext()}
              >
                Call next
              </button>
              <span className="walk-up-keys">
                <kbd>{callNextKeys}</kbd> Call next · <kbd>{startKeys}</kbd> Start
                {location?.vipFirst
                  ? ' · VIPs first, then first come, first served'
                  : ' · first come, first served'}
              </span>
            </div>
            {queue === null ? (
              <p>Loading the queue…</p>
            ) : (
              <WalkUpQueue
                queue={queue}
                now={now}
                agentId={agentId}
                actions={actions}
                onOpenInteraction={(interaction) => openAnyRecord('interaction', interaction)}
              />
            )}
          </div>
          {location && <CheckInForm key={location.id} location={location} onDone={actions.tell} />}
        </div>
      )}
    </section>
  );
}
