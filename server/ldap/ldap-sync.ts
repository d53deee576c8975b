// One LDAP sync run: bind, list the external keys (cheap, for deletions and DN → key), read the
// users and groups changed since the cursor page by page, write them, deactivate the missing.
// It never deletes a user, and a failure before the first write changes nothing.

import type { Entry } from 'ldapts';
import {
  CHANGE_ATTRIBUTE,
  type LdapProgress,
  type LdapRunResult,
  type LdapSettings,
} from '../../shared/admin/ldap-settings';
import { openLdapConnection, type LdapConnection } from './ldap-connection';
import {
  externalKeyOf,
  mapGroup,
  mapUser,
  normalizeDn,
  userAttributes,
  type LdapGroupRecord,
  type LdapUserRecord,
} from './ldap-entry-mapping';
import { changedFilter, cursorTracker, formatCursor, parseCursor } from './ldap-cursor';
import { filterProblem, LdapSyncError } from './ldap-errors';

/** Where synced entries land (the directory, through directory-upsert). */
export interface LdapDirectoryTarget {
  /** Creates or updates users by external key (source 'ldap'): rows changed, entries refused. */
  writeUsers(users: readonly LdapUserRecord[]): Promise<{ written: number; refused: string[] }>;
  /** Creates or updates groups by external key, replacing members with these user keys. */
  writeGroups(groups: readonly { group: LdapGroupRecord; memberKeys: string[] }[]): Promise<number>;
  /** memberOf directories: replaces each listed user's groups with these group keys. */
  writeUserGroups(entries: readonly { userKey: string; groupKeys: string[] }[]): Promise<number>;
  /** Deactivates (never deletes) the active LDAP users whose key is not present. */
  deactivateUsersMissing(present: ReadonlySet<string>): Promise<number>;
  deactivateGroupsMissing(present: ReadonlySet<string>): Promise<number>;
}

export interface LdapSyncInput {
  settings: LdapSettings;
  password: string;
  /** The highest change value of the last successful run; null = first sync (fetch all). */
  cursor: string | null;
  target: LdapDirectoryTarget;
  now: () => Date;
  onProgress?: (progress: LdapProgress) => void;
  /** For tests: shorter timeouts against an unreachable server. */
  timeouts?: { connectMs?: number; operationMs?: number };
}

export interface LdapSyncOutcome {
  result: LdapRunResult;
  /** The cursor to store: unchanged when the run failed. */
  cursor: string | null;
}

function checkFilters(settings: LdapSettings): void {
  const problem =
    filterProblem(settings.userFilter, 'user filter') ??
    filterProblem(settings.groupFilter, 'group filter');
  if (problem) throw new LdapSyncError(problem);
}

async function collect(
  connection: LdapConnection,
  search: Parameters<LdapConnection['pages']>[0],
  onPage: (entries: Entry[]) => Promise<void> | void,
): Promise<void> {
  for await (const page of connection.pages(search)) await onPage(page);
}

interface KeyListing {
  keys: Set<string>;
  byDn: Map<string, string>;
}

async function listKeys(
  connection: LdapConnection,
  base: string,
  filter: string,
  keyAttribute: string,
  context: string,
): Promise<KeyListing> {
  const listing: KeyListing = { keys: new Set(), byDn: new Map() };
  await collect(
    connection,
    { base, filter, attributes: [keyAttribute], binary: binaryKey(keyAttribute), context },
    (entries) => {
      for (const entry of entries) {
        const key = externalKeyOf(entry, keyAttribute);
        if (key === '') continue;
        listing.keys.add(key);
        listing.byDn.set(normalizeDn(entry.dn), key);
      }
    },
  );
  return listing;
}

const binaryKey = (keyAttribute: string): string[] =>
  keyAttribute.toLowerCase() === 'objectguid' ? [keyAttribute] : [];

