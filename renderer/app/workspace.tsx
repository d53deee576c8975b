// The signed-in desk: banner, main navigation, incoming-call banners, the Interactions list or
// Callbacks due beside the interaction form, the Walk-up queue, the Calls, the incidents and requests
// being worked, keyboard shortcuts, their help overlay, the Unsaved changes guard, Needs attention and,
// when the session ended by itself, the notice and Sign in dialog that keep the desk working.
// Loaded only once a desk is signed in (app.tsx); composition only, parts get deps from DeskpadDeps.

import { lazy, Suspense, useEffect, useRef } from 'react';
import type { SessionState } from '../../shared/store-api/contract';
import { ModalLayerContext, useModalLayerFor } from '../dialog/modal-layer';
import { CallbacksDue, type CallbacksDueHandle } from '../task-list/callbacks-due';
import type { TaskListHandle } from '../task-list/task-list';
import { InteractionForm, type InteractionFormHandle } from '../interaction-form/interaction-form';
import { InteractionList, type InteractionListHandle } from '../interaction-list/interaction-list';
import { DiscardChangeDialog } from '../needs-attention/discard-change-dialog';
import { NeedsAttentionPanel } from '../needs-attention/needs-attention-panel';
import { SessionEndedNotice } from '../session/session-ended-notice';
import { StorageNotice } from '../storage/storage-notice';
import type { StoragePersistence } from '../storage/storage-persistence';
import { SignInDialog } from '../session/sign-in-dialog';
import { SignOutDialog } from '../session/sign-out-dialog';
import { SwitchAgentDialog } from '../session/switch-agent-dialog';
import { GoToAnything } from '../go-to/go-to-anything';
import { ShortcutsDialog } from '../shortcuts/shortcuts-dialog';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { AppHeader } from './app-header';
import { useDeskpad, useUi } from './deskpad-context';
import { MainNav } from './main-nav';
import { StoreErrors } from './store-errors';
import { loadAdministration } from '../admin/load-administration';
import { loadDashboard } from '../dashboard/load-dashboard';

// The charts' library is loaded for managers and admins only (main-nav prefetches it), not with the desk.
const DashboardSection = lazy(async () => ({
  default: (await loadDashboard()).DashboardSection,
}));
// Administration's pages likewise, for those who have the section (main-nav prefetches them).
const AdminSection = lazy(async () => ({
  default: (await loadAdministration()).AdminSection,
}));
import { WalkUpSection, type WalkUpSectionHandle } from '../walk-up/walk-up-section';
import type { CallView } from '../../shared/store-api/call-contract';
import { lookupTextOf } from '../phone/call-words';
import { CallsSection, type CallsSectionHandle } from '../phone/calls-section';
import { IncomingCalls, type IncomingCallsHandle } from '../phone/incoming-calls';
import { TaskPanel, TaskSide } from './task-section';
import { UnsavedChangesDialog } from './unsaved-changes-dialog';
import { useCallLinks } from './use-call-links';
import { useUnloadWarning } from './use-unload-warning';

const TASK_SECTIONS = { incidents: 'incident', requests: 'request' } as const;

export interface WorkspaceProps {
  /** The desk's session as app.tsx reads it (null only in tests that show the workspace at once). */
  session: SessionState | null;
  /** Sign in (or a password change) is on screen: the workspace is hidden, its shortcuts off. */
  signInNeeded: boolean;
  /** The session ended by itself: the desk keeps working and says so. */
  sessionEnded: boolean;
  /** Whether the browser keeps the desk's data, as the first screen learnt it. */
  storageAnswer?: StoragePersistence | null;
}

