// Turns one CSV record into a user, group or configuration item through the admin's column
// mapping, with every problem of that row by line and column. Pure; it never reads the database.

import type { ImportKind, ImportMapping, ImportProblem } from '../../shared/admin/import';
import type {
  DirectoryConfigurationItem,
  DirectoryGroup,
  DirectoryUser,
} from '../admin/directory-upsert';
import { toE164, type PhoneRegion } from '../directory/phone-e164';
import { delimiterName, type CsvRecord } from './csv-file';
import type { Delimiter } from '../../shared/admin/import';

export type ImportItem = DirectoryUser | DirectoryGroup | DirectoryConfigurationItem;

export interface RowOutcome<T> {
  line: number;
  /** null when the line cannot be read at all; with `problems`, never to be written. */
  item: T | null;
  problems: ImportProblem[];
}

export type RowReader<T> = (record: CsvRecord) => RowOutcome<T>;

/** The longest value a field may hold; longer is a problem, never silently cut. */
export const MAX_FIELD_CHARS = 1000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'active', 'enabled', 'vip']);
const FALSE = new Set(['false', 'no', 'n', '0', '', 'inactive', 'disabled']);

interface Context {
  columns: readonly string[];
  delimiter: Delimiter;
  mapping: ImportMapping;
  region: PhoneRegion;
  /**
   * false: leave phoneE164/mobileE164 empty. The dry run does (an unreadable number is not a
   * problem, and libphonenumber costs tens of µs a number: half the check's time).
   */
  normalizePhones?: boolean;
}

/** A reader of one kind's rows: `columns` is the header, `mapping` field → column. */
export function rowReader(kind: 'users', context: Context): RowReader<DirectoryUser>;
export function rowReader(kind: 'groups', context: Context): RowReader<DirectoryGroup>;
export function rowReader(
  kind: 'configuration-items',
  context: Context,
): RowReader<DirectoryConfigurationItem>;
export function rowReader(kind: ImportKind, context: Context): RowReader<ImportItem>;
export function rowReader(kind: ImportKind, context: Context): RowReader<ImportItem> {
  const at = new Map<string, number>();
  for (const [field, column] of Object.entries(context.mapping))
    if (column != null) at.set(field, context.columns.indexOf(column));
  const e164 = (raw: string): string =>
    context.normalizePhones === false || raw === '' ? '' : toE164(raw, context.region);
  const otherDelimiters = ([',', ';', '\t'] as const).filter((d) => d !== context.delimiter);

  return (record) => {
    const { line, fields } = record;
    const problems: ImportProblem[] = [];
    if (fields.length !== context.columns.length) {
      const other = otherDelimiters.find(
        (d) => fields.length === 1 && (fields[0] ?? '').includes(d),
      );
      problems.push({
        line,
        column: null,
        message:
          other !== undefined
            ? `Line ${line} has one field where the header has ${context.columns.length} columns: the line looks ${delimiterName(other)}, the header ${delimiterName(context.delimiter)}.`
            : `Line ${line} has ${fields.length} fields where the header has ${context.columns.length} columns.`,
      });
      return { line, item: null, problems };
    }
    const value = (field: string): string => {
      const index = at.get(field);
      const text = index === undefined || index < 0 ? '' : (fields[index] ?? '').trim();
      if (text.length > MAX_FIELD_CHARS) {
        problems.push({
          line,
          column: context.mapping[field] ?? null,
          message: `${field} is longer than ${MAX_FIELD_CHARS} characters.`,
        });
        return '';
      }
      return text;
    };
    const required = (field: string): string => {
      const text = value(field);
      if (text === '')
        problems.push({
          line,
          column: context.mapping[field] ?? null,
          message: `${field} is missing.`,
        });
      return text;
    };
    const flag = (field: string, absent: boolean): boolean => {
      if (!at.has(field)) return absent;
      const text = value(field).toLowerCase();
      if (TRUE.has(text)) return true;
      if (FALSE.has(text)) return text === '' ? absent : false;
      problems.push({
        line,
        column: context.mapping[field] ?? null,
        message: `${field} must be yes or no, not "${text}".`,
      });
      return absent;
    };
    let item: ImportItem;
    switch (kind) {
      case 'users': {
        const externalKey = required('externalKey');
        const email = value('email');
        if (email !== '' && !EMAIL.test(email))
          problems.push({
            line,
            column: context.mapping.email ?? null,
            message: `"${email}" is not an email address.`,
          });
        const phone = value('phone');
        const mobile = value('mobile');
        item = {
          externalKey,
          userName: required('userName'),
          firstName: value('firstName'),
          lastName: value('lastName'),
          email,
          phone,
          phoneE164: e164(phone),
          mobile,
          mobileE164: e164(mobile),
          employeeId: externalKey,
          department: value('department'),
          location: value('location'),
          vip: flag('vip', false),
          active: flag('active', true),
          // A file without the column leaves everyone's badge as it is.
          badgeNumber: at.has('badgeNumber') ? value('badgeNumber') : undefined,
        };
        break;
      }
      case 'groups':
        item = {
          externalKey: required('externalKey'),
          name: required('name'),
          description: value('description'),
          members: value('members')
            .split(/[;|,\n]/)
            .map((m) => m.trim())
            .filter((m) => m !== ''),
        };
        break;
      case 'configuration-items': {
        const parentKey = value('parentKey');
        item = {
          externalKey: required('externalKey'),
          name: required('name'),
          className: required('className'),
          parentKey: parentKey === '' ? null : parentKey,
          location: value('location'),
        };
        break;
      }
    }
    // With its problems too: the dry run still sees its key (a duplicate is a problem of its own).
    return { line, item, problems };
  };
}
