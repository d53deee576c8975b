// What the Sign in page and the account screens send the desk server: sign-in, the first
// administrator, password changes and launch codes. Zod only, nothing of the domain, so the Sign in
// page builds these few schemas and not the desk's (decision 0016). server-api.ts re-exports them.

import { z } from 'zod';
import { NEW_PASSWORD_MIN } from './account-limits';

export { NEW_PASSWORD_MIN };

export const SignInRequest = z.strictObject({
  userName: z
    .string()
    .trim()
    .min(1, 'Enter your user name.')
    .max(128, 'A user name can be at most 128 characters.'),
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(1024, 'A password can be at most 1024 characters.'),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/**
 * A launch code: 256 random bits in base64url, the shape of a token but good for one exchange
 * within a minute. What a launcher puts in the address (`/#launch=<code>`) instead of a token.
 */
export const LaunchCode = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, 'A launch code is 43 letters, digits, - or _.');

/**
 * A password someone chooses (the first administrator, a new or changed password, a temporary one
 * an admin sets): sign-in's bounds, and long enough not to be guessed in the sign-in limits' time.
 */
export const NewPassword = z
  .string()
  .min(NEW_PASSWORD_MIN, `A password needs at least ${NEW_PASSWORD_MIN} characters.`)
  .max(1024, 'A password can be at most 1024 characters.');

/** A user name someone chooses: what sign-in takes, without spaces or control characters. */
export const NewUserName = z
  .string()
  .trim()
  .min(1, 'Enter a user name.')
  .max(128, 'A user name can be at most 128 characters.')
  .regex(/^[^\s\p{Cc}]+$/u, 'A user name cannot have spaces.');

/** Who a new account is for: the first administrator's, and an agent an admin creates. */
export const NewPersonFields = {
  userName: NewUserName,
  firstName: z.string().trim().min(1, 'Enter a first name.').max(100),
  lastName: z.string().trim().min(1, 'Enter a last name.').max(100),
  email: z.union([
    z.literal(''),
    z.email('Enter an email address like name@example.org.').max(254),
  ]),
};

/** `POST /api/v1/setup`: the first administrator, with the setup code the server printed. */
export const SetupRequest = z.strictObject({
  code: z.string().min(1, 'The setup link has no code.').max(128, 'This setup code is not right.'),
  ...NewPersonFields,
  password: NewPassword,
});
export type SetupRequest = z.infer<typeof SetupRequest>;

/** `POST /api/v1/sessions/password`: the signed-in agent changes their own password. */
export const PasswordChangeRequest = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password.').max(1024),
  newPassword: NewPassword,
});
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;
