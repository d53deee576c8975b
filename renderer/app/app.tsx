// The window: banner, the Interactions list beside the interaction form, keyboard shortcuts, their
// help overlay, the Unsaved changes guard, Needs attention and the Sign in screen. Composition only;
// parts get deps from DeskpadDeps.

import { StrictMode, useEffect, useRef } from 'react';
import { InteractionForm, type InteractionFormHandle } from '../interaction-form/interaction-form';
import { InteractionList, type InteractionListHandle } from '../interaction-list/interaction-list';
import { useLiveValue } from '../hooks/use-live-query';
import { DiscardChangeDialog } from '../needs-attention/discard-change-dialog';
import { NeedsAttentionPanel } from '../needs-attention/needs-attention-panel';
import { SignInScreen } from '../session/sign-in-screen';
import { SignOutDialog } from '../session/sign-out-dialog';
import { ShortcutsDialog } from '../shortcuts/shortcuts-dialog';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { AppHeader } from './app-header';
import { DeskpadContext, useUi, type DeskpadDeps } from './deskpad-context';
import { StoreErrors } from './store-errors';
import { UnsavedChangesDialog } from './unsaved-changes-dialog';
import { useUnloadWarning } from './use-unload-warning';

function Workspace() {
  const open = useUi((s) => s.open);
  const helpOpen = useUi((s) => s.helpOpen);
  const newInteraction = useUi((s) => s.newInteraction);
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  const unsaved = useUi((s) => s.unsaved);
  const leaving = useUi((s) => s.leaving);
  const stayOnForm = useUi((s) => s.stayOnForm);
  const openRecord = useUi((s) => s.openRecord);
  const attentionOpen = useUi((s) => s.attentionOpen);
  const signOutAsked = useUi((s) => s.signOutAsked);
  const setSignOutAsked = useUi((s) => s.setSignOutAsked);
  const discardAsked = useUi((s) => s.discardAsked);
  const setDiscardAsked = useUi((s) => s.setDiscardAsked);
  const session = useLiveValue('session.state', {}, null);
  const formRef = useRef<InteractionFormHandle>(null);
  const listRef = useRef<InteractionListHandle>(null);
  // Signed out (never, or the session ended): the workspace is hidden, not unmounted, so typing
  // not saved yet is still in the form after the agent signs in again.
  const signInNeeded = session?.status === 'signed-out';
  const modalOpen =
    !signInNeeded && (helpOpen || leaving !== null || signOutAsked || discardAsked !== null);
  useUnloadWarning(unsaved !== null);

  // A question asked before the session ended is not asked again after the next sign-in; the agent
  // who signs in starts where interactions start, at the caller lookup.
  const wasSignedOut = useRef(false);
  useEffect(() => {
    if (signInNeeded) {
      wasSignedOut.current = true;
      setSignOutAsked(false);
      setDiscardAsked(null);
    } else if (wasSignedOut.current && session !== null) {
      wasSignedOut.current = false;
      formRef.current?.focusCallerLookup();
    }
  }, [signInNeeded, session, setSignOutAsked, setDiscardAsked]);

  // The dialog closes first, so a refused save leaves the agent on the form at the first error.
  const saveAndContinue = async (): Promise<void> => {
    if (!leaving) return;
    stayOnForm();
    const confirmation = await formRef.current?.saveBeforeLeaving();
    if (confirmation) openRecord(leaving, confirmation);
  };

  useShortcuts(
    {
      'new-interaction': newInteraction,
      save: () => formRef.current?.save(),
      'caller-lookup': () => formRef.current?.focusCallerLookup(),
      'focus-list': () => listRef.current?.focus(),
      'show-shortcuts': () => setHelpOpen(true),
    },
    !modalOpen && !signInNeeded,
  );

  return (
    <>
      {signInNeeded && session && <SignInScreen session={session} />}
      <div className="app" inert={modalOpen} hidden={signInNeeded}>
        <AppHeader
          session={session}
          onNewInteraction={newInteraction}
          onShowShortcuts={() => setHelpOpen(true)}
        />
        <StoreErrors />
        {attentionOpen && <NeedsAttentionPanel />}
        <div className="workspace">
          <InteractionList ref={listRef} />
          <main className="main">
            <InteractionForm key={open.id} id={open.id} isNew={open.isNew} ref={formRef} />
          </main>
        </div>
      </div>
      {!signInNeeded && helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      {!signInNeeded && leaving && (
        <UnsavedChangesDialog
          unsaved={unsaved}
          onSave={() => void saveAndContinue()}
          onDiscard={() => openRecord(leaving)}
          onKeepEditing={stayOnForm}
        />
      )}
      {!signInNeeded && signOutAsked && <SignOutDialog onClose={() => setSignOutAsked(false)} />}
      {!signInNeeded && discardAsked && (
        <DiscardChangeDialog item={discardAsked} onClose={() => setDiscardAsked(null)} />
      )}
    </>
  );
}

export function DeskpadApp({ deps, strict = true }: { deps: DeskpadDeps; strict?: boolean }) {
  const app = (
    <DeskpadContext.Provider value={deps}>
      <Workspace />
    </DeskpadContext.Provider>
  );
  return strict ? <StrictMode>{app}</StrictMode> : app;
}
