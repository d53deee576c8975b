// The session the desk keeps in IndexedDB meta so it opens signed in and offline: the token as is,
// or sealed by a vault (Electron safeStorage). Never writes a token in clear when given a vault.

import type { User } from '../../../shared/domain/directory';
import { readMeta, type DeskDb, type StoredSession } from '../db';
import type { Logger } from '../logger';

/**
 * Keeps the session token unreadable at rest (the desktop app: Electron safeStorage). `open`
 * answers null (or throws) when it cannot: the desk is then signed out, its work kept.
 */
export interface TokenVault {
  seal(token: string): Promise<string>;
  open(sealed: string): Promise<string | null>;
}

/** The session as the sync runner holds it in memory: the token opened. */
export interface ActiveSession {
  serverUrl: string;
  token: string;
  expiresAt: string;
  agent: User;
  signedInAt: string;
  /** The agent must change a temporary password before syncing (SignInResponse says so). */
  mustChangePassword?: boolean;
}

/**
 * Writes the session and its agent. A vault that cannot seal (no OS key store) means no token on
 * disk at all: the session lasts until the host closes, and the agent signs in after the next start.
 */
export async function keepSession(
  db: DeskDb,
  session: ActiveSession,
  vault: TokenVault | undefined,
  log?: Logger,
): Promise<void> {
  const { token, ...rest } = session;
  // Sealed before the transaction: IndexedDB commits one that waits on anything else.
  const stored: StoredSession | null = vault
    ? await vault.seal(token).then(
        (sealedToken) => ({ ...rest, sealedToken }),
        (error: unknown) => {
          log?.warn('the session token cannot be sealed: it is kept for this run only', error);
          return null;
        },
      )
    : { ...rest, token };
  await db.transaction('rw', db.meta, async () => {
    if (stored) await db.meta.put({ key: 'session', value: stored });
    else await db.meta.delete('session');
    await db.meta.delete('sessionEnd');
    await db.meta.put({ key: 'agentId', value: session.agent.id });
  });
}

/** The kept session with its token opened; null when there is none or the vault cannot open it. */
export async function readKeptSession(
  db: DeskDb,
  vault: TokenVault | undefined,
  log?: Logger,
): Promise<ActiveSession | null> {
  const stored = await readMeta(db, 'session');
  if (!stored) return null;
  const { token: plain, sealedToken, ...rest } = stored;
  let token: string | null = null;
  if (sealedToken !== undefined) {
    token = await openSealed(sealedToken, vault, log);
  } else if (plain !== undefined) {
    token = plain;
    // Kept before this desk had a vault: from now on only the sealed form is on disk.
    if (vault)
      await reseal(db, stored, plain, vault).catch((error: unknown) =>
        log?.warn('the kept token could not be sealed yet; it is tried again next start', error),
      );
  }
  return token ? { ...rest, token } : null;
}

/**
 * Forgets the kept session if it is still the one with `token`, noting it `expired`; answers
 * whether it did.
 */
export async function forgetKeptSession(
  db: DeskDb,
  token: string,
  vault: TokenVault | undefined,
): Promise<boolean> {
  const stored = await readMeta(db, 'session');
  if (!stored) return false;
  const same =
    stored.token === token ||
    (stored.sealedToken !== undefined && (await openSealed(stored.sealedToken, vault)) === token);
  if (!same) return false;
  return db.transaction('rw', db.meta, async () => {
    const now = await readMeta(db, 'session');
    if (now?.token !== stored.token || now?.sealedToken !== stored.sealedToken) return false;
    await db.meta.delete('session');
    await db.meta.put({ key: 'sessionEnd', value: 'expired' });
    return true;
  });
}

async function openSealed(
  sealed: string,
  vault: TokenVault | undefined,
  log?: Logger,
): Promise<string | null> {
  if (!vault) return null;
  return vault.open(sealed).catch((error: unknown) => {
    log?.warn('the kept session token cannot be opened: this desk is signed out', error);
    return null;
  });
}

async function reseal(
  db: DeskDb,
  stored: StoredSession,
  token: string,
  vault: TokenVault,
): Promise<void> {
  const { token: _plain, ...rest } = stored;
  const sealed: StoredSession = { ...rest, sealedToken: await vault.seal(token) };
  await db.transaction('rw', db.meta, async () => {
    const now = await readMeta(db, 'session');
    if (now?.token === token) await db.meta.put({ key: 'session', value: sealed });
  });
}

/** Forgets any kept session (also one the vault could not open), noting that an agent signed out. */
export async function signOutKeptSession(db: DeskDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.delete('session');
    await db.meta.put({ key: 'sessionEnd', value: 'sign-out' });
  });
}

/** How the last session ended, as kept; null while one is kept or when none ever was. */
export async function readSessionEnd(db: DeskDb): Promise<'sign-out' | 'expired' | null> {
  return (await readMeta(db, 'sessionEnd')) ?? null;
}
