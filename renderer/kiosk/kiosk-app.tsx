// The kiosk page: signed in once with the kiosk account, at the location its address names
// (`kiosk.html?location=ID`); the check-in, the exit survey of this kiosk's finished visits, back
// to the start after a minute untouched, and a plain banner while the server is out of reach.

import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskVisitStatus, WalkUpLocationSummary } from '../../shared/sync/walk-up-api';
import { UNREACHABLE, type KioskAnswer, type KioskApi } from './kiosk-api';
import { KioskCheckIn } from './kiosk-check-in';
import { KioskSignIn } from './kiosk-sign-in';
import type { KioskMemory } from './kiosk-storage';
import { KioskSurvey } from './kiosk-survey';

export const IDLE_RESET_MS = 60_000;
export const POLL_MS = 10_000;

export interface KioskDeps {
  api: KioskApi;
  memory: KioskMemory;
  /** From the page's address (`?location=`); null when it names none. */
  locationId: string | null;
  newId: () => string;
  /** Back to the start after this long without a touch or a key (a minute). */
  idleMs?: number;
  /** How often the recent visits (for the survey) and an unreachable server are asked again. */
  pollMs?: number;
}

type Setup =
  | { at: 'signed-out'; notice: string | null }
  | { at: 'loading' }
  | { at: 'no-location'; message: string }
  | { at: 'ready'; location: WalkUpLocationSummary };

export function KioskApp({
  api,
  memory,
  locationId,
  newId,
  idleMs = IDLE_RESET_MS,
  pollMs = POLL_MS,
}: KioskDeps) {
  const [setup, setSetup] = useState<Setup>(() =>
    memory.token() === null ? { at: 'signed-out', notice: null } : { at: 'loading' },
  );
  const [unreachable, setUnreachable] = useState(false);
  /** A new round of the check-in (the start screen again) each time it changes. */
  const [round, setRound] = useState(0);
  const [survey, setSurvey] = useState<KioskVisitStatus | null>(null);
  const busyFlow = useRef(false);

  const onAnswer = useCallback(
    (answer: KioskAnswer<unknown>) => {
      if (answer.ok) setUnreachable(false);
      else if (answer.kind === 'unreachable') setUnreachable(true);
      else if (answer.kind === 'signed-out') {
        memory.setToken(null);
        setSetup({
          at: 'signed-out',
          notice: 'This kiosk was signed out. Staff: sign it in again.',
        });
      } else setUnreachable(false);
    },
    [memory],
  );

  const restart = useCallback(() => {
    busyFlow.current = false;
    setSurvey(null);
    setRound((r) => r + 1);
  }, []);

  // The location: read once signed in, and again while the server is out of reach.
  useEffect(() => {
    if (setup.at !== 'loading') return;
    if (locationId === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = async () => {
      const answer = await api.location(locationId);
      if (!live) return;
      onAnswer(answer);
      if (answer.ok) setSetup({ at: 'ready', location: answer.value });
      else if (answer.kind === 'refused') setSetup({ at: 'no-location', message: answer.message });
      else if (answer.kind === 'unreachable') timer = setTimeout(() => void load(), pollMs);
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, locationId, onAnswer, pollMs, setup.at]);

  // Back to the start after a minute untouched.
  useEffect(() => {
    if (setup.at !== 'ready') return;
    let last = Date.now();
    const touched = () => {
      last = Date.now();
    };
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const name of events) document.addEventListener(name, touched, true);
    const timer = setInterval(
      () => {
        if (Date.now() - last >= idleMs) {
          last = Date.now();
          restart();
        }
      },
      Math.min(5_000, idleMs),
    );
    return () => {
      for (const name of events) document.removeEventListener(name, touched, true);
      clearInterval(timer);
    };
  }, [idleMs, restart, setup.at]);

  // The recent check-ins: the first finished one not rated yet is offered the survey.
  useEffect(() => {
    if (setup.at !== 'ready' || survey !== null) return;
    let live = true;
    const look = async () => {
      for (const recent of memory.recent()) {
        const answer = await api.visit(recent.id);
        if (!live) return;
        onAnswer(answer);
        if (!answer.ok) {
          if (answer.kind === 'refused') memory.forget(recent.id);
          if (answer.kind !== 'refused') return;
          continue;
        }
        const visit = answer.value;
        if (visit.surveyOpen) {
          if (!busyFlow.current) setSurvey(visit);
          return;
        }
        if (['Done', 'No-show', 'Left'].includes(visit.state)) memory.forget(recent.id);
      }
    };
    void look();
    const timer = setInterval(() => void look(), pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, memory, onAnswer, pollMs, setup.at, survey]);

  const banner = unreachable && (
    <p className="kiosk-offline" role="alert">
      {UNREACHABLE}
    </p>
  );

  let body: React.ReactNode;
  const shown: Setup =
    locationId === null && setup.at !== 'signed-out'
      ? {
          at: 'no-location',
          message:
            'This kiosk does not know its location. Open it as kiosk.html?location=<location id>.',
        }
      : setup;
  switch (shown.at) {
    case 'signed-out':
      body = (
        <KioskSignIn
          api={api}
          notice={shown.notice}
          onSignedIn={(token) => {
            memory.setToken(token);
            setSetup({ at: 'loading' });
          }}
        />
      );
      break;
    case 'loading':
      body = (
        <section className="kiosk-panel" aria-label="Starting">
          <h1>Check in</h1>
          <p>Getting ready…</p>
        </section>
      );
      break;
    case 'no-location':
      body = (
        <section className="kiosk-panel" aria-label="Kiosk setup">
          <h1>Check in</h1>
          <p>{shown.message}</p>
        </section>
      );
      break;
    case 'ready':
      body = survey ? (
        <KioskSurvey
          api={api}
          visit={survey}
          onAnswer={onAnswer}
          onClosed={(visitId) => {
            memory.forget(visitId);
            restart();
          }}
        />
      ) : (
        <div
          className="kiosk-flow"
          onPointerDown={() => {
            busyFlow.current = true;
          }}
          onKeyDown={() => {
            busyFlow.current = true;
          }}
        >
          <KioskCheckIn
            key={round}
            api={api}
            location={shown.location}
            memory={memory}
            newId={newId}
            onAnswer={onAnswer}
            onFinished={restart}
          />
        </div>
      );
      break;
  }

  return (
    <main className="kiosk">
      {banner}
      {body}
    </main>
  );
}
