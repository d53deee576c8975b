// The incremental sync's cursor: the highest change value read (modifyTimestamp, or AD's
// uSNChanged) and, on OpenLDAP, the highest entryCSN, so the cursor's own second is not re-synced.
// Pure: it never talks to a server.

import type { Entry } from 'ldapts';
import { attribute } from './ldap-entry-mapping';
import { LdapSyncError } from './ldap-errors';

export interface ChangeCursor {
  /** modifyTimestamp (GeneralizedTime) or uSNChanged (a number), as the server wrote it. */
  value: string;
  /** OpenLDAP's entryCSN of the latest change read (microseconds), or null. */
  csn: string | null;
}

const GENERALIZED_TIME = /^\d{14}(\.\d+)?Z$/;
const USN = /^\d+$/;

/** The stored text: JSON, or a bare change value (as the first version stored it). */
export function parseCursor(text: string | null): ChangeCursor | null {
  if (text === null || text === '') return null;
  let cursor: ChangeCursor = { value: text, csn: null };
  if (text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as Partial<ChangeCursor>;
      cursor = {
        value: typeof parsed.value === 'string' ? parsed.value : '',
        csn: typeof parsed.csn === 'string' ? parsed.csn : null,
      };
    } catch {
      cursor = { value: '', csn: null };
    }
  }
  if (!GENERALIZED_TIME.test(cursor.value) && !USN.test(cursor.value))
    throw new LdapSyncError(
      'The stored sync cursor is damaged: save the settings to sync all again.',
    );
  return cursor;
}

export const formatCursor = (cursor: ChangeCursor | null): string | null =>
  cursor === null ? null : JSON.stringify(cursor);

/** The later of two change values: uSNChanged compares as a number, timestamps as text. */
export function laterChange(a: string | null, b: string): string {
  if (a === null) return b;
  if (USN.test(a) && USN.test(b)) return BigInt(b) > BigInt(a) ? b : a;
  return b.replace(/\.\d+/, '') > a.replace(/\.\d+/, '') ? b : a;
}

/**
 * Entries changed since the cursor. uSNChanged counts every change: strictly after it.
 * modifyTimestamp has whole seconds: at or after it, so a change later in the same second is
 * never missed; the entryCSN check (cursorTracker) drops what the last run already read.
 */
export function changedFilter(
  filter: string,
  changeAttribute: string,
  cursor: ChangeCursor | null,
): string {
  if (cursor === null) return filter;
  const from = USN.test(cursor.value) ? String(BigInt(cursor.value) + 1n) : cursor.value;
  return `(&${filter}(${changeAttribute}>=${from}))`;
}

function firstText(entry: Entry, name: string): string {
  const value = attribute(entry, name);
  const head = Array.isArray(value) ? value[0] : value;
  return typeof head === 'string' ? head : '';
}

/** Follows the highest change read, and tells which entries the last run already synced. */
export function cursorTracker(start: ChangeCursor | null, changeAttribute: string) {
  let value = start?.value ?? null;
  let csn = start?.csn ?? null;
  return {
    /** False for an entry the cursor's run already read unchanged (same second, older CSN). */
    isNew(entry: Entry): boolean {
      const changed = firstText(entry, changeAttribute);
      if (changed !== '') value = laterChange(value, changed);
      const entryCsn = firstText(entry, 'entryCSN');
      if (entryCsn === '') return true;
      if (csn === null || entryCsn > csn) csn = entryCsn;
      return !(start?.csn && entryCsn <= start.csn);
    },
    current(): ChangeCursor | null {
      return value === null ? null : { value, csn };
    },
  };
}
