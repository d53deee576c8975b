// The desktop app's `deskpad://call?from=…&callId=…` link, as a softphone opens it to pop the caller
// without the desk server: the scheme, the checked link and where a launch's argv carries it. Pure.

import { z } from 'zod';
import { CALL_ID_MAX, PHONE_TEXT_MAX } from './domain/call';

export const DESKPAD_PROTOCOL = 'deskpad';

/** What a call link carries once checked: the caller's number and the phone system's call id. */
export const CallLink = z.strictObject({
  from: z
    .string('from is required.')
    .trim()
    .min(1, 'from is required.')
    .max(PHONE_TEXT_MAX, `from can be at most ${PHONE_TEXT_MAX} characters.`)
    .regex(/^[+()\d\s./-]+$/, 'from must be a phone number.')
    .refine((v) => /\d/.test(v), 'from must be a phone number.'),
  callId: z
    .string()
    .trim()
    .max(CALL_ID_MAX, `callId can be at most ${CALL_ID_MAX} characters.`)
    .optional(),
});
export type CallLink = z.infer<typeof CallLink>;

export type CallLinkParse = { ok: true; link: CallLink } | { ok: false; reason: string };

/** The longest link read: a softphone's link is short, and a huge one is no call. */
const LINK_MAX = 1024;

/** `deskpad://call?…`, `deskpad://call/?…` or `deskpad:call?…`: the action and the query text. */
const LINK = /^([a-z][a-z0-9+.-]*):(?:\/\/)?([^/?#]*)\/?(?:\?([^#]*))?(?:#.*)?$/i;

/** A query's values by name (form encoding: + is a space); null when one cannot be decoded. */
function queryValues(query: string): Map<string, string[]> | null {
  const values = new Map<string, string[]>();
  for (const part of query.split('&')) {
    if (part === '') continue;
    const [rawKey = '', ...rest] = part.split('=');
    try {
      const key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      const value = decodeURIComponent(rest.join('=').replace(/\+/g, ' '));
      values.set(key, [...(values.get(key) ?? []), value]);
    } catch {
      return null;
    }
  }
  return values;
}

/** Reads `deskpad://call?from=…&callId=…`; anything else is refused with the reason. */
export function parseCallLink(text: string): CallLinkParse {
  if (text.length > LINK_MAX) return { ok: false, reason: 'The link is too long.' };
  const match = LINK.exec(text.trim());
  if (!match) return { ok: false, reason: 'The link is not a URL.' };
  const [, scheme = '', action = '', query = ''] = match;
  if (scheme.toLowerCase() !== DESKPAD_PROTOCOL)
    return { ok: false, reason: `Only ${DESKPAD_PROTOCOL}:// links are handled.` };
  if (action.toLowerCase() !== 'call')
    return { ok: false, reason: `deskpad://${action} is not a known link.` };
  const values = queryValues(query);
  if (!values) return { ok: false, reason: 'The link is not encoded correctly.' };
  const params: Record<string, string> = {};
  for (const key of ['from', 'callId']) {
    const given = values.get(key) ?? [];
    if (given.length > 1) return { ok: false, reason: `${key} is given twice.` };
    if (given[0] !== undefined && given[0] !== '') params[key] = given[0];
  }
  const parsed = CallLink.safeParse(params);
  return parsed.success
    ? { ok: true, link: parsed.data }
    : { ok: false, reason: parsed.error.issues[0]?.message ?? 'The link is not a call.' };
}

/** The call link a launch carries in its arguments (Windows and Linux), if any. */
export const callLinkInArgv = (argv: readonly string[]): string | undefined =>
  argv.find((arg) => arg.toLowerCase().startsWith(`${DESKPAD_PROTOCOL}:`));
