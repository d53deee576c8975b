// The read-only facts of a record: Number (provisional marked), State, opened and closed at/by,
// handle time. Display only; the store host sets every one of these.

import { INTERACTION_LABELS as L } from '../../shared/domain/interaction';
import type { InteractionView } from '../../shared/store-api/contract';
import { useDeskpad } from '../app/deskpad-context';
import { formatDuration, formatFullTime } from '../format/format-time';
import { useLiveValue } from '../hooks/use-live-query';
import { InteractionNumber } from '../interaction-list/interaction-number';

function UserName({ id }: { id: string | null }) {
  const user = useLiveValue('directory.getUser', id ? { id } : null, null);
  return <>{id ? (user?.name ?? id) : ''}</>;
}

export function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function RecordSummary({ record }: { record: InteractionView | null }) {
  const { now } = useDeskpad();
  if (!record) {
    return (
      <dl className="record-summary">
        <Fact label={L.number}>Given on save</Fact>
        <Fact label={L.state}>New</Fact>
      </dl>
    );
  }
  const openSeconds = Math.max(
    0,
    Math.round((now().getTime() - Date.parse(record.openedAt)) / 1000),
  );
  return (
    <dl className="record-summary">
      <Fact label={L.number}>
        <InteractionNumber number={record.number} provisional={record.numberProvisional} />
      </Fact>
      <Fact label={L.state}>
        <span className={`state state--${record.state.toLowerCase().replaceAll(' ', '-')}`}>
          {record.state}
        </span>
      </Fact>
      <Fact label={L.openedAt}>{formatFullTime(record.openedAt)}</Fact>
      <Fact label={L.openedBy}>
        <UserName id={record.openedBy} />
      </Fact>
      {record.closedAt && (
        <>
          <Fact label={L.closedAt}>{formatFullTime(record.closedAt)}</Fact>
          <Fact label={L.closedBy}>
            <UserName id={record.closedBy} />
          </Fact>
        </>
      )}
      <Fact label={L.handleTime}>
        {record.handleTimeSeconds !== null
          ? formatDuration(record.handleTimeSeconds)
          : `open for ${formatDuration(openSeconds)}`}
      </Fact>
      {record.handleTimeSeconds !== null && record.talkSeconds != null && (
        <>
          <Fact label={L.talkTime}>{formatDuration(record.talkSeconds)}</Fact>
          <Fact label={L.wrapUpTime}>{formatDuration(record.wrapUpSeconds ?? 0)}</Fact>
        </>
      )}
      {record.wrapUpCode && <Fact label={L.wrapUpCode}>{record.wrapUpCode}</Fact>}
    </dl>
  );
}
