// The columns of each CSV export, headed with the seeds' field names, and the references each
// record's cells need resolved to names. Pure; it never reads a record's work notes (invariant 3).

import type { ExportKind } from '../../shared/admin/export';
import { answerLines, type CatalogAnswers, type CatalogItem } from '../../shared/domain/catalog';
import { INCIDENT_LABELS } from '../../shared/domain/incident-record';
import { INTERACTION_LABELS } from '../../shared/domain/interaction';
import { LEVEL_LABELS, PRIORITY_LABELS } from '../../shared/domain/priority';
import { REQUEST_LABELS } from '../../shared/domain/request';

/** A record as the export reads it: the stored record without `workNotes` (left in the database). */
export type ExportRecord = Record<string, unknown>;

/** Names of the records a page refers to, looked up once per page. */
export interface ExportNames {
  user: (id: string) => string;
  group: (id: string) => string;
  configurationItem: (id: string) => string;
  catalogItem: (id: string) => CatalogItem | undefined;
}

export interface ReferencedIds {
  user: Set<string>;
  group: Set<string>;
  configurationItem: Set<string>;
  catalogItem: Set<string>;
}

/** What a cell holds: text, a count, or nothing (an empty cell). */
export type Cell = string | number | null;

interface Column {
  header: string;
  cell: (record: ExportRecord, names: ExportNames) => Cell;
}

const text = (record: ExportRecord, key: string): string | null => {
  const value = record[key];
  return typeof value === 'string' ? value : null;
};
const count = (record: ExportRecord, key: string): number | null => {
  const value = record[key];
  return typeof value === 'number' ? value : null;
};

/** `2026-11-20 09:00:00`: an instant in UTC that spreadsheets read as a date and time. */
export function spreadsheetTime(iso: string | null): string | null {
  if (iso === null) return null;
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : at.toISOString().slice(0, 19).replace('T', ' ');
}

const field = (header: string, key: string): Column => ({
  header,
  cell: (record) => text(record, key),
});
const time = (header: string, key: string): Column => ({
  header: `${header} (UTC)`,
  cell: (record) => spreadsheetTime(text(record, key)),
});
const named =
  (kind: 'user' | 'group' | 'configurationItem') =>
  (header: string, key: string): Column => ({
    header,
    cell: (record, names) => {
      const id = text(record, key);
      return id === null ? null : names[kind](id);
    },
  });
const user = named('user');
const group = named('group');
const component = named('configurationItem');
const numbers = (header: string, key: string): Column => ({
  header,
  cell: (record) => {
    const list = record[key];
    if (!Array.isArray(list)) return null;
    return list
      .map((entry: unknown) =>
        typeof entry === 'object' && entry !== null && 'number' in entry
          ? String(entry.number)
          : '',
      )
      .filter(Boolean)
      .join(', ');
  },
});
const level = (header: string, key: string, labels: Readonly<Record<number, string>>): Column => ({
  header,
  cell: (record) => {
    const value = count(record, key);
    return value === null ? null : (labels[value] ?? String(value));
  },
});

/** "Label: value" lines of a request's answers, in the form's field order. */
function answersCell(record: ExportRecord, names: ExportNames): string | null {
  const itemId = text(record, 'catalogItem');
  const answers = record.answers as CatalogAnswers | undefined;
  if (itemId === null || answers === undefined) return null;
  const item = names.catalogItem(itemId);
  if (!item)
    return Object.entries(answers)
      .map(([name, value]) => `${name}: ${String(value)}`)
      .join('\n');
  return answerLines(item, answers, names.user)
    .map((line) => `${line.label}: ${line.value}`)
    .join('\n');
}

const I = INTERACTION_LABELS;
const N = INCIDENT_LABELS;
const R = REQUEST_LABELS;

