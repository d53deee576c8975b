// Writes an outside directory (a CSV import, an LDAP sync) into users, groups with members and
// configuration items, matched on external keys, a batch at a time inside the caller's
// writeDirectory. Unchanged rows keep their version; users are deactivated, never deleted.
// This module is the one entry point; the work is in its three parts.

export * from './directory-upsert-shapes';
export {
  countMissingUsers,
  deactivateMissingUsers,
  upsertUsers,
  type KeySet,
} from './directory-upsert-users';
export { resolveMembers, upsertConfigurationItems, upsertGroups } from './directory-upsert-groups';
