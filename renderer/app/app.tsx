// The window: "Starting…" until the first screen is known, then Sign in (or the account screens:
// a password change, the first administrator) or the workspace. The workspace's script is fetched
// only once the desk is signed in, so a desk that is not loads just these screens (decision 0016).
// Composition only; parts get deps from DeskpadDeps.

import {
  startTransition,
  StrictMode,
  useEffect,
  useRef,
  useState,
  type ComponentType,
} from 'react';
import type { SessionState } from '../../shared/store-api/contract';
import { afterNextFrame } from '../hooks/agent-acted';
import { useLiveValue } from '../hooks/use-live-query';
import { sessionEndOf } from '../session/session-end';
import { SignInScreen } from '../session/sign-in-screen';
import { ChangePasswordScreen } from '../session/change-password-screen';
import { FirstAdminScreen } from '../session/first-admin-screen';
import { StartingScreen } from '../session/starting-screen';
import { useLaunch } from '../session/use-launch';
import type { StoragePersistence } from '../storage/storage-persistence';
import { useStorageAnswer } from '../storage/use-storage-answer';
import { readPlaceAhead } from '../walk-up/walk-up-place';
import { DeskpadContext, useDeskpad, type DeskpadDeps, type ShownScreen } from './deskpad-context';
import type { WorkspaceProps } from './workspace';

type WorkspaceComponent = ComponentType<WorkspaceProps>;

let workspaceScript: Promise<WorkspaceComponent> | null = null;

/** Resolves in a later task of the window's event loop. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/**
 * The workspace's script, fetched once: from the first answer that the desk is signed in. The
 * shared rules it checks with are asked for beside it in three parts (the interaction's schemas, the
 * other records', the commands'): fetched together, evaluated apart (a part's scripts run as soon
 * as they are all here), so the window never spends one long task on them. Each part is a chunk the
 * build makes anyway, or a stub of a few bytes: on a link of six connections one more script costs
 * more than a shorter task saves. Each part is asked for in a task of its own: starting a request
 * costs the window a few milliseconds (more under a browser's tools), and the nine requests of
 * the four parts in one task were the start's longest task. The workspace's own chunk, the largest,
 * is fetched with the first part (the build puts it in that part's preload list,
 * tooling/preload-ahead.ts) and evaluated when imported last.
 */
const loadWorkspace = (): Promise<WorkspaceComponent> =>
  (workspaceScript ??= (async () => {
    const parts: Promise<unknown>[] = [];
    for (const load of [
      () => import('./desk-domain'),
      () => import('./desk-records'),
      () => import('./desk-commands'),
    ]) {
      const part = load();
      // Awaited below, with the rest; a failure meanwhile is not an unhandled one.
      part.catch(() => undefined);
      parts.push(part);
      await nextTask();
    }
    const [{ Workspace }] = await Promise.all([import('./workspace'), ...parts]);
    return Workspace;
  })());

/**
 * The workspace once its script is here (null until then). Not React.lazy: a lazy part shows its
 * fallback and then holds the finished desk back until 300 ms after that (React's fallback
 * throttle), however soon its script arrived.
 */
