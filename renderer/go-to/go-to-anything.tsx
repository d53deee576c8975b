// Go to anything in the window: the box while it is open, the commands it offers (New interaction,
// the sections this agent has, the shortcuts help) and where a found record opens. Composition only.

import { useMemo } from 'react';
import { shortcutOf } from '../../shared/shortcuts';
import type { GoToHit } from '../../shared/store-api/go-to-contract';
import { useUi } from '../app/deskpad-context';
import { SECTION_LABELS, shownTo } from '../app/main-nav';
import type { Section } from '../app/ui-state';
import { useLiveValue } from '../hooks/use-live-query';
import { GoToDialog } from './go-to-dialog';
import type { GoToCommand } from './go-to-items';

const NO_ROLES: readonly string[] = [];

export function GoToAnything() {
  const open = useUi((s) => s.goToOpen);
  const setOpen = useUi((s) => s.setGoToOpen);
  const newInteraction = useUi((s) => s.newInteraction);
  const showSection = useUi((s) => s.showSection);
  const setHelpOpen = useUi((s) => s.setHelpOpen);
  const openAnyRecord = useUi((s) => s.openAnyRecord);
  const roles = useLiveValue('session.current', {}, null)?.agent.roles ?? NO_ROLES;

  const commands = useMemo<GoToCommand[]>(() => {
    const sections = (Object.keys(SECTION_LABELS) as Section[]).filter((s) => shownTo(s, roles));
    return [
      {
        id: 'new-interaction',
        label: 'New interaction',
        keys: shortcutOf('new-interaction').keys,
        run: newInteraction,
      },
      ...sections.map((section) => ({
        id: `section-${section}`,
        label: SECTION_LABELS[section],
        run: () => showSection(section),
      })),
      {
        id: 'show-shortcuts',
        label: 'Show keyboard shortcuts',
        keys: shortcutOf('show-shortcuts').keys,
        run: () => setHelpOpen(true),
      },
    ];
  }, [roles, newInteraction, showSection, setHelpOpen]);

  if (!open) return null;
  const onOpen = (hit: GoToHit): void => {
    // A visit or a call opens the interaction it became; else the queue or the caller log.
    if (hit.kind === 'visit' || hit.kind === 'call') {
      if (hit.interactionId) openAnyRecord('interaction', hit.interactionId);
      else showSection(hit.kind === 'visit' ? 'walk-up' : 'calls');
      return;
    }
    openAnyRecord(hit.kind, hit.id);
  };
  return (
    <GoToDialog
      commands={commands}
      onOpen={onOpen}
      onOpenRecord={openAnyRecord}
      onClose={() => setOpen(false)}
    />
  );
}
