// Several people share the caller's number: one button each, picked with one keypress (1–9) while
// the list has focus. Display only; picking fills the caller's fields through the form model.

import { useEffect, useRef } from 'react';
import type { CallPerson } from '../../shared/store-api/call-contract';
import { TelLink } from '../format/tel-link';

const KEYS = 9;

export function CallCandidates({
  number,
  people,
  onPick,
}: {
  number: string;
  people: readonly CallPerson[];
  onPick: (person: CallPerson) => void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  // The agent meets the pick first: the caller waits while they choose.
  useEffect(() => first.current?.focus(), []);
  const offered = people.slice(0, KEYS);
  return (
    <fieldset
      className="call-candidates"
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey || !/^[1-9]$/.test(e.key)) return;
        const person = offered[Number(e.key) - 1];
        if (!person) return;
        e.preventDefault();
        onPick(person);
      }}
    >
      <legend>
        {people.length} people have <TelLink number={number} />: press 1–{offered.length} to pick
        the caller
      </legend>
      <ol className="call-candidates__list">
        {offered.map((person, i) => (
          <li key={person.id}>
            <button
              type="button"
              className="button"
              ref={i === 0 ? first : undefined}
              aria-keyshortcuts={String(i + 1)}
              onClick={() => onPick(person)}
            >
              <kbd>{i + 1}</kbd> {person.name}
              {person.vip ? ' (VIP)' : ''}
              {person.department ? ` · ${person.department}` : ''}
              {person.location ? ` · ${person.location}` : ''}
            </button>
          </li>
        ))}
      </ol>
    </fieldset>
  );
}
