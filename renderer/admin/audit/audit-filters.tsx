// The Audit log's filter form: actor, action, target kind, target and a date range, turned into
// the audit.list input (dates as the start and end of local days). Never fetches anything.

import { useId, type FormEvent } from 'react';

export interface AuditFilter {
  actor: string;
  action: string;
  targetKind: string;
  target: string;
  /** yyyy-mm-dd from a date field, '' for none. */
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilter = {
  actor: '',
  action: '',
  targetKind: '',
  target: '',
  from: '',
  to: '',
};

const TARGET_KINDS: [string, string][] = [
  ['', 'Any'],
  ['agent', 'Agents'],
  ['group', 'Groups'],
  ['configuration-item', 'Configuration items'],
  ['location', 'Locations'],
  ['catalog-item', 'Catalog'],
  ['import', 'Import'],
  ['ldap', 'LDAP'],
];

const ACTIONS = [
  'group.create',
  'group.update',
  'group.add-member',
  'group.remove-member',
  'group.deactivate',
  'location.create',
  'location.update',
  'location.deactivate',
  'configuration-item.create',
  'configuration-item.move',
  'configuration-item.retire',
  'configuration-item.restore',
  'agent.create',
];

/** A local day's first or last instant, as the server's ISO time. */
function dayEdge(day: string, end: boolean): string | undefined {
  if (day === '') return undefined;
  const [y, m, d] = day.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return undefined;
  const at = end ? new Date(y, m - 1, d, 23, 59, 59, 999) : new Date(y, m - 1, d);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export function filterInput(filter: AuditFilter) {
  const from = dayEdge(filter.from, false);
  const to = dayEdge(filter.to, true);
  return {
    actor: filter.actor,
    action: filter.action,
    targetKind: filter.targetKind,
    target: filter.target,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
}

interface AuditFiltersProps {
  filter: AuditFilter;
  onChange: (filter: AuditFilter) => void;
  onSubmit: (event: FormEvent) => void;
  onClear: () => void;
}

export function AuditFilters({ filter, onChange, onSubmit, onClear }: AuditFiltersProps) {
  const id = useId();
  const text = (key: keyof AuditFilter, label: string, type = 'text', list?: string) => (
    <div className="audit-filter">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={filter[key]}
        {...(list ? { list } : {})}
        onChange={(e) => onChange({ ...filter, [key]: e.target.value })}
      />
    </div>
  );
  return (
    <form
      className="list-controls audit-filters"
      aria-label="Filter the audit log"
      onSubmit={onSubmit}
    >
      {text('actor', 'Who')}
      {text('action', 'Action', 'text', `${id}-actions`)}
      <datalist id={`${id}-actions`}>
        {ACTIONS.map((action) => (
          <option key={action} value={action} />
        ))}
      </datalist>
      <div className="audit-filter">
        <label htmlFor={`${id}-kind`}>Target kind</label>
        <select
          id={`${id}-kind`}
          value={filter.targetKind}
          onChange={(e) => onChange({ ...filter, targetKind: e.target.value })}
        >
          {TARGET_KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {text('target', 'Target')}
      {text('from', 'From', 'date')}
      {text('to', 'To', 'date')}
      <div className="actions">
        <button type="submit" className="button button--primary">
          Filter
        </button>
        <button type="button" className="button" onClick={onClear}>
          Clear filters
        </button>
      </div>
    </form>
  );
}
