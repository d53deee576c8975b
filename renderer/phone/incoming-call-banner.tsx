// One incoming-call banner: who calls (a known caller with the VIP mark, everyone sharing the
// number, or an unknown number with Look up), the number to dial back, the queue, how long it has
// rung, the caller's open records, Answer and Dismiss. Display only: the stack decides what runs.

import { useId } from 'react';
import type {
  CallerOpenRecord,
  CallPerson,
  IncomingCall,
} from '../../shared/store-api/call-contract';
import {
  callerText,
  formatRinging,
  isDialable,
  numberText,
  secondsSince,
  telHref,
} from './call-words';

export interface IncomingCallBannerProps {
  incoming: IncomingCall;
  now: number;
  /** The newest call: Alt+A answers it. */
  newest: boolean;
  answerKeys: string;
  onAnswer: () => void;
  onLookUp: () => void;
  onDismiss: () => void;
  onOpenRecord: (record: CallerOpenRecord) => void;
}

const KIND_LABELS: Readonly<Record<CallerOpenRecord['kind'], string>> = {
  interaction: 'Interaction',
  incident: 'Incident',
  request: 'Request',
};

function PersonName({ person }: { person: CallPerson }) {
  return (
    <>
      {person.name}
      {person.vip && <span className="badge badge--vip">VIP</span>}
    </>
  );
}

/** "Finance · London HQ", without empty parts. */
const whereOf = (person: CallPerson): string =>
  [person.department, person.location].filter((p) => p.trim() !== '').join(' · ');

function OpenRecords({
  records,
  onOpen,
}: {
  records: CallerOpenRecord[];
  onOpen: (record: CallerOpenRecord) => void;
}) {
  const id = useId();
  if (records.length === 0) return <p className="call-banner-none">No open records.</p>;
  return (
    <div className="call-banner-records">
      <h4 id={id} className="visually-hidden">
        Open records
      </h4>
      <ul aria-labelledby={id}>
        {records.map((record) => (
          <li key={`${record.kind}:${record.id}`}>
            <button
              type="button"
              className="button button--quiet call-banner-record"
              onClick={() => onOpen(record)}
            >
              <span className="call-banner-kind">{KIND_LABELS[record.kind]}</span> {record.number} ·{' '}
              {record.shortDescription} <span className="call-banner-state">({record.state})</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function IncomingCallBanner({
  incoming,
  now,
  newest,
  answerKeys,
  onAnswer,
  onLookUp,
  onDismiss,
  onOpenRecord,
}: IncomingCallBannerProps) {
  const id = useId();
  const { call, openRecords } = incoming;
  const caller = call.callerPerson;
  const shared = caller === null && call.candidatePeople.length > 1;
  const unknown = caller === null && !shared;
  const rung = formatRinging(secondsSince(call.rangAt, now));
  return (
    <article
      className={caller?.vip ? 'call-banner call-banner--vip' : 'call-banner'}
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
    >
      <div className="call-banner-main">
        <h3 id={`${id}-title`} className="call-banner-title">
          <span className="call-banner-label">Incoming call</span>{' '}
          {caller ? <PersonName person={caller} /> : callerText(call)}
        </h3>
        {caller && whereOf(caller) !== '' && <p className="call-banner-where">{whereOf(caller)}</p>}
        {shared && (
          <ul className="call-banner-candidates" aria-label="People with this number">
            {call.candidatePeople.map((person) => (
              <li key={person.id}>
                <PersonName person={person} />
                {whereOf(person) !== '' && (
                  <span className="call-banner-where"> — {whereOf(person)}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="call-banner-facts">
          {isDialable(call) ? <a href={telHref(call)}>{numberText(call)}</a> : numberText(call)}
          {call.queue && <> · Queue {call.queue}</>}
          {' · '}
          <span>
            Ringing <time dateTime={`PT${secondsSince(call.rangAt, now)}S`}>{rung}</time>
          </span>
        </p>
        {caller && <OpenRecords records={openRecords} onOpen={onOpenRecord} />}
      </div>
      <div className="call-banner-actions">
        <button
          type="button"
          className="button button--primary"
          aria-keyshortcuts={newest ? answerKeys : undefined}
          aria-describedby={`${id}-title`}
          onClick={onAnswer}
        >
          Answer
        </button>
        {unknown && (
          <button
            type="button"
            className="button"
            aria-describedby={`${id}-title`}
            onClick={onLookUp}
          >
            Look up
          </button>
        )}
        <button
          type="button"
          className="button button--quiet"
          aria-describedby={`${id}-title`}
          onClick={onDismiss}
        >
          Dismiss
        </button>
        {newest && (
          <span className="call-banner-keys">
            <kbd>{answerKeys}</kbd> answers
          </span>
        )}
      </div>
    </article>
  );
}
