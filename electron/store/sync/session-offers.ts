// Sessions offered to this desk from elsewhere (a launch link, an adopted token): kept at once, or,
// when another agent is signed in, asked about first ("Switch from A to B?"). Never syncs.

import type { User } from '../../../shared/domain/directory';
import { ok, type StoreResult } from '../../../shared/domain/result';
import type { SessionState } from '../../../shared/store-api/contract';
import type {
  PasswordChangeRequest,
  SetupRequest,
  SignInRequest,
} from '../../../shared/sync/server-api';
import type { DeskDb } from '../db';
import type { Logger } from '../logger';
import { waitingForOthers } from './author-streams';
import type { DeskServerClient } from './desk-server-client';
import type { ActiveSession } from './kept-session';
import type { OfferedSession, SyncSession } from './sync-session';

export interface SessionOffersDeps {
  db: DeskDb;
  client: DeskServerClient;
  session: SyncSession;
  log: Logger;
  /** The session state changed: the windows hear it. */
  notify: () => void;
  /** A session was kept: sync with it from now on. */
  established: (session: ActiveSession) => void;
  state: (agent: SessionState['agent']) => SessionState;
}

interface Offer {
  session: OfferedSession;
  from: User;
  unsynced: number;
}

export class SessionOffers {
  private readonly deps: SessionOffersDeps;
  /** Launch codes being exchanged: the desk's first screen waits for them. */
  private exchanging = 0;
  /** Another agent's session, offered while one is signed in, until the agent answers. */
  private offered: Offer | null = null;

  constructor(deps: SessionOffersDeps) {
    this.deps = deps;
  }

  /** Signs in with a user name and password (the agent chose to: nothing to ask). */
  async signIn(input: SignInRequest): Promise<StoreResult<SessionState>> {
    const answer = await this.deps.session.signIn(input);
    if (!answer.ok) return answer;
    await this.decline();
    this.deps.established(answer.value);
    return ok(this.deps.state(answer.value.agent));
  }

  /** The first administrator, from a setup link: signed in at once, like a sign-in. */
  async setup(input: SetupRequest): Promise<StoreResult<SessionState>> {
    const answer = await this.deps.session.setup(input);
    if (!answer.ok) return answer;
    await this.decline();
    this.deps.established(answer.value);
    return ok(this.deps.state(answer.value.agent));
  }

  /** A new password for the signed-in agent; with a temporary one gone, sync starts. */
  async changePassword(input: PasswordChangeRequest): Promise<StoreResult<SessionState>> {
    const answer = await this.deps.session.changePassword(input);
    if (!answer.ok) return answer;
    this.deps.established(answer.value);
    return ok(this.deps.state(answer.value.agent));
  }

  /** A token obtained elsewhere: kept at once, or only offered when another agent is signed in. */
  async adopt(token: string): Promise<StoreResult<SessionState>> {
    return this.offer(await this.deps.session.check(token));
  }

  launching(): boolean {
    return this.exchanging > 0;
  }

  /** The session state with the question asked, if one is. */
  decorate(state: SessionState): SessionState {
    const offered = this.offered;
    if (!offered) return state;
    return {
      ...state,
      switchAsked: { from: offered.from, to: offered.session.agent, unsynced: offered.unsynced },
    };
  }

  /** A launch link's code: exchanged while the desk shows neither workspace nor Sign in. */
  async launch(code: string): Promise<StoreResult<SessionState>> {
    this.exchanging += 1;
    this.deps.notify();
    try {
      return await this.offer(await this.deps.session.exchange(code));
    } finally {
      this.exchanging -= 1;
      this.deps.notify();
    }
  }

  /** Keeps the session the server vouched for, unless another agent is signed in: then asks. */
  private async offer(answer: StoreResult<OfferedSession>): Promise<StoreResult<SessionState>> {
    if (!answer.ok) return answer;
    const { session, log } = this.deps;
    const current = session.current();
    if (current && current.agent.id !== answer.value.agent.id) {
      const waiting = await waitingForOthers(this.deps.db, null);
      await this.decline();
      this.offered = {
        session: answer.value,
        from: current.agent,
        unsynced: waiting.get(current.agent.id) ?? 0,
      };
      log.info(
        `asks whether to switch from ${current.agent.userName} to ${answer.value.agent.userName}`,
      );
      this.deps.notify();
      return ok(this.deps.state(current.agent));
    }
    await this.decline();
    this.deps.established(await session.keepOffered(answer.value));
    return ok(this.deps.state(answer.value.agent));
  }

  /** The agent answered "Switch from A to B?": B's session is kept, or declined and ended. */
  async answer(accept: boolean): Promise<StoreResult<SessionState>> {
    const offered = this.offered;
    if (offered && accept) {
      this.offered = null;
      this.deps.log.info(
        `switches from ${offered.from.userName} to ${offered.session.agent.userName}`,
      );
      this.deps.established(await this.deps.session.keepOffered(offered.session));
    } else if (offered) {
      this.deps.log.info(`kept ${offered.from.userName} signed in`);
      await this.decline();
      this.deps.notify();
    }
    return ok(this.deps.state(this.deps.session.current()?.agent ?? null));
  }

  /** Forgets the offer and ends its session on the server (best effort: it expires anyway). */
  private async decline(): Promise<void> {
    const offered = this.offered;
    this.offered = null;
    if (!offered) return;
    await this.deps.client
      .signOut(offered.session.token)
      .catch((error: unknown) => this.deps.log.info('the server did not hear the decline', error));
  }
}
