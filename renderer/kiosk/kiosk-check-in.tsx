// The check-in at the entrance, in big touch targets: who you are (employee id, email or badge,
// typed or scanned — a badge reader types and presses Enter) or a guest's name, the reason for the
// visit, then your place in the queue and the estimated wait. Never shows anyone else.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { KioskVisitStatus, WalkUpLocationSummary } from '../../shared/sync/walk-up-api';
import type { KioskAnswer, KioskApi } from './kiosk-api';
import type { KioskMemory } from './kiosk-storage';
import { IDENTIFIER_LABEL, positionSentence, waitSentence } from './kiosk-words';

export interface KioskFlowProps {
  api: KioskApi;
  location: WalkUpLocationSummary;
  memory: KioskMemory;
  newId: () => string;
  /** Every answer goes here first (the page's banner when the server is out of reach). */
  onAnswer: (answer: KioskAnswer<unknown>) => void;
  /** Back to the start (Done on the last screen). */
  onFinished: () => void;
}

type Who = { identifier: string } | { guestName: string };
type Step =
  | { at: 'identify'; error: string | null }
  | { at: 'guest'; error: string | null }
  | { at: 'reason'; who: Who; checkInId: string; error: string | null }
  | { at: 'checked-in'; status: KioskVisitStatus };

export function KioskCheckIn({
  api,
  location,
  memory,
  newId,
  onAnswer,
  onFinished,
}: KioskFlowProps) {
  const [step, setStep] = useState<Step>({ at: 'identify', error: null });
  const [busy, setBusy] = useState(false);

  const checkIn = async (who: Who, checkInId: string, reason: string, reasonDetail = '') => {
    if (busy) return;
    setBusy(true);
    const answer = await api.checkIn({
      id: checkInId,
      location: location.id,
      reason,
      reasonDetail,
      ...who,
    });
    setBusy(false);
    onAnswer(answer);
    if (answer.ok) {
      memory.remember(answer.value.id);
      setStep({ at: 'checked-in', status: answer.value });
      return;
    }
    if (answer.kind === 'signed-out') return;
    if (
      answer.kind === 'refused' &&
      (answer.fieldErrors.identifier || answer.fieldErrors.guestName)
    ) {
      const message =
        answer.fieldErrors.identifier ?? answer.fieldErrors.guestName ?? answer.message;
      setStep(
        'identifier' in who ? { at: 'identify', error: message } : { at: 'guest', error: message },
      );
      return;
    }
    // Unreachable, or refused for the reason: the same check-in id, so trying again is one visit.
    setStep({ at: 'reason', who, checkInId, error: answer.message });
  };

  switch (step.at) {
    case 'identify':
      return (
        <NameForm
          title="Check in"
          intro={`Welcome to ${location.name}. Type or scan your ${IDENTIFIER_LABEL.toLowerCase()}.`}
          label={IDENTIFIER_LABEL}
          missing="Enter your employee id, email or badge number, or check in as a guest."
          error={step.error}
          autoComplete="off"
          onSubmit={(identifier) =>
            setStep({ at: 'reason', who: { identifier }, checkInId: newId(), error: null })
          }
          other={
            <button
              type="button"
              className="kiosk-button"
              onClick={() => setStep({ at: 'guest', error: null })}
            >
              Check in as a guest
            </button>
          }
        />
      );
    case 'guest':
      return (
        <NameForm
          title="Check in as a guest"
          intro="Tell us your name, so we can call you."
          label="Your name"
          missing="Enter your name."
          error={step.error}
          autoComplete="name"
          onSubmit={(guestName) =>
            setStep({ at: 'reason', who: { guestName }, checkInId: newId(), error: null })
          }
          other={
            <button
              type="button"
              className="kiosk-button"
              onClick={() => setStep({ at: 'identify', error: null })}
            >
              Back
            </button>
          }
        />
      );
    case 'reason':
      return (
        <ReasonForm
          reasons={location.reasons}
          error={step.error}
          busy={busy}
          onReason={(reason, detail) => void checkIn(step.who, step.checkInId, reason, detail)}
          onBack={() => setStep({ at: 'identify', error: null })}
        />
      );
    case 'checked-in':
      return <CheckedIn status={step.status} onDone={onFinished} />;
  }
}

