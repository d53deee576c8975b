// `npm run admin -- create-user`: an account from the command line (the first administrator of an
// empty server, or any agent), its password typed without echo or piped in. Never prints a password.

import { parseArgs } from 'node:util';
import { z } from 'zod';
import { NewPassword, NewUserName, ROLES } from '../../shared/sync/server-api';
import { insertAccount } from '../auth/accounts';
import { directoryWriterFor } from '../auth/directory-writer';
import { hashPassword } from '../auth/passwords';
import { ApiError } from '../http/api-error';
import { COMMAND_LINE_ACTOR } from '../admin/audit-log';
import type { AdminCliDeps } from './cli-deps';

export const CREATE_USER_ROLES = ROLES;

export const CREATE_USER_USAGE = `Usage: npm run admin -- create-user --user-name NAME --role admin|manager|agent|technician|kiosk|lobby
         [--role …] [--first-name F] [--last-name L] [--email E] [--data DIR]

The password is asked for without echo on a terminal; in a script, pipe it in:
  echo 'a long password' | npm run admin -- create-user --user-name ada --role admin`;

const Options = z.object({
  userName: NewUserName,
  roles: z
    .array(z.enum(CREATE_USER_ROLES, `--role takes ${CREATE_USER_ROLES.join(', ')}.`))
    .min(1, `Give a --role (${CREATE_USER_ROLES.join(', ')}).`),
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().max(100),
  email: z.union([z.literal(''), z.email('--email must be an email address.').max(254)]),
});

export async function runCreateUser(args: readonly string[], deps: AdminCliDeps): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        'user-name': { type: 'string' },
        role: { type: 'string', multiple: true },
        'first-name': { type: 'string' },
        'last-name': { type: 'string' },
        email: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    deps.err(`${error instanceof Error ? error.message : String(error)}\n\n${CREATE_USER_USAGE}`);
    return 2;
  }
  if (values.help) {
    deps.out(CREATE_USER_USAGE);
    return 0;
  }
  const parsed = Options.safeParse({
    userName: values['user-name'] ?? '',
    roles: (values.role ?? []).flatMap((r) => r.split(',')).map((r) => r.trim()),
    firstName: values['first-name'] ?? '',
    lastName: values['last-name'] ?? '',
    email: values.email ?? '',
  });
  if (!parsed.success) {
    deps.err(`${parsed.error.issues.map((i) => i.message).join(' ')}\n\n${CREATE_USER_USAGE}`);
    return 2;
  }
  const options = parsed.data;
  let password: string;
  try {
    password = await deps.readPassword(`Password for ${options.userName}: `, true);
  } catch (error) {
    deps.err(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const checked = NewPassword.safeParse(password);
  if (!checked.success) {
    deps.err(checked.error.issues[0]?.message ?? 'That password cannot be used.');
    return 2;
  }
  const passwordHash = await hashPassword(checked.data);
  const database = await deps.database();
  try {
    const write = directoryWriterFor(database, () => deps.now());
    const user = await write(async (trx, nextVersion, audit) => {
      const created = await insertAccount(
        trx,
        {
          userName: options.userName,
          firstName: options.firstName,
          lastName: options.lastName,
          email: options.email,
          roles: [...new Set(options.roles)],
          passwordHash,
          mustChangePassword: false,
        },
        nextVersion(),
      );
      await audit({
        actor: COMMAND_LINE_ACTOR,
        action: 'agent.create',
        target: { kind: 'user', id: created.id, name: created.userName },
        before: null,
        after: {
          userName: created.userName,
          name: created.name,
          email: created.email,
          roles: created.roles,
        },
      });
      return created;
    });
    deps.out(`Created ${user.userName} (${user.roles.join(', ')}). They can sign in now.`);
    return 0;
  } catch (error) {
    if (error instanceof ApiError) {
      deps.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
