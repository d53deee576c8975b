// The interaction form's behaviour: the record it edits, the agent's edits, and save, close,
// abandon and add-work-note as store commands. Never writes anything but through the store host.

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { contactFromCaller, isClosed, type ClosedState } from '../../shared/domain/interaction';
import type { UserHit } from '../../shared/domain/directory';
import type { ArticleRef } from '../../shared/domain/knowledge';
import type { StoreError } from '../../shared/domain/result';
import { WorkNoteText } from '../../shared/domain/work-note';
import type { CallPerson, CallView } from '../../shared/store-api/call-contract';
import type { InteractionView } from '../../shared/store-api/contract';
import { useDeskpad } from '../app/deskpad-context';
import { useLiveQuery, useLiveValue } from '../hooks/use-live-query';
import {
  callPhase,
  editsForMatch,
  editsForPerson,
  matchOfCall,
  matchOfNumber,
  type CallerMatch,
  type CallPhase,
} from './call-timer-model';
import {
  blankValues,
  changesFrom,
  checkValues,
  editsAfterSave,
  fieldErrorsFrom,
  firstInvalid,
  hasChanges,
  nextNeededField,
  valuesOf,
  withEdits,
  type FieldErrors,
  type FieldName,
  type FormEdits,
  type FormValues,
} from './form-model';

export type FormMode = 'new' | 'existing' | 'loading' | 'missing';
type ErrorField = keyof FieldErrors;

export interface InteractionFormModel {
  id: string;
  mode: FormMode;
  record: InteractionView | null;
  values: FormValues;
  closed: boolean;
  errors: FieldErrors;
  formError: string | null;
  busy: boolean;
  /** The agent typed something not saved yet: a field change or a work note not added. */
  unsaved: boolean;
  /** The last outcome in words, for the polite live region ("Saved IMS-P0001"). */
  message: { text: string; seq: number } | null;
  noteText: string;
  fieldId: (field: ErrorField) => string;
  edit: (edits: FormEdits) => void;
  pickCaller: (user: UserHit) => void;
  setNoteText: (text: string) => void;
  /** Answers whether the record was saved (false when a check failed or another command ran). */
  save: () => Promise<boolean>;
  /**
   * Before an escalation: saves what the agent typed (Save's rules) and answers the record as
   * saved, the record as it is when nothing was typed, or null when it could not be saved.
   */
  saveIfChanged: () => Promise<InteractionView | null>;
  /** Says an outcome in the form's one polite message (an escalation's, a callback's). */
  announce: (text: string) => void;
  /** What the last save or note announced, for a form that replaces this one. */
  lastAnnouncement: () => string | null;
  /** With `resolvedWith`: Resolved with this, the knowledge article recorded on the interaction. */
  close: (state: ClosedState, resolvedWith?: ArticleRef) => Promise<void>;
  addWorkNote: () => Promise<void>;
  /** The call the form was opened for or the record was logged from, as the store host has it. */
  call: CallView | null;
  /** The call timer: talking or wrapping up since when. */
  callPhase: CallPhase;
  /** Start call or End call, whichever the timer allows (the button and Alt+T). */
  toggleCall: () => Promise<void>;
  /** Who the call's (or the softphone's) number belongs to, before the first save. */
  callerMatch: CallerMatch | null;
  /** Several people share the caller's number: picking one fills the caller's fields. */
  pickCandidate: (person: CallPerson) => void;
  /** The wrap-up code picked for the close ('' for none). */
  wrapUpCode: string;
  setWrapUpCode: (code: string) => void;
  /** The agent chose the Type (or the record has one saved): a template asks before changing it. */
  typeChosen: boolean;
  /** Save closes the interaction as Closed Complete (set by a template that usually closes at once). */
  closeOnSave: boolean;
  setCloseOnSave: (close: boolean) => void;
}

/** Edits to a display name belong to the field the name stands for. */
const FIELD_OF_EDIT: Partial<Record<keyof FormValues, ErrorField>> = {
  openedForName: 'openedFor',
  componentName: 'component',
};

const newer = (a: InteractionView | null, b: InteractionView | null): InteractionView | null =>
  !a ? b : !b ? a : b.updatedAt > a.updatedAt ? b : a;