export const EXPORT_COLUMNS: Readonly<Record<ExportKind, readonly Column[]>> = {
  interactions: [
    field(I.number, 'number'),
    time(I.openedAt, 'openedAt'),
    user(I.openedBy, 'openedBy'),
    user(I.openedFor, 'openedFor'),
    field(I.contactEmail, 'contactEmail'),
    field(I.contactPhone, 'contactPhone'),
    field(I.type, 'type'),
    field(I.state, 'state'),
    component(I.component, 'component'),
    group(I.assignmentGroup, 'assignmentGroup'),
    user(I.assignedTo, 'assignedTo'),
    field(I.shortDescription, 'shortDescription'),
    field(I.description, 'description'),
    numbers('Related records', 'relatedRecords'),
    time(I.closedAt, 'closedAt'),
    user(I.closedBy, 'closedBy'),
    { header: `${I.handleTime} (seconds)`, cell: (record) => count(record, 'handleTimeSeconds') },
  ],
  incidents: [
    field(N.number, 'number'),
    time(N.openedAt, 'openedAt'),
    user(N.openedBy, 'openedBy'),
    user(N.caller, 'caller'),
    field(N.shortDescription, 'shortDescription'),
    field(N.description, 'description'),
    component(N.component, 'component'),
    field(N.category, 'category'),
    level(N.impact, 'impact', LEVEL_LABELS),
    level(N.urgency, 'urgency', LEVEL_LABELS),
    level(N.priority, 'priority', PRIORITY_LABELS),
    field(N.state, 'state'),
    field(N.onHoldReason, 'onHoldReason'),
    group(N.assignmentGroup, 'assignmentGroup'),
    user(N.assignedTo, 'assignedTo'),
    field(N.resolutionCode, 'resolutionCode'),
    field(N.resolutionNotes, 'resolutionNotes'),
    { header: N.reopenCount, cell: (record) => count(record, 'reopenCount') },
    numbers(N.relatedInteractions, 'relatedInteractions'),
    time(N.resolvedAt, 'resolvedAt'),
    user(N.resolvedBy, 'resolvedBy'),
    time(N.closedAt, 'closedAt'),
    user(N.closedBy, 'closedBy'),
  ],
  requests: [
    field(R.number, 'number'),
    time(R.openedAt, 'openedAt'),
    user(R.openedBy, 'openedBy'),
    user(R.requestedFor, 'requestedFor'),
    // The item's name when the request was made, as every list shows it.
    field(R.catalogItem, 'shortDescription'),
    { header: R.answers, cell: answersCell },
    field(R.state, 'state'),
    group(R.assignmentGroup, 'assignmentGroup'),
    user(R.assignedTo, 'assignedTo'),
    field(R.closeNotes, 'closeNotes'),
    numbers(R.relatedInteractions, 'relatedInteractions'),
    time(R.closedAt, 'closedAt'),
    user(R.closedBy, 'closedBy'),
  ],
};

const USER_KEYS = [
  'openedBy',
  'openedFor',
  'assignedTo',
  'closedBy',
  'caller',
  'resolvedBy',
  'requestedFor',
];

/** The users, groups, components and catalog items a page of records names. */
export function referencedIds(records: readonly ExportRecord[]): ReferencedIds {
  const ids: ReferencedIds = {
    user: new Set(),
    group: new Set(),
    configurationItem: new Set(),
    catalogItem: new Set(),
  };
  const add = (set: Set<string>, value: unknown) => {
    if (typeof value === 'string' && value !== '') set.add(value);
  };
  for (const record of records) {
    for (const key of USER_KEYS) add(ids.user, record[key]);
    add(ids.group, record.assignmentGroup);
    add(ids.configurationItem, record.component);
    add(ids.catalogItem, record.catalogItem);
  }
  return ids;
}

/** User references among a page's answers: known only once the items' fields are. */
export function answerUserIds(
  records: readonly ExportRecord[],
  catalogItem: (id: string) => CatalogItem | undefined,
): string[] {
  const ids: string[] = [];
  for (const record of records) {
    const item =
      typeof record.catalogItem === 'string' ? catalogItem(record.catalogItem) : undefined;
    const answers = record.answers as CatalogAnswers | undefined;
    if (!item || !answers) continue;
    for (const f of item.fields) {
      const value = answers[f.name];
      if (f.type === 'user-reference' && typeof value === 'string') ids.push(value);
    }
  }
  return ids;
}

export const exportHeader = (kind: ExportKind): string[] =>
  EXPORT_COLUMNS[kind].map((column) => column.header);

export const exportRow = (kind: ExportKind, record: ExportRecord, names: ExportNames): Cell[] =>
  EXPORT_COLUMNS[kind].map((column) => column.cell(record, names));
