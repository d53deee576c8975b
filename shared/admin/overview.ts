// Administration's landing figures: how many users, agents, groups, configuration items,
// catalog forms and locations the organization has. Shapes only.

import { z } from 'zod';
import { adminOperation } from './operation';

const Count = z.int().min(0);

export const AdminOverview = z.object({
  users: z.object({ active: Count, deactivated: Count }),
  agents: z.object({ active: Count, disabled: Count }),
  groups: Count,
  configurationItems: z.object({ active: Count, retired: Count }),
  catalogItems: z.object({ draft: Count, published: Count, retired: Count }),
  locations: Count,
  /** The latest audit entry's time, or null on a server nobody has administered yet. */
  lastChangeAt: z.string().nullable(),
});
export type AdminOverview = z.infer<typeof AdminOverview>;

export const OVERVIEW_OPERATIONS = {
  'overview.get': adminOperation('overview.get', z.strictObject({}), AdminOverview),
} as const;
