// The Walk-up section's commands: Call next, call anyone, Back to the queue, Left, No-show and
// Start (which opens the new interaction in the form). Sends commands; never changes a visit itself.

import { useState } from 'react';
import { Station, type Visit } from '../../shared/domain/visit';
import type { StoreResult } from '../../shared/domain/result';
import type { WalkUpQueueView } from '../../shared/store-api/walk-up-contract';
import { useDeskpad, useUi } from '../app/deskpad-context';
import type { WalkUpPlace } from '../app/ui-state';

/** What the section tells the agent after an action: said politely, or as an alert when refused. */
export interface WalkUpNotice {
  text: string;
  refused: boolean;
}

type Person = Pick<Visit, 'id' | 'displayName'>;

export interface WalkUpActions {
  notice: WalkUpNotice | null;
  busy: boolean;
  callNext: () => Promise<void>;
  call: (visit: Person) => Promise<void>;
  returnToQueue: (visit: Person) => Promise<void>;
  markLeft: (visit: Person) => Promise<void>;
  noShow: (visit: Person) => Promise<void>;
  start: (visit: Pick<Visit, 'id' | 'displayName' | 'person'>) => Promise<void>;
  /** Start on the person this agent called at this station (the Start shortcut). */
  startCalled: () => Promise<void>;
  tell: (notice: WalkUpNotice) => void;
}

export function useWalkUpActions(
  place: WalkUpPlace,
  queue: WalkUpQueueView | null,
  agentId: string | null,
): WalkUpActions {
  const { store, newId } = useDeskpad();
  const openAnyRecord = useUi((s) => s.openAnyRecord);
  const [notice, setNotice] = useState<WalkUpNotice | null>(null);
  const [busy, setBusy] = useState(false);

  /** The station, checked: calling without one would leave the visitor not knowing where to go. */
  const station = (): string | null => {
    const checked = Station.safeParse(place.station);
    if (checked.success) return checked.data;
    setNotice({ text: checked.error.issues[0]?.message ?? 'Name your station.', refused: true });
    return null;
  };

  const run = async <T>(
    send: () => Promise<StoreResult<T>>,
    said: (value: T) => string,
  ): Promise<T | null> => {
    if (busy) return null;
    setBusy(true);
    try {
      const answer = await send();
      if (!answer.ok) {
        setNotice({ text: answer.error.message, refused: true });
        return null;
      }
      setNotice({ text: said(answer.value), refused: false });
      return answer.value;
    } finally {
      setBusy(false);
    }
  };

  const call = async (visit: Person): Promise<void> => {
    const at = station();
    if (at === null) return;
    await run(
      () => store.command('visit.call', { id: visit.id, station: at }),
      () => `Called ${visit.displayName} to ${at}.`,
    );
  };

  const callNext = async (): Promise<void> => {
    const next = queue?.waiting[0]?.visit;
    if (!next) {
      setNotice({ text: 'Nobody is waiting.', refused: false });
      return;
    }
    await call(next);
  };

  const start = async (visit: Pick<Visit, 'id' | 'displayName' | 'person'>): Promise<void> => {
    const at = station();
    if (at === null) return;
    const user =
      visit.person === null ? null : await store.query('directory.getUser', { id: visit.person });
    const contact = user?.ok && user.value ? user.value : null;
    const interactionId = newId();
    const started = await run(
      () =>
        store.command('visit.start', {
          id: visit.id,
          interactionId,
          station: at,
          contactEmail: contact?.email ?? '',
          contactPhone: contact?.phone ?? '',
        }),
      () => `Serving ${visit.displayName}: the interaction is open in the form.`,
    );
    if (started !== null) openAnyRecord('interaction', interactionId);
  };

  const startCalled = async (): Promise<void> => {
    const mine = queue?.called.find(
      (v) => v.calledBy === agentId && (v.station ?? '') === place.station.trim(),
    );
    if (!mine) {
      setNotice({
        text: 'Call someone first: Start serves the person you called.',
        refused: false,
      });
      return;
    }
    await start(mine);
  };

  const simple =
    (name: 'visit.returnToQueue' | 'visit.markLeft' | 'visit.noShow', said: string) =>
    async (visit: Person): Promise<void> => {
      await run(
        () => store.command(name, { id: visit.id }),
        () => `${visit.displayName} ${said}.`,
      );
    };

  return {
    notice,
    busy,
    callNext,
    call,
    returnToQueue: simple('visit.returnToQueue', 'is back in the queue'),
    markLeft: simple('visit.markLeft', 'left the queue'),
    noShow: simple('visit.noShow', 'is marked No-show'),
    start,
    startCalled,
    tell: setNotice,
  };
}
