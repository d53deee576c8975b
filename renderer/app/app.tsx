// The window: banner, the Interactions list beside the interaction form, keyboard shortcuts and
// their help overlay. Composition only; every part gets its dependencies from DeskpadDeps.

import { StrictMode, useRef } from 'react';
import { InteractionForm, type InteractionFormHandle } from '../interaction-form/interaction-form';
import { InteractionList, type InteractionListHandle } from '../interaction-list/interaction-list';
import { ShortcutsDialog } from '../shortcuts/shortcuts-dialog';
import { useShortcuts } from '../shortcuts/use-shortcuts';
import { AppHeader } from './app-header';
import { DeskpadContext, useUi, type DeskpadDeps } from './deskpad-context';
import { StoreErrors } from './store-errors';

function Workspace() {
  const open = useUi((s) => s.open);
  const helpOpen = useUi((s) => s.helpOpen);
  const newInteraction = useUi((s) => s.newInteraction);
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  const formRef = useRef<InteractionFormHandle>(null);
  const listRef = useRef<InteractionListHandle>(null);

  useShortcuts(
    {
      'new-interaction': newInteraction,
      save: () => formRef.current?.save(),
      'caller-lookup': () => formRef.current?.focusCallerLookup(),
      'focus-list': () => listRef.current?.focus(),
      'show-shortcuts': () => setHelpOpen(true),
    },
    !helpOpen,
  );

  return (
    <>
      <div className="app" inert={helpOpen}>
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
