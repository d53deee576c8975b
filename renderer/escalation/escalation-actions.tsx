// The escalation buttons of a saved, open interaction (Create Incident, Create Request, Find
// existing incidents) and the dialogs they lead through; after a create or an associate it asks
// whether to close the interaction. Never closes the interaction without the agent's choice.

import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { escalationBlocker } from '../../shared/domain/escalation';
import { isClosed } from '../../shared/domain/interaction';
import { shortcutOf, type ShortcutId } from '../../shared/shortcuts';
import type { InteractionView } from '../../shared/store-api/contract';
import { AssignFirstDialog } from './assign-first-dialog';
import { CloseInteractionQuestion } from './close-interaction-question';
import { CreateRequestDialog } from '../request/create-request-dialog';
import { FindExistingIncidents } from '../incident/find-existing-incidents';
import { ReportIssueDialog } from '../incident/report-issue-dialog';

type Escalation = 'incident' | 'request';
export type EscalationStart = Escalation | 'find';

/** What the window's keyboard shortcuts (Alt+I, Alt+R, Alt+X) reach. */
export interface EscalationActionsHandle {
  /** Exactly what pressing that button does; nothing while the buttons are not shown. */
  start(kind: EscalationStart): void;
}

const BUTTONS: readonly { kind: EscalationStart; shortcut: ShortcutId }[] = [
  { kind: 'incident', shortcut: 'create-incident' },
  { kind: 'request', shortcut: 'create-request' },
  { kind: 'find', shortcut: 'find-existing-incidents' },
];

type Step =
  | { kind: 'assign-first'; next: Escalation; reason: string }
  | { kind: 'report' }
  | { kind: 'request' }
  | { kind: 'find' }
  | { kind: 'close-question'; made: string; note?: string };

interface EscalationActionsProps {
  interaction: InteractionView;
  /**
   * Runs before any step: the form saves what the agent typed, so the dialogs start from the
   * interaction as it is on screen. Answers the saved record, or null when it could not be saved.
   */
  beforeStart?: () => Promise<InteractionView | null>;
  /** After the agent chose to close the interaction from the question. */
  onInteractionClosed?: () => void;
  /** Says what the flow did in the form's own message; without it, in a message of its own. */
  announce?: (text: string) => void;
  ref?: Ref<EscalationActionsHandle>;
}

const focusIsLost = (): boolean => {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
};

const callers = (n: number): string => `${n} ${n === 1 ? 'caller' : 'callers'}`;

export function EscalationActions({
  interaction,
  beforeStart,
  onInteractionClosed,
  announce: announceInForm,
  ref,
}: EscalationActionsProps) {
  const [step, setStep] = useState<Step | null>(null);
  // A save or Assign to me answers a fresher record than the one the form passed, until it catches up.
  const [fresher, setFresher] = useState<InteractionView | null>(null);
  // On a tie the form's record wins: it is the live one, and may already say Closed.
  const current =
    fresher && fresher.id === interaction.id && fresher.updatedAt > interaction.updatedAt
      ? fresher
      : interaction;
  const [message, setMessage] = useState<{ seq: number; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const trigger = useRef<HTMLButtonElement | null>(null);
  const buttons = useRef(new Map<EscalationStart, HTMLButtonElement>());
  const closedNow = useRef(false);
  const closed = useRef(onInteractionClosed);
  useEffect(() => {
    closed.current = onInteractionClosed;
  });

  // A flow that went through several dialogs ends where it started: on the button pressed; or,
  // when it closed the interaction (the buttons go), wherever the form puts the agent. After the
  // dialog is gone, so the window is no longer inert.
  useEffect(() => {
    if (step !== null) return;
    if (closedNow.current) {
      closedNow.current = false;
      closed.current?.();
    } else if (focusIsLost()) trigger.current?.focus();
  }, [step]);

  const announce = (text: string) =>
    announceInForm ? announceInForm(text) : setMessage((m) => ({ seq: (m?.seq ?? 0) + 1, text }));

  /** The record to escalate: saved first when the form holds typing; null when that failed. */
  const ready = async (): Promise<InteractionView | null> => {
    if (!beforeStart) return current;
    setBusy(true);
    const saved = await beforeStart();
    setBusy(false);
    if (saved) setFresher(saved);
    return saved;
  };

  const start = async (next: EscalationStart, button?: HTMLButtonElement) => {
    if (busy) return;
    if (button) trigger.current = button;
    const record = await ready();
    if (!record) return;
    if (next === 'find') return setStep({ kind: 'find' });
    const reason = escalationBlocker(record);
    if (reason) setStep({ kind: 'assign-first', next, reason });
    else setStep({ kind: next === 'incident' ? 'report' : 'request' });
  };

  const escalate = (next: Escalation) =>
    setStep({ kind: next === 'incident' ? 'report' : 'request' });

  // A shortcut presses the button: the flow, its checks and where focus ends are the button's.
  useImperativeHandle(ref, () => ({
    start: (kind) => {
      const button = buttons.current.get(kind);
      if (button?.isConnected && step === null) void start(kind, button);
    },
  }));

  return (
    <div className="escalation-actions">
      {!isClosed(current.state) && (
        <div className="actions" role="group" aria-label="Escalate">
          {BUTTONS.map(({ kind, shortcut }) => {
            const { label, keys } = shortcutOf(shortcut);
            return (
              <button
                key={kind}
                type="button"
                className="button"
                ref={(el) => {
                  if (el) buttons.current.set(kind, el);
                  else buttons.current.delete(kind);
                }}
                aria-disabled={busy}
                aria-keyshortcuts={keys}
                title={`${label} (${keys})`}
                onClick={(e) => void start(kind, e.currentTarget)}
              >
                {label}
              </button>
            );
          })}
        </div>
      )}
      {!announceInForm && (
        <p className="save-message" role="status" aria-atomic="true">
          {message && <span key={message.seq}>{message.text}</span>}
        </p>
      )}

      {step?.kind === 'assign-first' && (
        <AssignFirstDialog
          interaction={current}
          reason={step.reason}
          onAssigned={
            isClosed(current.state)
              ? null
              : (assigned) => {
                  setFresher(assigned);
                  escalate(step.next);
                }
          }
          onCancel={() => setStep(null)}
        />
      )}
      {step?.kind === 'report' && (
        <ReportIssueDialog
          interaction={current}
          onCancel={() => setStep(null)}
          onCreated={(incident) =>
            setStep({ kind: 'close-question', made: `Incident ${incident.number} was created.` })
          }
        />
      )}
      {step?.kind === 'request' && (
        <CreateRequestDialog
          interaction={current}
          onCancel={() => setStep(null)}
          onCreated={(request) =>
            setStep({ kind: 'close-question', made: `Request ${request.number} was created.` })
          }
        />
      )}
      {step?.kind === 'find' && (
        <FindExistingIncidents
          interaction={current}
          onCancel={() => setStep(null)}
          onRegisterNew={() => void start('incident')}
          onAssociated={(incident) =>
            setStep({
              kind: 'close-question',
              made: `Associated with ${incident.number}: ${callers(incident.affectedCallers)} affected.`,
              note: 'Keep it open to call the user back when the incident is resolved.',
            })
          }
        />
      )}
      {step?.kind === 'close-question' && (
        <CloseInteractionQuestion
          interaction={current}
          made={step.made}
          {...(step.note ? { note: step.note } : {})}
          onDone={(wasClosed) => {
            closedNow.current = wasClosed;
            setStep(null);
            announce(
              wasClosed ? `${step.made} Interaction ${current.number} is closed.` : step.made,
            );
          }}
        />
      )}
    </div>
  );
}
