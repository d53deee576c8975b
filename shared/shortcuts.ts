// The keyboard shortcuts, one table for the renderer's key handler, its help overlay and the
// Electron app menu. Data only: no DOM, no Electron.

export const SHORTCUTS = [
  { id: 'new-interaction', label: 'New interaction', keys: 'Alt+N', accelerator: 'Alt+N' },
  { id: 'save', label: 'Save', keys: 'Ctrl+S', accelerator: 'CmdOrCtrl+S' },
  // Issue 16: the contact resolved on the spot, saved and closed (Closed Complete) in one key.
  {
    id: 'save-and-close',
    label: 'Save and close the interaction (Closed Complete)',
    keys: 'Ctrl+Enter',
    accelerator: 'CmdOrCtrl+Enter',
  },
  // Issue 16: one box for a number, a caller, words of a short description, a recent record or a command.
  // Issue 16: a contact template for the interaction in the form (or `/` in Short description).
  { id: 'templates', label: 'Pick a contact template', keys: 'Alt+P', accelerator: 'Alt+P' },
  { id: 'go-to-anything', label: 'Go to anything', keys: 'Ctrl+G', accelerator: 'CmdOrCtrl+G' },
  {
    id: 'caller-lookup',
    label: 'Jump to caller lookup (Opened for)',
    keys: 'Ctrl+K',
    accelerator: 'CmdOrCtrl+K',
  },
  { id: 'focus-list', label: 'Go to the interaction list', keys: 'Alt+L', accelerator: 'Alt+L' },
  // Escalation acts on the saved, open interaction in the form. Alt, like Alt+N: Ctrl+R reloads.
  { id: 'create-incident', label: 'Create Incident', keys: 'Alt+I', accelerator: 'Alt+I' },
  { id: 'create-request', label: 'Create Request', keys: 'Alt+R', accelerator: 'Alt+R' },
  {
    id: 'find-existing-incidents',
    label: 'Find existing incidents',
    keys: 'Alt+X',
    accelerator: 'Alt+X',
  },
  // The Walk-up section: Call next at this desk's station, and Start serving the person called.
  { id: 'call-next', label: 'Call next', keys: 'Alt+C', accelerator: 'Alt+C' },
  {
    id: 'start-visit',
    label: 'Start serving the called person',
    keys: 'Alt+S',
    accelerator: 'Alt+S',
  },
  // The phone desk: the newest incoming call's banner (its interaction opens, prefilled).
  {
    id: 'answer-call',
    label: 'Answer the newest incoming call',
    keys: 'Alt+A',
    accelerator: 'Alt+A',
  },
  // The call timer of the interaction in the form, for calls without a phone system (issue 13).
  { id: 'call-timer', label: 'Start call / End call', keys: 'Alt+T', accelerator: 'Alt+T' },
  { id: 'show-shortcuts', label: 'Show keyboard shortcuts', keys: '? or F1', accelerator: 'F1' },
] as const;

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];
export const SHORTCUT_IDS: readonly ShortcutId[] = SHORTCUTS.map((s) => s.id);

export type Shortcut = (typeof SHORTCUTS)[number];

/** The shortcut with id `id`: the table is the one place its keys are written. */
export function shortcutOf<Id extends ShortcutId>(id: Id): Extract<Shortcut, { id: Id }> {
  const found = SHORTCUTS.find((s): s is Extract<Shortcut, { id: Id }> => s.id === id);
  if (found === undefined) throw new Error(`No shortcut ${id}`);
  return found;
}
