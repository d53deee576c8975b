// The Groups operations of Administration: list and search, one group with its members, create,
// rename and describe, add and remove members, deactivate. Shapes only; never touches a database.

import { z } from 'zod';
import { adminOperation } from './operation';
import { Description, DisplayName, RecordId, SearchText } from './admin-fields';

export const GroupSummary = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  active: z.boolean(),
  /** 'local' (made here), 'csv', 'ldap' or 'demo'. */
  source: z.string(),
  memberCount: z.number().int(),
});
export type GroupSummary = z.infer<typeof GroupSummary>;

/** A person as the group pages show them: enough to tell two Ana Agents apart. */
export const MemberView = z.object({
  id: z.string(),
  name: z.string(),
  userName: z.string(),
  email: z.string(),
  active: z.boolean(),
});
export type MemberView = z.infer<typeof MemberView>;

export const GroupDetail = GroupSummary.extend({ members: z.array(MemberView) });
export type GroupDetail = z.infer<typeof GroupDetail>;

export const GROUP_LIST_LIMIT = 500;

export const GroupListInput = z.strictObject({
  q: SearchText.default(''),
  includeInactive: z.boolean().default(false),
});

const GroupIdInput = z.strictObject({ id: RecordId });

export const GroupCreateInput = z.strictObject({
  name: DisplayName,
  description: Description.default(''),
});

export const GroupUpdateInput = z
  .strictObject({ id: RecordId, name: DisplayName.optional(), description: Description.optional() })
  .refine((v) => v.name !== undefined || v.description !== undefined, {
    error: 'Change the name or the description.',
  });

export const GroupMemberInput = z.strictObject({ groupId: RecordId, userId: RecordId });

export const GroupSetActiveInput = z.strictObject({ id: RecordId, active: z.boolean() });

export const FindUsersInput = z.strictObject({
  q: SearchText.min(1, { error: 'Type part of a name, user name or email.' }),
});

export const GROUP_OPERATIONS = {
  'groups.list': adminOperation(
    'groups.list',
    GroupListInput,
    z.object({ groups: z.array(GroupSummary), more: z.boolean() }),
  ),
  'groups.get': adminOperation('groups.get', GroupIdInput, z.object({ group: GroupDetail })),
  'groups.create': adminOperation(
    'groups.create',
    GroupCreateInput,
    z.object({ group: GroupDetail }),
  ),
  'groups.update': adminOperation(
    'groups.update',
    GroupUpdateInput,
    z.object({ group: GroupDetail }),
  ),
  'groups.add-member': adminOperation(
    'groups.add-member',
    GroupMemberInput,
    z.object({ group: GroupDetail }),
  ),
  'groups.remove-member': adminOperation(
    'groups.remove-member',
    GroupMemberInput,
    z.object({ group: GroupDetail }),
  ),
  'groups.set-active': adminOperation(
    'groups.set-active',
    GroupSetActiveInput,
    z.object({ group: GroupDetail }),
  ),
  'groups.find-users': adminOperation(
    'groups.find-users',
    FindUsersInput,
    z.object({ users: z.array(MemberView) }),
  ),
} as const;
