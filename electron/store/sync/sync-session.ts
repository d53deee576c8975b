// The session with the desk server: sign in, adopt a token obtained elsewhere, sign out, and the
// end a refused token means (expired). Keeps it through kept-session; never pushes or pulls.

import { fail, ok, type StoreErrorCode, type StoreResult } from '../../../shared/domain/result';
import type { SessionState } from '../../../shared/store-api/contract';
import type {
  PasswordChangeRequest,
  SetupRequest,
  SignInRequest,
  SignInResponse,
} from '../../../shared/sync/server-api';
import { readMeta, type DeskDb } from '../db';
import { describeError, type Logger } from '../logger';
import { DeskServerError, type DeskServerClient } from './desk-server-client';
import {
  forgetKeptSession,
  keepSession,
  readKeptSession,
  readSessionEnd,
  signOutKeptSession,
  type ActiveSession,
  type TokenVault,
} from './kept-session';

/** A session the desk server vouched for, not kept yet (it may still be declined). */
export interface OfferedSession {
  token: string;
  expiresAt: string;
  agent: ActiveSession['agent'];
  mustChangePassword?: boolean;
}

const ADOPT_REFUSED =
  'The desk server did not accept this session: it has ended or was never valid. Sign in with your user name and password.';
export const LAUNCH_REFUSED = 'This launch link was already used or has expired. Sign in.';

function refusedOffer(error: unknown, refused: string): [StoreErrorCode, string] {
  if (error instanceof DeskServerError && error.kind === 'network')
    return ['not-ready', UNREACHABLE_FOR_SESSION];
  if (error instanceof DeskServerError && (error.status === 401 || error.status === 403))
    return ['invalid-input', refused];
  return ['internal', `The session could not be checked: ${describeError(error)}`];
}

const UNREACHABLE_FOR_SESSION =
  'The desk server cannot be reached; the session was not taken. Try again when it answers, or sign in.';

export interface SyncSessionDeps {
  db: DeskDb;
  client: DeskServerClient;
  vault: TokenVault | undefined;
  now: () => Date;
  onLine: () => boolean;
  log: Logger;
}

export class SyncSession {
  private readonly deps: SyncSessionDeps;
  private session: ActiveSession | null = null;
  /** How the last session ended (kept in meta): what a signed-out desk shows the agent. */
  private endedBy: 'sign-out' | 'expired' | null = null;
  /** A desk server has answered this desk before (a kept session, a cursor): not a file server. */
  private serverKnown = false;

  constructor(deps: SyncSessionDeps) {
    this.deps = deps;
  }

  current(): ActiveSession | null {
    return this.session;
  }

  /** Reads the kept session and how the last one ended; `synced`: this desk has a cursor. */
  async load(synced: boolean): Promise<void> {
    this.set(await this.readKept());
    this.endedBy = await readSessionEnd(this.deps.db);
    this.serverKnown = synced || (await readMeta(this.deps.db, 'session')) !== undefined;
  }

  /** A desk server answered at this desk's server URL. */
  markServerKnown(): void {
    this.serverKnown = true;
  }

  state(
    fallbackAgent: SessionState['agent'],
    serverReachable: boolean | null,
    deciding = false,
  ): SessionState {
    const baseUrl = this.deps.client.baseUrl;
    if (this.session) {
      return {
        status: 'signed-in',
        agent: this.session.agent,
        serverUrl: baseUrl,
        expiresAt: this.session.expiresAt,
        endedBy: null,
        ...(this.session.mustChangePassword ? { mustChangePassword: true } : {}),
      };
    }
    // A desk that has synced or been signed in knows its server is a desk server, reachable or
    // not right now: it is signed out (the Sign in screen), never "local".
    const server = serverReachable === true || this.serverKnown;
    // Not known yet whether this desk works on its own or must sign in: neither screen is shown
    // (a fresh browser desk at a desk server never shows the demo workspace first).
    if (deciding || (!server && serverReachable === null && this.deps.onLine()))
      return {
        status: 'starting',
        agent: null,
        serverUrl: baseUrl,
        expiresAt: null,
        endedBy: null,
      };
    return {
      status: server ? 'signed-out' : 'local',
      agent: fallbackAgent,
      serverUrl: server ? baseUrl : null,
      expiresAt: null,
      endedBy: server ? this.endedBy : null,
    };
  }