function useWorkspace(wanted: boolean, given: WorkspaceComponent | undefined) {
  const [loaded, setLoaded] = useState<WorkspaceComponent | null>(() => given ?? null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!wanted || loaded) return undefined;
    let live = true;
    loadWorkspace().then(
      // A transition: React renders the whole desk in slices, never one long task.
      (component) => live && startTransition(() => setLoaded(() => component)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [wanted, loaded]);
  return { Workspace: loaded, failed };
}

/**
 * Tells the store host and the page, once, after the frame that drew the window's first screen
 * (Sign in or the desk): a desk that opened signed in waits for this, or a few seconds, before its
 * first sync, and the browser build registers its service worker (which fetches the whole app to
 * keep) only then, so that the window's start has the CPU and the link to itself (decision 0016).
 */
function useSayDrawn(drawn: boolean): void {
  const { store, onFirstScreenDrawn } = useDeskpad();
  const said = useRef(false);
  useEffect(() => {
    if (!drawn || said.current) return undefined;
    return afterNextFrame(() => {
      said.current = true;
      store.act('sync.windowShown', {}).catch(() => undefined);
      onFirstScreenDrawn?.();
    });
  }, [drawn, store, onFirstScreenDrawn]);
}

/** Tells the page each screen the window shows (Sign in, or the desk), once per change. */
function useTellScreen(shown: ShownScreen | null): void {
  const { onScreenShown } = useDeskpad();
  const told = useRef<ShownScreen | null>(null);
  useEffect(() => {
    if (shown === null || told.current === shown) return;
    told.current = shown;
    onScreenShown?.(shown);
  }, [shown, onScreenShown]);
}

const WORKSPACE_FAILED =
  'The desk could not be loaded from the desk server. Check the connection and reload this page.';

function Desk({
  first,
  launchRefused,
  storageAnswer,
}: {
  /** The session state the first screen was decided on (no frame without one). */
  first: SessionState | null;
  launchRefused: string | null;
  storageAnswer: StoragePersistence | null;
}) {
  const session = useLiveValue('session.state', {}, first);
  // Signed out on purpose (or never signed in): the workspace is hidden, not unmounted, so typing
  // not saved yet is still in the form after the agent signs in again. A session that ended by itself
  // (expired, revoked) hides nothing: the desk keeps working and saving here, and says so.
  const signedOut = session?.status === 'signed-out';
  const sessionEnded = signedOut && sessionEndOf(session) === 'expired';
  // A temporary password is changed before the desk shows anything: it waits as when signed out.
  const passwordChange = session?.status === 'signed-in' && session.mustChangePassword === true;
  const signInNeeded = (signedOut && !sessionEnded) || passwordChange;
  const { setupCode, workspace: given } = useDeskpad();
  const [setupDeclined, setSetupDeclined] = useState(false);
  // A setup link works once: after the administrator is signed in, signing out leads to Sign in.
  const signedInNow = session?.status === 'signed-in';
  if (signedInNow && setupCode && !setupDeclined) setSetupDeclined(true);
  const accountScreen = passwordChange ? 'password' : setupCode && !setupDeclined ? 'setup' : null;
  // The workspace comes with the first session, and stays (hidden) after a sign-out.
  const [workspaceWanted, setWorkspaceWanted] = useState(!signInNeeded);
  if (!signInNeeded && !workspaceWanted) setWorkspaceWanted(true);
  const { Workspace, failed } = useWorkspace(workspaceWanted, given);
  useSayDrawn(signInNeeded || Workspace !== null || failed);
  useTellScreen(signInNeeded ? 'sign-in' : Workspace !== null ? 'desk' : null);

  return (
    <>
      {signInNeeded && session && !accountScreen && (
        <SignInScreen session={session} notice={launchRefused} />
      )}
      {workspaceWanted && Workspace && (
        <Workspace
          session={session}
          signInNeeded={signInNeeded}
          sessionEnded={sessionEnded}
          storageAnswer={storageAnswer}
        />
      )}
      {workspaceWanted && !Workspace && !signInNeeded && (
        <StartingScreen problem={failed ? WORKSPACE_FAILED : null} />
      )}
      {/* After the workspace, so their focus comes after the (hidden) form's own on mount. */}
      {signInNeeded && session && accountScreen === 'password' && (
        <ChangePasswordScreen session={session} />
      )}
      {signInNeeded && session && accountScreen === 'setup' && setupCode && (
        <FirstAdminScreen
          code={setupCode}
          serverUrl={session.serverUrl}
          onSignInInstead={() => setSetupDeclined(true)}
        />
      )}
    </>
  );
}

/**
 * The first screen is decided before any is shown: "Starting…" until the store host knows whether
 * this desk works on its own, must sign in, or is signed in (and a launch link was exchanged), and
 * the browser has said whether it keeps the desk's data (a notice then would push the desk down).
 */
function FirstScreen() {
  const { showBeforeSession, storage, ui } = useDeskpad();
  const session = useLiveValue('session.state', {}, null);
  const launch = useLaunch();
  const storageAnswer = useStorageAnswer(storage);
  // A signed-in desk fetches the workspace's script at once, while the rest of the first screen
  // is decided (the storage answer, a launch link), not after.
  const signedIn = session?.status === 'signed-in' && session.mustChangePassword !== true;
  useEffect(() => {
    if (!signedIn || showBeforeSession) return undefined;
    void loadWorkspace().catch(() => undefined);
    // While the script downloads, in a task of its own: the kept walk-up place.
    const readAhead = setTimeout(() => readPlaceAhead(ui));
    return () => clearTimeout(readAhead);
  }, [signedIn, showBeforeSession, ui]);
  const known =
    showBeforeSession === true ||
    (session !== null &&
      session.status !== 'starting' &&
      !launch.pending &&
      storageAnswer !== null);
  // Once decided, the workspace stays (a later launch in another tab must not unmount the form).
  const [decided, setDecided] = useState(false);
  if (known && !decided) setDecided(true);
  if (!known && !decided) return <StartingScreen />;
  return <Desk first={session} launchRefused={launch.refused} storageAnswer={storageAnswer} />;
}

export function DeskpadApp({ deps, strict = true }: { deps: DeskpadDeps; strict?: boolean }) {
  const app = (
    <DeskpadContext.Provider value={deps}>
      <FirstScreen />
    </DeskpadContext.Provider>
  );
  return strict ? <StrictMode>{app}</StrictMode> : app;
}
