// Reads what the keyboard escalation figure needs from the app page: the Submit key's moment, the
// "Incident INC… was created." confirmation, and the two linked records as IndexedDB holds them.

import { isClosed, type InteractionState } from '../../shared/domain/interaction';

/** The closing question's text (renderer/escalation/escalation-actions.tsx). */
const CREATED = /Incident (\S+) was created\./;

interface StoredInteraction {
  id: string;
  number: string;
  state: InteractionState;
  relatedRecords?: { kind: string; id: string; number: string }[];
}

interface StoredIncident {
  id: string;
  number: string;
  relatedInteractions?: { id: string }[];
}

function createdNumber(doc: Document): string | null {
  for (const dialog of doc.querySelectorAll('[role="dialog"], [role="alertdialog"], dialog')) {
    const found = CREATED.exec(dialog.textContent ?? '');
    if (found?.[1]) return found[1];
  }
  return null;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed.'));
  });
}

/**
 * Whether IndexedDB holds the interaction `interactionNumber`, still open, linked to the incident
 * `incidentNumber` and that incident linked back: read on a connection of its own, so only
 * committed data counts. Opens without a version, so it never upgrades the desk's database.
 */
export async function escalationStored(
  dbName: string,
  interactionNumber: string,
  incidentNumber: string,
): Promise<boolean> {
  const db = await request(indexedDB.open(dbName));
  try {
    const tx = db.transaction(['interactions', 'incidents'], 'readonly');
    const interactions = (await request(
      tx.objectStore('interactions').getAll(),
    )) as StoredInteraction[];
    const interaction = interactions.find((i) => i.number === interactionNumber);
    const link = interaction?.relatedRecords?.find(
      (r) => r.kind === 'incident' && r.number === incidentNumber,
    );
    if (!interaction || !link || isClosed(interaction.state)) return false;
    const incident = (await request(tx.objectStore('incidents').get(link.id))) as
      StoredIncident | undefined;
    return incident?.relatedInteractions?.some((r) => r.id === interaction.id) ?? false;
  } finally {
    db.close();
  }
}

export interface SubmitTimer {
  /** The next Enter keydown starts the clock; the next "Incident … was created." stops it. */
  arm(): void;
  result(): { durableMs: number; incidentNumber: string } | null;
}

export function installSubmitTimer(win: Window): SubmitTimer {
  const state = {
    armed: false,
    start: null as number | null,
    end: null as number | null,
    number: '',
  };
  win.addEventListener(
    'keydown',
    (event) => {
      if (state.armed && state.start === null && event.key === 'Enter')
        state.start = event.timeStamp;
    },
    { capture: true },
  );
  new MutationObserver(() => {
    if (!state.armed || state.start === null || state.end !== null) return;
    const number = createdNumber(win.document);
    if (number === null) return;
    state.end = performance.now();
    state.number = number;
  }).observe(win.document.body, { subtree: true, childList: true, characterData: true });
  return {
    arm: () => Object.assign(state, { armed: true, start: null, end: null, number: '' }),
    result: () =>
      state.start !== null && state.end !== null
        ? { durableMs: state.end - state.start, incidentNumber: state.number }
        : null,
  };
}
