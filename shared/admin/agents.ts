// The Agents slice of Administration: its operations' inputs and outputs (list, create, set roles,
// reset a password, disable or enable, unlock, sign out everywhere). Shapes only; never a password out.

import { z } from 'zod';
import { Id } from '../domain/directory';
import { NewPassword, NewPersonFields } from '../sync/account-requests';
import { ROLES } from '../sync/server-api';
import { adminOperation } from './operation';

export const AGENT_ROLES = ROLES;
export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  agent: 'Agent',
  technician: 'Technician',
  manager: 'Manager',
  admin: 'Administrator',
  kiosk: 'Kiosk',
  lobby: 'Lobby board',
};

const Roles = z
  .array(z.enum(ROLES, `A role is one of: ${ROLES.join(', ')}.`))
  .max(ROLES.length)
  .transform((roles) => [...new Set(roles)]);

/** One account as the Agents page shows it. */
export const AgentRow = z.object({
  id: Id,
  userName: z.string(),
  name: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  roles: z.array(z.enum(ROLES)),
  lastSignInAt: z.string().nullable(),
  /** Disabled by an administrator: cannot sign in. */
  disabled: z.boolean(),
  /** Deactivated (left the organization, missing from an import): cannot sign in. */
  inactive: z.boolean(),
  /** Too many wrong passwords lately: each try waits; Unlock clears it. */
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type AgentRow = z.infer<typeof AgentRow>;

export const ListAgentsInput = z.strictObject({
  /** Empty: every account with a role. Text: any user whose name, user name or email has it. */
  query: z.string().trim().max(100, 'Search text can be at most 100 characters.').default(''),
});
export const ListAgentsOutput = z.object({ agents: z.array(AgentRow), more: z.boolean() });

export const CreateAgentInput = z.strictObject({
  ...NewPersonFields,
  roles: Roles.refine((roles) => roles.length > 0, 'Choose at least one role.'),
  /** Temporary: the agent must change it at the next sign-in. */
  temporaryPassword: NewPassword,
});
export type CreateAgentInput = z.input<typeof CreateAgentInput>;

export const SetRolesInput = z.strictObject({ userId: Id, roles: Roles });
export const ResetPasswordInput = z.strictObject({ userId: Id, temporaryPassword: NewPassword });
export const SetDisabledInput = z.strictObject({ userId: Id, disabled: z.boolean() });
export const AgentRef = z.strictObject({ userId: Id });

/** Every change answers the account as it is now. */
export const AgentOutput = z.object({ agent: AgentRow });
export const SignOutEverywhereOutput = z.object({ agent: AgentRow, sessionsEnded: z.number() });

export const AGENTS_OPERATIONS = {
  'agents.list': adminOperation('agents.list', ListAgentsInput, ListAgentsOutput),
  'agents.create': adminOperation('agents.create', CreateAgentInput, AgentOutput),
  'agents.set-roles': adminOperation('agents.set-roles', SetRolesInput, AgentOutput),
  'agents.reset-password': adminOperation('agents.reset-password', ResetPasswordInput, AgentOutput),
  'agents.set-disabled': adminOperation('agents.set-disabled', SetDisabledInput, AgentOutput),
  'agents.unlock': adminOperation('agents.unlock', AgentRef, AgentOutput),
  'agents.sign-out-everywhere': adminOperation(
    'agents.sign-out-everywhere',
    AgentRef,
    SignOutEverywhereOutput,
  ),
} as const;
