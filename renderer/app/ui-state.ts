// UI state only (the section shown, the open records and whether the form is unsaved, list views
// and filters, the help overlay, which sync panel or question is open). The data lives in the
// store host; nothing here is ever persisted or sent anywhere.

import { createStore, type StoreApi } from 'zustand/vanilla';
import type { InteractionState, InteractionType } from '../../shared/domain/interaction';
import type { RecordKind, RecordRef } from '../../shared/store-api/apply-command';
import { MAX_RECENT } from '../../shared/domain/go-to';
import type { CallLogFilter } from '../../shared/store-api/call-contract';
import type { InteractionListView, NeedsAttentionItem } from '../../shared/store-api/contract';
import type { TaskKind, TaskListFilter } from '../task-list/task-list';

/**
 * The main navigation: the interaction form with the Interactions list or Callbacks due beside
 * it, the Walk-up queue, the Calls (caller log), or the incidents or requests being worked, or
 * (managers and admins) the Dashboard, or (admins only) Administration.
 */
export const SECTIONS = [
  'interactions',
  'walk-up',
  'calls',
  'callbacks',
  'incidents',
  'requests',
  'dashboard',
  'administration',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface OpenRecord {
  id: string;
  /** True for a form opened with "New interaction": no record exists until the first save. */
  isNew: boolean;
  /** A new interaction opened for a phone call (answered, or a missed call logged): the form fills itself from it. */
  fromCall?: string;
  /**
   * A new Phone interaction for a number a softphone's deskpad://call link named (no call record):
   * the form finds the caller in the directory by it.
   */
  fromNumber?: string;
}

/** The open form has changes not saved yet; `number` is null for a record never saved. */
export interface UnsavedForm {
  number: string | null;
}

/** Where this desk serves walk-up visitors: the location's queue and the agent's station. */
export interface WalkUpPlace {
  location: string | null;
  station: string;
}

/** What the Calls section lists: All, Missed or Answered, narrowed by queue and by agent. */
export interface CallLogView {
  filter: CallLogFilter;
  queue: string | null;
  agent: string | null;
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
  section: Section;
  /** Shows a section; the interaction form stays as it was (typing kept) while another is shown. */
  showSection: (section: Section) => void;
  /** The incident and the request open in their sections. */
  openTasks: Record<TaskKind, string | null>;
  /** Opens an incident or request in its section. */
  openTask: (kind: TaskKind, id: string) => void;
  /** Opens any record where it is worked: an interaction in the form (asking first if unsaved). */
  openAnyRecord: (kind: RecordKind, id: string) => void;
  /** A new interaction for a call (Answer on the banner, Log as interaction in Calls). */
  newInteractionFromCall: (callId: string) => void;
  /**
   * The calls this window opened an interaction for (or asked to, when the form was unsaved), so
   * the answered call opens its interaction once, however many times the call's data arrives.
   */
  callsOpened: readonly string[];
  /** Incoming-call banners dismissed on this desk (the call still rings for the others). */
  dismissedCalls: readonly string[];
  dismissCall: (callId: string) => void;
  callLog: CallLogView;
  setCallLog: (view: Partial<CallLogView>) => void;
  /** A new Phone interaction for a caller's number (a softphone's deskpad://call link). */
  newInteractionFromNumber: (number: string) => void;
  taskLists: Record<TaskKind, TaskListFilter>;
  setTaskList: (kind: TaskKind, filter: TaskListFilter) => void;
  /** This desk's walk-up location and station; null until chosen (or read back by the Walk-up section). */
  walkUpPlace: WalkUpPlace | null;
  setWalkUpPlace: (place: WalkUpPlace) => void;
  /** The records this window opened lately, newest first: Go to anything lists them. */
  recentRecords: readonly RecordRef[];
  /** The Go to anything box is open. */
  goToOpen: boolean;
  setGoToOpen: (open: boolean) => void;
}

/** `ref` first, once, and at most MAX_RECENT. */
const withRecent = (recent: readonly RecordRef[], ref: RecordRef): readonly RecordRef[] =>
  recent[0]?.kind === ref.kind && recent[0].id === ref.id
    ? recent
    : [ref, ...recent.filter((r) => r.kind !== ref.kind || r.id !== ref.id)].slice(0, MAX_RECENT);

/** The records a change of state opened: an interaction in the form, an incident or a request. */
function openedBy(state: UiState, previous: UiState): RecordRef[] {
  const opened: RecordRef[] = [];
  if (state.open !== previous.open && !state.open.isNew)
    opened.push({ kind: 'interaction', id: state.open.id });
  for (const kind of ['incident', 'request'] as const) {
    const id = state.openTasks[kind];
    if (id !== null && id !== previous.openTasks[kind]) opened.push({ kind, id });
  }
  return opened;
}

/** The agent's typing is never dropped silently: an unsaved form asks before it is replaced. */
function goOrAsk(state: UiState, target: OpenRecord): Partial<UiState> {
  if (state.leaving) return {};
  return state.unsaved ? { leaving: target } : { open: target, carriedMessage: null };
}

export function createUiState(newId: () => string): StoreApi<UiState> {
  const store = createStore<UiState>()((set) => ({
    open: { id: newId(), isNew: true },
    unsaved: null,
    leaving: null,
    listView: 'all-open',
    typeFilter: null,
    stateFilter: null,
    helpOpen: false,
    lastType: 'Phone',
    newInteraction: () =>
      set((s) => ({ section: 'interactions', ...goOrAsk(s, { id: newId(), isNew: true }) })),
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
    section: 'interactions',
    showSection: (section) => set({ section }),
    openTasks: { incident: null, request: null },
    openTask: (kind, id) =>
      set((s) => ({
        section: kind === 'incident' ? 'incidents' : 'requests',
        openTasks: { ...s.openTasks, [kind]: id },
      })),
    newInteractionFromCall: (callId) =>
      set((s) => {
        const going = goOrAsk(s, { id: newId(), isNew: true, fromCall: callId });
        // Another question is open (nothing happens): the call is not counted as opened.
        if (Object.keys(going).length === 0) return { section: 'interactions' };
        const callsOpened = s.callsOpened.includes(callId)
          ? s.callsOpened
          : [...s.callsOpened, callId];
        return { section: 'interactions', ...going, callsOpened };
      }),
    callsOpened: [],
    dismissedCalls: [],
    dismissCall: (callId) =>
      set((s) =>
        s.dismissedCalls.includes(callId) ? s : { dismissedCalls: [...s.dismissedCalls, callId] },
      ),
    callLog: { filter: 'all', queue: null, agent: null },
    setCallLog: (view) => set((s) => ({ callLog: { ...s.callLog, ...view } })),
    newInteractionFromNumber: (number) =>
      set((s) => ({
        section: 'interactions',
        ...goOrAsk(s, { id: newId(), isNew: true, fromNumber: number }),
      })),
    openAnyRecord: (kind, id) =>
      set((s) => {
        // A visit lives on the walk-up queue, which shows every visit of the desk's location.
        if (kind === 'visit') return { section: 'walk-up' };
        if (kind !== 'interaction') {
          return {
            section: kind === 'incident' ? 'incidents' : 'requests',
            openTasks: { ...s.openTasks, [kind]: id },
          };
        }
        // The form is shown beside Callbacks due too; elsewhere the Interactions section shows it.
        const section = s.section === 'callbacks' ? s.section : 'interactions';
        const target = { id, isNew: false };
        return s.open.id === id ? { section } : { section, ...goOrAsk(s, target) };
      }),
    taskLists: {
      incident: { queue: 'assigned-to-me', state: null },
      request: { queue: 'assigned-to-me', state: null },
    },
    setTaskList: (kind, filter) => set((s) => ({ taskLists: { ...s.taskLists, [kind]: filter } })),
    walkUpPlace: null,
    setWalkUpPlace: (walkUpPlace) => set({ walkUpPlace }),
    recentRecords: [],
    goToOpen: false,
    setGoToOpen: (goToOpen) => set({ goToOpen }),
  }));
  // However a record was opened (a list, a link, Go to anything), it becomes the most recent.
  store.subscribe((state, previous) => {
    const opened = openedBy(state, previous);
    if (opened.length > 0)
      store.setState({ recentRecords: opened.reduce(withRecent, state.recentRecords) });
  });
  return store;
}
