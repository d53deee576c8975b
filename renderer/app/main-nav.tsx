// The main navigation: Interactions, Walk-up, Calls (with how many missed calls are not seen),
// Callbacks due (with how many are waiting), Incidents, Requests, the Dashboard for managers and
// admins, and Administration for those who may use one of its pages (admins; technicians: Knowledge). Switches the section shown; never changes a record or drops the form's typing.

import { useEffect, useId } from 'react';
import type { CallbackDueView } from '../../shared/store-api/escalation-contract';
import { ADMIN_PAGE_LIST, pageShownTo } from '../admin/admin-page-list';
import { prefetchAdministration } from '../admin/load-administration';
import { prefetchDashboard } from '../dashboard/load-dashboard';
import { useLiveValue } from '../hooks/use-live-query';
import { useUi } from './deskpad-context';
import type { Section } from './ui-state';

export const SECTION_LABELS: Readonly<Record<Section, string>> = {
  interactions: 'Interactions',
  'walk-up': 'Walk-up',
  calls: 'Calls',
  callbacks: 'Callbacks due',
  incidents: 'Incidents',
  requests: 'Requests',
  dashboard: 'Dashboard',
  administration: 'Administration',
};

/**
 * Sections shown only to some roles: Administration to whoever may use one of its pages (the
 * admins', decision 0008; Knowledge is the technicians' too, ADR 0021), the Dashboard the
 * managers' and admins' (decision 0015).
 */
export const shownTo = (section: Section, roles: readonly string[]): boolean =>
  section === 'administration'
    ? ADMIN_PAGE_LIST.some((page) => pageShownTo(page, roles))
    : section === 'dashboard'
      ? roles.includes('manager') || roles.includes('admin')
      : true;

const NONE: CallbackDueView[] = [];
const NO_ROLES: readonly string[] = [];
/** The unseen count is all the navigation reads: one call is enough to ask for. */
const UNSEEN_MISSED = { filter: 'missed', unseenOnly: true, limit: 1 } as const;

/** The count beside a section and what a screen reader hears for it; null shows none. */
interface NavCount {
  count: number;
  said: string;
}

const countOf = (count: number, one: string, many: string): NavCount | null =>
  count > 0 ? { count, said: count === 1 ? one : `${count} ${many}` } : null;

export function MainNav() {
  const id = useId();
  const section = useUi((s) => s.section);
  const showSection = useUi((s) => s.showSection);
  const due = useLiveValue('incident.callbacksDue', { limit: 200 }, NONE).length;
  const unseen = useLiveValue('call.log', UNSEEN_MISSED, null)?.unseenMissed ?? 0;
  const counts: Partial<Record<Section, NavCount | null>> = {
    calls: countOf(unseen, '1 missed call not seen', 'missed calls not seen'),
    callbacks: countOf(due, '1 callback waiting', 'callbacks waiting'),
  };
  const roles = useLiveValue('session.current', {}, null)?.agent.roles ?? NO_ROLES;
  const sections = (Object.keys(SECTION_LABELS) as Section[]).filter((s) => shownTo(s, roles));
  const dashboardShown = sections.includes('dashboard');
  useEffect(() => (dashboardShown ? prefetchDashboard() : undefined), [dashboardShown]);
  const administrationShown = sections.includes('administration');
  useEffect(
    () => (administrationShown ? prefetchAdministration() : undefined),
    [administrationShown],
  );
  return (
    <nav className="main-nav" aria-label="Main">
      <ul>
        {sections.map((s) => {
          const count = counts[s] ?? null;
          return (
            <li key={s}>
              <button
                type="button"
                className="main-nav-item"
                aria-current={s === section ? 'page' : undefined}
                aria-describedby={count ? `${id}-${s}-count` : undefined}
                onClick={() => showSection(s)}
              >
                {SECTION_LABELS[s]}
                {count && (
                  <span className="nav-count" aria-hidden="true">
                    {count.count}
                  </span>
                )}
              </button>
              {count && (
                <span id={`${id}-${s}-count`} hidden>
                  {count.said}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
