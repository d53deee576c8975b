// Administration's landing page: how many users, agents, groups, configuration items, catalog
// forms and locations the organization has. Read-only.

import type { ReactNode } from 'react';
import { formatFullTime } from '../format/format-time';
import { AdminLoadState } from './admin-load-state';
import { useAdminQuery } from './admin-client';

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="admin-figure">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function OverviewPage() {
  const overview = useAdminQuery('overview.get', {});
  const o = overview.value;
  return (
    <>
      <AdminLoadState query={overview} what="the overview" />
      {o && (
        <dl className="admin-figures">
          <Figure label="Users">
            {o.users.active} active
            {o.users.deactivated > 0 && `, ${o.users.deactivated} deactivated`}
          </Figure>
          <Figure label="Agents">
            {o.agents.active} active{o.agents.disabled > 0 && `, ${o.agents.disabled} disabled`}
          </Figure>
          <Figure label="Groups">{o.groups}</Figure>
          <Figure label="Configuration items">
            {o.configurationItems.active} in use
            {o.configurationItems.retired > 0 && `, ${o.configurationItems.retired} retired`}
          </Figure>
          <Figure label="Catalog">
            {o.catalogItems.published} published
            {o.catalogItems.draft > 0 && `, ${o.catalogItems.draft} draft`}
            {o.catalogItems.retired > 0 && `, ${o.catalogItems.retired} retired`}
          </Figure>
          <Figure label="Locations">{o.locations}</Figure>
          <Figure label="Last administrative change">
            {o.lastChangeAt ? formatFullTime(o.lastChangeAt) : 'None yet'}
          </Figure>
        </dl>
      )}
    </>
  );
}
