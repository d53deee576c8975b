// UI state only (which record is open, list view and filters, the help overlay). The data lives in
// the store host; nothing here is ever persisted or sent anywhere.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InteractionState, InteractionType } from '../../shared/domain/interaction';
import type { InteractionListView } from '../../shared/store-api/contract';

export interface OpenRecord {
  id: string;
  /** True for a form opened with "New interaction": no record exists until the first save. */
  isNew: boolean;
}

export interface UiState {
  open: OpenRecord;
  listView: InteractionListView;
  typeFilter: InteractionType | null;
  stateFilter: InteractionState | null;
  helpOpen: boolean;
  /** A new form starts with the channel the agent used last: desks tend to work one channel. */
  lastType: InteractionType;
  newInteraction: () => void;
  openInteraction: (id: string) => void;
  setListView: (view: InteractionListView) => void;
  setTypeFilter: (type: InteractionType | null) => void;
  setStateFilter: (state: InteractionState | null) => void;
  setHelpOpen: (open: boolean) => void;
  rememberType: (type: InteractionType) => void;
}

export function createUiState(newId: () => string): StoreApi<UiState> {
  return createStore<UiState>()((set) => ({
    open: { id: newId(), isNew: true },
    listView: 'all-open',
    typeFilter: null,
    stateFilter: null,
    helpOpen: false,
    lastType: 'Phone',
    newInteraction: () => set({ open: { id: newId(), isNew: true } }),
    openInteraction: (id) => set((s) => (s.open.id === id ? s : { open: { id, isNew: false } })),
    setListView: (listView) => set({ listView }),
    setTypeFilter: (typeFilter) => set({ typeFilter }),
    setStateFilter: (stateFilter) => set({ stateFilter }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    rememberType: (lastType) => set({ lastType }),
  }));
}