  /** Signs in and keeps the session; the caller then syncs with it. */
  signIn(input: SignInRequest): Promise<StoreResult<ActiveSession>> {
    return this.signInWith(() => this.deps.client.signIn(input));
  }

  /** Creates the first administrator (a setup link) and keeps their session. */
  setup(input: SetupRequest): Promise<StoreResult<ActiveSession>> {
    if (!this.deps.onLine()) return Promise.resolve(fail('not-ready', UNREACHABLE_FOR_SESSION));
    this.deps.log.addSecret(input.code);
    return this.signInWith(() => this.deps.client.setup(input));
  }

  /** The signed-in agent's new password; the session goes on without must-change-password. */
  async changePassword(input: PasswordChangeRequest): Promise<StoreResult<ActiveSession>> {
    const session = this.session;
    if (!session) return fail('not-ready', 'Sign in first.');
    try {
      await this.deps.client.changePassword(session.token, input);
    } catch (error) {
      this.deps.log.info('the password change was refused or failed', error);
      if (error instanceof DeskServerError && error.kind === 'http') {
        if (
          error.status === 401 &&
          error.code === 'unauthorized' &&
          error.message.includes('current')
        )
          return fail('invalid-input', error.message, {
            currentPassword: 'This is not your current password.',
          });
        if (error.status === 400 || error.status === 429)
          return fail('invalid-input', error.message);
      }
      if (error instanceof DeskServerError && error.kind === 'network')
        return fail('not-ready', `${error.message} Change it when the desk server can be reached.`);
      return fail('internal', `The password was not changed: ${describeError(error)}`);
    }
    return ok(await this.passwordChanged(session));
  }

  /** The password was changed (here or at another desk): the session is kept without the mark. */
  passwordChanged(session: ActiveSession): Promise<ActiveSession> {
    return this.keep(session.token, session.expiresAt, session.agent);
  }

  private async signInWith(
    ask: () => Promise<SignInResponse>,
  ): Promise<StoreResult<ActiveSession>> {
    try {
      const answer = await ask();
      return ok(
        await this.keep(answer.token, answer.expiresAt, answer.agent, answer.mustChangePassword),
      );
    } catch (error) {
      this.deps.log.info('sign-in refused or failed', error);
      if (error instanceof DeskServerError && error.kind === 'http') {
        if (error.status === 429)
          return fail('rule', `${error.message} Too many tries: wait a little and try again.`);
        if (error.status === 400 || error.status === 401 || error.status === 409)
          return fail('invalid-input', error.message);
      }
      if (error instanceof DeskServerError && error.kind === 'network')
        return fail('not-ready', `${error.message} Sign in when the desk server can be reached.`);
      return fail('internal', `Signing in did not work: ${describeError(error)}`);
    }
  }

  /**
   * Keeps a token obtained elsewhere (the launcher signed the demo agent in), after the desk
   * server said whose it is and until when. A token it refuses changes nothing.
   */
  async adopt(token: string): Promise<StoreResult<ActiveSession>> {
    const offered = await this.check(token);
    return offered.ok ? ok(await this.keepOffered(offered.value)) : offered;
  }

  /** Whose `token` is and until when, as the desk server says; nothing is kept. */
  async check(token: string): Promise<StoreResult<OfferedSession>> {
    if (!this.deps.onLine()) return fail('not-ready', UNREACHABLE_FOR_SESSION);
    try {
      this.deps.log.addSecret(token);
      const answer = await this.deps.client.currentSession(token);
      return ok({
        token,
        expiresAt: answer.expiresAt,
        agent: answer.agent,
        ...(answer.mustChangePassword ? { mustChangePassword: true } : {}),
      });
    } catch (error) {
      this.deps.log.info('adopting a session refused or failed', error);
      return fail(...refusedOffer(error, ADOPT_REFUSED));
    }
  }

