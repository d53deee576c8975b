// Turns what ldapts and the network throw into sentences an administrator can act on. It never
// puts a password in a message, and never hides the kind of failure behind a generic one.

import {
  FilterParser,
  InsufficientAccessError,
  InvalidCredentialsError,
  InvalidDNSyntaxError,
  NoSuchObjectError,
  ResultCodeError,
  SizeLimitExceededError,
  StrongAuthRequiredError,
  ConfidentialityRequiredError,
} from 'ldapts';

export const WRONG_PASSWORD_MESSAGE = 'The LDAP server refused the bind DN or password.';

/** A failure already put in words: the sync stops and writes nothing more. */
export class LdapSyncError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LdapSyncError';
  }
}

const TLS_CODES =
  /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER|ERR_TLS|ERR_SSL|EPROTO|HOSTNAME/i;

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = error.code;
    return typeof code === 'string' ? code : '';
  }
  return '';
}

/** `url` names the server in the sentence; `context` says which step (e.g. "the user search"). */
export function describeLdapError(error: unknown, url: string, context: string): LdapSyncError {
  if (error instanceof LdapSyncError) return error;
  const message = error instanceof Error ? error.message.trim() : String(error);
  if (error instanceof InvalidCredentialsError) return new LdapSyncError(WRONG_PASSWORD_MESSAGE);
  if (error instanceof StrongAuthRequiredError || error instanceof ConfidentialityRequiredError)
    return new LdapSyncError(
      'The LDAP server requires an encrypted connection: use ldaps:// or turn on StartTLS.',
    );
  if (error instanceof NoSuchObjectError)
    return new LdapSyncError(
      `The base DN of ${context} does not exist on the LDAP server (or the bind DN may not see it).`,
    );
  if (error instanceof InvalidDNSyntaxError)
    return new LdapSyncError(`A DN in the settings is not a valid DN (${context}).`);
  if (error instanceof InsufficientAccessError)
    return new LdapSyncError(`The bind DN may not read the directory (${context}).`);
  if (error instanceof SizeLimitExceededError)
    return new LdapSyncError(
      `The LDAP server stopped ${context} at its size limit: it must allow paged searches.`,
    );
  if (error instanceof ResultCodeError)
    return new LdapSyncError(
      `The LDAP server refused ${context}: ${message || 'no reason given'} (result code ${error.code}).`,
    );
  const code = errorCode(error);
  if (TLS_CODES.test(code) || /\b(TLS|SSL|certificate)\b/i.test(message))
    return new LdapSyncError(
      `A TLS problem with the LDAP server at ${url}: ${message || code}. Check the certificate and the ldaps:// or StartTLS setting.`,
    );
  if (['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'].includes(code))
    return new LdapSyncError(
      `The LDAP server at ${url} could not be reached (${code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' ? 'unknown host' : code}).`,
    );
  if (
    code === 'ETIMEDOUT' ||
    /timeout/i.test(message) ||
    error?.constructor?.name === 'TimeoutError'
  )
    return new LdapSyncError(`The LDAP server at ${url} did not answer in time.`);
  if (code === 'ECONNRESET' || /closed|socket/i.test(message))
    return new LdapSyncError(`The connection to the LDAP server at ${url} was cut (${context}).`);
  return new LdapSyncError(`The LDAP sync failed during ${context}: ${message}`);
}

/** Checks a filter's syntax before anything is sent; answers the problem in words, or null. */
export function filterProblem(filter: string, which: string): string | null {
  // RFC 4515 escapes parentheses inside values (\28, \29), so every literal one must pair up;
  // ldapts closes a missing one silently, which would search for something else than typed.
  let depth = 0;
  for (const c of filter) {
    depth += c === '(' ? 1 : c === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0)
    return `The ${which} is not a valid LDAP filter: its parentheses do not pair up.`;
  try {
    FilterParser.parseString(filter);
    return null;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('. Full string')[0] : '';
    return `The ${which} is not a valid LDAP filter${reason ? `: ${reason}` : ''}.`;
  }
}
