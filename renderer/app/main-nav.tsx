// The main navigation: Interactions, Walk-up, Callbacks due (with how many are waiting), Incidents,
// Requests, and Administration for admins. Switches the section shown; never changes a record or drops the form's typing.

import { useId } from 'react';
import type { CallbackDueView } from '../../shared/store-api/escalation-contract';
import { useLiveValue } from '../hooks/use-live-query';
import { useUi } from './deskpad-context';
import type { Section } from './ui-state';

export const SECTION_LABELS: Readonly<Record<Section, string>> = {
  interactions: 'Interactions',
  'walk-up': 'Walk-up',
  callbacks: 'Callbacks due',
  incidents: 'Incidents',
  requests: 'Requests',
  administration: 'Administration',
};

/** Sections shown only to some roles: Administration is the admins' (decision 0008). */
const shownTo = (section: Section, roles: readonly string[]): boolean =>
  section !== 'administration' || roles.includes('admin');

const NONE: CallbackDueView[] = [];
const NO_ROLES: readonly string[] = [];

export function MainNav() {
  const id = useId();
  const section = useUi((s) => s.section);
  const showSection = useUi((s) => s.showSection);
  const due = useLiveValue('incident.callbacksDue', { limit: 200 }, NONE).length;
  const roles = useLiveValue('session.current', {}, null)?.agent.roles ?? NO_ROLES;
  const sections = (Object.keys(SECTION_LABELS) as Section[]).filter((s) => shownTo(s, roles));
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {sections.map((s) => (
          <li key={s}>
            <button
              type="button"
              className="main-nav-item"
              aria-current={s === section ? 'page' : undefined}
              aria-describedby={s === 'callbacks' && due > 0 ? `${id}-due` : undefined}
              onClick={() => showSection(s)}
            >
              {SECTION_LABELS[s]}
              {s === 'callbacks' && due > 0 && (
                <span className="nav-count" aria-hidden="true">
                  {due}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      {due > 0 && (
        <span id={`${id}-due`} hidden>
          {due === 1 ? '1 callback waiting' : `${due} callbacks waiting`}
        </span>
      )}
    </nav>
  );
}