export async function runLdapSync(input: LdapSyncInput): Promise<LdapSyncOutcome> {
  const { settings, target } = input;
  const startedAt = input.now().toISOString();
  const mode = input.cursor === null ? 'full' : 'incremental';
  const changeAttribute = CHANGE_ATTRIBUTE[settings.kind];
  const counts = { entriesRead: 0, usersWritten: 0, groupsWritten: 0, deactivated: 0 };
  const warnings: string[] = [];
  const progress = (phase: LdapProgress['phase']): void =>
    input.onProgress?.({
      phase,
      startedAt,
      entriesRead: counts.entriesRead,
      entriesWritten: counts.usersWritten + counts.groupsWritten + counts.deactivated,
    });
  const finish = (ok: boolean, errors: string[]): LdapRunResult => ({
    ok,
    mode,
    startedAt,
    finishedAt: input.now().toISOString(),
    ...counts,
    errors,
    warnings,
  });

  let connection: LdapConnection | null = null;
  try {
    checkFilters(settings);
    progress('connecting');
    connection = await openLdapConnection({
      settings,
      password: input.password,
      ...(input.timeouts ? { timeouts: input.timeouts } : {}),
    });
    const keyAttribute = settings.mapping.externalKey;
    const groupBase = settings.groupBaseDn || settings.baseDn;
    // Read everything before the first write: a bad base DN or filter fails here, changing nothing.
    progress('listing');
    const users = await listKeys(
      connection,
      settings.baseDn,
      settings.userFilter,
      keyAttribute,
      'the user listing',
    );
    const groups = await listKeys(
      connection,
      groupBase,
      settings.groupFilter,
      keyAttribute,
      'the group listing',
    );
    counts.entriesRead += users.keys.size + groups.keys.size;
    const since = parseCursor(input.cursor);
    const tracker = cursorTracker(since, changeAttribute);
    // entryCSN (OpenLDAP) tells an entry already read in the cursor's own second from a new change.
    const csn = settings.kind === 'openldap' ? ['entryCSN'] : [];

    progress('users');
    const userGroups: { userKey: string; groupKeys: string[] }[] = [];
    let skipped = 0;
    const refused: string[] = [];
    await collect(
      connection,
      {
        base: settings.baseDn,
        filter: changedFilter(settings.userFilter, changeAttribute, since),
        attributes: [...userAttributes(settings, changeAttribute), ...csn],
        binary: binaryKey(keyAttribute),
        context: 'the user search',
      },
      async (entries) => {
        counts.entriesRead += entries.length;
        const records: LdapUserRecord[] = [];
        for (const entry of entries) {
          if (!tracker.isNew(entry)) continue;
          const record = mapUser(entry, settings);
          if (!record) skipped += 1;
          else records.push(record);
        }
        progress('writing');
        if (records.length > 0) {
          const written = await target.writeUsers(records);
          counts.usersWritten += written.written;
          refused.push(...written.refused);
        }
        if (settings.membership === 'memberOf')
          for (const r of records)
            userGroups.push({
              userKey: r.externalKey,
              groupKeys: r.groupDns.flatMap((dn) => groups.byDn.get(normalizeDn(dn)) ?? []),
            });
        progress('users');
      },
    );
    if (refused.length > 0)
      warnings.push(
        `${refused.length} users were not written: ${refused.slice(0, 5).join(' ')}${refused.length > 5 ? ' …' : ''}`,
      );
    if (skipped > 0)
      warnings.push(
        `${skipped} entries had no ${keyAttribute} or ${settings.mapping.userName} and were skipped.`,
      );

    progress('groups');
    let unknownMembers = 0;
    await collect(
      connection,
      {
        base: groupBase,
        filter: changedFilter(settings.groupFilter, changeAttribute, since),
        attributes: ['cn', 'description', keyAttribute, changeAttribute, 'member', ...csn],
        binary: binaryKey(keyAttribute),
        context: 'the group search',
      },
      async (entries) => {
        counts.entriesRead += entries.length;
        const batch: { group: LdapGroupRecord; memberKeys: string[] }[] = [];
        for (const entry of entries) {
          if (!tracker.isNew(entry)) continue;
          const group = mapGroup(entry, settings);
          if (!group) continue;
          const memberKeys: string[] = [];
          for (const dn of group.memberDns) {
            const key = users.byDn.get(normalizeDn(dn));
            if (key) memberKeys.push(key);
            else unknownMembers += 1;
          }
          batch.push({ group, memberKeys });
        }
        if (batch.length > 0) counts.groupsWritten += await target.writeGroups(batch);
        progress('groups');
      },
    );
    if (settings.membership === 'member' && unknownMembers > 0)
      warnings.push(`${unknownMembers} group members are not synced users and were left out.`);
    if (userGroups.length > 0) await target.writeUserGroups(userGroups);

    progress('writing');
    if (users.keys.size === 0)
      warnings.push('The user filter found no users: nobody was deactivated.');
    else counts.deactivated += await target.deactivateUsersMissing(users.keys);
    if (groups.keys.size === 0)
      warnings.push('The group filter found no groups: no group was deactivated.');
    else counts.deactivated += await target.deactivateGroupsMissing(groups.keys);
    return { result: finish(true, []), cursor: formatCursor(tracker.current()) };
  } catch (error) {
    const message =
      error instanceof LdapSyncError
        ? error.message
        : `The LDAP sync failed: ${error instanceof Error ? error.message : String(error)}`;
    return { result: finish(false, [message]), cursor: input.cursor };
  } finally {
    await connection?.close();
  }
}