export function Workspace({ session, signInNeeded, sessionEnded, storageAnswer }: WorkspaceProps) {
  const open = useUi((s) => s.open);
  const helpOpen = useUi((s) => s.helpOpen);
  const newInteraction = useUi((s) => s.newInteraction);
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  const goToOpen = useUi((s) => s.goToOpen);
  const setGoToOpen = useUi((s) => s.setGoToOpen);
  const unsaved = useUi((s) => s.unsaved);
  const leaving = useUi((s) => s.leaving);
  const stayOnForm = useUi((s) => s.stayOnForm);
  const openRecord = useUi((s) => s.openRecord);
  const attentionOpen = useUi((s) => s.attentionOpen);
  const signOutAsked = useUi((s) => s.signOutAsked);
  const setSignOutAsked = useUi((s) => s.setSignOutAsked);
  const discardAsked = useUi((s) => s.discardAsked);
  const setDiscardAsked = useUi((s) => s.setDiscardAsked);
  const signInAsked = useUi((s) => s.signInAsked);
  const setSignInAsked = useUi((s) => s.setSignInAsked);
  const switchAsked = session?.switchAsked ?? null;
  const storage = useDeskpad().storage;
  const section = useUi((s) => s.section);
  const showSection = useUi((s) => s.showSection);
  const openId = useUi((s) => s.open.id);
  const openAnyRecord = useUi((s) => s.openAnyRecord);
  const formRef = useRef<InteractionFormHandle>(null);
  const listRef = useRef<InteractionListHandle>(null);
  const callbacksRef = useRef<CallbacksDueHandle>(null);
  const taskListRef = useRef<TaskListHandle>(null);
  const walkUpRef = useRef<WalkUpSectionHandle>(null);
  const callsRef = useRef<CallsSectionHandle>(null);
  const incomingRef = useRef<IncomingCallsHandle>(null);
  const newInteractionFromCall = useUi((s) => s.newInteractionFromCall);
  const appRef = useRef<HTMLDivElement>(null);
  // Every dialog (ModalDialog) holds this layer: the window behind it is inert meanwhile.
  const { layer, dialogOpen } = useModalLayerFor(appRef);
  const taskKind =
    section === 'incidents' || section === 'requests' ? TASK_SECTIONS[section] : null;
  // An incident, a request or Administration takes the form's place (the form is kept, hidden).
  const wideSection =
    section === 'administration' ||
    section === 'walk-up' ||
    section === 'calls' ||
    section === 'dashboard';
  const formShown = taskKind === null && !wideSection;
  const signingIn = signInAsked && !signInNeeded && session !== null;
  const modalOpen =
    !signInNeeded &&
    (dialogOpen ||
      helpOpen ||
      goToOpen ||
      leaving !== null ||
      signOutAsked ||
      discardAsked !== null ||
      signingIn ||
      switchAsked !== null);
  useUnloadWarning(unsaved !== null);

  // A question asked before the session ended is not asked again after the next sign-in; the agent
  // who signs in starts where interactions start, at the caller lookup.
  const wasSignedOut = useRef(false);
  useEffect(() => {
    if (signInNeeded) {
      wasSignedOut.current = true;
      setSignOutAsked(false);
      setDiscardAsked(null);
      setSignInAsked(false);
    } else if (wasSignedOut.current && session !== null) {
      wasSignedOut.current = false;
      formRef.current?.focusCallerLookup();
    }
  }, [signInNeeded, session, setSignOutAsked, setDiscardAsked, setSignInAsked]);

  // Sign out is asked only of a kept session; one that ended meanwhile has nothing to sign out of.
  const signedIn = session?.status === 'signed-in';
  useEffect(() => {
    if (!signedIn) setSignOutAsked(false);
  }, [signedIn, setSignOutAsked]);

  // Signed in from the dialog: the button that opened it has gone with the notice, so the agent goes
  // on at the caller lookup (the open form keeps everything typed).
  const signedInFromDialog = useRef(false);
  useEffect(() => {
    if (signInAsked || !signedInFromDialog.current) return;
    signedInFromDialog.current = false;
    const active = document.activeElement;
    if (active === null || active === document.body) formRef.current?.focusCallerLookup();
  }, [signInAsked]);

  // The dialog closes first, so a refused save leaves the agent on the form at the first error.
  const saveAndContinue = async (): Promise<void> => {
    if (!leaving) return;
    stayOnForm();
    const confirmation = await formRef.current?.saveBeforeLeaving();
    if (confirmation) openRecord(leaving, confirmation);
  };

  // Ctrl+K from an incident or request: back to the form (kept as it was), then to the caller.
  const lookupWanted = useRef(false);
  useEffect(() => {
    if (!formShown || !lookupWanted.current) return;
    lookupWanted.current = false;
    formRef.current?.focusCallerLookup();
  }, [formShown]);

  // Look up on an unknown caller's banner: the call's new interaction, its caller lookup with the
  // number typed, once the form for that call is the one shown.
  const callLookupWanted = useRef<{ callId: string; text: string } | null>(null);
  const lookUpIfShown = (): void => {
    const wanted = callLookupWanted.current;
    if (wanted === null || !formShown || open.fromCall !== wanted.callId) return;
    callLookupWanted.current = null;
    // After the new form's own mount effects (twice under StrictMode), which set its empty text.
    setTimeout(() => formRef.current?.lookUpCaller(wanted.text), 0);
  };
  useEffect(lookUpIfShown);
  const lookUpCaller = (call: CallView): void => {
    callLookupWanted.current = { callId: call.id, text: lookupTextOf(call) };
    if (open.fromCall === call.id) showSection('interactions');
    else newInteractionFromCall(call.id);
  };

  // Call next or Start from another section: the Walk-up section opens and then does it.
  const walkUpWanted = useRef<keyof WalkUpSectionHandle | null>(null);
  useEffect(() => {
    const wanted = walkUpWanted.current;
    if (section !== 'walk-up' || wanted === null || !walkUpRef.current) return;
    walkUpWanted.current = null;
    walkUpRef.current[wanted]();
  }, [section]);
  const walkUp = (action: keyof WalkUpSectionHandle): void => {
    if (section === 'walk-up' && walkUpRef.current) return walkUpRef.current[action]();
    walkUpWanted.current = action;
    showSection('walk-up');
  };

  // A softphone's deskpad://call link pops the caller: a new Phone interaction for the number.
  const newInteractionFromNumber = useUi((s) => s.newInteractionFromNumber);
  useCallLinks((link) => newInteractionFromNumber(link.from));

  useShortcuts(
    {
      'new-interaction': newInteraction,
      save: () => {
        if (formShown) formRef.current?.save();
      },
      'save-and-close': () => {
        if (formShown) formRef.current?.saveAndClose();
      },
      'go-to-anything': () => setGoToOpen(true),
      'caller-lookup': () => {
        if (formShown) return formRef.current?.focusCallerLookup();
        lookupWanted.current = true;
        showSection('interactions');
      },
      'focus-list': () =>
        (taskKind !== null
          ? taskListRef.current
          : section === 'callbacks'
            ? callbacksRef.current
            : section === 'calls'
              ? callsRef.current
              : listRef.current
        )?.focus(),
      // On the interaction shown in the form; an incident or request on screen hides the form.
      'create-incident': () => {
        if (formShown) formRef.current?.escalate('incident');
      },
      'create-request': () => {
        if (formShown) formRef.current?.escalate('request');
      },
      'find-existing-incidents': () => {
        if (formShown) formRef.current?.escalate('find');
      },
      'call-timer': () => {
        if (formShown) formRef.current?.toggleCall();
      },
      templates: () => {
        if (formShown) formRef.current?.openTemplates();
      },
      'call-next': () => walkUp('callNext'),
      'start-visit': () => walkUp('startCalled'),
      'answer-call': () => incomingRef.current?.answerNewest(),
      'show-shortcuts': () => setHelpOpen(true),
    },
    !modalOpen && !signInNeeded,
  );

  const askSignIn = (): void => setSignInAsked(true);

  return (
    <ModalLayerContext value={layer}>
      <div className="app" ref={appRef} hidden={signInNeeded}>
        <AppHeader
          session={session}
          onNewInteraction={newInteraction}
          onShowShortcuts={() => setHelpOpen(true)}
        />
        <MainNav />
        {/* On every screen, above the work: a call never waits for the agent to look elsewhere. */}
        <IncomingCalls ref={incomingRef} onLookUp={lookUpCaller} />
        {/* Only a desk with a desk server has a session that can end. */}
        {session && session.status !== 'local' && (
          <SessionEndedNotice ended={sessionEnded} onSignIn={askSignIn} />
        )}
        <StorageNotice source={storage} first={storageAnswer} />
        <StoreErrors />
        {attentionOpen && <NeedsAttentionPanel />}
        <div className={wideSection ? 'workspace workspace-wide' : 'workspace'}>
          {section === 'interactions' && <InteractionList ref={listRef} />}
          {section === 'callbacks' && (
            <CallbacksDue
              ref={callbacksRef}
              selectedId={openId}
              onOpen={(id) => openAnyRecord('interaction', id)}
            />
          )}
          {taskKind !== null && <TaskSide kind={taskKind} listRef={taskListRef} />}
          <main className="main">
            {/* Hidden, not unmounted, while another record or page is shown: typing is kept. */}
            <div className="main-form" hidden={!formShown}>
              <InteractionForm
                key={open.id}
                id={open.id}
                isNew={open.isNew}
                fromCall={open.fromCall}
                fromNumber={open.fromNumber}
                ref={formRef}
              />
            </div>
            {taskKind !== null && <TaskPanel kind={taskKind} />}
            {section === 'administration' && (
              <Suspense fallback={<p className="muted">Loading Administration…</p>}>
                <AdminSection />
              </Suspense>
            )}
            {section === 'dashboard' && (
              <Suspense fallback={<p className="muted">Loading the dashboard…</p>}>
                <DashboardSection />
              </Suspense>
            )}
            {section === 'walk-up' && <WalkUpSection ref={walkUpRef} />}
            {section === 'calls' && <CallsSection ref={callsRef} />}
          </main>
        </div>
      </div>
      {!signInNeeded && helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      {!signInNeeded && <GoToAnything />}
      {!signInNeeded && leaving && (
        <UnsavedChangesDialog
          unsaved={unsaved}
          onSave={() => void saveAndContinue()}
          onDiscard={() => openRecord(leaving)}
          onKeepEditing={stayOnForm}
        />
      )}
      {!signInNeeded && signOutAsked && <SignOutDialog onClose={() => setSignOutAsked(false)} />}
      {signingIn && (
        <SignInDialog
          session={session}
          onClose={() => setSignInAsked(false)}
          onSignedIn={() => {
            signedInFromDialog.current = true;
            setSignInAsked(false);
          }}
        />
      )}
      {switchAsked && <SwitchAgentDialog asked={switchAsked} />}
      {!signInNeeded && discardAsked && (
        <DiscardChangeDialog item={discardAsked} onClose={() => setDiscardAsked(null)} />
      )}
    </ModalLayerContext>
  );
}
