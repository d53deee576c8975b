// The location's live queue: who waits (position, name, reason, waiting time, VIP mark, estimate),
// who was called to which station, and who is being served, with each row's actions. Shows the
// store host's queue; never orders it or changes a visit itself (the actions do).

import type {
  QueueEntry,
  VisitView,
  WalkUpQueueView,
} from '../../shared/store-api/walk-up-contract';
import type { WalkUpActions } from './walk-up-actions';
import { formatEstimate, formatMinutes, minutesSince } from './waiting-time';

interface WalkUpQueueProps {
  queue: WalkUpQueueView;
  now: number;
  agentId: string | null;
  actions: WalkUpActions;
  onOpenInteraction: (id: string) => void;
}

function PersonName({ visit }: { visit: VisitView }) {
  return (
    <>
      {visit.displayName}
      {visit.vip && (
        <>
          {' '}
          <span className="badge badge--vip">VIP</span>
        </>
      )}
      {visit.person === null && <span className="walk-up-guest"> (guest)</span>}
    </>
  );
}

function Reason({ visit }: { visit: VisitView }) {
  return (
    <>
      {visit.reason}
      {visit.reasonDetail !== '' && <span className="walk-up-detail"> — {visit.reasonDetail}</span>}
    </>
  );
}

function WaitingRows({
  waiting,
  now,
  actions,
}: {
  waiting: QueueEntry[];
  now: number;
  actions: WalkUpActions;
}) {
  return (
    <table className="walk-up-table">
      <caption>Waiting ({waiting.length})</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Name</th>
          <th scope="col">Reason for visit</th>
          <th scope="col">Waiting</th>
          <th scope="col">Estimate</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {waiting.map(({ visit, position, estimatedWaitMinutes }) => (
          <tr key={visit.id}>
            <td>{position}</td>
            <th scope="row">
              <PersonName visit={visit} />
            </th>
            <td>
              <Reason visit={visit} />
            </td>
            <td>{formatMinutes(minutesSince(visit.checkedInAt, now))}</td>
            <td>{formatEstimate(estimatedWaitMinutes)}</td>
            <td className="walk-up-actions">
              <button
                type="button"
                className="button"
                disabled={actions.busy}
                onClick={() => void actions.call(visit)}
              >
                Call
              </button>
              <button
                type="button"
                className="button button--quiet"
                disabled={actions.busy}
                onClick={() => void actions.markLeft(visit)}
              >
                Left
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface CalledRowsProps {
  called: VisitView[];
  now: number;
  agentId: string | null;
  graceMinutes: number;
  actions: WalkUpActions;
}

function CalledRows({ called, now, agentId, graceMinutes, actions }: CalledRowsProps) {
  return (
    <table className="walk-up-table">
      <caption>Called ({called.length})</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Reason for visit</th>
          <th scope="col">Station</th>
          <th scope="col">Called</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {called.map((visit) => {
          const since = minutesSince(visit.calledAt, now);
          const mine = visit.calledBy === agentId;
          const noShowIn = graceMinutes - since;
          return (
            <tr key={visit.id} className={mine ? 'walk-up-mine' : undefined}>
              <th scope="row">
                <PersonName visit={visit} />
              </th>
              <td>
                <Reason visit={visit} />
              </td>
              <td>
                {visit.station ?? ''}
                {visit.calledByName && !mine && (
                  <span className="walk-up-detail"> ({visit.calledByName})</span>
                )}
              </td>
              <td>{formatMinutes(since)} ago</td>
              <td className="walk-up-actions">
                {mine && (
                  <button
                    type="button"
                    className="button button--primary"
                    disabled={actions.busy}
                    onClick={() => void actions.start(visit)}
                  >
                    Start
                  </button>
                )}
                <button
                  type="button"
                  className="button"
                  disabled={actions.busy}
                  onClick={() => void actions.returnToQueue(visit)}
                >
                  Back to the queue
                </button>
                {noShowIn <= 0 ? (
                  <button
                    type="button"
                    className="button button--warn"
                    disabled={actions.busy}
                    onClick={() => void actions.noShow(visit)}
                  >
                    No-show
                  </button>
                ) : (
                  <span className="walk-up-detail">No-show after {formatMinutes(noShowIn)}</span>
                )}
                <button
                  type="button"
                  className="button button--quiet"
                  disabled={actions.busy}
                  onClick={() => void actions.markLeft(visit)}
                >
                  Left
                </button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function InServiceRows({ visits, onOpen }: { visits: VisitView[]; onOpen: (id: string) => void }) {
  return (
    <table className="walk-up-table">
      <caption>In service ({visits.length})</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Station</th>
          <th scope="col">Served by</th>
          <th scope="col">Interaction</th>
        </tr>
      </thead>
      <tbody>
        {visits.map((visit) => (
          <tr key={visit.id}>
            <th scope="row">
              <PersonName visit={visit} />
            </th>
            <td>{visit.station ?? ''}</td>
            <td>{visit.servedByName ?? ''}</td>
            <td>
              {visit.interaction !== null && (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => onOpen(visit.interaction ?? '')}
                >
                  {visit.interactionNumber ?? 'Open'}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FinishedRows({ visits }: { visits: VisitView[] }) {
  return (
    <table className="walk-up-table walk-up-finished">
      <caption>Finished today ({visits.length})</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Reason for visit</th>
          <th scope="col">State</th>
          <th scope="col">Survey</th>
        </tr>
      </thead>
      <tbody>
        {visits.map((visit) => (
          <tr key={visit.id}>
            <th scope="row">
              <PersonName visit={visit} />
            </th>
            <td>
              <Reason visit={visit} />
            </td>
            <td>{visit.state}</td>
            <td>{visit.survey ? `${visit.survey.rating} of 5` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WalkUpQueue({ queue, now, agentId, actions, onOpenInteraction }: WalkUpQueueProps) {
  const grace = queue.location?.graceMinutes ?? 0;
  return (
    <div className="walk-up-queue">
      <p className="walk-up-summary">
        {queue.stationsServing === 1
          ? '1 station serving'
          : `${queue.stationsServing} stations serving`}
        {' · '}
        {queue.medianServiceMinutes === null
          ? 'no service times yet'
          : `a service takes about ${formatMinutes(queue.medianServiceMinutes)}`}
      </p>
      {queue.waiting.length === 0 ? (
        <p className="walk-up-empty">Nobody is waiting.</p>
      ) : (
        <WaitingRows waiting={queue.waiting} now={now} actions={actions} />
      )}
      {queue.called.length > 0 && (
        <CalledRows
          called={queue.called}
          now={now}
          agentId={agentId}
          graceMinutes={grace}
          actions={actions}
        />
      )}
      {queue.inService.length > 0 && (
        <InServiceRows visits={queue.inService} onOpen={onOpenInteraction} />
      )}
      {queue.finished.length > 0 && <FinishedRows visits={queue.finished} />}
    </div>
  );
}
