// Who may run a command: the roles of the desk's agents and a command's permission. Pure; it names
// the rule, the server enforces it and the store host mirrors it (issue 10 fills in the matrix).

import { ROLES, type Role } from '../sync/server-api';

export { ROLES, type Role };

export interface Permission {
  /** The roles whose agents may run the command. */
  roles: readonly Role[];
}

/** Every role that signs in to a desk today: what each command allows until the matrix (issue 10). */
export const ANY_DESK_ROLE: Permission = { roles: ROLES };

/** Whether an agent holding `roles` may run a command with this permission. */
export const mayRun = (permission: Permission, roles: readonly Role[]): boolean =>
  roles.some((role) => permission.roles.includes(role));
