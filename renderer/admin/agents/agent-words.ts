// What the Agents page says about an account: its roles, marks and last sign-in in words. Pure;
// never calls the store host.

import { ROLE_LABELS, type AgentRow } from '../../../shared/admin/agents';
import { formatFullTime } from '../../format/format-time';

export const rolesText = (agent: Pick<AgentRow, 'roles'>): string =>
  agent.roles.length === 0 ? 'No role (caller)' : agent.roles.map((r) => ROLE_LABELS[r]).join(', ');

/** Disabled, deactivated, locked, must change password; "Active" when none applies. */
export function marksOf(agent: AgentRow): string[] {
  const marks: string[] = [];
  if (agent.inactive) marks.push('Deactivated');
  if (agent.disabled) marks.push('Disabled');
  if (agent.locked) marks.push('Locked');
  if (agent.mustChangePassword) marks.push('Must change password');
  return marks.length > 0 ? marks : ['Active'];
}

export const lastSignInText = (agent: Pick<AgentRow, 'lastSignInAt'>): string =>
  agent.lastSignInAt ? formatFullTime(agent.lastSignInAt) : 'Never';
