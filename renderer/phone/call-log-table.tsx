// The caller log's rows: when, direction, who called (and the number to dial back), queue, state
// (missed calls not seen yet marked), who answered, talk time, and the interaction the call became
// or Log as interaction. Up and Down move between the rows' buttons. Display only.

import { CALL_LABELS as L, talkSeconds } from '../../shared/domain/call';
import type { CallView } from '../../shared/store-api/call-contract';
import { useDeskpad } from '../app/deskpad-context';
import { formatDuration } from '../format/format-time';
import { moveBetweenRows, TimeCell } from '../interaction-list/interaction-table';
import { DIRECTION_LABELS, isDialable, numberText, telHref } from './call-words';

interface CallLogTableProps {
  calls: CallView[];
  caption: string;
  onOpenInteraction: (id: string) => void;
  onLogAsInteraction: (call: CallView) => void;
}

/** A call can become an interaction once it is over or being talked; a blocked one never. */
const canLog = (call: CallView): boolean =>
  call.interaction === null &&
  (call.state === 'Missed' || call.state === 'Ended' || call.state === 'Answered');

function CallerCell({ call }: { call: CallView }) {
  const person = call.callerPerson;
  const who = person
    ? person.name
    : call.candidatePeople.length > 1
      ? `${call.candidatePeople.length} people share this number`
      : 'Unknown caller';
  return (
    <th scope="row">
      <span className="call-log-caller">
        {who}
        {person?.vip && <span className="badge badge--vip">VIP</span>}
      </span>
      <span className="call-log-number">
        {isDialable(call) ? <a href={telHref(call)}>{numberText(call)}</a> : numberText(call)}
      </span>
    </th>
  );
}

function InteractionCell({
  call,
  onOpen,
  onLog,
}: {
  call: CallView;
  onOpen: (id: string) => void;
  onLog: (call: CallView) => void;
}) {
  const interaction = call.interaction;
  if (interaction !== null)
    return (
      <td>
        <button type="button" className="row-open" onClick={() => onOpen(interaction)}>
          {call.interactionNumber ?? 'Open the interaction'}
        </button>
      </td>
    );
  if (!canLog(call)) return <td />;
  return (
    <td>
      <button type="button" className="row-open call-log-log" onClick={() => onLog(call)}>
        Log as interaction
      </button>
    </td>
  );
}

export function CallLogTable({
  calls,
  caption,
  onOpenInteraction,
  onLogAsInteraction,
}: CallLogTableProps) {
  const { now } = useDeskpad();
  const today = now();
  return (
    <table className="call-log-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{L.rangAt}</th>
          <th scope="col">{L.direction}</th>
          <th scope="col">{L.caller}</th>
          <th scope="col">{L.queue}</th>
          <th scope="col">{L.state}</th>
          <th scope="col">{L.answeredBy}</th>
          <th scope="col">Talk time</th>
          <th scope="col">{L.interaction}</th>
        </tr>
      </thead>
      <tbody onKeyDown={moveBetweenRows}>
        {calls.map((call) => {
          const unseen = call.state === 'Missed' && !call.seen;
          return (
            <tr key={call.id} className={unseen ? 'call-log-unseen' : undefined}>
              <TimeCell iso={call.rangAt} now={today} />
              <td>{DIRECTION_LABELS[call.direction]}</td>
              <CallerCell call={call} />
              <td>{call.queue ?? ''}</td>
              <td>
                {call.state}
                {unseen && <span className="badge badge--unseen">Not seen</span>}
              </td>
              <td>{call.answeredByName ?? ''}</td>
              <td>{formatDuration(talkSeconds(call))}</td>
              <InteractionCell call={call} onOpen={onOpenInteraction} onLog={onLogAsInteraction} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
