// The Administration section: a navigation of the pages the agent's roles may use (all of them for
// admins, Knowledge for technicians) beside the page shown. Composition only; each page in
// admin-pages.ts owns its calls and state.

import { useId, useState } from 'react';
import { useLiveQuery } from '../hooks/use-live-query';
import { OpenAdminPageContext } from './admin-navigation';
import { adminPagesFor } from './admin-pages';

export function AdminSection() {
  const id = useId();
  // Asked before any page opens, so none calls the desk server for an agent it would refuse.
  const session = useLiveQuery('session.current', {});
  const pages = adminPagesFor(session?.ok ? session.value.agent.roles : null);
  const [pageId, setPageId] = useState<string | null>(null);
  const page = pages.find((p) => p.id === pageId) ?? pages[0];
  if (session === undefined) return null;
  if (!page) return null;
  const { Page } = page;
  return (
    <div className="admin-section">
      <nav className="admin-nav" aria-label="Administration">
        <h2 id={`${id}-title`} className="admin-nav-title">
          Administration
        </h2>
        <ul>
          {pages.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="admin-nav-item"
                aria-current={p.id === page.id ? 'page' : undefined}
                onClick={() => setPageId(p.id)}
              >
                {p.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="admin-page" aria-labelledby={`${id}-page`}>
        <h2 id={`${id}-page`}>{page.label}</h2>
        <OpenAdminPageContext value={setPageId}>
          <Page key={page.id} />
        </OpenAdminPageContext>
      </section>
    </div>
  );
}