export function useInteractionForm(
  id: string,
  isNew: boolean,
  baseId: string,
  from: { call?: string | undefined; number?: string | undefined } = {},
): InteractionFormModel {
  const { call: fromCall, number: fromNumber } = from;
  const { store, ui, newId, now } = useDeskpad();
  const live = useLiveQuery('interaction.get', { id });
  // Start call pressed before the first save: the save carries its time.
  const [pendingStart, setPendingStart] = useState<string | null>(null);
  const [wrapUpCode, setWrapUpCode] = useState('');
  const [closeOnSave, setCloseOnSave] = useState(false);
  // Whether the last close went through: Save with closeOnSave answers it.
  const closedBySave = useRef(false);
  const [saved, setSaved] = useState<InteractionView | null>(null);
  const [edits, setEdits] = useState<FormEdits>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; seq: number } | null>(() => {
    const carried = ui.getState().carriedMessage;
    return carried ? { text: carried, seq: 1 } : null;
  });
  const announced = useRef<string | null>(null);
  const [noteText, setNoteTextState] = useState('');
  const [focusRequest, setFocusRequest] = useState<{ field: ErrorField } | null>(null);
  const [defaultType] = useState(() => ui.getState().lastType);
  const busyRef = useRef(false);
  // A note keeps its id while its text is unchanged, so a double click or a retried save (its
  // answer lost) adds it once: the store host writes a note id only once.
  const noteKey = useRef<{ text: string; id: string } | null>(null);

  const liveRecord = live?.ok ? live.value : null;
  const record = newer(liveRecord, saved);
  const mode: FormMode = record
    ? 'existing'
    : isNew
      ? 'new'
      : live === undefined
        ? 'loading'
        : 'missing';
  const base = record ? valuesOf(record) : blankValues(defaultType);
  const values = withEdits(base, edits);
  const closed = record !== null && isClosed(record.state);
  const unsaved = hasChanges(base, edits) || noteText.trim() !== '';
  const number = record?.number ?? null;
  const callId = record?.call ?? (record ? null : (fromCall ?? null));
  const callAnswer = useLiveQuery('call.get', callId ? { id: callId } : null);
  const call = callAnswer?.ok ? callAnswer.value : null;
  const phase = callPhase(record, record ? null : call, pendingStart);
  // A softphone's number: the caller is looked up in the desk's directory (offline too).
  const numberHits = useLiveValue(
    'directory.searchUsers',
    !record && fromNumber ? { query: fromNumber, limit: 20 } : null,
    null,
  );
  const callerMatch: CallerMatch | null = record
    ? null
    : call
      ? matchOfCall(call)
      : fromNumber && numberHits
        ? matchOfNumber(fromNumber, numberHits)
        : null;
  const fieldId = useCallback((field: ErrorField) => `${baseId}-${field}`, [baseId]);

  // A layout effect, so the window knows before the next key press that leaving must ask first.
  useLayoutEffect(() => {
    if (!unsaved) return undefined;
    ui.getState().setUnsaved({ number });
    return () => ui.getState().setUnsaved(null);
  }, [ui, unsaved, number]);

  useEffect(() => {
    if (!focusRequest) return;
    document.getElementById(fieldId(focusRequest.field))?.focus();
  }, [focusRequest, fieldId]);

  const announce = (text: string): void => {
    announced.current = text;
    setMessage((m) => ({ text, seq: (m?.seq ?? 0) + 1 }));
  };

  const showErrors = (found: FieldErrors, summary: string): void => {
    setErrors(found);
    setFormError(summary);
    const first = firstInvalid(found);
    if (first) setFocusRequest({ field: first });
  };
  const showStoreError = (error: StoreError): void =>
    showErrors(fieldErrorsFrom(error.fieldErrors), error.message);

  const edit = (next: FormEdits): void => {
    setEdits((current) => ({ ...current, ...next }));
    const touched = Object.keys(next).map(
      (k) => FIELD_OF_EDIT[k as keyof FormValues] ?? (k as ErrorField),
    );
    setErrors((current) => {
      if (!touched.some((f) => current[f] !== undefined)) return current;
      const left = { ...current };
      for (const f of touched) delete left[f];
      return left;
    });
  };

  const setNoteText = (text: string): void => {
    setNoteTextState(text);
    if (errors.workNote !== undefined) setErrors(({ workNote: _dropped, ...rest }) => rest);
  };

  /** One command at a time per form: the second click of a double click finds the form busy. */
  const exclusive = async (task: () => Promise<void>): Promise<void> => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await task();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const accept = (view: InteractionView, snapshot: FormEdits): void => {
    setSaved(view);
    setEdits((current) => editsAfterSave(current, snapshot));
    setErrors({});
    setFormError(null);
  };

  /** The note to send with this command, if the agent wrote one; `false` when it is invalid. */
  const pendingNote = (): { id: string; text: string } | null | false => {
    if (noteText.trim() === '') return null;
    const parsed = WorkNoteText.safeParse(noteText);
    if (!parsed.success) {
      showErrors(
        { workNote: parsed.error.issues[0]?.message ?? 'Check the work note.' },
        'The work note was not added.',
      );
      return false;
    }
    if (noteKey.current?.text !== parsed.data) noteKey.current = { text: parsed.data, id: newId() };
    return noteKey.current;
  };
  const noteSent = (sentText: string): void => {
    noteKey.current = null;
    setNoteTextState((current) => (current.trim() === sentText ? '' : current));
  };

  /**
   * Save as one `interaction.save`: every field (the store host creates the record if it is not
   * there yet), the fields the agent changed on a record the form shows (none once it is closed,
   * or when `withChanges` is false), and the written work note. A retry after a lost answer is the
   * same command again: the store host, not the form, works out what is still missing. Answers the
   * saved view, or null after showing why nothing was saved.
   */
  const persist = async (withChanges: boolean): Promise<InteractionView | null> => {
    const checked = checkValues(values);
    if (!checked.ok) {
      showErrors(checked.errors, 'The interaction was not saved: check the fields marked.');
      return null;
    }
    const note = pendingNote();
    if (note === false) return null;
    const snapshot = edits;
    let changed: FieldName[] | undefined;
    if (record) {
      changed =
        withChanges && !isClosed(record.state)
          ? (Object.keys(changesFrom(record, checked.fields)) as FieldName[])
          : [];
      if (changed.length === 0 && !note) {
        accept(record, snapshot);
        return record;
      }
    }
    // A first save of a form opened for a call names the call; its timer runs from the answer.
    const talkStartedAt = call?.answeredAt ?? pendingStart;
    const saved = await store.command('interaction.save', {
      ...checked.fields,
      id,
      ...(changed ? { changed } : {}),
      ...(note ? { noteId: note.id, workNote: note.text } : {}),
      ...(!record && fromCall ? { call: fromCall } : {}),
      ...(!record && talkStartedAt ? { talkStartedAt } : {}),
    });
    if (!saved.ok) return (showStoreError(saved.error), null);
    if (!record) ui.getState().rememberType(saved.value.type);
    accept(saved.value, snapshot);
    if (note) noteSent(note.text);
    return saved.value;
  };

  const saveView = async (): Promise<InteractionView | null> => {
    let saved: InteractionView | null = null;
    await exclusive(async () => {
      const view = await persist(true);
      if (view) announce(`Saved ${view.number}`);
      saved = view;
    });
    return saved;
  };
  const save = async (): Promise<boolean> => {
    if (closeOnSave && !closed) {
      closedBySave.current = false;
      await close('Closed Complete');
      return closedBySave.current;
    }
    return (await saveView()) !== null;
  };
  const saveIfChanged = (): Promise<InteractionView | null> =>
    unsaved || !record ? saveView() : Promise.resolve(record);

  const close = (state: ClosedState, resolvedWith?: ArticleRef): Promise<void> =>
    exclusive(async () => {
      const snapshot = edits;
      // Unsaved edits travel with the close, so the record and its closing are one command.
      const view = await persist(false);
      const checked = checkValues(values);
      if (!view || !checked.ok) return;
      const changes = changesFrom(view, checked.fields);
      const closedView = await store.command('interaction.close', {
        id,
        state,
        // A walk-up visit started as this interaction is finished (Done) by the same close.
        ...(view.visit ? { visit: view.visit } : {}),
        ...(wrapUpCode !== '' ? { wrapUpCode } : {}),
        ...(resolvedWith ? { resolvedWith } : {}),
        ...(Object.keys(changes).length > 0 ? { changes } : {}),
      });
      if (!closedView.ok) return showStoreError(closedView.error);
      closedBySave.current = true;
      accept(closedView.value, snapshot);
      announce(
        `${state === 'Closed Complete' ? 'Closed' : 'Abandoned'} ${closedView.value.number}: ${state}`,
      );
    });

  const addWorkNote = (): Promise<void> =>
    exclusive(async () => {
      if (noteText.trim() === '') {
        showErrors(
          { workNote: 'Write the work note before adding it.' },
          'The work note was not added.',
        );
        return;
      }
      if (!record) {
        // A note on a record not saved yet is saved with it: the first save carries the note.
        const view = await persist(true);
        if (view) announce(`Saved ${view.number} with the work note`);
        return;
      }
      const note = pendingNote();
      if (!note) return;
      const noted = await store.command('interaction.addWorkNote', {
        id,
        noteId: note.id,
        text: note.text,
      });
      if (!noted.ok) return showStoreError(noted.error);
      accept(noted.value, {});
      noteSent(note.text);
      announce(`Work note added to ${noted.value.number}`);
    });

  // Focus follows the work: from the caller to the first field still needed.
  const pickCaller = (user: UserHit): void => {
    edit({ openedFor: user.id, openedForName: user.name, ...contactFromCaller(user) });
    const next = nextNeededField(values);
    if (next) setFocusRequest({ field: next });
  };

  // A form opened for a call (or a number) fills itself once, when the caller is known; typing is kept.
  const prefilled = useRef(false);
  useEffect(() => {
    if (prefilled.current || !isNew || !callerMatch) return;
    prefilled.current = true;
    const filled = editsForMatch(callerMatch);
    setEdits((current) => ({ ...filled, ...current }));
  }, [isNew, callerMatch]);

  // The phone system's hangup ends the saved interaction's call, once, at the call's end.
  const hangupSent = useRef(false);
  const endedAt = call?.endedAt ?? null;
  const awaitingHangup =
    record !== null &&
    record.call === call?.id &&
    Boolean(record.talkStartedAt) &&
    !record.talkEndedAt &&
    !isClosed(record.state);
  useEffect(() => {
    if (!awaitingHangup || !endedAt || hangupSent.current) return;
    hangupSent.current = true;
    void store.command('interaction.endCall', { id, at: endedAt }).then((ended) => {
      if (!ended.ok) return showStoreError(ended.error);
      setSaved(ended.value);
      announce(`Call ended: ${ended.value.number} is in Wrap Up`);
    });
    // Only the hangup itself triggers this; the helpers are the render's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [awaitingHangup, endedAt, store, id]);

  const toggleCall = (): Promise<void> =>
    exclusive(async () => {
      if (closed) {
        announce(
          `${number ?? 'This interaction'} is ${record?.state ?? 'closed'}: its call timer is stopped.`,
        );
        return;
      }
      const talking = phase.phase === 'talking';
      if (!record && !talking) {
        setPendingStart(now().toISOString());
        announce('Call started: Save keeps the call timer.');
        return;
      }
      // End call on a form never saved: it is saved first (Save's rules), then ended.
      const view = record ?? (await persist(true));
      if (!view) return;
      const result = talking
        ? await store.command('interaction.endCall', { id })
        : await store.command('interaction.startCall', { id });
      if (!result.ok) return showStoreError(result.error);
      setPendingStart(null);
      accept(result.value, {});
      announce(
        talking
          ? `Call ended: ${result.value.number} is in Wrap Up`
          : `Call started on ${result.value.number}`,
      );
    });

  const pickCandidate = (person: CallPerson): void => edit(editsForPerson(person));

  return {
    id,
    mode,
    record,
    values,
    closed,
    errors,
    formError,
    busy,
    unsaved,
    message,
    announce,
    lastAnnouncement: () => announced.current,
    noteText,
    fieldId,
    edit,
    pickCaller,
    setNoteText,
    save,
    saveIfChanged,
    close,
    addWorkNote,
    call,
    callPhase: phase,
    callerMatch,
    toggleCall,
    pickCandidate,
    wrapUpCode,
    setWrapUpCode,
    typeChosen: record !== null || edits.type !== undefined,
    closeOnSave: closeOnSave && !closed,
    setCloseOnSave,
  };
}
