// The directory the desk reads from: users (callers and fulfillers), assignment groups and
// configuration items. Shapes only; the directory is never written by an interaction.

import { z } from 'zod';

export const Id = z.string().min(1).max(64);
export type Id = z.infer<typeof Id>;

export const User = z.object({
  id: Id,
  userName: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string(),
  employeeId: z.string(),
  department: z.string(),
  location: z.string(),
  vip: z.boolean(),
  /**
   * False: deactivated (an import or a sync no longer names them). Out of the caller lookup, but
   * their name stays on past records. Absent on what older servers and desks stored: active.
   */
  active: z.boolean().default(true),
  mobile: z.string().default(''),
  /** The phones in E.164 (+442079460958), normalized by the server; '' when none or unreadable. */
  phoneE164: z.string().default(''),
  mobileE164: z.string().default(''),
  /** Fulfillers (agents, technicians) can be assigned work; callers cannot. */
  roles: z.array(z.enum(['agent', 'technician', 'manager', 'admin', 'kiosk', 'lobby'])),
});
export type User = z.infer<typeof User>;

export const Group = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  memberIds: z.array(Id),
});
export type Group = z.infer<typeof Group>;

export const ConfigurationItem = z.object({
  id: Id,
  name: z.string(),
  /** e.g. Building, Floor network, Printer, Laptop, Application. */
  className: z.string(),
  parentId: Id.nullable(),
  location: z.string(),
  /** false: retired in Administration; kept for the records naming it, out of the Component lookup. Absent: active. */
  active: z.boolean().optional(),
});
export type ConfigurationItem = z.infer<typeof ConfigurationItem>;

/** What the caller lookup shows for one match. */
/** How often and how lately the signed-in agent dealt with a caller (the lookup's known callers). */
export interface KnownCaller {
  /** The agent's interactions with them that the desk holds, in the last 90 days. */
  interactions: number;
  /** When the latest of them was opened (ISO). */
  lastAt: string;
}

export interface UserHit {
  id: Id;
  name: string;
  userName: string;
  email: string;
  phone: string;
  employeeId: string;
  department: string;
  location: string;
  vip: boolean;
  /** Present for a caller the signed-in agent dealt with lately (listed first by the lookup). */
  known?: KnownCaller;
}

/** A configuration item with its parents, nearest first (printer → floor network → building). */
export interface ConfigurationItemView extends ConfigurationItem {
  parents: { id: Id; name: string; className: string }[];
}

export interface Directory {
  users: User[];
  groups: Group[];
  configurationItems: ConfigurationItem[];
}
