// The Phone queues operations of Administration: a phone system's queue name mapped to the group
// of agents whose desks its calls pop on (list, add, rename or change the group, remove). Shapes
// only; never touches a database.

import { z } from 'zod';
import { RecordId } from './admin-fields';
import { adminOperation } from './operation';

export const PhoneQueueView = z.object({
  id: z.string(),
  /** As the phone system sends it in `queue` (matched without regard to case). */
  name: z.string(),
  groupId: z.string(),
  /** The group's name; '' when the group is gone. */
  groupName: z.string(),
  /** False when the group was deactivated: its calls pop nowhere until it is changed. */
  groupActive: z.boolean(),
});
export type PhoneQueueView = z.infer<typeof PhoneQueueView>;

export const PhoneQueueName = z
  .string({ error: 'Enter the queue name the phone system sends.' })
  .trim()
  .min(1, { error: 'Enter the queue name the phone system sends.' })
  .max(100, { error: 'Keep the queue name under 100 characters.' });

const GroupId = z
  .string({ error: 'Choose the group whose agents take its calls.' })
  .min(1, { error: 'Choose the group whose agents take its calls.' })
  .max(64, { error: 'That id is longer than 64 characters.' });

export const PhoneQueueCreateInput = z.strictObject({ name: PhoneQueueName, groupId: GroupId });

export const PhoneQueueUpdateInput = z
  .strictObject({ id: RecordId, name: PhoneQueueName.optional(), groupId: GroupId.optional() })
  .refine((v) => v.name !== undefined || v.groupId !== undefined, {
    error: 'Change the name or the group.',
  });

export const PhoneQueueRemoveInput = z.strictObject({ id: RecordId });

const One = z.object({ queue: PhoneQueueView });

export const PHONE_QUEUE_OPERATIONS = {
  'phone-queues.list': adminOperation(
    'phone-queues.list',
    z.strictObject({}),
    z.object({ queues: z.array(PhoneQueueView) }),
  ),
  'phone-queues.create': adminOperation('phone-queues.create', PhoneQueueCreateInput, One),
  'phone-queues.update': adminOperation('phone-queues.update', PhoneQueueUpdateInput, One),
  'phone-queues.remove': adminOperation(
    'phone-queues.remove',
    PhoneQueueRemoveInput,
    z.object({ removed: z.string() }),
  ),
} as const;
