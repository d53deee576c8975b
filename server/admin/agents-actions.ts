// What each Agents operation does, inside one audited directory write: create, set roles, reset a
// password, disable/enable, unlock, sign out everywhere. Never records a password, even hashed.

import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  AgentRef,
  AgentRow,
  CreateAgentInput,
  ResetPasswordInput,
  SetDisabledInput,
  SetRolesInput,
} from '../../shared/admin/agents';
import { insertAccount } from '../auth/accounts';
import type { Database } from '../db/schema';
import type { AuditActor, DirectoryWriter } from '../auth/directory-writer';
import { auditView, getAgent, keepAnAdministrator, type LockRule } from './agents-store';

export interface AgentsDeps {
  db: Kysely<Database>;
  writeDirectory: DirectoryWriter;
  now: () => Date;
  hashPassword: (password: string) => Promise<string>;
  /**
   * Ends every session and launch code of the user (sessions.endAllOf) and tells the event
   * streams; answers how many sessions ended.
   */
  endAllOf: (userId: string) => Promise<number>;
  lock: LockRule;
}

const target = (agent: AgentRow) => ({ kind: 'user', id: agent.id, name: agent.userName });

export function agentActions(deps: AgentsDeps) {
  const reread = (trx: Parameters<typeof getAgent>[0], userId: string) =>
    getAgent(trx, userId, deps.now(), deps.lock);

  return {
    async create(input: z.output<typeof CreateAgentInput>, actor: AuditActor): Promise<AgentRow> {
      const passwordHash = await deps.hashPassword(input.temporaryPassword);
      return deps.writeDirectory(async (trx, nextVersion, audit) => {
        const user = await insertAccount(
          trx,
          {
            userName: input.userName,
            firstName: input.firstName,
            lastName: input.lastName,
            email: input.email,
            roles: input.roles,
            passwordHash,
            mustChangePassword: true,
          },
          nextVersion(),
        );
        const created = await reread(trx, user.id);
        await audit({
          actor,
          action: 'agent.create',
          target: target(created),
          before: null,
          after: auditView(created),
        });
        return created;
      });
    },

    async setRoles(input: z.output<typeof SetRolesInput>, actor: AuditActor): Promise<AgentRow> {
      return deps.writeDirectory(async (trx, nextVersion, audit) => {
        const before = await reread(trx, input.userId);
        if (!input.roles.includes('admin')) await keepAnAdministrator(trx, before);
        await trx
          .updateTable('users')
          .set({ roles: input.roles, version: nextVersion() })
          .where('id', '=', input.userId)
          .execute();
        const after = await reread(trx, input.userId);
        await audit({
          actor,
          action: 'agent.setRoles',
          target: target(after),
          before: { roles: before.roles },
          after: { roles: after.roles },
        });
        return after;
      });
    },

    async resetPassword(
      input: z.output<typeof ResetPasswordInput>,
      actor: AuditActor,
    ): Promise<AgentRow> {
      const passwordHash = await deps.hashPassword(input.temporaryPassword);
      const agent = await deps.writeDirectory(async (trx, _nextVersion, audit) => {
        const before = await reread(trx, input.userId);
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, must_change_password: true })
          .where('id', '=', input.userId)
          .execute();
        const after = await reread(trx, input.userId);
        await audit({
          actor,
          action: 'agent.resetPassword',
          target: target(after),
          // (The audit log drops any key that mentions a password: these words say it instead.)
          before: { changeAtNextSignIn: before.mustChangePassword },
          after: {
            changeAtNextSignIn: true,
            signIn: 'a temporary password set by an administrator',
          },
        });
        return after;
      });
      // Whoever knew the old password keeps no session.
      await deps.endAllOf(input.userId);
      return agent;
    },

    async setDisabled(
      input: z.output<typeof SetDisabledInput>,
      actor: AuditActor,
    ): Promise<AgentRow> {
      const agent = await deps.writeDirectory(async (trx, _nextVersion, audit) => {
        const before = await reread(trx, input.userId);
        if (input.disabled) await keepAnAdministrator(trx, before);
        await trx
          .updateTable('users')
          .set({ sign_in_disabled: input.disabled })
          .where('id', '=', input.userId)
          .execute();
        const after = await reread(trx, input.userId);
        await audit({
          actor,
          action: input.disabled ? 'agent.disable' : 'agent.enable',
          target: target(after),
          before: { disabled: before.disabled },
          after: { disabled: after.disabled },
        });
        return after;
      });
      // Their sessions end at once (the account check refuses them anyway; this frees the rows).
      if (input.disabled) await deps.endAllOf(input.userId);
      return agent;
    },

    async unlock(input: z.output<typeof AgentRef>, actor: AuditActor): Promise<AgentRow> {
      return deps.writeDirectory(async (trx, _nextVersion, audit) => {
        const before = await reread(trx, input.userId);
        await trx
          .deleteFrom('login_failures')
          .where('key', '=', before.userName.toLowerCase())
          .execute();
        const after = await reread(trx, input.userId);
        await audit({
          actor,
          action: 'agent.unlock',
          target: target(after),
          before: { locked: before.locked },
          after: { locked: after.locked },
        });
        return after;
      });
    },

    async signOutEverywhere(
      input: z.output<typeof AgentRef>,
      actor: AuditActor,
    ): Promise<{ agent: AgentRow; sessionsEnded: number }> {
      await getAgent(deps.db, input.userId, deps.now(), deps.lock);
      const ended = await deps.endAllOf(input.userId);
      const agent = await deps.writeDirectory(async (trx, _nextVersion, audit) => {
        const found = await reread(trx, input.userId);
        await audit({
          actor,
          action: 'agent.signOutEverywhere',
          target: target(found),
          before: null,
          after: { sessionsEnded: ended },
        });
        return found;
      });
      return { agent, sessionsEnded: ended };
    },
  };
}
