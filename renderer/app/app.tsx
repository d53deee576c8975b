// The window: banner, the Interactions list beside the interaction form, keyboard shortcuts, their
// help overlay and the Unsaved changes guard. Composition only; parts get deps from DeskpadDeps.

import { StrictMode, useRef } from 'react';
import { InteractionForm, type InteractionFormHandle } from '../interaction-form/interaction-form';
import { InteractionList, type InteractionListHandle } from '../interaction-list/interaction-list';
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
  const formRef = useRef<InteractionFormHandle>(null);
  const listRef = useRef<InteractionListHandle>(null);
  const modalOpen = helpOpen || leaving !== null;
  useUnloadWarning(unsaved !== null);

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
    !modalOpen,
  );

  return (
    <>
      <div className="app" inert={modalOpen}>
        <AppHeader onNewInteraction={newInteraction} onShowShortcuts={() => setHelpOpen(true)} />
        <StoreErrors />
        <div className="workspace">
          <InteractionList ref={listRef} />
          <main className="main">
            <InteractionForm key={open.id} id={open.id} isNew={open.isNew} ref={formRef} />
          </main>
        </div>
      </div>
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
      {leaving && (
        <UnsavedChangesDialog
          unsaved={unsaved}
          onSave={() => void saveAndContinue()}
          onDiscard={() => openRecord(leaving)}
          onKeepEditing={stayOnForm}
        />
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
