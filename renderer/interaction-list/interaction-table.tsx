// Rows of interactions (Number, Opened for, Short description, Type, State, Opened) and the cells
// task tables share; Enter or a click opens one, arrows move between rows. Display only.

import type { KeyboardEvent, Ref } from 'react';
import { INTERACTION_LABELS as L } from '../../shared/domain/interaction';
import type { InteractionListItem } from '../../shared/store-api/contract';
import { useDeskpad } from '../app/deskpad-context';
import { formatFullTime, formatShortTime } from '../format/format-time';
import { ProvisionalBadge } from './interaction-number';

interface InteractionTableProps {
  items: InteractionListItem[];
  selectedId: string | null;
  onOpen: (id: string) => void;
  showOpenedFor?: boolean;
  /** The first row's button, so a shortcut can put focus in the list. */
  firstRowRef?: Ref<HTMLButtonElement>;
}

/** Up and Down move between the rows' open buttons, Home and End to the ends. */
export function moveBetweenRows(event: KeyboardEvent<HTMLElement>): void {
  const keys: Record<string, number | 'first' | 'last'> = {
    ArrowDown: 1,
    ArrowUp: -1,
    Home: 'first',
    End: 'last',
  };
  const step = keys[event.key];
  if (step === undefined) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button.row-open')];
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
  if (at < 0) return;
  const next =
    step === 'first'
      ? 0
      : step === 'last'
        ? buttons.length - 1
        : Math.min(buttons.length - 1, Math.max(0, at + step));
  event.preventDefault();
  buttons[next]?.focus();
}

/** A row's number: the button that opens the record, marked while its number is provisional. */
export function NumberCell({
  number,
  provisional,
  selected,
  buttonRef,
  onOpen,
}: {
  number: string;
  provisional: boolean;
  selected: boolean;
  buttonRef?: Ref<HTMLButtonElement> | undefined;
  onOpen: () => void;
}) {
  return (
    <td className="cell-number">
      <button
        type="button"
        className="row-open"
        ref={buttonRef}
        aria-current={selected ? 'true' : undefined}
        onClick={(event) => {
          // The row opens on a click too; the button's own click must not open it twice.
          event.stopPropagation();
          onOpen();
        }}
      >
        {number}
      </button>
      {provisional && <ProvisionalBadge />}
    </td>
  );
}

export function TimeCell({ iso, now }: { iso: string; now: Date }) {
  return (
    <td className="cell-time">
      <time dateTime={iso} title={formatFullTime(iso)}>
        {formatShortTime(iso, now)}
      </time>
    </td>
  );
}

export function InteractionTable({
  items,
  selectedId,
  onOpen,
  showOpenedFor = true,
  firstRowRef,
}: InteractionTableProps) {
  const { now } = useDeskpad();
  const today = now();
  return (
    <table className="interaction-table">
      <thead>
        <tr>
          <th scope="col">{L.number}</th>
          {showOpenedFor && <th scope="col">{L.openedFor}</th>}
          <th scope="col">{L.shortDescription}</th>
          <th scope="col">{L.type}</th>
          <th scope="col">{L.state}</th>
          <th scope="col">{L.openedAt}</th>
        </tr>
      </thead>
      <tbody onKeyDown={moveBetweenRows}>
        {items.map((item, index) => {
          const selected = item.id === selectedId;
          return (
            <tr
              key={item.id}
              className={selected ? 'is-selected' : undefined}
              onClick={() => onOpen(item.id)}
            >
              <NumberCell
                number={item.number}
                provisional={item.numberProvisional}
                selected={selected}
                buttonRef={index === 0 ? firstRowRef : undefined}
                onOpen={() => onOpen(item.id)}
              />
              {showOpenedFor && <td>{item.openedForName ?? ''}</td>}
              <td>
                <span className="cell-description">{item.shortDescription}</span>
              </td>
              <td>{item.type}</td>
              <td>{item.state}</td>
              <TimeCell iso={item.openedAt} now={today} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