  /** Exchanges a launcher's single-use code for a session; nothing is kept yet. */
  async exchange(code: string): Promise<StoreResult<OfferedSession>> {
    if (!this.deps.onLine()) return fail('not-ready', UNREACHABLE_FOR_SESSION);
    try {
      this.deps.log.addSecret(code);
      const answer = await this.deps.client.launch(code);
      this.deps.log.addSecret(answer.token);
      return ok(answer);
    } catch (error) {
      this.deps.log.info('the launch link was refused or failed', error);
      return fail(...refusedOffer(error, LAUNCH_REFUSED));
    }
  }

  /** Keeps a session the server vouched for (check, exchange); the caller then syncs with it. */
  keepOffered(offered: OfferedSession): Promise<ActiveSession> {
    return this.keep(offered.token, offered.expiresAt, offered.agent, offered.mustChangePassword);
  }

  /**
   * Ends the session here and (best effort) on the server; answers the one that ended. With
   * `everywhere`, the server must end every session of the agent first: if it cannot, this throws
   * and nothing ends (the agent asked for the other desks too, so a quiet failure would mislead).
   */
  async signOut(everywhere = false): Promise<ActiveSession | null> {
    const session = this.session;
    if (session && everywhere) await this.deps.client.signOut(session.token, true);
    // Best effort: the token dies on the server after its expiry anyway.
    else if (session)
      await this.deps.client
        .signOut(session.token)
        .catch((error: unknown) =>
          this.deps.log.info('the server did not hear the sign-out', error),
        );
    // Also a kept session this host could not open (its vault failed): signed out means gone.
    await signOutKeptSession(this.deps.db);
    this.session = null;
    this.endedBy = 'sign-out';
    this.deps.log.info('signed out');
    return session;
  }

  /**
   * The server refused `token`: the session has ended. The agent's work goes on offline. Answers,
   * once the kept copy is forgotten, whether it was (the other hosts then read it again).
   */
  async expire(token: string): Promise<boolean> {
    if (this.session?.token === token) {
      this.session = null;
      this.endedBy = 'expired';
      this.deps.log.warn('the desk server ended the session');
    }
    try {
      return await forgetKeptSession(this.deps.db, token, this.deps.vault);
    } catch (error) {
      // Still in IndexedDB: the next cycle gets a 401 again and tries again.
      this.deps.log.warn('the ended session could not be forgotten yet', error);
      return false;
    }
  }

  /** Another host changed the session in IndexedDB: take it from there. Answers if the token changed. */
  async reread(): Promise<boolean> {
    const before = this.session?.token ?? null;
    const stored = await this.readKept();
    this.endedBy = await readSessionEnd(this.deps.db);
    // The same token is the same session: a cycle running with it goes on as it was.
    if ((stored?.token ?? null) !== before) this.set(stored);
    this.serverKnown ||= stored !== null;
    return (this.session?.token ?? null) !== before;
  }

  private async keep(
    token: string,
    expiresAt: string,
    agent: ActiveSession['agent'],
    mustChangePassword = false,
  ): Promise<ActiveSession> {
    this.deps.log.addSecret(token);
    const session: ActiveSession = {
      serverUrl: this.deps.client.baseUrl,
      token,
      expiresAt,
      agent,
      signedInAt: this.deps.now().toISOString(),
      ...(mustChangePassword ? { mustChangePassword: true } : {}),
    };
    await keepSession(this.deps.db, session, this.deps.vault, this.deps.log);
    this.set(session);
    this.endedBy = null;
    this.serverKnown = true;
    this.deps.log.info(`signed in as ${agent.userName}`);
    return session;
  }

  private set(session: ActiveSession | null): void {
    if (session) this.deps.log.addSecret(session.token);
    this.session = session;
  }

  private readKept(): Promise<ActiveSession | null> {
    return readKeptSession(this.deps.db, this.deps.vault, this.deps.log);
  }
}
