// The keyboard shortcuts, one table for the renderer's key handler, its help overlay and the
// Electron app menu. Data only: no DOM, no Electron.

export const SHORTCUTS = [
  { id: 'new-interaction', label: 'New interaction', keys: 'Alt+N', accelerator: 'Alt+N' },
  { id: 'save', label: 'Save', keys: 'Ctrl+S', accelerator: 'CmdOrCtrl+S' },
  {
    id: 'caller-lookup',
    label: 'Jump to caller lookup (Opened for)',
    keys: 'Ctrl+K',
    accelerator: 'CmdOrCtrl+K',
  },
  { id: 'focus-list', label: 'Go to the interaction list', keys: 'Alt+L', accelerator: 'Alt+L' },
  { id: 'show-shortcuts', label: 'Show keyboard shortcuts', keys: '? or F1', accelerator: 'F1' },
] as const;

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];
export const SHORTCUT_IDS: readonly ShortcutId[] = SHORTCUTS.map((s) => s.id);