interface NameFormProps {
  title: string;
  intro: string;
  label: string;
  /** Said when Continue is pressed with the field empty. */
  missing: string;
  error: string | null;
  autoComplete: string;
  onSubmit: (value: string) => void;
  other: React.ReactNode;
}

function NameForm({
  title,
  intro,
  label,
  missing,
  error,
  autoComplete,
  onSubmit,
  other,
}: NameFormProps) {
  const id = useId();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  // A badge reader types into whatever has focus: the field always has it on this screen.
  useEffect(() => input.current?.focus(), []);
  const shown = problem ?? error;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = value.trim();
    if (trimmed === '') {
      setProblem(missing);
      input.current?.focus();
      return;
    }
    onSubmit(trimmed);
  };
  return (
    <form className="kiosk-panel" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h1 id={`${id}-title`}>{title}</h1>
      <p className="kiosk-intro">{intro}</p>
      <label htmlFor={`${id}-value`}>{label}</label>
      <input
        id={`${id}-value`}
        ref={input}
        className="kiosk-input"
        autoComplete={autoComplete}
        autoCapitalize="off"
        spellCheck={false}
        maxLength={254}
        value={value}
        aria-invalid={shown ? true : undefined}
        aria-describedby={shown ? `${id}-error` : undefined}
        onChange={(event) => {
          setValue(event.target.value);
          setProblem(null);
        }}
      />
      {shown && (
        <p id={`${id}-error`} className="kiosk-error" role="alert">
          {shown}
        </p>
      )}
      <div className="kiosk-actions">
        <button type="submit" className="kiosk-button kiosk-primary">
          Continue
        </button>
        {other}
      </div>
    </form>
  );
}

interface ReasonFormProps {
  reasons: readonly string[];
  error: string | null;
  busy: boolean;
  onReason: (reason: string, detail: string) => void;
  onBack: () => void;
}

function ReasonForm({ reasons, error, busy, onReason, onBack }: ReasonFormProps) {
  const id = useId();
  const [other, setOther] = useState('');
  const submitOther = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = other.trim();
    if (text !== '') onReason(text.slice(0, 80), text.length > 80 ? text : '');
  };
  return (
    <section className="kiosk-panel" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>What is your visit about?</h1>
      {error && (
        <p className="kiosk-error" role="alert">
          {error}
        </p>
      )}
      <div className="kiosk-reasons" role="group" aria-labelledby={`${id}-title`}>
        {reasons.map((reason) => (
          <button
            key={reason}
            type="button"
            className="kiosk-button kiosk-reason"
            disabled={busy}
            onClick={() => onReason(reason, '')}
          >
            {reason}
          </button>
        ))}
      </div>
      <form className="kiosk-other" onSubmit={submitOther} aria-label="Another reason" noValidate>
        <label htmlFor={`${id}-other`}>Or tell us in a few words</label>
        <input
          id={`${id}-other`}
          className="kiosk-input"
          maxLength={500}
          value={other}
          onChange={(event) => setOther(event.target.value)}
        />
        <button
          type="submit"
          className="kiosk-button kiosk-primary"
          disabled={busy || other.trim() === ''}
        >
          Check in
        </button>
      </form>
      <button type="button" className="kiosk-button" onClick={onBack}>
        Start again
      </button>
    </section>
  );
}

function CheckedIn({ status, onDone }: { status: KioskVisitStatus; onDone: () => void }) {
  const id = useId();
  const wait = waitSentence(status);
  return (
    <section className="kiosk-panel kiosk-checked-in" aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{status.greeting}</h1>
      <p className="kiosk-status" role="status">
        <span className="kiosk-position">{positionSentence(status)}</span>
        {wait && <span className="kiosk-wait">{wait}</span>}
      </p>
      <p>
        Your visit number is <strong>{status.number}</strong>. Please take a seat: the screen in the
        waiting area calls you.
      </p>
      <button type="button" className="kiosk-button kiosk-primary" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
