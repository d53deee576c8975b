// UI state only (the open record and whether it is unsaved, list view and filters, the help
// overlay, which sync panel or question is open). The data lives in the store host; nothing here
// is ever persisted or sent anywhere.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InteractionState, InteractionType } from '../../shared/domain/interaction';
import type { InteractionListView, NeedsAttentionItem } from '../../shared/store-api/contract';

export interface OpenRecord {
  id: string;
  /** True for a form opened with "New interaction": no record exists until the first save. */
  isNew: boolean;
}

/** The open form has changes not saved yet; `number` is null for a record never saved. */
export interface UnsavedForm {
  number: string | null;
}

export interface UiState {
  open: OpenRecord;
  /** Set by the open form while it holds the agent's unsaved typing; null when all is saved. */
  unsaved: UnsavedForm | null;
  /** Where the agent asked to go while the form was unsaved: the Unsaved changes dialog asks. */
  leaving: OpenRecord | null;
  listView: InteractionListView;
  typeFilter: InteractionType | null;
  stateFilter: InteractionState | null;
  helpOpen: boolean;
  /** A new form starts with the channel the agent used last: desks tend to work one channel. */
  lastType: InteractionType;
  /** Opens a fresh form, or asks first (via `leaving`) when the open form is unsaved. */
  newInteraction: () => void;
  /** Opens a record, or asks first (via `leaving`) when the open form is unsaved. */
  openInteraction: (id: string) => void;
  setUnsaved: (unsaved: UnsavedForm | null) => void;
  /** The agent chose Keep editing: the form stays, nothing changes. */
  stayOnForm: () => void;
  /**
   * What the form that was just left announced (e.g. "Saved IMS-P0001" after Save and continue);
   * the next form shows it once, so the confirmation is not lost with the form it came from.
   */
  carriedMessage: string | null;
  /** Goes where the agent asked, unsaved changes or not (after Discard or a save). */
  openRecord: (target: OpenRecord, carriedMessage?: string) => void;
  setListView: (view: InteractionListView) => void;
  setTypeFilter: (type: InteractionType | null) => void;
  setStateFilter: (state: InteractionState | null) => void;
  setHelpOpen: (open: boolean) => void;
  rememberType: (type: InteractionType) => void;
  /** The Needs attention list is shown under the banner. */
  attentionOpen: boolean;
  setAttentionOpen: (open: boolean) => void;
  /** The agent pressed Sign out: the confirmation asks. */
  signOutAsked: boolean;
  setSignOutAsked: (asked: boolean) => void;
  /** The agent asked to sign in again while the workspace stays (the session ended or is ending). */
  signInAsked: boolean;
  setSignInAsked: (asked: boolean) => void;
  /** The refused change whose Discard the confirmation asks about. */
  discardAsked: NeedsAttentionItem | null;
  setDiscardAsked: (item: NeedsAttentionItem | null) => void;
}

/** The agent's typing is never dropped silently: an unsaved form asks before it is replaced. */
function goOrAsk(state: UiState, target: OpenRecord): Partial<UiState> {
  if (state.leaving) return {};
  return state.unsaved ? { leaving: target } : { open: target, carriedMessage: null };
}

export function createUiState(newId: () => string): StoreApi<UiState> {
  return createStore<UiState>()((set) => ({
    open: { id: newId(), isNew: true },
    unsaved: null,
    leaving: null,
    listView: 'all-open',
    typeFilter: null,
    stateFilter: null,
    helpOpen: false,
    lastType: 'Phone',
    newInteraction: () => set((s) => goOrAsk(s, { id: newId(), isNew: true })),
    openInteraction: (id) => set((s) => (s.open.id === id ? s : goOrAsk(s, { id, isNew: false }))),
    setUnsaved: (unsaved) => set({ unsaved }),
    stayOnForm: () => set({ leaving: null }),
    carriedMessage: null,
    openRecord: (target, carriedMessage) =>
      set({ open: target, leaving: null, unsaved: null, carriedMessage: carriedMessage ?? null }),
    setListView: (listView) => set({ listView }),
    setTypeFilter: (typeFilter) => set({ typeFilter }),
    setStateFilter: (stateFilter) => set({ stateFilter }),
    setHelpOpen: (helpOpen) => set({ helpOpen }),
    rememberType: (lastType) => set({ lastType }),
    attentionOpen: false,
    setAttentionOpen: (attentionOpen) => set({ attentionOpen }),
    signOutAsked: false,
    setSignOutAsked: (signOutAsked) => set({ signOutAsked }),
    signInAsked: false,
    setSignInAsked: (signInAsked) => set({ signInAsked }),
    discardAsked: null,
    setDiscardAsked: (discardAsked) => set({ discardAsked }),
  }));
}
