// The Administration section (admins only): a navigation of its pages beside the page shown.
// Composition only; each page in admin-pages.ts owns its calls and state.

import { useId, useState } from 'react';
import { OpenAdminPageContext } from './admin-navigation';
import { ADMIN_PAGES } from './admin-pages';

export function AdminSection() {
  const id = useId();
  const [pageId, setPageId] = useState(ADMIN_PAGES[0]?.id ?? '');
  const page = ADMIN_PAGES.find((p) => p.id === pageId) ?? ADMIN_PAGES[0];
  if (!page) return null;
  const { Page } = page;
  return (
    <div className="admin-section">
      <nav className="admin-nav" aria-label="Administration">
        <h2 id={`${id}-title`} className="admin-nav-title">
          Administration
        </h2>
        <ul>
          {ADMIN_PAGES.map((p) => (
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
